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
from .core import Case, FunctionQuestion, matching_slip
from .registry import sealed_questions

NOTEBOOK = "05_mapping_types.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)
_STABLE = (
    "your np.exp overflows on these large logits (exp(710) is already infinity); subtract each row's "
    "largest logit before np.exp (log-sum-exp), which leaves the softmax unchanged"
)
_PER_SEQUENCE = "your function returns one loss per sequence; it needs one number, their mean over the batch"


def _picked(logits, targets, axis=-1):
    """log p(target) at every position, the log-softmax taken along `axis`: logits (..., C), targets (...) -> (...)."""
    return np.take_along_axis(log_softmax(logits, axis), targets[..., None], axis=-1)[..., 0]


def _loss_hints(slips, inputs, received) -> str | None:
    """A loss that is not finite overflowed; one loss per sequence was not averaged; else the matching slip."""
    got = np.asarray(received[0], dtype=float)
    if not np.all(np.isfinite(got)):
        return _STABLE
    if got.shape == (inputs["logits"].shape[0],):
        return _PER_SEQUENCE
    return matching_slip(got, slips(**inputs))


# --- many-to-one: the cross-entropy after the last step ---------------------------------------


def _many_to_one_inputs(rng, N, T, C, scale=1.0) -> dict:
    return {"logits": rng.standard_normal((N, T, C)) * scale, "target": rng.integers(0, C, size=N)}


def many_to_one_reference(logits, target):
    loss, _ = softmax_cross_entropy(logits[:, -1:], target[:, None], reduction="batch_mean")
    return (np.float64(loss),)


def many_to_one_slips(logits, target) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the loss}.

    logits (N, T, C), target (N,). Each hint says what the learner's code does, then what it needs.
    """
    T = logits.shape[1]
    every_step = np.stack([-_picked(logits[:, t], target) for t in range(T)], axis=1)  # (N, T)
    last = every_step[:, -1]
    return {
        "your loss is the mean of log p(target), a negative number; the cross-entropy is minus that, "
        "-log p(target)": -last.mean(),
        "your loss scores logits[:, 0], the FIRST step; the output of a many-to-one network comes after the "
        "last step, logits[:, -1]": every_step[:, 0].mean(),
        "your loss averages the cross-entropy of every step; many-to-one has one output, after the last "
        "step: "
        "score only logits[:, -1]": every_step.mean(),
        (
            "your loss adds up the cross-entropy of every step; many-to-one scores only the last step, "
            "logits[:, "
            "-1]"
        ): every_step.sum(axis=1).mean(),
        "your loss adds up the N sequences' cross-entropies; it needs their mean (divide by N)": last.sum(),
        (
            "your softmax normalises over the batch (axis 0); it needs to normalise over the classes, the "
            "last "
            "axis"
        ): -_picked(logits[:, -1], target, axis=0).mean(),
        "your log_probs[:, target] is an N x N table (every sequence at every sequence's target); pick each "
        "sequence's own target, log_probs[np.arange(N), target]": -log_softmax(logits[:, -1])[
            :, target
        ].mean(),
    }


def many_to_one_hints(inputs, received) -> str | None:
    return _loss_hints(many_to_one_slips, inputs, received)


# --- many-to-many: the per-step cross-entropy summed over time, averaged over the batch --------


def _many_to_many_inputs(rng, N, T, C, scale=1.0) -> dict:
    lengths = rng.integers(1, T + 1, size=N)
    lengths[0] = T  # one full sequence, the others padded
    mask = (np.arange(T)[None] < lengths[:, None]).astype(np.float64)
    return {
        "logits": rng.standard_normal((N, T, C)) * scale,
        "targets": rng.integers(0, C, size=(N, T)),
        "mask": mask,
    }


def many_to_many_reference(logits, targets, mask):
    loss, _ = softmax_cross_entropy(logits, targets, mask, reduction="batch_mean")
    return (np.float64(loss),)


def many_to_many_slips(logits, targets, mask) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the loss}.

    logits (N, T, C), targets (N, T), mask (N, T).
    """
    N, T = targets.shape
    per_step = -_picked(logits, targets)  # (N, T)
    masked = per_step * mask
    return {
        (
            "your loss adds up log p(target), a negative number; the cross-entropy is minus that, -log "
            "p(target)"
        ): -masked.sum() / N,
        (
            "your loss counts the padded steps too; multiply the per-step losses by the mask before adding "
            "them "
            "up"
        ): per_step.sum() / N,
        "your loss averages over all real steps of the batch (torch's default reduction); the material's "
        "loss "
        "ADDS the steps of a sequence and only averages over the batch": masked.sum() / mask.sum(),
        "your loss averages each sequence over its steps; the material's loss ADDS the steps of a sequence, "
        "then averages over the batch": (masked.sum(axis=1) / mask.sum(axis=1)).mean(),
        "your loss adds up the whole batch; after adding up the steps of each sequence, average over the N "
        "sequences": masked.sum(),
        "your loss divides by N * T, padding included; add up the steps and divide by N only": masked.sum()
        / (N * T),
        "your softmax normalises over the steps (axis 1); it needs to normalise over the classes, the last "
        "axis "
        "(axis 2)": -(_picked(logits, targets, axis=1) * mask).sum() / N,
    }


def many_to_many_hints(inputs, received) -> str | None:
    return _loss_hints(many_to_many_slips, inputs, received)


# --- greedy decoding with a tanh RNN decoder ---------------------------------------------------


def _greedy_inputs(rng, N, H, E, V, steps) -> dict:
    # A strong recurrence (W_hh of spectral radius about 2.5) and a varied h0 keep the decoder from settling on
    # one token: then each slip (start token fed every step, h0 every step, ...) writes other tokens.
    return {
        "h0": np.tanh(rng.standard_normal((N, H)) * 3),
        "W_xh": rng.standard_normal((H, E)) * 0.8,
        "W_hh": rng.standard_normal((H, H)) * 2.5 / np.sqrt(H),
        "b": rng.standard_normal(H) * 0.1,
        "W_hy": rng.standard_normal((V, H)),
        "b_y": rng.standard_normal(V) * 0.1,
        "embed": rng.standard_normal((V, E)),
        "start": np.array(int(rng.integers(0, V))),
        "steps": np.array(steps),
    }


def greedy_reference(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    params = LayerParams(W_xh, W_hh, b, np.zeros_like(b))
    h, token, tokens = h0, np.full(h0.shape[0], int(start)), []
    for _ in range(int(steps)):
        h, _ = rnn_step_forward(embed[token], h, params)
        logits, _ = linear_forward(h, W_hy, b_y)
        token = logits.argmax(axis=1)
        tokens.append(token)
    return (np.stack(tokens, axis=1),)


def _greedy(h0, start, steps, step) -> np.ndarray:
    """Greedy decoding with `step(h, token) -> (next h, predicted token)`: the predicted tokens (N, steps)."""
    h, token, tokens = h0, np.full(h0.shape[0], int(start)), []
    for _ in range(int(steps)):
        h, token = step(h, token)
        tokens.append(token)
    return np.stack(tokens, axis=1)


def greedy_slips(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the tokens}."""

    def update(token, h, act=np.tanh, recurrent=W_hh.T):  # the new state h_t, (N, H)
        return act(embed[token] @ W_xh.T + h @ recurrent + b)

    def predict(h):  # the most likely token, (N,)
        return (h @ W_hy.T + b_y).argmax(axis=1)

    def decode(new_state):  # each step updates the state as new_state(h, token) does, then predicts from it
        def step(h, token):
            h = new_state(h, token)
            return h, predict(h)

        return _greedy(h0, start, steps, step)

    def score_then_update(h, token):  # scores the state it was given, then feeds that token in
        token = predict(h)
        return update(token, h), token

    N = h0.shape[0]
    right = decode(lambda h, token: update(token, h))
    first = np.full((N, 1), int(start))
    return {
        "your decoder is fed the start token at every step; it needs the token it just predicted, "
        "embed[token] with token = argmax of the last logits": decode(
            lambda h, token: update(np.full(N, int(start)), h)
        ),
        "your steps all start again from h0; the new state h_t needs to be carried on to the next "
        "step": decode(lambda h, token: update(token, h0)),
        "your state has no tanh; it needs h_t = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)": decode(
            lambda h, token: update(token, h, act=lambda a: a)
        ),
        "your recurrent term is h @ W_hh, without the transpose; a weight stored (out, in) needs h @ "
        "W_hh.T": decode(lambda h, token: update(token, h, recurrent=W_hh)),
        "your tokens are scored from the state before its update (the first from h0, before the start token "
        "is "
        "read); each step first updates h, then takes the argmax of the new h @ W_hy.T + b_y": _greedy(
            h0, start, steps, score_then_update
        ),
        "your tokens begin with the start token; it is the first input, not an output: return the `steps` "
        "tokens "
        "predicted after it": np.concatenate([first, right[:, :-1]], axis=1),
        (
            "your tokens begin with the start token (steps + 1 of them); return only the `steps` predicted "
            "tokens"
        ): np.concatenate([first, right], axis=1),
        "your loop makes steps - 1 tokens; it needs to run `steps` times (range(steps))": right[:, :-1],
    }


def greedy_hints(inputs, received) -> str | None:
    got = np.asarray(received[0])
    N, steps = inputs["h0"].shape[0], int(inputs["steps"])
    V = inputs["W_hy"].shape[0]
    if got.shape == (N, steps, V):
        return (
            "your function returns the logits; it needs the chosen tokens, their argmax over the vocabulary"
        )
    if got.dtype.kind == "f" and got.shape == (N, steps) and not np.allclose(got, np.round(got)):
        return "your tokens are not whole numbers; each needs to be the argmax index of its step's logits"
    return matching_slip(got, greedy_slips(**inputs))


QUESTIONS = {
    "many_to_one_loss": FunctionQuestion(
        grade_id="many_to_one_loss",
        notebook=NOTEBOOK,
        function="many_to_one_loss",
        outputs={"loss": ()},
        reference=many_to_one_reference,
        public_cases=lambda: [
            Case("a small example (N=4, T=5, C=3)", _many_to_one_inputs(np.random.default_rng(5), 4, 5, 3)),
            Case(
                "the small example with logits 500 times larger",
                _many_to_one_inputs(np.random.default_rng(5), 4, 5, 3, 500.0),
            ),
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case (N=7, T=2, C=6)",
                _many_to_one_inputs(np.random.default_rng(seed + 10), 7, 2, 6),
            ),
            Case(
                "a hidden case with one step (N=3, T=1, C=4)",
                _many_to_one_inputs(np.random.default_rng(seed + 11), 3, 1, 4),
            ),
            Case(
                "a hidden case with large logits (N=5, T=3, C=8)",
                _many_to_one_inputs(np.random.default_rng(seed + 12), 5, 3, 8, 800.0),
            ),
        ],
        points=1,
        hints=many_to_one_hints,
        slips=many_to_one_slips,
    ),
    "many_to_many_loss": FunctionQuestion(
        grade_id="many_to_many_loss",
        notebook=NOTEBOOK,
        function="many_to_many_loss",
        outputs={"loss": ()},
        reference=many_to_many_reference,
        public_cases=lambda: [
            Case(
                "a small example (N=4, T=5, C=3, padded)",
                _many_to_many_inputs(np.random.default_rng(6), 4, 5, 3),
            ),
            Case(
                "the small example with logits 500 times larger",
                _many_to_many_inputs(np.random.default_rng(6), 4, 5, 3, 500.0),
            ),
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case (N=6, T=8, C=5, padded)",
                _many_to_many_inputs(np.random.default_rng(seed + 20), 6, 8, 5),
            ),
            Case(
                "a hidden case with one sequence (N=1, T=4, C=7)",
                _many_to_many_inputs(np.random.default_rng(seed + 21), 1, 4, 7),
            ),
            Case(
                "a hidden case with large logits (N=3, T=6, C=4, padded)",
                _many_to_many_inputs(np.random.default_rng(seed + 22), 3, 6, 4, 800.0),
            ),
        ],
        points=2,
        hints=many_to_many_hints,
        slips=many_to_many_slips,
    ),
    "greedy_decode": FunctionQuestion(
        grade_id="greedy_decode",
        notebook=NOTEBOOK,
        function="greedy_decode",
        outputs={"tokens": ("sequence", "step")},
        reference=greedy_reference,
        public_cases=lambda: [
            Case(
                "a small example (N=3, H=4, E=2, V=5, steps=6)",
                _greedy_inputs(np.random.default_rng(7), 3, 4, 2, 5, 6),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case (N=5, H=8, E=3, V=7, steps=9)",
                _greedy_inputs(np.random.default_rng(seed + 30), 5, 8, 3, 7, 9),
            ),
            Case(
                "a hidden case with one sequence and one step (N=1, H=3, E=2, V=4, steps=1)",
                _greedy_inputs(np.random.default_rng(seed + 31), 1, 3, 2, 4, 1),
            ),
            Case(
                "a hidden case with more sequences (N=12, H=6, E=4, V=9, steps=8)",
                _greedy_inputs(np.random.default_rng(seed + 32), 12, 6, 4, 9, 8),
            ),
        ],
        points=2,
        hints=greedy_hints,
        slips=greedy_slips,
    ),
    "question_answering_mapping": QUIZ["question_answering_mapping"],
}
