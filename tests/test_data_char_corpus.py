"""coursekit.data.char_corpus: frozen standard-library source as a character stream."""

import hashlib
import math

import numpy as np
import pytest

from coursekit.data import char_corpus as cc

# The corpus is frozen: a model's reported bits per character refer to exactly this text.
CORPUS_SHA256 = "cddd92add5426b27abbe0b9edc288374d65b94ea14fc7c98179882e8d3734f9f"


def test_the_corpus_file_is_frozen():
    assert hashlib.sha256(cc.CORPUS.read_bytes()).hexdigest() == CORPUS_SHA256


def test_the_corpus_is_ascii_python_from_the_listed_modules_with_its_license():
    text = cc.load_python_corpus()
    assert len(text) == 384_776 and set(text) <= set(cc.ALPHABET)
    compile(text, "python_corpus.txt", "exec")  # the joined modules are still valid Python
    assert text.startswith("# Copyright 2007 Google, Inc. All Rights Reserved.")  # abc.py, the first module
    assert '"""Tokenization help for Python programs.' in text  # tokenize.py, the last
    notice = cc.CORPUS.with_name("python_corpus.LICENSE.txt").read_text(encoding="ascii")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in notice
    assert all(name in notice for name in cc.MODULES)


def test_the_vocabulary_is_fixed_and_encoding_round_trips():
    vocab = cc.CharVocab()
    assert len(vocab) == 96 and vocab.chars[0] == "\n" and vocab.chars[1] == " " and vocab.chars[-1] == "~"
    text = 'def f(x):\n    return {"a": x ** 2}  # ~\n'
    ids = vocab.encode(text)
    assert ids.dtype == np.int64 and ids.shape == (len(text),)
    assert vocab.decode(ids) == text
    assert vocab.encode("\n A")[:].tolist() == [0, 1, 34]  # "A" is chr(65): 65 - 32 + 1
    corpus = cc.load_python_corpus()
    assert vocab.decode(vocab.encode(corpus)) == corpus


def test_a_custom_vocabulary():
    vocab = cc.CharVocab("ab")
    assert vocab.encode("abba").tolist() == [0, 1, 1, 0] and vocab.decode([1, 0]) == "ba"


def test_split_keeps_the_tail_for_held_out():
    train, heldout = cc.split_corpus("abcdefghij", heldout_fraction=0.3)
    assert (train, heldout) == ("abcdefg", "hij")
    ids = cc.CharVocab().encode(cc.load_python_corpus())
    train, heldout = cc.split_corpus(ids)
    assert len(heldout) == round(len(ids) * 0.1) == 38_478 and len(train) + len(heldout) == len(ids)
    assert np.array_equal(np.concatenate([train, heldout]), ids)


def test_windows_pair_each_character_with_the_next():
    ids = np.arange(11)
    x, y = cc.char_windows(ids, length=3)
    assert x.tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    assert y.tolist() == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    x, y = cc.char_windows(ids, length=4, stride=2)
    assert x.shape == y.shape == (4, 4) and x[-1].tolist() == [6, 7, 8, 9] and y[-1].tolist() == [7, 8, 9, 10]
    assert x.dtype == y.dtype == np.int64
    n, length = 346_298, 100
    assert len(cc.char_windows(np.zeros(n, np.int64), length)[0]) == (n - 1 - length) // length + 1


def test_parallel_streams_are_contiguous_tracks_side_by_side():
    streams = cc.parallel_streams(np.arange(11), n_streams=3)
    assert streams.tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]  # 11 // 3 = 3 each; 9 and 10 dropped
    assert streams.dtype == np.int64
    assert cc.parallel_streams(np.arange(4, dtype=np.uint8), 1).tolist() == [[0, 1, 2, 3]]


def test_unigram_baseline_by_hand():
    # counts in train + 1: [3, 2, 1] of 6, so p = 1/2, 1/3, 1/6; held-out "0, 2" costs 1 and log2(6) bits
    bits = cc.unigram_bits_per_char(np.array([0, 0, 1]), np.array([0, 2]), vocab_size=3)
    assert bits == pytest.approx((1 + math.log2(6)) / 2, rel=1e-12)
    # train text using every character equally: each costs log2(V) bits, as under the uniform model
    assert cc.unigram_bits_per_char(np.array([0, 1, 2, 3]), np.array([1, 3]), 4) == pytest.approx(2.0)


def test_unigram_baseline_of_the_corpus():
    vocab = cc.CharVocab()
    train, heldout = cc.split_corpus(vocab.encode(cc.load_python_corpus()))
    bits = cc.unigram_bits_per_char(train, heldout, len(vocab))
    assert 4.3 < bits < 4.6 < math.log2(len(vocab))


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: cc.CharVocab().encode("caf\u00e9"), "outside the vocabulary"),
        (lambda: cc.CharVocab().decode([0, 96]), "in [0, 96)"),
        (lambda: cc.CharVocab("aba"), "repeated"),
        (lambda: cc.CharVocab(""), "non-empty"),
        (lambda: cc.split_corpus("abcdef", heldout_fraction=1.5), "between 0.0 and 1.0"),
        (lambda: cc.split_corpus("abcdef", heldout_fraction=0), "strictly between 0 and 1"),
        (lambda: cc.split_corpus("abc", heldout_fraction=0.1), "too short"),
        (lambda: cc.char_windows(np.arange(5), length=0), "length must be >= 1"),
        (lambda: cc.char_windows(np.arange(5), length=2.5), "whole number"),
        (lambda: cc.char_windows(np.arange(5), length=5), "at least length + 1 = 6"),
        (lambda: cc.char_windows(np.arange(10).reshape(2, 5), length=2), "1-d array"),
        (lambda: cc.char_windows(np.arange(10), length=2, stride=0), "stride must be >= 1"),
        (lambda: cc.parallel_streams(np.arange(5), n_streams=3), "too few for 3 streams"),
        (lambda: cc.parallel_streams(np.arange(5), n_streams=0), "n_streams must be >= 1"),
        (lambda: cc.parallel_streams(np.arange(6).reshape(2, 3), n_streams=1), "1-d array"),
        (lambda: cc.unigram_bits_per_char(np.array([0, 5]), np.array([0]), 4), "[0, vocab_size=4)"),
        (lambda: cc.unigram_bits_per_char(np.array([0]), np.array([], np.int64), 4), "non-empty"),
        (lambda: cc.unigram_bits_per_char(np.array([0]), np.array([0]), 0), "vocab_size must be >= 1"),
    ],
)
def test_bad_arguments_say_what_was_expected(call, words):
    with pytest.raises(ValueError) as error:
        call()
    assert words in str(error.value)
