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

from ..nn import clip_by_global_norm
from ..probes import gradient_norms_over_time
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "07_vanishing_exploding.ipynb"


def clip_reference(g1, g2, max_norm):
    clipped, _ = clip_by_global_norm([g1, g2], float(max_norm))
    return tuple(clipped)


def clip_slips(g1, g2, max_norm) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (g1, g2)}.

    g1, g2 any shapes, max_norm a 0-d array. Each slip needs the global norm above max_norm to show,
    except "scaled up", which needs it below: the public cases have both.
    """
    c = float(max_norm)
    norm = np.sqrt(np.sum(g1 ** 2) + np.sum(g2 ** 2))

    def scaled(factor):
        return g1 * factor, g2 * factor

    def own(g):
        return g * min(1.0, c / np.linalg.norm(g))

    return {
        "each array was clipped by its own norm; the norm is global: sqrt(sum(g1**2) + sum(g2**2)) over both "
        "arrays together, and both are scaled by the same factor": (own(g1), own(g2)),
        "the gradients were scaled up to max_norm although their norm was already below it; scale only when the "
        "global norm exceeds max_norm (factor min(1, max_norm / norm))": scaled(c / norm),
        "the entries were clamped to [-max_norm, max_norm]: that is clipping by value; clipping by norm rescales "
        "every entry by one factor": (np.clip(g1, -c, c), np.clip(g2, -c, c)),
        "the factor is upside down: multiply by max_norm / norm, not norm / max_norm": scaled(max(1.0, norm / c)),
        "the norm is missing its square root: norm = sqrt(sum of squares)": scaled(min(1.0, c / norm ** 2)),
        "the gradients came back unchanged although their norm exceeds max_norm: the test is the wrong way "
        "round (or max where min belongs); scale when norm > max_norm, by min(1, max_norm / norm)":
            scaled(max(1.0, c / norm)),
        "the norm is the sum of the two arrays' norms, ||g1|| + ||g2||; the global norm is "
        "sqrt(||g1||**2 + ||g2||**2), the norm of all entries together":
            scaled(min(1.0, c / (np.linalg.norm(g1) + np.linalg.norm(g2)))),
        "the gradients were divided by the norm but not multiplied by max_norm, so their norm became 1; the "
        "factor is max_norm / norm": scaled(1.0 / norm if norm > c else 1.0),
    }


def _clip_case(label, seed, shapes, max_norm, scale) -> Case:
    rng = np.random.default_rng(seed)
    g1, g2 = (rng.standard_normal(shape) * scale for shape in shapes)
    norm = np.sqrt(np.sum(g1 ** 2) + np.sum(g2 ** 2))
    return Case(f"{label} (shapes {shapes[0]} and {shapes[1]}, global norm {norm:.3g}, max_norm {max_norm})",
                {"g1": g1, "g2": g2, "max_norm": np.array(float(max_norm))})


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
        "the tanh derivative is missing: one step back is dh_{t-1} = (dh_t * (1 - h_t**2)) @ W_hh":
            backward(lambda dh, t: dh @ W_hh),
        "the norms are in reverse order: norms[t] belongs to step t, so norms[-1] is ||dh_T|| and norms[0] the "
        "earliest step": backward(right_step)[::-1],
        "W_hh is transposed: h_t = tanh(... + h_{t-1} @ W_hh.T), so going back multiplies by W_hh, not W_hh.T":
            backward(lambda dh, t: (dh * (1 - h[:, t] ** 2)) @ W_hh.T),
        "the tanh derivative is taken at the wrong step: going back from h_t uses 1 - h_t**2 (h[:, t]), the "
        "state whose pre-activation it differentiates":
            backward(lambda dh, t: (dh * (1 - h[:, t - 1] ** 2)) @ W_hh),
        "your tanh derivative is 1 - h; it is 1 - h**2 (h = tanh(z), and tanh' = 1 - tanh**2)":
            backward(lambda dh, t: (dh * (1 - h[:, t])) @ W_hh),
        "your tanh derivative is 1 + h**2; it is 1 - h**2 (it shrinks the gradient, never grows it)":
            backward(lambda dh, t: (dh * (1 + h[:, t] ** 2)) @ W_hh),
        "each norm is taken after the step back, so norms[t] is the norm one step earlier and ||dh_T|| is "
        "never recorded; record norms[t] = ||dh|| first, then step back": backward(right_step, after=True),
        "np.linalg.norm(dh, 2) of the (N, H) matrix dh is its largest singular value; the norm over all N*H "
        "entries is np.linalg.norm(dh) (the Frobenius norm)":
            backward(right_step, norm=lambda dh: np.linalg.norm(dh, 2)),
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
    return Case(f"{label} (N={N}, T={T}, H={H}, spectral radius {radius})",
                {"W_hh": W_hh, "h": np.stack(states, axis=1), "dh_T": rng.standard_normal((N, H))})


QUESTIONS = {
    "clip_by_global_norm": FunctionQuestion(
        grade_id="clip_by_global_norm", notebook=NOTEBOOK, function="clip_by_global_norm",
        outputs={"g1_clipped": ("row", "column"), "g2_clipped": ("entry",)}, reference=clip_reference,
        public_cases=lambda: [
            _clip_case("two gradients above the limit", 7, ((3, 5), (4,)), 5.0, 3.0),
            _clip_case("two gradients below the limit", 7, ((3, 5), (4,)), 5.0, 0.3),
        ],
        hidden_cases=lambda seed: [
            _clip_case("a hidden case far above the limit", seed, ((5, 2), (2,)), 1.0, 100.0),
            _clip_case("a hidden case below the limit", seed + 1, ((2, 6), (6,)), 20.0, 1.0),
            _clip_case("a hidden case with one large array", seed + 2, ((1, 3), (8,)), 2.0, 2.0),
        ],
        points=2, slips=clip_slips,
    ),
    "gradient_norms": FunctionQuestion(
        grade_id="gradient_norms", notebook=NOTEBOOK, function="gradient_norms",
        outputs={"norms": ("time step",)}, reference=norms_reference,
        public_cases=lambda: [_norms_case("the example from the notebook", 3, 4, 6, 5)],
        hidden_cases=lambda seed: [
            _norms_case("a hidden case with one step", seed, 2, 1, 3),
            _norms_case("a hidden case with an exploding radius", seed + 1, 3, 12, 4, radius=1.6),
            _norms_case("a hidden case with one sequence", seed + 2, 1, 9, 7, radius=0.5),
        ],
        points=3, slips=norms_slips,
    ),
    "singular_value_below_one": QuizQuestion(
        grade_id="singular_value_below_one", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="The recurrent matrix W_R of a tanh RNN has largest singular value 0.8 (so its spectral radius is at most 0.8 too). What happens to the norm of dL_T/dh_t as the distance T - t grows?",
        options={
                 "a": "it grows step by step, so it explodes",
                 "b": "it shrinks towards zero, roughly by a constant factor per step: it vanishes",
                 "c": "it stays about the same size",
                 "d": "it shrinks at first, then grows once the tanh units saturate",
        },
        salt="3d9e1f7a0b6c2548",
        right="ff5eabdb9f6a498f77020305d839f9576ce045c0b97d94aee150bee06ff88e64",
        explanation="bb2bd935c2b1146cfe2d2c1936a193b7735a6e519fb1e5045df74b3b8e0528dff2bf43e3dc213266233ff41225c6418d"
                    "6692b0ecf42991a97dab6191c7031babfb455fc024b05a36526fd9205d40bf962e5f407a5940e1f5240a886264bf0495"
                    "5fe67b56315bc1477e3ce3f1b2e9866ba67032604c0b7fcfdb33327702399821a2f2967017e699f19bc92eb2ba79d169"
                    "0ce255b15d497a7f8af7f307074eda10a2b311de01b8e063afc15b399369269b3ccb7d62346ccdd0f977daf68160df64"
                    "1116bc272ebe10710a0daaf9ce97223ebb3f190822d412a6a2215867b3f16dfead47beca1f3fc532b5898515ce570e81"
                    "55cbbd0af3f538dfb9536c115cdef54890014c79b67c1a5abd66711009c90b72ea2ebcd0d7c82ae4dbac534ba6cea61f"
                    "c8bfb625a3d77004803a24a818054faff5b7aaa682866f692b2452aea7a1b157e5a8ae249f4a5a158309fc58a9acd7a6"
                    "e52b9c0596b5523a60bb4d397913fd81096301e711642ec2fb8cb32002fb33cc037183dbefeb6d3180bc3b91663bf3ff"
                    "57ab2db069142ccb3ddb07096ff98f90",
        feedback={
            "f16278b8fa800e3da962c8b160a8348af9c7f10908eb89747d24bf61dc06df8a":
                "ab1b67b5ebec5234cf48dd7c3903c41b6f254b19373f42b77e1d0c3e7595557f448eb46f74c92fa92756840a115d2a30"
                "197192ef0af0b727ab08dfced03a2dd2bb38782aa29d917d6814c8eae0497d8a25d8d682b2d1287928e2f988dc0bc125"
                "54a5a495b30e58cecbd6e36219083a958e1aa447f1bb737067eea5860d3446a11cfbff28f595cf541d93b6ea5c5a67ca"
                "69079788bdd32dd8b9316b907e1d40864345114f",
            "c7ba5ff99ae49de6b550bb91987fd60cb506f13760739f65d282596ebf5c0e5c":
                "16807da15e57d71ee809559040145da52ad1839040a3cb98bf7c2c9bfcdf4cecd4c04d2430e97643da7464f92e5d3fc5"
                "dd795f976fa3d68e842cb5e4470c725e3576b2e136609d43f8ce2d6680f0f9da49631f88c264f0a692c57215a8c1cc74"
                "8c9d9220e242bb5ace67f5f9bc2dedc7f86556b864adb1d812c0835338ed5c27181988627fab08917760ff2478ca4478"
                "3412c0efe1e9349727c822bb",
            "611a140a1624cc0549998d5255dc527adfeafd4c1db7142d5a98a1a8684a95c3":
                "45074566ea89d35cbf5379f63a873b8ae367da017407c927f6dafb678bbacb1e781a12ca6309cffc92c4f20d321d4a3b"
                "969a85f13c32f67b4508bc5f10e184c016704b121a18a854702ff79adaf45c0fbdce2ab0568f8ac89f26743f1b864a8e"
                "39aa6472d5f05e284f78e0ce3a2c8fd3206bbc77d63a6b53cc353521af623bd0387fa5c58481c599e794af5140092a9c"
                "9b2d580044677d193ff17f7c37c54d89549ff2cc2d187737afc25a9fcbd1e1962a4fe6f8cca2b04b0696776e6f85c3a8"
                "0f7bc072d5d8d7b7d3b145882a6e26e509efc1322d2708bbff4dc39df079cd855d801d82e00aefec96b948b0f0b2233e"
                "80967c203dbf5ea3",
        },
    ),
    "what_clipping_fixes": QuizQuestion(
        grade_id="what_clipping_fixes", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="Which problem does clipping the gradient by its global norm help with?",
        options={
                 "a": "exploding gradients only",
                 "b": "vanishing gradients only",
                 "c": "both exploding and vanishing gradients",
                 "d": "neither: it only speeds up training",
        },
        salt="8a51c3e7f90d2b64",
        right="9f981b88e505f7a3bdad17e550afe126f476cbddfcd23bedb90d95e68d13633b",
        explanation="659a85202f7613c0c0e7b94176497f5dcfbcef876bb04b33fada12c654e548278f821d92fa145b8695be87aef51b842f"
                    "810d04d1bc84f2943ebd7ba9d9e0ea5ad3d86ee5dd6ff99a0f9729c7f075aab85d289f25f1c0c5540d7f70f24cc07722"
                    "2bbc9d236ae18632a78c0f531a4b4e75cd5ad0737909e9adbb695dfce6f171f0c4efe134807410e0cfa6019f3b1e067c"
                    "69db197c8e824b74fc5b388e60c3565774109faa7f7157ff16b2aab1c07f249168f817dc3a85e0b15959922c4d459757"
                    "059ef573b9a0b298e69ffb9a9a1d8cec1d64",
        feedback={
            "21e9f316c4f061ca383f04d97ebe5289aa0eeeec98b8fbec9e2994043789bf06":
                "c7a1c3000219adcb4ecf29a8997619d74c0d92e45871cf7769657f2c28aa54033b564ca10f95779784b7db9d46af9a6e"
                "5e4fc39949af48f085701656e43d4f9565bfa860ac6a704622da34e51b3bb6e598fba3cceb88c59d6d1173958781bd61"
                "8e83475b46af309f7a68c8c04451494a727986b9df20aeed6fbf27ff55664b2106913d92fc5be2125e75b2dfcdf858b3"
                "c5c94477ddb55537e717cb8e3a4c0236f877",
            "dfa8e0f91cd33af7804d15af320f4ecf22c955bbbbc4210395f30bfda6169f21":
                "9bfba90fbb350a5f2dda28686bef6a1f07f07f60ad7f3e5537802607ad5c5bc15abaec2a4c6ac6e2cfa7660c7694f1cb"
                "8044b896a335a5c72d06d22fe77b9fe888c1accb32a1acb0cc872da0b911e95afddf42d3c6b92635c4cf11843b903835"
                "0383cb384c4fa90b50ae2d",
            "11f000e12a0472f303f5f3be907efb26e335c36c35a22b9b4fa0bb42b0e8aec4":
                "ca3abbbfb8176445759357e4e6389da8e39be5ba9ad3d0c26378c976a46bac9bcb0af5e8cc608c8125371df916ad41bd"
                "3b4e713e914715b0cc387f9e44c32c45e048ef5e1509065009146cc7787d53d9ba143cc2220b22616da11191c5911c8d"
                "f04b690797aae2dda03277cbf94854a42451708d3554d1e948e0224dfb4c36f371e05077554f9ad0eda8d718d5654329"
                "47196354f26c7ab241fdd9342f9e0bcaedcbbf",
        },
    ),
}
