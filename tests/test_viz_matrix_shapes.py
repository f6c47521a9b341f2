"""viz.plot_matrix_shapes: every matrix drawn to scale, labelled with its shape."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from coursekit.viz import plot_matrix_shapes  # noqa: E402


def test_each_matrix_is_a_box_of_its_shape():
    terms = [("W_F", (7, 3)), "·", ("a", (3, 8)), "=", ("z", (7, 8))]
    ax = plot_matrix_shapes(terms, title="a product")
    boxes = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert [(b.get_height(), b.get_width()) for b in boxes] == [(7, 3), (3, 8), (7, 8)]
    assert boxes[1].get_x() > boxes[0].get_x() + 3  # the operator sits between them
    texts = [t.get_text() for t in ax.texts]
    assert {"(7, 3)", "(3, 8)", "(7, 8)", "W_F", "·", "="} <= set(texts)
    assert ax.get_title() == "a product"
    plt.close(ax.figure)


@pytest.mark.parametrize("terms", [[], ["+"], [("W", (7,))], [("W", 7, 3)]])
def test_bad_terms_say_what_was_expected(terms):
    with pytest.raises(ValueError, match=r"\(label, \(rows, columns\)\) pairs"):
        plot_matrix_shapes(terms)
