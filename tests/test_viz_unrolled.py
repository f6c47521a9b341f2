"""viz.draw_unrolled: the unrolled graph has one column per step, one row per layer, and the
same weight names in every column."""

from collections import Counter

import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt
import pytest
from figures import kinds

from coursekit import viz

pytestmark = pytest.mark.usefixtures("close_figures")


def weight_labels(ax) -> list[str]:
    return [text.get_text() for text in ax.texts if text.get_gid() == "weight"]


@pytest.mark.parametrize("steps, layers", [(1, 1), (5, 1), (5, 2), (3, 3)])
def test_one_box_per_value_and_one_arrow_per_product(steps, layers):
    ax = viz.draw_unrolled(steps, layers)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert kinds(ax) == {
        "input": steps,
        "state": steps * layers,
        "output": steps,
        "initial": layers,
        "feedforward": steps * layers,
        "recurrent": steps * layers,
        "readout": steps,
    }


def test_without_output_and_initial_state():
    ax = viz.draw_unrolled(4, 2, output=False, initial_state=False)
    # The first step has no state to come from, so it has no recurrent arrow.
    assert kinds(ax) == {"input": 4, "state": 8, "feedforward": 8, "recurrent": 6}


def test_every_step_shows_the_same_weight_names():
    steps, layers = 5, 2
    labels = Counter(weight_labels(viz.draw_unrolled(steps, layers)))
    assert labels == {
        "$W_F^{(1)}$": steps,
        "$W_R^{(1)}$": steps,
        "$W_F^{(2)}$": steps,
        "$W_R^{(2)}$": steps,
        "$W_{hy}$": steps,
    }
    labels = Counter(weight_labels(viz.draw_unrolled(3, 1, notation="xh")))
    assert labels == {"$W_{xh}$": 3, "$W_{hh}$": 3, "$W_{hy}$": 3}


def test_sizes_give_every_weight_its_shape():
    ax = viz.draw_unrolled(2, 2, sizes=(3, 7, 5, 1))
    caption = next(text.get_text() for text in ax.texts if text.get_text().startswith("the same weights"))
    assert "$W_F^{(1)}$ 7×3" in caption and "$W_R^{(2)}$ 5×5" in caption and "$W_F^{(2)}$ 5×7" in caption
    assert "$W_{hy}$ 1×5" in caption


def test_draws_into_a_given_axes():
    fig, ax = plt.subplots()
    assert viz.draw_unrolled(2, ax=ax) is ax and len(fig.axes) == 1


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"steps": 0}, "steps must be a whole number from 1 to 10"),
        ({"steps": 11}, "steps must be a whole number from 1 to 10"),
        ({"steps": 2.5}, "steps must be a whole number"),
        ({"steps": 3, "layers": 0}, "layers must be a whole number"),
        ({"steps": 3, "notation": "uv"}, "notation must be 'FR'"),
        ({"steps": 3, "layers": 2, "sizes": (3, 7, 1)}, r"sizes must hold 4 positive whole numbers"),
        ({"steps": 3, "sizes": (3, 0, 1)}, r"sizes must hold 3 positive whole numbers"),
    ],
)
def test_bad_arguments_say_what_was_expected(kwargs, words):
    with pytest.raises(ValueError, match=words):
        viz.draw_unrolled(**kwargs)
