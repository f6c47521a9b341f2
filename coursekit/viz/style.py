"""One visual style for every figure of the course.

Colours are the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness. Every plotting helper labels its axes; units go in the labels.
"""

from __future__ import annotations

import matplotlib as mpl

# Okabe & Ito (2008), "Color Universal Design": black first, then the eight hues.
COLORS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

STYLE = {
    "axes.prop_cycle": mpl.cycler(color=COLORS),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.figsize": (7.0, 3.2),
    "figure.dpi": 80,
    "savefig.dpi": 80,
    "font.size": 10,
    "legend.frameon": False,
    "image.cmap": "cividis",  # a colour map that is readable with colour blindness
}


def use_course_style() -> None:
    """Apply the course style to every figure that follows (call once per notebook)."""
    mpl.rcParams.update(STYLE)
