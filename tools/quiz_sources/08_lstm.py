"""Graded quiz questions of exercises/08_lstm.ipynb (the forget gate),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "08_lstm.ipynb"
QUESTIONS = [
    Question(
        "lstm_which_gate_keeps",
        "choice",
        "Which part of the LSTM decides how much of the old cell state c_{t-1} is kept in c_t?",
        "b",
        "c_t = f * c_{t-1} + i * g, so f (between 0 and 1 per unit) scales what is kept of the old "
        "cell state. With f near 1 and i near 0 a unit holds its value unchanged for many steps.",
        {
            "a": "The input gate scales what is written (i * g), not what is kept of c_{t-1}.",
            "c": "The output gate decides how much of tanh(c_t) is shown in h_t; the cell state keeps its "
            "value.",
            "d": "g is the candidate content that may be written; it does not touch c_{t-1}.",
        },
        options={
            "a": "the input gate i",
            "b": "the forget gate f",
            "c": "the output gate o",
            "d": "the candidate g",
        },
        salt="5b1e0c93d7a24f86",
    ),
    Question(
        "lstm_cell_after_10_steps",
        "number",
        "A cell unit holds a value; for the next 10 steps its forget gate is f = 0.9 and its input gate i = "
        "0. "
        "What fraction of the value is left in the cell after the 10 steps (two decimals)?",
        0.35,
        "nothing is written (i = 0), so c_t = f * c_{t-1} = 0.9 c_{t-1} at each step, and after 10 steps "
        "0.9^10 = 0.35 of the value is left. The gradient along the cell path shrinks by the same factor; "
        "a learnt f near 1 keeps both the value and its gradient for a long time.",
        {
            0.9: "That is what is left after one step; the forget gate multiplies again at each of the 10 "
            "steps.",
            0.1: "1 - f is what is lost in one step, not what is left after ten.",
            0.0: "The forget gate scales the cell state down, it does not erase it: f = 0.9 keeps 90% a "
            "step.",
            1.0: "Only f = 1 keeps the value whole; here each step keeps 90% of it.",
            0.65: "That is what is lost, 1 - 0.9^10; the question asks what is left.",
        },
        tolerance=0.01,
        salt="e83a4c1f90b2d765",
    ),
]
