"""The question bank of exercise 05 (mapping types): right answers pass every case, and each usual
slip fails with a hint that names it, through check() as a learner meets it."""
import numpy as np
import pytest

import coursekit.checks as checks
from coursekit.checks import answer, check
from coursekit.checks.mapping_types import QUESTIONS
from coursekit.checks.registry import questions_of


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(checks, "_status", {})
    monkeypatch.setattr(checks, "_answers", {})
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


# Right answers written out by hand (not from coursekit).
def log_softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))


def picked(logits, targets):
    """log p(target) at every position: logits (..., C), targets (...) -> (...)."""
    return np.take_along_axis(log_softmax(logits), targets[..., None], axis=-1)[..., 0]


def many_to_one_loss(logits, target):
    return -picked(logits[:, -1], target).mean()


def many_to_many_loss(logits, targets, mask):
    return -(picked(logits, targets) * mask).sum() / logits.shape[0]


def decode(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps, feed_back=True, carry=True):
    h, token, out = h0, np.full(h0.shape[0], start), []
    for _ in range(steps):
        x = embed[token] if feed_back else embed[np.full(h0.shape[0], start)]
        h = np.tanh(x @ W_xh.T + (h if carry else h0) @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        out.append(token)
    return np.stack(out, axis=1)


def greedy_decode(*args):
    return decode(*args)


RIGHT = {"many_to_one_loss": many_to_one_loss, "many_to_many_loss": many_to_many_loss,
         "greedy_decode": greedy_decode}


def run_check(capsys, grade_id, function) -> str:
    globals()[grade_id] = function
    check(grade_id)
    return capsys.readouterr().out


def test_the_bank_belongs_to_exercise_05():
    assert set(questions_of("05_mapping_types.ipynb")) == set(QUESTIONS)
    assert sum(q.points for q in QUESTIONS.values()) == 6


@pytest.mark.parametrize("grade_id", list(RIGHT))
def test_right_answers_pass_public_and_hidden_cases(grade_id):
    q = QUESTIONS[grade_id]
    namespace = {q.function: RIGHT[grade_id]}
    for cases in (q.public_cases(), q.hidden_cases(0), q.hidden_cases(7)):
        assert q.check_cases(namespace, cases).status == "passed"


@pytest.mark.parametrize("slip,hint", [
    (lambda l, t: np.mean([-picked(l[:, s], t).mean() for s in range(l.shape[1])]), "averages the cross-entropy of all steps"),
    (lambda l, t: -picked(l, np.repeat(t[:, None], l.shape[1], 1)).sum(1).mean(), "adds up the cross-entropy of all steps"),
    (lambda l, t: -picked(l[:, 0], t).mean(), "scores the FIRST step"),
    (lambda l, t: -picked(l[:, -1], t).sum(), "sums over the batch"),
    (lambda l, t: -picked(l[:, -1], t), "one loss per sequence"),
    (lambda l, t: -np.take_along_axis(log_softmax(l[:, -1], axis=0), t[:, None], 1).mean(), "wrong axis"),
])
def test_many_to_one_slips_are_named(capsys, slip, hint):
    out = run_check(capsys, "many_to_one_loss", slip)
    assert "✗ many_to_one_loss: failed" in out and hint in out


def test_an_unstable_softmax_fails_on_large_logits(capsys):
    def naive(logits, target):
        p = np.exp(logits[:, -1]) / np.exp(logits[:, -1]).sum(axis=1, keepdims=True)
        return -np.log(p[np.arange(len(target)), target]).mean()

    with np.errstate(all="ignore"):
        out = run_check(capsys, "many_to_one_loss", naive)
    assert "logits 500 times larger" in out and "NaN or infinity" in out and "subtract each row's largest logit" in out


@pytest.mark.parametrize("slip,hint", [
    (lambda l, t, m: -picked(l, t).sum() / l.shape[0], "padded steps are counted"),
    (lambda l, t, m: -(picked(l, t) * m).sum() / m.sum(), "torch's default reduction"),
    (lambda l, t, m: -((picked(l, t) * m).sum(1) / m.sum(1)).mean(), "averages each sequence over its steps"),
    (lambda l, t, m: -(picked(l, t) * m).sum(), "sums over the batch too"),
    (lambda l, t, m: -(picked(l, t) * m).sum() / m.size, "divides by N * T"),
    (lambda l, t, m: -(picked(l, t) * m).sum(1), "one loss per sequence"),
])
def test_many_to_many_slips_are_named(capsys, slip, hint):
    out = run_check(capsys, "many_to_many_loss", slip)
    assert "✗ many_to_many_loss: failed" in out and hint in out


def with_start(*args):
    tokens = decode(*args)
    return np.concatenate([np.full((tokens.shape[0], 1), args[7]), tokens[:, :-1]], axis=1)


def logits_instead(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token, out = h0, np.full(h0.shape[0], start), []
    for _ in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        logits = h @ W_hy.T + b_y
        token = logits.argmax(axis=1)
        out.append(logits)
    return np.stack(out, axis=1)


@pytest.mark.parametrize("slip,hint", [
    (lambda *a: decode(*a, feed_back=False), "fed the start token at every step"),
    (lambda *a: decode(*a, carry=False), "every step starts again from h0"),
    (with_start, "the start token is not an output"),
    (logits_instead, "you returned the logits"),
    (lambda *a: decode(*a).T, "the transpose"),
])
def test_greedy_slips_are_named(capsys, slip, hint):
    out = run_check(capsys, "greedy_decode", slip)
    assert "✗ greedy_decode: failed" in out and hint in out


def test_the_quiz_has_feedback_for_every_wrong_option(capsys):
    answer("question_answering_mapping", "c")
    assert capsys.readouterr().out.startswith("✓ question_answering_mapping: right.")
    for option, words in {"a": "one output", "b": "aligned step by step", "d": "not a single item"}.items():
        answer("question_answering_mapping", option)
        assert words in capsys.readouterr().out
