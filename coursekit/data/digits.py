"""Handwriting-like digit images made in code, for "an image read row by row is a sequence".

Each digit is drawn once per font weight by matplotlib's font renderer (DejaVu Sans, which
matplotlib ships under the Bitstream Vera license); every image is then that glyph under a
random affine map (scale, rotation, slant, shift), shrunk to size x size pixels, with noise.
No download, and 2,000 images take about a second.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .. import arguments

_CANVAS = 56  # pixels of the rendered glyph (a multiple of the usual sizes 7, 8, 14, 28)
_WEIGHTS = ("light", "normal", "bold")


@lru_cache(maxsize=1)
def _glyphs() -> np.ndarray:
    """(10 digits * 3 weights, CANVAS, CANVAS) white-on-black renderings, centred."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(1, 1), dpi=_CANVAS, facecolor="black")
    FigureCanvasAgg(figure)
    glyphs = []
    for digit in range(10):
        for weight in _WEIGHTS:
            text = figure.text(
                0.5,
                0.5,
                str(digit),
                color="white",
                fontsize=64,
                ha="center",
                va="center",
                fontweight=weight,
                family="DejaVu Sans",
            )
            figure.canvas.draw()
            glyphs.append(np.asarray(figure.canvas.buffer_rgba())[..., 0].astype(np.float32) / 255.0)
            text.remove()
    return np.stack(glyphs)


_CHUNK = 256  # images warped at once: a dozen float64 arrays of this many 56x56 images stay near 80 MB


def _warp(glyphs: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each glyph under its own random affine map, by bilinear sampling (inverse mapping).

    The maps are drawn for all glyphs first, then applied a chunk at a time, so memory stays small
    whatever n is, and the images are the same as if all were warped at once.
    """
    n, size = len(glyphs), glyphs.shape[1]
    scale = rng.uniform(0.85, 1.1, n)
    angle = np.deg2rad(rng.uniform(-15, 15, n))
    slant = rng.uniform(-0.25, 0.25, n)
    shift = rng.uniform(-0.1, 0.1, (n, 2)) * size
    return np.concatenate(
        [
            _apply_maps(
                glyphs[i : i + _CHUNK],
                scale[i : i + _CHUNK],
                angle[i : i + _CHUNK],
                slant[i : i + _CHUNK],
                shift[i : i + _CHUNK],
            )
            for i in range(0, n, _CHUNK)
        ]
    )


def _apply_maps(glyphs, scale, angle, slant, shift) -> np.ndarray:
    """glyphs (n, size, size) under the affine maps given by the other arguments (each of length n)."""
    n, size = len(glyphs), glyphs.shape[1]
    centre = (size - 1) / 2
    v, u = np.meshgrid(np.arange(size) - centre, np.arange(size) - centre)  # u: row offset, v: column offset
    cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
    # where each output pixel comes from: undo the shift, the rotation, the slant and the scale
    du, dv = u - shift[:, 0, None, None], v - shift[:, 1, None, None]
    ru, rv = cos * du + sin * dv, -sin * du + cos * dv
    rows = ru / scale[:, None, None] + centre
    cols = (rv - slant[:, None, None] * ru) / scale[:, None, None] + centre
    r0, c0 = np.floor(rows).astype(int), np.floor(cols).astype(int)
    fr, fc = rows - r0, cols - c0
    index = np.arange(n)[:, None, None]

    def pixel(r, c):
        inside = (r >= 0) & (r < size) & (c >= 0) & (c < size)
        return np.where(inside, glyphs[index, np.clip(r, 0, size - 1), np.clip(c, 0, size - 1)], 0.0)

    return (
        (1 - fr) * (1 - fc) * pixel(r0, c0)
        + (1 - fr) * fc * pixel(r0, c0 + 1)
        + fr * (1 - fc) * pixel(r0 + 1, c0)
        + fr * fc * pixel(r0 + 1, c0 + 1)
    )


def digits(n: int, size: int = 14, noise: float = 0.05, seed: int = 0):
    """n images of digits and their labels.

    Returns images (n, size, size) float32 in [0, 1] and labels (n,) int64 in 0..9; size must
    divide 56 (7, 8, 14, 28 or 56). Read row by row, an image is a sequence of `size` steps
    with `size` features each.
    """
    n = arguments.whole_number("n", n)
    size = arguments.whole_number("size", size, minimum=4)
    if _CANVAS % size:
        raise ValueError(f"size must divide {_CANVAS} (7, 8, 14, 28 or 56); got {size}")
    noise = arguments.fraction("noise", noise)
    rng = np.random.default_rng(arguments.seed(seed))
    labels = rng.integers(0, 10, size=n)
    weights = rng.integers(0, len(_WEIGHTS), size=n)
    warped = _warp(_glyphs()[labels * len(_WEIGHTS) + weights], rng)
    block = _CANVAS // size
    small = warped.reshape(n, size, block, size, block).mean(axis=(2, 4))
    images = np.clip(small + noise * rng.standard_normal(small.shape), 0, 1).astype(np.float32)
    return images, labels.astype(np.int64)
