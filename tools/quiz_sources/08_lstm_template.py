"""Questions of exercises/08_lstm.ipynb: one LSTM step, forward and backward (PyTorch's gate order).

    lstm_step_forward(x, h_prev, c_prev, W_ih, W_hh, b)                     -> (h_next, c_next)
    lstm_step_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b)  -> (dx, dh_prev, dc_prev,
                                                                                dW_ih, dW_hh, db)

Shapes (batch-first, weights stored (out, in), gate blocks [i, f, g, o] each H wide):
x (N, D), h_prev and c_prev (N, H), W_ih (4H, D), W_hh (4H, H), b (4H,).
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, lstm_step_backward, lstm_step_forward
from ..nn.activations import sigmoid
from ..nn.gradcheck import rel_error
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "08_lstm.ipynb"


def _params(W_ih, W_hh, b) -> LayerParams:
    return LayerParams(W_ih, W_hh, b, np.zeros_like(b))  # one bias: torch's two are summed


def _step_inputs(rng, N, D, H, scale=1.0) -> dict:
    return {"x": rng.standard_normal((N, D)) * scale, "h_prev": np.tanh(rng.standard_normal((N, H))),
            "c_prev": rng.standard_normal((N, H)), "W_ih": rng.standard_normal((4 * H, D)) * 0.5,
            "W_hh": rng.standard_normal((4 * H, H)) * 0.5, "b": rng.standard_normal(4 * H) * 0.2}


def _backward_inputs(rng, N, D, H, scale=1.0) -> dict:
    upstream = {"dh_next": rng.standard_normal((N, H)), "dc_next": rng.standard_normal((N, H))}
    return upstream | _step_inputs(rng, N, D, H, scale)


def forward_reference(x, h_prev, c_prev, W_ih, W_hh, b):
    h_next, c_next, _ = lstm_step_forward(x, h_prev, c_prev, _params(W_ih, W_hh, b))
    return h_next, c_next


def backward_reference(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    _, _, cache = lstm_step_forward(x, h_prev, c_prev, _params(W_ih, W_hh, b))
    dx, dh_prev, dc_prev, grads = lstm_step_backward(dh_next, dc_next, cache)
    return dx, dh_prev, dc_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih


def _slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The step with one usual slip made on purpose -> (h_next, c_next)."""
    z = x @ W_ih.T + h_prev @ W_hh.T + b
    blocks = np.split(z, 4, axis=1)
    if slip == "order ifog":  # the i, f, o, g order of some tutorials
        a_i, a_f, a_g, a_o = blocks[0], blocks[1], blocks[3], blocks[2]
    else:
        a_i, a_f, a_g, a_o = blocks
    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)
    g = sigmoid(a_g) if slip == "sigmoid g" else np.tanh(a_g)
    c_next = f * c_prev + i * g
    h_next = o * c_next if slip == "no tanh(c)" else o * np.tanh(c_next)
    return h_next, c_next


FORWARD_SLIPS = {
    "order ifog": "the gate blocks are in the order i, f, o, g; PyTorch's order (used here) is i, f, g, o: "
                  "the third block of H rows is the candidate g, the fourth the output gate o",
    "sigmoid g": "the candidate g takes tanh, not the sigmoid: it is the content written to the cell and "
                 "may be negative; only the gates i, f, o take the sigmoid",
    "no tanh(c)": "h_next = o * tanh(c_next): the cell state goes through tanh before the output gate scales it",
}


def forward_hints(inputs, received) -> str | None:
    got = [np.asarray(r, dtype=float) for r in received]
    for slip, words in FORWARD_SLIPS.items():
        expected = _slipped_forward(*inputs.values(), slip)
        if all(e.shape == g.shape and rel_error(e, g) < 1e-6 for e, g in zip(expected, got)):
            return words
    right = forward_reference(*inputs.values())
    if got[0].shape == right[0].shape and rel_error(got[0], right[0]) < 1e-6:
        return "h_next is right but c_next is not: return the new cell state c_next = f * c_prev + i * g"
    return None


def backward_hints(inputs, received) -> str | None:
    dh_next, dc_next = inputs["dh_next"], inputs["dc_next"]
    rest = list(inputs.values())[2:]
    got = [np.asarray(r, dtype=float) for r in received]
    right = backward_reference(*inputs.values())
    names = ["dx", "dh_prev", "dc_prev", "dW_ih", "dW_hh", "db"]
    wrong = [n for n, r, g in zip(names, right, got) if r.shape != g.shape or rel_error(r, g) > 1e-6]
    h_next, c_next = forward_reference(*rest)
    z = rest[0] @ rest[3].T + rest[1] @ rest[4].T + rest[5]
    f, o = sigmoid(np.split(z, 4, axis=1)[1]), sigmoid(np.split(z, 4, axis=1)[3])
    tanh_c = np.tanh(c_next)
    dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
    if wrong == ["dc_prev"]:
        if got[2].shape == dc.shape and rel_error(got[2], dc) < 1e-6:
            return "dc_prev is the gradient at c_t; it reaches c_prev through the forget gate: dc_prev = dc * f"
        if got[2].shape == dc.shape and rel_error(got[2], dc_next * f) < 1e-6:
            return ("dc_prev misses the path through h_next = o * tanh(c_next): the total gradient at c_next is "
                    "dc = dc_next + dh_next * o * (1 - tanh(c_next)^2), and dc_prev = dc * f")
    if "dc_prev" in wrong and got[2].shape == dc.shape and rel_error(got[2], np.zeros_like(dc)) < 1e-12:
        return "dc_prev is zero: c_prev enters c_next = f * c_prev + i * g, so dc_prev = dc * f"
    # the same slip in every gradient: a gate block in the wrong place, or the wrong activation's derivative
    dW_ih = np.asarray(right[3])
    blocks = np.split(dW_ih, 4, axis=0)
    swapped = np.concatenate([blocks[0], blocks[1], blocks[3], blocks[2]], axis=0)
    if "dW_ih" in wrong and got[3].shape == dW_ih.shape and rel_error(got[3], swapped) < 1e-6:
        return FORWARD_SLIPS["order ifog"]
    if "dc_prev" in wrong or "dx" in wrong:
        if got[2].shape == dc.shape and rel_error(got[2], (dc_next + dh_next * o) * f) < 1e-6:
            return "the derivative of tanh(c_next) is missing: d tanh(c)/dc = 1 - tanh(c)^2"
    if wrong and set(wrong) <= {"dW_ih", "dW_hh", "db"}:
        return ("dx, dh_prev and dc_prev are right but a parameter gradient is not: dW_ih = dz^T x, "
                "dW_hh = dz^T h_prev and db = the sum of dz over the batch (rows), with dz (N, 4H)")
    return None


QUESTIONS = {
    "lstm_step_forward": FunctionQuestion(
        grade_id="lstm_step_forward", notebook=NOTEBOOK, function="lstm_step_forward",
        outputs={"h_next": ("sequence", "hidden unit"), "c_next": ("sequence", "cell unit")},
        reference=forward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _step_inputs(np.random.default_rng(8), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)", _step_inputs(np.random.default_rng(seed), 1, 2, 3)),
            Case("a hidden case with large inputs (N=4, D=3, H=6)",
                 _step_inputs(np.random.default_rng(seed + 1), 4, 3, 6, scale=3.0)),
        ],
        points=2, hints=forward_hints,
    ),
    "lstm_step_backward": FunctionQuestion(
        grade_id="lstm_step_backward", notebook=NOTEBOOK, function="lstm_step_backward",
        outputs={"dx": ("sequence", "input feature"), "dh_prev": ("sequence", "hidden unit"),
                 "dc_prev": ("sequence", "cell unit"), "dW_ih": ("gate row", "input feature"),
                 "dW_hh": ("gate row", "hidden unit"), "db": ("gate row",)},
        reference=backward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _backward_inputs(np.random.default_rng(9), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)",
                 _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3)),
            Case("a hidden case with large inputs (N=4, D=3, H=6)",
                 _backward_inputs(np.random.default_rng(seed + 3), 4, 3, 6, scale=3.0)),
        ],
        points=3, hints=backward_hints,
    ),
    "lstm_which_gate_keeps": QuizQuestion(
        grade_id="lstm_which_gate_keeps", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="Which part of the LSTM decides how much of the old cell state c_{t-1} is kept in c_t?",
        options={"a": "the input gate i", "b": "the forget gate f", "c": "the output gate o",
                 "d": "the candidate g"},
@@Q1@@
    ),
    "lstm_cell_after_10_steps": QuizQuestion(
        grade_id="lstm_cell_after_10_steps", notebook=NOTEBOOK, kind="number", points=1, tolerance=0.01,
        prompt="A cell unit holds a value; for the next 10 steps its forget gate is f = 0.9 and its input gate "
               "i = 0. What fraction of the value is left in the cell after the 10 steps (two decimals)?",
@@Q2@@
    ),
}
