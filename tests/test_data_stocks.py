"""Monthly prices from matplotlib's Stocks.csv: one price a month, in order, with known values."""

import numpy as np
import pytest

from coursekit.data.stocks import monthly_prices, symbols


def test_sp500_is_one_price_a_month_from_1990_to_2022():
    dates, prices = monthly_prices("^GSPC")
    assert dates.dtype == np.dtype("datetime64[M]") and prices.dtype == np.float64
    assert dates.shape == prices.shape == (390,)
    assert dates[0] == np.datetime64("1990-01") and dates[-1] == np.datetime64("2022-06")
    assert np.all(np.diff(dates) == np.timedelta64(1, "M")), "every month once, in order, no gaps"
    assert np.all(np.isfinite(prices)) and np.all(prices > 0)
    # month-end closes of the S&P 500: January 1990 and February 1990, as published
    assert prices[0] == pytest.approx(329.08, abs=0.01) and prices[1] == pytest.approx(331.89, abs=0.01)


def test_default_is_the_sp500_and_late_listings_start_late():
    assert np.array_equal(monthly_prices()[1], monthly_prices("^GSPC")[1])
    dates, prices = monthly_prices("AMZN")
    assert dates[0] == np.datetime64("1997-06") and len(dates) == len(prices) == 301
    assert "^GSPC" in symbols() and "AAPL" in symbols() and "Date" not in symbols()


def test_unknown_symbol_lists_the_choices():
    with pytest.raises(ValueError, match=r"symbol must be one of IBM, .*\^GSPC.*; got 'SPX'"):
        monthly_prices("SPX")
