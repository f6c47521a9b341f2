"""The drawing helpers every diagram shares: rounded boxes, arrows, operator nodes, a bare canvas.

Each patch carries a gid that says what it is ("input", "gate", "recurrent", ...), so a test can
count a diagram's parts without looking at pixels.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

LINE = "#444444"  # arrows and outlines that carry no meaning of their own


def canvas(ax, figsize):
    """ax, or a new Axes of a figure of figsize (inches) when ax is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def box(ax, centre, width, height, text, colour, *, gid=None, alpha=0.3, pad=0.02, fontsize=None, **style):
    """A rounded box of width x height (data units) centred on centre, filled with colour, with text in it."""
    (x, y) = centre
    style.setdefault("edgecolor", colour)
    ax.add_patch(
        FancyBboxPatch(
            (x - width / 2, y - height / 2),
            width,
            height,
            boxstyle=f"round,pad={pad}",
            facecolor=colour,
            alpha=alpha,
            gid=gid,
            **style,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)


def arrow(ax, start, end, *, gid=None, colour=LINE, size=9, linewidth=1.0, shrink=0, **style):
    """A straight (or, with connectionstyle, curved) arrow from start to end; size is the head's scale."""
    ax.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>",
            mutation_scale=size,
            color=colour,
            linewidth=linewidth,
            shrinkA=shrink,
            shrinkB=shrink,
            gid=gid,
            **style,
        )
    )


def node(ax, centre, symbol, *, gid="node"):
    """A white circle with an operator in it (× or +), drawn above the arrows that meet it."""
    ax.add_patch(Circle(centre, 0.25, facecolor="white", edgecolor=LINE, gid=gid, zorder=3))
    ax.text(*centre, symbol, ha="center", va="center", fontsize=11, zorder=4)


def finish(ax, xlim, ylim, *, equal=True):
    """Fix the diagram's extent, keep circles round (equal), and hide the axes: it is not a plot."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    if equal:
        ax.set_aspect("equal")
    ax.set_axis_off()
    return ax
