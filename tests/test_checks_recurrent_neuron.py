"""The question bank of exercise 02: right steps pass; each usual slip, written out here as a learner
would write it, fails the public checks with a hint naming it, and fails the hidden checks too."""

import numpy as np
import pytest
from slip_helpers import slips_not_written_out, verdict

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.recurrent_neuron import QUESTIONS, elman_slips, jordan_slips

ELMAN, JORDAN = QUESTIONS["elman_step"], QUESTIONS["jordan_step"]


def elman_step(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)


def jordan_step(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    return h_t, h_t @ W_hy.T + b_y


# ---- slips, as a learner writes them -------------------------------------------------------------
def elman_no_tanh(x_t, h_prev, W_xh, W_hh, b):
    return x_t @ W_xh.T + h_prev @ W_hh.T + b


def elman_sigmoid(x_t, h_prev, W_xh, W_hh, b):
    return 1 / (1 + np.exp(-(x_t @ W_xh.T + h_prev @ W_hh.T + b)))


def elman_relu(x_t, h_prev, W_xh, W_hh, b):
    return np.maximum(0, x_t @ W_xh.T + h_prev @ W_hh.T + b)


def elman_no_bias(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)


def elman_no_h_prev(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + b)


def elman_w_hh_not_transposed(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh + b)


def jordan_swapped(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    y_t = h_t @ W_hy.T + b_y
    return y_t, h_t


def jordan_no_y_prev(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + b)
    return h_t, h_t @ W_hy.T + b_y


def jordan_tanh_output(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    return h_t, np.tanh(h_t @ W_hy.T + b_y)


def jordan_no_b_y(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    return h_t, h_t @ W_hy.T


def jordan_no_b(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T)
    return h_t, h_t @ W_hy.T + b_y


def jordan_output_before_tanh(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    a = x_t @ W_xh.T + y_prev @ W_yh.T + b
    return np.tanh(a), a @ W_hy.T + b_y


def jordan_broadcast_product(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    """Passes when O = 1 (then y_prev * W_yh.T is y_prev @ W_yh.T); fails, or raises, for O > 1."""
    h_t = np.tanh(x_t @ W_xh.T + y_prev * W_yh.T + b)
    return h_t, h_t @ W_hy.T + b_y


SLIPS = [  # (name, question, the slipped function, words the hint must hold, written by hand)
    ("elman: no tanh", ELMAN, elman_no_tanh, "your h_t has no activation"),
    ("elman: sigmoid", ELMAN, elman_sigmoid, "your h_t takes the sigmoid of the sum"),
    ("elman: ReLU", ELMAN, elman_relu, "your h_t takes ReLU of the sum"),
    ("elman: no bias", ELMAN, elman_no_bias, "the bias b is missing from your sum"),
    ("elman: h_prev unused", ELMAN, elman_no_h_prev, "h_prev is not used in your h_t"),
    (
        "elman: W_hh not transposed",
        ELMAN,
        elman_w_hh_not_transposed,
        "your recurrent term is h_prev @ W_hh, without the transpose",
    ),
    ("jordan: (y, h) swapped", JORDAN, jordan_swapped, "your function returns (y_t, h_t)"),
    ("jordan: y_prev unused", JORDAN, jordan_no_y_prev, "y_prev is not used in your h_t"),
    ("jordan: tanh on y", JORDAN, jordan_tanh_output, "your y_t takes tanh"),
    ("jordan: no b_y", JORDAN, jordan_no_b_y, "the output bias b_y is missing"),
    ("jordan: no b", JORDAN, jordan_no_b, "the bias b is missing from your h_t"),
    (
        "jordan: y from the sum before tanh",
        JORDAN,
        jordan_output_before_tanh,
        "your y_t is computed from the sum before the tanh",
    ),
]
IDS = [name for name, *_ in SLIPS]
# (grade_id, name, function, words): what tests/test_slip_coverage.py reads from every bank's test module
WRITTEN_SLIPS = [(question.grade_id, name, function, words) for name, question, function, words in SLIPS]
UNHINTED = [  # slips with no hint of their own, that must still fail publicly whenever they fail hidden
    ("jordan: y_prev * W_yh.T", JORDAN, jordan_broadcast_product),
]


@pytest.mark.parametrize("seed", [0, 5])
def test_right_steps_pass_public_and_hidden_cases(seed):
    for question, function in ((ELMAN, elman_step), (JORDAN, jordan_step)):
        assert verdict(question, function, question.public_cases()).status == PASSED
        assert verdict(question, function, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("name, question, function, words", SLIPS, ids=IDS)
def test_each_slip_fails_the_public_checks_with_its_hint(name, question, function, words):
    result = verdict(question, function, question.public_cases())
    assert result.status == FAILED and f"Hint: {words}" in result.message, result.message


@pytest.mark.parametrize(
    "name, question, function", [s[:3] for s in SLIPS] + UNHINTED, ids=IDS + [name for name, *_ in UNHINTED]
)
@pytest.mark.parametrize("seed", [0, 12345, 2**55 + 3])
def test_each_slip_gets_the_same_verdict_on_the_hidden_cases(name, question, function, seed):
    """What check() says in the notebook predicts the grade."""
    public = verdict(question, function, question.public_cases())
    hidden = verdict(question, function, question.hidden_cases(seed))
    assert public.status == hidden.status == FAILED, (public.message, hidden.message)


@pytest.mark.parametrize(
    "question, slips", [(ELMAN, elman_slips), (JORDAN, jordan_slips)], ids=["elman", "jordan"]
)
def test_every_slip_of_the_bank_is_written_out_here(question, slips):
    """A slip added to the bank without a learner-written slip above fails this test."""
    mine = [function for _, q, function, _ in SLIPS if q is question]
    assert slips_not_written_out(question, slips, mine) == []


def test_public_cases_vary_every_dimension():
    """N, D, H (and O) all different and above 1, so that a swapped axis or a broadcast shows."""
    for question, sizes_of in (
        (ELMAN, lambda i: (*i["x_t"].shape, i["h_prev"].shape[1])),
        (JORDAN, lambda i: (*i["x_t"].shape, i["W_xh"].shape[0], i["y_prev"].shape[1])),
    ):
        for case in question.public_cases():
            sizes = sizes_of(case.inputs)
            assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)
