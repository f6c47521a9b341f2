"""The question bank of exercise 11: right answers pass, each usual slip gets its own hint."""
import math
import warnings

import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.text_generation import (
    QUESTIONS,
    bits_reference,
    bits_slips,
    softmax_reference,
    softmax_slips,
)

SOFTMAX, BITS = QUESTIONS["temperature_softmax"], QUESTIONS["bits_per_character"]


def temperature_softmax(logits, temperature):
    z = logits / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def bits_per_character(logits, targets):
    z = logits - logits.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(targets)), targets]) / np.log(2)


def every_case(question):
    return question.public_cases() + question.hidden_cases(0) + question.hidden_cases(7)


def test_the_softmax_reference_is_torchs_softmax_of_the_scaled_logits():
    for case in every_case(SOFTMAX):
        logits, temperature = case.inputs.values()
        want = torch.softmax(torch.from_numpy(logits) / float(temperature), dim=1).numpy()
        np.testing.assert_allclose(softmax_reference(**case.inputs)[0], want, rtol=1e-12, atol=1e-300)


def test_the_bits_reference_is_torchs_cross_entropy_in_bits():
    for case in every_case(BITS):
        logits, targets = case.inputs.values()
        nats = torch.nn.functional.cross_entropy(torch.from_numpy(logits), torch.from_numpy(targets)).item()
        assert bits_reference(**case.inputs)[0] == pytest.approx(nats / math.log(2), rel=1e-12)


def test_the_bits_of_the_notebooks_example_by_hand():
    # row 1 is uniform over 4 characters: 2 bits, whatever the target
    logits, targets = BITS.public_cases()[0].inputs.values()
    one_row = {"logits": logits[1:2], "targets": targets[1:2]}
    assert bits_reference(**one_row)[0] == pytest.approx(2.0, rel=1e-12)


@pytest.mark.parametrize("seed", [0, 5])
def test_right_answers_pass_public_and_hidden_cases(seed):
    for question, function in ((SOFTMAX, temperature_softmax), (BITS, bits_per_character)):
        namespace = {question.function: function}
        assert question.check_cases(namespace, question.public_cases()).status == PASSED
        assert question.check_cases(namespace, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("index", range(4))
def test_each_softmax_slip_fails_with_its_own_hint_on_some_public_case(index):
    hints = set()
    for case in SOFTMAX.public_cases():
        words, wrong = list(softmax_slips(**case.inputs).items())[index]
        verdict = SOFTMAX.judge(case, SOFTMAX.run({"temperature_softmax": lambda *args, wrong=wrong: wrong}, case))
        if verdict.status == FAILED:
            assert verdict.message.endswith(f"Hint: {words}")
            hints.add(words)
    assert hints, "no public case tells this slip from the right answer"


def test_a_softmax_without_the_max_subtraction_overflows_on_the_public_case_and_is_told_why():
    def naive(logits, temperature):
        e = np.exp(logits / temperature)
        return e / e.sum(axis=1, keepdims=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # the overflow the hint is about
        verdict = SOFTMAX.check_cases({"temperature_softmax": naive}, SOFTMAX.public_cases())
    assert verdict.status == FAILED
    assert "contains NaN or infinity" in verdict.message and "subtract each row's maximum" in verdict.message


@pytest.mark.parametrize("index", range(5))
def test_each_bits_slip_fails_with_its_own_hint(index):
    case = BITS.public_cases()[0]
    words, wrong = list(bits_slips(**case.inputs).items())[index]
    verdict = BITS.judge(case, BITS.run({"bits_per_character": lambda *args: wrong}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {words}")


def test_the_quiz_answers():
    to_zero, uniform = QUESTIONS["temperature_to_zero"], QUESTIONS["uniform_bits"]
    assert to_zero.is_right(to_zero.canonical("b")) and not to_zero.is_right(to_zero.canonical("a"))
    assert all(to_zero.feedback_for(to_zero.canonical(letter)) for letter in "acd")
    assert uniform.is_right(uniform.canonical(math.log2(64))) and uniform.is_right(uniform.canonical(6))
    assert "nats" in uniform.feedback_for(uniform.canonical(math.log(64)))
    assert not uniform.is_right(uniform.canonical(64))
