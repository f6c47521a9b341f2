"""Questions of exercises/02_recurrent_neuron.ipynb: the step of both recurrent forms.

    elman_step(x_t, h_prev, W_xh, W_hh, b)               -> h_t
    jordan_step(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y)   -> (h_t, y_t)

Shapes (batch-first, weights stored (out, in)): x_t (N, D), h_prev (N, H), y_prev (N, O),
W_xh (H, D), W_hh (H, H), W_yh (H, O), b (H,), W_hy (O, H), b_y (O,).
"""

from __future__ import annotations

import numpy as np

from ..nn import JordanParams, LayerParams, jordan_step_forward, rnn_step_forward
from .core import Case, FunctionQuestion, matching_slips
from .registry import sealed_questions

NOTEBOOK = "02_recurrent_neuron.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def _elman_inputs(rng, N, D, H, scale=1.0) -> dict:
    return {
        "x_t": rng.standard_normal((N, D)) * scale,
        "h_prev": np.tanh(rng.standard_normal((N, H))),
        "W_xh": rng.standard_normal((H, D)) * 0.5,
        "W_hh": rng.standard_normal((H, H)) * 0.5,
        "b": rng.standard_normal(H) * 0.1,
    }


def elman_reference(x_t, h_prev, W_xh, W_hh, b):
    h_t, _ = rnn_step_forward(x_t, h_prev, LayerParams(W_xh, W_hh, b, np.zeros_like(b)))
    return (h_t,)


def elman_slips(x_t, h_prev, W_xh, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_t,)}.

    Each hint says what the learner's code does, then what it needs.
    """
    a = x_t @ W_xh.T + h_prev @ W_hh.T + b
    return {
        "your h_t has no activation (it is the sum x_t @ W_xh.T + h_prev @ W_hh.T + b itself); it needs tanh "
        "of that sum": (a,),
        "your h_t takes the sigmoid of the sum; the recurrent neuron here takes tanh, so that a state can be "
        "negative as well as positive (-1 to 1)": (1 / (1 + np.exp(-a)),),
        "your h_t takes ReLU of the sum; the recurrent neuron here takes tanh, which keeps each state "
        "between "
        "-1 and 1": (np.maximum(a, 0),),
        "the bias b is missing from your sum; it needs + b inside the tanh": (
            np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T),
        ),
        "h_prev is not used in your h_t; the previous state needs to enter through W_hh, + h_prev @ W_hh.T": (
            np.tanh(x_t @ W_xh.T + b),
        ),
        "your recurrent term is h_prev @ W_hh, without the transpose; with one sequence per row it needs "
        "h_prev @ W_hh.T": (np.tanh(x_t @ W_xh.T + h_prev @ W_hh + b),),
    }


def elman_hints(inputs, received) -> str | None:
    """Recognise the usual slips by recomputing the step with each one made on purpose."""
    try:
        return matching_slips(received, elman_slips(**inputs))
    except (TypeError, ValueError, IndexError, FloatingPointError):
        return None


def _jordan_inputs(rng, N, D, H, O) -> dict:
    return {
        "x_t": rng.standard_normal((N, D)),
        "y_prev": rng.standard_normal((N, O)),
        "W_xh": rng.standard_normal((H, D)) * 0.5,
        "W_yh": rng.standard_normal((H, O)) * 0.5,
        "b": rng.standard_normal(H) * 0.1,
        "W_hy": rng.standard_normal((O, H)) * 0.5,
        "b_y": rng.standard_normal(O) * 0.1,
    }


def jordan_reference(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    y_t, cache = jordan_step_forward(x_t, y_prev, JordanParams(W_xh, W_yh, b, W_hy, b_y))
    return cache.h, y_t


def jordan_slips(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_t, y_t)}."""
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    y_t = h_t @ W_hy.T + b_y
    h_no_y = np.tanh(x_t @ W_xh.T + b)
    h_no_b = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T)
    return {
        "your function returns (y_t, h_t); it needs to return them in the order (h_t, y_t)": (y_t, h_t),
        "y_prev is not used in your h_t; the previous output needs to enter the hidden units through W_yh, "
        "+ y_prev @ W_yh.T": (h_no_y, h_no_y @ W_hy.T + b_y),
        "your y_t takes tanh; the output here is linear, it needs y_t = h_t @ W_hy.T + b_y with no "
        "activation": (
            h_t,
            np.tanh(y_t),
        ),
        "the output bias b_y is missing from your y_t; it needs y_t = h_t @ W_hy.T + b_y": (
            h_t,
            h_t @ W_hy.T,
        ),
        "the bias b is missing from your h_t; it needs + b inside the tanh": (h_no_b, h_no_b @ W_hy.T + b_y),
        "your y_t is computed from the sum before the tanh; it needs the new hidden state, "
        "y_t = h_t @ W_hy.T + b_y with h_t = tanh(...)": (
            h_t,
            (x_t @ W_xh.T + y_prev @ W_yh.T + b) @ W_hy.T + b_y,
        ),
    }


def jordan_hints(inputs, received) -> str | None:
    try:
        return matching_slips(received, jordan_slips(**inputs))
    except (TypeError, ValueError, IndexError, FloatingPointError):
        return None


QUESTIONS = {
    "elman_step": FunctionQuestion(
        grade_id="elman_step",
        notebook=NOTEBOOK,
        function="elman_step",
        outputs={"h_t": ("sequence", "hidden unit")},
        reference=elman_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=2, H=4)",
                _elman_inputs(np.random.default_rng(2), 3, 2, 4),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence (N=1, D=3, H=2)",
                _elman_inputs(np.random.default_rng(seed), 1, 3, 2),
            ),
            Case(
                "a hidden case with large inputs (N=5, D=4, H=6)",
                _elman_inputs(np.random.default_rng(seed + 1), 5, 4, 6, scale=4.0),
            ),
        ],
        points=2,
        hints=elman_hints,
        slips=elman_slips,
    ),
    "jordan_step": FunctionQuestion(
        grade_id="jordan_step",
        notebook=NOTEBOOK,
        function="jordan_step",
        outputs={"h_t": ("sequence", "hidden unit"), "y_t": ("sequence", "output")},
        reference=jordan_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=2, H=5, O=4)",
                _jordan_inputs(np.random.default_rng(3), 3, 2, 5, 4),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case (N=2, D=3, H=5, O=2)",
                _jordan_inputs(np.random.default_rng(seed + 2), 2, 3, 5, 2),
            ),
            Case(
                "a hidden case with one sequence (N=1, D=1, H=3, O=3)",
                _jordan_inputs(np.random.default_rng(seed + 3), 1, 1, 3, 3),
            ),
        ],
        points=2,
        hints=jordan_hints,
        slips=jordan_slips,
    ),
    "which_form_remembers_more": QUIZ["which_form_remembers_more"],
    "shape_of_w_xh": QUIZ["shape_of_w_xh"],
}
