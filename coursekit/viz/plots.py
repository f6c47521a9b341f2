"""Data plots: sequences, heat maps, training curves, matrix shapes. Each describes itself (describe.py)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .describe import describe, plain
from .style import COLORS


def _span(values) -> str:
    """'first to last' of an axis, as a reader would say it: 0 to 59, 1700 to 2008, 1871-01 to 2018-12."""
    first, last = values[0], values[-1]
    if isinstance(first, (float, np.floating)):
        return f"{first:.4g} to {last:.4g}"
    return f"{first} to {last}"


def _with(text: str, title: str | None, finding: str | None) -> str:
    text = f"{plain(title)}: {text}" if title else text[0].upper() + text[1:]
    return f"{text} {finding}" if finding else text


def plot_sequences(
    t,
    series: dict[str, np.ndarray],
    *,
    xlabel: str = "time step t",
    ylabel: str = "value",
    title: str | None = None,
    finding: str | None = None,
    ax=None,
):
    """Line plot of named sequences that share the time axis t; returns the Axes.

    finding: a sentence for the text alternative about what the plot shows, when the caller knows it.
    """
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
    names = " and ".join(plain(label) for label in series)
    describe(
        ax,
        _with(
            f"line plot of {names} ({plain(ylabel)}) against {plain(xlabel) or 'time'}, {_span(t)}.",
            title,
            finding,
        ),
    )
    return ax


def plot_heatmap(
    values: np.ndarray,
    *,
    xlabel: str,
    ylabel: str,
    colorbar_label: str,
    title: str | None = None,
    finding: str | None = None,
    ax=None,
):
    """values (rows, columns) as an image, e.g. hidden units against time; returns the Axes."""
    if ax is None:
        _, ax = plt.subplots()
    image = ax.imshow(values, aspect="auto", interpolation="nearest")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    if title:
        ax.set_title(title)
    bar = ax.figure.colorbar(image, ax=ax, label=colorbar_label)
    rows, columns = values.shape
    text = (
        f"heat map of {plain(colorbar_label)}, {rows} rows ({plain(ylabel)}) by {columns} columns "
        f"({plain(xlabel)}); the colour runs from dark (low) to yellow (high)."
    )
    describe(ax, _with(text, title, finding), bar.ax)
    return ax


def plot_history(
    history,
    *,
    title: str | None = None,
    metric: str | None = None,
    log_loss: bool = False,
    finding: str | None = None,
    ax=None,
):
    """The loss curve of a coursekit.train.History (and one metric on a second axis); returns the Axes.

    The text alternative says whether each curve ends below or above where it starts.
    """
    if ax is None:
        _, ax = plt.subplots()
    epochs = np.arange(1, len(history.loss) + 1)
    ax.plot(epochs, history.loss, color=COLORS[0], label="training loss")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    if log_loss:
        ax.set_yscale("log")
    parts = []

    def trend(name, values):  # no epoch count: where training stops at a target, it may vary with the CPU
        way = "falls" if values[-1] < values[0] else "does not fall"
        return f"{name} {way} from the first epoch to the last"

    scale = " (log scale)" if log_loss else ""
    text = f"line plot of the training loss{scale} against epoch; in this run the "
    text += trend("loss", history.loss)
    if metric:
        other = ax.twinx()
        other.plot(epochs, history.metrics[metric], color=COLORS[1], label=metric)
        other.set_ylabel(metric)
        other.grid(False)
        # one legend for both axes, inside the plot, so that it never covers a title
        lines = ax.get_lines() + other.get_lines()
        ax.legend(lines, [line.get_label() for line in lines], loc="center right")
        values = history.metrics[metric]
        text += f", and {metric} (second axis) {'rises' if values[-1] > values[0] else 'does not rise'}"
        parts.append(other)
    if title:
        ax.set_title(title)
    describe(ax, _with(text + ".", title, finding), *parts)
    return ax


def plot_matrix_shapes(terms, *, title: str | None = None, ax=None):
    """Matrices drawn to scale, one unit square per entry, with operators between; returns the Axes.

    terms: a list of operator strings ("·", "+", "=") and (label, (rows, columns)) pairs, e.g.
    [("$W_F$", (7, 3)), "·", ("$a_t$", (3, 8)), "=", ("$z_t$", (7, 8))]. Each matrix is labelled
    above and its shape is written below, so a product's shapes can be checked by eye.
    """
    from matplotlib.collections import LineCollection
    from matplotlib.patches import Rectangle

    matrices = [item for item in terms if not isinstance(item, str)]
    if not matrices or any(len(item) != 2 or len(item[1]) != 2 for item in matrices):
        raise ValueError("terms must hold operator strings and (label, (rows, columns)) pairs")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 2.4))
    top = max(rows for _, (rows, _) in matrices)
    x, colours = 0.0, iter(COLORS * len(matrices))
    for item in terms:
        if isinstance(item, str):
            ax.text(x + 1.0, top / 2, item, ha="center", va="center", fontsize=14)
            x += 2.0
            continue
        label, (rows, cols) = item
        colour, y = next(colours), (top - rows) / 2  # every matrix centred on the same line
        ax.add_patch(
            Rectangle((x, y), cols, rows, facecolor=colour, alpha=0.3, edgecolor=colour, linewidth=1.5)
        )
        grid = [[(x + c, y), (x + c, y + rows)] for c in range(1, cols)]
        grid += [[(x, y + r), (x + cols, y + r)] for r in range(1, rows)]
        ax.add_collection(LineCollection(grid, colors=colour, linewidths=0.4))
        ax.text(x + cols / 2, top + 0.5, label, ha="center", va="bottom")
        ax.text(x + cols / 2, -0.5, f"({rows}, {cols})", ha="center", va="top", fontsize=9)
        x += cols
    ax.set_xlim(-0.5, x + 0.5)
    ax.set_ylim(-2.5, top + 2.5)
    ax.set_aspect("equal")
    ax.axis("off")  # a diagram: the unit squares are the scale
    if title:
        ax.set_title(title)
    words = {"·": "times", "@": "times", "×": "times", "+": "plus", "=": "equals", "-": "minus"}
    equation = " ".join(
        words.get(item, item) if isinstance(item, str) else f"{plain(item[0])} ({item[1][0]} by {item[1][1]})"
        for item in terms
    )
    describe(
        ax,
        _with(
            f"matrices drawn to scale, one square per entry, with their shapes (rows by columns): "
            f"{equation}.",
            title,
            None,
        ),
    )
    return ax
