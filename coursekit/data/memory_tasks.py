"""Tasks that measure memory: how much of the past a recurrent network carries forward.

- recall_task: repeat the input seen `lag` steps ago, y_t = x_{t-lag}. The answer is never
  in the current input nor in the previous answer, so a network must carry x_{t-1}, ...,
  x_{t-lag} in its state.
- leaky_sum_task: y_t = decay * y_{t-1} + x_t. The previous answer plus the current input is
  all a network needs, so feeding the output back is a sufficient memory here.

Inputs are drawn uniformly from [-1, 1]; all arrays are float32 of shape (n, length, 1).
"""

from __future__ import annotations

import numpy as np

from .. import arguments


def _inputs(n: int, length: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(arguments.seed(seed))
    return rng.uniform(-1.0, 1.0, size=(n, length, 1)).astype(np.float32)


def recall_task(n: int, length: int = 20, lag: int = 2, seed: int = 0):
    """n sequences whose target is the input `lag` steps back.

    Returns x (n, length, 1) float32 in [-1, 1] and y (n, length, 1) float32 with
    y[:, t] = x[:, t - lag] for t >= lag and 0 for the first `lag` steps (nothing seen yet).
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length)
    lag = arguments.whole_number("lag", lag, minimum=0)
    if lag >= length:
        raise ValueError(
            f"lag must be smaller than length ({length}) so that some targets exist; got lag={lag}"
        )
    x = _inputs(n, length, seed)
    y = np.zeros_like(x)
    y[:, lag:] = x[:, : length - lag]
    return x, y


def leaky_sum_task(n: int, length: int = 20, decay: float = 0.8, seed: int = 0):
    """n sequences whose target is a running sum that forgets at rate 1 - decay.

    Returns x (n, length, 1) float32 in [-1, 1] and y (n, length, 1) float32 with
    y[:, t] = decay * y[:, t-1] + x[:, t] and y[:, -1] taken as 0; decay=1 is the plain running sum.
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length)
    decay = arguments.fraction("decay", decay)
    x = _inputs(n, length, seed)
    y = np.empty_like(x)
    previous = np.zeros((n, 1), np.float32)
    for t in range(length):  # a short loop over time; every sequence at once
        previous = decay * previous + x[:, t]
        y[:, t] = previous
    return x, y
