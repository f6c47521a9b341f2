"""Monthly stock prices, 1990 to 2022: a real time series that needs no download.

The numbers come from matplotlib, which ships them as sample data
(mpl-data/sample_data/Stocks.csv, read with matplotlib.cbook.get_sample_data). The file names
its source: Yahoo Finance (https://finance.yahoo.com): monthly bars, each dated by its month's
first day and holding the close at the month's end, adjusted for stock splits (so Apple starts
at $0.24). It is distributed with matplotlib under matplotlib's license; the prices
themselves are public market data. Columns: IBM, AAPL, MSFT, XRX, AMZN, DELL, GOOGL, ADBE,
^GSPC (the S&P 500 index) and ^IXIC (the Nasdaq Composite index).
"""

from __future__ import annotations

import csv
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _table() -> tuple[list[str], list[list[str]]]:
    """The header and the rows of matplotlib's Stocks.csv, as text."""
    from matplotlib.cbook import get_sample_data

    with open(get_sample_data("Stocks.csv", asfileobj=False), newline="") as file:
        lines = [line for line in file if not line.startswith("#")]  # the first line names the source
    header, *rows = csv.reader(lines)
    return header, rows


def symbols() -> tuple[str, ...]:
    """The ticker symbols in the file, e.g. '^GSPC' (S&P 500) and 'AAPL'."""
    return tuple(_table()[0][1:])


def monthly_prices(symbol: str = "^GSPC"):
    """The closing price of `symbol` at the end of each month in which it was listed.

    Returns dates (M,) datetime64[M] (one per month, in order) and prices (M,) float64 in US
    dollars (index points for ^GSPC and ^IXIC). The S&P 500 covers 1990-01 to 2022-06: M = 390.
    """
    header, rows = _table()
    if symbol not in header[1:]:
        raise ValueError(f"symbol must be one of {', '.join(header[1:])}; got {symbol!r}")
    column = header.index(symbol)
    # The file also holds a few mid-month rows: empty ones and, at the end, a copy of the last
    # month. One row per month: the rows dated the 1st.
    kept = [(row[0], float(row[column])) for row in rows if row[0].endswith("-01") and row[column]]
    dates = np.array([date for date, _ in kept], dtype="datetime64[M]")
    prices = np.array([price for _, price in kept], dtype=np.float64)
    return dates, prices
