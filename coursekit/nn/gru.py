"""Gated recurrent unit (GRU) layer in NumPy, with PyTorch's gate order and equations.

    [r, z, n]_x = x_t W_ih^T + b_ih        [r, z, n]_h = h_{t-1} W_hh^T + b_hh
    r = sigmoid(r_x + r_h)                   reset gate
    z = sigmoid(z_x + z_h)                   update gate
    n = tanh(n_x + r * n_h)                  candidate; PyTorch applies r after the product
    h_t = (1 - z) * n + z * h_{t-1}

Shapes are batch-first: x (N, T, D), h (N, T, H), h0 (N, H). Weights as in torch.nn.GRU:
weight_ih (3H, D), weight_hh (3H, H), bias_ih (3H,), bias_hh (3H,).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from ._sequence import input_projection, weight_and_input_grads
from .activations import sigmoid, sigmoid_grad, tanh_grad
from .params import LayerParams


def _gates(xw: np.ndarray, hw: np.ndarray, r_z: np.ndarray, n: np.ndarray) -> None:
    """From the input part xw (N, 3H) and the hidden part hw (N, 3H) fill r_z (N, 2H) and n (N, H)."""
    H = n.shape[-1]
    np.add(xw[:, :2 * H], hw[:, :2 * H], out=r_z)
    sigmoid(r_z, out=r_z)
    np.multiply(r_z[:, :H], hw[:, 2 * H:], out=n)
    n += xw[:, 2 * H:]
    np.tanh(n, out=n)


def _gate_grads(dh, h_prev, r_z, n, hw_n):
    """Gradients w.r.t. the input part (N, 3H) and the hidden part (N, 3H) of the pre-activations,
    and the direct part dh * z of dh_prev, given dh = dL/dh_t."""
    H = n.shape[-1]
    r, z = r_z[:, :H], r_z[:, H:]
    dn = dh * (1 - z) * tanh_grad(n)  # gradient at n's pre-activation
    dr = dn * hw_n * sigmoid_grad(r)
    dzg = dh * (h_prev - n) * sigmoid_grad(z)
    d_xw = np.concatenate([dr, dzg, dn], axis=1)
    d_hw = np.concatenate([dr, dzg, dn * r], axis=1)
    return d_xw, d_hw, dh * z


@dataclass
class GRUStepCache:
    x: np.ndarray  # (N, D)
    h_prev: np.ndarray  # (N, H)
    r_z: np.ndarray  # (N, 2H) reset and update gates
    n: np.ndarray  # (N, H) candidate
    hw_n: np.ndarray  # (N, H) h_prev W_hn^T + b_hn, before the reset gate scales it
    params: LayerParams


def gru_step_forward(x, h_prev, params: LayerParams):
    """One time step.

    x (N, D), h_prev (N, H) -> h_next (N, H), cache
    """
    D, H = _validate.check_layer_params(params, 3)
    x = _validate.check_step_input(x, D)
    h_prev = _validate.check_array(h_prev, (x.shape[0], H), "h_prev")
    xw = x @ params.weight_ih.T + params.bias_ih
    hw = h_prev @ params.weight_hh.T + params.bias_hh
    dtype = np.result_type(xw, hw)
    r_z, n = np.empty((x.shape[0], 2 * H), dtype), np.empty((x.shape[0], H), dtype)
    _gates(xw, hw, r_z, n)
    z = r_z[:, H:]
    h_next = n + z * (h_prev - n)
    return h_next, GRUStepCache(x, h_prev, r_z, n, hw[:, 2 * H:], params)


def gru_step_backward(dh_next, cache: GRUStepCache):
    """Gradients of one time step.

    dh_next (N, H) -> dx (N, D), dh_prev (N, H), grads (LayerParams)
    """
    d_xw, d_hw, dh_direct = _gate_grads(dh_next, cache.h_prev, cache.r_z, cache.n, cache.hw_n)
    p = cache.params
    grads = LayerParams(weight_ih=d_xw.T @ cache.x, weight_hh=d_hw.T @ cache.h_prev,
                        bias_ih=d_xw.sum(0), bias_hh=d_hw.sum(0))
    return d_xw @ p.weight_ih, dh_direct + d_hw @ p.weight_hh, grads


@dataclass
class GRUCache:
    x: np.ndarray  # (N, T, D)
    h0: np.ndarray  # (N, H)
    r_z: np.ndarray  # (T, N, 2H) time-major
    n: np.ndarray  # (T, N, H)
    hw_n: np.ndarray  # (T, N, H)
    h: np.ndarray  # (T, N, H)
    params: LayerParams


def gru_forward(x, h0, params: LayerParams):
    """A whole sequence.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H), cache. h_T is h[:, -1].
    """
    D, H = _validate.check_layer_params(params, 3)
    x = _validate.check_sequence(x, D)
    N, T, _ = x.shape
    dtype = np.result_type(x, params.weight_hh)
    h0 = np.zeros((N, H), dtype) if h0 is None else _validate.check_array(h0, (N, H), "h0", dtype)

    # Speed: r and z come from one exp each step as 1 / (1 + exp(-a)), so the rows of their
    # weights and biases are negated up front (exact); the n block keeps its sign.
    sign = np.concatenate([-np.ones(2 * H, dtype), np.ones(H, dtype)])
    w_hh, b_hh = params.weight_hh.T * sign, params.bias_hh * sign
    xw = input_projection(x, params.weight_ih * sign[:, None], params.bias_ih * sign, dtype)  # (T, N, 3H)
    r_z = np.empty((T, N, 2 * H), dtype)
    n, hw_n, h = (np.empty((T, N, H), dtype) for _ in range(3))
    hw = np.empty((N, 3 * H), dtype)
    h_prev = h0
    with np.errstate(over="ignore"):  # a saturated gate overflows exp to inf: 1 / (1 + inf) = 0
        for t in range(T):
            np.matmul(h_prev, w_hh, out=hw)
            hw += b_hh
            gate = r_z[t]
            np.add(xw[t, :, :2 * H], hw[:, :2 * H], out=gate)
            np.exp(gate, out=gate)
            gate += 1
            np.divide(1, gate, out=gate)  # r and z
            hw_n[t] = hw[:, 2 * H:]
            np.multiply(gate[:, :H], hw_n[t], out=n[t])  # n = tanh(n_x + r * n_h)
            n[t] += xw[t, :, 2 * H:]
            np.tanh(n[t], out=n[t])
            np.subtract(h_prev, n[t], out=h[t])  # h_t = n + z * (h_{t-1} - n)
            h[t] *= gate[:, H:]
            h[t] += n[t]
            h_prev = h[t]
    return h.transpose(1, 0, 2), GRUCache(x, h0, r_z, n, hw_n, h, params)


def gru_backward(dh, cache: GRUCache, truncate: int | None = None):
    """Backpropagation through time.

    dh (N, T, H): gradient w.r.t. every h_t (add that of h_T to dh[:, -1]);
    truncate: None for full BPTT, or k to cut the gradient through h at t = k, 2k, ...
    Returns dx (N, T, D), dh0 (N, H), grads (LayerParams).
    """
    h, p = cache.h, cache.params
    T, N, H = h.shape
    truncate = _validate.check_truncate(truncate)
    dh = _validate.check_array(dh, (N, T, H), "dh")
    dh_t = np.array(dh.transpose(1, 0, 2), dtype=h.dtype)  # becomes dL/dh_t in total
    d_xw = np.empty((T, N, 3 * H), h.dtype)  # gradients w.r.t. the input part [r, z, n]_x
    d_hw = np.empty((T, N, 3 * H), h.dtype)  # and w.r.t. the hidden part [r, z, n]_h
    one_minus = np.empty((N, H), h.dtype)
    dh_prev = np.zeros((N, H), h.dtype)
    # Speed: every buffer is reused from step to step, and each line is one NumPy call.
    for t in range(T - 1, -1, -1):
        r, z, n, h_prev = cache.r_z[t, :, :H], cache.r_z[t, :, H:], cache.n[t], h[t - 1] if t > 0 else cache.h0
        d = dh_t[t]
        d += dh_prev
        dr, dz, dn = d_xw[t, :, :H], d_xw[t, :, H:2 * H], d_xw[t, :, 2 * H:]
        np.subtract(1, z, out=one_minus)
        np.multiply(n, n, out=dn)  # dn = d * (1 - z) * (1 - n^2)
        np.subtract(1, dn, out=dn)
        dn *= d
        dn *= one_minus
        np.subtract(h_prev, n, out=dz)  # dz = d * (h_{t-1} - n) * z (1 - z)
        dz *= d
        dz *= z
        dz *= one_minus
        np.subtract(1, r, out=one_minus)
        np.multiply(dn, cache.hw_n[t], out=dr)  # dr = dn * n_h * r (1 - r)
        dr *= r
        dr *= one_minus
        d_hw[t, :, :2 * H] = d_xw[t, :, :2 * H]
        np.multiply(dn, r, out=d_hw[t, :, 2 * H:])  # the reset gate scales n_h
        np.matmul(d_hw[t], p.weight_hh, out=dh_prev)
        dh_prev += np.multiply(d, z, out=one_minus)  # h_{t-1} also reaches h_t directly, times z
        if _validate.cut_here(t, truncate):
            dh_prev[:] = 0
    dx, grads = weight_and_input_grads(d_xw, d_hw, cache.x, cache.h0, h, p.weight_ih)
    return dx, dh_prev, grads
