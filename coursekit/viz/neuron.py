"""One recurrent layer as boxes and arrows, in its two forms: hidden-to-hidden and output-to-hidden."""

from __future__ import annotations

from .describe import describe
from .drawing import arrow, box, canvas, finish
from .style import COLORS

# form -> (the box whose value is fed back, the label of the feedback, the picture's title)
LOOPS = {
    "hidden-to-hidden": ("h", r"$W_{hh}\,h_{t-1}$", "hidden-to-hidden (Elman)"),
    "output-to-hidden": ("y", r"$W_{yh}\,y_{t-1}$", "output-to-hidden (Jordan)"),
}


def draw_recurrent_neuron(form: str, *, ax=None):
    """A box-and-arrow picture of one recurrent layer; returns the Axes.

    form="hidden-to-hidden" (Elman): the hidden state h_{t-1} is fed back through W_hh;
    form="output-to-hidden" (Jordan): the output y_{t-1} is fed back through W_yh.
    The feedback arrow carries the value of the previous time step (a delay of one step).
    Arrows are patches with gid "feedforward" or "feedback", so a test can find them.
    """
    if form not in LOOPS:
        raise ValueError(f"form must be one of {sorted(LOOPS)}; got {form!r}")
    ax = canvas(ax, (3.2, 3.2))
    centres = {"x": (0.35, 0.12), "h": (0.35, 0.5), "y": (0.35, 0.88)}
    names = {"x": r"input $x_t$", "h": r"hidden $h_t$", "y": r"output $y_t$"}
    fills = {"x": COLORS[2], "h": COLORS[0], "y": COLORS[1]}
    half_w, half_h = 0.17, 0.07
    for key, centre in centres.items():
        box(ax, centre, 2 * half_w, 2 * half_h, names[key], fills[key], alpha=0.35, pad=0.01)

    def link(start, end, gid="feedforward", **style):
        arrow(ax, start, end, gid=gid, colour=COLORS[7], size=12, linewidth=1.2, shrink=2, **style)

    (xx, xy), (hx, hy), (yx, yy) = centres["x"], centres["h"], centres["y"]
    link((xx, xy + half_h + 0.01), (hx, hy - half_h - 0.01))
    ax.text(xx + 0.02, (xy + hy) / 2, r"$W_{xh}$", va="center")
    link((hx, hy + half_h + 0.01), (yx, yy - half_h - 0.01))
    ax.text(hx + 0.02, (hy + yy) / 2, r"$W_{hy}$", va="center")
    # the feedback: out of the right side of the source box, back into the right side of h_t
    source, label, title = LOOPS[form]
    sx, sy = centres[source]
    start = (sx + half_w + 0.01, sy + (0.035 if source == "h" else 0.0))
    end = (hx + half_w + 0.01, hy - (0.035 if source == "h" else 0.0))
    link(
        start,
        end,
        connectionstyle="arc,angleA=0,angleB=0,armA=28,armB=28,rad=6",
        gid="feedback",
        linestyle="--",
    )
    ax.text(
        hx + half_w + 0.2,
        (sy + hy) / 2 if source == "y" else hy,
        label + "\n(from step t-1)",
        ha="left",
        va="center",
        fontsize=9,
    )
    finish(ax, (0, 1.15), (0, 1), equal=False)
    ax.set_title(title)
    fed_back = "the hidden state h_t-1, through W_hh" if source == "h" else "the output y_t-1, through W_yh"
    describe(
        ax,
        f"Diagram, {title}: the input x_t goes up through W_xh into the hidden units h_t, and "
        f"h_t up through W_hy to the output y_t; a dashed arrow feeds {fed_back}, back into the "
        "hidden units one time step later.",
    )
    return ax
