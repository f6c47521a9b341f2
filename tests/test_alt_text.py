"""Text alternatives: every figure of the course says in words what it shows.

The convention (coursekit/viz/describe.py): a figure is a display_data output whose
metadata["image/png"]["alt"] is its text alternative, with a text/html copy <img alt=...> for
JupyterLab, which ignores the metadata. Here: every committed notebook keeps to it, the helpers'
descriptions name what they drew, and viz.show refuses a figure that nothing describes.
"""

import html
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from coursekit import viz  # noqa: E402
from coursekit.train import History  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    path for folder in ("notebooks", "solutions", "exercises") for path in (ROOT / folder).glob("*.ipynb")
)
FILLER = "No description has been provided for this image"

pytestmark = pytest.mark.usefixtures("close_figures")


def figures(path: Path):
    """(cell number, output) of every image output of a notebook."""
    notebook = nbformat.read(path, as_version=4)
    for number, cell in enumerate(notebook.cells, 1):
        for output in cell.get("outputs", []):
            if any(kind.startswith("image/") for kind in output.get("data", {})):
                yield number, output


def test_the_notebooks_hold_their_figures():
    counts = {path.name: len(list(figures(path))) for path in NOTEBOOKS if path.parent.name == "notebooks"}
    assert sum(counts.values()) >= 56 and all(counts.values()), counts  # 56 when this test was written


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_figure_has_a_text_alternative(path):
    for number, output in figures(path):
        place = f"{path.parent.name}/{path.name}, cell {number}"
        assert set(output.data) >= {"image/png", "text/html"}, f"{place}: show it with viz.show(fig, alt=...)"
        alt = output.metadata.get("image/png", {}).get("alt", "")
        assert len(alt) >= 40 and len(alt.split()) >= 8, f"{place}: the alt text says too little: {alt!r}"
        assert FILLER not in alt and not re.fullmatch(r"(a |the )?(figure|plot|image|chart)\.?", alt.lower())
        assert "$" not in alt and "\\" not in alt, f"{place}: TeX in the alt text (a screen reader spells it)"
        # JupyterLab shows the text/html copy: the same picture with the same words
        image = re.fullmatch(
            r'<img alt="([^"]*)" src="data:image/png;base64,([^"]+)">', output.data["text/html"]
        )
        assert image and html.unescape(image[1]) == alt and image[2] == output.data["image/png"], place


def test_a_sequence_plot_names_its_series_axes_and_finding():
    ax = viz.plot_sequences(
        np.arange(1700, 1710),
        {"sunspots": np.arange(10.0)},
        xlabel="year",
        ylabel="sunspot number",
        title="Yearly sunspots",
        finding="It rises every year.",
    )
    assert viz.alt_text(ax.figure) == (
        "Yearly sunspots: line plot of sunspots (sunspot number) against "
        "year, 1700 to 1709. It rises every year."
    )


def test_a_training_curve_says_which_way_it_went():
    falling = History(loss=[2.0, 1.0, 0.5], metrics={"accuracy": [0.2, 0.6, 0.9]})
    text = viz.alt_text(viz.plot_history(falling, metric="accuracy", log_loss=True).figure)
    assert "training loss (log scale) against epoch" in text
    assert "loss falls from the first epoch to the last" in text and "accuracy (second axis) rises" in text
    text = viz.alt_text(viz.plot_history(History(loss=[1.0, 1.5])).figure)
    assert "loss does not fall from the first epoch to the last" in text


def test_diagrams_say_what_they_draw_in_plain_words():
    text = viz.alt_text(viz.draw_unrolled(3, 2, sizes=(4, 8, 6, 1)).figure)
    assert "unrolled over 3 time steps" in text and "2 stacked layers" in text
    assert "D = 4, H_1 = 8, H_2 = 6, O = 1" in text and "W_R^(2) 6×6" in text
    terms = [("$W_F$", (7, 3)), "·", ("$a_t$", (3, 8)), "=", ("$z_t$", (7, 8))]
    text = viz.alt_text(viz.plot_matrix_shapes(terms))
    assert "W_F (7 by 3) times a_t (3 by 8) equals z_t (7 by 8)" in text
    inputs, outputs, options = viz.MAPPING_TYPES["one-to-many"]
    text = viz.alt_text(viz.draw_mapping(inputs, outputs, **options).figure)
    assert "an input x at step 1, an output y at steps 1 to 4" in text
    text = viz.alt_text(viz.draw_recurrent_neuron("output-to-hidden").figure)
    assert "feeds the output y_t-1, through W_yh, back into the hidden units" in text
    assert "forget gate f_t" in viz.alt_text(viz.draw_lstm_cell().figure)
    assert "no cell state" in viz.alt_text(viz.draw_gru_cell().figure)


def test_show_refuses_a_figure_without_a_description():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    with pytest.raises(ValueError, match=r"this figure has no text alternative: .*pass alt='one sentence"):
        viz.show(fig)
    assert not plt.fignum_exists(fig.number)  # closed, so the inline backend cannot show it without text
    fig, (left, right) = plt.subplots(1, 2)
    viz.plot_sequences([0, 1], {"x": [0, 1]}, ax=left)
    right.plot([1, 2])  # one panel described, the other not
    with pytest.raises(ValueError, match="its Axes number 1 was not drawn by a coursekit.viz helper"):
        viz.show(fig)
    with pytest.raises(ValueError, match="alt is empty"):
        viz.show(plt.subplots()[0], alt="  ")


def test_show_displays_the_png_with_its_alt_text():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()  # a real IPython shell, whose display publisher records the output
    fig, ax = plt.subplots()
    ax.plot([3, 1, 2])
    try:
        with capture_output() as captured:
            viz.show(fig, alt='A line that falls from 3 to 1, then rises to 2 ("a dip").')
    finally:  # a shell left behind would become every later test's notebook (learner.check reads its names)
        InteractiveShell.clear_instance()
    (output,) = captured.outputs
    alt = 'A line that falls from 3 to 1, then rises to 2 ("a dip").'
    assert output.metadata == {"image/png": {"alt": alt}}
    assert output.data["text/plain"] == alt
    assert output.data["text/html"].startswith(
        '<img alt="A line that falls from 3 to 1, then rises to 2 '
        '(&quot;a dip&quot;)." src="data:image/png;base64,iVBORw0KGgo'
    )
    assert not plt.fignum_exists(fig.number)
