"""Long short-term memory (LSTM) layer in NumPy, with PyTorch's gate order and equations.

    [i, f, g, o] = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh      (each block H wide)
    i, f, o = sigmoid(.)   g = tanh(.)
    c_t = f * c_{t-1} + i * g                                      the cell state
    h_t = o * tanh(c_t)

Shapes are batch-first: x (N, T, D), h and c (N, T, H), h0 and c0 (N, H). Weights as in
torch.nn.LSTM: weight_ih (4H, D), weight_hh (4H, H), bias_ih (4H,), bias_hh (4H,).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from ._sequence import input_projection, weight_and_input_grads
from .activations import sigmoid, sigmoid_grad, tanh_grad
from .params import LayerParams


def _gate_activations(z: np.ndarray) -> np.ndarray:
    """z (..., 4H) pre-activations -> [i, f, g, o] activations, in place."""
    H = z.shape[-1] // 4
    sigmoid(z[..., :2 * H], out=z[..., :2 * H])  # i, f
    np.tanh(z[..., 2 * H:3 * H], out=z[..., 2 * H:3 * H])  # g
    sigmoid(z[..., 3 * H:], out=z[..., 3 * H:])  # o
    return z


def _gate_grads(dgates: np.ndarray, gates: np.ndarray) -> np.ndarray:
    """Turn gradients w.r.t. the activations [i, f, g, o] into gradients w.r.t. the
    pre-activations, in place on dgates."""
    H = gates.shape[-1] // 4
    dgates[..., :2 * H] *= sigmoid_grad(gates[..., :2 * H])
    dgates[..., 2 * H:3 * H] *= tanh_grad(gates[..., 2 * H:3 * H])
    dgates[..., 3 * H:] *= sigmoid_grad(gates[..., 3 * H:])
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
    D, H = _validate.check_layer_params(params, 4)
    x = _validate.check_step_input(x, D)
    h_prev = _validate.check_array(h_prev, (x.shape[0], H), "h_prev")
    c_prev = _validate.check_array(c_prev, (x.shape[0], H), "c_prev")
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
    grads = LayerParams(weight_ih=dz.T @ cache.x, weight_hh=dz.T @ cache.h_prev,
                        bias_ih=dz.sum(0), bias_hh=dz.sum(0))
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


def lstm_forward(x, h0, c0, params: LayerParams):
    """A whole sequence.

    x (N, T, D), h0 and c0 (N, H) or None for zeros -> h (N, T, H), cache.
    The final states are h[:, -1] and cache.c[-1].
    """
    D, H = _validate.check_layer_params(params, 4)
    x = _validate.check_sequence(x, D)
    N, T, _ = x.shape
    dtype = np.result_type(x, params.weight_hh)
    h0 = np.zeros((N, H), dtype) if h0 is None else _validate.check_array(h0, (N, H), "h0", dtype)
    c0 = np.zeros((N, H), dtype) if c0 is None else _validate.check_array(c0, (N, H), "c0", dtype)

    # Speed: one exp over each step's whole (N, 4H) block gives all four gates, because
    # sigmoid(a) = 1 / (1 + exp(-a)) and tanh(a) = 2 sigmoid(2a) - 1. So the weights are
    # scaled by -1 (i, f, o blocks) and -2 (g block) up front; scaling by a power of two is
    # exact, so this computes the same numbers as the step function.
    scale = np.repeat(np.array([-1, -1, -2, -1], dtype), H)
    w_hh = params.weight_hh.T * scale  # (H, 4H)
    # pre-activations, then activations [i, f, g, o]
    gates = input_projection(x, params.weight_ih * scale[:, None], (params.bias_ih + params.bias_hh) * scale, dtype)
    c, tanh_c, h = (np.empty((T, N, H), dtype) for _ in range(3))
    recurrent = np.empty((N, 4 * H), dtype)
    h_prev, c_prev = h0, c0
    with np.errstate(over="ignore"):  # a saturated gate overflows exp to inf: 1 / (1 + inf) = 0
        for t in range(T):
            z = gates[t]
            z += np.matmul(h_prev, w_hh, out=recurrent)
            np.exp(z, out=z)
            z += 1
            np.divide(1, z, out=z)  # every block is now a sigmoid (divide: faster than reciprocal here)
            g = z[:, 2 * H:3 * H]
            g *= 2
            g -= 1  # and g is a tanh
            np.multiply(z[:, H:2 * H], c_prev, out=c[t])  # f * c_{t-1}
            c[t] += z[:, :H] * g  # + i * g
            np.tanh(c[t], out=tanh_c[t])
            np.multiply(z[:, 3 * H:], tanh_c[t], out=h[t])  # o * tanh(c_t)
            h_prev, c_prev = h[t], c[t]
    return h.transpose(1, 0, 2), LSTMCache(x, h0, c0, gates, c, tanh_c, h, params)


def lstm_backward(dh, cache: LSTMCache, dc_last=None, truncate: int | None = None):
    """Backpropagation through time.

    dh (N, T, H): gradient of the loss w.r.t. every h_t (add that of h_T to dh[:, -1]);
    dc_last (N, H) or None: gradient w.r.t. the final cell state c_T;
    truncate: None for full BPTT, or k to cut the gradient through (h, c) at t = k, 2k, ...
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), grads (LayerParams).
    """
    gates, c, tanh_c, p = cache.gates, cache.c, cache.tanh_c, cache.params
    T, N, H = c.shape
    truncate = _validate.check_truncate(truncate)
    dh = _validate.check_array(dh, (N, T, H), "dh")
    dh_t = np.array(dh.transpose(1, 0, 2), dtype=c.dtype)  # (T, N, H), becomes dL/dh_t in total
    dc = (np.zeros((N, H), c.dtype) if dc_last is None
          else np.array(_validate.check_array(dc_last, (N, H), "dc_last"), dtype=c.dtype))
    dz = np.empty((T, N, 4 * H), c.dtype)  # gradients w.r.t. the gate pre-activations
    local = np.empty((N, 4 * H), c.dtype)  # the gates' local derivatives at one step
    dh_prev = np.zeros((N, H), c.dtype)
    # Speed: every buffer below is reused from step to step, and each line is one NumPy call.
    for t in range(T - 1, -1, -1):
        i, f, g, o = (gates[t, :, k * H:(k + 1) * H] for k in range(4))
        dh_t[t] += dh_prev
        # dc_t = dc from step t+1 (through f) + dh_t * o * (1 - tanh(c_t)^2)
        dtanh = np.multiply(tanh_c[t], tanh_c[t], out=local[:, :H])
        np.subtract(1, dtanh, out=dtanh)
        dtanh *= o
        dtanh *= dh_t[t]
        dc += dtanh
        # local derivatives: sigmoid' = s (1 - s) for i, f, o and tanh' = 1 - g^2 for g
        np.subtract(1, gates[t], out=local)
        local *= gates[t]
        np.multiply(g, g, out=local[:, 2 * H:3 * H])
        np.subtract(1, local[:, 2 * H:3 * H], out=local[:, 2 * H:3 * H])
        # c_t = f c_{t-1} + i g  and  h_t = o tanh(c_t)
        d = dz[t]
        np.multiply(dc, g, out=d[:, :H])
        np.multiply(dc, c[t - 1] if t > 0 else cache.c0, out=d[:, H:2 * H])
        np.multiply(dc, i, out=d[:, 2 * H:3 * H])
        np.multiply(dh_t[t], tanh_c[t], out=d[:, 3 * H:])
        d *= local
        np.matmul(d, p.weight_hh, out=dh_prev)
        dc *= f
        if _validate.cut_here(t, truncate):
            dh_prev[:] = 0
            dc[:] = 0

    dx, grads = weight_and_input_grads(dz, dz, cache.x, cache.h0, cache.h, p.weight_ih)
    return dx, dh_prev, dc, grads
