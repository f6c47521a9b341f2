"""Check yourself, lesson 03: unfolding (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "03_unfolding.ipynb"
QUESTIONS = [
    Question(
        "unfold_mnop",
        "multiple",
        "In a_{t+1}^l = f(W_m a_{t+1}^n + W_o a_t^p + b^l), the letters m, n, o and p stand for the indices "
        "of a "
        "stacked RNN's equation. Which of these are right? (Select every right one.)",
        ["a", "b", "d", "e"],
        "a_{t+1}^l = f(W_F a_{t+1}^{l-1} + W_R a_t^l + b^l): the feedforward weights read the layer below at "
        "the "
        "same step (m = F, n = l-1), the recurrent weights read the same layer one step earlier (o = R, p = "
        "l).",
        {
            (
                "a",
                "c",
                "d",
                "e",
            ): "n = l would make the layer read its own output at the step it is computing. "
            "W_F reads the layer below, l-1, at the same step t+1.",
            (
                "a",
                "b",
                "d",
                "f",
            ): "p = l-1 would make the recurrent weights read the layer below. W_R reads the same "
            "layer l at the previous step t: that is the recurrence.",
            (
                "a",
                "b",
            ): "Half of it: W_F reads layer l-1 at step t+1. The second product is W_R a_t^l, the same "
            "layer one step back, so o = R and p = l are right too.",
            (
                "d",
                "e",
            ): "Half of it: W_R reads a_t^l. The first product is W_F a_{t+1}^{l-1}, so m = F and n = l-1 "
            "are right too.",
            (
                "b",
                "c",
                "d",
                "e",
                "f",
                "a",
            ): "n cannot be both l and l-1, nor p: pick the index each product reads.",
        },
        options={"a": "m = F", "b": "n = l - 1", "c": "n = l", "d": "o = R", "e": "p = l", "f": "p = l - 1"},
    ),
    Question(
        "unfold_same_weights",
        "choice",
        "One recurrent layer (D = 3, H = 7) reads a sequence of 5 steps and then one of 50. Unfolded, the "
        "second "
        "graph has ten times as many copies of the step. What happens to the number of parameters?",
        "a",
        "It stays the same: every copy of the step uses the same W_F, W_R and b. Unfolding copies the "
        "computation, not the weights, which is why one network reads sequences of any length.",
        {
            "b": "The copies share their weights: 50 copies of the step still use one W_F, one W_R and one "
            "b.",
            "c": "The parameter count depends on D and H only; T changes the work and the memory of "
            "training, "
            "not the number of weights.",
            "d": "The batch size never enters the parameter count; nor does T.",
        },
        options={
            "a": "it stays the same",
            "b": "it is ten times larger",
            "c": "it grows, but less than tenfold",
            "d": "it depends on the batch size",
        },
    ),
    Question(
        "unfold_flat_weights",
        "number",
        "A feed-forward network reads a whole sequence of T = 10 steps of D = 3 features, flattened into one "
        "vector, into 7 hidden units. How many weights does its first matrix hold (no bias)?",
        210,
        "7 x (10 x 3) = 210: one weight for every hidden unit and every input number. Make T = 20 and it "
        "needs "
        "420, and it can no longer read sequences of 10 steps; the recurrent layer's 3 x 7 + 7 x 7 = 70 "
        "weights serve any length.",
        {
            21: "That is 7 x 3, one step's worth. The flattened network reads all 10 steps at once: 7 x 30.",
            70: "That is the recurrent layer's W_F and W_R (21 + 49). The feed-forward network has no W_R, "
            "but its "
            "first matrix reads all 30 input numbers: 7 x 30.",
            30: "30 is the length of the flattened input; each of the 7 hidden units has a weight for each "
            "of "
            "those numbers.",
        },
    ),
    Question(
        "unfold_order",
        "choice",
        "A two-layer RNN unfolded over 4 steps: which orders of computing the 8 states a_t^l give the right "
        "result?",
        "c",
        "Both: each state needs the one below it (same step) and the one before it (same layer). Step by "
        "step "
        "and layer by layer both respect those arrows, so both give the same numbers; libraries usually go "
        "layer by layer.",
        {
            "a": "That order is valid, but it is not the only one: layer 1 over all 4 steps, then layer 2, "
            "also "
            "computes every state after the states it needs.",
            "b": "That order is valid, but so is step by step: at step t both layers' inputs are ready once "
            "step "
            "t-1 is done.",
            "d": "The unfolded graph has no cycle, so an order exists: any order in which each state comes "
            "after the "
            "one below it and the one before it.",
        },
        options={
            "a": "only step by step: both layers at t = 1, then both at t = 2, ...",
            "b": "only layer by layer: layer 1 over all steps, then layer 2 over all steps",
            "c": "both of these",
            "d": "neither: the states depend on each other in a cycle",
        },
    ),
]
