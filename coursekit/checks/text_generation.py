"""Questions of exercises/11_text_generation.ipynb: a character-level language model of your own, in NumPy.

    temperature_softmax(logits, temperature)                -> probabilities
    bits_per_character(logits, targets)                     -> bits
    rnn_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y)      -> (logits, hs)
    softmax_cross_entropy(logits, targets)                  -> (loss, dlogits)
    rnn_backward(dlogits, x_ids, h0, hs, W_hh, W_hy)        -> (dW_xh, dW_hh, db_h, dW_hy, db_y, dh0)
    clip_gradients(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm) -> the five, clipped by their global norm
    adagrad_update(param, grad, memory, learning_rate)      -> (new_param, new_memory)
    train_step(x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, learning_rate, max_norm)
        -> (loss, h_last, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by)
    sample(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms) -> ids
    train(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, steps, window, learning_rate, max_norm) -> (W_xh, W_hh, b_h, W_hy, b_y)

Shapes of the first two: logits (N, V), one row of scores over the V characters of the vocabulary for
each of N predictions; temperature a 0-d array (a positive number); probabilities (N, V), each row
summing to 1; targets (N,) ints in [0, V), the character that really came next; bits a scalar,
the mean over the N predictions of -log2 of the probability given to the target.

The model (coursekit.nn.char_rnn holds the references, and its docstring the notation): V characters,
H hidden units, N sequences, T steps, batch-first, weights stored (out, in); x_ids (N, T) ints,
h0 (N, H), W_xh (H, V), W_hh (H, H), b_h (H,), W_hy (V, H), b_y (V,);
h_t = tanh(W_xh[:, x_t].T + h_{t-1} @ W_hh.T + b_h), logits_t = h_t @ W_hy.T + b_y. The loss is the
mean cross-entropy in nats over the N*T predictions. Scalars (max_norm, learning_rate, temperature,
first_id, steps, window) arrive as 0-d arrays. `sample` reads one sequence: h (H,), first_id an int,
uniforms (n,) in [0, 1) -> ids (n,): at each step the first index whose cumulative probability
exceeds u (temperature 0: the argmax). `train` is open-ended: judged by how far the mean loss of the
returned parameters on the case's streams falls below that of the initial ones (TrainingQuestion).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..nn.activations import log_softmax, softmax
from ..nn.char_rnn import (
    ADAGRAD_EPSILON,
    PARAMETERS,
    adagrad_update,
    char_rnn_backward,
    char_rnn_forward,
    clip_gradients,
    cross_entropy,
    stream_loss,
    train_step,
)
from ..nn.char_rnn import sample as char_rnn_sample
from ..nn.char_rnn import train as char_rnn_train
from ..nn.clip import global_norm
from .core import (
    FAILED,
    PASSED,
    Case,
    FunctionQuestion,
    Run,
    Verdict,
    compare_output,
    matching_slip,
    matching_slips,
)
from .registry import sealed_questions

NOTEBOOK = "11_text_generation.ipynb"
# the axes of each parameter (named as PARAMETERS), and of its gradient
PARAMETER_AXES = {
    "W_xh": ("hidden unit", "character"),
    "W_hh": ("hidden unit", "hidden unit"),
    "b_h": ("hidden unit",),
    "W_hy": ("character", "hidden unit"),
    "b_y": ("character",),
}
GRADIENT_AXES = {f"d{name}": axes for name, axes in PARAMETER_AXES.items()}
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def softmax_reference(logits, temperature):
    return (softmax(logits / float(temperature)),)


def softmax_slips(logits, temperature) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: probabilities}."""
    T = float(temperature)
    return {
        "the logits were multiplied by the temperature; divide them by it (softmax(z / T)), so that a low "
        "temperature sharpens the distribution and a high one flattens it": softmax(logits * T),
        "the temperature is not used: divide the logits by it before the softmax": softmax(logits),
        "the softmax normalises over the wrong axis: each row (one prediction, axis 1 / axis=-1) must sum to "
        "1, "
        "not each column": softmax(logits / T, axis=0),
        "the temperature was applied after the softmax (probabilities divided by T): divide the logits by T, "
        "then take the softmax": softmax(logits) / T,
        "the probabilities were raised to the power 1/T but not normalised again, so the rows no longer sum "
        "to 1: "
        "divide the logits by T, then take the softmax": softmax(logits) ** (1 / T),
        "the sum runs over the whole array (e.sum() with no axis): each row is its own distribution, so "
        "divide by "
        "the row's sum, e.sum(axis=1, keepdims=True)": softmax((logits / T).ravel()).reshape(logits.shape),
    }


def softmax_hints(inputs, received) -> str | None:
    try:
        got = np.asarray(received[0], dtype=float)
    except (TypeError, ValueError):
        return None
    if not np.all(np.isfinite(got)):
        return (
            "np.exp overflowed (exp of a number above ~709 is inf, and inf / inf is NaN): subtract each "
            "row's "
            "maximum from z / T before np.exp; the softmax does not change, and the largest exponent becomes "
            "0"
        )
    return matching_slip(got, softmax_slips(**inputs))


def _softmax_case(label, seed, N, V, temperature, scale=3.0) -> Case:
    rng = np.random.default_rng(seed)
    return Case(
        f"{label} (N={N}, V={V}, temperature {temperature}, logits up to {scale:g})",
        {"logits": rng.uniform(-scale, scale, (N, V)), "temperature": np.array(float(temperature))},
    )


def bits_reference(logits, targets):
    log_p = log_softmax(logits)
    return (-np.mean(log_p[np.arange(len(targets)), targets]) / np.log(2),)


def bits_slips(logits, targets) -> dict[str, float]:
    rows = np.arange(len(targets))
    log_p = log_softmax(logits)
    nats = -log_p[rows, targets]
    return {
        "that is in nats: np.log is the natural logarithm. Bits use log2: divide by np.log(2) (or use "
        "np.log2 "
        "of the probabilities)": np.mean(nats),
        "the costs were summed over the characters; bits per character is their mean": np.sum(nats)
        / np.log(2),
        "the softmax normalises over the wrong axis: each row (one prediction, over the V characters) must "
        "sum "
        "to 1": -np.mean(log_softmax(logits, axis=0)[rows, targets]) / np.log(2),
        "the logits were used as log-probabilities without a softmax: normalise each row first "
        "(log p = z - log(sum(exp(z))))": -np.mean(logits[rows, targets]) / np.log(2),
        "the sign is missing: the cost is -log2 p, a positive number": np.mean(-nats) / np.log(2),
        "log_p[:, targets] picks an (N, N) block (every row at every target), not one entry per row: index "
        "with "
        "log_p[np.arange(N), targets] to take the target of each prediction": -np.mean(log_p[:, targets])
        / np.log(2),
    }


def bits_hints(inputs, received) -> str | None:
    try:
        got = np.asarray(received[0], dtype=float)
    except (TypeError, ValueError):
        return None
    if not np.all(np.isfinite(got)):
        return (
            "np.exp overflowed: subtract each row's maximum from the logits before np.exp "
            "(log p = z - max - log(sum(exp(z - max))))"
        )
    return matching_slip(got, bits_slips(**inputs))


def _bits_case(label, seed, N, V, scale=3.0) -> Case:
    rng = np.random.default_rng(seed)
    return Case(
        f"{label} (N={N} characters, V={V}, logits up to {scale:g})",
        {"logits": rng.uniform(-scale, scale, (N, V)), "targets": rng.integers(0, V, N)},
    )


# ---- the model: shared pieces -------------------------------------------------------------------
# The references are coursekit.nn.char_rnn's; the slips below recompute a step with one usual mistake
# made on purpose. Every hint function sees the case's inputs and the learner's outputs.
def _weights(rng, V, H, scale=1.0) -> dict:
    """Weights of a small model: pre-activations of order 1 (tanh neither linear nor saturated), times scale."""
    return {
        "W_xh": rng.standard_normal((H, V)) * 0.8 * scale,
        "W_hh": rng.standard_normal((H, H)) * scale / np.sqrt(H),
        "b_h": rng.standard_normal(H) * 0.3 * scale,
        "W_hy": rng.standard_normal((V, H)) * scale,
        "b_y": rng.standard_normal(V) * 0.3,
    }


def _dims(N, T, V, H) -> str:
    return f"N={N}, T={T}, V={V}, H={H}"


# ---- rnn_forward ------------------------------------------------------------------------------
def forward_reference(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    return char_rnn_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y)


def slipped_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y, slip: str):
    """The forward pass with one usual mistake -> (logits, hs)."""
    h = np.zeros_like(h0) if slip == "zero h0" else h0
    hs, previous = [], []
    for t in range(x_ids.shape[1]):
        h_prev = h0 if slip == "not carried" else h
        recurrent = h_prev @ W_hh if slip == "W_hh transposed" else h_prev @ W_hh.T
        a = W_xh[:, x_ids[:, t]].T + recurrent + (0 if slip == "no b_h" else b_h)
        h = a if slip == "no tanh" else np.tanh(a)
        previous.append(h_prev)
        hs.append(h)
    hs = np.stack(hs, axis=1)
    readout = np.stack(previous, axis=1) if slip == "logits from h_prev" else hs
    return readout @ W_hy.T + (0 if slip == "no b_y" else b_y), hs


FORWARD_SLIPS = {
    "not carried": "every step starts from h0: the state must carry on, h_t = tanh(... + h_{t-1} @ W_hh.T "
    "...) with "
    "h_{t-1} the state the previous step just made",
    "zero h0": "h0 is ignored (the loop starts from zeros): the first step reads the given h0, which in "
    "stateful "
    "training is the state the previous window left behind",
    "no tanh": "tanh is missing: h_t = tanh(W_xh[:, x_t].T + h_{t-1} @ W_hh.T + b_h)",
    "W_hh transposed": "W_hh is transposed: weights are stored (out, in), so the recurrent term is h_{t-1} @ "
    "W_hh.T",
    "logits from h_prev": "the logits come from the state before the step: logits_t = h_t @ W_hy.T + b_y "
    "reads the "
    "state that has just read x_t, so the prediction of x_{t+1} has seen x_t",
    "no b_h": "the bias b_h is missing from the state update",
    "no b_y": "the bias b_y is missing from the logits",
}


def forward_slips(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y) -> dict:
    return {
        words: slipped_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y, slip)
        for slip, words in FORWARD_SLIPS.items()
    }


def _forward_inputs(seed, N, T, V, H, scale=1.0) -> dict:
    rng = np.random.default_rng(seed)
    return {"x_ids": rng.integers(0, V, (N, T)), "h0": np.tanh(rng.standard_normal((N, H)))} | _weights(
        rng, V, H, scale
    )


def _forward_case(label, seed, N, T, V, H, scale=1.0) -> Case:
    return Case(
        f"{label} ({_dims(N, T, V, H)}" + (f", weights x{scale:g})" if scale != 1 else ")"),
        _forward_inputs(seed, N, T, V, H, scale),
    )


# ---- softmax_cross_entropy ----------------------------------------------------------------------
def loss_reference(logits, targets):
    loss, dlogits = cross_entropy(logits, targets)
    return np.array(loss), dlogits


def loss_slips(logits, targets) -> dict:
    N, T, _ = logits.shape
    loss, dlogits = loss_reference(logits, targets)
    probabilities = softmax(logits, axis=-1)
    return {
        "the loss is the sum over the N*T predictions; take their mean (divide by N*T)": (loss * N * T, None),
        "the loss is divided by N only (the sequences); it is the mean over all N*T predictions": (
            loss * T,
            None,
        ),
        "the loss is divided by T only (the steps); it is the mean over all N*T predictions": (
            loss * N,
            None,
        ),
        "that is in bits (log2): this loss is in nats, with the natural logarithm np.log": (
            loss / np.log(2),
            None,
        ),
        "the sign is wrong: the loss is -log p of the targets, a positive number": (-loss, None),
        "dlogits is not divided by N*T: the loss is a mean, so each prediction's gradient softmax - onehot "
        "is "
        "divided by N*T": (None, dlogits * N * T),
        "dlogits is divided by N only; divide by N*T, as the loss is": (None, dlogits * T),
        "dlogits has the wrong sign: it is softmax - onehot (the gradient of -log p), not onehot - softmax": (
            None,
            -dlogits,
        ),
        "dlogits is missing the one-hot: subtract 1 at each target, (softmax - onehot) / (N*T)": (
            None,
            probabilities / (N * T),
        ),
    }


def loss_hints(inputs, received) -> str | None:
    if not all(np.all(np.isfinite(np.asarray(r, dtype=float))) for r in received):
        return (
            "np.exp overflowed (exp of a number above ~709 is inf, and inf / inf is NaN): subtract each "
            "prediction's largest logit before np.exp (log p = z - max - log(sum(exp(z - max))))"
        )
    return matching_slips(received, loss_slips(**inputs))


def _loss_case(label, seed, N, T, V, scale=3.0) -> Case:
    rng = np.random.default_rng(seed)
    logits = rng.uniform(-scale, scale, (N, T, V))
    return Case(
        f"{label} (N={N}, T={T}, V={V}, logits up to {scale:g})",
        {"logits": logits, "targets": rng.integers(0, V, (N, T))},
    )


# ---- rnn_backward -----------------------------------------------------------------------------
def backward_reference(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return char_rnn_backward(dlogits, x_ids, h0, hs, W_hh, W_hy)


def slipped_backward(dlogits, x_ids, h0, hs, W_hh, W_hy, slip: str):
    """The backward pass with one usual mistake -> (dW_xh, dW_hh, db_h, dW_hy, db_y, dh0)."""
    N, T, H = hs.shape
    V = W_hy.shape[0]
    dhs = dlogits @ W_hy
    das, dh_next = np.zeros_like(hs), np.zeros_like(h0)
    for t in range(T) if slip == "forward loop" else reversed(range(T)):
        derivative = {"no tanh'": 1.0, "1 - h": 1 - hs[:, t]}.get(slip, 1 - hs[:, t] ** 2)
        das[:, t] = (dhs[:, t] + (0 if slip == "no carry" else dh_next)) * derivative
        dh_next = das[:, t] @ (W_hh.T if slip == "W_hh.T" else W_hh)
    h_prev = hs if slip == "h_t in dW_hh" else np.concatenate([h0[:, None], hs[:, :-1]], axis=1)
    dW_hh = np.einsum("nti,ntj->ij", das, h_prev)
    dW_xh = np.einsum("nth,ntv->hv", das, np.eye(V)[x_ids])
    if slip == "duplicates lost":
        dW_xh = np.zeros((H, V))
        for t in range(T):
            dW_xh[:, x_ids[:, t]] += das[:, t].T  # a repeated index is written once, not added twice
    dW_hy, db_y = np.einsum("ntv,nth->vh", dlogits, hs), dlogits.sum(axis=(0, 1))
    db_h = das.sum(axis=1) if slip == "db over time only" else das.sum(axis=(0, 1))
    return dW_xh, dW_hh, db_h, dW_hy, db_y, dh_next


BACKWARD_SLIPS = {
    "no tanh'": "the derivative of tanh is missing: da_t = dh_t * (1 - h_t**2) before the products",
    "1 - h": "the derivative of tanh is 1 - h_t**2, not 1 - h_t",
    "no carry": "the gradient from the later step is not added: the total gradient at h_t is what its own "
    "loss "
    "sends (dlogits_t @ W_hy) plus what step t+1 sends back (da_{t+1} @ W_hh)",
    "forward loop": "the loop runs forward in time: backpropagation through time starts at the last step, "
    "t = T-1, and carries the gradient back to t = 0",
    "h_t in dW_hh": "dW_hh takes h_{t-1}, the state that entered step t (h0 at the first step), not h_t: "
    "dW_hh = sum over t of da_t.T @ h_{t-1}",
    "W_hh.T": "the gradient going back to h_{t-1} is da_t @ W_hh (the forward pass multiplied by W_hh.T)",
    "duplicates lost": "dW_xh misses some contributions: dW_xh[:, x] += da.T adds only once for a character "
    "that "
    "several sequences read at the same step. Accumulate with np.add.at(dW_xh.T, x, da), or with "
    "a product with one-hot rows: da.T @ np.eye(V)[x]",
    "db over time only": "db_h is summed over time but not over the batch: sum da over both axes, N and T "
    "(and likewise db_y)",
}


def backward_slips(dlogits, x_ids, h0, hs, W_hh, W_hy) -> dict:
    return {
        words: slipped_backward(dlogits, x_ids, h0, hs, W_hh, W_hy, slip)
        for slip, words in BACKWARD_SLIPS.items()
    }


def _backward_inputs(seed, N, T, V, H, scale=1.0) -> dict:
    forward = _forward_inputs(seed, N, T, V, H, scale)
    forward["x_ids"][1, 0] = forward["x_ids"][0, 0]  # two sequences read the same character at the same step
    _, hs = char_rnn_forward(**forward)
    rng = np.random.default_rng(seed + 1000)
    return {
        "dlogits": rng.standard_normal((N, T, V)) / (N * T),
        "x_ids": forward["x_ids"],
        "h0": forward["h0"],
        "hs": hs,
        "W_hh": forward["W_hh"],
        "W_hy": forward["W_hy"],
    }


def _backward_case(label, seed, N, T, V, H, scale=1.0) -> Case:
    return Case(
        f"{label} ({_dims(N, T, V, H)}" + (f", weights x{scale:g})" if scale != 1 else ")"),
        _backward_inputs(seed, N, T, V, H, scale),
    )


# ---- clip_gradients ---------------------------------------------------------------------------
def clip_reference(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    return clip_gradients(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm)


def clip_slips(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm) -> dict:
    grads, c = (dW_xh, dW_hh, db_h, dW_hy, db_y), float(max_norm)
    norm = np.sqrt(sum(np.sum(g**2) for g in grads))
    return {
        "each array was clipped by its own norm; the norm is global: the square root of the sum of squares "
        "of all "
        "five arrays together, and all five are scaled by the same factor": tuple(
            g * min(1.0, c / np.linalg.norm(g)) for g in grads
        ),
        "the gradients were scaled up to max_norm although their norm was already below it; scale only when "
        "the "
        "global norm exceeds max_norm": tuple(g * c / norm for g in grads),
        "the norm is missing its square root: norm = sqrt(sum of all squares)": tuple(
            g * min(1.0, c / norm**2) for g in grads
        ),
        "the entries were clamped to [-max_norm, max_norm]: that is clipping by value; clipping by norm "
        "rescales "
        "every entry by one factor": tuple(np.clip(g, -c, c) for g in grads),
        "the factor is upside down: multiply by max_norm / norm, not norm / max_norm": tuple(
            g * max(1.0, norm / c) for g in grads
        ),
    }


def _clip_inputs(seed, V, H, scale) -> dict:
    rng = np.random.default_rng(seed)
    shapes = {"dW_xh": (H, V), "dW_hh": (H, H), "db_h": (H,), "dW_hy": (V, H), "db_y": (V,)}
    return {
        name: rng.standard_normal(shape) * scale * (3.0 if name == "dW_hy" else 1.0)
        for name, shape in shapes.items()
    }


def _clip_case(label, seed, V, H, scale, max_norm) -> Case:
    grads = _clip_inputs(seed, V, H, scale)
    norm = np.sqrt(sum(np.sum(g**2) for g in grads.values()))
    return Case(
        f"{label} (V={V}, H={H}, global norm {norm:.3g}, max_norm {max_norm:g})",
        grads | {"max_norm": np.array(float(max_norm))},
    )


# ---- adagrad_update ---------------------------------------------------------------------------
def adagrad_reference(param, grad, memory, learning_rate):
    return adagrad_update(param, grad, memory, learning_rate)


def adagrad_slips(param, grad, memory, learning_rate) -> dict:
    lr, eps, new_memory = float(learning_rate), ADAGRAD_EPSILON, memory + grad**2
    return {
        "the memory is not accumulated: it is memory + grad**2, the sum of every squared gradient so far, "
        "not "
        "the last one alone": (param - lr * grad / np.sqrt(grad**2 + eps), grad**2),
        "the square root is missing: divide by sqrt(new_memory + 1e-8)": (
            param - lr * grad / (new_memory + eps),
            new_memory,
        ),
        "the epsilon is outside the square root: sqrt(new_memory + 1e-8), not sqrt(new_memory) + 1e-8 (it "
        "makes a "
        "difference where the memory is tiny, as at the first steps)": (
            param - lr * grad / (np.sqrt(new_memory) + eps),
            new_memory,
        ),
        "the step goes uphill: param - lr * grad / ..., against the gradient": (
            param + lr * grad / np.sqrt(new_memory + eps),
            new_memory,
        ),
        "the old memory is in the denominator: add grad**2 first, then divide by sqrt(new_memory + 1e-8)": (
            param - lr * grad / np.sqrt(memory + eps),
            new_memory,
        ),
        "the memory is returned unchanged: return new_memory = memory + grad**2, the state of the next "
        "update": (
            None,
            memory,
        ),
    }


def _adagrad_case(label, seed, shape, learning_rate) -> Case:
    """A parameter with a fresh memory in some entries (first update, tiny gradients) and a long one in others."""
    rng = np.random.default_rng(seed)
    fresh = rng.random(shape) < 0.4
    fresh.flat[:2] = True, False  # both kinds in every case
    grad = np.where(fresh, rng.standard_normal(shape) * 1e-5, rng.standard_normal(shape))
    memory = np.where(fresh, 0.0, rng.uniform(0.5, 20.0, shape))
    return Case(
        f"{label} (shape {shape}, learning rate {learning_rate:g}, a fresh memory and tiny gradients in "
        f"some entries)",
        {
            "param": rng.standard_normal(shape),
            "grad": grad,
            "memory": memory,
            "learning_rate": np.array(float(learning_rate)),
        },
    )


# ---- train_step -------------------------------------------------------------------------------
MEMORIES = ("m_xh", "m_hh", "m_bh", "m_hy", "m_by")  # Adagrad's memory of each of PARAMETERS, in order
TRAIN_STEP_OUTPUTS = {
    "loss": (),
    "h_last": ("sequence", "hidden unit"),
    **PARAMETER_AXES,
    **dict(zip(MEMORIES, PARAMETER_AXES.values())),  # a memory has its parameter's shape
}


def train_step_reference(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, learning_rate, max_norm
):
    return train_step(
        x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, learning_rate, max_norm
    )


def slipped_train_step(
    x_ids,
    y_ids,
    h,
    W_xh,
    W_hh,
    b_h,
    W_hy,
    b_y,
    m_xh,
    m_hh,
    m_bh,
    m_hy,
    m_by,
    learning_rate,
    max_norm,
    slip: str,
):
    params, memories = (W_xh, W_hh, b_h, W_hy, b_y), (m_xh, m_hh, m_bh, m_hy, m_by)
    logits, hs = char_rnn_forward(x_ids, h, *params)
    loss, dlogits = cross_entropy(logits, y_ids)
    grads = char_rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5]
    if slip == "per array":
        grads = [g * min(1.0, float(max_norm) / np.linalg.norm(g)) for g in grads]
    elif slip != "no clip":
        grads = clip_gradients(*grads, max_norm)
    updated = [adagrad_update(p, g, m, learning_rate) for p, g, m in zip(params, grads, memories)]
    new_params, new_memories = [p for p, _ in updated], [m for _, m in updated]
    if slip == "loss after":
        loss = cross_entropy(char_rnn_forward(x_ids, h, *new_params)[0], y_ids)[0]
    if slip == "old memories":
        new_memories = list(memories)
    h_last = {"not carried": h, "first state": hs[:, 0]}.get(slip, hs[:, -1])
    return (np.array(loss), h_last, *new_params, *new_memories)


TRAIN_STEP_SLIPS = {
    "not carried": "h_last is the state the window started from: return the state after the window's last "
    "step, "
    "hs[:, -1], which the next window starts from (that is what makes the training stateful)",
    "first state": "h_last is the state after the window's first step; the next window carries on from the "
    "last "
    "one, hs[:, -1]",
    "no clip": "the gradients were not clipped: clip all five by their global norm (clip_gradients) before "
    "Adagrad",
    "per array": "each gradient was clipped by its own norm: clip all five together by their global norm "
    "(clip_gradients)",
    "loss after": "the loss was computed after the update; report the loss of the forward pass that the "
    "gradients came from (before the update)",
    "old memories": "the Adagrad memories are returned unchanged: return the new ones, memory + grad**2 "
    "(with the "
    "clipped gradients), for the next step",
}


def train_step_slips(**inputs) -> dict:
    return {words: slipped_train_step(**inputs, slip=slip) for slip, words in TRAIN_STEP_SLIPS.items()}


def train_step_hints(inputs, received) -> str | None:
    return matching_slips(received, train_step_slips(**inputs)) or (
        "train_step is built from your functions of parts 3 to 7: if one of their checks fails, mend it "
        "first; "
        "then check the order: forward from h, loss, backward, clip all five together, one Adagrad update "
        "each"
    )


def _train_step_case(label, seed, N, T, V, H, fresh: bool, learning_rate=0.1) -> Case:
    """A window in the middle of training: a carried state, and clipping that bites (max_norm half the norm)."""
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, V, (N, T + 1))
    weights = _weights(rng, V, H)
    memories = {
        memory: np.zeros_like(weights[name]) if fresh else rng.uniform(0.01, 2.0, weights[name].shape)
        for memory, name in zip(MEMORIES, PARAMETERS)
    }
    inputs = {"x_ids": ids[:, :-1], "y_ids": ids[:, 1:], "h": np.tanh(rng.standard_normal((N, H)))} | weights
    logits, hs = char_rnn_forward(ids[:, :-1], inputs["h"], *weights.values())
    grads = char_rnn_backward(
        cross_entropy(logits, ids[:, 1:])[1], ids[:, :-1], inputs["h"], hs, weights["W_hh"], weights["W_hy"]
    )[:5]
    max_norm = round(0.5 * global_norm(grads), 3)
    return Case(
        f"{label} ({_dims(N, T, V, H)}, {'fresh' if fresh else 'accumulated'} Adagrad memories, "
        f"max_norm {max_norm:g}: the gradients get clipped)",
        inputs | memories | {"learning_rate": np.array(learning_rate), "max_norm": np.array(max_norm)},
    )


# ---- sample -----------------------------------------------------------------------------------
def sample_reference(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
    return (char_rnn_sample(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms),)


def _draw(logits, temperature, u, slip: str, writing: str):
    """The drawn id (or None: out of range, the learner's code would have crashed)."""
    T = float(temperature)
    if slip == "greedy":
        return int(np.argmax(logits))
    if (T == 0) != (slip == "divide by zero"):  # greedy at 0; dividing by zero is a slip only at 0
        return int(np.argmax(logits)) if T == 0 else None
    with np.errstate(all="ignore"):
        if slip == "no max":
            e = np.exp(logits / T)
            p = e / e.sum()
        elif slip == "divide by zero":
            z = logits / T if T else np.divide(logits, 0.0)
            e = np.exp(z - z.max())
            p = e / e.sum()
        elif slip == "after softmax":
            p = softmax(logits) / T
        else:
            p = softmax(logits / T)
        values = p if slip == "not cumulative" else np.cumsum(p)
        if writing == "argmax":
            index = int(np.argmax(values > u))
        else:
            index = int(np.searchsorted(values, u, side="right"))
    return index if index < len(logits) else None


def slipped_sample(
    h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms, slip: str, writing: str = "sorted"
):
    ids, x, state = [], int(first_id), h
    for u in uniforms:
        if slip == "logits before":
            logits = W_hy @ state + b_y
        state = np.tanh(
            W_xh[:, x if slip != "not fed back" else int(first_id)]
            + W_hh @ (h if slip == "not carried" else state)
            + b_h
        )
        if slip != "logits before":
            logits = W_hy @ state + b_y
        x = _draw(logits, temperature, u, slip, writing)
        if x is None:
            return None
        ids.append(x)
    if slip == "first id included":
        ids = [int(first_id)] + ids[:-1]
    return (np.array(ids),)


SAMPLE_SLIPS = {
    "not fed back": "every step reads first_id again: feed each drawn id back in as the next input",
    "not carried": "every step starts from the given h: carry the state from one step to the next",
    "first id included": "the output starts with first_id: return only the len(uniforms) ids drawn after it",
    "logits before": "the logits were taken before reading the character: update the state with the input "
    "first, "
    "then compute the logits from the new state",
    "after softmax": "the temperature was applied after the softmax (probabilities divided by T): divide the "
    "logits "
    "by T, then take the softmax (temperature_softmax)",
    "not cumulative": "u was compared with the probabilities, not with their running sum: take the first "
    "index "
    "whose cumulative probability (np.cumsum) exceeds u",
    "no max": "the softmax overflowed at a low temperature (exp of logits / T above ~709 is inf, and inf / "
    "inf is "
    "NaN): subtract the largest value of logits / T before np.exp (temperature_softmax does)",
    "divide by zero": "at temperature 0 the logits were divided by 0 (inf and NaN): temperature 0 means "
    "greedy, "
    "take the argmax of the logits without dividing",
    "greedy": "the most likely id was taken at every temperature: draw from the probabilities with the "
    "uniform "
    "numbers (only temperature 0 is greedy)",
}


def sample_slips(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms, writing="sorted") -> dict:
    """{words: (ids,)} for each slip, drawing with one of the two usual ways of writing the inverse CDF:
    "sorted" (np.searchsorted(cumulative, u, side="right")) or "argmax" (np.argmax(cumulative > u)); they
    differ only where probabilities turned NaN, so the hints try both."""
    return {
        words: slipped_sample(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms, slip, writing)
        for slip, words in SAMPLE_SLIPS.items()
    }


def sample_hints(inputs, received) -> str | None:
    return matching_slips(received, sample_slips(**inputs)) or matching_slips(
        received, sample_slips(**inputs, writing="argmax")
    )


def _sample_case(label, seed, V, H, n, temperature, scale=1.0) -> Case:
    """A case whose right ids use at least three different ids, so that a slip that gets stuck on one id (a
    NaN probability drawn as id 0, say) cannot pass by luck: the first draw of weights that gives such ids."""
    for attempt in range(100):
        rng = np.random.default_rng([seed, attempt])
        weights = _weights(rng, V, H)
        weights["W_hy"] = weights["W_hy"] * scale  # large logits
        inputs = (
            {"h": np.tanh(rng.standard_normal(H)), "first_id": np.array(int(rng.integers(V)))}
            | weights
            | {"temperature": np.array(float(temperature)), "uniforms": rng.random(n)}
        )
        if len(set(sample_reference(**inputs)[0].tolist())) >= 3:
            break
    words = {0: "temperature 0: greedy"}.get(temperature, f"temperature {temperature:g}")
    return Case(
        f"{label} (V={V}, H={H}, {n} ids, {words}" + (f", logits x{scale:g})" if scale != 1 else ")"), inputs
    )


# ---- train: the open-ended question -------------------------------------------------------------
TRAIN_MARGIN = (
    0.5  # nats: the mean loss on the stream must fall at least this much below the untrained model's
)


def rule_streams(seed: int, V: int, N: int, L: int, keep: float = 0.8) -> np.ndarray:
    """N streams of L ids with a rule to learn: after id c comes rule[c] with probability `keep`, else any id.

    rule is a random permutation, so every id is equally common in the long run: a model that only learns
    how often each id occurs (the biases) gains almost nothing; the rule has to be read from the input.
    The best possible loss is about 0.92 nats per character (V = 12), against ln V = 2.48 untrained.
    """
    rng = np.random.default_rng(seed)
    rule = rng.permutation(V)
    ids = np.empty((N, L), dtype=np.int64)
    ids[:, 0] = rng.integers(0, V, N)
    for t in range(1, L):
        ids[:, t] = np.where(rng.random(N) < keep, rule[ids[:, t - 1]], rng.integers(0, V, N))
    return ids


def _train_case(label, seed, V=12, H=16, N=2, L=150, steps=300, window=10) -> Case:
    rng = np.random.default_rng(seed + 1)
    return Case(
        f"{label} ({N} streams of {L} ids, V={V}, H={H}, {steps} steps of {window}, learning rate 0.1, "
        f"max_norm 5)",
        {
            "ids": rule_streams(seed, V, N, L),
            "h0": np.zeros((N, H)),
            "W_xh": rng.standard_normal((H, V)) * 0.01,
            "W_hh": rng.standard_normal((H, H)) * 0.01,
            "b_h": np.zeros(H),
            "W_hy": rng.standard_normal((V, H)) * 0.01,
            "b_y": np.zeros(V),
            "steps": np.array(steps),
            "window": np.array(window),
            "learning_rate": np.array(0.1),
            "max_norm": np.array(5.0),
        },
    )


@dataclass
class TrainingQuestion(FunctionQuestion):
    """Judged by what the training achieved, not by matching numbers: the grader computes, with its own
    forward pass, the mean loss of the model on the case's streams (read from h0, the state carried
    along each stream) with the initial parameters and with the returned ones. Passing means the loss
    fell by at least TRAIN_MARGIN nats. Returning the inputs (no fall) or anything not trained fails."""

    margin: float = TRAIN_MARGIN

    def judge(self, case: Case, run: Run, reveal: bool = True) -> Verdict:
        if run.status != "returned":
            return super().judge(case, run, reveal)
        for name, before in case.inputs.items():
            after = run.inputs_after.get(name)
            if after is None or after.shape != before.shape or not np.array_equal(after, before):
                return Verdict(
                    FAILED,
                    f"on {case.label}, `{self.function}` changed its input `{name}` in place; "
                    f"compute into new arrays (train_step returns new ones)",
                )
        initial = [case.inputs[name] for name in PARAMETERS]
        for name, want, got in zip(PARAMETERS, initial, run.outputs):
            problem = compare_output(name, self.outputs[name], want, got, np.inf, reveal)  # form only
            if problem:
                return Verdict(
                    FAILED,
                    f"on {case.label}: {problem}. `{self.function}` returns the five trained "
                    f"parameters, each of the shape it came in",
                )
        ids, h0 = case.inputs["ids"], case.inputs["h0"]
        before = stream_loss(ids, h0, *initial)
        after = stream_loss(ids, h0, *(np.asarray(p, dtype=float) for p in run.outputs))
        if after <= before - self.margin:
            return Verdict(
                PASSED,
                f"on {case.label}: the mean loss fell from {before:.3f} to {after:.3f} nats per character"
                if reveal
                else "",
            )
        same = all(np.array_equal(p, np.asarray(q)) for p, q in zip(initial, run.outputs))
        why = (
            "the parameters came back unchanged: train them with train_step, window after window"
            if same
            else 'check train_step with check("train_step") first, then that the loop walks along the streams, '
            "carries the state and the parameters and memories that train_step returns, and runs `steps` "
            "times"
        )
        measured = f" (from {before:.3f} to {after:.3f})" if reveal else ""
        return Verdict(
            FAILED,
            f"on {case.label}: the mean loss on the streams did not fall by {self.margin:g} nats "
            f"per character{measured}. Hint: {why}",
        )


QUESTIONS = {
    "temperature_softmax": FunctionQuestion(
        grade_id="temperature_softmax",
        notebook=NOTEBOOK,
        function="temperature_softmax",
        outputs={"probabilities": ("prediction", "character")},
        reference=softmax_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=2, V=3, temperature 0.5)",
                {"logits": np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 3.0]]), "temperature": np.array(0.5)},
            ),
            Case(
                "large logits (N=2, V=3, temperature 1, logits near 1000)",
                {
                    "logits": np.array([[1000.0, 999.0, 990.0], [-5.0, 800.0, 801.0]]),
                    "temperature": np.array(1.0),
                },
            ),
        ],
        hidden_cases=lambda seed: [
            _softmax_case("a hidden case with a high temperature", seed, 4, 7, 2.5),
            _softmax_case(
                "a hidden case with a low temperature and large logits", seed + 1, 3, 96, 0.2, 200.0
            ),
            _softmax_case("a hidden case with one row", seed + 2, 1, 5, 1.3),
        ],
        points=2,
        hints=softmax_hints,
        slips=softmax_slips,
    ),
    "bits_per_character": FunctionQuestion(
        grade_id="bits_per_character",
        notebook=NOTEBOOK,
        function="bits_per_character",
        outputs={"bits": ()},
        reference=bits_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=3 characters, V=4)",
                {
                    "logits": np.array([[2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [1.0, 3.0, -1.0, 0.5]]),
                    "targets": np.array([0, 3, 1]),
                },
            ),
            Case(
                "large logits (N=2 characters, V=3, logits near 1000)",
                {
                    "logits": np.array([[1000.0, 999.0, 990.0], [-5.0, 800.0, 801.0]]),
                    "targets": np.array([1, 2]),
                },
            ),
        ],
        hidden_cases=lambda seed: [
            _bits_case("a hidden case", seed, 50, 96),
            _bits_case("a hidden case with large logits", seed + 1, 6, 5, 900.0),
            _bits_case("a hidden case with one character", seed + 2, 1, 3),
        ],
        points=2,
        hints=bits_hints,
        slips=bits_slips,
    ),
    "rnn_forward": FunctionQuestion(
        grade_id="rnn_forward",
        notebook=NOTEBOOK,
        function="rnn_forward",
        outputs={
            "logits": ("sequence", "time step", "character"),
            "hs": ("sequence", "time step", "hidden unit"),
        },
        reference=forward_reference,
        public_cases=lambda: [
            _forward_case("the example from the notebook", 11, 2, 4, 6, 3),
            _forward_case("larger weights: the tanh saturates", 12, 3, 5, 4, 7, scale=3.0),
        ],
        hidden_cases=lambda seed: [
            _forward_case("a hidden case", seed, 4, 6, 9, 5),
            _forward_case("a hidden case with larger weights", seed + 1, 5, 3, 7, 8, scale=3.0),
        ],
        points=3,
        slips=forward_slips,
    ),
    "softmax_cross_entropy": FunctionQuestion(
        grade_id="softmax_cross_entropy",
        notebook=NOTEBOOK,
        function="softmax_cross_entropy",
        outputs={"loss": (), "dlogits": ("sequence", "time step", "character")},
        reference=loss_reference,
        public_cases=lambda: [
            _loss_case("the example from the notebook", 21, 2, 3, 5),
            _loss_case("large logits", 22, 3, 4, 6, scale=1000.0),
        ],
        hidden_cases=lambda seed: [
            _loss_case("a hidden case", seed, 4, 5, 7),
            _loss_case("a hidden case with large logits", seed + 1, 5, 2, 9, scale=800.0),
        ],
        points=2,
        hints=loss_hints,
        slips=loss_slips,
    ),
    "rnn_backward": FunctionQuestion(
        grade_id="rnn_backward",
        notebook=NOTEBOOK,
        function="rnn_backward",
        outputs={**GRADIENT_AXES, "dh0": ("sequence", "hidden unit")},
        reference=backward_reference,
        public_cases=lambda: [
            _backward_case("the example from the notebook", 31, 2, 4, 6, 3),
            _backward_case("larger weights", 32, 3, 5, 4, 7, scale=2.0),
        ],
        hidden_cases=lambda seed: [
            _backward_case("a hidden case", seed, 4, 6, 9, 5),
            _backward_case("a hidden case with larger weights", seed + 1, 5, 3, 7, 8, scale=2.0),
        ],
        points=4,
        slips=backward_slips,
    ),
    "clip_gradients": FunctionQuestion(
        grade_id="clip_gradients",
        notebook=NOTEBOOK,
        function="clip_gradients",
        outputs=GRADIENT_AXES,
        reference=clip_reference,
        public_cases=lambda: [
            _clip_case("above the limit", 41, 5, 3, 1.0, 2.0),
            _clip_case("below the limit", 42, 4, 6, 0.1, 5.0),
        ],
        hidden_cases=lambda seed: [
            _clip_case("a hidden case above the limit", seed, 7, 4, 2.0, 1.0),
            _clip_case("a hidden case below the limit", seed + 1, 6, 5, 0.05, 3.0),
        ],
        points=1,
        slips=clip_slips,
    ),
    "adagrad_update": FunctionQuestion(
        grade_id="adagrad_update",
        notebook=NOTEBOOK,
        function="adagrad_update",
        outputs={"new_param": ("row", "column"), "new_memory": ("row", "column")},
        reference=adagrad_reference,
        public_cases=lambda: [_adagrad_case("the example from the notebook", 51, (3, 4), 0.1)],
        hidden_cases=lambda seed: [
            _adagrad_case("a hidden case", seed, (5, 2), 0.05),
            _adagrad_case("another hidden case", seed + 1, (2, 7), 0.3),
        ],
        points=1,
        slips=adagrad_slips,
    ),
    "train_step": FunctionQuestion(
        grade_id="train_step",
        notebook=NOTEBOOK,
        function="train_step",
        outputs=TRAIN_STEP_OUTPUTS,
        reference=train_step_reference,
        public_cases=lambda: [
            _train_step_case("the first window", 61, 2, 5, 6, 4, fresh=True),
            _train_step_case("a window later in training", 62, 3, 4, 5, 7, fresh=False),
        ],
        hidden_cases=lambda seed: [
            _train_step_case("a hidden first window", seed, 4, 3, 7, 5, fresh=True),
            _train_step_case("a hidden window later in training", seed + 1, 2, 6, 8, 6, fresh=False),
        ],
        points=2,
        hints=train_step_hints,
        slips=train_step_slips,
    ),
    "sample": FunctionQuestion(
        grade_id="sample",
        notebook=NOTEBOOK,
        function="sample",
        outputs={"ids": ("step",)},
        reference=sample_reference,
        public_cases=lambda: [
            _sample_case("the example from the notebook", 71, 6, 4, 12, 1.0),
            _sample_case("a low temperature", 72, 5, 7, 10, 0.5),
            _sample_case("a temperature near 0 with large logits", 73, 7, 3, 8, 0.05, scale=40.0),
            _sample_case("greedy", 74, 4, 5, 6, 0),
        ],
        hidden_cases=lambda seed: [
            _sample_case("a hidden case", seed, 8, 6, 20, 0.7),
            _sample_case("a hidden case at temperature 1", seed + 1, 9, 3, 15, 1.0),
            _sample_case("a hidden case near 0 with large logits", seed + 2, 6, 5, 10, 0.02, scale=30.0),
            _sample_case("a hidden greedy case", seed + 3, 7, 4, 9, 0),
        ],
        points=3,
        hints=sample_hints,
        slips=sample_slips,
    ),
    "train": TrainingQuestion(
        grade_id="train",
        notebook=NOTEBOOK,
        function="train",
        outputs={
            "W_xh": ("hidden unit", "character"),
            "W_hh": ("hidden unit", "hidden unit"),
            "b_h": ("hidden unit",),
            "W_hy": ("character", "hidden unit"),
            "b_y": ("character",),
        },
        reference=char_rnn_train,
        public_cases=lambda: [_train_case("the example from the notebook: a stream with a rule", 81)],
        hidden_cases=lambda seed: [
            _train_case("a hidden stream with a rule", seed),
            _train_case("a hidden stream with another rule", seed + 1, V=10, H=20, N=3, L=120),
        ],
        points=3,
    ),
}

QUESTIONS["temperature_to_zero"] = QUIZ["temperature_to_zero"]
QUESTIONS["uniform_bits"] = QUIZ["uniform_bits"]
