"""Real Python source as a character stream, for a character-level language model.

The corpus (python_corpus.txt beside this module, 384,776 characters) is the source code of 23
modules of the Python 3.11.7 standard library, taken whole from CPython's Lib/ and joined in
this order, one blank line between two files:

    abc, bisect, calendar, colorsys, contextlib, copy, fnmatch, fractions, functools, glob,
    graphlib, heapq, numbers, operator, queue, random, reprlib, sched, shlex, statistics,
    string, textwrap, tokenize

The few non-ASCII characters (in comments, docstrings and one string of shlex) were written in
ASCII (accents dropped, "+-" for the plus-minus sign), so the text uses only the newline and
the 95 printable ASCII characters: a small vocabulary that never changes. Nothing else was
changed. Source: CPython 3.11.7, Copyright (c) 2001-2023 Python Software Foundation, All
Rights Reserved, redistributed under the Python Software Foundation License Version 2, whose
notice is in python_corpus.LICENSE.txt beside this module (the license permits redistribution
and derivative works provided the notice is kept and the changes are summarised).

    text = load_python_corpus()
    vocab = CharVocab()
    train, heldout = split_corpus(vocab.encode(text))        # held-out = the last 10 %
    x, y = char_windows(train, length=100)                   # y is x shifted by one character
    unigram_bits_per_char(train, heldout, len(vocab))        # the baseline to beat
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import arguments

CORPUS = Path(__file__).with_name("python_corpus.txt")
MODULES = (
    "abc",
    "bisect",
    "calendar",
    "colorsys",
    "contextlib",
    "copy",
    "fnmatch",
    "fractions",
    "functools",
    "glob",
    "graphlib",
    "heapq",
    "numbers",
    "operator",
    "queue",
    "random",
    "reprlib",
    "sched",
    "shlex",
    "statistics",
    "string",
    "textwrap",
    "tokenize",
)
ALPHABET = "\n" + "".join(chr(code) for code in range(32, 127))  # newline and printable ASCII: 96 characters


def load_python_corpus() -> str:
    """The frozen corpus: the standard-library modules of MODULES, one string."""
    return CORPUS.read_text(encoding="ascii")


class CharVocab:
    """A fixed character vocabulary: character <-> index into `chars`.

    The default is ALPHABET (96 characters), fixed in advance rather than read off the corpus,
    so that the indices, and the shape of a model's output layer, never depend on the text.
    """

    def __init__(self, chars: str = ALPHABET):
        if not isinstance(chars, str) or not chars:
            raise ValueError(f"chars must be a non-empty string of distinct characters; got {chars!r}")
        if len(set(chars)) != len(chars):
            repeated = sorted({c for c in chars if chars.count(c) > 1})
            raise ValueError(f"chars must hold every character once; repeated: {repeated}")
        self.chars = chars
        self._index = {char: i for i, char in enumerate(chars)}

    def __len__(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> np.ndarray:
        """str of length L -> indices (L,) int64."""
        unknown = sorted(set(text) - set(self._index))
        if unknown:
            raise ValueError(f"text holds characters outside the vocabulary: {unknown[:10]}")
        return np.fromiter((self._index[char] for char in text), np.int64, count=len(text))

    def decode(self, ids) -> str:
        """indices (L,) ints in [0, len(vocab)) -> str of length L."""
        ids = np.asarray(ids).ravel()
        if ids.size and (ids.dtype.kind not in "iu" or ids.min() < 0 or ids.max() >= len(self)):
            raise ValueError(
                f"ids must be whole numbers in [0, {len(self)}); got values from {ids.min()} to {ids.max()}"
            )
        return "".join(self.chars[i] for i in ids.tolist())


def split_corpus(text, heldout_fraction: float = 0.1):
    """Cut a text (a str or an (L,) array of ids) into train = the head and held-out = the tail.

    The held-out part is the last round(L * heldout_fraction) characters, one contiguous piece:
    text the model never saw, from modules it never saw, not characters sampled between its
    training characters. -> (train, heldout), of the same type as `text`.
    """
    heldout_fraction = arguments.fraction("heldout_fraction", heldout_fraction)
    if not 0 < heldout_fraction < 1:
        raise ValueError(f"heldout_fraction must lie strictly between 0 and 1; got {heldout_fraction}")
    cut = len(text) - round(len(text) * heldout_fraction)
    if cut < 2 or len(text) - cut < 2:
        raise ValueError(
            f"a text of {len(text)} characters is too short to split with heldout_fraction "
            f"{heldout_fraction}: each part needs at least 2 characters"
        )
    return text[:cut], text[cut:]


def char_windows(ids, length: int, stride: int | None = None):
    """Next-character training pairs cut from a stream of ids.

    ids (L,) ints -> inputs (N, length) and targets (N, length), both int64, where
    targets[n, t] = inputs[n, t + 1] within the stream (the character after each input
    character). Window n starts at n * stride (stride defaults to length: windows side by side,
    every character used once); N = (L - 1 - length) // stride + 1.
    """
    ids = np.asarray(ids)
    if ids.ndim != 1 or ids.dtype.kind not in "iu":
        raise ValueError(
            f"ids must be a 1-d array of whole numbers; got shape {ids.shape}, dtype {ids.dtype}"
        )
    length = arguments.whole_number("length", length)
    stride = length if stride is None else arguments.whole_number("stride", stride)
    if len(ids) < length + 1:
        raise ValueError(f"ids must hold at least length + 1 = {length + 1} characters; got {len(ids)}")
    starts = np.arange(0, len(ids) - length, stride)
    offsets = starts[:, None] + np.arange(length)  # (N, length): positions of the input characters
    return ids[offsets].astype(np.int64), ids[offsets + 1].astype(np.int64)


def unigram_bits_per_char(train_ids, heldout_ids, vocab_size: int) -> float:
    """The baseline: bits per character of the held-out text under the train text's character
    frequencies, with add-one (Laplace) smoothing so that an unseen character costs finitely.

    p(c) = (count of c in train + 1) / (len(train) + vocab_size);
    bits per char = mean over held-out characters c of -log2 p(c).
    train_ids (L1,), heldout_ids (L2,) ints in [0, vocab_size) -> float.
    """
    vocab_size = arguments.whole_number("vocab_size", vocab_size)
    train_ids, heldout_ids = np.asarray(train_ids), np.asarray(heldout_ids)
    for name, ids in (("train_ids", train_ids), ("heldout_ids", heldout_ids)):
        if ids.ndim != 1 or ids.size == 0 or ids.dtype.kind not in "iu":
            raise ValueError(
                f"{name} must be a non-empty 1-d array of whole numbers; got shape {ids.shape}, "
                f"dtype {ids.dtype}"
            )
        if ids.min() < 0 or ids.max() >= vocab_size:
            raise ValueError(
                f"{name} must lie in [0, vocab_size={vocab_size}); got values from {ids.min()} to {ids.max()}"
            )
    counts = np.bincount(train_ids, minlength=vocab_size) + 1.0
    probabilities = counts / counts.sum()
    return float(-np.mean(np.log2(probabilities[heldout_ids])))


def parallel_streams(ids, n_streams: int) -> np.ndarray:
    """Cut a stream of ids into n_streams contiguous tracks, side by side, for stateful training.

    ids (L,) ints -> (n_streams, L // n_streams) int64: row k is ids[k * S:(k + 1) * S] with
    S = L // n_streams, so each row reads on where its own text goes on, and column t of the
    batch holds n_streams characters that lie S apart. The last L % n_streams ids are dropped.
    """
    ids = np.asarray(ids)
    if ids.ndim != 1 or ids.dtype.kind not in "iu":
        raise ValueError(
            f"ids must be a 1-d array of whole numbers; got shape {ids.shape}, dtype {ids.dtype}"
        )
    n_streams = arguments.whole_number("n_streams", n_streams)
    per_stream = len(ids) // n_streams
    if per_stream < 2:
        raise ValueError(
            f"{len(ids)} ids are too few for {n_streams} streams: each stream needs at least 2 "
            f"(a character and the next)"
        )
    return ids[: n_streams * per_stream].reshape(n_streams, per_stream).astype(np.int64)
