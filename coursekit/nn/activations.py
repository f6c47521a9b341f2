"""Element-wise nonlinearities and their derivatives written in terms of the output.

Backward passes only keep a layer's outputs, so each derivative takes y = f(a), not a.
"""

from __future__ import annotations

import numpy as np


def sigmoid(a: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """1 / (1 + exp(-a)), computed as 0.5 * tanh(a / 2) + 0.5: no overflow for large |a|."""
    out = np.multiply(a, 0.5, out=out)
    np.tanh(out, out=out)
    out *= 0.5
    out += 0.5
    return out


def relu(a: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.maximum(a, 0, out=out)


def tanh(a: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.tanh(a, out=out)


def log_softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """log of the softmax along `axis`, stable: the largest score is subtracted first, so exp never overflows."""
    shifted = z - z.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """exp(z) / sum(exp(z)) along `axis`, stable for large scores."""
    return np.exp(log_softmax(z, axis))


def tanh_grad(y: np.ndarray) -> np.ndarray:
    """d tanh(a)/da = 1 - y^2."""
    return 1 - y * y


def relu_grad(y: np.ndarray) -> np.ndarray:
    """d relu(a)/da = 1 where y > 0, else 0."""
    return (y > 0).astype(y.dtype)


def sigmoid_grad(y: np.ndarray) -> np.ndarray:
    """d sigmoid(a)/da = y (1 - y)."""
    return y * (1 - y)


NONLINEARITIES = {"tanh": (tanh, tanh_grad), "relu": (relu, relu_grad)}


def nonlinearity(name: str):
    """(f, f_grad) for "tanh" or "relu"."""
    try:
        return NONLINEARITIES[name]
    except KeyError:
        raise ValueError(f"nonlinearity must be 'tanh' or 'relu'; got {name!r}") from None
