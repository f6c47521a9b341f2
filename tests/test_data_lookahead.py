"""The look-ahead tagging task: tags are the tokens lag steps later, reproducible, bad arguments refused."""

import numpy as np
import pytest

from coursekit.data.lookahead import best_left_to_right_accuracy, lookahead_tags


def test_tags_are_the_tokens_lag_steps_ahead():
    tokens, tags = lookahead_tags(50, length=9, vocab=5, lag=3, seed=1)
    assert tokens.shape == tags.shape == (50, 9) and tokens.dtype == tags.dtype == np.int64
    assert np.array_equal(tags[:, :6], tokens[:, 3:])
    assert (tags[:, 6:] == 5).all()  # the "end" tag where nothing lies 3 steps ahead
    assert set(np.unique(tokens)) == set(range(5))


def test_tasks_are_reproducible_from_their_seed():
    assert np.array_equal(lookahead_tags(5, seed=7)[0], lookahead_tags(5, seed=7)[0])
    assert not np.array_equal(lookahead_tags(5, seed=7)[0], lookahead_tags(5, seed=8)[0])


def test_best_left_to_right_accuracy_matches_a_perfect_causal_guesser():
    # the best a left-to-right reader can do: "end" where it is due, otherwise a fixed guess
    tokens, tags = lookahead_tags(20000, length=12, vocab=8, lag=2, seed=0)
    guess = np.where(np.arange(12) >= 10, 8, 0)
    measured = (tags == guess).mean()
    assert best_left_to_right_accuracy(12, 8, 2) == pytest.approx((2 + 10 / 8) / 12)
    assert measured == pytest.approx(best_left_to_right_accuracy(12, 8, 2), abs=0.01)


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: lookahead_tags(0), "n must be >= 1"),
        (lambda: lookahead_tags(4, vocab=1), "vocab must be >= 2"),
        (lambda: lookahead_tags(4, lag=0), "lag must be >= 1"),
        (lambda: lookahead_tags(4, length=3, lag=3), "lag must be smaller than length"),
        (lambda: lookahead_tags(4, seed=-1), "seed must be a non-negative int"),
        (lambda: best_left_to_right_accuracy(4, 8, 4), "lag must be smaller than length"),
    ],
)
def test_bad_arguments_are_refused_with_a_message(call, words):
    with pytest.raises(ValueError, match=words):
        call()
