"""Template sentences: reproducible, labelled by their meaning, and undecidable from word counts alone."""

from collections import defaultdict

import numpy as np
import pytest

from coursekit.data.sentences import (
    NEGATIVE,
    POSITIVE,
    VOCAB,
    bag_of_words,
    decode,
    encode,
    order_sentences,
    shuffle_words,
)


def test_shapes_padding_and_reproducibility():
    tokens, lengths, labels, vocab = order_sentences(300, seed=2)
    assert tokens.shape == (300, 7) and tokens.dtype == np.int64 and lengths.shape == labels.shape == (300,)
    assert vocab == VOCAB and vocab[0] == "<pad>"
    width = np.arange(7)[None, :]
    assert np.all((tokens == 0) == (width >= lengths[:, None])), "padding (id 0) exactly after the last word"
    again = order_sentences(300, seed=2)
    assert all(np.array_equal(a, b) for a, b in zip((tokens, lengths, labels), again[:3]))
    assert not np.array_equal(tokens, order_sentences(300, seed=3)[0])
    assert 0.4 < labels.mean() < 0.6


def sentiment(sentence: str) -> int:
    """The label a reader gives, written independently of the generator: 'but' hands the verdict to one side."""
    words = sentence.split()

    def polarity(part: list[str]) -> int:
        value = 1 if any(w in POSITIVE for w in part) else 0
        return 1 - value if "not" in part else value

    if "but" in words:
        cut = words.index("but")
        before, after = words[:cut], words[cut + 1 :]
        return polarity(after) if "not" in before else polarity(before)
    return polarity(words)


def test_labels_are_what_the_sentences_say():
    tokens, lengths, labels, vocab = order_sentences(500, seed=0)
    sentences = decode(tokens, lengths, vocab)
    assert [sentiment(s) for s in sentences] == labels.tolist()
    assert {"it was good", "it was not good"} <= set(
        decode(*encode(["it was good", "it was not good"], vocab), vocab)
    )


def test_sentences_with_but_share_their_bag_with_the_opposite_label():
    """A model of word counts cannot beat chance on the sentences with 'but'; on the others it can be perfect."""
    tokens, lengths, labels, vocab = order_sentences(2000, seed=1)
    counts = bag_of_words(tokens, lengths, len(vocab))
    has_but = counts[:, vocab.index("but")] > 0
    assert 0.4 < has_but.mean() < 0.6
    labels_of_bag = defaultdict(set)
    for row, label in zip(counts[~has_but], labels[~has_but]):
        labels_of_bag[row.tobytes()].add(int(label))
    assert all(len(seen) == 1 for seen in labels_of_bag.values()), "without 'but', the words decide the label"
    # with 'but', swapping the two adjectives keeps the words and flips the meaning
    adjectives = set(POSITIVE + NEGATIVE)
    for sentence, label in zip(decode(tokens[has_but], lengths[has_but], vocab), labels[has_but]):
        words = sentence.split()
        first, second = (i for i, w in enumerate(words) if w in adjectives)
        words[first], words[second] = words[second], words[first]
        mirror = " ".join(words)
        assert sentiment(mirror) == 1 - label, (sentence, mirror)
        pair = bag_of_words(*encode([sentence, mirror], vocab), len(vocab))
        assert np.array_equal(pair[0], pair[1])


def test_bag_of_words_counts_words_and_ignores_padding():
    tokens, lengths = encode(["it was not not good", "it was bad"], VOCAB)
    counts = bag_of_words(tokens, lengths, len(VOCAB))
    assert counts.shape == (2, len(VOCAB)) and counts.dtype == np.float32
    assert counts[0, VOCAB.index("not")] == 2 and counts[1, 0] == 0
    assert counts.sum(1).tolist() == lengths.tolist()


def test_shuffle_words_permutes_within_each_sentence_only():
    tokens, lengths, _, vocab = order_sentences(200, seed=4)
    shuffled = shuffle_words(tokens, lengths, seed=5)
    assert shuffled.shape == tokens.shape and not np.array_equal(shuffled, tokens)
    assert np.array_equal(np.sort(shuffled, 1), np.sort(tokens, 1)), "each row keeps its own words"
    assert np.array_equal(
        bag_of_words(shuffled, lengths, len(vocab)), bag_of_words(tokens, lengths, len(vocab))
    )
    assert np.all((shuffled == 0) == (tokens == 0)), "padding stays at the end"
    assert np.array_equal(shuffle_words(tokens, lengths, seed=5), shuffled)


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: order_sentences(0), "n must be >= 1"),
        (lambda: order_sentences(10, seed=-1), "seed must be a non-negative int"),
        (lambda: encode(["it was meh"], VOCAB), r"unknown word\(s\) \['meh'\]"),
        (lambda: encode(["it was <pad>"], VOCAB), "unknown word"),
        (lambda: encode([""], VOCAB), "at least one word"),
        (lambda: encode([], VOCAB), "sentences must not be empty"),
        (
            lambda: shuffle_words(np.zeros((1, 2), int), np.array([2]), seed=0.5),
            "seed must be a non-negative int",
        ),
    ],
)
def test_bad_arguments(call, words):
    with pytest.raises(ValueError, match=words):
        call()
