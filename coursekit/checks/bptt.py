"""Questions of exercises/06_bptt.ipynb: the backward pass of the tanh recurrent layer.

    rnn_step_backward(dh_next, x, h_prev, h_next, W_xh, W_hh)  -> (dx, dh_prev, dW_xh, dW_hh, db)
    rnn_sequence_backward(dh, x, h0, h, W_xh, W_hh)            -> (dx, dh0, dW_xh, dW_hh, db)

The forward step is h_next = tanh(x W_xh^T + h_prev W_hh^T + b). Shapes (batch-first, weights
stored (out, in)): x (N, D), h_prev, h_next, dh_next (N, H) for the step; x (N, T, D), h0 (N, H),
h and dh (N, T, H) for the sequence, h[:, t] the state after reading x[:, t] and dh[:, t] the
gradient of the loss with respect to it that arrives from outside the recurrence (the outputs).
W_xh (H, D), W_hh (H, H); b is not an input: the given tanh outputs already contain it.
"""

from __future__ import annotations

import numpy as np

from ..nn import LayerParams, RNNCache, RNNStepCache, rnn_backward, rnn_forward, rnn_step_backward
from .core import Case, FunctionQuestion, matching_slips
from .registry import sealed_questions

NOTEBOOK = "06_bptt.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)

STEP_OUTPUTS = {
    "dx": ("sequence", "input feature"),
    "dh_prev": ("sequence", "hidden unit"),
    "dW_xh": ("row", "column"),
    "dW_hh": ("row", "column"),
    "db": ("hidden unit",),
}
SEQUENCE_OUTPUTS = {
    "dx": ("sequence", "time step", "input feature"),
    "dh0": ("sequence", "hidden unit"),
    "dW_xh": ("row", "column"),
    "dW_hh": ("row", "column"),
    "db": ("hidden unit",),
}


def _params(W_xh, W_hh) -> LayerParams:
    # The backward pass never reads the biases (tanh's derivative comes from its output).
    zeros = np.zeros(W_hh.shape[0])
    return LayerParams(W_xh, W_hh, zeros, zeros)


def _weights(rng, D, H) -> dict:
    return {"W_xh": rng.standard_normal((H, D)) * 0.5, "W_hh": rng.standard_normal((H, H)) * 0.5}


def step_inputs(rng, N, D, H) -> dict:
    """A consistent step: h_next really is tanh(x W_xh^T + h_prev W_hh^T + b) for some b."""
    x, h_prev = rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H)))
    w, b = _weights(rng, D, H), rng.standard_normal(H) * 0.1
    h_next = np.tanh(x @ w["W_xh"].T + h_prev @ w["W_hh"].T + b)
    return {"dh_next": rng.standard_normal((N, H)), "x": x, "h_prev": h_prev, "h_next": h_next, **w}


def sequence_inputs(rng, N, T, D, H) -> dict:
    """A consistent sequence: h is the forward pass of x from h0 (h0 is not zero)."""
    x, h0 = rng.standard_normal((N, T, D)), np.tanh(rng.standard_normal((N, H)))
    w, b = _weights(rng, D, H), rng.standard_normal(H) * 0.1
    h, _ = rnn_forward(x, h0, LayerParams(w["W_xh"], w["W_hh"], b, np.zeros(H)))
    return {"dh": rng.standard_normal((N, T, H)), "x": x, "h0": h0, "h": h, **w}


def step_reference(dh_next, x, h_prev, h_next, W_xh, W_hh):
    dx, dh_prev, grads = rnn_step_backward(
        dh_next, RNNStepCache(x, h_prev, h_next, _params(W_xh, W_hh), "tanh")
    )
    return dx, dh_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih


def sequence_reference(dh, x, h0, h, W_xh, W_hh):
    cache = RNNCache.from_states(x, h0, h, _params(W_xh, W_hh), "tanh")
    dx, dh0, grads = rnn_backward(dh, cache)
    return dx, dh0, grads.weight_ih, grads.weight_hh, grads.bias_ih


def slipped_step(dh_next, x, h_prev, h_next, W_xh, W_hh, slip: str = ""):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dW_xh, dW_hh, db)."""
    derivative = {
        "no tanh'": 1.0,
        "tanh' of h_prev": 1 - h_prev**2,
        "1 - h": 1 - h_next,
        "tanh twice": 1 - np.tanh(h_next) ** 2,
    }.get(slip, 1 - h_next**2)
    da = dh_next * derivative
    dW_hh = {"h_next in dW_hh": da.T @ h_next, "dW_hh transposed": h_prev.T @ da}.get(slip, da.T @ h_prev)
    dh_prev = da @ (W_hh.T if slip == "W_hh.T" else W_hh)
    db = da if slip == "db not summed" else da.sum(axis=0)
    return da @ W_xh, dh_prev, da.T @ x, dW_hh, db


STEP_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no tanh'": "your code sends dh_next straight into the products, without the derivative of tanh; it "
    "needs "
    "da = dh_next * (1 - h_next**2) first",
    "tanh' of h_prev": "your derivative of tanh uses h_prev (1 - h_prev**2); it needs the output of this "
    "step, "
    "1 - h_next**2",
    "1 - h": "your derivative of tanh is 1 - h_next; it needs the square, 1 - h_next**2",
    "tanh twice": "your derivative of tanh takes tanh of h_next again (1 - tanh(h_next)**2); h_next already "
    "is "
    "the tanh output, so it needs 1 - h_next**2",
    "h_next in dW_hh": "your dW_hh uses h_next; W_hh multiplies h_prev in the forward step, so it needs "
    "dW_hh = da.T @ h_prev",
    "dW_hh transposed": "your dW_hh is h_prev.T @ da, the transpose; it needs da.T @ h_prev (row = the unit "
    "that "
    "receives, column = the unit that sends)",
    "W_hh.T": "your dh_prev is da @ W_hh.T; the forward step used h_prev @ W_hh.T, so going back it needs "
    "da @ W_hh",
    "db not summed": "your db keeps one row per sequence (shape (N, H)); b is shared by the whole batch, so "
    "it "
    "needs the sum over the batch, db = da.sum(axis=0)",
}


def step_slips(dh_next, x, h_prev, h_next, W_xh, W_hh) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the five outputs}."""
    args = (dh_next, x, h_prev, h_next, W_xh, W_hh)
    return {words: slipped_step(*args, slip) for slip, words in STEP_SLIPS.items()}


def slipped_sequence(dh, x, h0, h, W_xh, W_hh, slip: str = ""):
    """The backward loop over time with one usual slip made on purpose -> (dx, dh0, dW_xh, dW_hh, db)."""
    N, T, _ = x.shape
    dx, dW_xh, dW_hh = np.zeros_like(x), np.zeros_like(W_xh), np.zeros_like(W_hh)
    db = np.zeros((N, W_hh.shape[0])) if slip == "db not summed" else np.zeros(W_hh.shape[0])
    dh_prev = np.zeros_like(h0)
    for t in range(T) if slip == "forward loop" else reversed(range(T)):
        prev = h0 if t == 0 else h[:, t - 1]
        prev = {"zero h0": np.zeros_like(h0) if t == 0 else prev, "wrap": h[:, t - 1]}.get(slip, prev)
        g = dh[:, t] if slip == "no carry" else dh[:, t] + dh_prev
        derivative = {"no tanh'": 1.0, "tanh twice": 1 - np.tanh(h[:, t]) ** 2}.get(slip, 1 - h[:, t] ** 2)
        da = g * derivative
        contribution = (
            da.T @ x[:, t],
            da.T @ (h[:, t] if slip == "h_t in dW_hh" else prev),
            da if slip == "db not summed" else da.sum(axis=0),
        )
        if slip == "overwritten":
            dW_xh, dW_hh, db = contribution
        else:
            dW_xh, dW_hh, db = dW_xh + contribution[0], dW_hh + contribution[1], db + contribution[2]
        dx[:, t] = da @ W_xh
        dh_prev = da @ (W_hh.T if slip == "W_hh.T" else W_hh)
    return dx, np.zeros_like(h0) if slip == "dh0 zero" else dh_prev, dW_xh, dW_hh, db


SEQUENCE_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no carry": "your step t takes only dh[:, t]; the state h_t also feeds step t+1, so it needs "
    "dh[:, t] + dh_prev, the gradient that step t+1 sent back through W_hh",
    "no tanh'": "your code leaves out the derivative of tanh; it needs da_t = (dh[:, t] + dh_prev) * (1 - "
    "h[:, t]**2)",
    "tanh twice": "your derivative of tanh takes tanh of h[:, t] again (1 - tanh(h[:, t])**2); h already "
    "holds the "
    "tanh outputs, so it needs 1 - h[:, t]**2",
    "h_t in dW_hh": "your dW_hh adds da_t.T @ h[:, t], the state step t produced; W_hh multiplies the "
    "previous "
    "state, so it needs da_t.T @ h[:, t-1] (and h0 at t = 0)",
    "zero h0": "your first step uses zeros as its previous state; at t = 0 it needs h0",
    "wrap": "your step t = 0 takes h[:, t-1], which is h[:, -1], the last state; at t = 0 the previous state "
    "needs to be h0",
    "W_hh.T": "your dh_prev is da @ W_hh.T; the forward step used h_prev @ W_hh.T, so going back it needs "
    "da @ W_hh",
    "overwritten": "your weight gradients keep only one step's contribution; W_xh, W_hh and b are shared by "
    "all steps, so they need the sum of every step's (dW_hh += ...)",
    "forward loop": "your loop runs forward in time, t = 0 to T-1; backpropagation through time needs to "
    "start "
    "at the last step, t = T-1, and carry the gradient back to t = 0",
    "dh0 zero": "your dh0 is zero; h0 feeds the first step, so it needs the gradient that step 0 sends back, "
    "da_0 @ W_hh",
    "db not summed": "your db keeps one row per sequence (shape (N, H)); b is shared by the whole batch, so "
    "it "
    "needs the sum over the batch and over time",
}


def sequence_slips(dh, x, h0, h, W_xh, W_hh) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the five outputs}."""
    args = (dh, x, h0, h, W_xh, W_hh)
    return {words: slipped_sequence(*args, slip) for slip, words in SEQUENCE_SLIPS.items()}


def _hints(slips):
    """A hints function: the slip whose five outputs all equal the learner's, or a transposed weight gradient."""

    def hints(inputs, received) -> str | None:
        try:
            words = matching_slips(received, slips(**inputs))
            if words:
                return words
            right = (step_reference if "dh_next" in inputs else sequence_reference)(**inputs)
            for name, want, got in zip(("dW_xh", "dW_hh"), right[2:4], received[2:4]):
                if np.shape(got) == want.shape[::-1] and want.shape[0] != want.shape[1]:
                    return (
                        f"your {name} has the shape of the transpose; a weight gradient needs the weight's "
                        f"shape, (out, in): {name} = da.T @ input"
                    )
        except (TypeError, ValueError, IndexError, FloatingPointError):
            pass
        return None

    return hints


def _step_case(label, seed, N, D, H) -> Case:
    return Case(f"{label} (N={N}, D={D}, H={H})", step_inputs(np.random.default_rng(seed), N, D, H))


def _sequence_case(label, seed, N, T, D, H) -> Case:
    return Case(
        f"{label} (N={N}, T={T}, D={D}, H={H})", sequence_inputs(np.random.default_rng(seed), N, T, D, H)
    )


QUESTIONS = {
    "rnn_step_backward": FunctionQuestion(
        grade_id="rnn_step_backward",
        notebook=NOTEBOOK,
        function="rnn_step_backward",
        outputs=STEP_OUTPUTS,
        reference=step_reference,
        public_cases=lambda: [_step_case("the example from the notebook", 6, 2, 3, 4)],
        hidden_cases=lambda seed: [
            _step_case("a hidden case with one sequence and one unit", seed, 1, 2, 1),
            _step_case("a hidden case", seed + 1, 5, 4, 6),
        ],
        points=2,
        hints=_hints(step_slips),
        slips=step_slips,
    ),
    "rnn_sequence_backward": FunctionQuestion(
        grade_id="rnn_sequence_backward",
        notebook=NOTEBOOK,
        function="rnn_sequence_backward",
        outputs=SEQUENCE_OUTPUTS,
        reference=sequence_reference,
        public_cases=lambda: [_sequence_case("the example from the notebook", 7, 2, 4, 3, 5)],
        hidden_cases=lambda seed: [
            _sequence_case("a hidden case with one time step", seed, 3, 1, 2, 4),
            _sequence_case("a hidden case", seed + 1, 4, 9, 2, 3),
        ],
        points=3,
        hints=_hints(sequence_slips),
        slips=sequence_slips,
    ),
}

QUESTIONS["why_bptt_sums"] = QUIZ["why_bptt_sums"]
QUESTIONS["truncated_reach"] = QUIZ["truncated_reach"]
