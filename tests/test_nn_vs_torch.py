"""coursekit.nn against torch.nn in float64: forward, every gradient, truncated BPTT.

Tolerances from DESIGN.md: forward within 1e-12 and gradients within 1e-10 (tests/compare.py's assert_close).
"""

import zlib

import numpy as np
import pytest
import torch
from compare import assert_close

from coursekit.nn import from_torch, to_torch

MODES = ["RNN_TANH", "RNN_RELU", "LSTM", "GRU"]
# (N, T, D, H, num_layers, bidirectional): the edge cases named in the issue, then a seeded sweep.
EDGE_CONFIGS = [
    (1, 1, 1, 1, 1, False),
    (1, 1, 3, 1, 3, True),
    (1, 6, 2, 4, 1, False),
    (3, 1, 4, 5, 2, True),
    (2, 5, 3, 1, 3, False),
    (4, 7, 3, 6, 3, True),
]
_rng = np.random.default_rng(2024)
SWEEP_CONFIGS = [
    tuple(int(v) for v in _rng.integers(1, 6, size=4)) + (int(_rng.integers(1, 4)), bool(_rng.integers(2)))
    for _ in range(8)
]
CONFIGS = EDGE_CONFIGS + SWEEP_CONFIGS


def make_torch(mode, D, H, L, bidirectional, seed):
    torch.manual_seed(seed)
    kwargs = dict(num_layers=L, bidirectional=bidirectional, batch_first=True)
    if mode.startswith("RNN"):
        module = torch.nn.RNN(D, H, nonlinearity=mode[4:].lower(), **kwargs)
    else:
        module = getattr(torch.nn, mode)(D, H, **kwargs)
    return module.double()


def random_inputs(mode, N, T, D, H, L, bidirectional, rng, with_state):
    x = rng.standard_normal((N, T, D))
    S = L * (2 if bidirectional else 1)
    if not with_state:
        return x, None
    if mode == "LSTM":
        return x, (rng.standard_normal((S, N, H)), rng.standard_normal((S, N, H)))
    return x, rng.standard_normal((S, N, H))


def as_tensor(value):
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(as_tensor(v) for v in value)
    return torch.tensor(value, requires_grad=True)


def leaves(value):
    return [] if value is None else list(value) if isinstance(value, tuple) else [value]


def flat(state):
    return state if isinstance(state, tuple) else (state,)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "config", CONFIGS, ids=lambda c: "N{}T{}D{}H{}L{}{}".format(*c[:5], "bi" if c[5] else "")
)
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "given_state"])
def test_network_matches_torch(mode, config, with_state):
    N, T, D, H, L, bidirectional = config
    seed = zlib.crc32(repr((mode, config, with_state)).encode())  # stable across runs
    rng = np.random.default_rng(seed)
    module = make_torch(mode, D, H, L, bidirectional, seed)
    net = from_torch(module)
    x, state = random_inputs(mode, N, T, D, H, L, bidirectional, rng, with_state)

    out, final = net.forward(x, state)
    x_t, state_t = as_tensor(x), as_tensor(state)
    out_t, final_t = module(x_t, state_t)
    assert out.shape == out_t.shape
    assert_close(out, out_t.detach().numpy(), 1e-12)
    for mine, theirs in zip(flat(final), flat(final_t)):
        assert_close(mine, theirs.detach().numpy(), 1e-12)

    d_out = rng.standard_normal(out.shape)
    d_final = tuple(rng.standard_normal(s.shape) for s in flat(final))
    loss = (out_t * torch.tensor(d_out)).sum() + sum(
        (s * torch.tensor(d)).sum() for s, d in zip(flat(final_t), d_final)
    )
    loss.backward()
    grads = net.backward(d_out, d_final if mode == "LSTM" else d_final[0])

    names = [name for name, _ in module.named_parameters()]
    assert set(grads) == set(names) | {"input", "h_0"} | ({"c_0"} if mode == "LSTM" else set())
    for name, param in module.named_parameters():
        assert_close(grads[name], param.grad.numpy(), 1e-10, name)
    assert_close(grads["input"], x_t.grad.numpy(), 1e-10)
    for key, leaf in zip(("h_0", "c_0"), leaves(state_t)):
        assert_close(grads[key], leaf.grad.numpy(), 1e-10, key)


def torch_truncated(module, x, state, k):
    """Reference truncated BPTT: run chunks of k steps, detaching the state between chunks."""
    outputs = []
    for start in range(0, x.shape[1], k):
        if start > 0:
            state = tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()
        out, state = module(x[:, start : start + k], state)
        outputs.append(out)
    return torch.cat(outputs, dim=1), state


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("T,k,L", [(7, 3, 1), (8, 2, 2), (5, 1, 1), (6, 6, 3), (4, 9, 1), (9, 4, 3)])
def test_truncated_bptt_matches_torch_with_detached_state(mode, T, k, L):
    rng = np.random.default_rng(T * 100 + k * 10 + L)
    N, D, H = 3, 2, 4
    module = make_torch(mode, D, H, L, False, seed=k)
    net = from_torch(module)
    x, state = random_inputs(mode, N, T, D, H, L, False, rng, with_state=True)

    out, final = net.forward(x, state)
    x_t, state_t = as_tensor(x), as_tensor(state)
    out_t, final_t = torch_truncated(module, x_t, state_t, k)
    assert_close(out, out_t.detach().numpy(), 1e-12)

    d_out = rng.standard_normal(out.shape)
    d_final = tuple(rng.standard_normal(s.shape) for s in flat(final))
    loss = (out_t * torch.tensor(d_out)).sum() + sum(
        (s * torch.tensor(d)).sum() for s, d in zip(flat(final_t), d_final)
    )
    loss.backward()
    grads = net.backward(d_out, d_final if mode == "LSTM" else d_final[0], truncate=k)
    for name, param in module.named_parameters():
        assert_close(grads[name], param.grad.numpy(), 1e-10, name)
    assert_close(grads["input"], x_t.grad.numpy(), 1e-10)
    for key, leaf in zip(("h_0", "c_0"), leaves(state_t)):
        assert_close(grads[key], leaf.grad.numpy(), 1e-10, key)
    full = net.backward(d_out, d_final if mode == "LSTM" else d_final[0])
    if k < T:  # the test can fail: truncation must really change the gradient
        assert (
            np.abs(full["weight_hh_l0"] - grads["weight_hh_l0"]).max()
            > 1e-2 * np.abs(grads["weight_hh_l0"]).max()
        )


def test_batch_first_false_and_no_bias_match_torch():
    rng = np.random.default_rng(5)
    module = torch.nn.GRU(3, 4, num_layers=2, bias=False, bidirectional=True).double()  # (T, N, D)
    net = from_torch(module)
    x = rng.standard_normal((6, 2, 3))
    out, h_n = net.forward(x)
    x_t = torch.tensor(x, requires_grad=True)
    out_t, h_n_t = module(x_t)
    assert_close(out, out_t.detach().numpy(), 1e-12)
    d_out = rng.standard_normal(out.shape)
    out_t.backward(torch.tensor(d_out))
    grads = net.backward(d_out)
    assert not any(name.startswith("bias") for name in grads)
    for name, param in module.named_parameters():
        assert_close(grads[name], param.grad.numpy(), 1e-10, name)
    assert_close(grads["input"], x_t.grad.numpy(), 1e-10)


@pytest.mark.parametrize("mode", MODES)
def test_to_torch_round_trip(mode):
    module = make_torch(mode, 3, 4, 2, True, seed=1)
    back = to_torch(from_torch(module))
    assert type(back) is type(module) and back.mode == module.mode
    for (name, a), (name_b, b) in zip(module.named_parameters(), back.named_parameters()):
        assert name == name_b and a.dtype == b.dtype and torch.equal(a, b)


def test_float32_model_stays_float32():
    module = torch.nn.LSTM(3, 4, batch_first=True)
    net = from_torch(module)
    out, (h, c) = net.forward(np.ones((2, 3, 3)))
    assert out.dtype == np.float32 and h.dtype == np.float32
    out_t, _ = module(torch.ones(2, 3, 3))
    assert_close(out, out_t.detach().numpy(), 1e-6)


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_softmax_and_log_softmax_equal_torch_even_for_huge_scores(axis):
    from coursekit.nn.activations import log_softmax, softmax

    z = np.random.default_rng(3).normal(size=(4, 5, 6)) * 3
    z[0, 0, 0] = 1000.0  # exp(1000) overflows unless the largest score is subtracted first
    expected = torch.log_softmax(torch.from_numpy(z), dim=axis).numpy()
    assert np.all(np.isfinite(log_softmax(z, axis)))
    np.testing.assert_allclose(log_softmax(z, axis), expected, rtol=0, atol=1e-12)
    np.testing.assert_allclose(softmax(z, axis), np.exp(expected), rtol=0, atol=1e-12)
