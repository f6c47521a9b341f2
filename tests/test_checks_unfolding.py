"""The question bank of exercise 03: a right loop passes, each usual slip gets its own hint."""
import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.unfolding import QUESTIONS, rnn_layer_reference, slips

QUESTION = QUESTIONS["rnn_layer_forward"]


def loop_over_time(x, h0, W_xh, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_xh.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def test_the_reference_is_torch_rnn_with_one_bias():
    case = QUESTION.public_cases()[0]
    x, h0, W_xh, W_hh, b = case.inputs.values()
    rnn = torch.nn.RNN(W_xh.shape[1], W_hh.shape[0], batch_first=True).double()
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.from_numpy(W_xh))
        rnn.weight_hh_l0.copy_(torch.from_numpy(W_hh))
        rnn.bias_ih_l0.copy_(torch.from_numpy(b))
        rnn.bias_hh_l0.zero_()
        expected, _ = rnn(torch.from_numpy(x), torch.from_numpy(h0)[None])
    np.testing.assert_allclose(rnn_layer_reference(**case.inputs)[0], expected.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("seed", [0, 5])
def test_a_right_loop_passes_public_and_hidden_cases(seed):
    namespace = {"rnn_layer_forward": loop_over_time}
    assert QUESTION.check_cases(namespace, QUESTION.public_cases()).status == PASSED
    assert QUESTION.check_cases(namespace, QUESTION.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("index", range(8))
def test_each_slip_fails_with_its_own_hint(index):
    case = QUESTION.public_cases()[0]
    words, wrong = list(slips(**case.inputs).items())[index]
    verdict = QUESTION.judge(case, QUESTION.run({"rnn_layer_forward": lambda *args: wrong}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {words}")


def test_the_public_case_tells_every_slip_apart():
    # N != T and h0 != 0 in the example, so no slip gives the right answer or another slip's.
    case = QUESTION.public_cases()[0]
    outputs = [rnn_layer_reference(**case.inputs)[0], *slips(**case.inputs).values()]
    for i, a in enumerate(outputs):
        for b in outputs[i + 1:]:
            assert a.shape != b.shape or not np.allclose(a, b)


def test_changing_an_input_in_place_is_reported():
    def in_place(x, h0, W_xh, W_hh, b):
        h0 *= 0  # a learner's slip: the caller's h0 is gone
        return loop_over_time(x, h0, W_xh, W_hh, b)

    verdict = QUESTION.check_cases({"rnn_layer_forward": in_place}, QUESTION.public_cases())
    assert verdict.status == FAILED and "changed its input `h0` in place" in verdict.message
