"""Yearly sunspot numbers (NOAA NGDC via statsmodels): the frozen file, known years, windows, splits."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

import coursekit.data.sunspots as sunspots
from coursekit.data.sunspots import sliding_windows, split_tail, yearly_sunspots


def test_the_shipped_file_is_frozen():
    # The file must not change unnoticed: every number in the course's forecasting notebook depends on it.
    digest = hashlib.sha256(Path(sunspots.__file__).with_name("sunspots.txt").read_bytes()).hexdigest()
    assert digest == "d3d147fc2cde707302d969a9d528d7c51c7effe7135a8c522363789f7aae42c5"


def test_one_value_a_year_from_1700_to_2008_with_known_years():
    years, counts = yearly_sunspots()
    assert years.shape == counts.shape == (309,) and years.dtype.kind == "i" and counts.dtype == np.float64
    assert np.array_equal(years, np.arange(1700, 2009))
    known = {1700: 5.0, 1749: 80.9, 1778: 154.4, 1957: 190.2, 2000: 119.6, 2008: 2.9}
    for year, value in known.items():
        assert counts[year - 1700] == pytest.approx(value), year
    assert counts.min() >= 0 and counts.argmax() == 1957 - 1700  # the largest yearly mean on record


def test_callers_get_copies():
    years, counts = yearly_sunspots()
    counts[:] = -1
    years[:] = 0
    assert yearly_sunspots()[1][0] == 5.0 and yearly_sunspots()[0][0] == 1700


def test_sliding_windows_shapes_and_values():
    series = np.arange(10.0)
    X, y = sliding_windows(series, window=3)
    assert X.shape == (7, 3) and y.shape == (7, 1)
    assert (
        np.array_equal(X[0], [0, 1, 2])
        and y[0, 0] == 3
        and np.array_equal(X[-1], [6, 7, 8])
        and y[-1, 0] == 9
    )
    X, y = sliding_windows(series, window=4, horizon=3)
    assert X.shape == (4, 4) and y.shape == (4, 3)
    assert np.array_equal(y[1], [5, 6, 7]) and np.array_equal(X[1], [1, 2, 3, 4])
    X, y = sliding_windows(series, window=9)  # exactly one window fits
    assert X.shape == (1, 9) and y[0, 0] == 9


def test_sliding_windows_of_the_sunspots_line_up_with_the_years():
    years, counts = yearly_sunspots()
    X, y = sliding_windows(counts, window=12)
    assert X.shape == (297, 12) and y.shape == (297, 1)
    assert y[0, 0] == counts[12] and np.array_equal(X[-1], counts[-13:-1])


def test_split_tail_keeps_the_last_years_apart():
    years, counts = yearly_sunspots()
    train, test = split_tail(counts)
    assert train.shape == (269,) and test.shape == (40,)
    assert np.array_equal(np.r_[train, test], counts) and test[0] == counts[1969 - 1700]
    assert split_tail(np.arange(5.0), tail=1)[1].tolist() == [4.0]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: sliding_windows(np.arange(5.0), window=0), r"window must be >= 1; got 0"),
        (
            lambda: sliding_windows(np.arange(5.0), window=2.5),
            r"window must be a whole number \(int\) >= 1; got 2.5",
        ),
        (lambda: sliding_windows(np.arange(5.0), window=2, horizon=0), r"horizon must be >= 1; got 0"),
        (
            lambda: sliding_windows(np.arange(5.0), window=4, horizon=2),
            r"window \+ horizon must be at most the series length 5; got window=4, horizon=2",
        ),
        (
            lambda: sliding_windows(np.zeros((3, 4)), window=2),
            r"series must be one-dimensional \(T,\); got shape \(3, 4\)",
        ),
        (
            lambda: split_tail(np.arange(5.0), tail=5),
            r"tail must be shorter than the series \(5 values\); got 5",
        ),
        (
            lambda: split_tail(np.arange(5.0), tail=True),
            r"tail must be a whole number \(int\) >= 1; got True",
        ),
    ],
)
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises(ValueError, match=message):
        call()
