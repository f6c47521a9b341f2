"""Argument checks shared by the dataset functions and coursekit.shapes: a ValueError that says what was expected."""

from __future__ import annotations

import numbers


def whole_number(name: str, value, minimum: int = 1) -> int:
    """value must be an int (not a bool or a float) of at least `minimum`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(
            f"{name} must be a whole number (int) >= {minimum}; got {value!r} ({type(value).__name__})"
        )
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    return int(value)


def seed(value) -> int:
    """A seed is a non-negative int, so that every dataset is reproducible."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 0:
        raise ValueError(
            f"seed must be a non-negative int, e.g. seed=0; got {value!r} ({type(value).__name__})"
        )
    return int(value)


def fraction(name: str, value, low: float = 0.0, high: float = 1.0) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not low <= value <= high:
        raise ValueError(f"{name} must be a number between {low} and {high}; got {value!r}")
    return float(value)


def non_empty(name: str, items) -> list:
    items = list(items)
    if not items:
        raise ValueError(f"{name} must not be empty")
    return items
