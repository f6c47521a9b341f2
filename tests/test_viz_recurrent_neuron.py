"""draw_recurrent_neuron: the feedback arrow leaves the right box for each recurrent form."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from coursekit import viz  # noqa: E402


def _feedback(ax):
    arrows = [patch for patch in ax.patches if patch.get_gid() == "feedback"]
    assert len(arrows) == 1
    return arrows[0]


def _texts(ax):
    return " ".join(text.get_text() for text in ax.texts)


@pytest.mark.parametrize(
    "form,weight,fed_back",
    [
        ("hidden-to-hidden", r"W_{hh}", "hidden"),
        ("output-to-hidden", r"W_{yh}", "output"),
    ],
)
def test_the_feedback_leaves_the_box_that_is_fed_back(form, weight, fed_back):
    fig, ax = plt.subplots()
    viz.draw_recurrent_neuron(form, ax=ax)
    labels = {text.get_text().split()[0]: text.get_position() for text in ax.texts if " $" in text.get_text()}
    (_, start_y), (_, end_y) = _feedback(ax)._posA_posB
    assert abs(start_y - labels[fed_back][1]) < 0.05  # it starts at the box whose value is fed back
    assert abs(end_y - labels["hidden"][1]) < 0.05  # and always returns into the hidden units
    assert weight in _texts(ax) and form in ax.get_title()
    assert sum(patch.get_gid() == "feedforward" for patch in ax.patches) == 2  # x -> h and h -> y
    plt.close(fig)


def test_an_unknown_form_is_refused():
    with pytest.raises(ValueError, match="form must be one of"):
        viz.draw_recurrent_neuron("hidden-to-output")
