"""The question bank of exercise 08: a right LSTM step passes; each usual slip, written out here as a learner
would write it, fails the public checks with a hint naming it, and fails the hidden checks too."""

import numpy as np
import pytest
from slip_helpers import slips_not_written_out

from coursekit.checks.lstm import (
    QUESTIONS,
    backward_slips,
    forward_slips,
)

FORWARD, BACKWARD = QUESTIONS["lstm_step_forward"], QUESTIONS["lstm_step_backward"]


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_step_forward(x, h_prev, c_prev, W_ih, W_hh, b):
    """One LSTM step, gate order i, f, g, o: x (N, D), h_prev, c_prev (N, H) -> h_next, c_next (N, H)."""
    z = x @ W_ih.T + h_prev @ W_hh.T + b  # (N, 4H): the four blocks side by side
    a_i, a_f, a_g, a_o = np.split(z, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    h_next = o * np.tanh(c_next)
    return h_next, c_next


def lstm_step_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    """Gradients of one LSTM step -> dx (N, D), dh_prev (N, H), dc_prev (N, H),
    dW_ih (4H, D), dW_hh (4H, H), db (4H,)."""
    # recompute the forward step, keeping what the derivatives need
    z = x @ W_ih.T + h_prev @ W_hh.T + b
    a_i, a_f, a_g, a_o = np.split(z, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    tanh_c = np.tanh(c_next)
    # c_next gets gradient from the next step directly and through h_next = o * tanh(c_next)
    dc = dc_next + dh_next * o * (1 - tanh_c**2)
    # back through the gates to their pre-activations (sigmoid' = s(1 - s), tanh' = 1 - g^2)
    da_i = dc * g * i * (1 - i)
    da_f = dc * c_prev * f * (1 - f)
    da_g = dc * i * (1 - g**2)
    da_o = dh_next * tanh_c * o * (1 - o)
    dz = np.concatenate([da_i, da_f, da_g, da_o], axis=1)  # (N, 4H)
    dx = dz @ W_ih
    dh_prev = dz @ W_hh
    dc_prev = dc * f  # the cell path: only the forget gate stands between c_prev and c_next
    return dx, dh_prev, dc_prev, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


RIGHT = {"lstm_step_forward": lstm_step_forward, "lstm_step_backward": lstm_step_backward}


# ---- forward slips, as a learner writes them ------------------------------------------------------
def forward_order_ifog(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_o, a_g = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    return o * np.tanh(c_next), c_next


def forward_order_figo(x, h_prev, c_prev, W_ih, W_hh, b):
    a_f, a_i, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    return o * np.tanh(c_next), c_next


def forward_sigmoid_g(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    return o * np.tanh(c_next), c_next


def forward_no_tanh_c(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    return o * c_next, c_next


def forward_no_forget_gate(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, g, o = sigmoid(a_i), np.tanh(a_g), sigmoid(a_o)
    c_next = c_prev + i * g
    return o * np.tanh(c_next), c_next


def forward_one_minus_f(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = (1 - f) * c_prev + i * g
    return o * np.tanh(c_next), c_next


def forward_swapped(x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    h_next = o * np.tanh(c_next)
    return c_next, h_next


# ---- backward slips, as a learner writes them -----------------------------------------------------
def gates(x, h_prev, c_prev, W_ih, W_hh, b):
    """The learner's own helper: the forward step again -> i, f, g, o, c_next."""
    a_i, a_f, a_g, a_o = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    return i, f, g, o, f * c_prev + i * g


def backward_no_dc_next(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
    dc = dh_next * o * (1 - np.tanh(c_next) ** 2)
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g**2),
            dh_next * np.tanh(c_next) * o * (1 - o),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def backward_no_path_through_h(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
    dc = dc_next
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g**2),
            dh_next * np.tanh(c_next) * o * (1 - o),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def backward_tanh_derivative_plus(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
    dc = dc_next + dh_next * o * (1 + np.tanh(c_next) ** 2)
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g**2),
            dh_next * np.tanh(c_next) * o * (1 - o),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def backward_no_tanh_derivative(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
    dc = dc_next + dh_next * o
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 - g**2),
            dh_next * np.tanh(c_next) * o * (1 - o),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def backward_g_derivative_plus(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
    dc = dc_next + dh_next * o * (1 - np.tanh(c_next) ** 2)
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dc * i * (1 + g**2),
            dh_next * np.tanh(c_next) * o * (1 - o),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def _backward_with_dc_prev(dc_prev_of):
    """Right everywhere except dc_prev = dc_prev_of(dc, f, dc_next): the slips of the cell path."""

    def backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
        i, f, g, o, c_next = gates(x, h_prev, c_prev, W_ih, W_hh, b)
        dc = dc_next + dh_next * o * (1 - np.tanh(c_next) ** 2)
        dz = np.concatenate(
            [
                dc * g * i * (1 - i),
                dc * c_prev * f * (1 - f),
                dc * i * (1 - g**2),
                dh_next * np.tanh(c_next) * o * (1 - o),
            ],
            axis=1,
        )
        return dz @ W_ih, dz @ W_hh, dc_prev_of(dc, f, dc_next), dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)

    return backward


def backward_order_ifog(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    a_i, a_f, a_o, a_g = np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    dc = dc_next + dh_next * o * (1 - np.tanh(c_next) ** 2)
    dz = np.concatenate(
        [
            dc * g * i * (1 - i),
            dc * c_prev * f * (1 - f),
            dh_next * np.tanh(c_next) * o * (1 - o),
            dc * i * (1 - g**2),
        ],
        axis=1,
    )
    return dz @ W_ih, dz @ W_hh, dc * f, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


def backward_db_mean(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    dx, dh_prev, dc_prev, dW_ih, dW_hh, dz_sum = lstm_step_backward(
        dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b
    )
    return dx, dh_prev, dc_prev, dW_ih, dW_hh, dz_sum / x.shape[0]  # the mean over the batch, not the sum


SLIPS = [  # (name, question, the slipped function, words the hint must hold, written by hand)
    (
        "forward: order i, f, o, g",
        FORWARD,
        forward_order_ifog,
        "your code reads the gate blocks in the order i, f, o, g",
    ),
    (
        "forward: order f, i, g, o",
        FORWARD,
        forward_order_figo,
        "your code reads the gate blocks in the order f, i, g, o",
    ),
    ("forward: sigmoid g", FORWARD, forward_sigmoid_g, "your candidate g takes the sigmoid"),
    ("forward: no tanh(c)", FORWARD, forward_no_tanh_c, "your h_next is o * c_next"),
    ("forward: no forget gate", FORWARD, forward_no_forget_gate, "your c_next keeps all of c_prev"),
    ("forward: (1 - f) * c_prev", FORWARD, forward_one_minus_f, "your c_next keeps (1 - f) * c_prev"),
    ("forward: (c, h) swapped", FORWARD, forward_swapped, "your function returns (c_next, h_next)"),
    ("backward: no dc_next", BACKWARD, backward_no_dc_next, "your dc leaves out dc_next"),
    ("backward: no path through h", BACKWARD, backward_no_path_through_h, "your dc is dc_next alone"),
    (
        "backward: 1 + tanh(c)^2",
        BACKWARD,
        backward_tanh_derivative_plus,
        "your derivative of tanh(c_next) is 1 + tanh(c_next)**2",
    ),
    (
        "backward: no tanh'(c)",
        BACKWARD,
        backward_no_tanh_derivative,
        "your path from h_next to c_next leaves out the derivative of tanh",
    ),
    (
        "backward: 1 + g^2",
        BACKWARD,
        backward_g_derivative_plus,
        "your derivative of the candidate g is 1 + g**2",
    ),
    (
        "backward: dc_prev = dc",
        BACKWARD,
        _backward_with_dc_prev(lambda dc, f, dc_next: dc),
        "your dc_prev is dc,",
    ),
    (
        "backward: dc_prev = dc * (1 - f)",
        BACKWARD,
        _backward_with_dc_prev(lambda dc, f, dc_next: dc * (1 - f)),
        "your dc_prev is dc * (1 - f)",
    ),
    (
        "backward: dc_prev zero",
        BACKWARD,
        _backward_with_dc_prev(lambda dc, f, dc_next: np.zeros_like(dc)),
        "your dc_prev is zero",
    ),
    (
        "backward: dc_prev = dc_next * f",
        BACKWARD,
        _backward_with_dc_prev(lambda dc, f, dc_next: dc_next * f),
        "your dc_prev is dc_next * f",
    ),
    (
        "backward: order i, f, o, g",
        BACKWARD,
        backward_order_ifog,
        "your code reads the gate blocks in the order i, f, o, g",
    ),
    (
        "backward: db a mean",
        BACKWARD,
        backward_db_mean,
        "your dx, dh_prev and dc_prev are right but a parameter gradient is not",
    ),
]
# (grade_id, name, function, words): tests/test_slip_coverage.py checks each (public hint, hidden verdict)
WRITTEN_SLIPS = [(question.grade_id, name, function, words) for name, question, function, words in SLIPS]


@pytest.mark.parametrize(
    "question, slips", [(FORWARD, forward_slips), (BACKWARD, backward_slips)], ids=["forward", "backward"]
)
def test_every_slip_of_the_bank_is_written_out_here(question, slips):
    """A slip added to the bank without a learner-written slip above fails this test."""
    mine = [function for _, q, function, _ in SLIPS if q is question]
    assert slips_not_written_out(question, slips, mine) == []


def test_public_cases_vary_every_dimension():
    for question in (FORWARD, BACKWARD):
        for case in question.public_cases():
            sizes = (*case.inputs["x"].shape, case.inputs["h_prev"].shape[1])
            assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)


def test_an_unattempted_step_is_not_attempted():
    def unattempted(*args):
        raise NotImplementedError()

    case = BACKWARD.public_cases()[0]
    verdict = BACKWARD.judge(case, BACKWARD.run({"lstm_step_backward": unattempted}, case))
    assert verdict.status == "not attempted"
