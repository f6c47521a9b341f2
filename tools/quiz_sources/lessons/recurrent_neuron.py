"""Check yourself, lesson 02: the recurrent neuron (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "02_recurrent_neuron.ipynb"
QUESTIONS = [
    Question(
        "neuron_core_idea",
        "choice",
        "What is the idea that makes a recurrent network suited to sequences?",
        "b",
        "Its state is updated as each new element arrives, from the element and the previous state, so "
        "what it has seen so far shapes how it reads what comes next. The same weights do this at every "
        "step.",
        {
            "a": "A second weight matrix adds parameters, but capacity is not the point: a feed-forward "
            "network can "
            "be made as large. W_R's job is to carry the state from one element to the next.",
            "c": "A recurrent network reads one element per step; reading everything at once is what a "
            "feed-forward "
            "network on the flattened sequence does.",
            "d": "The weights are the same at every step; that sharing is what lets one network read "
            "sequences of "
            "any length.",
        },
        options={
            "a": "two weight matrices, W_F and W_R, give it more learning capacity",
            "b": "its state updates itself as it sees each new element of the sequence",
            "c": "it reads all the elements of the sequence at once",
            "d": "it learns separate weights for every position in the sequence",
        },
    ),
    Question(
        "neuron_handover",
        "number",
        "An output-to-hidden (Jordan) network has D = 3 inputs, H = 100 hidden units and O = 1 output. How "
        "many "
        "numbers does it hand from one step to the next?",
        1,
        "One: the output y_{t-1}. Its 100 hidden units are recomputed from x_t and y_{t-1} at every step, "
        "and "
        "what they held is lost unless it shows in that one output.",
        {
            100: "That is what a hidden-to-hidden (Elman) net hands on. In the output-to-hidden form the "
            "hidden "
            "units are not fed back; only the output is.",
            101: "The hidden units are not fed back in the output-to-hidden form, only the output.",
            3: "The inputs are not handed on: each step reads its own x_t. What crosses from step to step is "
            "the "
            "fed-back output.",
        },
    ),
    Question(
        "neuron_teacher_forcing",
        "choice",
        "Teacher forcing computes all steps of an output-to-hidden network in one matrix product. Why can it "
        "not "
        "do the same for a hidden-to-hidden network?",
        "a",
        "Teacher forcing replaces the fed-back value by its target, which is known in advance. The hidden "
        "state "
        "h_{t-1} has no target: it must be computed, step after step.",
        {
            "b": "The nonlinearity is not the obstacle: the output-to-hidden net has a tanh too, and teacher "
            "forcing "
            "still computes all its steps at once, because its fed-back values come from the data.",
            "c": "Parameter count is not the point; the two nets in the lesson had the same number. The "
            "fed-back "
            "value must be known in advance, and a hidden state is not.",
            "d": "Teacher forcing is used with hidden-to-hidden decoders too (lesson 05), for their fed-back "
            "outputs; "
            "what it cannot replace is the hidden state, which has no target.",
        },
        options={
            "a": "the hidden state h_{t-1} has no target to put in its place, so it must be computed in "
            "order",
            "b": "tanh is nonlinear, so the steps cannot be combined",
            "c": "a hidden-to-hidden network has too many parameters",
            "d": "teacher forcing only works for networks with one output",
        },
    ),
    Question(
        "neuron_reaches_1000",
        "choice",
        "The state of a one-neuron recurrent layer starts at h_0 = 0.5 and is 1000 after 20 steps. Which "
        "activation can it have?",
        "c",
        "Only ReLU: it is unbounded (with w = 1.5, 0.5 * 1.5^20 is about 1660). tanh keeps the state in (-1, "
        "1) "
        "and the sigmoid in (0, 1). Bounded is about size, not growth: tanh with w = 2 grows a state of 1e-4 "
        "about 9,600-fold in 20 steps, as the lesson showed.",
        {
            "a": "tanh's output lies in (-1, 1), so its state can never be 1000, whatever the weight. (It "
            "can grow "
            "a thousandfold from a tiny start, but not to 1000.)",
            "b": "The sigmoid's output lies in (0, 1): a state of 1000 is out of its reach.",
            "d": "tanh and the sigmoid are bounded: their states stay in (-1, 1) and (0, 1).",
        },
        options={
            "a": "tanh",
            "b": "the sigmoid",
            "c": "ReLU",
            "d": "any of the three, with a large enough weight",
        },
    ),
]
