"""Graded quiz questions of exercises/07_vanishing_exploding.ipynb (singular values, clipping),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "07_vanishing_exploding.ipynb"
QUESTIONS = [
    Question(
        "singular_value_below_one",
        "choice",
        "The recurrent matrix W_R of a tanh RNN has largest singular value 0.8 (so its spectral radius is at "
        "most "
        "0.8 too). What happens to the norm of dL_T/dh_t as the distance T - t grows?",
        "b",
        "Each step back multiplies by diag(1 - h_k^2) W_R. tanh's derivative is at most 1, so one step can "
        "stretch "
        "the gradient by no more than the largest singular value, 0.8: after n steps it is at most 0.8^n of "
        "its "
        "size, and saturation only shrinks it faster. A spectral radius of 0.8 alone would not be enough: "
        "lesson 07 "
        "shows a W_R with radius 0.63 (and largest singular value 1.91) whose gradient grows.",
        {
            "a": "growth needs a largest singular value above 1; with 0.8 every step back shrinks the "
            "gradient by at "
            "least a factor 0.8 (tanh's derivative, at most 1, can only help).",
            "c": "that needs steps that keep the size, which a largest singular value of 0.8 rules out: 50 "
            "steps back "
            "the gradient is at most 0.8^50, about 1e-5, of its size.",
            "d": "saturation makes tanh's derivative close to 0, which shrinks that step further; with a "
            "largest "
            "singular value of 0.8 no step can stretch the gradient. (With only the spectral radius below 1, "
            "saturation can make it grow: lesson 07's counterexample.)",
        },
        options={
            "a": "it grows step by step, so it explodes",
            "b": "it shrinks towards zero, roughly by a constant factor per step: it vanishes",
            "c": "it stays about the same size",
            "d": "it shrinks at first, then grows once the tanh units saturate",
        },
        salt="3d9e1f7a0b6c2548",
    ),
    Question(
        "what_clipping_fixes",
        "choice",
        "Which problem does clipping the gradient by its global norm help with?",
        "a",
        "Clipping only ever shortens a gradient that is longer than the limit. A gradient that has vanished "
        "is far "
        "below any limit and passes unchanged: vanishing needs another architecture (the LSTM) or "
        "initialisation.",
        {
            "b": "clipping never makes a gradient longer: a gradient below the limit passes unchanged, so a "
            "vanished "
            "gradient stays vanished. It is the exploding ones it cuts down.",
            "c": "it cuts exploding gradients down, but it never scales a gradient up, so a vanished "
            "gradient stays "
            "vanished.",
            "d": "it does fix something: in this notebook's run it turned a loss that became inf into one "
            "that trained. "
            "It bounds the size of each update when the gradient explodes.",
        },
        options={
            "a": "exploding gradients only",
            "b": "vanishing gradients only",
            "c": "both exploding and vanishing gradients",
            "d": "neither: it only speeds up training",
        },
        salt="8a51c3e7f90d2b64",
    ),
]
