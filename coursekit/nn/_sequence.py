"""What the RNN, LSTM and GRU sequence functions share: the time-major layout, and the
gradients that are one big product over all time steps once the backward loop is done."""
from __future__ import annotations

import numpy as np

from .params import LayerParams


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


def weight_and_input_grads(d_xw: np.ndarray, d_hw: np.ndarray, x: np.ndarray, h0: np.ndarray,
                           h: np.ndarray, weight_ih: np.ndarray):
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
