"""The vanilla (Elman, hidden-to-hidden) recurrent layer in NumPy: forward and backward.

    h_t = f(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh),   f = tanh or relu

Shapes are batch-first: x (N, T, D), h (N, T, H), h0 (N, H). Weights follow PyTorch's
torch.nn.RNN: weight_ih (H, D), weight_hh (H, H), bias_ih (H,), bias_hh (H,).

rnn_forward and rnn_backward are the reference: a loop over the step functions, one line per
equation. RecurrentNetwork runs fast_rnn_forward / fast_rnn_backward (coursekit/nn/fast.py),
which compute the same numbers faster; tests/test_nn_fast_paths.py holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import input_checks
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
    D, H = input_checks.check_layer_params(params, 1)
    x = input_checks.check_step_input(x, D)
    h_prev = input_checks.check_array(h_prev, (x.shape[0], H), "h_prev")
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
    grads = LayerParams(
        weight_ih=da.T @ cache.x, weight_hh=da.T @ cache.h_prev, bias_ih=da.sum(0), bias_hh=da.sum(0)
    )
    return da @ p.weight_ih, da @ p.weight_hh, grads


@dataclass
class RNNCache:
    x: np.ndarray  # (N, T, D)
    h0: np.ndarray  # (N, H)
    h: np.ndarray  # (T, N, H) time-major, so each step is a contiguous block
    params: LayerParams
    nonlinearity: str

    @classmethod
    def from_states(cls, x, h0, h, params: LayerParams, nonlinearity: str = "tanh") -> RNNCache:
        """The cache of the forward pass that gave h (N, T, H) from x (N, T, D) and h0 (N, H)."""
        return cls(x, h0, np.ascontiguousarray(np.asarray(h).transpose(1, 0, 2)), params, nonlinearity)

    def step(self, t: int) -> RNNStepCache:
        """The cache that rnn_step_forward returned at step t, rebuilt from the stored states."""
        h_prev = self.h0 if t == 0 else self.h[t - 1]
        return RNNStepCache(self.x[:, t], h_prev, self.h[t], self.params, self.nonlinearity)


def rnn_forward(x, h0, params: LayerParams, nonlinearity: str = "tanh"):
    """A whole sequence: the step function, once per time step, each handing its state on.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H) every hidden state, cache.
    The last state h_T is h[:, -1].
    """
    x, h0 = input_checks.sequence_start(x, params, 1, h0=h0)
    T = x.shape[1]

    h_prev, states = h0, []
    for t in range(T):
        # h_t = f(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh): the same params at every step
        h_prev, _ = rnn_step_forward(x[:, t], h_prev, params, nonlinearity)
        states.append(h_prev)
    h = np.stack(states)  # (T, N, H): all the backward pass needs besides x and h0
    return h.transpose(1, 0, 2), RNNCache(x, h0, h, params, nonlinearity)


def rnn_backward(dh, cache: RNNCache, truncate: int | None = None):
    """Backpropagation through time: the step's backward, from the last step to the first.

    dh (N, T, H): gradient of the loss with respect to every h_t (add the gradient of the
    final state to dh[:, -1]).
    truncate: None for full BPTT, or k to cut the gradient through the state every k steps
    (at t = k, 2k, ...), which is what detaching the state between chunks of k steps does.
    Returns dx (N, T, D), dh0 (N, H), grads (LayerParams).
    """
    T, N, H = cache.h.shape
    dtype = cache.h.dtype
    truncate = input_checks.check_truncate(truncate)
    dh = input_checks.check_array(dh, (N, T, H), "dh", dtype)

    dx = np.empty(cache.x.shape, dtype)  # (N, T, D)
    grads = {name: np.zeros(w.shape, dtype) for name, w in cache.params.arrays().items()}
    dh_carried = np.zeros((N, H), dtype)  # what step t+1 sends back to h_t: nothing after h_T
    for t in reversed(range(T)):
        # h_t reaches the loss directly (dh[:, t]) and through h_{t+1} (dh_carried): the two add up
        dx[:, t], dh_carried, step_grads = rnn_step_backward(dh[:, t] + dh_carried, cache.step(t))
        # every step uses the same weights, so their gradient is the sum of the steps' shares
        for name, g in step_grads.arrays().items():
            grads[name] += g
        if truncate is not None and t > 0 and t % truncate == 0:
            # truncated BPTT: the state entering step t was detached, so no gradient flows past it
            dh_carried = np.zeros_like(dh_carried)
    return dx, dh_carried, LayerParams(**grads)  # dh_carried is now dL/dh0
