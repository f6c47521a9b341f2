"""The question bank of exercise 03: right loops pass; each usual slip, written out here as a learner would
write it, fails the public checks with a hint naming it, and fails the hidden checks too."""

import numpy as np
import pytest
import torch
from slip_helpers import verdict

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.unfolding import QUESTIONS, rnn_layer_reference, rnn_layer_slips

QUESTION = QUESTIONS["rnn_layer_forward"]


def rnn_layer_forward(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def with_einsum_into_an_array(x, h0, W_xh, W_hh, b):
    N, T, _ = x.shape
    h = np.zeros((N, T, h0.shape[1]))
    inputs = np.einsum("ntd,hd->nth", x, W_xh) + b  # every input term at once, before the loop
    prev = h0
    for t in range(T):
        prev = np.tanh(inputs[:, t] + np.einsum("nk,hk->nh", prev, W_hh))
        h[:, t] = prev
    return h


def one_sequence_at_a_time(x, h0, W_xh, W_hh, b):
    out = []
    for n in range(x.shape[0]):
        h, states = h0[n], []
        for x_t in x[n]:
            h = np.tanh(W_xh @ x_t + W_hh @ h + b)  # one column vector, as in the formula
            states.append(h)
        out.append(states)
    return np.array(out)


RIGHT = [rnn_layer_forward, with_einsum_into_an_array, one_sequence_at_a_time]


# ---- slips, as a learner writes them -------------------------------------------------------------
def h0_ignored(x, h0, W_xh, W_hh, b):
    h, states = np.zeros_like(h0), []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def state_not_carried(x, h0, W_xh, W_hh, b):
    states = []
    for t in range(x.shape[1]):
        h_t = np.tanh(x[:, t] @ W_xh.T + h0 @ W_hh.T + b)
        states.append(h_t)
    return np.stack(states, axis=1)


def no_tanh(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = x[:, t] @ W_xh.T + h @ W_hh.T + b
        states.append(h)
    return np.stack(states, axis=1)


def w_hh_not_transposed(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh + b)
        states.append(h)
    return np.stack(states, axis=1)


def no_bias(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T)
        states.append(h)
    return np.stack(states, axis=1)


def stored_before_the_update(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        states.append(h)
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
    return np.stack(states, axis=1)


def only_the_last_state(x, h0, W_xh, W_hh, b):
    h = h0
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
    return h


def time_major(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.array(states)


def reshaped_not_transposed(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    N, T, H = x.shape[0], x.shape[1], h0.shape[1]
    return np.array(states).reshape(N, T, H)


def stacked_on_the_last_axis(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=-1)


# Slips that raise: their words come from core's description of the error, not from the bank's slips.
def w_xh_not_transposed(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh + h @ W_hh.T + b)  # (N, D) @ (H, D): raises since D != H
        states.append(h)
    return np.stack(states, axis=1)


def indexes_the_batch_axis(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[t] @ W_xh.T + h @ W_hh.T + b)  # x[t] is sequence t, not step t
        states.append(h)
    return np.stack(states, axis=1)


ID = "rnn_layer_forward"
WRITTEN_SLIPS = [  # (grade id, name, the learner's function, words the hint must hold, typed by hand)
    (ID, "h0 ignored", h0_ignored, "your loop never uses h0"),
    (ID, "state not carried", state_not_carried, "each of your steps uses h0 as the previous state"),
    (ID, "no tanh", no_tanh, "your states have no activation"),
    (
        ID,
        "W_hh not transposed",
        w_hh_not_transposed,
        "your recurrent term is h_prev @ W_hh, without the transpose",
    ),
    (ID, "no bias", no_bias, "the bias b is missing from your sum"),
    (
        ID,
        "stored before the update",
        stored_before_the_update,
        "your h[:, t] is the state before reading x[:, t]",
    ),
    (ID, "only the last state", only_the_last_state, "your function returns only the last state"),
    (ID, "time-major", time_major, "your states are stacked along axis 0"),
    (
        ID,
        "reshaped, not transposed",
        reshaped_not_transposed,
        "then reshaped to (N, T, H), which mixes sequences",
    ),
    (ID, "stacked on the last axis", stacked_on_the_last_axis, "your states are stacked along the last axis"),
    (ID, "W_xh not transposed", w_xh_not_transposed, "try `x[:, t] @ W_xh.T`"),
    (
        ID,
        "x[t] for step t",
        indexes_the_batch_axis,
        "`x[t] @ W_xh.T` (5, 4) and `h @ W_hh.T` (2, 4) do not broadcast",
    ),
]


def test_the_reference_is_torch_rnn_with_one_bias():
    for case in QUESTION.public_cases():
        x, h0, W_xh, W_hh, b = case.inputs.values()
        rnn = torch.nn.RNN(W_xh.shape[1], W_hh.shape[0], batch_first=True).double()
        with torch.no_grad():
            rnn.weight_ih_l0.copy_(torch.from_numpy(W_xh))
            rnn.weight_hh_l0.copy_(torch.from_numpy(W_hh))
            rnn.bias_ih_l0.copy_(torch.from_numpy(b))
            rnn.bias_hh_l0.zero_()
            expected, _ = rnn(torch.from_numpy(x), torch.from_numpy(h0)[None])
        np.testing.assert_allclose(
            rnn_layer_reference(**case.inputs)[0], expected.numpy(), rtol=1e-12, atol=1e-12
        )


@pytest.mark.parametrize("function", RIGHT, ids=[f.__name__ for f in RIGHT])
@pytest.mark.parametrize("seed", [0, 12345])
def test_right_loops_pass_public_and_hidden_cases(function, seed):
    assert verdict(QUESTION, function, QUESTION.public_cases()).status == PASSED
    assert verdict(QUESTION, function, QUESTION.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=[s[1] for s in WRITTEN_SLIPS])
def test_each_slip_gets_its_hint_on_the_first_public_case(grade_id, name, function, words):
    """The notebook's own example already names the slip (the second case only adds large inputs)."""
    result = verdict(QUESTION, function, QUESTION.public_cases()[:1])
    assert result.status == FAILED and words in result.message, result.message


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=[s[1] for s in WRITTEN_SLIPS])
def test_each_slip_gets_its_hint_on_every_hidden_case_it_fails(grade_id, name, function, words):
    """A hidden case where a slip gives the right answer (T = 1, N = 1) must not lend it another slip's hint."""
    for seed in (0, 12345):
        for case in QUESTION.hidden_cases(seed):
            result = verdict(QUESTION, function, [case])
            assert result.status == PASSED or " raised " in result.message or words in result.message, (
                result.message
            )


def test_the_public_cases_tell_every_slip_apart():
    # All sizes differ and h0 != 0, so no slip gives the right answer or another slip's.
    for case in QUESTION.public_cases():
        outputs = [rnn_layer_reference(**case.inputs)[0], *rnn_layer_slips(**case.inputs).values()]
        for i, a in enumerate(outputs):
            for b in outputs[i + 1 :]:
                assert a.shape != b.shape or not np.allclose(a, b, rtol=1e-4, atol=1e-4), case.label


def test_public_cases_vary_every_dimension():
    for case in QUESTION.public_cases():
        sizes = (*case.inputs["x"].shape, case.inputs["h0"].shape[1])
        assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)


def test_changing_an_input_in_place_is_reported():
    def in_place(x, h0, W_xh, W_hh, b):
        h0 *= 0  # a learner's slip: the caller's h0 is gone
        return rnn_layer_forward(x, h0, W_xh, W_hh, b)

    result = verdict(QUESTION, in_place, QUESTION.public_cases())
    assert result.status == FAILED and "changed its input `h0` in place" in result.message
