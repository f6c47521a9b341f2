"""The question bank of exercise 09: right GRU steps pass, each usual slip gets its own hint."""
import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.gru import QUESTIONS, backward_reference, backward_slips, forward_reference, forward_slips

FORWARD, BACKWARD = QUESTIONS["gru_step_forward"], QUESTIONS["gru_step_backward"]


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def step_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r, z = sigmoid(xw[:, :H] + hw[:, :H]), sigmoid(xw[:, H:2 * H] + hw[:, H:2 * H])
    n = np.tanh(xw[:, 2 * H:] + r * hw[:, 2 * H:])
    return (1 - z) * n + z * h_prev


def step_backward_by_autograd(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """The learner's backward, written the lazy way: torch's GRUCell and autograd."""
    cell = torch.nn.GRUCell(x.shape[1], h_prev.shape[1]).double()
    with torch.no_grad():
        for name, value in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"), (W_ih, W_hh, b_ih, b_hh)):
            getattr(cell, name).copy_(torch.from_numpy(value))
    x_t, h_t = torch.from_numpy(x).requires_grad_(), torch.from_numpy(h_prev).requires_grad_()
    cell(x_t, h_t).backward(torch.from_numpy(dh_next))
    return (x_t.grad.numpy(), h_t.grad.numpy(), cell.weight_ih.grad.numpy(), cell.weight_hh.grad.numpy(),
            cell.bias_ih.grad.numpy(), cell.bias_hh.grad.numpy())


def test_the_forward_reference_is_torch_gru_cell():
    inputs = FORWARD.public_cases()[0].inputs
    dh = np.zeros_like(inputs["h_prev"])
    cell = torch.nn.GRUCell(3, 4).double()
    with torch.no_grad():
        for name, key in zip(("weight_ih", "weight_hh", "bias_ih", "bias_hh"), ("W_ih", "W_hh", "b_ih", "b_hh")):
            getattr(cell, name).copy_(torch.from_numpy(inputs[key]))
        expected = cell(torch.from_numpy(inputs["x"]), torch.from_numpy(inputs["h_prev"])).numpy()
    np.testing.assert_allclose(forward_reference(**inputs)[0], expected, rtol=1e-12, atol=1e-12)
    assert dh.shape == expected.shape


def test_the_backward_reference_is_autograd():
    inputs = BACKWARD.public_cases()[0].inputs
    for mine, torchs in zip(backward_reference(**inputs), step_backward_by_autograd(**inputs)):
        np.testing.assert_allclose(mine, torchs, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 7])
def test_right_answers_pass_public_and_hidden_cases(seed):
    namespace = {"gru_step_forward": step_forward, "gru_step_backward": step_backward_by_autograd}
    for question in (FORWARD, BACKWARD):
        assert question.check_cases(namespace, question.public_cases()).status == PASSED
        assert question.check_cases(namespace, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("index", range(5))
def test_each_forward_slip_fails_with_its_own_hint(index):
    case = FORWARD.public_cases()[0]
    words, wrong = list(forward_slips(**case.inputs).items())[index]
    verdict = FORWARD.judge(case, FORWARD.run({"gru_step_forward": lambda *args: wrong}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {words}")


@pytest.mark.parametrize("index", range(7))
def test_each_backward_slip_fails_with_its_own_hint(index):
    case = BACKWARD.public_cases()[0]
    words, (name, wrong) = list(backward_slips(**case.inputs).items())[index]
    right = dict(zip(("dx", "dh_prev", "dW_ih", "dW_hh", "db_ih", "db_hh"), backward_reference(**case.inputs)))
    right[name] = wrong
    verdict = BACKWARD.judge(case, BACKWARD.run({"gru_step_backward": lambda *args: tuple(right.values())}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {words}")
    assert name in verdict.message


def test_the_public_cases_tell_every_slip_apart():
    inputs = FORWARD.public_cases()[0].inputs
    outputs = [forward_reference(**inputs)[0], *forward_slips(**inputs).values()]
    for i, a in enumerate(outputs):
        for b in outputs[i + 1:]:
            assert not np.allclose(a, b)
    inputs = BACKWARD.public_cases()[0].inputs
    right = dict(zip(("dx", "dh_prev", "dW_ih", "dW_hh", "db_ih", "db_hh"), backward_reference(**inputs)))
    for name, wrong in backward_slips(**inputs).values():
        assert wrong.shape != right[name].shape or not np.allclose(wrong, right[name])


def test_unattempted_questions_say_so():
    def not_yet(*args):
        raise NotImplementedError()

    for question in (FORWARD, BACKWARD):
        verdict = question.check_cases({question.function: not_yet}, question.public_cases())
        assert verdict.status == "not attempted"
