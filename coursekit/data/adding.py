"""The adding problem (Hochreiter & Schmidhuber, 1997): a classic test of long memory.

Each step of a sequence carries two numbers: a value drawn uniformly from [0, 1) and a
marker that is 1 at exactly two steps and 0 elsewhere. The target is the sum of the two
marked values. The two markers can be anywhere, so a model must keep the first marked value
in its state for as long as the sequence is long, while ignoring every other value.

Always predicting the mean target, 1.0, gives a mean squared error of Var(u1 + u2) = 2/12
= 0.1667: a model whose error stays near 0.167 has learnt nothing about the markers.
"""

from __future__ import annotations

import numpy as np

from .. import arguments

BASELINE_MSE = 1 / 6  # the variance of the sum of two independent uniform [0, 1) values


def adding(n: int, length: int = 50, seed: int = 0, dtype=np.float32):
    """n sequences of the adding problem, each `length` steps long.

    Returns inputs (n, length, 2): channel 0 the values in [0, 1), channel 1 the markers
    (exactly two 1s a row, at two different steps), and targets (n,): the sum of the two
    marked values, in [0, 2).
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length, minimum=2)  # two markers need two steps
    rng = np.random.default_rng(arguments.seed(seed))
    values = rng.random((n, length))
    # Two different marked steps a row: the first two of a random permutation of the steps.
    marked = np.argsort(rng.random((n, length)), axis=1)[:, :2]
    markers = np.zeros((n, length))
    np.put_along_axis(markers, marked, 1.0, axis=1)
    targets = np.take_along_axis(values, marked, axis=1).sum(axis=1)
    inputs = np.stack([values, markers], axis=-1)
    return inputs.astype(dtype), targets.astype(dtype)
