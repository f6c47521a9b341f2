"""The memory tasks: targets are what their docstrings promise, reproducible, and bad arguments are refused."""

import numpy as np
import pytest

from coursekit.data.memory_tasks import leaky_sum_task, recall_task


def test_recall_targets_are_the_inputs_lag_steps_back():
    x, y = recall_task(6, length=9, lag=3, seed=2)
    assert x.shape == y.shape == (6, 9, 1) and x.dtype == y.dtype == np.float32
    assert np.array_equal(y[:, 3:], x[:, :6])
    assert not y[:, :3].any()  # nothing to recall before the third step
    assert -1 <= x.min() and x.max() <= 1 and x.std() > 0.4


def test_recall_with_lag_zero_is_the_identity():
    x, y = recall_task(3, length=5, lag=0)
    assert np.array_equal(x, y)


def test_leaky_sum_follows_its_recurrence():
    x, y = leaky_sum_task(4, length=7, decay=0.5, seed=1)
    assert x.shape == y.shape == (4, 7, 1) and y.dtype == np.float32
    assert np.allclose(y[:, 0], x[:, 0])
    assert np.allclose(y[:, 1:], 0.5 * y[:, :-1] + x[:, 1:], atol=1e-6)


def test_leaky_sum_with_decay_one_is_the_running_sum():
    x, y = leaky_sum_task(2, length=6, decay=1.0)
    assert np.allclose(y, np.cumsum(x, axis=1), atol=1e-5)


def test_tasks_are_reproducible_from_their_seed():
    assert np.array_equal(recall_task(5, seed=7)[0], recall_task(5, seed=7)[0])
    assert not np.array_equal(recall_task(5, seed=7)[0], recall_task(5, seed=8)[0])
    assert np.array_equal(leaky_sum_task(5, seed=7)[1], leaky_sum_task(5, seed=7)[1])


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: recall_task(0), "n must be >= 1"),
        (lambda: recall_task(4, length=5, lag=5), r"lag must be smaller than length \(5\)"),
        (lambda: recall_task(4, lag=-1), "lag must be >= 0"),
        (lambda: recall_task(4, lag=1.0), "lag must be a whole number"),
        (lambda: recall_task(4, seed=-2), "seed must be a non-negative int"),
        (lambda: leaky_sum_task(4, decay=1.5), "decay must be a number between 0.0 and 1.0"),
        (lambda: leaky_sum_task(4, length=0), "length must be >= 1"),
    ],
)
def test_bad_arguments(call, words):
    with pytest.raises(ValueError, match=words):
        call()
