"""The question bank of exercise 05 (mapping types): right answers pass every case, and each usual
slip fails with a hint that names it, through check() as a learner meets it."""

import numpy as np
import pytest

from coursekit.checks import answer, check
from coursekit.checks.mapping_types import QUESTIONS
from coursekit.checks.registry import questions_of

pytestmark = pytest.mark.usefixtures("fresh_session")


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


def decode(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token, out = h0, np.full(h0.shape[0], start), []
    for _ in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        out.append(token)
    return np.stack(out, axis=1)


def greedy_decode(*args):
    return decode(*args)


# Other right ways of writing them.
def many_to_one_loss_logaddexp(logits, target):
    last = logits[:, -1]
    return (np.logaddexp.reduce(last, axis=1) - last[np.arange(len(target)), target]).mean()


def many_to_many_loss_by_sequence(logits, targets, mask):
    total = 0.0
    for n in range(logits.shape[0]):
        real = mask[n] > 0
        total -= picked(logits[n, real], targets[n, real]).sum()
    return total / logits.shape[0]


def greedy_decode_one_sequence_at_a_time(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    tokens = np.zeros((h0.shape[0], steps), dtype=np.int64)
    for n in range(h0.shape[0]):
        h, token = h0[n], start
        for t in range(steps):
            h = np.tanh(W_xh @ embed[token] + W_hh @ h + b)
            token = np.argmax(W_hy @ h + b_y)
            tokens[n, t] = token
    return tokens


RIGHT = [
    ("many_to_one_loss", many_to_one_loss),
    ("many_to_one_loss", many_to_one_loss_logaddexp),
    ("many_to_many_loss", many_to_many_loss),
    ("many_to_many_loss", many_to_many_loss_by_sequence),
    ("greedy_decode", greedy_decode),
    ("greedy_decode", greedy_decode_one_sequence_at_a_time),
]


def run_check(capsys, grade_id, function) -> str:
    globals()[grade_id] = function
    check(grade_id)
    return capsys.readouterr().out


def test_the_bank_belongs_to_exercise_05():
    assert set(questions_of("05_mapping_types.ipynb")) == set(QUESTIONS)
    assert sum(q.points for q in QUESTIONS.values()) == 6


@pytest.mark.parametrize("grade_id, function", RIGHT, ids=[f"{g}: {f.__name__}" for g, f in RIGHT])
def test_right_answers_pass_public_and_hidden_cases(grade_id, function):
    q = QUESTIONS[grade_id]
    namespace = {q.function: function}
    for cases in (q.public_cases(), q.hidden_cases(0), q.hidden_cases(12345)):
        assert q.check_cases(namespace, cases).status == "passed"


def test_the_references_match_torch():
    import torch
    import torch.nn.functional as F

    def tensor(a):
        return torch.from_numpy(np.asarray(a).copy())

    for case in QUESTIONS["many_to_one_loss"].public_cases() + QUESTIONS["many_to_one_loss"].hidden_cases(0):
        logits, target = case.inputs.values()
        want = F.cross_entropy(tensor(logits[:, -1]), tensor(target)).item()
        assert np.isclose(QUESTIONS["many_to_one_loss"].reference(**case.inputs)[0], want, rtol=1e-12), (
            case.label
        )
    for case in QUESTIONS["many_to_many_loss"].public_cases() + QUESTIONS["many_to_many_loss"].hidden_cases(
        0
    ):
        logits, targets, mask = case.inputs.values()
        N, T, C = logits.shape
        per_step = F.cross_entropy(
            tensor(logits).reshape(N * T, C), tensor(targets).reshape(N * T), reduction="none"
        )
        want = (per_step * tensor(mask).reshape(N * T)).sum().item() / N
        assert np.isclose(QUESTIONS["many_to_many_loss"].reference(**case.inputs)[0], want, rtol=1e-12), (
            case.label
        )
    for case in QUESTIONS["greedy_decode"].public_cases() + QUESTIONS["greedy_decode"].hidden_cases(0):
        h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps = case.inputs.values()
        cell = torch.nn.RNNCell(W_xh.shape[1], W_xh.shape[0], nonlinearity="tanh").double()
        with torch.no_grad():
            for weight, value in zip(cell.parameters(), (W_xh, W_hh, b, np.zeros_like(b))):
                weight.copy_(tensor(value))
            h, token, want = tensor(h0), torch.full((h0.shape[0],), int(start)), []
            for _ in range(int(steps)):
                h = cell(tensor(embed)[token], h)
                token = F.linear(h, tensor(W_hy), tensor(b_y)).argmax(dim=1)
                want.append(token.numpy())
        np.testing.assert_array_equal(
            QUESTIONS["greedy_decode"].reference(**case.inputs)[0], np.stack(want, axis=1), err_msg=case.label
        )


# --- slips, each written out as a learner would write it ---------------------------------------


def log_softmax_0(z):
    """A learner's log-softmax over axis 0: the batch of (N, C), not the classes."""
    z = z - z.max(axis=0, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=0, keepdims=True))


def m21_no_minus(logits, target):
    log_probs = log_softmax(logits[:, -1])
    return log_probs[np.arange(len(target)), target].mean()


def m21_first_step(logits, target):
    log_probs = log_softmax(logits[:, 0])
    return -log_probs[np.arange(len(target)), target].mean()


def m21_every_step_mean(logits, target):
    log_probs = log_softmax(logits, axis=2)  # (N, T, C)
    return -log_probs[np.arange(len(target)), :, target].mean()  # (N, T): every step scored


def m21_every_step_sum(logits, target):
    log_probs = log_softmax(logits, axis=2)
    return -log_probs[np.arange(len(target)), :, target].sum(axis=1).mean()


def m21_batch_sum(logits, target):
    log_probs = log_softmax(logits[:, -1])
    return -log_probs[np.arange(len(target)), target].sum()


def m21_softmax_over_batch(logits, target):
    log_probs = log_softmax_0(logits[:, -1])
    return -log_probs[np.arange(len(target)), target].mean()


def m21_n_by_n(logits, target):
    log_probs = log_softmax(logits[:, -1])
    return -log_probs[:, target].mean()


def m21_per_sequence(logits, target):
    return -log_softmax(logits[:, -1])[np.arange(len(target)), target]


def m21_no_max(logits, target):
    last = logits[:, -1]
    p = np.exp(last) / np.exp(last).sum(axis=1, keepdims=True)
    return -np.log(p[np.arange(len(target)), target]).mean()


def m2m_no_minus(logits, targets, mask):
    return (picked(logits, targets) * mask).sum() / logits.shape[0]


def m2m_padding_counted(logits, targets, mask):
    return -picked(logits, targets).sum() / logits.shape[0]


def m2m_torch_mean(logits, targets, mask):
    return -(picked(logits, targets) * mask).sum() / mask.sum()


def m2m_sequence_mean(logits, targets, mask):
    per_sequence = -(picked(logits, targets) * mask).sum(axis=1) / mask.sum(axis=1)
    return per_sequence.mean()


def m2m_batch_sum(logits, targets, mask):
    return -(picked(logits, targets) * mask).sum()


def m2m_n_times_t(logits, targets, mask):
    return -(picked(logits, targets) * mask).mean()


def m2m_softmax_over_steps(logits, targets, mask):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    chosen = np.take_along_axis(log_probs, targets[..., None], axis=2)[..., 0]
    return -(chosen * mask).sum() / logits.shape[0]


def m2m_per_sequence(logits, targets, mask):
    return -(picked(logits, targets) * mask).sum(axis=1)


def m2m_no_max(logits, targets, mask):
    log_sum_exp = np.log(np.exp(logits).sum(axis=2))
    chosen = np.take_along_axis(logits, targets[..., None], axis=2)[..., 0]
    return ((log_sum_exp - chosen) * mask).sum() / logits.shape[0]


def greedy_start_every_step(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token = h0, np.full(h0.shape[0], start)
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    for t in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        tokens[:, t] = (h @ W_hy.T + b_y).argmax(axis=1)  # never fed back: token stays the start token
    return tokens


def greedy_from_h0(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    token = np.full(h0.shape[0], start)
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    for t in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h0 @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens[:, t] = token
    return tokens


def greedy_no_tanh(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token = h0, np.full(h0.shape[0], start)
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    for t in range(steps):
        h = embed[token] @ W_xh.T + h @ W_hh.T + b
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens[:, t] = token
    return tokens


def greedy_W_hh_untransposed(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token = h0, np.full(h0.shape[0], start)
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    for t in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens[:, t] = token
    return tokens


def greedy_score_then_update(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h = h0
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    for t in range(steps):
        token = (h @ W_hy.T + b_y).argmax(axis=1)  # scores the state before reading any token
        tokens[:, t] = token
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
    return tokens


def greedy_start_first(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token = h0, np.full(h0.shape[0], start)
    tokens = np.zeros((h0.shape[0], steps), dtype=int)
    tokens[:, 0] = start
    for t in range(1, steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens[:, t] = token
    return tokens


def greedy_start_and_steps(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token = h0, np.full(h0.shape[0], start)
    tokens = [token]
    for _ in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens.append(token)
    return np.stack(tokens, axis=1)


def greedy_one_short(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token, tokens = h0, np.full(h0.shape[0], start), []
    for _ in range(1, steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        token = (h @ W_hy.T + b_y).argmax(axis=1)
        tokens.append(token)
    return np.array(tokens).T.reshape(h0.shape[0], steps - 1)


def greedy_logits(h0, W_xh, W_hh, b, W_hy, b_y, embed, start, steps):
    h, token, out = h0, np.full(h0.shape[0], start), []
    for _ in range(steps):
        h = np.tanh(embed[token] @ W_xh.T + h @ W_hh.T + b)
        logits = h @ W_hy.T + b_y
        token = logits.argmax(axis=1)
        out.append(logits)
    return np.stack(out, axis=1)


def greedy_time_first(*args):
    return decode(*args).T


WRITTEN_SLIPS = [  # (grade_id, name, the learner's function, words the hint must contain), typed here by hand
    ("many_to_one_loss", "no minus sign", m21_no_minus, "mean of log p(target), a negative number"),
    ("many_to_one_loss", "first step", m21_first_step, "scores logits[:, 0], the FIRST step"),
    (
        "many_to_one_loss",
        "every step averaged",
        m21_every_step_mean,
        "averages the cross-entropy of every step",
    ),
    ("many_to_one_loss", "every step added", m21_every_step_sum, "adds up the cross-entropy of every step"),
    ("many_to_one_loss", "summed over the batch", m21_batch_sum, "adds up the N sequences' cross-entropies"),
    (
        "many_to_one_loss",
        "softmax over the batch",
        m21_softmax_over_batch,
        "normalises over the batch (axis 0)",
    ),
    ("many_to_one_loss", "N x N picking", m21_n_by_n, "log_probs[:, target] is an N x N table"),
    ("many_to_one_loss", "one loss per sequence", m21_per_sequence, "one loss per sequence"),
    ("many_to_one_loss", "no max subtracted", m21_no_max, "subtract each row's largest logit"),
    ("many_to_many_loss", "no minus sign", m2m_no_minus, "adds up log p(target), a negative number"),
    ("many_to_many_loss", "padding counted", m2m_padding_counted, "counts the padded steps too"),
    ("many_to_many_loss", "torch's mean", m2m_torch_mean, "torch's default reduction"),
    ("many_to_many_loss", "mean per sequence", m2m_sequence_mean, "averages each sequence over its steps"),
    ("many_to_many_loss", "summed over the batch", m2m_batch_sum, "adds up the whole batch"),
    ("many_to_many_loss", "divided by N * T", m2m_n_times_t, "divides by N * T"),
    (
        "many_to_many_loss",
        "softmax over the steps",
        m2m_softmax_over_steps,
        "normalises over the steps (axis 1)",
    ),
    ("many_to_many_loss", "one loss per sequence", m2m_per_sequence, "one loss per sequence"),
    ("many_to_many_loss", "no max subtracted", m2m_no_max, "subtract each row's largest logit"),
    ("greedy_decode", "start token every step", greedy_start_every_step, "fed the start token at every step"),
    ("greedy_decode", "h0 every step", greedy_from_h0, "start again from h0"),
    ("greedy_decode", "no tanh", greedy_no_tanh, "your state has no tanh"),
    ("greedy_decode", "h @ W_hh", greedy_W_hh_untransposed, "h @ W_hh, without the transpose"),
    (
        "greedy_decode",
        "scored before the update",
        greedy_score_then_update,
        "scored from the state before its update",
    ),
    (
        "greedy_decode",
        "start token as first output",
        greedy_start_first,
        "it is the first input, not an output",
    ),
    ("greedy_decode", "start token and steps tokens", greedy_start_and_steps, "(steps + 1 of them)"),
    ("greedy_decode", "one step short", greedy_one_short, "makes steps - 1 tokens"),
    ("greedy_decode", "logits returned", greedy_logits, "returns the logits"),
    ("greedy_decode", "time first", greedy_time_first, "the transpose"),
]


@pytest.mark.parametrize(
    "grade_id, name, function, words", WRITTEN_SLIPS, ids=[f"{s[0]}: {s[1]}" for s in WRITTEN_SLIPS]
)
def test_a_written_slip_fails_check_with_its_hint(capsys, grade_id, name, function, words):
    with np.errstate(all="ignore"):  # the overflow of the slip that subtracts no max
        out = run_check(capsys, grade_id, function)
    assert f"✗ {grade_id}: failed" in out and words in out, out


def test_the_quiz_has_feedback_for_every_wrong_option(capsys):
    answer("question_answering_mapping", "c")
    assert capsys.readouterr().out.startswith("✓ question_answering_mapping: right.")
    for option, words in {"a": "one output", "b": "aligned step by step", "d": "not a single item"}.items():
        answer("question_answering_mapping", option)
        assert words in capsys.readouterr().out
