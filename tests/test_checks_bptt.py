"""The question bank of exercise 06: the references are torch's gradients, right loops pass, and each
usual slip, written out here as a learner would write it, fails the public checks with a hint naming it
and fails the hidden checks too."""

import numpy as np
import pytest
import torch
from slip_helpers import slips_not_written_out

from coursekit.checks.bptt import (
    QUESTIONS,
    sequence_inputs,
    sequence_reference,
    sequence_slips,
    step_inputs,
    step_reference,
    step_slips,
)
from coursekit.checks.core import FAILED, PASSED

STEP, SEQUENCE = QUESTIONS["rnn_step_backward"], QUESTIONS["rnn_sequence_backward"]


def step_backward(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next**2)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da.sum(0)


def sequence_backward(dh, x, h0, h, W_xh, W_hh):
    dx, dW_xh, dW_hh, db = np.zeros_like(x), np.zeros_like(W_xh), np.zeros_like(W_hh), np.zeros(W_hh.shape[0])
    dh_prev = np.zeros_like(h0)
    for t in reversed(range(x.shape[1])):
        prev = h0 if t == 0 else h[:, t - 1]
        dx[:, t], dh_prev, dwx, dwh, dbt = step_backward(
            dh[:, t] + dh_prev, x[:, t], prev, h[:, t], W_xh, W_hh
        )
        dW_xh, dW_hh, db = dW_xh + dwx, dW_hh + dwh, db + dbt
    return dx, dh_prev, dW_xh, dW_hh, db


def torch_gradients(x, h0, W_xh, W_hh, b, dh):
    """Autograd through the forward loop: the gradients of sum(h * dh)."""
    x, h0, W_xh, W_hh, b = (torch.tensor(a, requires_grad=True) for a in (x, h0, W_xh, W_hh, b))
    h, states = h0, []
    for t in range(x.shape[1]):
        h = torch.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    (torch.stack(states, 1) * torch.from_numpy(dh)).sum().backward()
    return x.grad.numpy(), h0.grad.numpy(), W_xh.grad.numpy(), W_hh.grad.numpy(), b.grad.numpy()


def test_the_sequence_reference_is_torch_autograd():
    rng = np.random.default_rng(11)
    x, h0, dh = rng.standard_normal((3, 5, 2)), rng.standard_normal((3, 4)), rng.standard_normal((3, 5, 4))
    W_xh, W_hh, b = (
        rng.standard_normal((4, 2)) * 0.5,
        rng.standard_normal((4, 4)) * 0.5,
        rng.standard_normal(4),
    )
    h, states = h0, []
    for t in range(5):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    ours = sequence_reference(dh, x, h0, np.stack(states, 1), W_xh, W_hh)
    for a, b_ in zip(ours, torch_gradients(x, h0, W_xh, W_hh, b, dh)):
        np.testing.assert_allclose(a, b_, rtol=1e-10, atol=1e-12)


def test_the_step_reference_is_the_sequence_reference_for_one_step():
    case = STEP.public_cases()[0].inputs
    one = sequence_reference(
        case["dh_next"][:, None],
        case["x"][:, None],
        case["h_prev"],
        case["h_next"][:, None],
        case["W_xh"],
        case["W_hh"],
    )
    for a, b in zip(step_reference(**case), one):
        np.testing.assert_allclose(a, b.reshape(a.shape), rtol=1e-12)


def test_the_cases_are_consistent_forward_passes():
    rng = np.random.default_rng(0)
    s = step_inputs(rng, 2, 3, 4)
    a = np.arctanh(s["h_next"]) - s["x"] @ s["W_xh"].T - s["h_prev"] @ s["W_hh"].T
    np.testing.assert_allclose(a, np.broadcast_to(a[0], a.shape), atol=1e-10)  # the same b for every row
    q = sequence_inputs(rng, 2, 3, 2, 4)
    assert q["h"].shape == (2, 3, 4) and not np.allclose(q["h0"], 0)


@pytest.mark.parametrize("seed", [0, 9])
def test_right_answers_pass_public_and_hidden_cases(seed):
    for question, function in ((STEP, step_backward), (SEQUENCE, sequence_backward)):
        namespace = {question.function: function}
        assert question.check_cases(namespace, question.public_cases()).status == PASSED
        assert question.check_cases(namespace, question.hidden_cases(seed)).status == PASSED


# ---- slips, as a learner writes them --------------------------------------------------------------
def step_no_tanh_derivative(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da.sum(0)


def step_tanh_derivative_of_h_prev(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_prev**2)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da.sum(0)


def step_one_minus_h(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da.sum(0)


def step_tanh_twice(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - np.tanh(h_next) ** 2)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da.sum(0)


def step_h_next_in_dW_hh(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next**2)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_next, da.sum(0)


def step_dW_hh_transposed(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next**2)
    return da @ W_xh, da @ W_hh, da.T @ x, h_prev.T @ da, da.sum(0)


def step_W_hh_T_going_back(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next**2)
    return da @ W_xh, da @ W_hh.T, da.T @ x, da.T @ h_prev, da.sum(0)


def step_db_not_summed(dh_next, x, h_prev, h_next, W_xh, W_hh):
    da = dh_next * (1 - h_next**2)
    return da @ W_xh, da @ W_hh, da.T @ x, da.T @ h_prev, da


def _loop(
    step=step_backward,
    order=reversed,
    carry=True,
    previous=lambda h0, h, t: h0 if t == 0 else h[:, t - 1],
    accumulate=True,
    db_batch=True,
    return_dh0=True,
):
    """A learner's backward loop over time; each slip below changes one line of it."""

    def sequence(dh, x, h0, h, W_xh, W_hh):
        dx, dW_xh, dW_hh = np.zeros_like(x), np.zeros_like(W_xh), np.zeros_like(W_hh)
        db = np.zeros(W_hh.shape[0]) if db_batch else np.zeros_like(h0)
        dh_prev = np.zeros_like(h0)
        for t in order(range(x.shape[1])):
            g = dh[:, t] + dh_prev if carry else dh[:, t]
            dx[:, t], dh_prev, dwx, dwh, dbt = step(g, x[:, t], previous(h0, h, t), h[:, t], W_xh, W_hh)
            if not db_batch:
                dbt = g * (1 - h[:, t] ** 2)  # da_t, not summed over the batch
            if accumulate:
                dW_xh, dW_hh, db = dW_xh + dwx, dW_hh + dwh, db + dbt
            else:
                dW_xh, dW_hh, db = dwx, dwh, dbt
        return dx, dh_prev if return_dh0 else np.zeros_like(h0), dW_xh, dW_hh, db

    return sequence


SLIPS = [  # (name, question, the slipped function, words the hint must hold, written by hand)
    (
        "step: no tanh'",
        STEP,
        step_no_tanh_derivative,
        "your code sends dh_next straight into the products, without the derivative of tanh",
    ),
    (
        "step: tanh' of h_prev",
        STEP,
        step_tanh_derivative_of_h_prev,
        "your derivative of tanh uses h_prev (1 - h_prev**2); it needs the output of this step, 1 - "
        "h_next**2",
    ),
    (
        "step: 1 - h_next",
        STEP,
        step_one_minus_h,
        "your derivative of tanh is 1 - h_next; it needs the square",
    ),
    ("step: tanh twice", STEP, step_tanh_twice, "your derivative of tanh takes tanh of h_next again"),
    ("step: h_next in dW_hh", STEP, step_h_next_in_dW_hh, "your dW_hh uses h_next"),
    ("step: dW_hh transposed", STEP, step_dW_hh_transposed, "your dW_hh is h_prev.T @ da, the transpose"),
    ("step: W_hh.T going back", STEP, step_W_hh_T_going_back, "your dh_prev is da @ W_hh.T"),
    ("step: db not summed", STEP, step_db_not_summed, "your db keeps one row per sequence"),
    ("sequence: no carry", SEQUENCE, _loop(carry=False), "your step t takes only dh[:, t]"),
    (
        "sequence: no tanh'",
        SEQUENCE,
        _loop(step=step_no_tanh_derivative),
        "your code leaves out the derivative of tanh",
    ),
    (
        "sequence: tanh twice",
        SEQUENCE,
        _loop(step=step_tanh_twice),
        "your derivative of tanh takes tanh of h[:, t] again",
    ),
    (
        "sequence: h_t in dW_hh",
        SEQUENCE,
        _loop(step=step_h_next_in_dW_hh),
        "your dW_hh adds da_t.T @ h[:, t]",
    ),
    (
        "sequence: zeros for h0",
        SEQUENCE,
        _loop(previous=lambda h0, h, t: np.zeros_like(h0) if t == 0 else h[:, t - 1]),
        "your first step uses zeros as its previous state",
    ),
    (
        "sequence: h[:, -1] at t = 0",
        SEQUENCE,
        _loop(previous=lambda h0, h, t: h[:, t - 1]),
        "your step t = 0 takes h[:, t-1], which is h[:, -1]",
    ),
    (
        "sequence: W_hh.T going back",
        SEQUENCE,
        _loop(step=step_W_hh_T_going_back),
        "your dh_prev is da @ W_hh.T",
    ),
    (
        "sequence: gradients overwritten",
        SEQUENCE,
        _loop(accumulate=False),
        "your weight gradients keep only one step's contribution",
    ),
    ("sequence: forward loop", SEQUENCE, _loop(order=iter), "your loop runs forward in time"),
    ("sequence: dh0 = 0", SEQUENCE, _loop(return_dh0=False), "your dh0 is zero"),
    ("sequence: db not summed", SEQUENCE, _loop(db_batch=False), "your db keeps one row per sequence"),
]
# (grade_id, name, function, words): tests/test_slip_coverage.py checks each (public hint, hidden verdict)
WRITTEN_SLIPS = [(question.grade_id, name, function, words) for name, question, function, words in SLIPS]


@pytest.mark.parametrize(
    "question, slips", [(STEP, step_slips), (SEQUENCE, sequence_slips)], ids=["step", "sequence"]
)
def test_every_slip_of_the_bank_is_written_out_here(question, slips):
    """A slip added to the bank without a learner-written slip above fails this test."""
    mine = [function for _, q, function, _ in SLIPS if q is question]
    assert slips_not_written_out(question, slips, mine) == []


def test_public_cases_vary_every_dimension():
    for question in (STEP, SEQUENCE):
        for case in question.public_cases():
            sizes = (*case.inputs["x"].shape, case.inputs["W_hh"].shape[0])
            assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)


def test_the_message_names_the_wrong_gradient_and_where():
    def wrong_dW_hh(*args):
        dx, dh_prev, dW_xh, dW_hh, db = step_backward(*args)
        dW_hh = dW_hh.copy()
        dW_hh[1, 2] += 1.0
        return dx, dh_prev, dW_xh, dW_hh, db

    case = STEP.public_cases()[0]
    verdict = STEP.judge(case, STEP.run({"rnn_step_backward": wrong_dW_hh}, case))
    assert verdict.status == FAILED
    assert "dW_hh differs" in verdict.message and "row 1, column 2" in verdict.message


def test_a_transposed_weight_gradient_is_named():
    def transposed(*args):
        dx, dh_prev, dW_xh, dW_hh, db = step_backward(*args)
        return dx, dh_prev, dW_xh.T, dW_hh, db

    case = STEP.public_cases()[0]
    verdict = STEP.judge(case, STEP.run({"rnn_step_backward": transposed}, case))
    assert (
        verdict.status == FAILED
        and "dW_xh has shape" in verdict.message
        and "Hint: your dW_xh has the shape of the transpose" in verdict.message
    )


def test_the_public_cases_tell_the_slips_apart():
    for question, slips in ((STEP, step_slips), (SEQUENCE, sequence_slips)):
        inputs = question.public_cases()[0].inputs
        outputs = [question.reference(**inputs), *slips(**inputs).values()]
        for i, a in enumerate(outputs):
            for b in outputs[i + 1 :]:
                assert any(u.shape != v.shape or not np.allclose(u, v) for u, v in zip(a, b))


@pytest.mark.parametrize(
    "grade_id, right, wrong", [("why_bptt_sums", "b", ["a", "c", "d"]), ("truncated_reach", 3, [12, 4, 1, 2])]
)
def test_the_quiz_questions_have_an_answer_and_feedback_for_each_wrong_one(grade_id, right, wrong):
    question = QUESTIONS[grade_id]
    assert question.is_right(question.canonical(right))
    for answer in wrong:
        assert not question.is_right(question.canonical(answer))
        assert question.feedback_for(question.canonical(answer))
