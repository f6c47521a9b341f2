"""Questions of exercises/07_vanishing_exploding.ipynb: clipping and the gradient-norm probe.

    clip_by_global_norm(g1, g2, max_norm) -> (g1_clipped, g2_clipped)
    gradient_norms(W_hh, h, dh_T)         -> norms

Shapes: g1, g2 any shapes (two parameters' gradients), max_norm a 0-d array (a number);
W_hh (H, H) stored (out, in), h (N, T, H) the states h_1..h_T of a tanh RNN, dh_T (N, H) the
gradient of the loss with respect to the last state, norms (T,) with norms[t] the norm over all
N*H entries of dL/dh_t (so norms[-1] = ||dh_T||).
"""

from __future__ import annotations

import numpy as np

from ..gradient_flow import gradient_norms_over_time
from ..nn import clip_by_global_norm
from .core import Case, FunctionQuestion
from .registry import sealed_questions

NOTEBOOK = "07_vanishing_exploding.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def clip_reference(g1, g2, max_norm):
    clipped, _ = clip_by_global_norm([g1, g2], float(max_norm))
    return tuple(clipped)


def clip_slips(g1, g2, max_norm) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (g1, g2)}.

    g1, g2 any shapes, max_norm a 0-d array. Each slip needs the global norm above max_norm to show,
    except "scaled up", which needs it below: the public cases have both.
    """
    c = float(max_norm)
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))

    def scaled(factor):
        return g1 * factor, g2 * factor

    def own(g):
        return g * min(1.0, c / np.linalg.norm(g))

    return {
        "each array was clipped by its own norm; the norm is global: sqrt(sum(g1**2) + sum(g2**2)) over both "
        "arrays together, and both are scaled by the same factor": (own(g1), own(g2)),
        "the gradients were scaled up to max_norm although their norm was already below it; scale only when "
        "the "
        "global norm exceeds max_norm (factor min(1, max_norm / norm))": scaled(c / norm),
        "the entries were clamped to [-max_norm, max_norm]: that is clipping by value; clipping by norm "
        "rescales "
        "every entry by one factor": (np.clip(g1, -c, c), np.clip(g2, -c, c)),
        "the factor is upside down: multiply by max_norm / norm, not norm / max_norm": scaled(
            max(1.0, norm / c)
        ),
        "the norm is missing its square root: norm = sqrt(sum of squares)": scaled(min(1.0, c / norm**2)),
        "the gradients came back unchanged although their norm exceeds max_norm: the test is the wrong way "
        "round (or max where min belongs); scale when norm > max_norm, by min(1, max_norm / norm)": scaled(
            max(1.0, c / norm)
        ),
        "the norm is the sum of the two arrays' norms, ||g1|| + ||g2||; the global norm is "
        "sqrt(||g1||**2 + ||g2||**2), the norm of all entries together": scaled(
            min(1.0, c / (np.linalg.norm(g1) + np.linalg.norm(g2)))
        ),
        "the gradients were divided by the norm but not multiplied by max_norm, so their norm became 1; the "
        "factor is max_norm / norm": scaled(1.0 / norm if norm > c else 1.0),
    }


def _clip_case(label, seed, shapes, max_norm, scale) -> Case:
    rng = np.random.default_rng(seed)
    g1, g2 = (rng.standard_normal(shape) * scale for shape in shapes)
    norm = np.sqrt(np.sum(g1**2) + np.sum(g2**2))
    return Case(
        f"{label} (shapes {shapes[0]} and {shapes[1]}, global norm {norm:.3g}, max_norm {max_norm})",
        {"g1": g1, "g2": g2, "max_norm": np.array(float(max_norm))},
    )


def norms_reference(W_hh, h, dh_T):
    return (gradient_norms_over_time(W_hh, h, dh_T),)


def norms_slips(W_hh, h, dh_T) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: norms (T,)}.

    W_hh (H, H), h (N, T, H), dh_T (N, H). The right step back is dh = (dh * (1 - h[:, t]**2)) @ W_hh.
    """

    def backward(step, norm=np.linalg.norm, after=False):
        """The loop from t = T-1 down to 0; norms[t] = norm(dh) before the step back (after=True: after it)."""
        norms, dh = np.zeros(h.shape[1]), dh_T
        for t in range(h.shape[1] - 1, -1, -1):
            if after:
                dh = step(dh, t)
            norms[t] = norm(dh)
            if not after:
                dh = step(dh, t)
        return norms

    def right_step(dh, t):
        return (dh * (1 - h[:, t] ** 2)) @ W_hh

    return {
        "the tanh derivative is missing: one step back is dh_{t-1} = (dh_t * (1 - h_t**2)) @ W_hh": backward(
            lambda dh, t: dh @ W_hh
        ),
        "the norms are in reverse order: norms[t] belongs to step t, so norms[-1] is ||dh_T|| and norms[0] "
        "the "
        "earliest step": backward(right_step)[::-1],
        (
            "W_hh is transposed: h_t = tanh(... + h_{t-1} @ W_hh.T), so going back multiplies by W_hh, not "
            "W_hh.T"
        ): backward(lambda dh, t: (dh * (1 - h[:, t] ** 2)) @ W_hh.T),
        "the tanh derivative is taken at the wrong step: going back from h_t uses 1 - h_t**2 (h[:, t]), the "
        "state whose pre-activation it differentiates": backward(
            lambda dh, t: (dh * (1 - h[:, t - 1] ** 2)) @ W_hh
        ),
        "your tanh derivative is 1 - h; it is 1 - h**2 (h = tanh(z), and tanh' = 1 - tanh**2)": backward(
            lambda dh, t: (dh * (1 - h[:, t])) @ W_hh
        ),
        "your tanh derivative is 1 + h**2; it is 1 - h**2 (it shrinks the gradient, never grows "
        "it)": backward(lambda dh, t: (dh * (1 + h[:, t] ** 2)) @ W_hh),
        "each norm is taken after the step back, so norms[t] is the norm one step earlier and ||dh_T|| is "
        "never recorded; record norms[t] = ||dh|| first, then step back": backward(right_step, after=True),
        "np.linalg.norm(dh, 2) of the (N, H) matrix dh is its largest singular value; the norm over all N*H "
        "entries is np.linalg.norm(dh) (the Frobenius norm)": backward(
            right_step, norm=lambda dh: np.linalg.norm(dh, 2)
        ),
    }


def _norms_case(label, seed, N, T, H, radius=0.9) -> Case:
    rng = np.random.default_rng(seed)
    W_hh = rng.standard_normal((H, H))
    W_hh *= radius / np.max(np.abs(np.linalg.eigvals(W_hh)))
    W_ih = rng.standard_normal((H, 2))
    h, states = np.zeros((N, H)), []
    for _ in range(T):  # the states of a tanh RNN reading random input
        h = np.tanh(rng.standard_normal((N, 2)) @ W_ih.T + h @ W_hh.T)
        states.append(h)
    return Case(
        f"{label} (N={N}, T={T}, H={H}, spectral radius {radius})",
        {"W_hh": W_hh, "h": np.stack(states, axis=1), "dh_T": rng.standard_normal((N, H))},
    )


QUESTIONS = {
    "clip_by_global_norm": FunctionQuestion(
        grade_id="clip_by_global_norm",
        notebook=NOTEBOOK,
        function="clip_by_global_norm",
        outputs={"g1_clipped": ("row", "column"), "g2_clipped": ("entry",)},
        reference=clip_reference,
        public_cases=lambda: [
            _clip_case("two gradients above the limit", 7, ((3, 5), (4,)), 5.0, 3.0),
            _clip_case("two gradients below the limit", 7, ((3, 5), (4,)), 5.0, 0.3),
        ],
        hidden_cases=lambda seed: [
            _clip_case("a hidden case far above the limit", seed, ((5, 2), (2,)), 1.0, 100.0),
            _clip_case("a hidden case below the limit", seed + 1, ((2, 6), (6,)), 20.0, 1.0),
            _clip_case("a hidden case with one large array", seed + 2, ((1, 3), (8,)), 2.0, 2.0),
        ],
        points=2,
        slips=clip_slips,
    ),
    "gradient_norms": FunctionQuestion(
        grade_id="gradient_norms",
        notebook=NOTEBOOK,
        function="gradient_norms",
        outputs={"norms": ("time step",)},
        reference=norms_reference,
        public_cases=lambda: [_norms_case("the example from the notebook", 3, 4, 6, 5)],
        hidden_cases=lambda seed: [
            _norms_case("a hidden case with one step", seed, 2, 1, 3),
            _norms_case("a hidden case with an exploding radius", seed + 1, 3, 12, 4, radius=1.6),
            _norms_case("a hidden case with one sequence", seed + 2, 1, 9, 7, radius=0.5),
        ],
        points=3,
        slips=norms_slips,
    ),
    "singular_value_below_one": QUIZ["singular_value_below_one"],
    "what_clipping_fixes": QUIZ["what_clipping_fixes"],
}
