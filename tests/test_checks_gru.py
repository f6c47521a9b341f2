"""The question bank of exercise 09: a right GRU step passes; each usual slip, written out here as a learner
would write it, fails the public checks with a hint naming it, and fails the hidden checks too."""

import numpy as np
import pytest
import torch
from slip_helpers import verdict

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.gru import (
    QUESTIONS,
    backward_reference,
    backward_slips,
    forward_reference,
    forward_slips,
)

FORWARD, BACKWARD = QUESTIONS["gru_step_forward"], QUESTIONS["gru_step_backward"]


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


# ---- right answers ----------------------------------------------------------------------------------
def gru_step_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The notebook's solution: x (N, D), h_prev (N, H) -> h_next (N, H)."""
    H = h_prev.shape[1]
    xw = x @ W_ih.T + b_ih  # (N, 3H)
    hw = h_prev @ W_hh.T + b_hh  # (N, 3H)
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


def gru_step_forward_by_blocks(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """Another right way: the weights split into their r, z, n blocks first, h_next written as n + z (h - n)."""
    W_ir, W_iz, W_in = np.split(W_ih, 3)
    W_hr, W_hz, W_hn = np.split(W_hh, 3)
    b_ir, b_iz, b_in = np.split(b_ih, 3)
    b_hr, b_hz, b_hn = np.split(b_hh, 3)
    r = sigmoid(x @ W_ir.T + b_ir + h_prev @ W_hr.T + b_hr)
    z = sigmoid(x @ W_iz.T + b_iz + h_prev @ W_hz.T + b_hz)
    n = np.tanh(x @ W_in.T + b_in + r * (h_prev @ W_hn.T + b_hn))
    return n + z * (h_prev - n)


def gru_step_forward_by_torch(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The independent oracle: torch.nn.GRUCell with these weights."""
    return step_by_autograd(np.zeros_like(h_prev), x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_step_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The notebook's solution -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)."""
    H = h_prev.shape[1]
    xw = x @ W_ih.T + b_ih
    hw = h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw[:, 2 * H :] * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def step_by_autograd(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The learner's backward, written the lazy way: torch's GRUCell and autograd -> (h_next, gradients...)."""
    cell = torch.nn.GRUCell(x.shape[1], h_prev.shape[1]).double()
    with torch.no_grad():
        for name, value in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"), (W_ih, W_hh, b_ih, b_hh)):
            getattr(cell, name).copy_(torch.from_numpy(value))
    x_t, h_t = torch.from_numpy(x).requires_grad_(), torch.from_numpy(h_prev).requires_grad_()
    h_next = cell(x_t, h_t)
    h_next.backward(torch.from_numpy(dh_next))
    return (
        h_next.detach().numpy(),
        x_t.grad.numpy(),
        h_t.grad.numpy(),
        cell.weight_ih.grad.numpy(),
        cell.weight_hh.grad.numpy(),
        cell.bias_ih.grad.numpy(),
        cell.bias_hh.grad.numpy(),
    )


def gru_step_backward_by_autograd(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return step_by_autograd(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)[1:]


RIGHT = [
    ("the notebook's forward", FORWARD, gru_step_forward),
    ("forward by blocks", FORWARD, gru_step_forward_by_blocks),
    ("torch's GRUCell", FORWARD, gru_step_forward_by_torch),
    ("the notebook's backward", BACKWARD, gru_step_backward),
    ("backward by autograd", BACKWARD, gru_step_backward_by_autograd),
]


# ---- forward slips, as a learner writes them ------------------------------------------------------
def forward_z_swapped(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    return z * n + (1 - z) * h_prev


def forward_reset_outside_bias(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw = x @ W_ih.T + b_ih
    hw = h_prev @ W_hh.T  # the biases added per gate below
    r = sigmoid(xw[:, :H] + hw[:, :H] + b_hh[:H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H] + b_hh[H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :] + b_hh[2 * H :])
    return (1 - z) * n + z * h_prev


def forward_one_bias(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """Both biases summed up front, as for the LSTM: b_hn lands outside the reset gate."""
    H = h_prev.shape[1]
    a = x @ W_ih.T + b_ih + b_hh
    hw = h_prev @ W_hh.T
    r = sigmoid(a[:, :H] + hw[:, :H])
    z = sigmoid(a[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(a[:, 2 * H :] + r * hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


def forward_reset_before_product(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + (r * h_prev) @ W_hh[2 * H :].T + b_hh[2 * H :])  # Cho et al. 2014
    return (1 - z) * n + z * h_prev


def forward_no_reset(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


def forward_order_zrn(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    a_z_x, a_r_x, a_n_x = np.split(x @ W_ih.T + b_ih, 3, axis=1)
    a_z_h, a_r_h, a_n_h = np.split(h_prev @ W_hh.T + b_hh, 3, axis=1)
    r, z = sigmoid(a_r_x + a_r_h), sigmoid(a_z_x + a_z_h)
    n = np.tanh(a_n_x + r * a_n_h)
    return (1 - z) * n + z * h_prev


def forward_tanh_gates(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = np.tanh(xw[:, :H] + hw[:, :H])
    z = np.tanh(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


def forward_sigmoid_n(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = sigmoid(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


def forward_no_tanh_n(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = xw[:, 2 * H :] + r * hw[:, 2 * H :]
    return (1 - z) * n + z * h_prev


def forward_no_b_hh(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    n = np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :])
    return (1 - z) * n + z * h_prev


# ---- backward slips, as a learner writes them -----------------------------------------------------
def gates(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The learner's own helper: the forward step again -> r, z, n, hw_n (N, H) each."""
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = sigmoid(xw[:, :H] + hw[:, :H])
    z = sigmoid(xw[:, H : 2 * H] + hw[:, H : 2 * H])
    return r, z, np.tanh(xw[:, 2 * H :] + r * hw[:, 2 * H :]), hw[:, 2 * H :]


def backward_no_direct_path(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_only_direct_path(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_no_path_through_r(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """dh_prev summed block by block, and the reset gate's block forgotten."""
    H = h_prev.shape[1]
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + da_z @ W_hh[H : 2 * H] + (da_n * r) @ W_hh[2 * H :]
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_n_block_without_r(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_pre = np.concatenate([da_r, da_z, da_n], axis=1)  # one stack for both parts
    dh_prev = dh_next * z + d_pre @ W_hh
    return d_pre @ W_ih, dh_prev, d_pre.T @ x, d_pre.T @ h_prev, d_pre.sum(axis=0), d_pre.sum(axis=0)


def backward_da_r_without_b_hn(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    r, z, n, _ = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * (h_prev @ W_hh[2 * H :].T) * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_tanh_derivative_plus(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 + n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_sigmoid_derivative_plus(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    def dsigmoid(s):
        return s * (1 + s)

    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * dsigmoid(z)
    da_r = da_n * hw_n * dsigmoid(r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_dz_sign(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (n - h_prev) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_z_swapped(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The backward step of h_next = z * n + (1 - z) * h_prev, carried through consistently."""
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * z * (1 - n**2)
    da_z = dh_next * (n - h_prev) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * (1 - z) + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x,
        d_hidden.T @ h_prev,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_transposed(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        x.T @ d_input,
        h_prev.T @ d_hidden,
        d_input.sum(axis=0),
        d_hidden.sum(axis=0),
    )


def backward_db_per_sequence(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return d_input @ W_ih, dh_prev, d_input.T @ x, d_hidden.T @ h_prev, d_input, d_hidden


def backward_mean_over_batch(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    N = x.shape[0]
    r, z, n, hw_n = gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    da_n = dh_next * (1 - z) * (1 - n**2)
    da_z = dh_next * (h_prev - n) * z * (1 - z)
    da_r = da_n * hw_n * r * (1 - r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)
    d_hidden = np.concatenate([da_r, da_z, da_n * r], axis=1)
    dh_prev = dh_next * z + d_hidden @ W_hh
    return (
        d_input @ W_ih,
        dh_prev,
        d_input.T @ x / N,
        d_hidden.T @ h_prev / N,
        d_input.mean(axis=0),
        d_hidden.mean(axis=0),
    )


def backward_db_hh_from_d_input(dh_next, *args):
    """Not a slip of the bank's list: db_hh summed from d_input, so its n block misses the reset gate."""
    dx, dh_prev, dW_ih, dW_hh, db_ih, _ = gru_step_backward(dh_next, *args)
    return dx, dh_prev, dW_ih, dW_hh, db_ih, db_ih


WRITTEN_SLIPS = [  # (grade id, name, the slipped function, words the hint must hold, typed by hand)
    ("gru_step_forward", "z and 1 - z swapped", forward_z_swapped, "your h_next is z * n + (1 - z) * h_prev"),
    (
        "gru_step_forward",
        "b_hn outside the reset gate",
        forward_reset_outside_bias,
        "your candidate adds b_hn outside the reset gate",
    ),
    (
        "gru_step_forward",
        "the two biases summed up front",
        forward_one_bias,
        "your candidate adds b_hn outside the reset gate",
    ),
    (
        "gru_step_forward",
        "reset before the product (Cho)",
        forward_reset_before_product,
        "your candidate multiplies h_prev by the reset gate before the product",
    ),
    ("gru_step_forward", "no reset gate", forward_no_reset, "your candidate n leaves out the reset gate"),
    (
        "gru_step_forward",
        "gate order z, r, n",
        forward_order_zrn,
        "your code reads the gate blocks in the order z, r, n",
    ),
    ("gru_step_forward", "tanh gates", forward_tanh_gates, "your gates r and z take tanh"),
    ("gru_step_forward", "sigmoid candidate", forward_sigmoid_n, "your candidate n takes the sigmoid"),
    ("gru_step_forward", "no tanh on the candidate", forward_no_tanh_n, "your candidate n has no activation"),
    (
        "gru_step_forward",
        "no b_hh",
        forward_no_b_hh,
        "your recurrent part h_prev @ W_hh.T leaves out the bias b_hh",
    ),
    (
        "gru_step_backward",
        "no direct path to dh_prev",
        backward_no_direct_path,
        "your dh_prev is d_hidden @ W_hh alone",
    ),
    (
        "gru_step_backward",
        "only the direct path to dh_prev",
        backward_only_direct_path,
        "your dh_prev is dh_next * z alone",
    ),
    (
        "gru_step_backward",
        "no path through r to dh_prev",
        backward_no_path_through_r,
        "your dh_prev leaves out the path through the reset gate",
    ),
    (
        "gru_step_backward",
        "n block of d_hidden without r",
        backward_n_block_without_r,
        "your d_hidden has da_n in its n block",
    ),
    (
        "gru_step_backward",
        "da_r without b_hn",
        backward_da_r_without_b_hn,
        "your da_r uses h_prev @ W_hn.T without b_hn",
    ),
    (
        "gru_step_backward",
        "1 + n^2",
        backward_tanh_derivative_plus,
        "your derivative of the candidate n is 1 + n**2",
    ),
    (
        "gru_step_backward",
        "s (1 + s)",
        backward_sigmoid_derivative_plus,
        "your derivative of a gate s (r or z) is s * (1 + s)",
    ),
    ("gru_step_backward", "dz sign", backward_dz_sign, "your gradient at z is dh_next * (n - h_prev)"),
    (
        "gru_step_backward",
        "z and 1 - z swapped",
        backward_z_swapped,
        "your gradients are those of h_next = z * n + (1 - z) * h_prev",
    ),
    (
        "gru_step_backward",
        "weight gradients transposed",
        backward_transposed,
        "your weight gradients are x.T @ d_input and h_prev.T @ d_hidden",
    ),
    (
        "gru_step_backward",
        "bias gradients not summed",
        backward_db_per_sequence,
        "your db_ih and db_hh keep one row per sequence",
    ),
    (
        "gru_step_backward",
        "means over the batch",
        backward_mean_over_batch,
        "your parameter gradients are means over the batch",
    ),
    (
        "gru_step_backward",
        "db_hh from d_input",
        backward_db_hh_from_d_input,
        "your dx and dh_prev are right but a parameter gradient is not",
    ),
]
QUESTION = {"gru_step_forward": FORWARD, "gru_step_backward": BACKWARD}
IDS = [f"{grade_id}: {name}" for grade_id, name, *_ in WRITTEN_SLIPS]


def test_the_forward_reference_is_torch_gru_cell():
    for case in FORWARD.public_cases() + FORWARD.hidden_cases(0):
        np.testing.assert_allclose(
            forward_reference(**case.inputs)[0],
            gru_step_forward_by_torch(**case.inputs),
            rtol=1e-12,
            atol=1e-12,
        )


def test_the_backward_reference_is_autograd():
    for case in BACKWARD.public_cases() + BACKWARD.hidden_cases(0):
        for mine, torchs in zip(
            backward_reference(**case.inputs), gru_step_backward_by_autograd(**case.inputs)
        ):
            np.testing.assert_allclose(mine, torchs, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name, question, function", RIGHT, ids=[name for name, *_ in RIGHT])
@pytest.mark.parametrize("seed", [0, 12345])
def test_right_answers_pass_public_and_hidden_cases(name, question, function, seed):
    assert verdict(question, function, question.public_cases()).status == PASSED
    assert verdict(question, function, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=IDS)
def test_each_slip_fails_the_public_checks_with_its_hint(grade_id, name, function, words):
    result = verdict(QUESTION[grade_id], function, QUESTION[grade_id].public_cases())
    assert result.status == FAILED and f"Hint: {words}" in result.message, result.message


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=IDS)
@pytest.mark.parametrize("seed", [0, 12345, 2**55 + 3])
def test_each_slip_fails_the_hidden_checks_too(grade_id, name, function, words, seed):
    """What check() says in the notebook predicts the grade."""
    assert verdict(QUESTION[grade_id], function, QUESTION[grade_id].hidden_cases(seed)).status == FAILED


@pytest.mark.parametrize(
    "question, slips", [(FORWARD, forward_slips), (BACKWARD, backward_slips)], ids=["forward", "backward"]
)
def test_the_public_cases_tell_every_slip_apart(question, slips):
    """Each slip's outputs differ from the reference's and from every other slip's, well above rounding."""

    def far(a, b):
        a, b = (v if isinstance(v, tuple) else (v,) for v in (a, b))
        return any(
            np.shape(p) != np.shape(q) or not np.allclose(p, q, rtol=1e-3, atol=1e-6) for p, q in zip(a, b)
        )

    for case in question.public_cases():
        outputs = [question.reference(**case.inputs), *slips(**case.inputs).values()]
        for i, a in enumerate(outputs):
            assert all(far(a, b) for b in outputs[i + 1 :]), i


def test_public_cases_vary_every_dimension():
    for question in (FORWARD, BACKWARD):
        for case in question.public_cases():
            sizes = (*case.inputs["x"].shape, case.inputs["h_prev"].shape[1])
            assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)


def test_unattempted_questions_say_so():
    def not_yet(*args):
        raise NotImplementedError()

    for question in (FORWARD, BACKWARD):
        assert verdict(question, not_yet, question.public_cases()).status == "not attempted"
