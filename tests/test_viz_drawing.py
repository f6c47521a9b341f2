"""coursekit.viz.drawing: the boxes, arrows and nodes of every diagram, defined once."""

import inspect
import re

import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from figures import kinds  # noqa: E402

from coursekit.viz import cells, drawing, mapping, neuron, unrolled  # noqa: E402

pytestmark = pytest.mark.usefixtures("close_figures")


def test_box_arrow_and_node_carry_their_gid_and_text():
    _, ax = plt.subplots()
    drawing.box(ax, (1.0, 2.0), 0.5, 0.4, "$h$", "#0072B2", gid="state")
    drawing.arrow(ax, (0, 0), (1, 1), gid="recurrent")
    drawing.node(ax, (3.0, 3.0), "+")
    assert kinds(ax) == {"state": 1, "recurrent": 1, "node": 1}
    (box,) = [patch for patch in ax.patches if patch.get_gid() == "state"]
    assert (box.get_x() + box.get_width() / 2, box.get_y() + box.get_height() / 2) == (1.0, 2.0)
    assert [text.get_text() for text in ax.texts] == ["$h$", "+"]


@pytest.mark.parametrize("module", [cells, mapping, neuron, unrolled], ids=lambda module: module.__name__)
def test_diagrams_draw_with_the_shared_helpers_only(module):
    # a diagram module that builds its own boxes, arrows or circles would be the old copy-paste again
    own = re.findall(r"\b(FancyArrowPatch|FancyBboxPatch|Circle)\(", inspect.getsource(module))
    assert own == [], f"{module.__name__} builds {own}: use coursekit.viz.drawing"
