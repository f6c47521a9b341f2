"""draw_gru_cell: three gates, one state path, and the reset node feeding the candidate."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from coursekit import viz  # noqa: E402


def _patches(ax, gid):
    return [patch for patch in ax.patches if patch.get_gid() == gid]


def test_three_gates_one_state_path_and_no_cell_state():
    fig, ax = plt.subplots()
    viz.draw_gru_cell(ax=ax)
    assert len(_patches(ax, "gate")) == 3
    (state,) = _patches(ax, "state")
    (start_x, start_y), (end_x, end_y) = state._posA_posB
    assert start_y == end_y and end_x - start_x >= 9  # straight across the whole step
    texts = " ".join(text.get_text() for text in ax.texts)
    assert all(f"${name}_t$" in texts for name in "rzn") and "c_t" not in texts
    assert (
        len(_patches(ax, "node")) == 3
        and len(_patches(ax, "reset")) == 1
        and len(_patches(ax, "one_minus")) == 1
    )
    plt.close(fig)


def test_the_reset_node_sits_between_r_and_n():
    fig, ax = plt.subplots()
    viz.draw_gru_cell(ax=ax)
    (reset,) = _patches(ax, "reset")
    gate_x = sorted(patch.get_x() + patch.get_width() / 2 for patch in _patches(ax, "gate"))  # z, r, n
    assert gate_x[1] < reset.center[0] < gate_x[2]
    assert set(viz.GRU_GATES) == {"r", "z", "n"} and list(viz.GRU_GATES) == ["r", "z", "n"]  # PyTorch's order
    plt.close(fig)
