"""Datasets: reproducible from their seed, and bad arguments get a ValueError saying what to pass."""

import numpy as np
import pytest

from coursekit.data.digits import digits
from coursekit.data.sorting import sorting


def test_digits_are_reproducible_and_labelled():
    images, labels = digits(50, size=14, seed=3)
    again, labels_again = digits(50, size=14, seed=3)
    assert images.shape == (50, 14, 14) and images.dtype == np.float32 and labels.shape == (50,)
    assert np.array_equal(images, again) and np.array_equal(labels, labels_again)
    assert 0 <= images.min() and images.max() <= 1 and set(labels) <= set(range(10))
    other, _ = digits(50, size=14, seed=4)
    assert not np.array_equal(images, other)


def test_digits_of_one_class_look_alike():
    """A digit is more like others of its class than like the rest: the labels mean something."""
    images, labels = digits(400, size=14, noise=0.0, seed=0)
    flat = images.reshape(len(images), -1)
    means = np.stack([flat[labels == d].mean(0) for d in range(10)])
    nearest = np.argmin(((flat[:, None] - means[None]) ** 2).sum(-1), axis=1)
    assert (nearest == labels).mean() > 0.6


def test_sorting_targets_are_the_sorted_inputs():
    inputs, targets = sorting(20, length=5, vocab=7, seed=1)
    assert inputs.shape == targets.shape == (20, 5)
    assert np.array_equal(np.sort(inputs, 1), targets) and inputs.max() < 7


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: digits(-1), "n must be >= 1"),
        (lambda: digits(10, size=13), "size must divide 56"),
        (lambda: digits(10, seed=1.5), "seed must be a non-negative int"),
        (lambda: digits(10, noise=2), "noise must be a number between 0.0 and 1.0"),
        (lambda: sorting(10, length=0), "length must be >= 1"),
        (lambda: sorting(10, vocab=1), "vocab must be >= 2"),
        (lambda: sorting("10"), "n must be a whole number"),
    ],
)
def test_bad_arguments(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_digits_keep_their_images_and_need_little_memory():
    """2,500 digits of 28x28 (7.8 MB, as lessons 05 and 09 make) in a fresh process: the same images as
    before the maps were applied a chunk at a time (the sha256 of that version's output), and a peak that
    grew by less than 400 MB (it was 1 GB)."""
    import subprocess
    import sys

    probe = (
        "import hashlib, resource\nfrom coursekit.data.digits import digits, _glyphs\n_glyphs()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "images, _ = digits(2500, size=28, seed=0)\n"
        "grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024\n"
        "print(hashlib.sha256(images.tobytes()).hexdigest()[:16], round(grown))"
    )
    digest, grown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert digest == "c3068cc58b22a42f"
    assert int(grown) < 400, f"digits() grew the process by {grown} MB"


def test_sorting_draws_from_its_seed():
    same = [sorting(30, seed=4)[0] for _ in range(2)]
    np.testing.assert_array_equal(same[0], same[1])
    assert not np.array_equal(sorting(30, seed=4)[0], sorting(30, seed=5)[0])
