"""Questions of exercises/05_mapping_types.ipynb: the loss of each mapping type, and greedy decoding.

    many_to_one_loss(logits, target)            -> loss   cross-entropy after the last step,
                                                          averaged over the batch
    many_to_many_loss(logits, targets, mask)    -> loss   per-step cross-entropy summed over the
                                                          real steps, averaged over the batch
    greedy_decode(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps) -> tokens (N, steps)

Shapes (batch-first, weights stored (out, in)): logits (N, T, C), target (N,), targets (N, T),
mask (N, T) with 1 at real steps and 0 at padding; h0 (N, H), W_xh (H, E), W_hh (H, H), b (H,),
W_hy (V, H), b_y (V,), embed (V, E); start and steps are whole numbers (0-d int arrays).
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, linear_forward, rnn_step_forward, softmax_cross_entropy
from ..nn.activations import log_softmax
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slip

NOTEBOOK = "05_mapping_types.ipynb"
_STABLE = ("a logit is so large that exp overflows: subtract each row's largest logit before exp "
           "(log-sum-exp), which leaves the softmax unchanged")


def _picked(logits, targets):
    """-log p(target) at every position: logits (..., C), targets (...) -> (...)."""
    return -np.take_along_axis(log_softmax(logits), targets[..., None], axis=-1)[..., 0]


# --- many-to-one: the cross-entropy after the last step ---------------------------------------

def _many_to_one_inputs(rng, N, T, C, scale=1.0) -> dict:
    return {"logits": rng.standard_normal((N, T, C)) * scale, "target": rng.integers(0, C, size=N)}


def many_to_one_reference(logits, target):
    loss, _ = softmax_cross_entropy(logits[:, -1:], target[:, None], reduction="batch_mean")
    return (np.float64(loss),)


def many_to_one_hints(inputs, received) -> str | None:
    logits, target = inputs["logits"], inputs["target"]
    got = np.asarray(received[0])
    if got.dtype.kind in "fc" and not np.all(np.isfinite(got)):
        return _STABLE
    if got.shape == target.shape:
        return "you returned one loss per sequence; return one number, their mean over the batch"
    T = logits.shape[1]
    every_step = np.stack([_picked(logits[:, t], target) for t in range(T)], axis=1)  # (N, T)
    return matching_slip(got, {
        "this averages the cross-entropy of all steps; many-to-one has one output, after the LAST step "
        "(logits[:, -1])": every_step.mean(),
        "this adds up the cross-entropy of all steps; many-to-one scores only the LAST step (logits[:, -1])":
            every_step.sum(axis=1).mean(),
        "this scores the FIRST step; the output comes after the last step, logits[:, -1]": every_step[:, 0].mean(),
        "this sums over the batch; average the sequences' losses instead (divide by N)": every_step[:, -1].sum(),
        "the softmax runs over the wrong axis: normalise over the classes (the last axis)":
            -np.take_along_axis(log_softmax(logits[:, -1].T).T, target[:, None], axis=1).mean(),
    })


# --- many-to-many: the per-step cross-entropy summed over time, averaged over the batch --------

def _many_to_many_inputs(rng, N, T, C, scale=1.0) -> dict:
    lengths = rng.integers(1, T + 1, size=N)
    lengths[0] = T  # one full sequence, the others padded
    mask = (np.arange(T)[None] < lengths[:, None]).astype(np.float64)
    return {"logits": rng.standard_normal((N, T, C)) * scale, "targets": rng.integers(0, C, size=(N, T)),
            "mask": mask}


def many_to_many_reference(logits, targets, mask):
    loss, _ = softmax_cross_entropy(logits, targets, mask, reduction="batch_mean")
    return (np.float64(loss),)


def many_to_many_hints(inputs, received) -> str | None:
    logits, targets, mask = inputs["logits"], inputs["targets"], inputs["mask"]
    got = np.asarray(received[0])
    if got.dtype.kind in "fc" and not np.all(np.isfinite(got)):
        return _STABLE
    N, T = targets.shape
    if got.shape == (N,):
        return "you returned one loss per sequence; return one number, their mean over the batch"
    per_step = _picked(logits, targets)  # (N, T)
    masked = per_step * mask
    return matching_slip(got, {
        "the padded steps are counted: multiply the per-step losses by the mask before adding them up":
            per_step.sum() / N,
        "this averages over the steps (torch's default reduction); the material's loss ADDS the steps of "
        "a sequence and only averages over the batch": masked.sum() / mask.sum(),
        "this averages each sequence over its steps; the material's loss ADDS the steps of a sequence":
            (masked.sum(axis=1) / mask.sum(axis=1)).mean(),
        "this sums over the batch too; after adding up the steps, average over the N sequences": masked.sum(),
        "this divides by N * T, every step including padding; add up the steps and divide by N only":
            masked.sum() / (N * T),
    })


# --- greedy decoding with a tanh RNN decoder ---------------------------------------------------

def _greedy_inputs(rng, N, H, E, V, steps) -> dict:
    return {"h0": np.tanh(rng.standard_normal((N, H))), "W_xh": rng.standard_normal((H, E)) * 0.8,
            "W_hh": rng.standard_normal((H, H)) * 0.8 / np.sqrt(H), "b": rng.standard_normal(H) * 0.1,
            "W_hy": rng.standard_normal((V, H)), "b_y": rng.standard_normal(V) * 0.1,
            "embed": rng.standard_normal((V, E)), "start": np.array(int(rng.integers(0, V))),
            "steps": np.array(steps)}


def _decode(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps, feed_back=True, carry=True, tanh=True):
    """Greedy decoding, or one of its slips: feed_back=False feeds the start token every step,
    carry=False starts every step from h0, tanh=False leaves out the nonlinearity."""
    params = LayerParams(W_xh, W_hh, b, np.zeros_like(b))
    h, token = h0, np.full(h0.shape[0], int(start))
    tokens = []
    for _ in range(int(steps)):
        x = embed[token if feed_back else np.full_like(token, int(start))]
        if tanh:
            h_next, _ = rnn_step_forward(x, h if carry else h0, params)
        else:
            h_next = x @ W_xh.T + (h if carry else h0) @ W_hh.T + b
        logits, _ = linear_forward(h_next, W_hy, b_y)
        token = logits.argmax(axis=1)
        h = h_next
        tokens.append(token)
    return np.stack(tokens, axis=1)


def greedy_reference(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    return (_decode(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps),)


def greedy_hints(inputs, received) -> str | None:
    got = np.asarray(received[0])
    N, steps = inputs["h0"].shape[0], int(inputs["steps"])
    V = inputs["W_hy"].shape[0]
    if got.shape == (N, steps, V):
        return "you returned the logits; return the chosen tokens, their argmax over the vocabulary"
    if got.dtype.kind == "f" and got.shape == (N, steps) and not np.allclose(got, np.round(got)):
        return "the tokens should be whole numbers: the argmax index of each step's logits"
    with_start = np.concatenate([np.full((N, 1), int(inputs["start"])),
                                 _decode(**inputs)[:, :-1]], axis=1)
    return matching_slip(got, {
        "the decoder is fed the start token at every step; feed back the token it just predicted "
        "(its own prediction, since at generation time no true token is known)": _decode(**inputs, feed_back=False),
        "every step starts again from h0; carry the new hidden state h_t on to the next step":
            _decode(**inputs, carry=False),
        "tanh is missing: h_t = tanh(embed[token] W_xh^T + h_{t-1} W_hh^T + b)": _decode(**inputs, tanh=False),
        "the start token is not an output: return the `steps` tokens predicted after it": with_start,
    })


QUESTIONS = {
    "many_to_one_loss": FunctionQuestion(
        grade_id="many_to_one_loss", notebook=NOTEBOOK, function="many_to_one_loss",
        outputs={"loss": ()}, reference=many_to_one_reference,
        public_cases=lambda: [
            Case("a small example (N=4, T=5, C=3)", _many_to_one_inputs(np.random.default_rng(5), 4, 5, 3)),
            Case("the small example with logits 500 times larger", _many_to_one_inputs(np.random.default_rng(5), 4, 5, 3, 500.0)),
        ],
        hidden_cases=lambda seed: [
            Case("a hidden case (N=7, T=2, C=6)", _many_to_one_inputs(np.random.default_rng(seed + 10), 7, 2, 6)),
            Case("a hidden case with one step (N=3, T=1, C=4)", _many_to_one_inputs(np.random.default_rng(seed + 11), 3, 1, 4)),
            Case("a hidden case with large logits (N=5, T=3, C=8)",
                 _many_to_one_inputs(np.random.default_rng(seed + 12), 5, 3, 8, 800.0)),
        ],
        points=1, hints=many_to_one_hints,
    ),
    "many_to_many_loss": FunctionQuestion(
        grade_id="many_to_many_loss", notebook=NOTEBOOK, function="many_to_many_loss",
        outputs={"loss": ()}, reference=many_to_many_reference,
        public_cases=lambda: [
            Case("a small example (N=4, T=5, C=3, padded)",
                 _many_to_many_inputs(np.random.default_rng(6), 4, 5, 3)),
            Case("the small example with logits 500 times larger",
                 _many_to_many_inputs(np.random.default_rng(6), 4, 5, 3, 500.0)),
        ],
        hidden_cases=lambda seed: [
            Case("a hidden case (N=6, T=8, C=5, padded)", _many_to_many_inputs(np.random.default_rng(seed + 20), 6, 8, 5)),
            Case("a hidden case with one sequence (N=1, T=4, C=7)",
                 _many_to_many_inputs(np.random.default_rng(seed + 21), 1, 4, 7)),
            Case("a hidden case with large logits (N=3, T=6, C=4, padded)",
                 _many_to_many_inputs(np.random.default_rng(seed + 22), 3, 6, 4, 800.0)),
        ],
        points=2, hints=many_to_many_hints,
    ),
    "greedy_decode": FunctionQuestion(
        grade_id="greedy_decode", notebook=NOTEBOOK, function="greedy_decode",
        outputs={"tokens": ("sequence", "step")}, reference=greedy_reference,
        public_cases=lambda: [Case("a small example (N=3, H=4, E=2, V=5, steps=6)",
                                   _greedy_inputs(np.random.default_rng(7), 3, 4, 2, 5, 6))],
        hidden_cases=lambda seed: [
            Case("a hidden case (N=5, H=8, E=3, V=7, steps=9)", _greedy_inputs(np.random.default_rng(seed + 30), 5, 8, 3, 7, 9)),
            Case("a hidden case with one sequence and one step (N=1, H=3, E=2, V=4, steps=1)",
                 _greedy_inputs(np.random.default_rng(seed + 31), 1, 3, 2, 4, 1)),
        ],
        points=2, hints=greedy_hints,
    ),
    "question_answering_mapping": QuizQuestion(
        grade_id="question_answering_mapping", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="A system reads a question (\"When did the country gain independence?\") and answers with a "
               "sentence of its own. Which mapping type suits it?",
        options={"a": "many-to-one", "b": "many-to-many with equal lengths (one output for every input word)",
                 "c": "encoder-decoder (many-to-many with unequal lengths)", "d": "one-to-many"},
        salt="7030ae6392dd36d9",
        right="1a4df64a3291f0a2b16417524839cd31f9afe0acc4c8efe144f6938c86450b42",
        explanation="461b2ad8f3b401dc5787a897b179579a2a1ca99e468e35f1aa51ce5ad1aa67984a66d39a4e65289a44e58f237eea694e"
                    "70f36e8d8d7e49c386adbc44863df8798178edeb51611951383cddcba36528021840fc2f220becc9787d6b09d197d281f"
                    "caf96c8ca869ba01fd77dc334e7c5f17d8f40",
        feedback={
            "79e938d5e502c87be028545f80b4af97e1e4acecf62545d16c2e8c7c71313e6e":
                "f6fb73a23dedc2b3f5ef942ea2628a1cf0b9636ee065e92cef44001943592b3e1a65261858254583e596b814b500d98d38372"
                "e052b3abf3f2ab55acfa9bf73fe2f485edd3905e535777ca4e60bacac1d1f17d5c75e6afc132abe719300e71cd37c390e",
            "bd08ca11369c31ae77461f9b550f8ad4cabda9754e6726ec4225f17574984558":
                "4d1352422e0193e441fbd742b548ec1032c3c19d4a5bddb0dfc15c9c32bef909876d7c33d7d9b97f4b330e2e85cdab78ebd0a"
                "a84fcda4bac14118c0f84b5f0028f35faeb239501096897cf846f3f7232f77ebfce785476bb7151e56af8ea889741ce3852"
                "4dadddc4de109ac81f708862cad9442a118035f7776e05891948d691776d3cb88b6d90b5f6c74c89397be574d08dfa94638f",
            "ce93cbbf8e96334b0c8a31682695ac1f649e2af939053da70503b063a2ae206b":
                "a7f5c0d8e6f936a08400df73fac79c8e290873f502efc15f981d1eb5ef9cb0389d37252bc93c82957497c468bbe3399e65b70"
                "77c56a075ffd6b6a4c1622d84571e87b913488fdd755cea5550ee1c43bd12261b28171cc5f5a8ed344567f10d200017fe2f"
                "396e380050f1545006a91cf9ab21d90e820b4da4aa580f",
        },
    ),
}
