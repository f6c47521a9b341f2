"""Tools to check an analytic gradient against a numerical one.

rel_error(a, b) = max|a - b| / max(1e-8, max(|a| + |b|)): the largest difference measured
against the size of the arrays, so that entries that happen to be tiny do not dominate.
In float64, correct backward passes give about 1e-8 or less against central differences.
"""

from __future__ import annotations

import numpy as np


def rel_error(a, b) -> float:
    """Relative error between two arrays of the same shape."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"rel_error compares arrays of the same shape; got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b)) / max(1e-8, float(np.max(np.abs(a) + np.abs(b)))))


def numerical_gradient(f, x: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Central-difference gradient of the scalar function f at x.

    f() takes no argument and reads x, which this function changes in place one entry at a
    time (and restores). x must be a float64 array for the result to be meaningful.
    """
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        plus = float(f())
        x[index] = saved - h
        minus = float(f())
        x[index] = saved
        grad[index] = (plus - minus) / (2 * h)
    return grad


def numerical_gradient_array(f, x: np.ndarray, dout: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """Numerical gradient of sum(f() * dout) with respect to x, for an f that returns an array."""
    return numerical_gradient(lambda: np.sum(f() * dout), x, h)
