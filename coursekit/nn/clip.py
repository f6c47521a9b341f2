"""Gradient clipping, the standard guard against exploding gradients.

Both functions take gradients as a dict {name: array} or a list of arrays and return new
ones of the same kind (the inputs are not changed). They compute what
torch.nn.utils.clip_grad_norm_ and clip_grad_value_ compute.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np


def _arrays(grads):
    if isinstance(grads, Mapping):
        return list(grads.values())
    if isinstance(grads, (list, tuple)):
        return list(grads)
    raise ValueError(f"grads must be a dict of arrays or a list of arrays; got {type(grads).__name__}")


def _rebuild(grads, arrays):
    return dict(zip(grads.keys(), arrays)) if isinstance(grads, Mapping) else type(grads)(arrays)


def global_norm(grads) -> float:
    """sqrt of the sum of squares of every entry of every gradient."""
    return float(np.sqrt(sum(float(np.sum(np.square(g, dtype=np.float64))) for g in _arrays(grads))))


def clip_by_global_norm(grads, max_norm: float):
    """Scale all gradients by one factor so that their global norm is at most max_norm.

    The direction of the update is kept; only its length shrinks. Returns (clipped, norm
    before clipping).
    """
    if not max_norm > 0:
        raise ValueError(f"max_norm must be a positive number; got {max_norm!r}")
    norm = global_norm(grads)
    scale = min(1.0, max_norm / (norm + 1e-6))  # the 1e-6 as in torch, against division by 0
    return _rebuild(grads, [g * np.asarray(scale, dtype=g.dtype) for g in _arrays(grads)]), norm


def clip_by_value(grads, clip_value: float):
    """Clamp every entry to [-clip_value, clip_value] (this can change the direction)."""
    if not clip_value > 0:
        raise ValueError(f"clip_value must be a positive number; got {clip_value!r}")
    return _rebuild(grads, [np.clip(g, -clip_value, clip_value) for g in _arrays(grads)])
