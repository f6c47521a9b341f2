"""The output-to-hidden (Jordan) recurrent layer: the recurrent neuron fed its previous output.

    h_t = f(x_t W_ih^T + y_{t-1} W_yh^T + b),   f = tanh or relu
    y_t = h_t W_hy^T + b_y

Unlike the hidden-to-hidden (Elman) layer in rnn.py, the only thing carried from one step
to the next is the output y_{t-1} (O numbers, often fewer than the H hidden units). That is
why it remembers less; and why, with teacher forcing (feeding the known target instead of
y_{t-1}), all steps can be trained in parallel.

Shapes are batch-first: x (N, T, D), y (N, T, O), h (N, T, H), y0 (N, O).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import input_checks
from .activations import nonlinearity as _nonlinearity
from .params import JordanParams


def _check_params(params: JordanParams) -> tuple[int, int, int]:
    """Returns (D, H, O) after checking that the five arrays fit together."""
    H, D = np.shape(params.weight_ih)
    O = np.shape(params.weight_hy)[0]
    expected = {"weight_ih": (H, D), "weight_yh": (H, O), "bias": (H,), "weight_hy": (O, H), "bias_y": (O,)}
    for name, shape in expected.items():
        if np.shape(getattr(params, name)) != shape:
            raise ValueError(
                f"params.{name} must have shape {shape} (D={D} inputs, H={H} hidden, "
                f"O={O} outputs); got shape {np.shape(getattr(params, name))}"
            )
    return D, H, O


@dataclass
class JordanStepCache:
    x: np.ndarray  # (N, D)
    y_prev: np.ndarray  # (N, O)
    h: np.ndarray  # (N, H)
    params: JordanParams
    nonlinearity: str


def jordan_step_forward(x, y_prev, params: JordanParams, nonlinearity: str = "tanh"):
    """One time step.

    x (N, D), y_prev (N, O) -> y (N, O), cache (cache.h holds the hidden units)
    """
    f, _ = _nonlinearity(nonlinearity)
    D, H, O = _check_params(params)
    x = input_checks.check_step_input(x, D)
    y_prev = input_checks.check_array(y_prev, (x.shape[0], O), "y_prev")
    h = f(x @ params.weight_ih.T + y_prev @ params.weight_yh.T + params.bias)
    y = h @ params.weight_hy.T + params.bias_y
    return y, JordanStepCache(x, y_prev, h, params, nonlinearity)


def jordan_step_backward(dy, cache: JordanStepCache):
    """Gradients of one time step.

    dy (N, O) -> dx (N, D), dy_prev (N, O), grads (JordanParams of gradients)
    """
    _, f_grad = _nonlinearity(cache.nonlinearity)
    p = cache.params
    da = (dy @ p.weight_hy) * f_grad(cache.h)  # (N, H)
    grads = JordanParams(
        weight_ih=da.T @ cache.x,
        weight_yh=da.T @ cache.y_prev,
        bias=da.sum(0),
        weight_hy=dy.T @ cache.h,
        bias_y=dy.sum(0),
    )
    return da @ p.weight_ih, da @ p.weight_yh, grads


@dataclass
class JordanCache:
    x: np.ndarray  # (N, T, D)
    y0: np.ndarray  # (N, O)
    h: np.ndarray  # (T, N, H) time-major
    y: np.ndarray  # (T, N, O)
    params: JordanParams
    nonlinearity: str


def jordan_forward(x, y0, params: JordanParams, nonlinearity: str = "tanh"):
    """A whole sequence.

    x (N, T, D), y0 (N, O) or None for zeros -> y (N, T, O), cache (cache.h: hidden units).
    """
    f, _ = _nonlinearity(nonlinearity)
    D, H, O = _check_params(params)
    x = input_checks.check_sequence(x, D)
    N, T, _ = x.shape
    dtype = np.result_type(x, params.weight_ih)
    y0 = np.zeros((N, O), dtype) if y0 is None else input_checks.check_array(y0, (N, O), "y0", dtype)
    h = np.matmul(x.transpose(1, 0, 2), params.weight_ih.T) + params.bias  # input part, all steps
    y = np.empty((T, N, O), dtype)
    y_prev = y0
    for t in range(T):
        h[t] += y_prev @ params.weight_yh.T
        f(h[t], out=h[t])
        np.matmul(h[t], params.weight_hy.T, out=y[t])
        y[t] += params.bias_y
        y_prev = y[t]
    return y.transpose(1, 0, 2), JordanCache(x, y0, h, y, params, nonlinearity)


def jordan_backward(dy, cache: JordanCache, truncate: int | None = None):
    """Backpropagation through time.

    dy (N, T, O): gradient w.r.t. every output y_t; truncate: None or k (cut at t = k, 2k, ...).
    Returns dx (N, T, D), dy0 (N, O), grads (JordanParams).
    """
    _, f_grad = _nonlinearity(cache.nonlinearity)
    h, p = cache.h, cache.params
    T, N, H = h.shape
    O = cache.y.shape[2]
    truncate = input_checks.check_truncate(truncate)
    dy = input_checks.check_array(dy, (N, T, O), "dy")
    dy_t = np.array(dy.transpose(1, 0, 2), dtype=h.dtype)  # becomes dL/dy_t in total
    da = np.empty((T, N, H), h.dtype)
    dy_prev = np.zeros((N, O), h.dtype)
    for t in range(T - 1, -1, -1):
        dy_t[t] += dy_prev
        np.matmul(dy_t[t], p.weight_hy, out=da[t])
        da[t] *= f_grad(h[t])
        dy_prev = da[t] @ p.weight_yh
        if input_checks.cut_here(t, truncate):
            dy_prev[:] = 0

    y_prevs = np.concatenate([cache.y0[None], cache.y[:-1]])
    da_2d, dy_2d = da.reshape(T * N, H), dy_t.reshape(T * N, O)
    grads = JordanParams(
        weight_ih=da_2d.T @ cache.x.transpose(1, 0, 2).reshape(T * N, -1),
        weight_yh=da_2d.T @ y_prevs.reshape(T * N, O),
        bias=da_2d.sum(0),
        weight_hy=dy_2d.T @ h.reshape(T * N, H),
        bias_y=dy_2d.sum(0),
    )
    dx = np.matmul(da, p.weight_ih).transpose(1, 0, 2)
    return dx, dy_prev, grads
