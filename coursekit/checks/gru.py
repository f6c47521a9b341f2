"""Questions of exercises/09_gru.ipynb: one GRU step, forward and backward, in PyTorch's form.

    gru_step_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh)            -> h_next
    gru_step_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)  -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)

Shapes (batch-first, weights as torch.nn.GRU stores them, gate blocks in the order r, z, n):
x (N, D), h_prev (N, H), dh_next (N, H), W_ih (3H, D), W_hh (3H, H), b_ih (3H,), b_hh (3H,).
"""

from __future__ import annotations

import numpy as np

from ..nn import LayerParams, gru_step_backward, gru_step_forward
from ..nn.activations import sigmoid
from .core import Case, FunctionQuestion, matching_slips
from .registry import sealed_questions

NOTEBOOK = "09_gru.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def _step_inputs(rng, N, D, H) -> dict:
    """Weights large enough that every gate matters (no gate stuck near 0.5) and a nonzero h_prev."""
    return {
        "x": rng.standard_normal((N, D)),
        "h_prev": np.tanh(rng.standard_normal((N, H))),
        "W_ih": rng.standard_normal((3 * H, D)) * 0.6,
        "W_hh": rng.standard_normal((3 * H, H)) * 0.6,
        "b_ih": rng.standard_normal(3 * H) * 0.5,
        "b_hh": rng.standard_normal(3 * H) * 0.5,
    }


def _backward_inputs(rng, N, D, H) -> dict:
    step = _step_inputs(rng, N, D, H)
    return {"dh_next": rng.standard_normal((N, H)), **step}


def forward_reference(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    h_next, _ = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    return (h_next,)


def slipped_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh, slip: str = ""):
    """The step with one usual slip made on purpose -> h_next (N, H) ("" is the right step)."""
    H = h_prev.shape[1]
    xw = x @ W_ih.T + b_ih  # (N, 3H): the input parts of r, z, n
    hw = h_prev @ W_hh.T + (0 if slip == "no b_hh" else b_hh)  # (N, 3H): the recurrent parts
    first, second = (1, 0) if slip == "order z, r, n" else (0, 1)  # the blocks read as r and as z
    gate = np.tanh if slip == "tanh gates" else sigmoid
    r = gate(xw[:, first * H : (first + 1) * H] + hw[:, first * H : (first + 1) * H])
    z = gate(xw[:, second * H : (second + 1) * H] + hw[:, second * H : (second + 1) * H])
    W_hn, b_hn = W_hh[2 * H :], b_hh[2 * H :]
    recurrent = {
        "r outside b_hn": r * (h_prev @ W_hn.T) + b_hn,
        "r before the product": (r * h_prev) @ W_hn.T + b_hn,
        "no r": hw[:, 2 * H :],
    }.get(slip, r * hw[:, 2 * H :])
    a_n = xw[:, 2 * H :] + recurrent
    n = {"sigmoid n": sigmoid(a_n), "no tanh n": a_n}.get(slip, np.tanh(a_n))
    return z * n + (1 - z) * h_prev if slip == "z swapped" else (1 - z) * n + z * h_prev


FORWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "z swapped": "your h_next is z * n + (1 - z) * h_prev; PyTorch's form needs h_next = (1 - z) * n + z * "
    "h_prev, "
    "so that a unit with z = 1 keeps its old state",
    "r outside b_hn": "your candidate adds b_hn outside the reset gate, r * (h_prev @ W_hn.T) + b_hn; it "
    "needs "
    "r * (h_prev @ W_hn.T + b_hn): r multiplies the recurrent part, bias included",
    "r before the product": "your candidate multiplies h_prev by the reset gate before the product, "
    "(r * h_prev) @ W_hn.T (the original paper's form); PyTorch's form needs the product "
    "first, r * (h_prev @ W_hn.T + b_hn)",
    "no r": "your candidate n leaves out the reset gate; it needs n = tanh(W_in x + b_in + r * (W_hn h_prev "
    "+ b_hn))",
    "order z, r, n": "your code reads the gate blocks in the order z, r, n; PyTorch's order, used here, is "
    "r, z, n: "
    "rows 0:H of the weights and biases need to be the reset gate r and rows H:2H the update gate z",
    "tanh gates": "your gates r and z take tanh; they need the sigmoid, a fraction between 0 and 1 (only the "
    "candidate n takes tanh)",
    "sigmoid n": "your candidate n takes the sigmoid; it needs tanh, so that the new content can be negative "
    "(only the gates r and z take the sigmoid)",
    "no tanh n": "your candidate n has no activation; it needs n = tanh(W_in x + b_in + r * (W_hn h_prev + "
    "b_hn))",
    "no b_hh": "your recurrent part h_prev @ W_hh.T leaves out the bias b_hh; PyTorch's GRU has two biases, "
    "so it "
    "needs h_prev @ W_hh.T + b_hh",
}


def forward_slips(x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: h_next}."""
    return {
        words: slipped_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh, slip)
        for slip, words in FORWARD_SLIPS.items()
    }


def backward_reference(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    _, cache = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    dx, dh_prev, grads = gru_step_backward(dh_next, cache)
    return dx, dh_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih, grads.bias_hh


def slipped_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh, slip: str = ""):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh).

    slip "z swapped" is the whole backward step of h_next = z * n + (1 - z) * h_prev.
    """
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r, z = sigmoid(xw[:, :H] + hw[:, :H]), sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    keep = 1 - z if slip == "z swapped" else z  # the share of h_prev in h_next
    dn, direct = dh_next * (1 - keep), dh_next * keep
    dz = dh_next * {"dz sign": n - h_prev, "z swapped": n - h_prev}.get(slip, h_prev - n)
    tanh_grad = 1 + n**2 if slip == "tanh' sign" else 1 - n**2
    sigmoid_grad = (lambda s: s * (1 + s)) if slip == "sigmoid' sign" else (lambda s: s * (1 - s))
    hw_n = h_prev @ W_hh[2 * H :].T if slip == "da_r without b_hn" else hw[:, 2 * H :]
    da_n = dn * tanh_grad
    da_z = dz * sigmoid_grad(z)
    da_r = da_n * hw_n * sigmoid_grad(r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)  # (N, 3H)
    d_hidden = np.concatenate([da_r, da_z, da_n if slip == "n block without r" else da_n * r], axis=1)
    dh_prev = {
        "no direct path": d_hidden @ W_hh,
        "only the direct path": direct,
        "no path through r": direct + d_hidden[:, H:] @ W_hh[H:],
    }.get(slip, direct + d_hidden @ W_hh)
    if slip == "transposed":
        dW_ih, dW_hh = x.T @ d_input, h_prev.T @ d_hidden
    else:
        dW_ih, dW_hh = d_input.T @ x, d_hidden.T @ h_prev
    db_ih, db_hh = (d_input, d_hidden) if slip == "db per sequence" else (d_input.sum(0), d_hidden.sum(0))
    grads = (dW_ih, dW_hh, db_ih, db_hh)
    if slip == "mean":
        grads = tuple(g / x.shape[0] for g in grads)
    return (d_input @ W_ih, dh_prev, *grads)


BACKWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no direct path": "your dh_prev is d_hidden @ W_hh alone; h_next = (1 - z) * n + z * h_prev also holds "
    "h_prev "
    "directly, so it needs dh_prev = dh_next * z + d_hidden @ W_hh",
    "only the direct path": "your dh_prev is dh_next * z alone; h_prev also enters r, z and n through W_hh, "
    "so it "
    "needs dh_prev = dh_next * z + d_hidden @ W_hh",
    "no path through r": "your dh_prev leaves out the path through the reset gate (the r block of d_hidden "
    "times "
    "W_hr); with d_hidden = [da_r, da_z, da_n * r] it needs dh_prev = dh_next * z + "
    "d_hidden @ W_hh, all three blocks",
    "n block without r": "your d_hidden has da_n in its n block; the reset gate scales the recurrent part of "
    "n, so "
    "it needs da_n * r there (in dW_hh, db_hh and dh_prev)",
    "da_r without b_hn": "your da_r uses h_prev @ W_hn.T without b_hn; r multiplies (W_hn h_prev + b_hn), so "
    "it "
    "needs da_r = da_n * (h_prev @ W_hn.T + b_hn) * r * (1 - r)",
    "tanh' sign": "your derivative of the candidate n is 1 + n**2; n = tanh(a_n), so it needs 1 - n**2",
    "sigmoid' sign": "your derivative of a gate s (r or z) is s * (1 + s); s = sigmoid(a), so it needs s * "
    "(1 - s)",
    "dz sign": "your gradient at z is dh_next * (n - h_prev), the wrong sign; h_next = (1 - z) * n + z * "
    "h_prev, "
    "so it needs dh_next * (h_prev - n)",
    "z swapped": "your gradients are those of h_next = z * n + (1 - z) * h_prev, z and (1 - z) swapped; "
    "PyTorch's "
    "form, h_next = (1 - z) * n + z * h_prev, needs dn = dh_next * (1 - z), dz = dh_next * (h_prev - n) "
    "and the direct term dh_next * z",
    "transposed": "your weight gradients are x.T @ d_input and h_prev.T @ d_hidden, the transposes; each "
    "needs the "
    "shape of its weight, (3H, in): dW_ih = d_input.T @ x and dW_hh = d_hidden.T @ h_prev",
    "db per sequence": "your db_ih and db_hh keep one row per sequence, (N, 3H); a bias is shared by the "
    "whole "
    "batch, so they need the sum over it, d_input.sum(axis=0) and d_hidden.sum(axis=0)",
    "mean": "your parameter gradients are means over the batch; the loss adds the sequences up, so they need "
    "the "
    "sum: dW_ih = d_input.T @ x, db_ih = d_input.sum(axis=0), without dividing by N",
}


def backward_slips(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, tuple]:
    """What the usual mistakes return: {the words of the hint: (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)}."""
    args = (dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)
    return {words: slipped_backward(*args, slip) for slip, words in BACKWARD_SLIPS.items()}


def backward_hints(inputs, received) -> str | None:
    """A slip of the bank, or else: the gradients of the inputs are right and a parameter gradient is not."""
    words = matching_slips(received, backward_slips(**inputs))
    if words:
        return words
    dx, dh_prev = backward_reference(**inputs)[:2]
    if matching_slips(received, {"parameters": (dx, dh_prev, None, None, None, None)}):
        return (
            "your dx and dh_prev are right but a parameter gradient is not; with d_input = [da_r, da_z, "
            "da_n] "
            "and d_hidden = [da_r, da_z, da_n * r], each (N, 3H), they need dW_ih = d_input.T @ x, "
            "dW_hh = d_hidden.T @ h_prev, db_ih = d_input.sum(axis=0) and db_hh = d_hidden.sum(axis=0)"
        )
    return None


_STEP_AXES = {
    "x": ("sequence", "input feature"),
    "h": ("sequence", "hidden unit"),
    "W_ih": ("gate row (r, z, n blocks of H)", "input feature"),
    "W_hh": ("gate row (r, z, n blocks of H)", "hidden unit"),
    "b": ("gate row (r, z, n blocks of H)",),
}

QUESTIONS = {
    "gru_step_forward": FunctionQuestion(
        grade_id="gru_step_forward",
        notebook=NOTEBOOK,
        function="gru_step_forward",
        outputs={"h_next": _STEP_AXES["h"]},
        reference=forward_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=4, H=5)",
                _step_inputs(np.random.default_rng(9), 3, 4, 5),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence (N=1, D=2, H=3)",
                _step_inputs(np.random.default_rng(seed), 1, 2, 3),
            ),
            Case("a hidden case (N=5, D=4, H=6)", _step_inputs(np.random.default_rng(seed + 1), 5, 4, 6)),
        ],
        points=2,
        slips=forward_slips,
    ),
    "gru_step_backward": FunctionQuestion(
        grade_id="gru_step_backward",
        notebook=NOTEBOOK,
        function="gru_step_backward",
        outputs={
            "dx": _STEP_AXES["x"],
            "dh_prev": _STEP_AXES["h"],
            "dW_ih": _STEP_AXES["W_ih"],
            "dW_hh": _STEP_AXES["W_hh"],
            "db_ih": _STEP_AXES["b"],
            "db_hh": _STEP_AXES["b"],
        },
        reference=backward_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=4, H=5)",
                _backward_inputs(np.random.default_rng(10), 3, 4, 5),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence (N=1, D=2, H=3)",
                _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3),
            ),
            Case("a hidden case (N=4, D=5, H=3)", _backward_inputs(np.random.default_rng(seed + 3), 4, 5, 3)),
        ],
        points=3,
        hints=backward_hints,
        slips=backward_slips,
    ),
    "update_gate_one": QUIZ["update_gate_one"],
    "gru_parameter_count": QUIZ["gru_parameter_count"],
}
