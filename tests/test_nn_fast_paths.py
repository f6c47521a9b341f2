"""The fast sequence functions (coursekit/nn/fast.py) equal the reference loops over the step
functions (rnn_forward, lstm_backward, ... in rnn.py, lstm.py, gru.py): outputs, caches and
every gradient, in float64 to 1e-12, across the configurations of tests/test_nn_vs_torch.py.

RecurrentNetwork runs the fast path and test_nn_vs_torch.py holds it to torch; this file is
what lets the lessons show the reference code and say that it is what the network computes.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from coursekit import nn

# (N, T, D, H) of test_nn_vs_torch.py: its edge cases, then its seeded sweep (same generator).
EDGE_SIZES = [(1, 1, 1, 1), (1, 1, 3, 1), (1, 6, 2, 4), (3, 1, 4, 5), (2, 5, 3, 1), (4, 7, 3, 6)]
_rng = np.random.default_rng(2024)
SWEEP_SIZES = []
for _ in range(8):
    SWEEP_SIZES.append(tuple(int(v) for v in _rng.integers(1, 6, size=4)))
    (
        _rng.integers(1, 4),
        _rng.integers(2),
    )  # num_layers and bidirectional, drawn there: keep the stream aligned
SIZES = EDGE_SIZES + SWEEP_SIZES
# (T, truncate) of its truncated-BPTT test, plus full BPTT
TRUNCATIONS = [(7, 3), (8, 2), (5, 1), (6, 6), (4, 9), (9, 4), (6, None)]
MODES = ["RNN_TANH", "RNN_RELU", "LSTM", "GRU"]
FLOAT64 = dict(rtol=1e-12, atol=1e-12)
FLOAT32 = dict(rtol=1e-4, atol=1e-5)


def run(mode, fast, x, h0, c0, p, dh, dc_last, truncate):
    """Forward and backward with one path; returns every array that comes out, by name."""
    if mode == "LSTM":
        forward, backward = (
            (nn.fast_lstm_forward, nn.fast_lstm_backward) if fast else (nn.lstm_forward, nn.lstm_backward)
        )
        h, cache = forward(x, h0, c0, p)
        dx, dh0, dc0, grads = backward(dh, cache, dc_last, truncate)
        out = {"h": h, "c_T": cache.c[-1], "dx": dx, "dh0": dh0, "dc0": dc0}
    elif mode == "GRU":
        forward, backward = (
            (nn.fast_gru_forward, nn.fast_gru_backward) if fast else (nn.gru_forward, nn.gru_backward)
        )
        h, cache = forward(x, h0, p)
        dx, dh0, grads = backward(dh, cache, truncate)
        out = {"h": h, "dx": dx, "dh0": dh0}
    else:
        forward, backward = (
            (nn.fast_rnn_forward, nn.fast_rnn_backward) if fast else (nn.rnn_forward, nn.rnn_backward)
        )
        h, cache = forward(x, h0, p, mode[4:].lower())
        dx, dh0, grads = backward(dh, cache, truncate)
        out = {"h": h, "dx": dx, "dh0": dh0}
    out.update({f"d{name}": g for name, g in grads.arrays().items()})
    return out


def inputs(mode, N, T, D, H, seed, dtype=np.float64, with_state=True, with_dc_last=True):
    rng = np.random.default_rng(seed)
    p = nn.init_layer_params(mode, D, H, seed=seed, dtype=dtype)
    x = rng.standard_normal((N, T, D)).astype(dtype)
    h0 = rng.standard_normal((N, H)).astype(dtype) if with_state else None
    c0 = rng.standard_normal((N, H)).astype(dtype) if with_state and mode == "LSTM" else None
    dh = rng.standard_normal((N, T, H)).astype(dtype)
    dc_last = rng.standard_normal((N, H)).astype(dtype) if with_dc_last and mode == "LSTM" else None
    return x, h0, c0, p, dh, dc_last


def assert_paths_equal(mode, args, truncate, tolerance):
    reference, fast = run(mode, False, *args, truncate), run(mode, True, *args, truncate)
    assert reference.keys() == fast.keys()
    for name in reference:
        assert fast[name].shape == reference[name].shape, name
        assert fast[name].dtype == reference[name].dtype, name
        assert_allclose(fast[name], reference[name], err_msg=f"{mode} {name}", **tolerance)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: "N{}T{}D{}H{}".format(*s))
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "given_state"])
def test_fast_equals_reference(mode, size, with_state):
    seed = SIZES.index(size) * 10 + MODES.index(mode) + 100 * with_state
    args = inputs(mode, *size, seed, with_state=with_state, with_dc_last=with_state)
    assert_paths_equal(mode, args, None, FLOAT64)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("T,truncate", TRUNCATIONS)
def test_fast_equals_reference_truncated(mode, T, truncate):
    args = inputs(mode, 3, T, 2, 4, seed=T * 10 + (truncate or 0))
    assert_paths_equal(mode, args, truncate, FLOAT64)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("truncate", [None, 2])
def test_fast_equals_reference_float32(mode, truncate):
    args = inputs(mode, 4, 9, 3, 5, seed=7, dtype=np.float32)
    assert_paths_equal(mode, args, truncate, FLOAT32)


@pytest.mark.parametrize("mode", MODES)
def test_caches_are_interchangeable(mode):
    """Both forwards fill the same cache type, so either backward reads either cache."""
    x, h0, c0, p, dh, dc_last = inputs(mode, 2, 5, 3, 4, seed=3)
    if mode == "LSTM":
        _, fast_cache = nn.fast_lstm_forward(x, h0, c0, p)
        _, reference_cache = nn.lstm_forward(x, h0, c0, p)
        fields = ("gates", "c", "tanh_c", "h")
    elif mode == "GRU":
        _, fast_cache = nn.fast_gru_forward(x, h0, p)
        _, reference_cache = nn.gru_forward(x, h0, p)
        fields = ("r_z", "n", "hw_n", "h")
    else:
        _, fast_cache = nn.fast_rnn_forward(x, h0, p, mode[4:].lower())
        _, reference_cache = nn.rnn_forward(x, h0, p, mode[4:].lower())
        fields = ("h",)
    assert type(fast_cache) is type(reference_cache)
    for name in fields:
        assert_allclose(getattr(fast_cache, name), getattr(reference_cache, name), err_msg=name, **FLOAT64)


def test_network_runs_the_fast_path(monkeypatch):
    """RecurrentNetwork (and so from_torch) calls the fast functions, not the reference loops."""
    from coursekit.nn import network

    called = []
    monkeypatch.setattr(
        network,
        "fast_lstm_forward",
        lambda *a, _f=network.fast_lstm_forward: called.append("forward") or _f(*a),
    )
    monkeypatch.setattr(
        network,
        "fast_lstm_backward",
        lambda *a, _f=network.fast_lstm_backward: called.append("backward") or _f(*a),
    )
    net = network.RecurrentNetwork("LSTM", [[nn.init_layer_params("LSTM", 2, 3, dtype=np.float64)]])
    out, _ = net.forward(np.ones((1, 4, 2)))
    net.backward(np.ones_like(out))
    assert called == ["forward", "backward"]
