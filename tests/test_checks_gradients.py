"""The question bank of exercise 07: right answers pass, each usual slip gets its own hint."""

import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.gradients import QUESTIONS, clip_reference, clip_slips, norms_reference, norms_slips

CLIP, NORMS = QUESTIONS["clip_by_global_norm"], QUESTIONS["gradient_norms"]


def clip_by_global_norm(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    scale = min(1.0, float(max_norm) / norm)
    return g1 * scale, g2 * scale


def clip_by_global_norm_with_if(g1, g2, max_norm):
    """Another right way: the norm of all entries joined, and an if instead of min."""
    norm = np.linalg.norm(np.concatenate([g1.ravel(), g2.ravel()]))
    if norm > max_norm:
        return g1 * (max_norm / norm), g2 * (max_norm / norm)
    return g1.copy(), g2.copy()


def clip_by_global_norm_at_the_limit(g1, g2, max_norm):
    """Also right: scaling when the norm equals max_norm changes nothing (the factor is 1)."""
    norm = np.sqrt(np.linalg.norm(g1) ** 2 + np.linalg.norm(g2) ** 2)
    scale = max_norm / norm if norm >= max_norm else 1.0
    return g1 * scale, g2 * scale


def gradient_norms(W_hh, h, dh_T):
    norms, dh = np.zeros(h.shape[1]), dh_T
    for t in range(h.shape[1] - 1, -1, -1):
        norms[t] = np.linalg.norm(dh)
        dh = (dh * (1 - h[:, t] ** 2)) @ W_hh
    return norms


def gradient_norms_appended(W_hh, h, dh_T):
    """Another right way: append while walking back, reverse at the end."""
    norms, dh = [], dh_T
    for t in reversed(range(h.shape[1])):
        norms.append(np.sqrt(np.sum(dh**2)))
        dh = np.dot(dh * (1 - h[:, t] ** 2), W_hh)
    return np.array(norms[::-1])


RIGHT = [
    (CLIP, clip_by_global_norm),
    (CLIP, clip_by_global_norm_with_if),
    (CLIP, clip_by_global_norm_at_the_limit),
    (NORMS, gradient_norms),
    (NORMS, gradient_norms_appended),
]


def test_the_clip_reference_is_torchs_clip_grad_norm():
    for case in CLIP.public_cases():
        tensors = [
            torch.zeros(g.shape, dtype=torch.float64, requires_grad=True)
            for g in list(case.inputs.values())[:2]
        ]
        for tensor, g in zip(tensors, case.inputs.values()):
            tensor.grad = torch.from_numpy(g.copy())
        torch.nn.utils.clip_grad_norm_(tensors, float(case.inputs["max_norm"]))
        for want, got in zip(clip_reference(**case.inputs), tensors):
            np.testing.assert_allclose(want, got.grad.numpy(), rtol=1e-12)


def test_the_public_clip_cases_are_above_and_below_the_limit():
    above, below = CLIP.public_cases()
    for case, clipped in ((above, True), (below, False)):
        g1, g2, max_norm = case.inputs.values()
        assert (np.sqrt(np.sum(g1**2) + np.sum(g2**2)) > max_norm) == clipped


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


@pytest.mark.parametrize("seed", [0, 12345])
@pytest.mark.parametrize("question, function", RIGHT, ids=[f.__name__ for _, f in RIGHT])
def test_right_answers_pass_public_and_hidden_cases(question, function, seed):
    namespace = {question.function: function}
    assert question.check_cases(namespace, question.public_cases()).status == PASSED
    assert question.check_cases(namespace, question.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("question, slips", [(CLIP, clip_slips), (NORMS, norms_slips)], ids=["clip", "norms"])
def test_on_its_first_failing_public_case_each_slip_is_the_first_match(question, slips):
    """The first slip whose outputs match names the hint: on the public case where a slip first fails, no slip
    listed before it may give the same outputs (later ones may: "max for min" equals "scaled up" below the
    limit, but fails above it first)."""
    for words in {w for case in question.public_cases() for w in slips(**case.inputs)}:
        for case in question.public_cases():
            outputs = {
                w: np.concatenate([np.ravel(v) for v in (o if isinstance(o, tuple) else (o,))])
                for w, o in slips(**case.inputs).items()
            }
            right = np.concatenate([np.ravel(v) for v in question.reference(**case.inputs)])
            if not np.allclose(outputs[words], right):
                assert next(w for w, other in outputs.items() if np.allclose(outputs[words], other)) == words
                break


def test_changing_the_gradients_in_place_is_reported():
    def in_place(g1, g2, max_norm):
        scale = min(1.0, float(max_norm) / np.sqrt(np.sum(g1**2) + np.sum(g2**2)))
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


def norms_after_the_step(W_hh, h, dh_T):
    norms, dh = np.zeros(h.shape[1]), dh_T
    for t in range(h.shape[1] - 1, -1, -1):
        dh = (dh * (1 - h[:, t] ** 2)) @ W_hh
        norms[t] = np.linalg.norm(dh)  # after the step: ||dh_T|| is never recorded
    return norms


def norms_spectral(W_hh, h, dh_T):
    norms, dh = np.zeros(h.shape[1]), dh_T
    for t in range(h.shape[1] - 1, -1, -1):
        norms[t] = np.linalg.norm(dh, 2)  # "the 2-norm": of a matrix, that is its largest singular value
        dh = (dh * (1 - h[:, t] ** 2)) @ W_hh
    return norms


def clip_each_by_its_own_norm(g1, g2, max_norm):
    g1 = g1 * min(1.0, max_norm / np.linalg.norm(g1))
    g2 = g2 * min(1.0, max_norm / np.linalg.norm(g2))
    return g1, g2


def clip_always_rescale(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    return g1 * max_norm / norm, g2 * max_norm / norm


def clip_by_value(g1, g2, max_norm):
    return np.clip(g1, -max_norm, max_norm), np.clip(g2, -max_norm, max_norm)


def clip_upside_down(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    if norm > max_norm:
        return g1 * (norm / max_norm), g2 * (norm / max_norm)
    return g1, g2


def clip_without_square_root(g1, g2, max_norm):
    norm = np.sum(g1**2) + np.sum(g2**2)
    scale = min(1.0, float(max_norm) / norm)
    return g1 * scale, g2 * scale


def clip_with_the_test_reversed(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    if norm < max_norm:
        return g1 * (max_norm / norm), g2 * (max_norm / norm)
    return g1, g2


def clip_with_max_for_min(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    scale = max(1.0, float(max_norm) / norm)
    return g1 * scale, g2 * scale


def clip_by_the_sum_of_norms(g1, g2, max_norm):
    norm = np.linalg.norm(g1) + np.linalg.norm(g2)
    scale = min(1.0, float(max_norm) / norm)
    return g1 * scale, g2 * scale


def clip_to_unit_norm(g1, g2, max_norm):
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    if norm > max_norm:
        return g1 / norm, g2 / norm
    return g1, g2


WRITTEN_SLIPS = [  # (grade_id, name, the learner's function, words the hint must contain), written here by hand
    (
        "clip_by_global_norm",
        "each array by its own norm",
        clip_each_by_its_own_norm,
        "clipped by its own norm",
    ),
    (
        "clip_by_global_norm",
        "rescaled below the limit too",
        clip_always_rescale,
        "scaled up to max_norm although their norm was already below it",
    ),
    ("clip_by_global_norm", "np.clip: by value", clip_by_value, "that is clipping by value"),
    ("clip_by_global_norm", "norm / max_norm", clip_upside_down, "the factor is upside down"),
    ("clip_by_global_norm", "no square root", clip_without_square_root, "missing its square root"),
    (
        "clip_by_global_norm",
        "norm < max_norm",
        clip_with_the_test_reversed,
        "came back unchanged although their norm exceeds max_norm",
    ),
    (
        "clip_by_global_norm",
        "max(1, ...)",
        clip_with_max_for_min,
        "the test is the wrong way round (or max where min",
    ),
    ("clip_by_global_norm", "||g1|| + ||g2||", clip_by_the_sum_of_norms, "the sum of the two arrays' norms"),
    (
        "clip_by_global_norm",
        "divided by the norm only",
        clip_to_unit_norm,
        "divided by the norm but not multiplied by max_norm",
    ),
    (
        "gradient_norms",
        "no tanh derivative",
        _norms_with(lambda dh, h, t, W: dh @ W),
        "the tanh derivative is missing",
    ),
    ("gradient_norms", "reverse order", norms_in_reverse, "the norms are in reverse order"),
    (
        "gradient_norms",
        "W_hh.T going back",
        _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t] ** 2)) @ W.T),
        "W_hh is transposed",
    ),
    (
        "gradient_norms",
        "derivative one step early",
        _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t - 1] ** 2)) @ W),
        "the tanh derivative is taken at the wrong step",
    ),
    (
        "gradient_norms",
        "1 - h",
        _norms_with(lambda dh, h, t, W: (dh * (1 - h[:, t])) @ W),
        "your tanh derivative is 1 - h; it is 1 - h**2",
    ),
    (
        "gradient_norms",
        "1 + h**2",
        _norms_with(lambda dh, h, t, W: (dh * (1 + h[:, t] ** 2)) @ W),
        "your tanh derivative is 1 + h**2",
    ),
    ("gradient_norms", "norm after the step", norms_after_the_step, "each norm is taken after the step back"),
    (
        "gradient_norms",
        "np.linalg.norm(dh, 2)",
        norms_spectral,
        "np.linalg.norm(dh, 2) of the (N, H) matrix dh",
    ),
]
