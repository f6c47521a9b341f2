"""coursekit.data.python_tokens: characters of Python source tagged by the standard library's tokenize."""

import io
import tokenize

import numpy as np
import pytest

from coursekit.data import python_tokens as pt

LETTERS = dict(zip(pt.TAGS, "_n9sOc/"))  # one letter per tag, to write expected tags as a string


def tag_string(text: str) -> str:
    return "".join(LETTERS[pt.TAGS[t]] for t in pt.label_characters(text))


def test_every_character_gets_the_type_of_its_token():
    code = 'def f(x2):\n    """Doc\nstring."""\n    return x2 + 0x1F  # hex\n'
    assert tag_string(code) == (
        "nnn_nOnnOO/"  # keywords are NAME tokens; the 2 of x2 is part of the name
        "____sssssssssssssssss/"  # the newline inside the docstring belongs to it
        "____nnnnnn_nn_O_9999__ccccc/"
    )


def test_comments_strings_and_blank_lines():
    code = "# top\n\nx = 'a#b'  # c\n"
    assert tag_string(code) == "ccccc//n_O_sssss__ccc/"


def test_the_frozen_source_is_plain_ascii_python_without_f_strings():
    text = pt.source_text()
    assert set(text) <= set(pt.ALPHABET) and text.endswith("\n")
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    assert not [t for t in tokens if t.type == tokenize.ERRORTOKEN]
    # f-strings are tokenized differently since Python 3.12; the frozen text must not hold any
    assert not [
        t for t in tokens if t.type == tokenize.STRING and "f" in t.string.split("'")[0].split('"')[0].lower()
    ]


def test_the_labels_of_the_frozen_source_never_change():
    """The counts of each tag over the whole text: a change in tokenize or in the text shows here."""
    tags = pt.label_characters(pt.source_text())
    assert len(tags) == 17656
    assert dict(zip(pt.TAGS, np.bincount(tags, minlength=len(pt.TAGS)).tolist())) == {
        "space": 3466,
        "name": 7122,
        "number": 260,
        "string": 2767,
        "operator": 1611,
        "comment": 1828,
        "newline": 602,
    }


def test_windows_are_slices_of_the_text_with_their_tags():
    chars, tags = pt.python_tokens(20, length=50, seed=3)
    assert chars.shape == tags.shape == (20, 50) and chars.dtype == tags.dtype == np.int64
    again, tags_again = pt.python_tokens(20, length=50, seed=3)
    assert np.array_equal(chars, again) and np.array_equal(tags, tags_again)
    assert not np.array_equal(chars, pt.python_tokens(20, length=50, seed=4)[0])
    all_chars, all_tags = pt.labelled_source("train")
    for window, window_tags in zip(chars, tags):
        start = pt.decode(all_chars).index(pt.decode(window))
        assert np.array_equal(all_tags[start : start + 50], window_tags)


def test_train_and_test_split_the_text_at_a_line():
    train_chars, train_tags = pt.labelled_source("train")
    test_chars, test_tags = pt.labelled_source("test")
    text = pt.source_text()
    assert pt.decode(train_chars) + pt.decode(test_chars) == text
    assert pt.decode(train_chars).endswith("\n")
    assert np.array_equal(np.concatenate([train_tags, test_tags]), pt.label_characters(text))
    assert 0.2 < len(test_chars) / len(text) < 0.35
    test_text = pt.decode(test_chars)
    for window in pt.python_tokens(30, length=40, split="test", seed=1)[0]:
        assert pt.decode(window) in test_text
    # the test part has every kind of tag, so a test on it measures all of them
    assert set(test_tags.tolist()) == set(range(len(pt.TAGS)))


def test_encode_and_decode_are_inverse():
    text = "x = [1, 2]\n# ok\n"
    assert pt.decode(pt.encode(text)) == text
    with pytest.raises(ValueError, match="printable ASCII"):
        pt.encode("caf\u00e9")
    with pytest.raises(ValueError, match="printable ASCII"):
        pt.encode("\tx")


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: pt.python_tokens(0), "n must be >= 1"),
        (lambda: pt.python_tokens(5, length=10**6), "length must be at most"),
        (lambda: pt.python_tokens(5, split="valid"), "split must be 'train' or 'test'"),
        (lambda: pt.python_tokens(5, seed=-1), "seed must be a non-negative int"),
        (lambda: pt.labelled_source("all"), "split must be 'train' or 'test'"),
    ],
)
def test_bad_arguments(call, words):
    with pytest.raises(ValueError, match=words):
        call()
