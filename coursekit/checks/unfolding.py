"""Questions of exercises/03_unfolding.ipynb: a recurrent layer unrolled over a whole sequence.

    rnn_layer_forward(x, h0, W_xh, W_hh, b) -> h

Shapes (batch-first, weights stored (out, in)): x (N, T, D), h0 (N, H), W_xh (H, D),
W_hh (H, H), b (H,), h (N, T, H) with h[:, t] the state after reading x[:, t].
Two quiz questions ask how many parameters such a layer has and whether that depends on T.
"""

from __future__ import annotations

import numpy as np

from ..nn import LayerParams, rnn_forward
from .core import Case, FunctionQuestion
from .registry import sealed_questions

NOTEBOOK = "03_unfolding.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def _inputs(rng, N, T, D, H, scale=1.0) -> dict:
    # h0 is not zero, so a loop that ignores it gives different numbers.
    return {
        "x": rng.standard_normal((N, T, D)) * scale,
        "h0": np.tanh(rng.standard_normal((N, H))),
        "W_xh": rng.standard_normal((H, D)) * 0.5,
        "W_hh": rng.standard_normal((H, H)) * 0.5,
        "b": rng.standard_normal(H) * 0.1,
    }


def rnn_layer_reference(x, h0, W_xh, W_hh, b):
    # coursekit's layer keeps torch's two bias vectors; with bias_hh = 0 their sum is b.
    h, _ = rnn_forward(x, h0, LayerParams(W_xh, W_hh, b, np.zeros_like(b)))
    return (h,)


def _unroll(step, x, h0) -> np.ndarray:
    """Apply step(x_t, h_prev) -> h_t over the time axis of x (N, T, D); returns (N, T, H)."""
    h, states = h0, []
    for t in range(x.shape[1]):
        h = step(x[:, t], h)
        states.append(h)
    return np.stack(states, axis=1)


def rnn_layer_slips(x, h0, W_xh, W_hh, b) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: h (the learner's output)}.

    Each hint says what the learner's code does, then what it needs. x (N, T, D), h0 (N, H) -> h (N, T, H).
    """

    def right(x_t, h):
        return np.tanh(x_t @ W_xh.T + h @ W_hh.T + b)

    N, T, H = x.shape[0], x.shape[1], h0.shape[1]
    h = _unroll(right, x, h0)
    return {
        "your loop never uses h0 (the first step starts from zeros); it needs to start from the given h0, "
        "h = h0 before the loop": _unroll(right, x, np.zeros_like(h0)),
        "each of your steps uses h0 as the previous state; step t needs h_{t-1}, the state the step before "
        "produced: keep the new h in the loop and use it at the next step": np.stack(
            [right(x[:, t], h0) for t in range(T)], axis=1
        ),
        "your states have no activation (each is the sum x_t @ W_xh.T + h_prev @ W_hh.T + b itself); they "
        "need "
        "tanh of that sum": _unroll(lambda x_t, h: x_t @ W_xh.T + h @ W_hh.T + b, x, h0),
        "your recurrent term is h_prev @ W_hh, without the transpose; with one sequence per row it needs "
        "h_prev @ W_hh.T": _unroll(lambda x_t, h: np.tanh(x_t @ W_xh.T + h @ W_hh + b), x, h0),
        "the bias b is missing from your sum; it needs + b inside the tanh": _unroll(
            lambda x_t, h: np.tanh(x_t @ W_xh.T + h @ W_hh.T), x, h0
        ),
        "your h[:, t] is the state before reading x[:, t] (h[:, 0] is h0: you store h before updating it); "
        "h[:, t] needs the state after reading x[:, t], so store h after computing it": np.concatenate(
            [h0[:, None], h[:, :-1]], axis=1
        ),
        "your function returns only the last state, shape (N, H); it needs every state, h of shape (N, T, H) "
        "(the last one is h[:, -1])": h[:, -1],
        "your states are stacked along axis 0 (np.stack(states) or np.array(states)), time-major (T, N, H); "
        "the code is batch-first: stack them along axis 1, np.stack(states, axis=1)": h.transpose(1, 0, 2),
        # reshape keeps the order of the numbers, so the rows of (T, N, H) read as (N, T, H) mix sequences and steps
        (
            "your states are stacked time-major (T, N, H) and then reshaped to (N, T, H), which mixes "
            "sequences "
            "and steps (reshape keeps the order of the numbers); stack them along axis 1, np.stack(states, "
            "axis=1)"
        ): h.transpose(1, 0, 2).reshape(N, T, H),
        "your states are stacked along the last axis, shape (N, H, T); stack them along axis 1, "
        "np.stack(states, axis=1)": h.transpose(0, 2, 1),
    }


def _sizes_case(label, seed, N, T, D, H, scale=1.0) -> Case:
    return Case(
        f"{label} (N={N}, T={T}, D={D}, H={H})", _inputs(np.random.default_rng(seed), N, T, D, H, scale)
    )


QUESTIONS = {
    "rnn_layer_forward": FunctionQuestion(
        grade_id="rnn_layer_forward",
        notebook=NOTEBOOK,
        function="rnn_layer_forward",
        outputs={"h": ("sequence", "time step", "hidden unit")},
        reference=rnn_layer_reference,
        public_cases=lambda: [
            _sizes_case("the example from the notebook", 3, 2, 5, 3, 4),
            # the hidden cases have large inputs too (tanh near saturation): the public check shows them
            _sizes_case("an example with large inputs", 4, 3, 6, 5, 2, scale=3.0),
        ],
        hidden_cases=lambda seed: [
            _sizes_case("a hidden case with one step of one sequence", seed, 1, 1, 2, 3),
            _sizes_case("a hidden case", seed + 1, 3, 7, 2, 5),
            _sizes_case("a hidden case with large inputs", seed + 2, 4, 6, 5, 2, scale=3.0),
        ],
        points=3,
        slips=rnn_layer_slips,
    ),
    "rnn_parameter_count": QUIZ["rnn_parameter_count"],
    "parameters_as_t_grows": QUIZ["parameters_as_t_grows"],
}
