"""The vanilla (Elman, hidden-to-hidden) recurrent layer in NumPy: forward and backward.

    h_t = f(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh),   f = tanh or relu

Shapes are batch-first: x (N, T, D), h (N, T, H), h0 (N, H). Weights follow PyTorch's
torch.nn.RNN: weight_ih (H, D), weight_hh (H, H), bias_ih (H,), bias_hh (H,).

The step functions are the textbook form. The sequence functions compute the same thing
faster: the input projection of all T steps is one matrix product before the loop, and the
weight gradients are one product over all steps after it, so the loop holds only the work
that really is sequential (the h_{t-1} W_hh^T products).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import _validate
from ._sequence import input_projection, weight_and_input_grads
from .activations import nonlinearity as _nonlinearity
from .params import LayerParams


@dataclass
class RNNStepCache:
    x: np.ndarray  # (N, D)
    h_prev: np.ndarray  # (N, H)
    h_next: np.ndarray  # (N, H)
    params: LayerParams
    nonlinearity: str


def rnn_step_forward(x, h_prev, params: LayerParams, nonlinearity: str = "tanh"):
    """One time step.

    x (N, D), h_prev (N, H) -> h_next (N, H), cache
    """
    f, _ = _nonlinearity(nonlinearity)
    D, H = _validate.check_layer_params(params, 1)
    x = _validate.check_step_input(x, D)
    h_prev = _validate.check_array(h_prev, (x.shape[0], H), "h_prev")
    a = x @ params.weight_ih.T + params.bias_ih + h_prev @ params.weight_hh.T + params.bias_hh
    h_next = f(a)
    return h_next, RNNStepCache(x, h_prev, h_next, params, nonlinearity)


def rnn_step_backward(dh_next, cache: RNNStepCache):
    """Gradients of one time step.

    dh_next (N, H) -> dx (N, D), dh_prev (N, H), grads (LayerParams of gradients)
    """
    _, f_grad = _nonlinearity(cache.nonlinearity)
    da = dh_next * f_grad(cache.h_next)  # (N, H) gradient at the pre-activation
    p = cache.params
    grads = LayerParams(weight_ih=da.T @ cache.x, weight_hh=da.T @ cache.h_prev,
                        bias_ih=da.sum(0), bias_hh=da.sum(0))
    return da @ p.weight_ih, da @ p.weight_hh, grads


@dataclass
class RNNCache:
    x: np.ndarray  # (N, T, D)
    h0: np.ndarray  # (N, H)
    h: np.ndarray  # (T, N, H) time-major, so each step is a contiguous block
    params: LayerParams
    nonlinearity: str


def rnn_forward(x, h0, params: LayerParams, nonlinearity: str = "tanh"):
    """A whole sequence.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H) every hidden state, cache.
    The last state h_T is h[:, -1].
    """
    f, _ = _nonlinearity(nonlinearity)
    D, H = _validate.check_layer_params(params, 1)
    x = _validate.check_sequence(x, D)
    N, T, _ = x.shape
    dtype = np.result_type(x, params.weight_hh)
    h0 = np.zeros((N, H), dtype) if h0 is None else _validate.check_array(h0, (N, H), "h0", dtype)

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


def rnn_backward(dh, cache: RNNCache, truncate: int | None = None):
    """Backpropagation through time.

    dh (N, T, H): gradient of the loss with respect to every h_t (add the gradient of the
    final state to dh[:, -1]).
    truncate: None for full BPTT, or k to cut the gradient through the state every k steps
    (at t = k, 2k, ...), which is what detaching the state between chunks of k steps does.
    Returns dx (N, T, D), dh0 (N, H), grads (LayerParams).
    """
    _, f_grad = _nonlinearity(cache.nonlinearity)
    h, x, p = cache.h, cache.x, cache.params
    T, N, H = h.shape
    truncate = _validate.check_truncate(truncate)
    dh = _validate.check_array(dh, (N, T, H), "dh")

    da = np.array(dh.transpose(1, 0, 2), dtype=h.dtype)  # (T, N, H), becomes dL/da_t
    dh_prev = np.zeros((N, H), h.dtype)
    for t in range(T - 1, -1, -1):
        da[t] += dh_prev
        da[t] *= f_grad(h[t])
        np.matmul(da[t], p.weight_hh, out=dh_prev)
        if _validate.cut_here(t, truncate):
            dh_prev[:] = 0
    dx, grads = weight_and_input_grads(da, da, x, cache.h0, h, p.weight_ih)
    return dx, dh_prev, grads
