"""The question bank of exercise 08: a right LSTM step passes, each usual slip gets its own hint."""
import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.lstm import FORWARD_SLIPS, QUESTIONS, _slipped_forward, backward_reference, forward_reference

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
    dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
    # back through the gates to their pre-activations (sigmoid' = s(1 - s), tanh' = 1 - g^2)
    da_i = dc * g * i * (1 - i)
    da_f = dc * c_prev * f * (1 - f)
    da_g = dc * i * (1 - g ** 2)
    da_o = dh_next * tanh_c * o * (1 - o)
    dz = np.concatenate([da_i, da_f, da_g, da_o], axis=1)  # (N, 4H)
    dx = dz @ W_ih
    dh_prev = dz @ W_hh
    dc_prev = dc * f  # the cell path: only the forget gate stands between c_prev and c_next
    return dx, dh_prev, dc_prev, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


RIGHT = {"lstm_step_forward": lstm_step_forward, "lstm_step_backward": lstm_step_backward, "sigmoid": sigmoid}


def test_the_forward_reference_is_torch_lstm_cell_with_one_bias():
    inputs = FORWARD.public_cases()[0].inputs
    x, h_prev, c_prev, W_ih, W_hh, b = inputs.values()
    cell = torch.nn.LSTMCell(x.shape[1], h_prev.shape[1]).double()
    with torch.no_grad():
        cell.weight_ih.copy_(torch.from_numpy(W_ih))
        cell.weight_hh.copy_(torch.from_numpy(W_hh))
        cell.bias_ih.copy_(torch.from_numpy(b))
        cell.bias_hh.zero_()
        h, c = cell(torch.from_numpy(x), (torch.from_numpy(h_prev), torch.from_numpy(c_prev)))
    h_ref, c_ref = forward_reference(**inputs)
    np.testing.assert_allclose(h_ref, h.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(c_ref, c.numpy(), rtol=1e-12, atol=1e-12)


def test_the_backward_reference_is_torch_autograd():
    inputs = BACKWARD.public_cases()[0].inputs
    dh, dc, *rest = (torch.tensor(v, requires_grad=True) for v in inputs.values())
    x, h_prev, c_prev, W_ih, W_hh, b = rest
    z = x @ W_ih.T + h_prev @ W_hh.T + b
    i, f, g, o = z.chunk(4, dim=1)
    c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
    h = torch.sigmoid(o) * torch.tanh(c)
    ((h * dh.detach()).sum() + (c * dc.detach()).sum()).backward()
    expected = [x.grad, h_prev.grad, c_prev.grad, W_ih.grad, W_hh.grad, b.grad]
    for want, got in zip(expected, backward_reference(**inputs)):
        np.testing.assert_allclose(got, want.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 5])
@pytest.mark.parametrize("question", [FORWARD, BACKWARD], ids=["forward", "backward"])
def test_a_right_step_passes_public_and_hidden_cases(question, seed):
    assert question.check_cases(RIGHT, question.public_cases()).status == PASSED
    assert question.check_cases(RIGHT, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("slip", list(FORWARD_SLIPS))
def test_each_forward_slip_fails_with_its_own_hint(slip):
    case = FORWARD.public_cases()[0]
    wrong = _slipped_forward(*case.inputs.values(), slip)
    verdict = FORWARD.judge(case, FORWARD.run({"lstm_step_forward": lambda *args: wrong}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {FORWARD_SLIPS[slip]}")


def _backward_with(change):
    """The right backward step with one output replaced: change(outputs, inputs) -> outputs."""
    def slipped(*args):
        return change(list(lstm_step_backward(*args)), args)
    return {"lstm_step_backward": slipped}


def _forget_gate(args):
    dh, dc, x, h_prev, c_prev, W_ih, W_hh, b = args
    return sigmoid(np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)[1])


def _swap_g_and_o(grad):
    i, f, g, o = np.split(grad, 4, axis=0)
    return np.concatenate([i, f, o, g], axis=0)


BACKWARD_SLIPS = {  # slip -> (how it changes the outputs, words the hint must contain)
    "no forget gate on dc_prev": (lambda out, a: out[:2] + [out[2] / _forget_gate(a)] + out[3:], "dc_prev = dc * f"),
    "no path through h_next": (lambda out, a: out[:2] + [a[1] * _forget_gate(a)] + out[3:], "misses the path through h_next"),
    "dc_prev zero": (lambda out, a: out[:2] + [np.zeros_like(out[2])] + out[3:], "dc_prev is zero"),
    "gate order i, f, o, g": (lambda out, a: out[:3] + [_swap_g_and_o(out[3]), _swap_g_and_o(out[4]), out[5]],
                              "i, f, g, o"),
    "a wrong bias gradient": (lambda out, a: out[:5] + [out[5] / 2], "db = the sum of dz"),
}


@pytest.mark.parametrize("slip", list(BACKWARD_SLIPS))
def test_each_backward_slip_fails_with_a_hint_that_names_it(slip):
    change, words = BACKWARD_SLIPS[slip]
    case = BACKWARD.public_cases()[0]
    verdict = BACKWARD.judge(case, BACKWARD.run(_backward_with(change), case))
    assert verdict.status == FAILED and "Hint:" in verdict.message and words in verdict.message, verdict.message


def test_an_unattempted_step_is_not_attempted():
    def unattempted(*args):
        raise NotImplementedError()
    case = BACKWARD.public_cases()[0]
    verdict = BACKWARD.judge(case, BACKWARD.run({"lstm_step_backward": unattempted}, case))
    assert verdict.status == "not attempted"
