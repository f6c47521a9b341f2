"""A character-level language model in NumPy: a vanilla tanh RNN read one character at a time.

This is the course's reference for exercise 11, in the exercise's own notation, and what its
checks compare a learner's functions with (so every function takes and returns plain arrays,
never dataclasses: the grader sends arrays to the learner's code and gets arrays back). The
loop over time is written out, one equation a line, as in Karpathy's min-char-rnn.

Notation (batch-first, weights stored (out, in) as PyTorch stores them):
    V characters in the vocabulary, H hidden units, N sequences side by side, T steps;
    x_ids (N, T) ints in [0, V); h0 (N, H); W_xh (H, V); W_hh (H, H); b_h (H,); W_hy (V, H); b_y (V,).
The input is one-hot, so W_xh @ onehot(x) is the column W_xh[:, x] (no one-hot is ever built):
    h_t      = tanh(W_xh[:, x_t].T + h_{t-1} @ W_hh.T + b_h)        (N, H)
    logits_t = h_t @ W_hy.T + b_y                                     (N, V)
Losses are in nats (natural log), averaged over all N*T predictions.
"""

from __future__ import annotations

import numpy as np

from .activations import log_softmax, softmax
from .clip import global_norm
from .losses import softmax_cross_entropy

PARAMETERS = ("W_xh", "W_hh", "b_h", "W_hy", "b_y")
ADAGRAD_EPSILON = 1e-8  # inside the square root, as min-char-rnn: param - lr * g / sqrt(memory + 1e-8)


def char_rnn_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    """x_ids (N, T), h0 (N, H) -> logits (N, T, V), hs (N, T, H) = h_1 .. h_T."""
    x_ids = np.asarray(x_ids)
    N, T = x_ids.shape
    hs = np.empty((N, T, W_hh.shape[0]), dtype=np.result_type(h0, W_hh))
    h = h0
    for t in range(T):
        h = np.tanh(W_xh[:, x_ids[:, t]].T + h @ W_hh.T + b_h)  # the state carries on from h_{t-1}
        hs[:, t] = h
    logits = hs @ W_hy.T + b_y  # every step's scores in one product
    return logits, hs


def cross_entropy(logits, targets):
    """logits (N, T, V), targets (N, T) -> (mean loss in nats, dlogits (N, T, V) = (softmax - onehot) / (N*T))."""
    return softmax_cross_entropy(logits, targets, reduction="mean")


def char_rnn_backward(dlogits, x_ids, h0, hs, W_hh, W_hy):
    """Backpropagation through time over the T steps of the window.

    dlogits (N, T, V) -> dW_xh (H, V), dW_hh (H, H), db_h (H,), dW_hy (V, H), db_y (V,), dh0 (N, H).
    """
    x_ids = np.asarray(x_ids)
    N, T, H = hs.shape
    V = W_hy.shape[0]
    dW_hy = np.einsum("ntv,nth->vh", dlogits, hs)  # sum over n and t of dlogits_t^T h_t
    db_y = dlogits.sum(axis=(0, 1))
    dhs = dlogits @ W_hy  # (N, T, H): what each step's own loss sends to h_t
    dW_xh, dW_hh, db_h = np.zeros((H, V)), np.zeros((H, H)), np.zeros(H)
    dh_next = np.zeros((N, H))  # what step t+1 sends back to h_t
    for t in reversed(range(T)):
        h_prev = hs[:, t - 1] if t > 0 else h0
        da = (dhs[:, t] + dh_next) * (1 - hs[:, t] ** 2)  # through tanh: dL/da_t
        dW_hh += da.T @ h_prev
        np.add.at(dW_xh.T, x_ids[:, t], da)  # column x of W_xh gets the da of every row that read x
        db_h += da.sum(axis=0)
        dh_next = da @ W_hh
    return dW_xh, dW_hh, db_h, dW_hy, db_y, dh_next


def clip_gradients(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    """Scale all five by one factor when their global norm exceeds max_norm: by max_norm / norm."""
    grads = (dW_xh, dW_hh, db_h, dW_hy, db_y)
    norm = global_norm(grads)
    scale = float(max_norm) / norm if norm > float(max_norm) else 1.0
    return tuple(g * scale for g in grads)


def adagrad_update(param, grad, memory, learning_rate):
    """-> (new_param, new_memory): memory + grad**2, then param - lr * grad / sqrt(new_memory + 1e-8)."""
    new_memory = memory + grad**2
    return param - float(learning_rate) * grad / np.sqrt(new_memory + ADAGRAD_EPSILON), new_memory


def train_step(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, learning_rate, max_norm
):
    """One window of stateful truncated BPTT: forward from the carried state h, loss, backward, clip, Adagrad.

    -> (loss, h_last, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by), all new arrays;
    h_last = the state after the window's last step, carried into the next window (the gradient is
    cut there: dh0 is not used).
    """
    params, memories = (W_xh, W_hh, b_h, W_hy, b_y), (m_xh, m_hh, m_bh, m_hy, m_by)
    logits, hs = char_rnn_forward(x_ids, h, *params)
    loss, dlogits = cross_entropy(logits, y_ids)
    *grads, _ = char_rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)
    grads = clip_gradients(*grads, max_norm)
    updated = [adagrad_update(p, g, m, learning_rate) for p, g, m in zip(params, grads, memories)]
    return (np.array(loss), hs[:, -1], *(p for p, _ in updated), *(m for _, m in updated))


def next_id(logits, temperature, u) -> int:
    """The id drawn from softmax(logits / temperature) (V,) by inverse CDF with the uniform number u:
    the first index whose cumulative probability exceeds u. Temperature 0: the argmax (greedy)."""
    if float(temperature) == 0:
        return int(np.argmax(logits))
    cumulative = np.cumsum(softmax(logits / float(temperature)))
    return min(int(np.searchsorted(cumulative, float(u), side="right")), len(cumulative) - 1)


def sample(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
    """Generate len(uniforms) ids after first_id, feeding each drawn id back in.

    h (H,) the state before first_id is read; first_id an int in [0, V); uniforms (n,) in [0, 1).
    -> ids (n,) int64, first_id not included.
    """
    ids = np.empty(len(uniforms), dtype=np.int64)
    x = int(first_id)
    for k, u in enumerate(uniforms):
        h = np.tanh(W_xh[:, x] + W_hh @ h + b_h)  # read x, carry the state
        logits = W_hy @ h + b_y
        x = next_id(logits, temperature, u)  # the drawn id is the next input
        ids[k] = x
    return ids


def stream_loss(ids, h0, W_xh, W_hh, b_h, W_hy, b_y) -> float:
    """Mean cross-entropy (nats) of predicting ids[:, t+1] from ids[:, :t+1], reading each row of
    ids (N, L) from h0 in one pass (the state carried along the whole row)."""
    ids = np.asarray(ids)
    logits, _ = char_rnn_forward(ids[:, :-1], h0, W_xh, W_hh, b_h, W_hy, b_y)
    log_p = log_softmax(logits, axis=-1)
    return float(-np.mean(np.take_along_axis(log_p, ids[:, 1:, None], axis=-1)))


def train(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, steps, window, learning_rate, max_norm):
    """Train on the N streams ids (N, L) for `steps` windows of `window` characters, statefully.

    The windows follow each other along the streams, the state carried from one to the next (from
    h0 at the start); when fewer than window + 1 characters are left, reading starts again at the
    beginning, from h0. Adagrad's memories start at zero. -> the five trained parameters.
    """
    ids = np.asarray(ids)
    steps, window = int(steps), int(window)
    params = [W_xh, W_hh, b_h, W_hy, b_y]
    memories = [np.zeros_like(p) for p in params]
    h, start = h0, 0
    for _ in range(steps):
        if start + window + 1 > ids.shape[1]:
            h, start = h0, 0
        x, y = ids[:, start : start + window], ids[:, start + 1 : start + window + 1]
        _, h, *rest = train_step(x, y, h, *params, *memories, learning_rate, max_norm)
        params, memories = rest[:5], rest[5:]
        start += window
    return tuple(params)
