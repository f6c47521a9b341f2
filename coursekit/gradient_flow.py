"""Gradient flow through time in a recurrent network: how large is the gradient at each time step?

    norms = gradient_norms_over_time(W_hh, h, dh_T)   # (T,), norms[t] = ||dL_T / dh_t||

The gradient of a loss at the last step with respect to an earlier state h_t is a product of
one Jacobian per step in between, dh_k/dh_{k-1} = diag(f'(a_k)) W_hh, so its norm shrinks or
grows roughly like rho(W_hh)^(T - t). These functions make that visible.
"""

from __future__ import annotations

import numpy as np

from .nn.activations import nonlinearity as _nonlinearity


def with_spectral_radius(W: np.ndarray, radius: float) -> np.ndarray:
    """W (H, H) scaled so that its largest absolute eigenvalue is `radius`; returns a new array."""
    W = np.asarray(W)
    if W.ndim != 2 or W.shape[0] != W.shape[1]:
        raise ValueError(f"W must be a square matrix (H, H); got shape {W.shape}")
    current = np.max(np.abs(np.linalg.eigvals(W)))
    if not current > 0:
        raise ValueError("W has spectral radius 0 (all eigenvalues are 0), so it cannot be rescaled")
    return W * (radius / current)


def gradient_norms_over_time(
    W_hh: np.ndarray, h: np.ndarray, dh_T: np.ndarray, nonlinearity: str = "tanh"
) -> np.ndarray:
    """The norm of dL/dh_t for every step t, for a loss L that depends only on the last state.

    W_hh (H, H): the recurrent weights (stored (out, in), as torch does), h (N, T, H): the
    states h_1..h_T of a forward pass with h_t = f(... + h_{t-1} W_hh^T), dh_T (N, H): dL/dh_T.
    Returns norms (T,): norms[t] = the norm over the whole batch (all N*H entries) of the
    gradient with respect to h[:, t]; norms[-1] = ||dh_T||.
    """
    _, f_grad = _nonlinearity(nonlinearity)
    W_hh, h, dh_T = np.asarray(W_hh), np.asarray(h), np.asarray(dh_T)
    if h.ndim != 3 or W_hh.shape != (h.shape[2], h.shape[2]) or dh_T.shape != (h.shape[0], h.shape[2]):
        raise ValueError(
            f"expected W_hh (H, H), h (N, T, H), dh_T (N, H); got W_hh {W_hh.shape}, "
            f"h {h.shape}, dh_T {dh_T.shape}"
        )
    T = h.shape[1]
    norms = np.empty(T)
    dh = dh_T
    for t in range(T - 1, -1, -1):
        norms[t] = np.linalg.norm(dh)
        # One step back: through the nonlinearity at h_t, then through W_hh to h_{t-1}.
        dh = (dh * f_grad(h[:, t])) @ W_hh
    return norms
