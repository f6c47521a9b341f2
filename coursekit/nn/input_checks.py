"""Shape checks that turn a wrong input into a ValueError a learner can act on.

Every public forward function calls these first, so a bad shape never surfaces as a
broadcasting error from deep inside a time loop.
"""

from __future__ import annotations

import numpy as np


def as_float_array(value, name: str) -> np.ndarray:
    array = np.asarray(value)
    if array.dtype.kind not in "fiub":
        raise ValueError(f"{name} must be an array of numbers; got dtype {array.dtype}")
    if array.dtype.kind != "f":
        array = array.astype(np.float64)
    return array


def check_sequence(x, input_size: int, name: str = "x") -> np.ndarray:
    """x must be (N, T, D) with D == input_size; returns it as a float array."""
    x = as_float_array(x, name)
    if x.ndim != 3 or x.shape[2] != input_size or x.shape[0] == 0 or x.shape[1] == 0:
        hint = ""
        if x.ndim == 2:
            hint = (
                f" A 2-D array is ambiguous: use {name}[None] for one sequence of shape (T, D)"
                f" or {name}[..., None] for a batch of scalar sequences of shape (N, T)."
            )
        raise ValueError(
            f"{name} must have shape (N, T, D) = (batch, time, features) with "
            f"D={input_size}, N>=1 and T>=1; got shape {x.shape}.{hint}"
        )
    return x


def check_step_input(x, input_size: int) -> np.ndarray:
    """x must be one time step of a batch, (N, D) with D == input_size."""
    x = as_float_array(x, "x")
    if x.ndim != 2 or x.shape[1] != input_size or x.shape[0] == 0:
        raise ValueError(
            f"x must have shape (N, D) = (batch, features) with D={input_size}, one time step; "
            f"got shape {x.shape}"
        )
    return x


def check_array(value, shape: tuple[int, ...], name: str, dtype=None) -> np.ndarray:
    """value must have exactly this shape (a ValueError names both shapes)."""
    array = as_float_array(value, name)
    if array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}; got shape {array.shape}")
    return array if dtype is None else array.astype(dtype, copy=False)


def check_layer_params(
    params, gates: int, input_size: int | None = None, name: str = "params"
) -> tuple[int, int]:
    """Check a LayerParams against the cell's gate count; returns (D, H)."""
    weight_hh = np.asarray(params.weight_hh)
    if weight_hh.ndim != 2 or weight_hh.shape[0] != gates * weight_hh.shape[1]:
        raise ValueError(
            f"{name}.weight_hh must have shape ({gates}*H, H) for this cell "
            f"(H = hidden size, {gates} gate block(s)); got shape {weight_hh.shape}"
        )
    hidden = weight_hh.shape[1]
    weight_ih = np.asarray(params.weight_ih)
    if (
        weight_ih.ndim != 2
        or weight_ih.shape[0] != gates * hidden
        or (input_size is not None and weight_ih.shape[1] != input_size)
    ):
        expected_d = "D" if input_size is None else input_size
        raise ValueError(
            f"{name}.weight_ih must have shape ({gates * hidden}, {expected_d}); got shape {weight_ih.shape}"
        )
    for bias in ("bias_ih", "bias_hh"):
        shape = np.shape(getattr(params, bias))
        if shape != (gates * hidden,):
            raise ValueError(f"{name}.{bias} must have shape ({gates * hidden},); got shape {shape}")
    return weight_ih.shape[1], hidden


def check_truncate(truncate) -> int | None:
    """truncate is None (full BPTT) or a window k >= 1."""
    if truncate is None:
        return None
    if isinstance(truncate, bool) or not isinstance(truncate, (int, np.integer)) or truncate < 1:
        raise ValueError(
            f"truncate must be None (full BPTT) or a whole number of steps >= 1; got {truncate!r}"
        )
    return int(truncate)


def cut_here(t: int, truncate: int | None) -> bool:
    """True where truncated BPTT detaches the state that enters step t (t = k, 2k, ...)."""
    return truncate is not None and t > 0 and t % truncate == 0


def sequence_start(x, params, gate_blocks: int, **states) -> tuple[np.ndarray, ...]:
    """What every sequence forward checks first -> x (N, T, D), then each initial state (N, H).

    params must stack `gate_blocks` blocks (G); states come by name (h0=..., c0=...), None for
    zeros, and are returned in that order, in the dtype that x and the weights combine to.
    """
    D, H = check_layer_params(params, gate_blocks)
    x = check_sequence(x, D)
    N, dtype = x.shape[0], np.result_type(x, params.weight_hh)
    return x, *(
        np.zeros((N, H), dtype) if value is None else check_array(value, (N, H), name, dtype)
        for name, value in states.items()
    )
