"""A tagging task whose answer lies in the future: the tag of a token is the token `lag` steps later.

    tokens, tags = lookahead_tags(1000, length=12, vocab=8, lag=2, seed=0)

It is the smallest version of the material's "feeling under the weather": which word fits at
one place is decided by a word that comes after it. A network that reads only left to right
has not seen that word yet when it must answer; one that also reads right to left has.

tokens[:, t] is drawn uniformly from 0..vocab-1; tags[:, t] = tokens[:, t + lag], and the
last `lag` steps, which have nothing `lag` steps after them, get the extra tag `vocab` ("end").
"""

from __future__ import annotations

import numpy as np

from .. import arguments


def lookahead_tags(n: int, length: int = 12, vocab: int = 8, lag: int = 2, seed: int = 0):
    """n token sequences tagged with the token `lag` steps ahead.

    Returns tokens (n, length) int64 in [0, vocab) and tags (n, length) int64 in [0, vocab]:
    tags[:, t] = tokens[:, t + lag] for t < length - lag, and vocab for the last lag steps.
    """
    n = arguments.whole_number("n", n)
    length = arguments.whole_number("length", length)
    vocab = arguments.whole_number("vocab", vocab, minimum=2)
    lag = arguments.whole_number("lag", lag, minimum=1)
    if lag >= length:
        raise ValueError(
            f"lag must be smaller than length ({length}) so that some tags look ahead; got lag={lag}"
        )
    rng = np.random.default_rng(arguments.seed(seed))
    tokens = rng.integers(0, vocab, size=(n, length), dtype=np.int64)
    tags = np.full_like(tokens, vocab)
    tags[:, : length - lag] = tokens[:, lag:]
    return tokens, tags


def best_left_to_right_accuracy(length: int = 12, vocab: int = 8, lag: int = 2) -> float:
    """The highest expected per-token accuracy of any model that sees only tokens up to t.

    The last `lag` tags ("end") are known from the position alone; every other tag is a token
    not yet read, uniform over `vocab` values, so at best a guess right 1 time in vocab.
    """
    length = arguments.whole_number("length", length)
    vocab = arguments.whole_number("vocab", vocab, minimum=2)
    lag = arguments.whole_number("lag", lag, minimum=1)
    if lag >= length:
        raise ValueError(f"lag must be smaller than length ({length}); got lag={lag}")
    return (lag + (length - lag) / vocab) / length
