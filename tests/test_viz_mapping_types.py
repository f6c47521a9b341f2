"""viz.draw_mapping and viz.plot_mapping_types: one box per input, state and output, the right arrows."""

import matplotlib

matplotlib.use("Agg")  # no display needed

import pytest
from figures import kinds

from coursekit import viz

pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("one-to-one", {"input": 1, "state": 1, "output": 1, "feedforward": 2}),
        ("one-to-many", {"input": 1, "state": 4, "output": 4, "feedforward": 5, "recurrent": 3}),
        ("many-to-one", {"input": 4, "state": 4, "output": 1, "feedforward": 5, "recurrent": 3}),
        (
            "many-to-many\n(equal lengths)",
            {"input": 4, "state": 4, "output": 4, "feedforward": 8, "recurrent": 3},
        ),
        (
            "encoder-decoder\n(unequal lengths)",
            {
                "input": 3,
                "state": 3,
                "decoder": 3,
                "output": 3,
                "feedforward": 6,
                "recurrent": 5,
                "feedback": 2,
            },
        ),
    ],
)
def test_each_mapping_type_has_its_boxes_and_arrows(name, expected):
    inputs, outputs, options = viz.MAPPING_TYPES[name]
    assert kinds(viz.draw_mapping(inputs, outputs, **options)) == expected


def test_the_figure_shows_all_five():
    fig = viz.plot_mapping_types()
    assert [ax.get_title() for ax in fig.axes] == list(viz.MAPPING_TYPES)


def test_steps_must_match():
    with pytest.raises(ValueError, match="one entry per time step"):
        viz.draw_mapping([True, True], [True])
