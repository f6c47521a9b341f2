"""The question bank of exercise 07: right answers pass, each usual slip gets its own hint."""
import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.gradients import (
    QUESTIONS,
    clip_reference,
    clip_slips,
    norms_reference,
    norms_slips,
)

CLIP, NORMS = QUESTIONS["clip_by_global_norm"], QUESTIONS["gradient_norms"]


def clip_by_global_norm(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1 ** 2) + np.sum(g2 ** 2))
    scale = min(1.0, float(max_norm) / norm)
    return g1 * scale, g2 * scale


def gradient_norms(W_hh, h, dh_T):
    norms, dh = np.zeros(h.shape[1]), dh_T
    for t in range(h.shape[1] - 1, -1, -1):
        norms[t] = np.linalg.norm(dh)
        dh = (dh * (1 - h[:, t] ** 2)) @ W_hh
    return norms


def test_the_clip_reference_is_torchs_clip_grad_norm():
    for case in CLIP.public_cases():
        tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in list(case.inputs.values())[:2]]
        for tensor, g in zip(tensors, case.inputs.values()):
            tensor.grad = torch.from_numpy(g.copy())
        torch.nn.utils.clip_grad_norm_(tensors, float(case.inputs["max_norm"]))
        for want, got in zip(clip_reference(**case.inputs), tensors):
            np.testing.assert_allclose(want, got.grad.numpy(), rtol=1e-12)


def test_the_public_clip_cases_are_above_and_below_the_limit():
    above, below = CLIP.public_cases()
    for case, clipped in ((above, True), (below, False)):
        g1, g2, max_norm = case.inputs.values()
        assert (np.sqrt(np.sum(g1 ** 2) + np.sum(g2 ** 2)) > max_norm) == clipped


def test_the_norms_reference_matches_torch_autograd():
    case = NORMS.public_cases()[0]
    W_hh, h, dh_T = case.inputs.values()
    # Rebuild the states as functions of h_t and backpropagate dh_T with autograd, one t at a time.
    for t in range(h.shape[1]):
        h_t = torch.from_numpy(h[:, t].copy()).requires_grad_()
        state = h_t
        for k in range(t + 1, h.shape[1]):
            # h_k = tanh(input part + h_{k-1} W^T); the input part is fixed by the stored h_k.
            pre = np.arctanh(h[:, k]) - h[:, k - 1] @ W_hh.T
            state = torch.tanh(torch.from_numpy(pre) + state @ torch.from_numpy(W_hh).T)
        (state * torch.from_numpy(dh_T)).sum().backward()
        assert np.isclose(norms_reference(**case.inputs)[0][t], h_t.grad.norm().item(), rtol=1e-9)


@pytest.mark.parametrize("seed", [0, 5])
def test_right_answers_pass_public_and_hidden_cases(seed):
    for question, function in ((CLIP, clip_by_global_norm), (NORMS, gradient_norms)):
        namespace = {question.function: function}
        assert question.check_cases(namespace, question.public_cases()).status == PASSED
        assert question.check_cases(namespace, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("index", range(5))
def test_each_clip_slip_fails_with_its_own_hint_on_some_public_case(index):
    hints = set()
    for case in CLIP.public_cases():
        words, wrong = list(clip_slips(**case.inputs).items())[index]
        verdict = CLIP.judge(case, CLIP.run({"clip_by_global_norm": lambda *args, wrong=wrong: wrong}, case))
        if verdict.status == FAILED:
            assert verdict.message.endswith(f"Hint: {words}")
            hints.add(words)
    assert hints, "no public case tells this slip from the right answer"


@pytest.mark.parametrize("index", range(6))
def test_each_norms_slip_fails_with_its_own_hint(index):
    case = NORMS.public_cases()[0]
    words, wrong = list(norms_slips(**case.inputs).items())[index]
    verdict = NORMS.judge(case, NORMS.run({"gradient_norms": lambda *args: wrong}, case))
    assert verdict.status == FAILED and verdict.message.endswith(f"Hint: {words}")


def test_changing_the_gradients_in_place_is_reported():
    def in_place(g1, g2, max_norm):
        scale = min(1.0, float(max_norm) / np.sqrt(np.sum(g1 ** 2) + np.sum(g2 ** 2)))
        g1 *= scale
        g2 *= scale
        return g1, g2

    case = CLIP.public_cases()[0]
    verdict = CLIP.judge(case, CLIP.run({"clip_by_global_norm": in_place}, case))
    assert verdict.status == FAILED and "in place" in verdict.message


def _norms_with(step):
    """A learner's gradient_norms whose step back is `step(dh, h, t, W_hh)`."""
    def gradient_norms(W_hh, h, dh_T):
        norms, dh = np.zeros(h.shape[1]), dh_T
        for t in range(h.shape[1] - 1, -1, -1):
            norms[t] = np.linalg.norm(dh)
            dh = step(dh, h, t, W_hh)
        return norms
    return gradient_norms


def norms_in_reverse(W_hh, h, dh_T):
    norms, dh = [], dh_T
    for t in range(h.shape[1] - 1, -1, -1):
        norms.append(np.linalg.norm(dh))  # appended from the last step back, never reversed
        dh = (dh * (1 - h[:, t] ** 2)) @ W_hh
    return np.array(norms)


NORMS_SLIPS = [  # (name, the learner's function, words the hint must contain), written here by hand
    ("no tanh derivative", _norms_with(lambda dh, h, t, W: dh @ W), "the tanh derivative is missing"),
    ("reverse order", norms_in_reverse, "the norms are in reverse order"),
    ("W_hh.T going back", _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t] ** 2)) @ W.T), "W_hh is transposed"),
    ("derivative one step early", _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t - 1] ** 2)) @ W),
     "the tanh derivative is taken at the wrong step"),
    ("1 - h", _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t])) @ W), "1 - h**2, not 1 - h"),
    ("1 + h**2", _norms_with(lambda dh, h, t, W: (dh * (1 + h[:, t] ** 2)) @ W), "your tanh derivative is 1 + h**2"),
]


@pytest.mark.parametrize("name, function, words", NORMS_SLIPS, ids=[s[0] for s in NORMS_SLIPS])
def test_a_learners_norms_slip_gets_its_hint_and_the_same_hidden_verdict(name, function, words):
    from slip_helpers import verdict

    public = verdict(NORMS, function, NORMS.public_cases())
    assert public.status == FAILED and words in public.message, public.message
    for seed in (0, 12345):
        assert verdict(NORMS, function, NORMS.hidden_cases(seed)).status == FAILED


def test_every_norms_slip_of_the_bank_is_written_out_here():
    from slip_helpers import slips_not_written_out

    assert slips_not_written_out(NORMS, norms_slips, [f for _, f, _ in NORMS_SLIPS]) == []
