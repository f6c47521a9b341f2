"""coursekit.data.dates: spoken dates and their ISO form."""

import datetime

import numpy as np
import pytest

from coursekit.data import dates as dt


@pytest.mark.parametrize(
    "year,words",
    [
        (1990, "nineteen ninety"),
        (1905, "nineteen oh five"),
        (1900, "nineteen hundred"),
        (1918, "nineteen eighteen"),
        (2000, "two thousand"),
        (2007, "two thousand seven"),
        (2010, "twenty ten"),
        (2023, "twenty twenty three"),
        (1166, "eleven sixty six"),
    ],
)
def test_spoken_years(year, words):
    assert dt.spoken_year(year) == words


@pytest.mark.parametrize(
    "day,words",
    [
        (1, "first"),
        (2, "second"),
        (3, "third"),
        (11, "eleventh"),
        (12, "twelfth"),
        (20, "twentieth"),
        (21, "twenty first"),
        (22, "twenty second"),
        (30, "thirtieth"),
        (31, "thirty first"),
    ],
)
def test_ordinals(day, words):
    assert dt.ordinal(day) == words


def test_the_examples_of_the_lesson_are_reachable():
    """Every form says day, month and year; the material's example is one of them."""
    said = dt.FORMS[0].format(d=dt.ordinal(3), m=dt.MONTHS[2], y=dt.spoken_year(1990))
    assert said == "the third of march nineteen ninety"


def test_dates_are_real_reproducible_and_in_range():
    spoken, iso = dt.dates(3000, first_year=1996, last_year=2004, seed=2)
    assert spoken.shape == iso.shape == (3000,)
    again = dt.dates(3000, first_year=1996, last_year=2004, seed=2)
    assert np.array_equal(spoken, again[0]) and np.array_equal(iso, again[1])
    assert not np.array_equal(iso, dt.dates(3000, first_year=1996, last_year=2004, seed=3)[1])
    parsed = [datetime.date.fromisoformat(d) for d in iso]  # raises on 1997-02-29 and the like
    assert {d.year for d in parsed} == set(range(1996, 2005))
    assert any(d.month == 2 and d.day == 29 for d in parsed)  # leap days occur, in leap years only
    for words, date in zip(spoken, parsed):
        assert words.endswith(dt.spoken_year(date.year)) and dt.MONTHS[date.month - 1] in words.split()
        assert f" {dt.ordinal(date.day)} " in f" {words} "
    assert {form_of(words) for words in spoken} == set(range(len(dt.FORMS)))  # every word order occurs


def form_of(words: str) -> int:
    """Which of dt.FORMS a spoken date follows."""
    w = words.split()
    if w[0] == "the":
        return 3 if "in" in w else 0
    return 1 if w[1] == "the" else 2


def test_the_spoken_form_determines_the_date():
    """The task is learnable: one spoken form never stands for two different dates."""
    spoken, iso = dt.dates(5000, seed=0)
    meaning = {}
    for words, date in zip(spoken, iso):
        assert meaning.setdefault(words, date) == date


def test_encodings():
    spoken, iso = dt.dates(50, seed=1)
    words = dt.encode_spoken(spoken)
    assert words.dtype == np.int64 and words.shape[0] == 50
    assert words.shape[1] == max(len(s.split()) for s in spoken)
    for row, text in zip(words, spoken):
        n = len(text.split())
        assert " ".join(dt.WORDS[i] for i in row[:n]) == text and (row[n:] == dt.PAD).all()
    symbols = dt.encode_iso(iso)
    assert symbols.shape == (50, 11) and (symbols[:, -1] == dt.END).all()
    assert np.array_equal(dt.decode_iso(symbols), iso)
    # decoding stops at the first end token and drops start and padding symbols
    assert dt.decode_iso(np.array([[dt.START, 4, 5, dt.END, 6]]))[0] == "12"


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: dt.dates(0), "n must be >= 1"),
        (lambda: dt.dates(5, first_year=1000), "first_year must be >= 1100"),
        (lambda: dt.dates(5, first_year=2000, last_year=1999), "last_year must be >= 2000"),
        (lambda: dt.dates(5, last_year=2100), "last_year must be <= 2099"),
        (lambda: dt.dates(5, seed="0"), "seed must be a non-negative int"),
    ],
)
def test_bad_arguments(call, words):
    with pytest.raises(ValueError, match=words):
        call()
