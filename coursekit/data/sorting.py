"""The sorting task: an unsorted list of numbers in, the same numbers sorted out.

A first taste of "an RNN can learn an algorithm", and the material's example of a
many-to-many mapping whose input and output are whole sequences.
"""

from __future__ import annotations

import numpy as np

from .. import arguments


def sorting(n: int, length: int = 8, vocab: int = 10, seed: int = 0):
    """n lists of `length` whole numbers in [0, vocab) and the same lists sorted.

    Returns inputs (n, length) int64 and targets (n, length) int64, targets[i] = sort(inputs[i]).
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length)
    vocab = arguments.whole_number("vocab", vocab, minimum=2)
    rng = np.random.default_rng(arguments.seed(seed))
    inputs = rng.integers(0, vocab, size=(n, length))
    return inputs, np.sort(inputs, axis=1)
