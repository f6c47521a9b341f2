"""Yearly sunspot numbers, 1700 to 2008: a real series with a cycle of about 11 years.

The numbers are the yearly mean sunspot numbers of NOAA's National Geophysical Data Center
(SOURCE: http://www.ngdc.noaa.gov/stp/solar/solarda3.html), as shipped by statsmodels
(statsmodels/datasets/sunspots, whose notes say "This data is public domain."). A copy is
frozen beside this module in sunspots.txt (a comment line naming the source, then a CSV with
the header YEAR,SUNACTIVITY), so nothing downloads.

    years, counts = yearly_sunspots()                 # (309,) int, (309,) float
    X, y = sliding_windows(counts, window=12)         # (297, 12), (297, 1)
    train, test = split_tail(counts, tail=40)         # (269,), (40,): 1700-1968 and 1969-2008
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..arguments import whole_number

_FILE = Path(__file__).with_name("sunspots.txt")


@lru_cache(maxsize=1)
def _table() -> tuple[np.ndarray, np.ndarray]:
    rows = [
        line.strip().split(",")
        for line in _FILE.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header, *rows = rows
    assert header == ["YEAR", "SUNACTIVITY"], header
    return np.array([int(year) for year, _ in rows]), np.array([float(count) for _, count in rows])


def yearly_sunspots() -> tuple[np.ndarray, np.ndarray]:
    """The yearly mean sunspot number of every year from 1700 to 2008.

    Returns years (309,) int64 (1700, 1701, ..., 2008) and counts (309,) float64 (the sunspot
    number, 0 to 190). Public domain (NOAA NGDC, via statsmodels); see the module docstring.
    Fresh copies each call, so changing them changes nothing here.
    """
    years, counts = _table()
    return years.copy(), counts.copy()


def _series(series) -> np.ndarray:
    series = np.asarray(series, dtype=float)
    if series.ndim != 1:
        raise ValueError(f"series must be one-dimensional (T,); got shape {series.shape}")
    return series


def sliding_windows(series, window: int, horizon: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Every stretch of `window` past values and the `horizon` values that follow it.

    series (T,) -> X (N, window), y (N, horizon) with N = T - window - horizon + 1, and
    X[i] = series[i : i + window], y[i] = series[i + window : i + window + horizon].
    """
    series = _series(series)
    window = whole_number("window", window)
    horizon = whole_number("horizon", horizon)
    n = len(series) - window - horizon + 1
    if n < 1:
        raise ValueError(
            f"window + horizon must be at most the series length {len(series)}; "
            f"got window={window}, horizon={horizon}"
        )
    starts = np.arange(n)[:, None]
    return series[starts + np.arange(window)], series[starts + window + np.arange(horizon)]


def split_tail(series, tail: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """Keep the last `tail` values apart: series (T,) -> (series[:-tail], series[-tail:]).

    The held-out tail is the future a forecaster is judged on; nothing fitted may see it.
    """
    series = _series(series)
    tail = whole_number("tail", tail)
    if tail >= len(series):
        raise ValueError(f"tail must be shorter than the series ({len(series)} values); got {tail}")
    return series[:-tail].copy(), series[-tail:].copy()
