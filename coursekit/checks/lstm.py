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
from .core import Case, FunctionQuestion, matching_slips
from .registry import sealed_questions

NOTEBOOK = "08_lstm.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def _params(W_ih, W_hh, b) -> LayerParams:
    return LayerParams(W_ih, W_hh, b, np.zeros_like(b))  # one bias: torch's two are summed


def _step_inputs(rng, N, D, H, scale=1.0) -> dict:
    return {
        "x": rng.standard_normal((N, D)) * scale,
        "h_prev": np.tanh(rng.standard_normal((N, H))),
        "c_prev": rng.standard_normal((N, H)),
        "W_ih": rng.standard_normal((4 * H, D)) * 0.5,
        "W_hh": rng.standard_normal((4 * H, H)) * 0.5,
        "b": rng.standard_normal(4 * H) * 0.2,
    }


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


def _gates(x, h_prev, W_ih, W_hh, b, order="ifgo"):
    """The four pre-activation blocks, read in the given order -> (a_i, a_f, a_g, a_o)."""
    blocks = dict(zip(order, np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)))
    return blocks["i"], blocks["f"], blocks["g"], blocks["o"]


def slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The step with one usual slip made on purpose -> (h_next, c_next) ("" is the right step)."""
    order = {"order ifog": "ifog", "order figo": "figo"}.get(slip, "ifgo")
    a_i, a_f, a_g, a_o = _gates(x, h_prev, W_ih, W_hh, b, order)
    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)
    g = sigmoid(a_g) if slip == "sigmoid g" else np.tanh(a_g)
    keep = {"no forget gate": 1.0, "1 - f": 1 - f}.get(slip, f)
    c_next = keep * c_prev + i * g
    h_next = o * c_next if slip == "no tanh(c)" else o * np.tanh(c_next)
    return (c_next, h_next) if slip == "swapped" else (h_next, c_next)


FORWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "order ifog": "your code reads the gate blocks in the order i, f, o, g; PyTorch's order, used here, is "
    "i, f, g, o: "
    "the third block of H rows needs to be the candidate g and the fourth the output gate o",
    "order figo": "your code reads the gate blocks in the order f, i, g, o; PyTorch's order, used here, is "
    "i, f, g, o: "
    "the first block of H rows needs to be the input gate i and the second the forget gate f",
    "sigmoid g": "your candidate g takes the sigmoid; it needs tanh: g is the content written to the cell "
    "and may "
    "be negative; only the gates i, f, o take the sigmoid",
    "no tanh(c)": "your h_next is o * c_next; it needs the cell state through tanh first, h_next = o * "
    "tanh(c_next)",
    "no forget gate": "your c_next keeps all of c_prev (c_prev + i * g); it needs the forget gate to scale "
    "it, "
    "c_next = f * c_prev + i * g",
    "1 - f": "your c_next keeps (1 - f) * c_prev; the forget gate f is the fraction kept, so it needs "
    "c_next = f * c_prev + i * g",
    "swapped": "your function returns (c_next, h_next); it needs to return them in the order (h_next, "
    "c_next)",
}


def forward_slips(x, h_prev, c_prev, W_ih, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_next, c_next)}."""
    return {
        words: slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip)
        for slip, words in FORWARD_SLIPS.items()
    }


def forward_hints(inputs, received) -> str | None:
    try:
        words = matching_slips(received, forward_slips(**inputs))
        if words:
            return words
        right = forward_reference(**inputs)
        if matching_slips(received, {"h right": (right[0], None)}):
            return (
                "your h_next is right but your c_next is not; it needs to be the new cell state "
                "c_next = f * c_prev + i * g, the one h_next was computed from"
            )
    except (TypeError, ValueError, IndexError, FloatingPointError):
        pass
    return None


def slipped_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dc_prev, dW_ih, dW_hh, db).

    slip "order ifog" is the whole backward step of a forward that reads the blocks as i, f, o, g.
    """
    order = "ifog" if slip == "order ifog" else "ifgo"
    a_i, a_f, a_g, a_o = _gates(x, h_prev, W_ih, W_hh, b, order)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    tanh_c = np.tanh(c_next)
    tanh_grad = {"tanh' sign": 1 + tanh_c**2, "no tanh'": 1.0}.get(slip, 1 - tanh_c**2)
    through_h = dh_next * o * tanh_grad
    dc = {"no dc_next": through_h, "no path through h": dc_next}.get(slip, dc_next + through_h)
    da_i = dc * g * i * (1 - i)
    da_f = dc * c_prev * f * (1 - f)
    da_g = dc * i * (1 + g**2 if slip == "g' sign" else 1 - g**2)
    da_o = dh_next * tanh_c * o * (1 - o)
    blocks = {"i": da_i, "f": da_f, "g": da_g, "o": da_o}
    dz = np.concatenate([blocks[k] for k in order], axis=1)
    dc_prev = {
        "dc_prev no f": dc,
        "dc_prev 1 - f": dc * (1 - f),
        "dc_prev zero": np.zeros_like(dc),
        "dc_prev from dc_next": dc_next * f,
    }.get(slip, dc * f)
    return dz @ W_ih, dz @ W_hh, dc_prev, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


BACKWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no dc_next": "your dc leaves out dc_next, the gradient that arrives at c_next from the next step; it "
    "needs "
    "both paths, dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "no path through h": "your dc is dc_next alone; c_next also reaches the loss through h_next = o * "
    "tanh(c_next), "
    "so it needs dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "tanh' sign": "your derivative of tanh(c_next) is 1 + tanh(c_next)**2 (that is tan's); it needs "
    "1 - tanh(c_next)**2",
    "no tanh'": "your path from h_next to c_next leaves out the derivative of tanh; it needs "
    "dh_next * o * (1 - tanh(c_next)**2)",
    "g' sign": "your derivative of the candidate g is 1 + g**2; g = tanh(a_g), so it needs 1 - g**2",
    "dc_prev no f": "your dc_prev is dc, the gradient at c_next; c_prev reaches c_next through the forget "
    "gate, "
    "so it needs dc_prev = dc * f",
    "dc_prev 1 - f": "your dc_prev is dc * (1 - f); c_next = f * c_prev + i * g, so it needs dc_prev = dc * "
    "f",
    "dc_prev zero": "your dc_prev is zero; c_prev enters c_next = f * c_prev + i * g, so it needs dc_prev = "
    "dc * f",
    "dc_prev from dc_next": "your dc_prev is dc_next * f, which misses the path through h_next = o * "
    "tanh(c_next); "
    "it needs the total gradient at c_next, dc_prev = dc * f with "
    "dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "order ifog": "your code reads the gate blocks in the order i, f, o, g; PyTorch's order, used here, is "
    "i, f, g, o: "
    "the third block of H rows needs to be the candidate g and the fourth the output gate o",
}


def backward_slips(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return: {the words of the hint: (dx, dh_prev, dc_prev, dW_ih, dW_hh, db)}."""
    args = (dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b)
    return {words: slipped_backward(*args, slip) for slip, words in BACKWARD_SLIPS.items()}


def backward_hints(inputs, received) -> str | None:
    try:
        words = matching_slips(received, backward_slips(**inputs))
        if words:
            return words
        dx, dh_prev, dc_prev = backward_reference(**inputs)[:3]
        if matching_slips(received, {"parameters": (dx, dh_prev, dc_prev, None, None, None)}):
            return (
                "your dx, dh_prev and dc_prev are right but a parameter gradient is not; with dz (N, 4H) the "
                "four gate blocks side by side, they need dW_ih = dz.T @ x, dW_hh = dz.T @ h_prev and "
                "db = dz.sum(axis=0), the sum over the batch"
            )
    except (TypeError, ValueError, IndexError, FloatingPointError):
        pass
    return None


QUESTIONS = {
    "lstm_step_forward": FunctionQuestion(
        grade_id="lstm_step_forward",
        notebook=NOTEBOOK,
        function="lstm_step_forward",
        outputs={"h_next": ("sequence", "hidden unit"), "c_next": ("sequence", "cell unit")},
        reference=forward_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=4, H=5)",
                _step_inputs(np.random.default_rng(8), 3, 4, 5),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence (N=1, D=2, H=3)",
                _step_inputs(np.random.default_rng(seed), 1, 2, 3),
            ),
            Case(
                "a hidden case with large inputs (N=4, D=3, H=6)",
                _step_inputs(np.random.default_rng(seed + 1), 4, 3, 6, scale=3.0),
            ),
        ],
        points=2,
        hints=forward_hints,
        slips=forward_slips,
    ),
    "lstm_step_backward": FunctionQuestion(
        grade_id="lstm_step_backward",
        notebook=NOTEBOOK,
        function="lstm_step_backward",
        outputs={
            "dx": ("sequence", "input feature"),
            "dh_prev": ("sequence", "hidden unit"),
            "dc_prev": ("sequence", "cell unit"),
            "dW_ih": ("gate row", "input feature"),
            "dW_hh": ("gate row", "hidden unit"),
            "db": ("gate row",),
        },
        reference=backward_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3, D=4, H=5)",
                _backward_inputs(np.random.default_rng(9), 3, 4, 5),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence (N=1, D=2, H=3)",
                _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3),
            ),
            Case(
                "a hidden case with large inputs (N=4, D=3, H=6)",
                _backward_inputs(np.random.default_rng(seed + 3), 4, 3, 6, scale=3.0),
            ),
        ],
        points=3,
        hints=backward_hints,
        slips=backward_slips,
    ),
    "lstm_which_gate_keeps": QUIZ["lstm_which_gate_keeps"],
    "lstm_cell_after_10_steps": QUIZ["lstm_cell_after_10_steps"],
}
