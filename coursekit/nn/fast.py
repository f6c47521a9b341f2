"""The fast path: the RNN, LSTM and GRU sequence functions as RecurrentNetwork runs them.

Each function here computes exactly what its namesake in rnn.py, lstm.py or gru.py computes
(same signature, same cache, same return values; tests/test_nn_fast_paths.py holds them equal
in float64 to 1e-12), but not the way a lesson writes it. Those reference versions are loops
over the step functions; read them first. What this module does differently, and why:

- the input projection x_t W_ih^T + b_ih of all T steps is one matrix product before the
  loop, and the weight gradients are one product over all steps after it, so the loop holds
  only the work that really is sequential (the h_{t-1} W_hh^T products);
- every array is allocated once and reused from step to step (`out=`), and each line of a
  loop body is one NumPy call, because at course sizes the time goes into the calls, not
  into the arithmetic;
- the LSTM computes all four gates with one exp per step (weights pre-scaled by -1 and -2),
  the GRU its r and z gates with one exp (weights pre-scaled by -1).

The caches are the dataclasses of the cell modules (RNNCache, LSTMCache, GRUCache), so a cache
from either forward works with either backward.
"""

from __future__ import annotations

import numpy as np

from . import input_checks
from .activations import nonlinearity as _nonlinearity
from .gru import GRUCache
from .lstm import LSTMCache
from .params import LayerParams
from .rnn import RNNCache


# ---- what the three cells share ---------------------------------------------------------------
def time_major(x: np.ndarray) -> np.ndarray:
    """(N, T, D) -> contiguous (T, N, D): each time step becomes one block of memory."""
    return np.ascontiguousarray(x.transpose(1, 0, 2))


def input_projection(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dtype) -> np.ndarray:
    """x (N, T, D) -> x_t W^T + b for every step at once, time-major (T, N, G)."""
    N, T, D = x.shape
    out = np.empty((T, N, weight.shape[0]), dtype)
    np.matmul(time_major(x).reshape(T * N, D), weight.T, out=out.reshape(T * N, -1))
    out += bias
    return out


def weight_and_input_grads(
    d_xw: np.ndarray, d_hw: np.ndarray, x: np.ndarray, h0: np.ndarray, h: np.ndarray, weight_ih: np.ndarray
):
    """Gradients that need no loop, given the per-step gradients of the pre-activations.

    d_xw (T, N, G): gradient w.r.t. the input part x_t W_ih^T + b_ih of every step;
    d_hw (T, N, G): the same for the hidden part h_{t-1} W_hh^T + b_hh (the same array for
    RNN and LSTM; the GRU's differ in the n block); x (N, T, D); h0 (N, H); h (T, N, H).
    Returns dx (N, T, D) and the LayerParams of weight gradients.
    """
    T, N, G = d_xw.shape
    d_xw_2d, d_hw_2d = d_xw.reshape(T * N, G), d_hw.reshape(T * N, G)
    ones = np.ones(T * N, d_xw.dtype)  # a sum over rows as a product: faster than .sum(0)
    # Step t reads h_{t-1}: h0 at t = 0, then h[t - 1].
    weight_hh = d_hw[0].T @ h0
    if T > 1:
        weight_hh += d_hw[1:].reshape(-1, G).T @ h[:-1].reshape(-1, h.shape[2])
    bias_ih = ones @ d_xw_2d
    grads = LayerParams(
        weight_ih=d_xw_2d.T @ time_major(x).reshape(T * N, -1),
        weight_hh=weight_hh,
        bias_ih=bias_ih,
        bias_hh=bias_ih.copy() if d_hw is d_xw else ones @ d_hw_2d,
    )
    dx = (d_xw_2d @ weight_ih).reshape(T, N, -1).transpose(1, 0, 2)
    return dx, grads


# ---- RNN (tanh, relu) -------------------------------------------------------------------------
def fast_rnn_forward(x, h0, params: LayerParams, nonlinearity: str = "tanh"):
    """rnn_forward, fast: a whole sequence.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H) every hidden state, cache.
    The last state h_T is h[:, -1].
    """
    f, _ = _nonlinearity(nonlinearity)
    x, h0 = input_checks.sequence_start(x, params, 1, h0=h0)
    (N, T, _), H, dtype = x.shape, h0.shape[1], h0.dtype

    w_hh_t = params.weight_hh.T
    # a[t] starts as the input part x_t W_ih^T + b_ih + b_hh, for all t in one product.
    a = input_projection(x, params.weight_ih, params.bias_ih + params.bias_hh, dtype)
    recurrent = np.empty((N, H), dtype)
    h_prev = h0
    for t in range(T):
        a[t] += np.matmul(h_prev, w_hh_t, out=recurrent)
        h_prev = f(a[t], out=a[t])  # a[t] now holds h_t
    h = a
    return h.transpose(1, 0, 2), RNNCache(x, h0, h, params, nonlinearity)


def fast_rnn_backward(dh, cache: RNNCache, truncate: int | None = None):
    """rnn_backward, fast: backpropagation through time.

    dh (N, T, H): gradient of the loss with respect to every h_t (add the gradient of the
    final state to dh[:, -1]).
    truncate: None for full BPTT, or k to cut the gradient through the state every k steps
    (at t = k, 2k, ...), which is what detaching the state between chunks of k steps does.
    Returns dx (N, T, D), dh0 (N, H), grads (LayerParams).
    """
    _, f_grad = _nonlinearity(cache.nonlinearity)
    h, x, p = cache.h, cache.x, cache.params
    T, N, H = h.shape
    truncate = input_checks.check_truncate(truncate)
    dh = input_checks.check_array(dh, (N, T, H), "dh")

    da = np.array(dh.transpose(1, 0, 2), dtype=h.dtype)  # (T, N, H), becomes dL/da_t
    dh_prev = np.zeros((N, H), h.dtype)
    for t in range(T - 1, -1, -1):
        da[t] += dh_prev
        da[t] *= f_grad(h[t])
        np.matmul(da[t], p.weight_hh, out=dh_prev)
        if input_checks.cut_here(t, truncate):
            dh_prev[:] = 0
    dx, grads = weight_and_input_grads(da, da, x, cache.h0, h, p.weight_ih)
    return dx, dh_prev, grads


# ---- LSTM --------------------------------------------------------------------------------------
def fast_lstm_forward(x, h0, c0, params: LayerParams):
    """lstm_forward, fast: a whole sequence.

    x (N, T, D), h0 and c0 (N, H) or None for zeros -> h (N, T, H), cache.
    The final states are h[:, -1] and cache.c[-1].
    """
    x, h0, c0 = input_checks.sequence_start(x, params, 4, h0=h0, c0=c0)
    (N, T, _), H, dtype = x.shape, h0.shape[1], h0.dtype

    # Speed: one exp over each step's whole (N, 4H) block gives all four gates, because
    # sigmoid(a) = 1 / (1 + exp(-a)) and tanh(a) = 2 sigmoid(2a) - 1. So the weights are
    # scaled by -1 (i, f, o blocks) and -2 (g block) up front; scaling by a power of two is
    # exact, so this computes the same numbers as the step function.
    scale = np.repeat(np.array([-1, -1, -2, -1], dtype), H)
    w_hh = params.weight_hh.T * scale  # (H, 4H)
    # pre-activations, then activations [i, f, g, o]
    gates = input_projection(
        x, params.weight_ih * scale[:, None], (params.bias_ih + params.bias_hh) * scale, dtype
    )
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
            g = z[:, 2 * H : 3 * H]
            g *= 2
            g -= 1  # and g is a tanh
            np.multiply(z[:, H : 2 * H], c_prev, out=c[t])  # f * c_{t-1}
            c[t] += z[:, :H] * g  # + i * g
            np.tanh(c[t], out=tanh_c[t])
            np.multiply(z[:, 3 * H :], tanh_c[t], out=h[t])  # o * tanh(c_t)
            h_prev, c_prev = h[t], c[t]
    return h.transpose(1, 0, 2), LSTMCache(x, h0, c0, gates, c, tanh_c, h, params)


def fast_lstm_backward(dh, cache: LSTMCache, dc_last=None, truncate: int | None = None):
    """lstm_backward, fast: backpropagation through time.

    dh (N, T, H): gradient of the loss w.r.t. every h_t (add that of h_T to dh[:, -1]);
    dc_last (N, H) or None: gradient w.r.t. the final cell state c_T;
    truncate: None for full BPTT, or k to cut the gradient through (h, c) at t = k, 2k, ...
    Returns dx (N, T, D), dh0 (N, H), dc0 (N, H), grads (LayerParams).
    """
    gates, c, tanh_c, p = cache.gates, cache.c, cache.tanh_c, cache.params
    T, N, H = c.shape
    truncate = input_checks.check_truncate(truncate)
    dh = input_checks.check_array(dh, (N, T, H), "dh")
    dh_t = np.array(dh.transpose(1, 0, 2), dtype=c.dtype)  # (T, N, H), becomes dL/dh_t in total
    dc = (
        np.zeros((N, H), c.dtype)
        if dc_last is None
        else np.array(input_checks.check_array(dc_last, (N, H), "dc_last"), dtype=c.dtype)
    )
    dz = np.empty((T, N, 4 * H), c.dtype)  # gradients w.r.t. the gate pre-activations
    local = np.empty((N, 4 * H), c.dtype)  # the gates' local derivatives at one step
    dh_prev = np.zeros((N, H), c.dtype)
    # Speed: every buffer below is reused from step to step, and each line is one NumPy call.
    for t in range(T - 1, -1, -1):
        i, f, g, o = (gates[t, :, k * H : (k + 1) * H] for k in range(4))
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
        np.multiply(g, g, out=local[:, 2 * H : 3 * H])
        np.subtract(1, local[:, 2 * H : 3 * H], out=local[:, 2 * H : 3 * H])
        # c_t = f c_{t-1} + i g  and  h_t = o tanh(c_t)
        d = dz[t]
        np.multiply(dc, g, out=d[:, :H])
        np.multiply(dc, c[t - 1] if t > 0 else cache.c0, out=d[:, H : 2 * H])
        np.multiply(dc, i, out=d[:, 2 * H : 3 * H])
        np.multiply(dh_t[t], tanh_c[t], out=d[:, 3 * H :])
        d *= local
        np.matmul(d, p.weight_hh, out=dh_prev)
        dc *= f
        if input_checks.cut_here(t, truncate):
            dh_prev[:] = 0
            dc[:] = 0

    dx, grads = weight_and_input_grads(dz, dz, cache.x, cache.h0, cache.h, p.weight_ih)
    return dx, dh_prev, dc, grads


# ---- GRU ---------------------------------------------------------------------------------------
def fast_gru_forward(x, h0, params: LayerParams):
    """gru_forward, fast: a whole sequence.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H), cache. h_T is h[:, -1].
    """
    x, h0 = input_checks.sequence_start(x, params, 3, h0=h0)
    (N, T, _), H, dtype = x.shape, h0.shape[1], h0.dtype

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
            np.add(xw[t, :, : 2 * H], hw[:, : 2 * H], out=gate)
            np.exp(gate, out=gate)
            gate += 1
            np.divide(1, gate, out=gate)  # r and z
            hw_n[t] = hw[:, 2 * H :]
            np.multiply(gate[:, :H], hw_n[t], out=n[t])  # n = tanh(n_x + r * n_h)
            n[t] += xw[t, :, 2 * H :]
            np.tanh(n[t], out=n[t])
            np.subtract(h_prev, n[t], out=h[t])  # h_t = n + z * (h_{t-1} - n)
            h[t] *= gate[:, H:]
            h[t] += n[t]
            h_prev = h[t]
    return h.transpose(1, 0, 2), GRUCache(x, h0, r_z, n, hw_n, h, params)


def fast_gru_backward(dh, cache: GRUCache, truncate: int | None = None):
    """gru_backward, fast: backpropagation through time.

    dh (N, T, H): gradient w.r.t. every h_t (add that of h_T to dh[:, -1]);
    truncate: None for full BPTT, or k to cut the gradient through h at t = k, 2k, ...
    Returns dx (N, T, D), dh0 (N, H), grads (LayerParams).
    """
    h, p = cache.h, cache.params
    T, N, H = h.shape
    truncate = input_checks.check_truncate(truncate)
    dh = input_checks.check_array(dh, (N, T, H), "dh")
    dh_t = np.array(dh.transpose(1, 0, 2), dtype=h.dtype)  # becomes dL/dh_t in total
    d_xw = np.empty((T, N, 3 * H), h.dtype)  # gradients w.r.t. the input part [r, z, n]_x
    d_hw = np.empty((T, N, 3 * H), h.dtype)  # and w.r.t. the hidden part [r, z, n]_h
    one_minus = np.empty((N, H), h.dtype)
    dh_prev = np.zeros((N, H), h.dtype)
    # Speed: every buffer is reused from step to step, and each line is one NumPy call.
    for t in range(T - 1, -1, -1):
        r, z, n, h_prev = (
            cache.r_z[t, :, :H],
            cache.r_z[t, :, H:],
            cache.n[t],
            h[t - 1] if t > 0 else cache.h0,
        )
        d = dh_t[t]
        d += dh_prev
        dr, dz, dn = d_xw[t, :, :H], d_xw[t, :, H : 2 * H], d_xw[t, :, 2 * H :]
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
        d_hw[t, :, : 2 * H] = d_xw[t, :, : 2 * H]
        np.multiply(dn, r, out=d_hw[t, :, 2 * H :])  # the reset gate scales n_h
        np.matmul(d_hw[t], p.weight_hh, out=dh_prev)
        dh_prev += np.multiply(d, z, out=one_minus)  # h_{t-1} also reaches h_t directly, times z
        if input_checks.cut_here(t, truncate):
            dh_prev[:] = 0
    dx, grads = weight_and_input_grads(d_xw, d_hw, cache.x, cache.h0, h, p.weight_ih)
    return dx, dh_prev, grads
