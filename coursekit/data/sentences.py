"""Template sentences whose sentiment turns on word order, for "order matters".

    tokens, lengths, labels, vocab = order_sentences(2000, seed=0)

Four templates, drawn equally often, after an opener such as "the film was":

    simple      "it was good"               the adjective decides
    negated     "it was not good"           "not" flips it
    not ... but "it was not good but bad"   the adjective after "but" decides
    but not     "it was bad but not good"   the adjective before "but" decides

In the last two, one adjective is positive and the other negative, so "not good but bad"
(negative) and "not bad but good" (positive) hold the same words: no model that sees only
which words occur, and how often, can tell them apart. Only their order can.
"""

from __future__ import annotations

import numpy as np

from .. import arguments

PAD = "<pad>"
OPENERS = (
    ("it", "was"),
    ("the", "film", "was"),
    ("the", "food", "was"),
    ("the", "service", "was"),
    ("the", "plot", "was"),
    ("the", "room", "was"),
)
POSITIVE = ("good", "great", "fine", "nice", "lovely")
NEGATIVE = ("bad", "awful", "poor", "dull", "boring")
TEMPLATES = ("simple", "negated", "not ... but", "but not")
VOCAB = (PAD, "not", "but", *dict.fromkeys(w for opener in OPENERS for w in opener), *POSITIVE, *NEGATIVE)


def _sentence(template: str, opener: tuple[str, ...], first: str, second: str) -> list[str]:
    """The words of one sentence; `first` is the adjective that decides the label where there are two."""
    if template == "simple":
        return [*opener, first]
    if template == "negated":
        return [*opener, "not", first]
    if template == "not ... but":
        return [*opener, "not", second, "but", first]
    return [*opener, first, "but", "not", second]


def order_sentences(n: int, seed: int = 0):
    """n sentences as padded token ids, their lengths, their sentiment and the vocabulary.

    Returns tokens (n, T) int64 with T the longest possible sentence (7 words) and 0 (PAD)
    after the last word, lengths (n,) int64, labels (n,) int64 (1 positive, 0 negative) and
    vocab, a tuple of words with vocab[i] the word of id i (vocab[0] is PAD).
    """
    n = arguments.whole_number("n", n)
    rng = np.random.default_rng(arguments.seed(seed))
    ids = {word: i for i, word in enumerate(VOCAB)}
    width = max(len(o) for o in OPENERS) + 4  # opener + not + adjective + but + adjective
    tokens = np.zeros((n, width), dtype=np.int64)
    lengths = np.zeros(n, dtype=np.int64)
    labels = np.zeros(n, dtype=np.int64)
    for i in range(n):
        template = TEMPLATES[rng.integers(len(TEMPLATES))]
        opener = OPENERS[rng.integers(len(OPENERS))]
        positive = bool(rng.integers(2))  # the polarity of the deciding adjective
        decides, other = (POSITIVE, NEGATIVE) if positive else (NEGATIVE, POSITIVE)
        first, second = decides[rng.integers(len(decides))], other[rng.integers(len(other))]
        words = _sentence(template, opener, first, second)
        tokens[i, : len(words)] = [ids[w] for w in words]
        lengths[i] = len(words)
        labels[i] = positive != (template == "negated")
    return tokens, lengths, labels, VOCAB


def decode(tokens: np.ndarray, lengths: np.ndarray, vocab) -> list[str]:
    """The sentences as text: tokens (n, T) ids and lengths (n,) -> n strings."""
    return [" ".join(vocab[t] for t in row[:length]) for row, length in zip(tokens, lengths)]


def encode(sentences: list[str], vocab) -> tuple[np.ndarray, np.ndarray]:
    """Sentences of known words as padded token ids: -> tokens (n, T) int64, lengths (n,) int64.

    T is the longest sentence given; an unknown word raises a ValueError that lists the vocabulary.
    """
    sentences = arguments.non_empty("sentences", sentences)
    ids = {word: i for i, word in enumerate(vocab)}
    split = [sentence.split() for sentence in sentences]
    for words in split:
        unknown = [w for w in words if w not in ids or w == vocab[0]]
        if unknown:
            raise ValueError(f"unknown word(s) {unknown}: use words of the vocabulary {', '.join(vocab[1:])}")
        if not words:
            raise ValueError("every sentence needs at least one word; got an empty one")
    lengths = np.array([len(words) for words in split], dtype=np.int64)
    tokens = np.zeros((len(split), lengths.max()), dtype=np.int64)
    for row, words in zip(tokens, split):
        row[: len(words)] = [ids[w] for w in words]
    return tokens, lengths


def bag_of_words(tokens: np.ndarray, lengths: np.ndarray, vocab_size: int) -> np.ndarray:
    """How often each word occurs in each sentence, order thrown away: (n, T) -> (n, vocab_size) float32.

    Padding is not counted, so column 0 (PAD) is always zero.
    """
    n, width = tokens.shape
    real = np.arange(width)[None, :] < lengths[:, None]  # (n, T): True on words, False on padding
    counts = np.zeros((n, vocab_size), dtype=np.float32)
    np.add.at(counts, (np.repeat(np.arange(n), width)[real.ravel()], tokens[real]), 1.0)
    return counts


def shuffle_words(tokens: np.ndarray, lengths: np.ndarray, seed: int = 0) -> np.ndarray:
    """The same sentences with their words in a random order (each sentence shuffled on its own).

    tokens (n, T), lengths (n,) -> a new (n, T) array; the padding stays at the end.
    """
    rng = np.random.default_rng(arguments.seed(seed))
    shuffled = tokens.copy()
    for row, length in zip(shuffled, lengths):
        row[:length] = row[rng.permutation(length)]
    return shuffled
