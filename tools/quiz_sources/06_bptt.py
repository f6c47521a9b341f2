"""Graded quiz questions of exercises/06_bptt.ipynb (why BPTT sums, truncation),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "06_bptt.ipynb"
QUESTIONS = [
    Question(
        "why_bptt_sums",
        "choice",
        "Why does backpropagation through time add up a contribution from every time step to dL/dW_hh?",
        "b",
        "The unrolled graph has one copy of the step per time step, and every copy reads the same W_xh, W_hh "
        "and b. A quantity used in several places gets the sum of the gradients from every place it is used, "
        "so "
        "BPTT adds the contribution of every time step, and the loss itself is a sum over steps as well.",
        {
            "a": "No: there is only one W_hh. Unrolling draws it T times, but every copy is the same matrix, "
            "updated once "
            "with the summed gradient; a separate copy per step would make the parameter count grow with T.",
            "c": "No: it is a sum, not an average taken to reduce noise. Each step uses the same weights, so "
            "each step's "
            "contribution is a real part of dL/dW; leaving one out gives a wrong gradient, not a noisier "
            "one.",
            "d": "No: the sum is there even when the loss sits at the last step only (many-to-one): h_T "
            "depends on W "
            "through every earlier step, and the sum over k of (dh_T/dh_k)(dh_k+/dW) collects those paths.",
        },
        options={
            "a": "each time step has its own copy of W_hh, and each copy is updated with its own gradient",
            "b": "the same W_hh is used at every step, so its gradient is the sum of the gradients through "
            "each use",
            "c": "adding up the steps averages out the noise of single steps",
            "d": "only because the loss is a sum over time steps; with a loss at the last step alone there "
            "is no sum",
        },
        salt="3d8a61f0c2b97e45",
    ),
    Question(
        "truncated_reach",
        "number",
        "A sequence of T = 12 steps has its loss at the last step only. Truncated BPTT with k = 3 detaches "
        "the "
        "state every 3 steps (before steps 4, 7 and 10, counting from 1). How many of the inputs x_1 ... "
        "x_12 "
        "get a nonzero gradient from this loss?",
        3,
        "3. With the state detached before steps 4, 7 and 10 (counting from 1), the loss at step 12 reaches "
        "back only through the last chunk, steps 10, 11 and 12; x_1 ... x_9 get no gradient from it.",
        {
            12: "That is full BPTT: every input would get a gradient. With truncation the state is detached "
            "every 3 "
            "steps, so the gradient stops at the start of the last chunk.",
            4: "That is the number of chunks of 3 steps in 12. The loss at the last step reaches only its "
            "own chunk.",
            1: "The gradient does not stop at the last step: inside its chunk it flows back through the "
            "state, "
            "to every step of that chunk.",
            2: "Count the last step too: the chunk is steps 10, 11 and 12, and all three inputs get a "
            "gradient.",
        },
        salt="91f4c07b2ae6d385",
    ),
]
