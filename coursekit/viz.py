"""One visual style for every figure of the course.

Colours are the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness. Every plotting helper labels its axes; units go in the labels.
"""
from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

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


def plot_sequences(t, series: dict[str, np.ndarray], *, xlabel: str = "time step t", ylabel: str = "value",
                   title: str | None = None, ax=None):
    """Line plot of named sequences that share the time axis t; returns the Axes."""
    if ax is None:
        _, ax = plt.subplots()
    for label, values in series.items():
        ax.plot(t, values, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if len(series) > 1:
        ax.legend(loc="best")
    return ax


def plot_heatmap(values: np.ndarray, *, xlabel: str, ylabel: str, colorbar_label: str,
                 title: str | None = None, ax=None):
    """values (rows, columns) as an image, e.g. hidden units against time; returns the Axes."""
    if ax is None:
        _, ax = plt.subplots()
    image = ax.imshow(values, aspect="auto", interpolation="nearest")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    if title:
        ax.set_title(title)
    ax.figure.colorbar(image, ax=ax, label=colorbar_label)
    return ax


def plot_history(history, *, title: str | None = None, metric: str | None = None, log_loss: bool = False, ax=None):
    """The loss curve of a coursekit.train.History (and one metric on a second axis)."""
    if ax is None:
        _, ax = plt.subplots()
    epochs = np.arange(1, len(history.loss) + 1)
    ax.plot(epochs, history.loss, color=COLORS[0], label="training loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log_loss:
        ax.set_yscale("log")
    if metric:
        other = ax.twinx()
        other.plot(epochs, history.metrics[metric], color=COLORS[1], label=metric)
        other.set_ylabel(metric)
        other.grid(False)
        ax.figure.legend(loc="upper center", ncol=2)
    if title:
        ax.set_title(title)
    return ax
