"""Date translation: a date as it is spoken in, the same date in ISO form out.

    "the third of march nineteen ninety"  ->  "1990-03-03"

A many-to-many task whose input and output differ in length and are not aligned step by
step (the year is said last but written first), which is what an encoder-decoder is for.
Every date is real (checked by the datetime module, leap years included) and is said in one
of four word orders; a year has one spoken form ("nineteen oh five", "two thousand seven",
"twenty twelve"). Generated in code.
"""

from __future__ import annotations

import datetime

import numpy as np

from .. import arguments

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORDINAL_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# the four ways a date is said: {d} day, {m} month, {y} year
FORMS = ("the {d} of {m} {y}", "{m} the {d} {y}", "{m} {d} {y}", "the {d} of {m} in {y}")

PAD, START, END = 0, 1, 2  # the special token indices of both vocabularies
ISO_SYMBOLS = ("<pad>", "<start>", "<end>") + tuple("0123456789-")


def ordinal(day: int) -> str:
    """1 -> "first", 22 -> "twenty second", 30 -> "thirtieth" (for days 1 to 31)."""
    if day < 10:
        return _ORDINAL_UNITS[day]
    if day < 20:
        return _ORDINAL_TEENS[day - 10]
    tens, units = divmod(day, 10)
    if units == 0:
        return _TENS[tens][:-1] + "ieth"  # twenty -> twentieth
    return f"{_TENS[tens]} {_ORDINAL_UNITS[units]}"


def _two_digits(number: int) -> str:
    """10..99 in words: "twelve", "forty", "ninety nine"."""
    if number < 20:
        return _TEENS[number - 10]
    tens, units = divmod(number, 10)
    return _TENS[tens] + (f" {_UNITS[units]}" if units else "")


def spoken_year(year: int) -> str:
    """1905 -> "nineteen oh five", 1900 -> "nineteen hundred", 2007 -> "two thousand seven",
    2012 -> "twenty twelve" (for years 1100 to 2099)."""
    century, rest = divmod(year, 100)
    if century == 20 and rest < 10:
        return "two thousand" + (f" {_UNITS[rest]}" if rest else "")
    head = _two_digits(century)
    if rest == 0:
        return f"{head} hundred"
    if rest < 10:
        return f"{head} oh {_UNITS[rest]}"
    return f"{head} {_two_digits(rest)}"


def _words() -> tuple[str, ...]:
    """Every word a spoken date can use, in a fixed order."""
    words = {w for form in FORMS for w in form.split() if not w.startswith("{")}
    words |= set(MONTHS) | set(" ".join(ordinal(d) for d in range(1, 32)).split())
    words |= set(" ".join(spoken_year(y) for y in range(1100, 2100)).split())
    return tuple(sorted(words))


WORDS = ("<pad>", "<start>", "<end>") + _words()  # the input vocabulary
_WORD_INDEX = {word: index for index, word in enumerate(WORDS)}
_ISO_INDEX = {symbol: index for index, symbol in enumerate(ISO_SYMBOLS)}


def dates(n: int, first_year: int = 1900, last_year: int = 2099, seed: int = 0):
    """n random dates between 1 January first_year and 31 December last_year.

    Returns spoken (n,) str, e.g. "march the third nineteen ninety", and iso (n,) str,
    e.g. "1990-03-03".
    """
    n = arguments.whole_number("n", n)
    first_year = arguments.whole_number("first_year", first_year, minimum=1100)
    last_year = arguments.whole_number("last_year", last_year, minimum=first_year)
    if last_year > 2099:
        raise ValueError(f"last_year must be <= 2099 (the years this module can say); got {last_year}")
    rng = np.random.default_rng(arguments.seed(seed))
    first = datetime.date(first_year, 1, 1).toordinal()
    days = rng.integers(first, datetime.date(last_year, 12, 31).toordinal() + 1, size=n)
    forms = rng.integers(0, len(FORMS), size=n)
    spoken, iso = [], []
    for day, form in zip(days, forms):
        date = datetime.date.fromordinal(int(day))
        spoken.append(
            FORMS[form].format(d=ordinal(date.day), m=MONTHS[date.month - 1], y=spoken_year(date.year))
        )
        iso.append(date.isoformat())
    return np.array(spoken), np.array(iso)


def encode_spoken(spoken) -> np.ndarray:
    """Spoken dates (n,) str -> word indices (n, T) int64 into WORDS, padded with PAD at the end;
    T is the most words any of them has."""
    rows = [[_WORD_INDEX[word] for word in str(text).split()] for text in np.atleast_1d(spoken)]
    out = np.full((len(rows), max(len(r) for r in rows)), PAD, np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return out


def encode_iso(iso) -> np.ndarray:
    """ISO dates (n,) str -> symbol indices (n, 11) int64 into ISO_SYMBOLS: the 10 characters
    followed by END."""
    return np.array([[_ISO_INDEX[c] for c in str(text)] + [END] for text in np.atleast_1d(iso)], np.int64)


def decode_iso(indices) -> np.ndarray:
    """Symbol indices (n, T) -> (n,) str, read up to the first END (special symbols dropped)."""
    out = []
    for row in np.atleast_2d(indices):
        text = []
        for index in row:
            if index == END:
                break
            if index > END:
                text.append(ISO_SYMBOLS[index])
        out.append("".join(text))
    return np.array(out)
