"""Gated recurrent unit (GRU) layer in NumPy, with PyTorch's gate order and equations.

    [r, z, n]_x = x_t W_ih^T + b_ih        [r, z, n]_h = h_{t-1} W_hh^T + b_hh
    r = sigmoid(r_x + r_h)                   reset gate
    z = sigmoid(z_x + z_h)                   update gate
    n = tanh(n_x + r * n_h)                  candidate; PyTorch applies r after the product
    h_t = (1 - z) * n + z * h_{t-1}

Shapes are batch-first: x (N, T, D), h (N, T, H), h0 (N, H). Weights as in torch.nn.GRU:
weight_ih (3H, D), weight_hh (3H, H), bias_ih (3H,), bias_hh (3H,).

gru_forward and gru_backward are the reference: a loop over the step functions, one line per
equation. RecurrentNetwork runs fast_gru_forward / fast_gru_backward (coursekit/nn/fast.py),
which compute the same numbers faster; tests/test_nn_fast_paths.py holds the two equal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import input_checks
from .activations import sigmoid, sigmoid_grad, tanh_grad
from .params import LayerParams


def _activate_gates(xw: np.ndarray, hw: np.ndarray, r_z: np.ndarray, n: np.ndarray) -> None:
    """From the input part xw (N, 3H) and the hidden part hw (N, 3H) fill r_z (N, 2H) and n (N, H)."""
    H = n.shape[-1]
    np.add(xw[:, : 2 * H], hw[:, : 2 * H], out=r_z)
    sigmoid(r_z, out=r_z)
    np.multiply(r_z[:, :H], hw[:, 2 * H :], out=n)
    n += xw[:, 2 * H :]
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
    D, H = input_checks.check_layer_params(params, 3)
    x = input_checks.check_step_input(x, D)
    h_prev = input_checks.check_array(h_prev, (x.shape[0], H), "h_prev")
    xw = x @ params.weight_ih.T + params.bias_ih
    hw = h_prev @ params.weight_hh.T + params.bias_hh
    dtype = np.result_type(xw, hw)
    r_z, n = np.empty((x.shape[0], 2 * H), dtype), np.empty((x.shape[0], H), dtype)
    _activate_gates(xw, hw, r_z, n)
    z = r_z[:, H:]
    h_next = n + z * (h_prev - n)
    return h_next, GRUStepCache(x, h_prev, r_z, n, hw[:, 2 * H :], params)


def gru_step_backward(dh_next, cache: GRUStepCache):
    """Gradients of one time step.

    dh_next (N, H) -> dx (N, D), dh_prev (N, H), grads (LayerParams)
    """
    d_xw, d_hw, dh_direct = _gate_grads(dh_next, cache.h_prev, cache.r_z, cache.n, cache.hw_n)
    p = cache.params
    grads = LayerParams(
        weight_ih=d_xw.T @ cache.x, weight_hh=d_hw.T @ cache.h_prev, bias_ih=d_xw.sum(0), bias_hh=d_hw.sum(0)
    )
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

    def step(self, t: int) -> GRUStepCache:
        """The cache that gru_step_forward returned at step t, rebuilt from the stored states."""
        h_prev = self.h0 if t == 0 else self.h[t - 1]
        return GRUStepCache(self.x[:, t], h_prev, self.r_z[t], self.n[t], self.hw_n[t], self.params)


def gru_forward(x, h0, params: LayerParams):
    """A whole sequence: the step function, once per time step, each handing its state on.

    x (N, T, D), h0 (N, H) or None for zeros -> h (N, T, H), cache. h_T is h[:, -1].
    """
    x, h0 = input_checks.sequence_start(x, params, 3, h0=h0)
    T = x.shape[1]

    h_prev = h0
    h, r_z, n, hw_n = [], [], [], []  # one (N, .) array per step, stacked into the cache below
    for t in range(T):
        # r, z, n from x_t and h_{t-1}; h_t = (1 - z) * n + z * h_{t-1}
        h_prev, step = gru_step_forward(x[:, t], h_prev, params)
        h.append(h_prev)
        r_z.append(step.r_z)
        n.append(step.n)
        hw_n.append(step.hw_n)
    h, r_z, n, hw_n = (np.stack(a) for a in (h, r_z, n, hw_n))  # time-major (T, N, .)
    return h.transpose(1, 0, 2), GRUCache(x, h0, r_z, n, hw_n, h, params)


def gru_backward(dh, cache: GRUCache, truncate: int | None = None):
    """Backpropagation through time: the step's backward, from the last step to the first.

    dh (N, T, H): gradient w.r.t. every h_t (add that of h_T to dh[:, -1]);
    truncate: None for full BPTT, or k to cut the gradient through h at t = k, 2k, ...
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
        dx[:, t], dh_carried, step_grads = gru_step_backward(dh[:, t] + dh_carried, cache.step(t))
        # every step uses the same weights, so their gradient is the sum of the steps' shares
        for name, g in step_grads.arrays().items():
            grads[name] += g
        if truncate is not None and t > 0 and t % truncate == 0:
            # truncated BPTT: the state entering step t was detached, so no gradient flows past it
            dh_carried = np.zeros_like(dh_carried)
    return dx, dh_carried, LayerParams(**grads)  # dh_carried is now dL/dh0
