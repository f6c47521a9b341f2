"""The gradient-norm probe agrees with coursekit's BPTT and with the power law of a linear RNN."""

import numpy as np
import pytest

from coursekit.gradient_flow import gradient_norms_over_time, with_spectral_radius
from coursekit.nn import LayerParams, rnn_backward, rnn_forward


def _layer(rng, D, H, radius):
    W_hh = with_spectral_radius(rng.standard_normal((H, H)), radius)
    return LayerParams(rng.standard_normal((H, D)), W_hh, rng.standard_normal(H) * 0.1, np.zeros(H))


def test_with_spectral_radius_sets_the_largest_eigenvalue():
    W = with_spectral_radius(np.random.default_rng(0).standard_normal((6, 6)), 1.3)
    assert np.isclose(np.max(np.abs(np.linalg.eigvals(W))), 1.3)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_norms_match_the_state_gradients_of_rnn_backward(nonlinearity):
    rng = np.random.default_rng(1)
    N, T, D, H = 3, 7, 2, 5
    params = _layer(rng, D, H, 0.9)
    x = rng.standard_normal((N, T, D))
    h, _ = rnn_forward(x, None, params, nonlinearity)
    dh_T = rng.standard_normal((N, H))
    norms = gradient_norms_over_time(params.weight_hh, h, dh_T, nonlinearity)
    # dL/dh_t is the dh0 that rnn_backward returns for the rest of the sequence started from h_t.
    for t in range(T - 1):
        tail, tail_cache = rnn_forward(x[:, t + 1 :], h[:, t], params, nonlinearity)
        dh = np.zeros_like(tail)
        dh[:, -1] = dh_T
        _, dh_t, _ = rnn_backward(dh, tail_cache)
        assert np.isclose(norms[t], np.linalg.norm(dh_t), rtol=1e-10)
    assert np.isclose(norms[-1], np.linalg.norm(dh_T))


def test_a_linear_regime_follows_powers_of_w_hh():
    # States near zero make tanh' = 1, so the gradient is dh_T (W_hh)^(T-1-t) exactly.
    rng = np.random.default_rng(2)
    H, T = 4, 12
    W = with_spectral_radius(rng.standard_normal((H, H)), 0.8)
    dh_T = rng.standard_normal((1, H))
    norms = gradient_norms_over_time(W, np.zeros((1, T, H)), dh_T)
    expected = [np.linalg.norm(dh_T @ np.linalg.matrix_power(W, T - 1 - t)) for t in range(T)]
    assert np.allclose(norms, expected)
    assert norms[0] < norms[-1]  # a radius below 1 makes it vanish


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError, match="expected W_hh"):
        gradient_norms_over_time(np.eye(3), np.zeros((2, 5, 4)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match="square"):
        with_spectral_radius(np.zeros((2, 3)), 1.0)
