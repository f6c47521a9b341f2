"""Text alternatives: every figure the course shows carries a sentence that says what it shows.

A helper that draws into an Axes describes it with `describe(ax, text)` (the kind of plot, the
axes and units, and the finding where the helper can compute it). `show(fig, alt=None)` displays
the figure as a PNG whose output metadata holds that text, {"image/png": {"alt": text}}, which
is the convention the course's tools rely on (the website writes it as the <img alt>, a test
refuses a committed figure without it). Figures drawn with plain matplotlib pass `alt=`.

JupyterLab's image renderer ignores the metadata, so the output also carries a text/html
representation, <img alt="..." src="data:image/png;base64,...">, which JupyterLab and nbconvert
prefer to image/png: a screen reader in JupyterLab reads the same text.
"""

from __future__ import annotations

import html
import re

from matplotlib.axes import Axes
from matplotlib.figure import Figure

_ALT = "_coursekit_alt"  # the attribute of an Axes that holds its description
_PART = "_coursekit_part"  # marks an Axes that belongs to another one's description (a colour bar, a twin)
# TeX that a screen reader would spell out character by character: $, \, braces, ^ and _ of one letter
_TEX = [
    (re.compile(r"\\(?:,|;|!| )"), " "),
    (re.compile(r"\\([A-Za-z]+)"), r"\1"),
    (re.compile(r"[${}]"), ""),
]


def plain(label: str) -> str:
    """A TeX-ish label as plain words: "$W_{hh}\\,h_{t-1}$" -> "W_hh h_t-1", newlines as spaces."""
    for pattern, replacement in _TEX:
        label = pattern.sub(replacement, label)
    return " ".join(label.split())


def describe(ax: Axes, text: str, *parts: Axes) -> Axes:
    """Attach `text` to ax as its description; `parts` (colour bars, twin axes) need none of their own."""
    setattr(ax, _ALT, " ".join(text.split()))
    for part in parts:
        setattr(part, _PART, True)
    return ax


def description(ax: Axes) -> str | None:
    """The description a helper attached to ax, or None."""
    return getattr(ax, _ALT, None)


def alt_text(fig: Figure | Axes, alt: str | None = None) -> str:
    """The figure's text alternative: `alt` when given, else its Axes' descriptions in order.

    fig may be an Axes, for its whole figure. Raises ValueError, saying what to do, when the figure
    has an Axes that nothing describes.
    """
    if isinstance(fig, Axes):
        fig = fig.figure
    if alt is not None:
        alt = " ".join(str(alt).split())
        if not alt:
            raise ValueError(
                "alt is empty: give one sentence that says what the figure shows "
                "(kind of plot, axes and units, the finding the text relies on)"
            )
        return alt
    texts, missing = [], []
    for index, ax in enumerate(fig.axes):
        if getattr(ax, _PART, False) or not ax.get_visible():
            continue
        text = description(ax)
        (texts if text else missing).append(text or index)
    if missing or not texts:
        which = f"its Axes number {missing[0]}" if missing else "it"
        raise ValueError(
            f"this figure has no text alternative: {which} was not drawn by a coursekit.viz "
            "helper, so pass alt='one sentence that says what the figure shows (kind of plot, "
            "axes and units, the finding the text relies on)' to viz.show"
        )
    return " ".join(texts)


def show(fig: Figure | Axes | None = None, alt: str | None = None) -> None:
    """Display fig (default: the current figure) as a PNG with its text alternative, then close it.

    The output is {"image/png": ..., "text/html": <img alt=...>, "text/plain": alt} with metadata
    {"image/png": {"alt": alt}}; the PNG is made as the inline backend makes it (returns nothing, so
    that a cell that ends with it prints nothing more).
    """
    import base64

    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure
    from IPython.display import display

    if fig is None:
        fig = plt.gcf()
    elif isinstance(fig, Axes):
        fig = fig.figure
    if not isinstance(fig, Figure):
        raise TypeError(f"viz.show takes a matplotlib Figure or Axes; got {type(fig).__name__}")
    try:
        text = alt_text(fig, alt)
    except ValueError:
        plt.close(fig)  # never let the inline backend show it without its text
        raise
    png = base64.b64encode(print_figure(fig, "png", bbox_inches="tight")).decode("ascii")
    plt.close(fig)
    data, metadata = figure_bundle(png, text)
    display(data, raw=True, metadata=metadata)


def figure_bundle(png: str, alt: str, plain: str | None = None) -> tuple[dict, dict]:
    """(data, metadata) of a figure's output: png (base64) with its alt text, the course's convention.

    data holds image/png, its text/html copy <img alt=...> (what JupyterLab shows; its image renderer
    ignores the metadata) and text/plain (the alt, or `plain`); metadata is {"image/png": {"alt": alt}}.
    """
    image = f'<img alt="{html.escape(alt, quote=True)}" src="data:image/png;base64,{png}">'
    return (
        {"image/png": png, "text/html": image, "text/plain": alt if plain is None else plain},
        {"image/png": {"alt": alt}},
    )
