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
        # one legend for both axes, inside the plot, so that it never covers a title
        lines = ax.get_lines() + other.get_lines()
        ax.legend(lines, [line.get_label() for line in lines], loc="center right")
    if title:
        ax.set_title(title)
    return ax


def draw_unrolled(steps: int, layers: int = 1, *, sizes=None, output: bool = True, initial_state: bool = True,
                  notation: str = "FR", ax=None):
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
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    for name, value, low, high in (("steps", steps, 1, 10), ("layers", layers, 1, 6)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
            raise ValueError(f"{name} must be a whole number from {low} to {high}; got {value!r}")
    if notation not in ("FR", "xh"):
        raise ValueError(f"notation must be 'FR' (W_F, W_R) or 'xh' (W_xh, W_hh); got {notation!r}")
    if sizes is not None:
        sizes = tuple(sizes)
        expected = layers + 1 + int(output)
        if len(sizes) != expected or not all(isinstance(s, (int, np.integer)) and s > 0 for s in sizes):
            raise ValueError(f"sizes must hold {expected} positive whole numbers (D, H_1..H_{layers}"
                             f"{', O' if output else ''}); got {sizes!r}")

    def sup(l):  # the layer index is only worth writing when there is more than one layer
        return f"^{{({l})}}" if layers > 1 else ""

    def state(t, l):
        return f"$h_{{{t}}}{sup(l)}$" if notation == "xh" else f"$a_{{{t}}}{sup(l)}$"

    def w_in(l):
        return f"$W_{{xh}}{sup(l)}$" if notation == "xh" else f"$W_F{sup(l)}$"

    def w_rec(l):
        return f"$W_{{hh}}{sup(l)}$" if notation == "xh" else f"$W_R{sup(l)}$"

    if ax is None:
        _, ax = plt.subplots(figsize=(min(8.0, 1.5 + 1.25 * (steps + initial_state)), 1.0 + 0.95 * (layers + 1 + output)))
    dx, box_w, box_h = 1.25, 0.62, 0.46
    colour = {"input": COLORS[2], "state": COLORS[3], "initial": COLORS[3], "output": COLORS[0]}
    arrow_colour = {"feedforward": "#444444", "recurrent": COLORS[3], "readout": COLORS[0]}

    def box(x, y, text, kind):
        ax.add_patch(FancyBboxPatch((x - box_w / 2, y - box_h / 2), box_w, box_h, boxstyle="round,pad=0.02",
                                    facecolor=colour[kind], alpha=0.25 if kind != "initial" else 0.1,
                                    edgecolor=colour[kind], linestyle="--" if kind == "initial" else "-",
                                    gid=kind))
        ax.text(x, y, text, ha="center", va="center", fontsize=10)

    def arrow(start, end, label, kind):
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=10, linewidth=1.2,
                                     color=arrow_colour[kind], shrinkA=0, shrinkB=0, gid=kind))
        (x0, y0), (x1, y1) = start, end
        if kind == "recurrent":
            ax.text((x0 + x1) / 2, y0 + 0.06, label, ha="center", va="bottom", fontsize=8,
                    color=arrow_colour[kind], gid="weight")
        else:
            ax.text(x0 + 0.05, (y0 + y1) / 2, label, ha="left", va="center", fontsize=8,
                    color=arrow_colour[kind], gid="weight")

    top = layers + 1 if output else layers
    for t in range(1, steps + 1):
        x = t * dx
        box(x, 0, f"$x_{{{t}}}$", "input")
        for l in range(1, layers + 1):
            box(x, l, state(t, l), "state")
            arrow((x, l - 1 + box_h / 2), (x, l - box_h / 2), w_in(l), "feedforward")
            if t > 1 or initial_state:
                arrow((x - dx + box_w / 2, l), (x - box_w / 2, l), w_rec(l), "recurrent")
        if output:
            box(x, top, f"$y_{{{t}}}$", "output")
            arrow((x, layers + box_h / 2), (x, top - box_h / 2), "$W_{hy}$", "readout")
        ax.text(x, -0.55, f"t = {t}", ha="center", va="top", fontsize=9)
    if initial_state:
        for l in range(1, layers + 1):
            box(0, l, state(0, l), "initial")

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
    ax.text(dx * (steps + (0 if initial_state else 1)) / 2, -0.95,
            "the same weights at every step: " + ", ".join(weights), ha="center", va="top", fontsize=9)
    ax.annotate("", xy=(steps * dx + 0.75, -0.25), xytext=(steps * dx + 0.45, -0.25),
                arrowprops={"arrowstyle": "->", "color": "#666666"})
    ax.text(steps * dx + 0.8, -0.25, "time", va="center", fontsize=8, color="#666666")

    ax.set_xlim(left - 1.0, steps * dx + 1.1)
    ax.set_ylim(-1.3, top + 0.45)
    ax.set_axis_off()
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
        ax.add_patch(Rectangle((x, y), cols, rows, facecolor=colour, alpha=0.3, edgecolor=colour, linewidth=1.5))
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
    return ax


def draw_recurrent_neuron(form: str, *, ax=None):
    """A box-and-arrow picture of one recurrent layer; returns the Axes.

    form="hidden-to-hidden" (Elman): the hidden state h_{t-1} is fed back through W_hh;
    form="output-to-hidden" (Jordan): the output y_{t-1} is fed back through W_yh.
    The feedback arrow carries the value of the previous time step (a delay of one step).
    Arrows are patches with gid "feedforward" or "feedback", so a test can find them.
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    # form -> (the box whose value is fed back, the label of the feedback, the picture's title)
    loops = {"hidden-to-hidden": ("h", r"$W_{hh}\,h_{t-1}$", "hidden-to-hidden (Elman)"),
             "output-to-hidden": ("y", r"$W_{yh}\,y_{t-1}$", "output-to-hidden (Jordan)")}
    if form not in loops:
        raise ValueError(f"form must be one of {sorted(loops)}; got {form!r}")
    if ax is None:
        _, ax = plt.subplots(figsize=(3.2, 3.2))
    centres = {"x": (0.35, 0.12), "h": (0.35, 0.5), "y": (0.35, 0.88)}
    names = {"x": r"input $x_t$", "h": r"hidden $h_t$", "y": r"output $y_t$"}
    fills = {"x": COLORS[2], "h": COLORS[0], "y": COLORS[1]}
    half_w, half_h = 0.17, 0.07
    for key, (cx, cy) in centres.items():
        ax.add_patch(FancyBboxPatch((cx - half_w, cy - half_h), 2 * half_w, 2 * half_h,
                                    boxstyle="round,pad=0.01", facecolor=fills[key], alpha=0.35,
                                    edgecolor=fills[key]))
        ax.text(cx, cy, names[key], ha="center", va="center")

    def arrow(start, end, gid="feedforward", **style):
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=COLORS[7],
                                     lw=1.2, gid=gid, **style))

    (xx, xy), (hx, hy), (yx, yy) = centres["x"], centres["h"], centres["y"]
    arrow((xx, xy + half_h + 0.01), (hx, hy - half_h - 0.01))
    ax.text(xx + 0.02, (xy + hy) / 2, r"$W_{xh}$", va="center")
    arrow((hx, hy + half_h + 0.01), (yx, yy - half_h - 0.01))
    ax.text(hx + 0.02, (hy + yy) / 2, r"$W_{hy}$", va="center")
    # the feedback: out of the right side of the source box, back into the right side of h_t
    source, label, title = loops[form]
    sx, sy = centres[source]
    start = (sx + half_w + 0.01, sy + (0.035 if source == "h" else 0.0))
    end = (hx + half_w + 0.01, hy - (0.035 if source == "h" else 0.0))
    arrow(start, end, connectionstyle="arc,angleA=0,angleB=0,armA=28,armB=28,rad=6", gid="feedback",
          linestyle="--")
    ax.text(hx + half_w + 0.2, (sy + hy) / 2 if source == "y" else hy, label + "\n(from step t-1)",
            ha="left", va="center", fontsize=9)
    ax.set_xlim(0, 1.15)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    ax.set_title(title)
    return ax


def draw_mapping(inputs, outputs, *, title: str | None = None, decoder_from: int | None = None,
                 feedback: bool = False, ax=None):
    """One mapping type as an unrolled network: which steps take an input x, which give an output y.

    inputs, outputs: one bool per time step (the same number of steps). decoder_from: the first
    step of the decoder of an encoder-decoder, whose hidden boxes get a second colour.
    feedback: draw each decoder output fed back (dashed) as the next step's input.
    Returns the Axes. Boxes and arrows are patches whose gid says what they are: "input",
    "state", "decoder", "output"; "feedforward" (x to h, h to y), "recurrent", "feedback".
    """
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    inputs, outputs = [bool(i) for i in inputs], [bool(o) for o in outputs]
    steps = len(inputs)
    if steps == 0 or len(outputs) != steps:
        raise ValueError(f"inputs and outputs need one entry per time step (at least one); "
                         f"got {len(inputs)} and {len(outputs)}")
    if ax is None:
        _, ax = plt.subplots(figsize=(1.0 + 0.6 * steps, 2.4))
    half = 0.25  # half the side of a box; steps are 1 apart, rows 1 apart
    colour = {"input": COLORS[2], "state": COLORS[3], "decoder": COLORS[1], "output": COLORS[0]}

    def box(t, row, text, kind):
        ax.add_patch(FancyBboxPatch((t - half, row - half), 2 * half, 2 * half, boxstyle="round,pad=0.02",
                                    facecolor=colour[kind], alpha=0.3, edgecolor=colour[kind], gid=kind))
        ax.text(t, row, text, ha="center", va="center", fontsize=9)

    def arrow(start, end, kind, **style):
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=8, linewidth=1,
                                     color="#444444", shrinkA=0, shrinkB=0, gid=kind, **style))

    for t in range(steps):
        decoding = decoder_from is not None and t >= decoder_from
        box(t, 1, "$h$", "decoder" if decoding else "state")
        if inputs[t]:
            box(t, 0, "$x$", "input")
            arrow((t, half), (t, 1 - half), "feedforward")
        if outputs[t]:
            box(t, 2, "$y$", "output")
            arrow((t, 1 + half), (t, 2 - half), "feedforward")
        if t + 1 < steps:  # the recurrence: h_t is carried to step t + 1
            arrow((t + half, 1), (t + 1 - half, 1), "recurrent")
        if feedback and decoding and outputs[t] and t + 1 < steps:
            arrow((t + half, 2), (t + 1 - half / 2, 1 + half), "feedback", linestyle="--",
                  connectionstyle="arc3,rad=-0.3")
    ax.set_xlim(-0.6, steps - 0.4)
    ax.set_ylim(-0.6, 2.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=10)
    return ax


MAPPING_TYPES = {  # name -> (inputs, outputs, options of draw_mapping), as drawn by plot_mapping_types
    "one-to-one": ([True], [True], {}),
    "one-to-many": ([True, False, False, False], [True] * 4, {}),
    "many-to-one": ([True] * 4, [False, False, False, True], {}),
    "many-to-many\n(equal lengths)": ([True] * 4, [True] * 4, {}),
    "encoder-decoder\n(unequal lengths)": ([True] * 3 + [False] * 3, [False] * 3 + [True] * 3,
                                           {"decoder_from": 3, "feedback": True}),
}


def plot_mapping_types():
    """The five mapping types side by side (MAPPING_TYPES); returns the Figure."""
    widths = [len(inputs) + 0.4 for inputs, _, _ in MAPPING_TYPES.values()]
    fig, axes = plt.subplots(1, len(MAPPING_TYPES), figsize=(9, 2.4), gridspec_kw={"width_ratios": widths})
    for ax, (title, (inputs, outputs, options)) in zip(axes, MAPPING_TYPES.items()):
        draw_mapping(inputs, outputs, title=title, ax=ax, **options)
    fig.tight_layout()
    return fig


LSTM_GATES = {  # gate -> (label in its box: name and activation, what it does), PyTorch's order i, f, g, o
    "i": ("$i_t$\nσ", "input gate: how much of the candidate is written"),
    "f": ("$f_t$\nσ", "forget gate: how much of the old cell state is kept"),
    "g": ("$g_t$\ntanh", "candidate: what could be written"),
    "o": ("$o_t$\nσ", "output gate: how much of the cell is shown in h"),
}


def draw_lstm_cell(*, ax=None):
    """One LSTM step as boxes and arrows: the cell state c runs along the top, changed only by
    a multiplication (forget gate f) and an addition (input gate i times candidate g); the hidden
    state h is the output gate o times tanh(c).

    Returns the Axes. Patches carry a gid: "gate" (the four boxes, PyTorch's order i, f, g, o,
    each with a `gate` letter in its label), "cell" (the cell-state path), "node" (x and +),
    "tanh_c" (the tanh applied to c_t), "arrow" (everything else).
    """
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.4))
    colour = {"i": COLORS[2], "f": COLORS[3], "g": COLORS[4], "o": COLORS[0]}
    gate_x = {"f": 2.5, "i": 4.0, "g": 5.5, "o": 7.0}  # drawn left to right in the order they act
    bus_y, gate_y, cell_y = 1.0, 2.6, 5.0

    def arrow(start, end, gid="arrow", **style):
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=9, color="#444444",
                                     linewidth=style.pop("linewidth", 1.0), shrinkA=0, shrinkB=0, gid=gid, **style))

    def node(xy, symbol):
        ax.add_patch(Circle(xy, 0.25, facecolor="white", edgecolor="#444444", gid="node", zorder=3))
        ax.text(*xy, symbol, ha="center", va="center", fontsize=11, zorder=4)

    # the cell state: a straight path across the top, touched only by x and +
    ax.text(-0.1, cell_y, "$c_{t-1}$", ha="right", va="center")
    arrow((0, cell_y), (10, cell_y), gid="cell", linewidth=2.5, zorder=1)
    ax.text(10.1, cell_y, "$c_t$", ha="left", va="center")
    # the hidden state and the input feed every gate
    ax.text(-0.1, bus_y, "$h_{t-1}$", ha="right", va="center")
    ax.plot([0, gate_x["o"]], [bus_y, bus_y], color="#444444", linewidth=1)
    ax.text(1.0, -0.2, "$x_t$", ha="center", va="top")
    arrow((1.0, -0.1), (1.0, bus_y))
    for name, x in gate_x.items():
        label, _ = LSTM_GATES[name]
        ax.add_patch(FancyBboxPatch((x - 0.45, gate_y - 0.45), 0.9, 0.9, boxstyle="round,pad=0.05",
                                    facecolor=colour[name], alpha=0.3, edgecolor=colour[name], gid="gate"))
        ax.text(x, gate_y, label, ha="center", va="center", fontsize=9)
        arrow((x, bus_y), (x, gate_y - 0.5))
    # forget: c_{t-1} * f
    node((gate_x["f"], cell_y), "×")
    arrow((gate_x["f"], gate_y + 0.5), (gate_x["f"], cell_y - 0.25))
    # write: + i * g
    write = ((gate_x["i"] + gate_x["g"]) / 2, 3.9)
    node(write, "×")
    arrow((gate_x["i"], gate_y + 0.5), (write[0] - 0.2, write[1] - 0.15))
    arrow((gate_x["g"], gate_y + 0.5), (write[0] + 0.2, write[1] - 0.15))
    node((write[0], cell_y), "+")
    arrow((write[0], write[1] + 0.25), (write[0], cell_y - 0.25))
    # read: h_t = o * tanh(c_t)
    read_x = 8.7
    ax.add_patch(FancyBboxPatch((read_x - 0.4, 3.7), 0.8, 0.5, boxstyle="round,pad=0.05", facecolor="white",
                                edgecolor="#444444", gid="tanh_c"))
    ax.text(read_x, 3.95, "tanh", ha="center", va="center", fontsize=9)
    arrow((read_x, cell_y), (read_x, 4.25))
    node((read_x, gate_y), "×")
    arrow((read_x, 3.65), (read_x, gate_y + 0.25))
    arrow((gate_x["o"] + 0.5, gate_y), (read_x - 0.25, gate_y))
    ax.plot([read_x, read_x], [gate_y - 0.25, bus_y], color="#444444", linewidth=1)
    arrow((read_x, bus_y), (10, bus_y))
    ax.text(10.1, bus_y, "$h_t$", ha="left", va="center")
    ax.set_xlim(-1.0, 11.0)
    ax.set_ylim(-0.8, 5.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


GRU_GATES = {  # gate -> (label in its box: name and activation, what it does), PyTorch's order r, z, n
    "r": ("$r_t$\nσ", "reset gate: how much of the old state the candidate may use"),
    "z": ("$z_t$\nσ", "update gate: how much of the old state is kept"),
    "n": ("$n_t$\ntanh", "candidate: the new content"),
}


def draw_gru_cell(*, ax=None):
    """One GRU step as boxes and arrows, in PyTorch's form: the hidden state h runs along the top
    (there is no separate cell state), scaled by the update gate z and topped up with (1 - z)
    times the candidate n; the reset gate r scales the recurrent part W_hn h + b_hn inside n.

    Returns the Axes. Patches carry a gid: "gate" (the three boxes, drawn z, r, n from left to
    right), "state" (the hidden-state path), "node" (the x and + nodes), "reset" (the x node
    where r meets W_hn h + b_hn), "one_minus" (the 1 - z box), "arrow" (everything else).
    """
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.4))
    colour = {"r": COLORS[3], "z": COLORS[2], "n": COLORS[4]}
    gate_x = {"z": 2.5, "r": 4.5, "n": 7.6}
    bus_y, gate_y, mix_y, state_y = 1.0, 2.6, 3.9, 5.0

    def arrow(start, end, gid="arrow", **style):
        ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=9, color="#444444",
                                     linewidth=style.pop("linewidth", 1.0), shrinkA=0, shrinkB=0, gid=gid, **style))

    def node(xy, symbol, gid="node"):
        ax.add_patch(Circle(xy, 0.25, facecolor="white", edgecolor="#444444", gid=gid, zorder=3))
        ax.text(*xy, symbol, ha="center", va="center", fontsize=11, zorder=4)

    # the hidden state: one path across the top, touched by x z and + (1 - z) n
    ax.text(-0.1, state_y, "$h_{t-1}$", ha="right", va="center")
    arrow((0, state_y), (10, state_y), gid="state", linewidth=2.5, zorder=1)
    ax.text(10.1, state_y, "$h_t$", ha="left", va="center")
    # the same h_{t-1} and the input x_t feed every gate from the bus below
    ax.plot([0.4, 0.4, gate_x["n"] + 0.2], [state_y, bus_y, bus_y], color="#444444", linewidth=1)
    ax.text(1.2, -0.2, "$x_t$", ha="center", va="top")
    arrow((1.2, -0.1), (1.2, bus_y))
    for name, x in gate_x.items():
        label, _ = GRU_GATES[name]
        ax.add_patch(FancyBboxPatch((x - 0.45, gate_y - 0.45), 0.9, 0.9, boxstyle="round,pad=0.05",
                                    facecolor=colour[name], alpha=0.3, edgecolor=colour[name], gid="gate"))
        ax.text(x, gate_y, label, ha="center", va="center", fontsize=9)
    arrow((gate_x["z"], bus_y), (gate_x["z"], gate_y - 0.5))
    arrow((gate_x["r"], bus_y), (gate_x["r"], gate_y - 0.5))
    arrow((gate_x["n"] + 0.2, bus_y), (gate_x["n"] + 0.2, gate_y - 0.5))  # W_in x_t + b_in
    # reset: r scales the recurrent part of the candidate, W_hn h_{t-1} + b_hn (bias included)
    reset = (5.75, gate_y)
    node(reset, "×", gid="reset")
    arrow((gate_x["r"] + 0.5, gate_y), (reset[0] - 0.25, gate_y))
    arrow((reset[0], bus_y), (reset[0], gate_y - 0.25))
    ax.text(reset[0] + 0.08, (bus_y + gate_y) / 2 - 0.1, "$W_{hn}h+b_{hn}$", ha="left", va="center", fontsize=8)
    arrow((reset[0] + 0.25, gate_y), (gate_x["n"] - 0.5, gate_y))
    # keep: h_{t-1} x z on the state path
    node((gate_x["z"], state_y), "×")
    arrow((gate_x["z"], gate_y + 0.5), (gate_x["z"], state_y - 0.25))
    # write: + (1 - z) x n
    ax.add_patch(FancyBboxPatch((4.1, mix_y - 0.22), 0.8, 0.44, boxstyle="round,pad=0.05", facecolor="white",
                                edgecolor="#444444", gid="one_minus"))
    ax.text(4.5, mix_y, "1 − z", ha="center", va="center", fontsize=9)
    arrow((gate_x["z"], mix_y), (4.05, mix_y))
    node((gate_x["n"], mix_y), "×")
    arrow((4.95, mix_y), (gate_x["n"] - 0.25, mix_y))
    arrow((gate_x["n"], gate_y + 0.5), (gate_x["n"], mix_y - 0.25))
    node((gate_x["n"], state_y), "+")
    arrow((gate_x["n"], mix_y + 0.25), (gate_x["n"], state_y - 0.25))
    ax.set_xlim(-1.0, 11.0)
    ax.set_ylim(-0.8, 5.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax
