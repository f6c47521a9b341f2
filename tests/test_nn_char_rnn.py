"""coursekit.nn.char_rnn, the reference of exercise 11, against oracles that share none of its code:
torch (nn.RNN on one-hot inputs, autograd in float64, cross_entropy, clip_grad_norm_), central finite
differences, and values worked out by hand."""

import math

import numpy as np
import pytest
import torch
from compare import assert_close, central_differences

from coursekit.nn.char_rnn import (
    ADAGRAD_EPSILON,
    adagrad_update,
    char_rnn_backward,
    char_rnn_forward,
    clip_gradients,
    cross_entropy,
    sample,
    stream_loss,
    train,
    train_step,
)

N, T, V, H = 3, 5, 7, 4  # all different, so that a transposed or swapped axis shows


def model(seed=0, N=N, T=T, V=V, H=H, scale=1.0):
    rng = np.random.default_rng(seed)
    return {
        "x_ids": rng.integers(0, V, (N, T)),
        "h0": np.tanh(rng.standard_normal((N, H))),
        "W_xh": rng.standard_normal((H, V)) * scale,
        "W_hh": rng.standard_normal((H, H)) * scale / 2,
        "b_h": rng.standard_normal(H) * 0.3,
        "W_hy": rng.standard_normal((V, H)) * scale,
        "b_y": rng.standard_normal(V) * 0.3,
    }


def torch_forward(m, requires_grad=False):
    """torch.nn.RNN fed one-hot vectors, and a Linear read-out: (logits, hs, h_n, the tensors by name)."""
    t = {
        k: torch.tensor(v, dtype=torch.float64, requires_grad=requires_grad and k != "x_ids")
        for k, v in m.items()
        if k != "x_ids"
    }
    rnn = torch.nn.RNN(
        V if "W_xh" not in m else m["W_xh"].shape[1], m["W_hh"].shape[0], batch_first=True
    ).double()
    x = torch.nn.functional.one_hot(torch.from_numpy(m["x_ids"]), m["W_xh"].shape[1]).double()
    hs, h_n = torch.func.functional_call(
        rnn,
        {
            "weight_ih_l0": t["W_xh"],
            "weight_hh_l0": t["W_hh"],
            "bias_ih_l0": t["b_h"],
            "bias_hh_l0": torch.zeros_like(t["b_h"]),
        },
        (x, t["h0"][None]),
    )
    logits = torch.nn.functional.linear(hs, t["W_hy"], t["b_y"])
    return logits, hs, h_n[0], t


def test_forward_is_torchs_rnn_on_one_hot_inputs():
    for seed, scale in ((0, 1.0), (1, 3.0)):
        m = model(seed, scale=scale)
        logits, hs = char_rnn_forward(**m)
        want_logits, want_hs, _, _ = torch_forward(m)
        assert_close(hs, want_hs.detach().numpy(), 1e-12)
        assert_close(logits, want_logits.detach().numpy(), 1e-12)


def test_forward_by_hand_one_step():
    # V = 2, H = 1: h_1 = tanh(W_xh[0, x] + W_hh * h0 + b_h), logits = W_hy * h_1 + b_y
    logits, hs = char_rnn_forward(
        np.array([[1]]),
        np.array([[0.5]]),
        np.array([[0.2, -0.4]]),
        np.array([[2.0]]),
        np.array([0.1]),
        np.array([[1.0], [-3.0]]),
        np.array([0.0, 1.0]),
    )
    h1 = math.tanh(-0.4 + 2.0 * 0.5 + 0.1)
    assert hs[0, 0, 0] == pytest.approx(h1, rel=1e-15)
    np.testing.assert_allclose(logits[0, 0], [h1, -3 * h1 + 1], rtol=1e-15)


def test_the_loss_and_its_gradient_are_torchs_cross_entropy():
    rng = np.random.default_rng(3)
    for scale in (3.0, 1000.0):
        logits, targets = rng.uniform(-scale, scale, (N, T, V)), rng.integers(0, V, (N, T))
        z = torch.tensor(logits, requires_grad=True)
        want = torch.nn.functional.cross_entropy(z.reshape(-1, V), torch.from_numpy(targets).reshape(-1))
        want.backward()
        loss, dlogits = cross_entropy(logits, targets)
        assert loss == pytest.approx(want.item(), rel=1e-12)
        assert_close(dlogits, z.grad.numpy(), 1e-12)


def test_the_loss_by_hand():
    # equal logits: every character has p = 1/V, so the loss is ln V and dlogits = (1/V - onehot) / (N*T)
    targets = np.array([[0, 2], [1, 1]])
    loss, dlogits = cross_entropy(np.zeros((2, 2, 3)), targets)
    assert loss == pytest.approx(math.log(3), rel=1e-15)
    np.testing.assert_allclose(dlogits, (1 / 3 - np.eye(3)[targets]) / 4, rtol=1e-14)


@pytest.mark.parametrize("seed", [0, 1])
def test_backward_is_torch_autograd_for_any_upstream_gradient(seed):
    m = model(seed, scale=1.5)
    m["x_ids"][1, 0] = m["x_ids"][0, 0]  # two sequences read the same character at the same step
    dlogits = np.random.default_rng(seed + 10).standard_normal((N, T, V))
    logits, _, _, t = torch_forward(m, requires_grad=True)
    (logits * torch.from_numpy(dlogits)).sum().backward()
    _, hs = char_rnn_forward(**m)
    got = char_rnn_backward(dlogits, m["x_ids"], m["h0"], hs, m["W_hh"], m["W_hy"])
    for name, grad in zip(["W_xh", "W_hh", "b_h", "W_hy", "b_y", "h0"], got):
        assert_close(grad, t[name].grad.numpy(), 1e-12, name)


def test_backward_against_finite_differences_of_the_loss():
    m = model(4, N=2, T=4, V=5, H=3)
    targets = np.random.default_rng(5).integers(0, 5, (2, 4))

    def loss():
        return cross_entropy(char_rnn_forward(**m)[0], targets)[0]

    logits, hs = char_rnn_forward(**m)
    got = char_rnn_backward(cross_entropy(logits, targets)[1], m["x_ids"], m["h0"], hs, m["W_hh"], m["W_hy"])
    for name, grad in zip(["W_xh", "W_hh", "b_h", "W_hy", "b_y", "h0"], got):
        assert_close(grad, central_differences(loss, m[name], 1.0), 1e-7, name)


def test_clipping_by_hand_and_against_torch():
    ones = [
        np.ones((2, 3)),
        np.ones((2, 2)),
        np.ones(2),
        np.ones((3, 2)),
        np.ones(3),
    ]  # 21 entries: norm sqrt(21)
    clipped = clip_gradients(*ones, 2.0)
    for c in clipped:
        np.testing.assert_allclose(c, 2.0 / math.sqrt(21), rtol=1e-15)
    assert all(np.array_equal(c, g) for c, g in zip(clip_gradients(*ones, 5.0), ones))  # below the limit
    rng = np.random.default_rng(6)
    grads = [rng.standard_normal(g.shape) * 3 for g in ones]
    tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for tensor, g in zip(tensors, grads):
        tensor.grad = torch.from_numpy(g.copy())
    torch.nn.utils.clip_grad_norm_(tensors, 1.5)  # torch divides by norm + 1e-6: equal within ~1e-7
    for c, tensor in zip(clip_gradients(*grads, 1.5), tensors):
        assert_close(c, tensor.grad.numpy(), 1e-6)


def test_adagrad_by_hand():
    param, memory = adagrad_update(
        np.array([1.0, -2.0, 0.5]), np.array([2.0, 0.0, -1e-5]), np.array([5.0, 0.0, 0.0]), 0.1
    )
    np.testing.assert_allclose(memory, [9.0, 0.0, 1e-10], rtol=1e-15)
    np.testing.assert_allclose(
        param,
        [1 - 0.1 * 2 / math.sqrt(9 + 1e-8), -2.0, 0.5 + 0.1 * 1e-5 / math.sqrt(1e-10 + ADAGRAD_EPSILON)],
        rtol=1e-15,
    )


def test_train_step_is_forward_autograd_clip_and_adagrad_done_in_torch():
    m = model(7)
    y = np.random.default_rng(8).integers(0, V, (N, T))
    memories = [
        np.random.default_rng(9).uniform(0, 2, m[k].shape) for k in ("W_xh", "W_hh", "b_h", "W_hy", "b_y")
    ]
    logits, _, h_n, t = torch_forward(m, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V), torch.from_numpy(y).reshape(-1))
    loss.backward()
    names = ["W_xh", "W_hh", "b_h", "W_hy", "b_y"]
    grads = [t[k].grad.numpy() for k in names]
    norm = math.sqrt(sum(float(np.sum(g**2)) for g in grads))
    assert norm > 0.5  # so that max_norm 0.5 clips
    grads = [g * 0.5 / norm for g in grads]
    got = train_step(m["x_ids"], y, m["h0"], *(m[k] for k in names), *memories, 0.1, 0.5)
    assert got[0] == pytest.approx(loss.item(), rel=1e-12)
    assert_close(got[1], h_n.detach().numpy(), 1e-12)  # the carried state: h after the last step
    for k, (name, g, memory) in enumerate(zip(names, grads, memories)):
        new_memory = memory + g**2
        assert_close(got[2 + k], m[name] - 0.1 * g / np.sqrt(new_memory + 1e-8), 1e-12, name)
        assert_close(got[7 + k], new_memory, 1e-12, name)


def test_train_step_changes_no_input():
    m = model(7)
    y = np.zeros((N, T), dtype=np.int64)
    inputs = [m["x_ids"], y, m["h0"], *(m[k] for k in ("W_xh", "W_hh", "b_h", "W_hy", "b_y"))]
    memories = [np.zeros_like(a) for a in inputs[3:]]
    copies = [a.copy() for a in inputs + memories]
    train_step(*inputs, *memories, 0.1, 1.0)
    assert all(np.array_equal(a, b) for a, b in zip(inputs + memories, copies))


def _fixed_distribution(probabilities):
    """A model whose state is always 0, so that every step's probabilities are softmax(b_y) = probabilities."""
    V = len(probabilities)
    return {
        "h": np.zeros(2),
        "first_id": 0,
        "W_xh": np.zeros((2, V)),
        "W_hh": np.zeros((2, 2)),
        "b_h": np.zeros(2),
        "W_hy": np.zeros((V, 2)),
        "b_y": np.log(np.asarray(probabilities)),
    }


def test_sample_inverse_cdf_by_hand():
    # p = 0.2, 0.3, 0.5: cumulative 0.2, 0.5, 1.0; each u takes the first index whose cumulative sum exceeds it
    fixed = _fixed_distribution([0.2, 0.3, 0.5])
    ids = sample(**fixed, temperature=1.0, uniforms=np.array([0.1, 0.19, 0.21, 0.49, 0.51, 0.99, 0.0]))
    assert ids.tolist() == [0, 0, 1, 1, 2, 2, 0]
    assert sample(**fixed, temperature=0.0, uniforms=np.array([0.1, 0.9])).tolist() == [2, 2]  # greedy
    assert sample(**fixed, temperature=1e-3, uniforms=np.array([0.5, 0.999])).tolist() == [
        2,
        2,
    ]  # no overflow


def test_sample_frequencies_follow_the_tempered_softmax():
    p = np.array([0.1, 0.2, 0.3, 0.4])
    uniforms = np.random.default_rng(10).random(40_000)
    for temperature in (1.0, 0.5):
        ids = sample(**_fixed_distribution(p), temperature=temperature, uniforms=uniforms)
        want = p ** (1 / temperature) / np.sum(p ** (1 / temperature))
        np.testing.assert_allclose(np.bincount(ids, minlength=4) / len(ids), want, atol=0.01)


def test_sample_feeds_each_drawn_id_back():
    # a model that, reading x, puts almost all its probability on x + 1 (mod V): greedy counts up from first_id
    V = 5
    W_xh = np.eye(V) * 3  # H = V: reading x lights unit x
    W_hy = np.roll(np.eye(V), 1, axis=0) * 10  # unit x votes for x + 1
    ids = sample(np.zeros(V), 2, W_xh, np.zeros((V, V)), np.zeros(V), W_hy, np.zeros(V), 0.0, np.zeros(7))
    assert ids.tolist() == [3, 4, 0, 1, 2, 3, 4]


def test_stream_loss_is_torchs_cross_entropy_over_the_whole_stream():
    m = model(11)
    ids = np.random.default_rng(12).integers(0, V, (N, 9))
    m["x_ids"] = ids[:, :-1]
    logits, _, _, _ = torch_forward(m)
    want = torch.nn.functional.cross_entropy(logits.reshape(-1, V), torch.from_numpy(ids[:, 1:]).reshape(-1))
    params = [m[k] for k in ("W_xh", "W_hh", "b_h", "W_hy", "b_y")]
    assert stream_loss(ids, m["h0"], *params) == pytest.approx(want.item(), rel=1e-12)


def test_train_learns_a_rule_and_carries_the_state():
    rng = np.random.default_rng(0)
    rule, ids = (
        rng.permutation(8),
        np.zeros((2, 120), dtype=np.int64),
    )  # after c comes rule[c], 80 % of the time
    for t in range(1, 120):
        ids[:, t] = np.where(rng.random(2) < 0.8, rule[ids[:, t - 1]], rng.integers(0, 8, 2))
    rng = np.random.default_rng(1)
    initial = [
        rng.standard_normal((16, 8)) * 0.01,
        rng.standard_normal((16, 16)) * 0.01,
        np.zeros(16),
        rng.standard_normal((8, 16)) * 0.01,
        np.zeros(8),
    ]
    h0 = np.zeros((2, 16))
    trained = train(ids, h0, *initial, 200, 10, 0.1, 5.0)
    assert stream_loss(ids, h0, *trained) < stream_loss(ids, h0, *initial) - 1.0
    # two steps by hand: the second window starts from the state the first one ended with
    memories = [np.zeros_like(p) for p in initial]
    _, h, *rest = train_step(ids[:, :3], ids[:, 1:4], h0, *initial, *memories, 0.1, 5.0)
    _, _, *rest = train_step(ids[:, 3:6], ids[:, 4:7], h, *rest, 0.1, 5.0)
    for a, b in zip(train(ids, h0, *initial, 2, 3, 0.1, 5.0), rest[:5]):
        np.testing.assert_array_equal(a, b)
