"""What every explorer shares: a figure as PNG, the live widget with a stored image, the fallback.

An explorer is shown as ONE output whose bundle holds both the live widget and a PNG of its default
settings. JupyterLab (with the widget manager) prefers the widget view and shows the live explorer;
whatever cannot run widgets (nbconvert, the course website, a frontend without ipywidgets) falls back
to the PNG, with its alt text in the output's metadata, the course's convention. So a reader never
sees a stale image beside the live one.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field

from matplotlib.figure import Figure

from ..viz.describe import figure_bundle

LIVE_LINE = "Live in JupyterLab: move the sliders."
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def png_bytes(fig: Figure) -> bytes:
    """The figure as PNG bytes (a matplotlib Figure made without pyplot, so nothing else shows it)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def image_output(fig: Figure, alt: str, text: str = "", png: bytes | None = None) -> tuple[dict, ...]:
    """Outputs (nbformat dicts) for an ipywidgets Output: the printed `text`, then the figure (`png`, if
    it is drawn already) as coursekit.viz.show writes one, with its alt text."""
    outputs = []
    if text:
        outputs.append({"output_type": "stream", "name": "stdout", "text": text.rstrip("\n") + "\n"})
    data, metadata = figure_bundle(base64.b64encode(png or png_bytes(fig)).decode("ascii"), alt)
    outputs.append({"output_type": "display_data", "metadata": metadata, "data": data})
    return tuple(outputs)


def import_widgets():
    """The ipywidgets module, or None where it cannot be imported."""
    try:
        import ipywidgets
    except ImportError:
        return None
    return ipywidgets


@dataclass
class Explorer:
    """A live explorer: `widget` (an ipywidgets box, or None without ipywidgets), its `controls` by name,
    the `output` it redraws, and the PNG and alt text of its default state for whatever cannot run it."""

    title: str
    png: bytes
    alt: str
    widget: object = None
    controls: dict = field(default_factory=dict)
    output: object = None

    def _repr_mimebundle_(self, include=None, exclude=None):
        # no numbers in text/plain: nbval compares it, and the alt's numbers can depend on the CPU
        data, metadata = figure_bundle(
            base64.b64encode(self.png).decode("ascii"),
            self.alt,
            plain=f"{self.title}: its figure at the default settings",
        )
        if self.widget is not None:
            data[WIDGET_VIEW] = self.widget._repr_mimebundle_()[WIDGET_VIEW]
        return data, metadata


def build(title: str, settings: dict, controls: dict, redraw, fallback: str, extra=()) -> Explorer:
    """The explorer: `redraw(**settings)` returns (fig, alt, text) for the default `settings`, and is called
    again with the controls' values (name -> widget, one per setting) whenever one changes. Without
    ipywidgets, print `fallback` (what to call instead) and keep only the default figure. Prints LIVE_LINE
    when the explorer is live. `extra`: more widgets shown first, wired by the caller."""
    fig, alt, text = redraw(**settings)
    png = png_bytes(fig)
    widgets = import_widgets()
    if widgets is None or not controls:
        print(fallback)
        return Explorer(title, png, alt)
    output = widgets.Output()
    output.outputs = image_output(fig, alt, text, png)

    def update(_change=None):
        # Replace the outputs in one assignment: no `with output:` capture, whose messages a kernel
        # without a widget frontend (nbval) would show as outputs of the cell.
        fig, alt, text = redraw(**{name: control.value for name, control in controls.items()})
        output.outputs = image_output(fig, alt, text)

    for control in controls.values():
        control.observe(update, names="value")
    for control in [*extra, *controls.values()]:
        control.style.description_width = "initial"  # the whole label, not the first 10 characters
    print(LIVE_LINE)
    box = widgets.VBox(
        [widgets.HBox([*extra, *controls.values()], layout=widgets.Layout(flex_flow="row wrap")), output]
    )
    return Explorer(title, png, alt, box, controls, output)
