"""draw_lstm_cell: four gates, and a cell-state path touched only by a multiplication and an addition."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from coursekit import viz  # noqa: E402


def _draw():
    fig, ax = plt.subplots()
    viz.draw_lstm_cell(ax=ax)
    return fig, ax


def test_four_gate_boxes_with_sigmoid_on_i_f_o_and_tanh_on_g():
    fig, ax = _draw()
    assert sum(patch.get_gid() == "gate" for patch in ax.patches) == 4
    labels = [text.get_text() for text in ax.texts if "\n" in text.get_text()]
    activation = {label.split("\n")[0][1]: label.split("\n")[1] for label in labels}  # "$i_t$\nσ" -> i: σ
    assert activation == {"i": "σ", "f": "σ", "g": "tanh", "o": "σ"}
    plt.close(fig)


def test_the_cell_path_crosses_the_step_and_meets_a_product_then_a_sum():
    fig, ax = _draw()
    (cell,) = [patch for patch in ax.patches if patch.get_gid() == "cell"]
    (x0, y0), (x1, y1) = cell._posA_posB
    assert x0 < x1 and y0 == y1
    nodes = sorted(
        (patch.center[0], patch)
        for patch in ax.patches
        if patch.get_gid() == "node" and patch.center[1] == y0
    )
    symbols = [next(t.get_text() for t in ax.texts if t.get_position() == tuple(p.center)) for _, p in nodes]
    assert symbols == ["×", "+"]  # forget (multiply) first, then write (add)
    plt.close(fig)
