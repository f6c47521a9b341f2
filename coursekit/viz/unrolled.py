"""The unrolled graph of a (stacked) recurrent network: one column per time step, one row per layer."""

from __future__ import annotations

import numpy as np

from .describe import describe, plain
from .drawing import arrow, box, canvas
from .style import COLORS


def draw_unrolled(
    steps: int,
    layers: int = 1,
    *,
    sizes=None,
    output: bool = True,
    initial_state: bool = True,
    notation: str = "FR",
    ax=None,
):
    """Draw a recurrent network unrolled over time: one column per step, one row per layer.

    The input x_t is the bottom row, the hidden state of layers 1..L the rows above it, the
    output y_t the top row. Arrows go up (depth, through the feedforward weights) and right
    (time, through the recurrent weights). Every arrow is labelled with its weight matrix and
    every column carries the same names: the unrolled graph reuses one set of weights.

    steps: time steps T to draw (1 to 10; the columns repeat anyway).
    layers: recurrent layers L stacked on top of each other.
    sizes: optional (D, H_1, ..., H_L) plus O when output=True, e.g. read from a model; the
        rows are then labelled with their sizes and the caption gives every weight's shape.
    notation: "FR" for the material's W_F^(l), W_R^(l), a_t^(l); "xh" for W_xh, W_hh, h_t.
    Returns the Axes. Boxes and arrows are patches whose gid says what they are ("input",
    "state", "initial", "output"; "feedforward", "recurrent", "readout"); weight labels are
    texts with gid "weight".
    """
    for name, value, low, high in (("steps", steps, 1, 10), ("layers", layers, 1, 6)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
            raise ValueError(f"{name} must be a whole number from {low} to {high}; got {value!r}")
    if notation not in ("FR", "xh"):
        raise ValueError(f"notation must be 'FR' (W_F, W_R) or 'xh' (W_xh, W_hh); got {notation!r}")
    if sizes is not None:
        sizes = tuple(sizes)
        expected = layers + 1 + int(output)
        if len(sizes) != expected or not all(isinstance(s, (int, np.integer)) and s > 0 for s in sizes):
            raise ValueError(
                f"sizes must hold {expected} positive whole numbers (D, H_1..H_{layers}"
                f"{', O' if output else ''}); got {sizes!r}"
            )

    def sup(l):  # the layer index is only worth writing when there is more than one layer
        return f"^{{({l})}}" if layers > 1 else ""

    def state(t, l):
        return f"$h_{{{t}}}{sup(l)}$" if notation == "xh" else f"$a_{{{t}}}{sup(l)}$"

    def w_in(l):
        return f"$W_{{xh}}{sup(l)}$" if notation == "xh" else f"$W_F{sup(l)}$"

    def w_rec(l):
        return f"$W_{{hh}}{sup(l)}$" if notation == "xh" else f"$W_R{sup(l)}$"

    ax = canvas(ax, (min(8.0, 1.5 + 1.25 * (steps + initial_state)), 1.0 + 0.95 * (layers + 1 + output)))
    dx, box_w, box_h = 1.25, 0.62, 0.46
    colour = {"input": COLORS[2], "state": COLORS[3], "initial": COLORS[3], "output": COLORS[0]}
    arrow_colour = {"feedforward": "#444444", "recurrent": COLORS[3], "readout": COLORS[0]}

    def value(x, y, text, kind):
        box(
            ax,
            (x, y),
            box_w,
            box_h,
            text,
            colour[kind],
            gid=kind,
            alpha=0.25 if kind != "initial" else 0.1,
            linestyle="--" if kind == "initial" else "-",
            fontsize=10,
        )

    def weight(start, end, label, kind):
        arrow(ax, start, end, gid=kind, colour=arrow_colour[kind], size=10, linewidth=1.2)
        (x0, y0), (x1, y1) = start, end
        if kind == "recurrent":
            ax.text(
                (x0 + x1) / 2,
                y0 + 0.06,
                label,
                ha="center",
                va="bottom",
                fontsize=8,
                color=arrow_colour[kind],
                gid="weight",
            )
        else:
            ax.text(
                x0 + 0.05,
                (y0 + y1) / 2,
                label,
                ha="left",
                va="center",
                fontsize=8,
                color=arrow_colour[kind],
                gid="weight",
            )

    top = layers + 1 if output else layers
    for t in range(1, steps + 1):
        x = t * dx
        value(x, 0, f"$x_{{{t}}}$", "input")
        for l in range(1, layers + 1):
            value(x, l, state(t, l), "state")
            weight((x, l - 1 + box_h / 2), (x, l - box_h / 2), w_in(l), "feedforward")
            if t > 1 or initial_state:
                weight((x - dx + box_w / 2, l), (x - box_w / 2, l), w_rec(l), "recurrent")
        if output:
            value(x, top, f"$y_{{{t}}}$", "output")
            weight((x, layers + box_h / 2), (x, top - box_h / 2), "$W_{hy}$", "readout")
        ax.text(x, -0.55, f"t = {t}", ha="center", va="top", fontsize=9)
    if initial_state:
        for l in range(1, layers + 1):
            value(0, l, state(0, l), "initial")

    # Row names on the left, with sizes when the model gave them.
    names = ["input"] + [f"layer {l}" if layers > 1 else "hidden" for l in range(1, layers + 1)]
    names += ["output"] if output else []
    units = ["$D$", *(f"$H_{l}$" if layers > 1 else "$H$" for l in range(1, layers + 1)), "$O$"]
    left = (0 if initial_state else dx) - box_w / 2 - 0.15
    for row, name in enumerate(names):
        label = name if sizes is None else f"{name}\n{units[row]} = {sizes[row]}"
        ax.text(left, row, label, ha="right", va="center", fontsize=9)

    # The caption names the weights once: they are the same in every column.
    weights = []
    for l in range(1, layers + 1):
        shapes = ("", "") if sizes is None else (f" {sizes[l]}×{sizes[l - 1]}", f" {sizes[l]}×{sizes[l]}")
        weights += [w_in(l) + shapes[0], w_rec(l) + shapes[1]]
    if output:
        weights.append("$W_{hy}$" + ("" if sizes is None else f" {sizes[-1]}×{sizes[-2]}"))
    ax.text(
        dx * (steps + (0 if initial_state else 1)) / 2,
        -0.95,
        "the same weights at every step: " + ", ".join(weights),
        ha="center",
        va="top",
        fontsize=9,
    )
    ax.annotate(
        "",
        xy=(steps * dx + 0.75, -0.25),
        xytext=(steps * dx + 0.45, -0.25),
        arrowprops={"arrowstyle": "->", "color": "#666666"},
    )
    ax.text(steps * dx + 0.8, -0.25, "time", va="center", fontsize=8, color="#666666")

    ax.set_xlim(left - 1.0, steps * dx + 1.1)
    ax.set_ylim(-1.3, top + 0.45)
    ax.set_axis_off()

    hidden = "the hidden state" if layers == 1 else f"{layers} stacked layers of hidden states"
    rows = f"the input x_t at the bottom, {hidden} above it" + (", the output y_t on top" if output else "")
    size_words = ""
    if sizes is not None:
        row_units = units[: layers + 1] + (["$O$"] if output else [])
        size_words = " Sizes: " + ", ".join(f"{plain(u)} = {size}" for u, size in zip(row_units, sizes)) + "."
    describe(
        ax,
        f"Diagram of a recurrent network unrolled over {steps} time step{'s' * (steps > 1)}, one "
        f"column per step: {rows}. Arrows go up through the input weights and right, from each "
        f"step's state to the next, through the recurrent weights; every column uses the same "
        f"weights: "
        f"{', '.join(plain(w) for w in weights)}.{size_words}",
    )
    return ax
