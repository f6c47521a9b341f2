"""The output layer applied at every time step: y_t = h_t W^T + b (torch.nn.Linear's layout)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import input_checks


@dataclass
class LinearCache:
    h: np.ndarray  # (..., H)
    weight: np.ndarray  # (O, H)


def linear_forward(h, weight, bias):
    """h (..., H) e.g. (N, T, H); weight (O, H); bias (O,) -> y (..., O), cache."""
    h = input_checks.as_float_array(h, "h")
    weight = np.asarray(weight)
    if weight.ndim != 2 or h.shape[-1] != weight.shape[1]:
        raise ValueError(
            f"weight must have shape (O, H) with H={h.shape[-1]} (h's last axis); got shape {weight.shape}"
        )
    bias = input_checks.check_array(bias, (weight.shape[0],), "bias")
    return h @ weight.T + bias, LinearCache(h, weight)


def linear_backward(dy, cache: LinearCache):
    """dy (..., O) -> dh (..., H), dweight (O, H), dbias (O,)."""
    O, H = cache.weight.shape
    dy_2d = dy.reshape(-1, O)
    return dy @ cache.weight, dy_2d.T @ cache.h.reshape(-1, H), dy_2d.sum(0)
