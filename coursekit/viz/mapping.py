"""Mapping types (one-to-one ... encoder-decoder) as small unrolled networks."""

from __future__ import annotations

import matplotlib.pyplot as plt

from .describe import describe, plain
from .drawing import arrow, box, canvas, finish
from .style import COLORS


def _steps(flags) -> str:
    """Which steps (1-based) are set, in words: 'step 1', 'steps 1 to 4', 'steps 4 to 6', 'no step'."""
    steps = [t + 1 for t, flag in enumerate(flags) if flag]
    if not steps:
        return "no step"
    if len(steps) == 1:
        return f"step {steps[0]}"
    if steps == list(range(steps[0], steps[-1] + 1)):
        return f"steps {steps[0]} to {steps[-1]}"
    return "steps " + ", ".join(map(str, steps))


def draw_mapping(
    inputs,
    outputs,
    *,
    title: str | None = None,
    decoder_from: int | None = None,
    feedback: bool = False,
    ax=None,
):
    """One mapping type as an unrolled network: which steps take an input x, which give an output y.

    inputs, outputs: one bool per time step (the same number of steps). decoder_from: the first
    step of the decoder of an encoder-decoder, whose hidden boxes get a second colour.
    feedback: draw each decoder output fed back (dashed) as the next step's input.
    Returns the Axes. Boxes and arrows are patches whose gid says what they are: "input",
    "state", "decoder", "output"; "feedforward" (x to h, h to y), "recurrent", "feedback".
    """
    inputs, outputs = [bool(i) for i in inputs], [bool(o) for o in outputs]
    steps = len(inputs)
    if steps == 0 or len(outputs) != steps:
        raise ValueError(
            f"inputs and outputs need one entry per time step (at least one); "
            f"got {len(inputs)} and {len(outputs)}"
        )
    ax = canvas(ax, (1.0 + 0.6 * steps, 2.4))
    half = 0.25  # half the side of a box; steps are 1 apart, rows 1 apart
    colour = {"input": COLORS[2], "state": COLORS[3], "decoder": COLORS[1], "output": COLORS[0]}

    def value(t, row, text, kind):
        box(ax, (t, row), 2 * half, 2 * half, text, colour[kind], gid=kind, fontsize=9)

    def link(start, end, kind, **style):
        arrow(ax, start, end, gid=kind, size=8, **style)

    for t in range(steps):
        decoding = decoder_from is not None and t >= decoder_from
        value(t, 1, "$h$", "decoder" if decoding else "state")
        if inputs[t]:
            value(t, 0, "$x$", "input")
            link((t, half), (t, 1 - half), "feedforward")
        if outputs[t]:
            value(t, 2, "$y$", "output")
            link((t, 1 + half), (t, 2 - half), "feedforward")
        if t + 1 < steps:  # the recurrence: h_t is carried to step t + 1
            link((t + half, 1), (t + 1 - half, 1), "recurrent")
        if feedback and decoding and outputs[t] and t + 1 < steps:
            link(
                (t + half, 2),
                (t + 1 - half / 2, 1 + half),
                "feedback",
                linestyle="--",
                connectionstyle="arc3,rad=-0.3",
            )
    finish(ax, (-0.6, steps - 0.4), (-0.6, 2.6))
    if title:
        ax.set_title(title, fontsize=10)
    lead = f"{plain(title)}: " if title else "Diagram: "
    text = (
        f"{lead}{steps} time step{'s' * (steps > 1)}, an input x at {_steps(inputs)}, "
        f"an output y at {_steps(outputs)}"
    )
    if decoder_from is not None:
        text += f", a decoder from step {decoder_from + 1} on"
    if feedback:
        text += ", each decoder output fed back as the next input"
    describe(ax, text + (", the hidden state carried from step to step." if steps > 1 else "."))
    return ax


MAPPING_TYPES = {  # name -> (inputs, outputs, options of draw_mapping), as drawn by plot_mapping_types
    "one-to-one": ([True], [True], {}),
    "one-to-many": ([True, False, False, False], [True] * 4, {}),
    "many-to-one": ([True] * 4, [False, False, False, True], {}),
    "many-to-many\n(equal lengths)": ([True] * 4, [True] * 4, {}),
    "encoder-decoder\n(unequal lengths)": (
        [True] * 3 + [False] * 3,
        [False] * 3 + [True] * 3,
        {"decoder_from": 3, "feedback": True},
    ),
}


def plot_mapping_types():
    """The five mapping types side by side (MAPPING_TYPES); returns the Figure."""
    widths = [len(inputs) + 0.4 for inputs, _, _ in MAPPING_TYPES.values()]
    fig, axes = plt.subplots(1, len(MAPPING_TYPES), figsize=(9, 2.4), gridspec_kw={"width_ratios": widths})
    for ax, (title, (inputs, outputs, options)) in zip(axes, MAPPING_TYPES.items()):
        draw_mapping(inputs, outputs, title=title, ax=ax, **options)
    fig.tight_layout()
    return fig
