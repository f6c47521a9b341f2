"""Losses over time steps, each returning (loss, gradient w.r.t. its input).

Padding: sequences of different lengths are padded to a common T; mask (N, T) is 1 (or
True) at real steps and 0 at padding, and padded steps add nothing to the loss or gradient.
"""

from __future__ import annotations

import numpy as np

from . import input_checks
from .activations import log_softmax

REDUCTIONS = ("mean", "sum", "batch_mean")


def _check_mask(mask, shape: tuple[int, int], dtype) -> np.ndarray:
    if mask is None:
        return np.ones(shape, dtype)
    mask = np.asarray(mask)
    if mask.shape != shape:
        raise ValueError(
            f"mask must have shape (N, T) = {shape}, 1 at real steps and 0 at padding; got shape {mask.shape}"
        )
    return mask.astype(dtype)


def _divisor(reduction: str, mask: np.ndarray, per_step: int = 1) -> float:
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}; got {reduction!r}")
    if reduction == "sum":
        return 1.0
    if reduction == "batch_mean":
        return float(mask.shape[0])
    return max(float(mask.sum()) * per_step, 1.0)  # an all-padding batch gives loss 0, not NaN


def softmax_cross_entropy(logits, targets, mask=None, reduction: str = "mean"):
    """Softmax cross-entropy at every time step.

    logits (N, T, C) scores; targets (N, T) class indices in [0, C) (any value at padding);
    mask (N, T) or None; reduction:
      "mean"        average over the real (unmasked) steps of all sequences (torch's default),
      "sum"         sum over all real steps,
      "batch_mean"  sum over time, average over the N sequences (CS231n's temporal loss).
    Returns loss (float), dlogits (N, T, C).
    """
    logits = input_checks.as_float_array(logits, "logits")
    if logits.ndim != 3:
        raise ValueError(f"logits must have shape (N, T, C); got shape {logits.shape}")
    N, T, C = logits.shape
    targets = np.asarray(targets)
    if targets.shape != (N, T) or targets.dtype.kind not in "iu":
        raise ValueError(
            f"targets must be integer class indices of shape (N, T) = {(N, T)}; "
            f"got shape {targets.shape}, dtype {targets.dtype}"
        )
    mask = _check_mask(mask, (N, T), logits.dtype)
    real = mask != 0
    if np.any((targets[real] < 0) | (targets[real] >= C)):
        raise ValueError(
            f"targets at unmasked steps must lie in [0, {C}); "
            f"got values from {targets[real].min()} to {targets[real].max()}"
        )
    safe_targets = np.where(real, targets, 0)

    log_probs = log_softmax(logits, axis=2)
    picked = np.take_along_axis(log_probs, safe_targets[..., None], axis=2)[..., 0]  # (N, T)
    divisor = _divisor(reduction, mask)
    loss = -(picked * mask).sum() / divisor

    dlogits = np.exp(log_probs)
    np.put_along_axis(
        dlogits, safe_targets[..., None], np.take_along_axis(dlogits, safe_targets[..., None], 2) - 1, 2
    )
    dlogits *= (mask / divisor)[..., None]
    return float(loss), dlogits


def mse(predictions, targets, mask=None, reduction: str = "mean"):
    """Squared error, for regression over time.

    predictions and targets (N, T, K) (or (N, T)); mask (N, T) or None; reduction:
      "mean" over every real element (torch's MSELoss), "sum", or "batch_mean" (sum / N).
    Returns loss (float), dpredictions (same shape as predictions).
    """
    predictions = input_checks.as_float_array(predictions, "predictions")
    targets = input_checks.as_float_array(targets, "targets")
    if predictions.shape != targets.shape or predictions.ndim not in (2, 3):
        raise ValueError(
            f"predictions and targets must have the same shape (N, T) or (N, T, K); "
            f"got {predictions.shape} and {targets.shape}"
        )
    N, T = predictions.shape[:2]
    per_step = predictions.shape[2] if predictions.ndim == 3 else 1
    mask = _check_mask(mask, (N, T), predictions.dtype)
    if predictions.ndim == 3:
        mask = mask[..., None]
    divisor = _divisor(reduction, mask.reshape(N, T), per_step)
    diff = (predictions - targets) * mask
    return float((diff * diff).sum() / divisor), 2 * diff / divisor
