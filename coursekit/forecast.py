"""Forecasting a series from its own past: the naive baseline, a linear autoregressive model fitted by
least squares, the mean absolute error, and multi-step forecasts that feed each forecast back in.

    forecasts = naive_forecast(series)                      # (T-1,): forecasts[t] = series[t], guessing series[t+1]
    coefficients = fit_ar(series, p)                        # (p+1,): [w_1, ..., w_p (oldest lag first), b]
    next_values = ar_predict(coefficients, windows)         # (N,): from the last p values of each window (N, w)
    forecasts = ar_one_step(coefficients, series, first)    # (T-first,): series[first:], each from the true past
    error = mean_absolute_error(truth, forecasts)           # float
    paths = recursive_forecast(predict_next, windows, steps)  # (N, steps): each forecast fed back as an input

An AR(p) model predicts x_t = w_1 x_{t-p} + ... + w_p x_{t-1} + b: a window series[t-p:t] in time
order, times the weights, plus the bias. The windows and the held-out tail come from
coursekit.data.sunspots (sliding_windows, split_tail), which work on any series.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .data.sunspots import sliding_windows


def naive_forecast(series) -> np.ndarray:
    """Next = last: series (T,) -> forecasts (T-1,) of series[1:], forecasts[t] = series[t]."""
    return np.asarray(series, dtype=float)[:-1].copy()


def fit_ar(series, p: int, bias: bool = True) -> np.ndarray:
    """AR(p) by least squares: series (T,) -> [w_1..w_p, b] (p+1,), or (p,) without a bias."""
    X, y = sliding_windows(series, p)  # rows [x_{t-p}, ..., x_{t-1}], targets x_t
    if bias:
        X = np.hstack([X, np.ones((len(X), 1))])  # a column of ones: its weight is the bias
    return np.linalg.lstsq(X, y[:, 0], rcond=None)[0]


def ar_predict(coefficients, windows) -> np.ndarray:
    """The next value after each window: windows (N, w) with w >= p -> (N,), from the last p values."""
    coefficients, windows = np.asarray(coefficients, dtype=float), np.asarray(windows, dtype=float)
    p = len(coefficients) - 1
    if windows.ndim != 2 or windows.shape[1] < p:
        raise ValueError(f"windows must have shape (N, w) with w >= p = {p}; got {windows.shape}")
    return windows[:, windows.shape[1] - p :] @ coefficients[:p] + coefficients[p]


def ar_one_step(coefficients, series, first: int) -> np.ndarray:
    """One-step forecasts of series[first:], each from the true values before it -> (T - first,)."""
    series, p = np.asarray(series, dtype=float), len(coefficients) - 1
    if not p <= first < len(series):
        raise ValueError(
            f"first must leave p = {p} values before it and one after; got first={first} "
            f"for a series of {len(series)}"
        )
    windows = np.stack([series[t - p : t] for t in range(first, len(series))])
    return ar_predict(coefficients, windows)


def mean_absolute_error(truth, forecasts) -> float:
    """The mean of |truth - forecasts|, in the units of the series."""
    return float(np.mean(np.abs(np.asarray(truth, dtype=float) - np.asarray(forecasts, dtype=float))))


def recursive_forecast(predict_next: Callable, windows, steps: int) -> np.ndarray:
    """Forecast `steps` values by feeding each forecast back: windows (N, w) -> forecasts (N, steps).

    predict_next(windows (N, w)) -> (N,) is any one-step forecaster (AR, a network, ...).
    """
    windows, out = np.array(windows, dtype=float), []
    for _ in range(steps):
        out.append(np.asarray(predict_next(windows), dtype=float))
        windows = np.hstack([windows[:, 1:], out[-1][:, None]])  # drop the oldest, append the forecast
    return np.stack(out, axis=1)
