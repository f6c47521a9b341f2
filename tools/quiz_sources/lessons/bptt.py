"""Check yourself, lesson 06: backpropagation through time (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "06_bptt.ipynb"
QUESTIONS = [
    Question(
        "bptt_paths",
        "number",
        "The loss L depends on h_3 only, in a tanh RNN run for 3 steps. Through how many of the states h_1, "
        "h_2, "
        "h_3 does W_hh reach L, each giving one term of dL/dW_hh?",
        3,
        "Three: W_hh enters h_1 (from h_0), h_2 and h_3, and h_1 and h_2 reach L through the later states. "
        "dL/dW_hh = sum over k of (dL/dh_3)(dh_3/dh_k)(the explicit dh_k/dW_hh).",
        {
            1: "That is only the explicit term, through h_3 = tanh(W_hh h_2 + ...). W_hh also made h_2 and "
            "h_1, "
            "which reach h_3: those paths add terms.",
            2: "Count h_1 too: it is computed with W_hh from h_0, and it reaches L through h_2 and h_3.",
        },
    ),
    Question(
        "bptt_memory",
        "choice",
        "Backpropagation through a sequence of T steps keeps a cache for the backward pass. How does its "
        "size "
        "grow, with full BPTT and with truncation every k steps?",
        "a",
        "Full BPTT keeps every step's state to go back through, so memory grows with T; truncated BPTT goes "
        "back at most k steps, so it keeps k (the lesson measured about 19x less for k = 20 of T = 400).",
        {
            "b": "Full BPTT must go back through every step, so it keeps all T of them.",
            "c": "The cache holds states, one per step it can go back through: T for full BPTT, k for "
            "truncated.",
            "d": "Truncation does save memory; that is why it is used on long sequences.",
        },
        options={
            "a": "with T for full BPTT, with k for truncated BPTT",
            "b": "with k for both",
            "c": "with the number of parameters, for both",
            "d": "with T for both: truncation only saves time",
        },
    ),
    Question(
        "bptt_where_cuts_fall",
        "number",
        "A sequence of T = 10 steps is cut into chunks of k = 4 from the start (1-4, 5-8, 9-10), with the "
        "state "
        "detached between chunks. The only loss is at step 10. How many steps (step 10 included) does its "
        "gradient reach?",
        2,
        "Two: steps 9 and 10, the last chunk. Cuts made from the start leave a short last chunk, so a loss "
        "at "
        "the end reaches back less than k steps. Cutting from the end (7-10, 3-6, 1-2) would give it 4.",
        {
            4: "That is k, what a loss right after a full chunk would get. Here the last chunk is 9-10, only "
            "2 "
            "steps long, and the gradient stops at its start.",
            10: "That is full BPTT. The detach at the start of the chunk 9-10 stops the gradient there.",
            1: "Step 9 is in the same chunk as step 10, so the gradient reaches it too.",
        },
    ),
    Question(
        "bptt_truncated_learns",
        "choice",
        "A task needs the network to carry x_1 to the loss at step 10. What does truncated BPTT with chunks "
        "of "
        "3 learn, compared with full BPTT?",
        "c",
        "It cannot learn to write x_1 into the state: no gradient crosses a cut, so nothing tells the early "
        "steps what the loss at step 10 needs. The lesson's run stayed near the predict-0 baseline while "
        "full "
        "BPTT solved the task.",
        {
            "a": "The forward pass does carry the state across the cuts, but the gradient does not, so the "
            "early "
            "steps are never taught to store x_1.",
            "b": "It is not a matter of time: with the same budget full BPTT solved it and truncated BPTT "
            "stayed "
            "near the baseline. More epochs do not send gradient across a cut.",
            "d": "Truncation does not change the forward pass or the loss, only how far back the gradient "
            "goes.",
        },
        options={
            "a": "the same, since the state still carries x_1 forward across the cuts",
            "b": "the same, only more slowly",
            "c": "not the dependency: no gradient crosses a cut, so it cannot learn to store x_1",
            "d": "a different task, because truncation changes the loss",
        },
    ),
]
