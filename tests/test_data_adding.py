"""The adding problem: exactly two markers a row, targets are the marked sums, the baseline is 1/6."""

import numpy as np
import pytest

from coursekit.data.adding import BASELINE_MSE, adding


def test_shapes_values_and_markers():
    x, y = adding(50, length=12, seed=3)
    assert x.shape == (50, 12, 2) and y.shape == (50,) and x.dtype == y.dtype == np.float32
    assert 0 <= x[..., 0].min() and x[..., 0].max() < 1
    assert set(np.unique(x[..., 1])) == {0.0, 1.0}
    assert np.all(x[..., 1].sum(axis=1) == 2)  # exactly two marked steps a row


def test_target_is_the_sum_of_the_marked_values():
    x, y = adding(40, length=9, seed=1, dtype=np.float64)
    assert np.allclose(y, (x[..., 0] * x[..., 1]).sum(axis=1))


def test_predicting_one_gives_the_baseline_mse():
    _, y = adding(20000, length=5, seed=0)
    assert np.isclose(np.mean((y - 1.0) ** 2), BASELINE_MSE, atol=0.005)
    assert np.isclose(BASELINE_MSE, 0.1667, atol=1e-4)


def test_markers_fall_anywhere_in_the_sequence():
    x, _ = adding(2000, length=10, seed=2)
    assert np.all(x[..., 1].sum(axis=0) > 0)  # every step is marked in some row


def test_reproducible_from_the_seed():
    assert np.array_equal(adding(5, seed=7)[0], adding(5, seed=7)[0])
    assert not np.array_equal(adding(5, seed=7)[0], adding(5, seed=8)[0])


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: adding(0), "n must be >= 1"),
        (lambda: adding(3, length=1), "length must be >= 2"),
        (lambda: adding(3, length=4.0), "length must be a whole number"),
        (lambda: adding(3, seed=-1), "seed must be a non-negative int"),
    ],
)
def test_bad_arguments_are_refused(call, words):
    with pytest.raises(ValueError, match=words):
        call()
