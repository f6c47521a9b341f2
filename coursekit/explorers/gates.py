"""Explorer for lesson 11: inside the trained character LSTM, one character at a time.

Type or pick a text; for a chosen unit the explorer colours every character by that unit's hidden state
and by its input, forget and output gates at that character, the way Karpathy's "visualizing the
predictions and the neuron firings" does, but live.

    readout = lstm_readout(model, vocab, "def f(x):\n    return x\n")   # readout.values["forget gate"] (T, H)
    gates_figure(readout, unit=7)                                        # one unit, as a figure
    explore_gates(model, vocab)                                          # the live explorer

`model` is the lesson's SequenceTagger with cell="lstm" (embed, rnn, out); its LSTM runs here as
coursekit's NumPy lstm_forward with the same weights, whose cache holds the gates.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..nn import from_torch, lstm_forward
from . import _display

QUANTITIES = ("hidden state", "input gate", "forget gate", "output gate")
MAX_CHARACTERS = 240  # what fits on the figure, WIDTH characters a line
WIDTH = 60
TEXTS = (
    "def read(path):\n    with open(path) as f:\n        return f.read()\n",
    '    # a comment, then a string\n    name = "a quoted string"\n',
    "if x > 0:\n    for i in range(10):\n        total += values[i]\n",
)


@dataclass
class LSTMReadout:
    text: str
    values: dict  # quantity name -> (T, H): h_t, and the gates i_t, f_t, o_t, after each character of text


def _check_text(vocab, text) -> str:
    if not isinstance(text, str) or not text:
        raise ValueError(f"text must be a non-empty string; got {text!r}")
    if len(text) > MAX_CHARACTERS:
        raise ValueError(
            f"text has {len(text)} characters; the explorer shows at most {MAX_CHARACTERS}: shorten it"
        )
    unknown = sorted(set(text) - set(vocab.chars))
    if unknown:
        raise ValueError(
            f"the model cannot read {''.join(unknown)!r}: use only the characters of its vocabulary "
            "(the newline and printable ASCII)"
        )
    return text


def lstm_readout(model, vocab, text: str) -> LSTMReadout:
    """The hidden state and the input, forget and output gates of the model's LSTM after each character."""
    import torch

    text = _check_text(vocab, text)
    if (
        not isinstance(getattr(model, "rnn", None), torch.nn.LSTM)
        or model.rnn.num_layers != 1
        or model.rnn.bidirectional
    ):
        raise ValueError(
            "model must be the lesson's SequenceTagger with cell='lstm' (one layer, one direction)"
        )
    with torch.no_grad():
        x = model.embed(torch.from_numpy(vocab.encode(text))[None]).double().numpy()  # (1, T, E)
    params = from_torch(model.rnn).layers[0][
        0
    ]  # float32 weights; x is float64, so lstm_forward runs in float64
    h, cache = lstm_forward(x, None, None, params)
    i, f, _, o = np.split(cache.gates[:, 0], 4, axis=1)  # (T, H) each; PyTorch's gate order i, f, g, o
    return LSTMReadout(text, dict(zip(QUANTITIES, (h[0], i, f, o))))


def most_active_unit(readout: LSTMReadout) -> int:
    """The unit whose hidden state varies most over the text: a good first unit to look at."""
    return int(np.argmax(readout.values["hidden state"].std(axis=0)))


def _lines(text: str) -> list[list[int]]:
    """Character indices of text, cut into display lines at newlines and every WIDTH characters."""
    lines, line = [], []
    for index, char in enumerate(text):
        line.append(index)
        if char == "\n" or len(line) == WIDTH:
            lines.append(line)
            line = []
    return lines + ([line] if line else [])


def gates_figure(readout: LSTMReadout, unit: int) -> Figure:
    """Four panels, one per quantity: the text with every character's background the unit's value there."""
    H = readout.values["hidden state"].shape[1]
    if isinstance(unit, bool) or not isinstance(unit, (int, np.integer)) or not 0 <= unit < H:
        raise ValueError(f"unit must be a whole number from 0 to {H - 1}; got {unit!r}")
    lines = _lines(readout.text)
    rows, columns = len(lines), max(len(line) for line in lines)
    fig = Figure(
        figsize=(min(7.5, 1.0 + 0.13 * columns), 0.5 + len(QUANTITIES) * (0.35 + 0.22 * rows)),
        layout="constrained",
    )
    axes = fig.subplots(len(QUANTITIES), 1)
    for ax, name in zip(axes, QUANTITIES):
        values = readout.values[name][:, unit]
        low, cmap = (-1.0, "RdBu_r") if name == "hidden state" else (0.0, "Greens")
        grid = np.full((rows, columns), np.nan)
        for r, line in enumerate(lines):
            grid[r, : len(line)] = values[line]
        ax.imshow(grid, cmap=cmap, vmin=low, vmax=1.0, aspect="auto")
        for r, line in enumerate(lines):
            for col, index in enumerate(line):
                char = readout.text[index]
                dark = abs(values[index]) > 0.6 if low < 0 else values[index] > 0.7  # white on dark cells
                ax.text(
                    col,
                    r,
                    "⏎" if char == "\n" else char,
                    ha="center",
                    va="center",
                    fontsize=7,
                    family="monospace",
                    color="white" if dark else "black",
                )
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(
            f"{name} of unit {unit} ({'−1 blue … +1 red' if low < 0 else '0 white … 1 green'})",
            fontsize=9,
            loc="left",
        )
    return fig


def _alt(readout: LSTMReadout, unit: int) -> str:
    means = ", ".join(f"{name} {readout.values[name][:, unit].mean():.2f}" for name in QUANTITIES)
    shown = readout.text[:40].replace("\n", " [new line] ")  # words a screen reader says, not an escape
    return (
        f'The text "{shown}..." drawn four times, each character shaded by unit {unit}\'s '
        f"hidden state, input gate, forget gate and output gate there; the averages over the text: {means}."
    )


def explore_gates(model, vocab, text: str = TEXTS[0], unit: int | None = None):
    """The live explorer: pick or type a text, pick a unit (default: the most active one on the text)."""
    readout = lstm_readout(model, vocab, text)
    unit = most_active_unit(readout) if unit is None else unit
    H = readout.values["hidden state"].shape[1]

    def view(text: str, unit: int):
        try:
            readout = lstm_readout(model, vocab, text)
        except ValueError as error:  # typed text the model cannot read: say so in the output, keep going
            return Figure(figsize=(1, 0.1)), "nothing drawn", str(error)
        return gates_figure(readout, unit), _alt(readout, unit), ""

    widgets = _display.import_widgets()
    controls = (
        {}
        if widgets is None
        else {
            "text": widgets.Textarea(
                value=text,
                description="text",
                rows=4,
                continuous_update=False,
                layout=widgets.Layout(width="60%"),
            ),
            "unit": widgets.IntSlider(
                value=unit, min=0, max=H - 1, description="unit", continuous_update=False
            ),
        }
    )
    extra = []
    if widgets is not None:  # a pick of example texts, copied into the text box (which redraws)
        pick = widgets.Dropdown(
            options=[("pick an example", None)] + [(t.splitlines()[0], t) for t in TEXTS],
            description="examples",
        )
        pick.observe(
            lambda change: change.new and setattr(controls["text"], "value", change.new), names="value"
        )
        extra.append(pick)
    fallback = (
        "Widgets are not available here (ipywidgets cannot be imported); call "
        f"gates_figure(lstm_readout(model, vocab, 'def f(x):\\n'), unit={unit}) to see one text and unit."
    )
    return _display.build(
        "LSTM gates explorer", {"text": text, "unit": unit}, controls, view, fallback, extra
    )
