"""Questions of exercises/09_gru.ipynb: one GRU step, forward and backward, in PyTorch's form.

    gru_step_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh)            -> h_next
    gru_step_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)  -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)

Shapes (batch-first, weights as torch.nn.GRU stores them, gate blocks in the order r, z, n):
x (N, D), h_prev (N, H), dh_next (N, H), W_ih (3H, D), W_hh (3H, H), b_ih (3H,), b_hh (3H,).
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, gru_step_backward, gru_step_forward
from ..nn.gradcheck import rel_error
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "09_gru.ipynb"


def _sigmoid(a):
    return 1 / (1 + np.exp(-a))


def _step_inputs(rng, N, D, H) -> dict:
    """Weights large enough that every gate matters (no gate stuck near 0.5) and a nonzero h_prev."""
    return {"x": rng.standard_normal((N, D)), "h_prev": np.tanh(rng.standard_normal((N, H))),
            "W_ih": rng.standard_normal((3 * H, D)) * 0.6, "W_hh": rng.standard_normal((3 * H, H)) * 0.6,
            "b_ih": rng.standard_normal(3 * H) * 0.5, "b_hh": rng.standard_normal(3 * H) * 0.5}


def _backward_inputs(rng, N, D, H) -> dict:
    step = _step_inputs(rng, N, D, H)
    return {"dh_next": rng.standard_normal((N, H)), **step}


def forward_reference(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    h_next, _ = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    return (h_next,)


def forward_slips(x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, np.ndarray]:
    """The usual mistakes, each made on purpose: hint -> the h_next it gives."""
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r, z = _sigmoid(xw[:, :H] + hw[:, :H]), _sigmoid(xw[:, H:2 * H] + hw[:, H:2 * H])
    n = np.tanh(xw[:, 2 * H:] + r * hw[:, 2 * H:])
    paper_n = np.tanh(xw[:, 2 * H:] + (r * h_prev) @ W_hh[2 * H:].T + b_hh[2 * H:])
    outside_n = np.tanh(xw[:, 2 * H:] + r * (h_prev @ W_hh[2 * H:].T) + b_hh[2 * H:])
    return {
        "the reset gate multiplies h_prev before the product (the original paper's variant); PyTorch's form is "
        "n = tanh(W_in x + b_in + r * (W_hn h_prev + b_hn))": (1 - z) * paper_n + z * h_prev,
        "b_hn is added outside the reset gate; in PyTorch's form r multiplies (W_hn h_prev + b_hn), bias included":
            (1 - z) * outside_n + z * h_prev,
        "(1 - z) and z are swapped: h_next = (1 - z) * n + z * h_prev, so z = 1 keeps the old state":
            z * n + (1 - z) * h_prev,
        "the gate blocks are taken in the wrong order; the rows of W_ih, W_hh, b_ih, b_hh are r (first H), "
        "z (next H), n (last H)": (1 - r) * np.tanh(xw[:, 2 * H:] + z * hw[:, 2 * H:]) + r * h_prev,
        "tanh is missing on the candidate n": (1 - z) * (xw[:, 2 * H:] + r * hw[:, 2 * H:]) + z * h_prev,
    }


def forward_hints(inputs, received) -> str | None:
    got = np.asarray(received[0], dtype=float)
    for words, value in forward_slips(**inputs).items():
        if value.shape == got.shape and rel_error(value, got) < 1e-6:
            return words
    return None


def backward_reference(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    _, cache = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    dx, dh_prev, grads = gru_step_backward(dh_next, cache)
    return dx, dh_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih, grads.bias_hh


BACKWARD_OUTPUTS = ("dx", "dh_prev", "dW_ih", "dW_hh", "db_ih", "db_hh")


def backward_slips(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, tuple[str, np.ndarray]]:
    """The usual mistakes: hint -> (the output it spoils, the value it gives there)."""
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r, z = _sigmoid(xw[:, :H] + hw[:, :H]), _sigmoid(xw[:, H:2 * H] + hw[:, H:2 * H])
    n = np.tanh(xw[:, 2 * H:] + r * hw[:, 2 * H:])
    dn = dh_next * (1 - z) * (1 - n ** 2)
    dr = dn * hw[:, 2 * H:] * r * (1 - r)
    dz = dh_next * (h_prev - n) * z * (1 - z)
    d_xw = np.concatenate([dr, dz, dn], axis=1)
    d_hw = np.concatenate([dr, dz, dn * r], axis=1)
    d_hw_no_r = np.concatenate([dr, dz, dn], axis=1)
    return {
        "dh_prev misses the direct path: h_next = ... + z * h_prev, so dh_prev gets dh_next * z besides "
        "the path through the gates": ("dh_prev", d_hw @ W_hh),
        "dh_prev misses the paths through the gates: besides dh_next * z it gets d(pre-activations of the "
        "hidden part) @ W_hh": ("dh_prev", dh_next * z),
        "the reset gate scales the n block of the hidden part: its gradient is dn * r, both in dW_hh and "
        "in dh_prev": ("dh_prev", dh_next * z + d_hw_no_r @ W_hh),
        "the n block of dW_hh must be scaled by the reset gate: (dn * r)^T h_prev": ("dW_hh", d_hw_no_r.T @ h_prev),
        "the n block of db_hh must be scaled by the reset gate: b_hn sits inside r * (W_hn h + b_hn), so its "
        "gradient is the sum of dn * r": ("db_hh", d_hw_no_r.sum(0)),
        "the gradient of the update gate has the wrong sign: dh_next/dz = h_prev - n": (
            "dW_ih", np.concatenate([dr, -dz, dn], axis=1).T @ x),
        "the weight gradients are transposed: dW_ih = d(pre-activations)^T @ x has the shape of W_ih (3H, D)": (
            "dW_ih", x.T @ d_xw),
    }


def backward_hints(inputs, received) -> str | None:
    got = dict(zip(BACKWARD_OUTPUTS, (np.asarray(r, dtype=float) for r in received)))
    for words, (name, value) in backward_slips(**inputs).items():
        if value.shape == got[name].shape and rel_error(value, got[name]) < 1e-6:
            return words
    return None


_STEP_AXES = {"x": ("sequence", "input feature"), "h": ("sequence", "hidden unit"),
              "W_ih": ("gate row (r, z, n blocks of H)", "input feature"),
              "W_hh": ("gate row (r, z, n blocks of H)", "hidden unit"), "b": ("gate row (r, z, n blocks of H)",)}

QUESTIONS = {
    "gru_step_forward": FunctionQuestion(
        grade_id="gru_step_forward", notebook=NOTEBOOK, function="gru_step_forward",
        outputs={"h_next": _STEP_AXES["h"]}, reference=forward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=2, D=3, H=4)",
                                   _step_inputs(np.random.default_rng(9), 2, 3, 4))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)", _step_inputs(np.random.default_rng(seed), 1, 2, 3)),
            Case("a hidden case (N=5, D=4, H=6)", _step_inputs(np.random.default_rng(seed + 1), 5, 4, 6)),
        ],
        points=2, hints=forward_hints,
    ),
    "gru_step_backward": FunctionQuestion(
        grade_id="gru_step_backward", notebook=NOTEBOOK, function="gru_step_backward",
        outputs={"dx": _STEP_AXES["x"], "dh_prev": _STEP_AXES["h"], "dW_ih": _STEP_AXES["W_ih"],
                 "dW_hh": _STEP_AXES["W_hh"], "db_ih": _STEP_AXES["b"], "db_hh": _STEP_AXES["b"]},
        reference=backward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=2, D=3, H=4)",
                                   _backward_inputs(np.random.default_rng(10), 2, 3, 4))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)",
                 _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3)),
            Case("a hidden case (N=4, D=5, H=3)", _backward_inputs(np.random.default_rng(seed + 3), 4, 5, 3)),
        ],
        points=3, hints=backward_hints,
    ),
    "update_gate_one": QuizQuestion(
        grade_id="update_gate_one", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="In PyTorch's GRU, h_t = (1 - z) * n + z * h_{t-1}. What is h_t for a unit whose update gate z is 1?",
        options={"a": "the candidate n", "b": "h_{t-1}: the state is copied unchanged", "c": "zero",
                 "d": "r * h_{t-1}"},
        salt="9b2e4d71c0a85f36",
        **Q1,
    ),
    "gru_parameter_count": QuizQuestion(
        grade_id="gru_parameter_count", notebook=NOTEBOOK, kind="number", points=1,
        prompt="How many parameters does torch.nn.GRU(input_size=14, hidden_size=64) have?",
        salt="5d80f1a3e6c2b947",
        **Q2,
    ),
}
