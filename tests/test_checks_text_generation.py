"""The question bank of exercise 11: right answers pass, each usual slip gets its own hint."""

import math
import warnings

import numpy as np
import pytest
import torch

from coursekit.checks.core import FAILED, PASSED
from coursekit.checks.text_generation import QUESTIONS, bits_reference, softmax_reference

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


# ---- slips of the first two, as a learner writes them (listed in SLIPS below, with the words of their hints) ----
def softmax_times_temperature(logits, temperature):
    z = logits * temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_without_max(logits, temperature):
    e = np.exp(logits / temperature)
    return e / e.sum(axis=1, keepdims=True)


def softmax_over_columns(logits, temperature):  # axis=0 needs no keepdims, so it runs
    z = logits / temperature
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def softmax_ignoring_temperature(logits, temperature):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_then_temperature(logits, temperature):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True) / temperature


def softmax_then_power(logits, temperature):
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)) ** (1 / temperature)


def softmax_summing_everything(logits, temperature):
    z = logits / temperature
    e = np.exp(z - z.max())
    return e / e.sum()


def _log_softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def bits_in_nats(logits, targets):
    return -np.mean(_log_softmax(logits)[np.arange(len(targets)), targets])


def bits_summed(logits, targets):
    return -np.sum(_log_softmax(logits)[np.arange(len(targets)), targets]) / np.log(2)


def bits_softmax_over_columns(logits, targets):
    z = logits - logits.max(axis=0)
    log_p = z - np.log(np.exp(z).sum(axis=0))
    return -np.mean(log_p[np.arange(len(targets)), targets]) / np.log(2)


def bits_from_the_logits(logits, targets):
    return -np.mean(logits[np.arange(len(targets)), targets]) / np.log(2)


def bits_without_the_minus(logits, targets):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return np.mean(np.log2(p[np.arange(len(targets)), targets]))


def bits_of_a_block(logits, targets):
    log_p = _log_softmax(logits)
    return -np.mean(log_p[:, targets]) / np.log(2)


def bits_without_max(logits, targets):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return -np.mean(np.log2(p[np.arange(len(targets)), targets]))


def test_the_quiz_answers():
    to_zero, uniform = QUESTIONS["temperature_to_zero"], QUESTIONS["uniform_bits"]
    assert to_zero.is_right(to_zero.canonical("b")) and not to_zero.is_right(to_zero.canonical("a"))
    assert all(to_zero.feedback_for(to_zero.canonical(letter)) for letter in "acd")
    assert uniform.is_right(uniform.canonical(math.log2(64))) and uniform.is_right(uniform.canonical(6))
    assert "nats" in uniform.feedback_for(uniform.canonical(math.log(64)))
    assert not uniform.is_right(uniform.canonical(64))


# =================================================================================================
# The language model of your own: rnn_forward, softmax_cross_entropy, rnn_backward, clip_gradients,
# adagrad_update, train_step, sample, train. Right answers and slips are written out here as a learner
# would write them (not taken from the bank's slip functions), and judged through the bank.
# =================================================================================================
from compare import assert_close  # noqa: E402

from coursekit.checks.text_generation import rule_streams  # noqa: E402
from coursekit.nn.char_rnn import stream_loss  # noqa: E402

MODEL_QUESTIONS = [
    "rnn_forward",
    "softmax_cross_entropy",
    "rnn_backward",
    "clip_gradients",
    "adagrad_update",
    "train_step",
    "sample",
    "train",
]


def rnn_forward(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    h, hs = h0, []
    for t in range(x_ids.shape[1]):
        h = np.tanh(W_xh[:, x_ids[:, t]].T + h @ W_hh.T + b_h)
        hs.append(h)
    hs = np.stack(hs, axis=1)
    return hs @ W_hy.T + b_y, hs


def softmax_cross_entropy(logits, targets):
    N, T, V = logits.shape
    z = logits - logits.max(axis=-1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)
    onehot = np.eye(V)[targets]
    loss = -np.sum(onehot * (z - np.log(np.exp(z).sum(axis=-1, keepdims=True)))) / (N * T)
    return loss, (p - onehot) / (N * T)


def rnn_backward(dlogits, x_ids, h0, hs, W_hh, W_hy):
    N, T, H = hs.shape
    V = W_hy.shape[0]
    dW_xh, dW_hh, db_h = np.zeros((H, V)), np.zeros((H, H)), np.zeros(H)
    dW_hy, db_y = np.zeros((V, H)), np.zeros(V)
    dh_next = np.zeros((N, H))
    for t in reversed(range(T)):
        dW_hy += dlogits[:, t].T @ hs[:, t]
        db_y += dlogits[:, t].sum(axis=0)
        dh = dlogits[:, t] @ W_hy + dh_next
        da = dh * (1 - hs[:, t] ** 2)
        h_prev = hs[:, t - 1] if t > 0 else h0
        dW_hh += da.T @ h_prev
        np.add.at(dW_xh.T, x_ids[:, t], da)
        db_h += da.sum(axis=0)
        dh_next = da @ W_hh
    return dW_xh, dW_hh, db_h, dW_hy, db_y, dh_next


def clip_gradients(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    grads = [dW_xh, dW_hh, db_h, dW_hy, db_y]
    norm = np.sqrt(sum((g**2).sum() for g in grads))
    scale = max_norm / norm if norm > max_norm else 1.0
    return tuple(g * scale for g in grads)


def adagrad_update(param, grad, memory, learning_rate):
    memory = memory + grad * grad
    return param - learning_rate * grad / np.sqrt(memory + 1e-8), memory


def train_step(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, learning_rate, max_norm
):
    logits, hs = rnn_forward(x_ids, h, W_xh, W_hh, b_h, W_hy, b_y)
    loss, dlogits = softmax_cross_entropy(logits, y_ids)
    grads = clip_gradients(*rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5], max_norm)
    new = [
        adagrad_update(p, g, m, learning_rate)
        for p, g, m in zip([W_xh, W_hh, b_h, W_hy, b_y], grads, [m_xh, m_hh, m_bh, m_hy, m_by])
    ]
    return (loss, hs[:, -1], *[p for p, _ in new], *[m for _, m in new])


def draw(logits, temperature, u):
    if temperature == 0:
        return int(np.argmax(logits))
    cumulative = np.cumsum(temperature_softmax(logits[None], temperature)[0])
    return int(np.argmax(cumulative > u)) if cumulative[-1] > u else len(cumulative) - 1


def sample(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
    x, ids = int(first_id), []
    for u in uniforms:
        h = np.tanh(W_xh[:, x] + W_hh @ h + b_h)
        x = draw(W_hy @ h + b_y, temperature, u)
        ids.append(x)
    return np.array(ids)


def train(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, steps, window, learning_rate, max_norm):
    params = [W_xh, W_hh, b_h, W_hy, b_y]
    memories = [np.zeros_like(p) for p in params]
    h, s = h0, 0
    for _ in range(int(steps)):
        if s + window + 1 > ids.shape[1]:
            h, s = h0, 0
        _, h, *rest = train_step(
            ids[:, s : s + window],
            ids[:, s + 1 : s + window + 1],
            h,
            *params,
            *memories,
            learning_rate,
            max_norm,
        )
        params, memories = rest[:5], rest[5:]
        s += int(window)
    return tuple(params)


RIGHT = {name: globals()[name] for name in ["temperature_softmax", "bits_per_character", *MODEL_QUESTIONS]}


# ---- slips, as a learner writes them: (question, {function: slipped version}, words the hint must hold) ----
def forward_not_carried(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    hs = [np.tanh(W_xh[:, x_ids[:, t]].T + h0 @ W_hh.T + b_h) for t in range(x_ids.shape[1])]
    hs = np.stack(hs, axis=1)
    return hs @ W_hy.T + b_y, hs


def forward_zero_h0(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    return rnn_forward(x_ids, np.zeros_like(h0), W_xh, W_hh, b_h, W_hy, b_y)


def forward_no_tanh(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    h, hs = h0, []
    for t in range(x_ids.shape[1]):
        h = W_xh[:, x_ids[:, t]].T + h @ W_hh.T + b_h
        hs.append(h)
    hs = np.stack(hs, axis=1)
    return hs @ W_hy.T + b_y, hs


def forward_w_hh_transposed(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    return rnn_forward(x_ids, h0, W_xh, W_hh.T, b_h, W_hy, b_y)


def forward_logits_from_h_prev(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    h, hs, logits = h0, [], []
    for t in range(x_ids.shape[1]):
        logits.append(h @ W_hy.T + b_y)
        h = np.tanh(W_xh[:, x_ids[:, t]].T + h @ W_hh.T + b_h)
        hs.append(h)
    return np.stack(logits, axis=1), np.stack(hs, axis=1)


def forward_without_b_h(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    h, hs = h0, []
    for t in range(x_ids.shape[1]):
        h = np.tanh(W_xh[:, x_ids[:, t]].T + h @ W_hh.T)
        hs.append(h)
    hs = np.stack(hs, axis=1)
    return hs @ W_hy.T + b_y, hs


def forward_without_b_y(x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y):
    h, hs = h0, []
    for t in range(x_ids.shape[1]):
        h = np.tanh(W_xh[:, x_ids[:, t]].T + h @ W_hh.T + b_h)
        hs.append(h)
    hs = np.stack(hs, axis=1)
    return hs @ W_hy.T, hs


def loss_without_max(logits, targets):
    N, T, V = logits.shape
    p = np.exp(logits) / np.exp(logits).sum(axis=-1, keepdims=True)
    onehot = np.eye(V)[targets]
    return -np.sum(onehot * np.log(p)) / (N * T), (p - onehot) / (N * T)


def loss_summed(logits, targets):
    loss, dlogits = softmax_cross_entropy(logits, targets)
    N, T, _ = logits.shape
    return loss * N * T, dlogits * N * T


def loss_in_bits(logits, targets):
    loss, dlogits = softmax_cross_entropy(logits, targets)
    return loss / np.log(2), dlogits


def loss_gradient_not_divided(logits, targets):
    loss, dlogits = softmax_cross_entropy(logits, targets)
    return loss, dlogits * logits.shape[0] * logits.shape[1]


def loss_divided_by_n(logits, targets):
    loss, dlogits = softmax_cross_entropy(logits, targets)
    return loss * logits.shape[1], dlogits * logits.shape[1]


def loss_gradient_sign(logits, targets):
    loss, dlogits = softmax_cross_entropy(logits, targets)
    return loss, -dlogits


def _cross_entropy(logits, targets, loss_by, grad_by, sign=1.0, onehot_in_grad=True):
    """The right lines, with the divisors (and the sign) as the learner typed them."""
    N, T, V = logits.shape
    z = logits - logits.max(axis=-1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    onehot = np.eye(V)[targets]
    loss = -sign * np.sum(onehot * log_p) / loss_by(N, T)
    return loss, (np.exp(log_p) - (onehot if onehot_in_grad else 0)) / grad_by(N, T)


def loss_divided_by_t(logits, targets):
    return _cross_entropy(logits, targets, loss_by=lambda N, T: T, grad_by=lambda N, T: T)


def loss_sign(logits, targets):
    return _cross_entropy(logits, targets, loss_by=lambda N, T: N * T, grad_by=lambda N, T: N * T, sign=-1.0)


def loss_gradient_divided_by_n(logits, targets):
    return _cross_entropy(logits, targets, loss_by=lambda N, T: N * T, grad_by=lambda N, T: N)


def loss_gradient_without_onehot(logits, targets):
    return _cross_entropy(
        logits, targets, loss_by=lambda N, T: N * T, grad_by=lambda N, T: N * T, onehot_in_grad=False
    )


def _backward(
    dlogits,
    x_ids,
    h0,
    hs,
    W_hh,
    W_hy,
    derivative=lambda h: 1 - h**2,
    carry=True,
    prev="h_prev",
    order="backward",
    back=lambda W: W,
    xh="add.at",
    db_axes=0,
):
    """The right loop with one knob turned, as a learner's code differs from the right one in one line."""
    N, T, H = hs.shape
    V = W_hy.shape[0]
    dW_xh, dW_hh, db_h = np.zeros((H, V)), np.zeros((H, H)), np.zeros(H) if db_axes == 0 else np.zeros((N, H))
    dW_hy, db_y = np.zeros((V, H)), np.zeros(V)
    dh_next = np.zeros((N, H))
    for t in reversed(range(T)) if order == "backward" else range(T):
        dW_hy += dlogits[:, t].T @ hs[:, t]
        db_y += dlogits[:, t].sum(axis=0)
        da = (dlogits[:, t] @ W_hy + (dh_next if carry else 0)) * derivative(hs[:, t])
        h_prev = hs[:, t] if prev == "h_t" else (hs[:, t - 1] if t > 0 else h0)
        dW_hh += da.T @ h_prev
        if xh == "add.at":
            np.add.at(dW_xh.T, x_ids[:, t], da)
        else:
            dW_xh[:, x_ids[:, t]] += da.T
        db_h += da.sum(axis=db_axes) if db_axes == 0 else da
        dh_next = da @ back(W_hh)
    return dW_xh, dW_hh, db_h, dW_hy, db_y, dh_next


def backward_no_tanh_derivative(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, derivative=lambda h: 1.0)


def backward_derivative_one_minus_h(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, derivative=lambda h: 1 - h)


def backward_no_carry(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, carry=False)


def backward_h_t_in_dW_hh(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, prev="h_t")


def backward_forward_loop(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, order="forward")


def backward_fancy_index_add(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, xh="fancy")


def backward_db_not_summed_over_batch(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, db_axes=1)


def backward_w_hh_transposed(dlogits, x_ids, h0, hs, W_hh, W_hy):
    return _backward(dlogits, x_ids, h0, hs, W_hh, W_hy, back=lambda W: W.T)


def clip_each_array(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    return tuple(g * min(1.0, max_norm / np.linalg.norm(g)) for g in (dW_xh, dW_hh, db_h, dW_hy, db_y))


def clip_always(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    grads = [dW_xh, dW_hh, db_h, dW_hy, db_y]
    norm = np.sqrt(sum((g**2).sum() for g in grads))
    return tuple(g * max_norm / norm for g in grads)


def clip_without_root(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    grads = [dW_xh, dW_hh, db_h, dW_hy, db_y]
    norm = sum((g**2).sum() for g in grads)
    return tuple(g * (max_norm / norm if norm > max_norm else 1.0) for g in grads)


def clip_by_value(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    return tuple(np.clip(g, -max_norm, max_norm) for g in (dW_xh, dW_hh, db_h, dW_hy, db_y))


def clip_upside_down(dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm):
    grads = [dW_xh, dW_hh, db_h, dW_hy, db_y]
    norm = np.sqrt(sum((g**2).sum() for g in grads))
    scale = norm / max_norm if norm > max_norm else 1.0
    return tuple(g * scale for g in grads)


def adagrad_not_accumulated(param, grad, memory, learning_rate):
    memory = grad**2
    return param - learning_rate * grad / np.sqrt(memory + 1e-8), memory


def adagrad_no_root(param, grad, memory, learning_rate):
    memory = memory + grad**2
    return param - learning_rate * grad / (memory + 1e-8), memory


def adagrad_epsilon_outside(param, grad, memory, learning_rate):
    memory = memory + grad**2
    return param - learning_rate * grad / (np.sqrt(memory) + 1e-8), memory


def adagrad_uphill(param, grad, memory, learning_rate):
    memory = memory + grad**2
    return param + learning_rate * grad / np.sqrt(memory + 1e-8), memory


def adagrad_old_memory(param, grad, memory, learning_rate):
    new_param = param - learning_rate * grad / np.sqrt(memory + 1e-8)
    return new_param, memory + grad**2


def adagrad_memory_not_returned(param, grad, memory, learning_rate):
    new_memory = memory + grad**2
    return param - learning_rate * grad / np.sqrt(new_memory + 1e-8), memory


def adagrad_in_place(param, grad, memory, learning_rate):  # min-char-rnn's own lines, which change the inputs
    memory += grad * grad
    param -= learning_rate * grad / np.sqrt(memory + 1e-8)
    return param, memory


def step_not_carried(x_ids, y_ids, h, *rest):
    loss, _, *new = train_step(x_ids, y_ids, h, *rest)
    return (loss, h, *new)


def step_first_state(x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, lr, max_norm):
    logits, hs = rnn_forward(x_ids, h, W_xh, W_hh, b_h, W_hy, b_y)
    loss, dlogits = softmax_cross_entropy(logits, y_ids)
    grads = clip_gradients(*rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5], max_norm)
    new = [
        adagrad_update(p, g, m, lr)
        for p, g, m in zip([W_xh, W_hh, b_h, W_hy, b_y], grads, [m_xh, m_hh, m_bh, m_hy, m_by])
    ]
    return (loss, hs[:, 0], *[p for p, _ in new], *[m for _, m in new])


def step_without_clipping(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, lr, max_norm
):
    logits, hs = rnn_forward(x_ids, h, W_xh, W_hh, b_h, W_hy, b_y)
    loss, dlogits = softmax_cross_entropy(logits, y_ids)
    grads = rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5]
    new = [
        adagrad_update(p, g, m, lr)
        for p, g, m in zip([W_xh, W_hh, b_h, W_hy, b_y], grads, [m_xh, m_hh, m_bh, m_hy, m_by])
    ]
    return (loss, hs[:, -1], *[p for p, _ in new], *[m for _, m in new])


def step_clipping_each_array(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, lr, max_norm
):
    logits, hs = rnn_forward(x_ids, h, W_xh, W_hh, b_h, W_hy, b_y)
    loss, dlogits = softmax_cross_entropy(logits, y_ids)
    grads = clip_each_array(*rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5], max_norm)
    new = [
        adagrad_update(p, g, m, lr)
        for p, g, m in zip([W_xh, W_hh, b_h, W_hy, b_y], grads, [m_xh, m_hh, m_bh, m_hy, m_by])
    ]
    return (loss, hs[:, -1], *[p for p, _ in new], *[m for _, m in new])


def step_loss_after_update(x_ids, y_ids, h, *rest):
    _, h_last, *new = train_step(x_ids, y_ids, h, *rest)
    return (softmax_cross_entropy(rnn_forward(x_ids, h, *new[:5])[0], y_ids)[0], h_last, *new)


def step_memories_not_returned(x_ids, y_ids, h, *rest):
    loss, h_last, *new = train_step(x_ids, y_ids, h, *rest)
    return (loss, h_last, *new[:5], *rest[5:10])


def step_with_an_uphill_adagrad(
    x_ids, y_ids, h, W_xh, W_hh, b_h, W_hy, b_y, m_xh, m_hh, m_bh, m_hy, m_by, lr, max_norm
):  # right itself, but built on a wrong block
    logits, hs = rnn_forward(x_ids, h, W_xh, W_hh, b_h, W_hy, b_y)
    loss, dlogits = softmax_cross_entropy(logits, y_ids)
    grads = clip_gradients(*rnn_backward(dlogits, x_ids, h, hs, W_hh, W_hy)[:5], max_norm)
    new = [
        adagrad_uphill(p, g, m, lr)
        for p, g, m in zip([W_xh, W_hh, b_h, W_hy, b_y], grads, [m_xh, m_hh, m_bh, m_hy, m_by])
    ]
    return (loss, hs[:, -1], *[p for p, _ in new], *[m for _, m in new])


def _sampler(feed_back=True, carry=True, first_included=False, probabilities=None, pick=None, greedy=False):
    """The right sampling loop with one knob turned."""

    def slipped(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
        x, state, ids = int(first_id), h, []
        for u in uniforms:
            state = np.tanh(W_xh[:, x if feed_back else int(first_id)] + W_hh @ (state if carry else h) + b_h)
            logits = W_hy @ state + b_y
            if greedy or (temperature == 0 and probabilities is None):
                nxt = int(np.argmax(logits))
            else:
                p = (probabilities or (lambda z, T: temperature_softmax(z[None], T)[0]))(logits, temperature)
                nxt = (pick or (lambda p, u: int(np.searchsorted(np.cumsum(p), u, side="right"))))(p, u)
            x = nxt
            ids.append(nxt)
        return np.array([int(first_id)] + ids[:-1] if first_included else ids)

    return slipped


def sample_logits_before_the_step(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
    x, ids = int(first_id), []
    for u in uniforms:
        logits = W_hy @ h + b_y
        h = np.tanh(W_xh[:, x] + W_hh @ h + b_h)
        x = draw(logits, temperature, u)
        ids.append(x)
    return np.array(ids)


def _naive_softmax(z, T):
    e = np.exp(z / T)
    return e / e.sum()


SLIPS = [  # (name, question, {function: the slipped version}, words the hint must hold)
    (
        "softmax: times T",
        "temperature_softmax",
        {"temperature_softmax": softmax_times_temperature},
        "the logits were multiplied by the temperature",
    ),
    (
        "softmax: no max subtracted",
        "temperature_softmax",
        {"temperature_softmax": softmax_without_max},
        "subtract each row's maximum from z / T",
    ),
    (
        "softmax: over the columns",
        "temperature_softmax",
        {"temperature_softmax": softmax_over_columns},
        "the softmax normalises over the wrong axis",
    ),
    (
        "softmax: T ignored",
        "temperature_softmax",
        {"temperature_softmax": softmax_ignoring_temperature},
        "the temperature is not used",
    ),
    (
        "softmax: T after the softmax",
        "temperature_softmax",
        {"temperature_softmax": softmax_then_temperature},
        "the temperature was applied after the softmax",
    ),
    (
        "softmax: p ** (1 / T)",
        "temperature_softmax",
        {"temperature_softmax": softmax_then_power},
        "raised to the power 1/T but not normalised again",
    ),
    (
        "softmax: e.sum()",
        "temperature_softmax",
        {"temperature_softmax": softmax_summing_everything},
        "the sum runs over the whole array",
    ),
    ("bits: nats", "bits_per_character", {"bits_per_character": bits_in_nats}, "that is in nats"),
    ("bits: summed", "bits_per_character", {"bits_per_character": bits_summed}, "summed over the characters"),
    (
        "bits: softmax over the columns",
        "bits_per_character",
        {"bits_per_character": bits_softmax_over_columns},
        "the softmax normalises over the wrong axis",
    ),
    (
        "bits: logits as log-probabilities",
        "bits_per_character",
        {"bits_per_character": bits_from_the_logits},
        "used as log-probabilities without a softmax",
    ),
    (
        "bits: no minus",
        "bits_per_character",
        {"bits_per_character": bits_without_the_minus},
        "the sign is missing",
    ),
    (
        "bits: log_p[:, targets]",
        "bits_per_character",
        {"bits_per_character": bits_of_a_block},
        "picks an (N, N) block",
    ),
    (
        "bits: no max subtracted",
        "bits_per_character",
        {"bits_per_character": bits_without_max},
        "subtract each row's maximum from the logits",
    ),
    ("forward: no b_h", "rnn_forward", {"rnn_forward": forward_without_b_h}, "b_h is missing"),
    ("forward: no b_y", "rnn_forward", {"rnn_forward": forward_without_b_y}, "b_y is missing"),
    (
        "loss: divided by T",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_divided_by_t},
        "divided by T only",
    ),
    ("loss: sign", "softmax_cross_entropy", {"softmax_cross_entropy": loss_sign}, "the loss is -log p"),
    (
        "loss: gradient divided by N",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_gradient_divided_by_n},
        "dlogits is divided by N only",
    ),
    (
        "loss: gradient without the one-hot",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_gradient_without_onehot},
        "dlogits is missing the one-hot",
    ),
    ("backward: 1 - h", "rnn_backward", {"rnn_backward": backward_derivative_one_minus_h}, "not 1 - h_t"),
    ("clip: by value", "clip_gradients", {"clip_gradients": clip_by_value}, "clipping by value"),
    (
        "clip: factor upside down",
        "clip_gradients",
        {"clip_gradients": clip_upside_down},
        "the factor is upside down",
    ),
    (
        "adagrad: memory not returned",
        "adagrad_update",
        {"adagrad_update": adagrad_memory_not_returned},
        "the memory is returned unchanged",
    ),
    (
        "train_step: first state",
        "train_step",
        {"train_step": step_first_state},
        "h_last is the state after the window's first step",
    ),
    (
        "sample: logits before the step",
        "sample",
        {"sample": sample_logits_before_the_step},
        "the logits were taken before reading the character",
    ),
    (
        "forward: state not carried",
        "rnn_forward",
        {"rnn_forward": forward_not_carried},
        "every step starts from h0",
    ),
    ("forward: h0 ignored", "rnn_forward", {"rnn_forward": forward_zero_h0}, "h0 is ignored"),
    ("forward: no tanh", "rnn_forward", {"rnn_forward": forward_no_tanh}, "tanh is missing"),
    (
        "forward: W_hh transposed",
        "rnn_forward",
        {"rnn_forward": forward_w_hh_transposed},
        "W_hh is transposed",
    ),
    (
        "forward: logits from h_{t-1}",
        "rnn_forward",
        {"rnn_forward": forward_logits_from_h_prev},
        "the logits come from the state before the step",
    ),
    (
        "loss: no max subtracted",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_without_max},
        "subtract each prediction's largest logit",
    ),
    (
        "loss: summed",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_summed},
        "the loss is the sum over the N*T predictions",
    ),
    ("loss: log2", "softmax_cross_entropy", {"softmax_cross_entropy": loss_in_bits}, "that is in bits"),
    (
        "loss: gradient not divided",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_gradient_not_divided},
        "dlogits is not divided by N*T",
    ),
    (
        "loss: divided by N",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_divided_by_n},
        "divided by N only",
    ),
    (
        "loss: gradient sign",
        "softmax_cross_entropy",
        {"softmax_cross_entropy": loss_gradient_sign},
        "dlogits has the wrong sign",
    ),
    (
        "backward: no tanh derivative",
        "rnn_backward",
        {"rnn_backward": backward_no_tanh_derivative},
        "the derivative of tanh is missing",
    ),
    (
        "backward: later step not added",
        "rnn_backward",
        {"rnn_backward": backward_no_carry},
        "the gradient from the later step is not added",
    ),
    (
        "backward: h_t in dW_hh",
        "rnn_backward",
        {"rnn_backward": backward_h_t_in_dW_hh},
        "dW_hh takes h_{t-1}",
    ),
    (
        "backward: forward loop",
        "rnn_backward",
        {"rnn_backward": backward_forward_loop},
        "the loop runs forward in time",
    ),
    (
        "backward: dW_xh[:, x] += da.T",
        "rnn_backward",
        {"rnn_backward": backward_fancy_index_add},
        "adds only once",
    ),
    (
        "backward: db over time only",
        "rnn_backward",
        {"rnn_backward": backward_db_not_summed_over_batch},
        "summed over time but not over the batch",
    ),
    (
        "backward: W_hh.T going back",
        "rnn_backward",
        {"rnn_backward": backward_w_hh_transposed},
        "is da_t @ W_hh",
    ),
    ("clip: per array", "clip_gradients", {"clip_gradients": clip_each_array}, "clipped by its own norm"),
    ("clip: always scaled", "clip_gradients", {"clip_gradients": clip_always}, "scaled up to max_norm"),
    ("clip: no root", "clip_gradients", {"clip_gradients": clip_without_root}, "missing its square root"),
    (
        "adagrad: memory not accumulated",
        "adagrad_update",
        {"adagrad_update": adagrad_not_accumulated},
        "the memory is not accumulated",
    ),
    ("adagrad: no root", "adagrad_update", {"adagrad_update": adagrad_no_root}, "the square root is missing"),
    (
        "adagrad: epsilon outside",
        "adagrad_update",
        {"adagrad_update": adagrad_epsilon_outside},
        "the epsilon is outside the square root",
    ),
    ("adagrad: sign", "adagrad_update", {"adagrad_update": adagrad_uphill}, "goes uphill"),
    (
        "adagrad: old memory",
        "adagrad_update",
        {"adagrad_update": adagrad_old_memory},
        "the old memory is in the denominator",
    ),
    ("adagrad: in place", "adagrad_update", {"adagrad_update": adagrad_in_place}, "in place"),
    (
        "train_step: state not carried",
        "train_step",
        {"train_step": step_not_carried},
        "h_last is the state the window started from",
    ),
    (
        "train_step: no clipping",
        "train_step",
        {"train_step": step_without_clipping},
        "the gradients were not clipped",
    ),
    (
        "train_step: clip per array",
        "train_step",
        {"train_step": step_clipping_each_array},
        "each gradient was clipped by its own norm",
    ),
    (
        "train_step: loss after the update",
        "train_step",
        {"train_step": step_loss_after_update},
        "the loss was computed after the update",
    ),
    (
        "train_step: old memories",
        "train_step",
        {"train_step": step_memories_not_returned},
        "memories are returned unchanged",
    ),
    (
        "train_step: a wrong block",
        "train_step",
        {"train_step": step_with_an_uphill_adagrad},
        "built from your functions of parts 3 to 7",
    ),
    (
        "sample: id not fed back",
        "sample",
        {"sample": _sampler(feed_back=False)},
        "every step reads first_id again",
    ),
    (
        "sample: state not carried",
        "sample",
        {"sample": _sampler(carry=False)},
        "every step starts from the given h",
    ),
    (
        "sample: first id included",
        "sample",
        {"sample": _sampler(first_included=True)},
        "the output starts with first_id",
    ),
    (
        "sample: temperature after the softmax",
        "sample",
        {"sample": _sampler(probabilities=lambda z, T: temperature_softmax(z[None], 1.0)[0] / T)},
        "the temperature was applied after the softmax",
    ),
    (
        "sample: no max, searchsorted",
        "sample",
        {"sample": _sampler(probabilities=_naive_softmax)},
        "the softmax overflowed at a low temperature",
    ),
    (
        "sample: no max, argmax",
        "sample",
        {
            "sample": _sampler(
                probabilities=_naive_softmax, pick=lambda p, u: int(np.argmax(np.cumsum(p) > u))
            )
        },
        "the softmax overflowed at a low temperature",
    ),
    (
        "sample: not cumulative",
        "sample",
        {"sample": _sampler(pick=lambda p, u: int(np.argmax(p > u)))},
        "not with their running sum",
    ),
    (
        "sample: always greedy",
        "sample",
        {"sample": _sampler(greedy=True)},
        "the most likely id was taken at every temperature",
    ),
    (
        "sample: NaN at T = 0",
        "sample",  # no case for T = 0: numpy divides by 0 into inf, then NaN
        {"sample": _sampler(probabilities=lambda z, T: temperature_softmax(z[None], T)[0])},
        "at temperature 0 the logits were divided by 0",
    ),
    (
        "sample: crash at T = 0",
        "sample",  # 1 / 0.0 in Python raises
        {
            "sample": _sampler(
                probabilities=lambda z, T: temperature_softmax(z[None] * (1.0 / float(T)), 1.0)[0]
            )
        },
        "raised ZeroDivisionError",
    ),
]
SLIP_IDS = [name for name, *_ in SLIPS]
# for tests/test_slip_coverage.py: (grade_id, name, the learner's whole namespace, words), every slip but train's
WRITTEN_SLIPS = [
    (grade_id, name, {**RIGHT, **overrides}, words) for name, grade_id, overrides, words in SLIPS
]


def _verdict(grade_id, overrides, cases):
    question = QUESTIONS[grade_id]
    namespace = {**RIGHT, **overrides}
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)  # the overflows some slips are about
        return question.check_cases(namespace, cases)


def test_the_bank_holds_every_question_of_the_notebook_with_its_points():
    points = {gid: QUESTIONS[gid].points for gid in MODEL_QUESTIONS}
    assert points == {
        "rnn_forward": 3,
        "softmax_cross_entropy": 2,
        "rnn_backward": 4,
        "clip_gradients": 1,
        "adagrad_update": 1,
        "train_step": 2,
        "sample": 3,
        "train": 3,
    }
    assert sum(q.points for q in QUESTIONS.values()) == 25


@pytest.mark.parametrize("grade_id", MODEL_QUESTIONS)
@pytest.mark.parametrize("seed", [0, 12345])
def test_right_answers_pass_the_public_and_hidden_cases(grade_id, seed):
    question = QUESTIONS[grade_id]
    assert _verdict(grade_id, {}, question.public_cases()).status == PASSED
    assert _verdict(grade_id, {}, question.hidden_cases(seed)).status == PASSED


def clip_like_torch(
    dW_xh, dW_hh, db_h, dW_hy, db_y, max_norm
):  # torch's clip_grad_norm_ adds 1e-6 to the norm
    grads = [dW_xh, dW_hh, db_h, dW_hy, db_y]
    norm = np.sqrt(sum(np.sum(g * g) for g in grads))
    return tuple(g * min(1.0, float(max_norm) / (norm + 1e-6)) for g in grads)


def forward_with_one_hot_vectors(
    x_ids, h0, W_xh, W_hh, b_h, W_hy, b_y
):  # the textbook form: W_xh @ onehot(x)
    onehot = np.eye(W_xh.shape[1])[x_ids]  # (N, T, V)
    h, hs = h0, []
    for t in range(x_ids.shape[1]):
        h = np.tanh(onehot[:, t] @ W_xh.T + h @ W_hh.T + b_h)
        hs.append(h)
    hs = np.stack(hs, axis=1)
    return np.einsum("nth,vh->ntv", hs, W_hy) + b_y, hs


def sample_by_searchsorted(h, first_id, W_xh, W_hh, b_h, W_hy, b_y, temperature, uniforms):
    ids, x = np.zeros(len(uniforms), dtype=int), int(first_id)
    for k in range(len(uniforms)):
        h = np.tanh(W_xh[:, x] + h @ W_hh.T + b_h)
        logits = h @ W_hy.T + b_y
        if float(temperature) > 0:
            z = logits / float(temperature)
            p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
            x = min(np.searchsorted(np.cumsum(p), uniforms[k], side="right"), len(p) - 1)
        else:
            x = np.argmax(logits)
        ids[k] = x
    return ids


@pytest.mark.parametrize(
    "grade_id, function",
    [
        ("clip_gradients", clip_like_torch),
        ("rnn_forward", forward_with_one_hot_vectors),
        ("sample", sample_by_searchsorted),
    ],
)
@pytest.mark.parametrize("seed", [0, 12345])
def test_other_right_ways_pass_too(grade_id, function, seed):
    question = QUESTIONS[grade_id]
    for cases in (question.public_cases(), question.hidden_cases(seed)):
        assert _verdict(grade_id, {grade_id: function}, cases).status == PASSED


@pytest.mark.parametrize("grade_id", [g for g in MODEL_QUESTIONS if g != "train"])
def test_public_cases_vary_every_dimension(grade_id):
    """N, T, V and H all different and above 1 in every public case, so that a swapped axis shows."""
    for case in QUESTIONS[grade_id].public_cases():
        inputs = case.inputs
        sizes = {}
        if "x_ids" in inputs:
            sizes["N"], sizes["T"] = inputs["x_ids"].shape
        if "logits" in inputs:
            sizes["N"], sizes["T"], sizes["V"] = inputs["logits"].shape
        for name, axes in (
            ("W_xh", "HV"),
            ("dW_xh", "HV"),
            ("hs", "NTH"),
            ("dlogits", "NTV"),
            ("uniforms", "n"),
        ):
            if name in inputs:
                sizes.update(zip(axes, inputs[name].shape))
        values = [v for k, v in sizes.items() if k != "n"]
        assert all(v > 1 for v in sizes.values()) and len(set(values)) == len(values), (case.label, sizes)


@pytest.mark.parametrize("name, grade_id, overrides, words", SLIPS, ids=SLIP_IDS)
def test_each_slip_fails_the_public_checks_with_its_hint(name, grade_id, overrides, words):
    verdict = _verdict(grade_id, overrides, QUESTIONS[grade_id].public_cases())
    assert verdict.status == FAILED and words in verdict.message, verdict.message


@pytest.mark.parametrize("name, grade_id, overrides, words", SLIPS, ids=SLIP_IDS)
@pytest.mark.parametrize("seed", [0, 12345, 2**55 + 3])
def test_each_slip_gets_the_same_verdict_on_the_hidden_cases(name, grade_id, overrides, words, seed):
    """What check() says in the notebook predicts the grade: a slip that fails publicly fails hidden too."""
    question = QUESTIONS[grade_id]
    public = _verdict(grade_id, overrides, question.public_cases())
    hidden = _verdict(grade_id, overrides, question.hidden_cases(seed))
    assert public.status == hidden.status == FAILED, hidden.message


# ---- the references against independent oracles ----------------------------------------------------
def cases_of(grade_id):
    question = QUESTIONS[grade_id]
    return question.public_cases() + question.hidden_cases(0) + question.hidden_cases(99)


def test_the_forward_reference_is_torchs_rnn_on_one_hot_inputs():
    for case in cases_of("rnn_forward"):
        m = case.inputs
        V = m["W_xh"].shape[1]
        rnn = torch.nn.RNN(V, m["W_hh"].shape[0], batch_first=True).double()
        with torch.no_grad():
            for name, value in (
                ("weight_ih_l0", m["W_xh"]),
                ("weight_hh_l0", m["W_hh"]),
                ("bias_ih_l0", m["b_h"]),
            ):
                getattr(rnn, name).copy_(torch.from_numpy(value))
            rnn.bias_hh_l0.zero_()
            hs, _ = rnn(
                torch.nn.functional.one_hot(torch.from_numpy(m["x_ids"]), V).double(),
                torch.from_numpy(m["h0"])[None],
            )
        logits, got_hs = QUESTIONS["rnn_forward"].reference(**m)
        assert_close(got_hs, hs.numpy(), 1e-12)
        assert_close(logits, hs.numpy() @ m["W_hy"].T + m["b_y"], 1e-12)


def test_the_loss_reference_is_torch_autograd_on_cross_entropy():
    for case in cases_of("softmax_cross_entropy"):
        logits, targets = case.inputs["logits"], case.inputs["targets"]
        z = torch.tensor(logits, requires_grad=True)
        loss = torch.nn.functional.cross_entropy(
            z.reshape(-1, z.shape[-1]), torch.from_numpy(targets).reshape(-1)
        )
        loss.backward()
        got_loss, got_grad = QUESTIONS["softmax_cross_entropy"].reference(**case.inputs)
        assert float(got_loss) == pytest.approx(loss.item(), rel=1e-12)
        assert_close(got_grad, z.grad.numpy(), 1e-12)


def test_the_backward_reference_is_torch_autograd_through_the_window():
    """A case holds the states, not W_xh and b_h: torch recomputes the same states from leaves W_xh = 0, b_h = 0,
    b_y = 0 plus the input term the states imply (a constant), which gives every gradient of the window."""
    names = ("W_xh", "W_hh", "b_h", "W_hy", "b_y", "h0")
    for case in cases_of("rnn_backward"):
        m = case.inputs
        (_, T, H), V = m["hs"].shape, m["W_hy"].shape[0]
        hs = torch.from_numpy(m["hs"])
        h_prev = torch.cat([torch.from_numpy(m["h0"])[:, None], hs[:, :-1]], dim=1)
        drive = torch.atanh(hs) - h_prev @ torch.from_numpy(m["W_hh"]).T  # = W_xh[:, x_t].T + b_h of the case
        leaves = {
            "W_xh": torch.zeros(H, V, dtype=torch.float64, requires_grad=True),
            "b_h": torch.zeros(H, dtype=torch.float64, requires_grad=True),
            "b_y": torch.zeros(V, dtype=torch.float64, requires_grad=True),
        }
        leaves |= {k: torch.tensor(m[k], requires_grad=True) for k in ("W_hh", "W_hy", "h0")}
        onehot = torch.nn.functional.one_hot(torch.from_numpy(m["x_ids"]), V).double()
        h, states = leaves["h0"], []
        for t in range(T):
            h = torch.tanh(
                drive[:, t] + onehot[:, t] @ leaves["W_xh"].T + leaves["b_h"] + h @ leaves["W_hh"].T
            )
            states.append(h)
        logits = torch.stack(states, dim=1) @ leaves["W_hy"].T + leaves["b_y"]
        assert torch.allclose(torch.stack(states, dim=1), hs, rtol=0, atol=1e-10)  # the case's own states
        (logits * torch.from_numpy(m["dlogits"])).sum().backward()
        for name, got in zip(names, QUESTIONS["rnn_backward"].reference(**m)):
            assert_close(got, leaves[name].grad.numpy(), 1e-8, (case.label, name))


def test_the_sample_reference_by_hand_on_a_fixed_distribution():
    # state always 0 (zero weights), so the probabilities are softmax(b_y) at every step
    probabilities = np.array([0.1, 0.6, 0.3])
    inputs = {
        "h": np.zeros(2),
        "first_id": np.array(0),
        "W_xh": np.zeros((2, 3)),
        "W_hh": np.zeros((2, 2)),
        "b_h": np.zeros(2),
        "W_hy": np.zeros((3, 2)),
        "b_y": np.log(probabilities),
        "temperature": np.array(1.0),
        "uniforms": np.array([0.05, 0.15, 0.65, 0.75, 0.95]),
    }
    assert QUESTIONS["sample"].reference(**inputs)[0].tolist() == [0, 1, 1, 2, 2]  # cumulative 0.1, 0.7, 1.0


def test_the_train_judge_needs_real_training():
    """Returning the inputs fails, garbage fails, learning only how common each id is (the biases) fails;
    the reference trainer passes with a wide margin on every case."""
    question = QUESTIONS["train"]
    case = question.public_cases()[0]
    names = ("W_xh", "W_hh", "b_h", "W_hy", "b_y")

    def returns_inputs(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, *settings):
        return W_xh.copy(), W_hh.copy(), b_h.copy(), W_hy.copy(), b_y.copy()

    def garbage(ids, h0, *params_and_settings):
        rng = np.random.default_rng(0)
        return tuple(rng.standard_normal(p.shape) for p in params_and_settings[:5])

    def biases_only(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, *settings):
        frequencies = np.bincount(ids[:, 1:].ravel(), minlength=len(b_y)) / ids[:, 1:].size
        return W_xh.copy(), W_hh.copy(), b_h.copy(), W_hy.copy(), np.log(frequencies)

    def not_carrying_the_parameters(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, steps, window, lr, max_norm):
        params, memories = (
            [W_xh, W_hh, b_h, W_hy, b_y],
            [np.zeros_like(p) for p in (W_xh, W_hh, b_h, W_hy, b_y)],
        )
        for s in range(0, int(steps)):
            start = (s * int(window)) % (ids.shape[1] - int(window) - 1)
            _, _, *new = train_step(
                ids[:, start : start + window],
                ids[:, start + 1 : start + window + 1],
                h0,
                *params,
                *memories,
                lr,
                max_norm,
            )
        return tuple(new[:5])

    def in_place(ids, h0, W_xh, W_hh, b_h, W_hy, b_y, *settings):
        b_y += 1.0
        return W_xh, W_hh, b_h, W_hy, b_y

    for wrong, words in (
        (returns_inputs, "came back unchanged"),
        (garbage, "did not fall"),
        (biases_only, "did not fall"),
        (not_carrying_the_parameters, "did not fall"),
        (in_place, "changed its input `b_y` in place"),
    ):
        verdict = question.check_cases({"train": wrong}, [case])
        assert verdict.status == FAILED and words in verdict.message, (wrong.__name__, verdict.message)
        assert question.check_cases({"train": wrong}, question.hidden_cases(3)).status == FAILED
    for case in cases_of("train"):
        inputs = case.inputs
        before = stream_loss(inputs["ids"], inputs["h0"], *(inputs[k] for k in names))
        after = stream_loss(inputs["ids"], inputs["h0"], *question.reference(**inputs))
        assert after < before - 3 * question.margin, case.label  # the reference is far past the bar


def test_the_train_judge_shows_its_measurements_only_where_values_may_be_shown():
    question = QUESTIONS["train"]
    case = question.hidden_cases(1)[0]
    run = question.run({"train": lambda ids, h0, *rest: tuple(p.copy() for p in rest[:5])}, case)
    assert "(from 2." in question.judge(case, run, reveal=True).message
    hidden = question.judge(case, run, reveal=False).message
    assert "did not fall by 0.5 nats" in hidden and "from" not in hidden


def test_rule_streams_make_every_id_equally_common_but_predictable():
    ids = rule_streams(0, 12, 4, 5_000)
    counts = np.bincount(ids.ravel(), minlength=12) / ids.size
    assert np.all(np.abs(counts - 1 / 12) < 0.01)  # the biases alone learn next to nothing
    follows = [
        np.bincount(ids[:, 1:][ids[:, :-1] == c], minlength=12).max() / np.sum(ids[:, :-1] == c)
        for c in range(12)
    ]
    assert np.all(
        np.abs(np.array(follows) - (0.8 + 0.2 / 12)) < 0.03
    )  # one successor 80 % of the time, plus chance
