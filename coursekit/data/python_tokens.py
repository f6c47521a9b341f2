"""Python source, character by character, each character tagged with its token type.

The labeler is the standard library's tokenize module: every character gets the type of the
token that covers it (a NAME, a NUMBER, a STRING, an operator, a COMMENT, the end of a line),
and characters that belong to no token (spaces, indentation) are "space". That makes a
many-to-many task with one tag for every input step.

The text is frozen in the repository (python_source.txt beside this module: about 620 lines
written for the course, under the course's license, ASCII only, without f-strings, whose
tokens changed in Python 3.12), so the tags are the same on every supported Python version.
"""

from __future__ import annotations

import io
import tokenize
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import arguments

SOURCE = Path(__file__).with_name("python_source.txt")
TAGS = ("space", "name", "number", "string", "operator", "comment", "newline")
# tokenize's type -> tag; keywords are NAME tokens too, as tokenize reports them
_TAG_OF_TYPE = {
    tokenize.NAME: 1,
    tokenize.NUMBER: 2,
    tokenize.STRING: 3,
    tokenize.OP: 4,
    tokenize.COMMENT: 5,
    tokenize.NEWLINE: 6,
    tokenize.NL: 6,
}
ALPHABET = "\n" + "".join(chr(code) for code in range(32, 127))  # newline and printable ASCII
_INDEX = {char: index for index, char in enumerate(ALPHABET)}
TEST_FRACTION = 0.25  # the last quarter of the lines is held out for testing


def source_text() -> str:
    """The frozen Python source the dataset is cut from."""
    return SOURCE.read_text(encoding="ascii")


def label_characters(text: str) -> np.ndarray:
    """The tag index (into TAGS) of every character of a piece of Python source.

    text: str of length L that tokenize accepts -> tags (L,) int64.
    """
    line_starts = np.cumsum([0] + [len(line) for line in text.splitlines(keepends=True)])
    tags = np.zeros(len(text), np.int64)  # "space" wherever no token covers the character
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        tag = _TAG_OF_TYPE.get(token.type)
        if tag is None:  # INDENT, DEDENT, ENDMARKER: whitespace or nothing
            continue
        start = line_starts[token.start[0] - 1] + token.start[1]
        end = line_starts[token.end[0] - 1] + token.end[1]
        tags[start:end] = tag
    return tags


def encode(text: str) -> np.ndarray:
    """Characters -> indices into ALPHABET: str of length L -> (L,) int64."""
    unknown = sorted(set(text) - set(ALPHABET))
    if unknown:
        raise ValueError(f"text must hold printable ASCII characters and newlines only; got {unknown}")
    return np.array([_INDEX[char] for char in text], np.int64)


def decode(codes) -> str:
    """Indices into ALPHABET -> the text: (L,) ints -> str."""
    return "".join(ALPHABET[int(code)] for code in np.asarray(codes).ravel())


@lru_cache(maxsize=1)
def _labelled() -> tuple[np.ndarray, np.ndarray, int]:
    """The whole text encoded, its tags, and where the test part begins (a line start)."""
    text = source_text()
    lines = text.splitlines(keepends=True)
    test_begins = sum(len(line) for line in lines[: round(len(lines) * (1 - TEST_FRACTION))])
    return encode(text), label_characters(text), test_begins


def _part(split: str) -> slice:
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test'; got {split!r}")
    _, tags, test_begins = _labelled()
    return slice(0, test_begins) if split == "train" else slice(test_begins, len(tags))


def labelled_source(split: str = "test"):
    """The whole train or test part of the text as one sequence, to tag from its first character.

    Returns chars (L,) int64 indices into ALPHABET and tags (L,) int64 indices into TAGS.
    """
    chars, tags, _ = _labelled()
    part = _part(split)
    return chars[part], tags[part]


def python_tokens(n: int, length: int = 64, split: str = "train", seed: int = 0):
    """n windows of `length` characters of Python source and the tag of every character.

    split: "train" cuts the windows from the first three quarters of the lines, "test" from
    the last quarter, so test windows hold code the model never saw.
    Returns chars (n, length) int64 indices into ALPHABET, and tags (n, length) int64
    indices into TAGS (tags[i, t] is the token type of chars[i, t]).
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length)
    part = _part(split)
    rng = np.random.default_rng(arguments.seed(seed))
    chars, tags, _ = _labelled()
    low, high = part.start, part.stop
    if length > high - low:
        raise ValueError(
            f"length must be at most {high - low} (the characters of the {split} part); got {length}"
        )
    starts = rng.integers(low, high - length + 1, size=n)
    window = starts[:, None] + np.arange(length)
    return chars[window], tags[window]
