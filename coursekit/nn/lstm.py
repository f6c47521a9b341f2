"""Long short-term memory (LSTM) layer in NumPy, with PyTorch's gate order and equations.

    [i, f, g, o] = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh      (each block H wide)
    i, f, o = sigmoid(.)   g = tanh(.)
    c_t = f * c_{t-1} + i * g                                      the cell state
    h_t = o * tanh(c_t)

Shapes are batch-first: x (N, T, D), h and c (N, T, H), h0 and c0 (N, H). Weights as in
torch.nn.LSTM: weight_ih (4H, D), weight_hh (4H, H), bias_ih (4H,), bias_hh (4H,).

lstm_forward and lstm_backward are the reference: a loop over the step functions, one line per
equation. RecurrentNetwork runs fast_lstm_forward / fast_lstm_backward (coursekit/nn/fast.py),
which compute the same numbers faster; tests/test_nn_fast_paths.py holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import input_checks
from .activations import sigmoid, sigmoid_grad, tanh_grad
from .params import LayerParams


def _gate_activations(z: np.ndarray) -> np.ndarray:
    """z (..., 4H) pre-activations -> [i, f, g, o] activations, in place."""
    H = z.shape[-1] // 4
    sigmoid(z[..., : 2 * H], out=z[..., : 2 * H])  # i, f
    np.tanh(z[..., 2 * H : 3 * H], out=z[..., 2 * H : 3 * H])  # g
    sigmoid(z[..., 3 * H :], out=z[..., 3 * H :])  # o
    return z


def _gate_grads(dgates: np.ndarray, gates: np.ndarray) -> np.ndarray:
    """Turn gradients w.r.t. the activations [i, f, g, o] into gradients w.r.t. the
    pre-activations, in place on dgates."""
    H = gates.shape[-1] // 4
    dgates[..., : 2 * H] *= sigmoid_grad(gates[..., : 2 * H])
    dgates[..., 2 * H : 3 * H] *= tanh_grad(gates[..., 2 * H : 3 * H])
    dgates[..., 3 * H :] *= sigmoid_grad(gates[..., 3 * H :])
    return dgates


@dataclass
class LSTMStepCache:
    x: np.ndarray  # (N, D)
    h_prev: np.ndarray  # (N, H)
    c_prev: np.ndarray  # (N, H)
    gates: np.ndarray  # (N, 4H) activations [i, f, g, o]
    tanh_c: np.ndarray  # (N, H)
    params: LayerParams


def lstm_step_forward(x, h_prev, c_prev, params: LayerParams):
    """One time step.

    x (N, D), h_prev (N, H), c_prev (N, H) -> h_next (N, H), c_next (N, H), cache
    """
    D, H = input_checks.check_layer_params(params, 4)
    x = input_checks.check_step_input(x, D)
    h_prev = input_checks.check_array(h_prev, (x.shape[0], H), "h_prev")
    c_prev = input_checks.check_array(c_prev, (x.shape[0], H), "c_prev")
    z = x @ params.weight_ih.T + params.bias_ih + h_prev @ params.weight_hh.T + params.bias_hh
    gates = _gate_activations(z)
    i, f, g, o = np.split(gates, 4, axis=1)
    c_next = f * c_prev + i * g
    tanh_c = np.tanh(c_next)
    h_next = o * tanh_c
    return h_next, c_next, LSTMStepCache(x, h_prev, c_prev, gates, tanh_c, params)


def lstm_step_backward(dh_next, dc_next, cache: LSTMStepCache):
    """Gradients of one time step.

    dh_next (N, H), dc_next (N, H) -> dx (N, D), dh_prev (N, H), dc_prev (N, H), grads
    """
    i, f, g, o = np.split(cache.gates, 4, axis=1)
    dc = dc_next + dh_next * o * tanh_grad(cache.tanh_c)
    dgates = np.concatenate([dc * g, dc * cache.c_prev, dc * i, dh_next * cache.tanh_c], axis=1)
    dz = _gate_grads(dgates, cache.gates)  # (N, 4H)
    p = cache.params
    grads = LayerParams(
        weight_ih=dz.T @ cache.x, weight_hh=dz.T @ cache.h_prev, bias_ih=dz.sum(0), bias_hh=dz.sum(0)
    )
    return dz @ p.weight_ih, dz @ p.weight_hh, dc * f, grads


@dataclass
class LSTMCache:
    x: np.ndarray  # (N, T, D)
    h0: np.ndarray  # (N, H)
    c0: np.ndarray  # (N, H)
    gates: np.ndarray  # (T, N, 4H) activations [i, f, g, o], time-major
    c: np.ndarray  # (T, N, H) cell states
    tanh_c: np.ndarray  # (T, N, H)
    h: np.ndarray  # (T, N, H)
    params: LayerParams

    def step(self, t: int) -> LSTMStepCache:
        """The cache that lstm_step_forward returned at step t, rebuilt from the stored states."""
        h_prev, c_prev = (self.h0, self.c0) if t == 0 else (self.h[t - 1], self.c[t - 1])
        return LSTMStepCache(self.x[:, t], h_prev, c_prev, self.gates[t], self.tanh_c[t], self.params)


def lstm_forward(x, h0, c0, params: LayerParams):
    """A whole sequence: the step function, once per time step, each handing (h, c) on.

    x (N, T, D), h0 and c0 (N, H) or None for zeros -> h (N, T, H), cache.
    The final states are h[:, -1] and cache.c[-1].
    """
    x, h0, c0 = input_checks.sequence_start(x, params, 4, h0=h0, c0=c0)
    T = x.shape[1]

    h_prev, c_prev = h0, c0
    h, c, gates, tanh_c = [], [], [], []  # one (N, .) array per step, stacked into the cache below
    for t in range(T):
        # gates from x_t and h_{t-1}; c_t = f * c_{t-1} + i * g; h_t = o * tanh(c_t)
        h_prev, c_prev, step = lstm_step_forward(x[:, t], h_prev, c_prev, params)
        h.append(h_prev)
        c.append(c_prev)
        gates.append(step.gates)
        tanh_c.append(step.tanh_c)
    h, c, gates, tanh_c = (np.stack(a) for a in (h, c, gates, tanh_c))  # time-major (T, N, .)
    return h.transpose(1, 0, 2), LSTMCache(x, h0, c0, gates, c, tanh_c, h, params)


def lstm_backward(dh, cache: LSTMCache, dc_last=None, truncate: int | None = None):
    """Backpropagation through time: the step's backward, from the last step to the first.

    dh (N, T, H): gradient of the loss w.r.t. every h_t (add that of h_T to dh[:, -1]);
    dc_last (N, H) or None: gradient w.r.t. the final cell state c_T;
    truncate: None for full BPTT, or k to cut the gradient through (h, c) at t = k, 2k, ...
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), grads (LayerParams).
    """
    T, N, H = cache.h.shape
    dtype = cache.h.dtype
    truncate = input_checks.check_truncate(truncate)
    dh = input_checks.check_array(dh, (N, T, H), "dh", dtype)

    dx = np.empty(cache.x.shape, dtype)  # (N, T, D)
    grads = {name: np.zeros(w.shape, dtype) for name, w in cache.params.arrays().items()}
    # What step t+1 sends back to h_t and to c_t; after the last step only the loss on c_T.
    dh_carried = np.zeros((N, H), dtype)
    dc_carried = (
        np.zeros((N, H), dtype)
        if dc_last is None
        else input_checks.check_array(dc_last, (N, H), "dc_last", dtype)
    )
    for t in reversed(range(T)):
        # h_t reaches the loss directly (dh[:, t]) and through step t+1 (dh_carried): the two add up;
        # c_t reaches the loss only through step t+1 (and c_T through dc_last)
        dx[:, t], dh_carried, dc_carried, step_grads = lstm_step_backward(
            dh[:, t] + dh_carried, dc_carried, cache.step(t)
        )
        # every step uses the same weights, so their gradient is the sum of the steps' shares
        for name, g in step_grads.arrays().items():
            grads[name] += g
        if truncate is not None and t > 0 and t % truncate == 0:
            # truncated BPTT: the state (h, c) entering step t was detached, so no gradient flows past it
            dh_carried, dc_carried = np.zeros_like(dh_carried), np.zeros_like(dc_carried)
    return dx, dh_carried, dc_carried, LayerParams(**grads)  # the carried gradients are now dL/dh0, dL/dc0
