"""One step of an LSTM and of a GRU as boxes and arrows, gates in PyTorch's order."""

from __future__ import annotations

from .describe import describe
from .drawing import LINE, arrow, box, canvas, finish, node
from .style import COLORS

LSTM_GATES = {  # gate -> (label in its box: name and activation, what it does), PyTorch's order i, f, g, o
    "i": ("$i_t$\nσ", "input gate: how much of the candidate is written"),
    "f": ("$f_t$\nσ", "forget gate: how much of the old cell state is kept"),
    "g": ("$g_t$\ntanh", "candidate: what could be written"),
    "o": ("$o_t$\nσ", "output gate: how much of the cell is shown in h"),
}

GRU_GATES = {  # gate -> (label in its box: name and activation, what it does), PyTorch's order r, z, n
    "r": ("$r_t$\nσ", "reset gate: how much of the old state the candidate may use"),
    "z": ("$z_t$\nσ", "update gate: how much of the old state is kept"),
    "n": ("$n_t$\ntanh", "candidate: the new content"),
}


def _gate(ax, x, y, label, colour):
    box(ax, (x, y), 0.9, 0.9, label, colour, gid="gate", pad=0.05, fontsize=9)


def draw_lstm_cell(*, ax=None):
    """One LSTM step as boxes and arrows: the cell state c runs along the top, changed only by
    a multiplication (forget gate f) and an addition (input gate i times candidate g); the hidden
    state h is the output gate o times tanh(c).

    Returns the Axes. Patches carry a gid: "gate" (the four boxes, PyTorch's order i, f, g, o,
    each with a `gate` letter in its label), "cell" (the cell-state path), "node" (x and +),
    "tanh_c" (the tanh applied to c_t), "arrow" (everything else).
    """
    ax = canvas(ax, (7, 3.4))
    colour = {"i": COLORS[2], "f": COLORS[3], "g": COLORS[4], "o": COLORS[0]}
    gate_x = {"f": 2.5, "i": 4.0, "g": 5.5, "o": 7.0}  # drawn left to right in the order they act
    bus_y, gate_y, cell_y = 1.0, 2.6, 5.0

    def link(start, end, gid="arrow", **style):
        arrow(ax, start, end, gid=gid, **style)

    # the cell state: a straight path across the top, touched only by x and +
    ax.text(-0.1, cell_y, "$c_{t-1}$", ha="right", va="center")
    link((0, cell_y), (10, cell_y), gid="cell", linewidth=2.5, zorder=1)
    ax.text(10.1, cell_y, "$c_t$", ha="left", va="center")
    # the hidden state and the input feed every gate
    ax.text(-0.1, bus_y, "$h_{t-1}$", ha="right", va="center")
    ax.plot([0, gate_x["o"]], [bus_y, bus_y], color=LINE, linewidth=1)
    ax.text(1.0, -0.2, "$x_t$", ha="center", va="top")
    link((1.0, -0.1), (1.0, bus_y))
    for name, x in gate_x.items():
        _gate(ax, x, gate_y, LSTM_GATES[name][0], colour[name])
        link((x, bus_y), (x, gate_y - 0.5))
    # forget: c_{t-1} * f
    node(ax, (gate_x["f"], cell_y), "×")
    link((gate_x["f"], gate_y + 0.5), (gate_x["f"], cell_y - 0.25))
    # write: + i * g
    write = ((gate_x["i"] + gate_x["g"]) / 2, 3.9)
    node(ax, write, "×")
    link((gate_x["i"], gate_y + 0.5), (write[0] - 0.2, write[1] - 0.15))
    link((gate_x["g"], gate_y + 0.5), (write[0] + 0.2, write[1] - 0.15))
    node(ax, (write[0], cell_y), "+")
    link((write[0], write[1] + 0.25), (write[0], cell_y - 0.25))
    # read: h_t = o * tanh(c_t)
    read_x = 8.7
    box(
        ax,
        (read_x, 3.95),
        0.8,
        0.5,
        "tanh",
        "white",
        gid="tanh_c",
        alpha=None,
        pad=0.05,
        fontsize=9,
        edgecolor=LINE,
    )
    link((read_x, cell_y), (read_x, 4.25))
    node(ax, (read_x, gate_y), "×")
    link((read_x, 3.65), (read_x, gate_y + 0.25))
    link((gate_x["o"] + 0.5, gate_y), (read_x - 0.25, gate_y))
    ax.plot([read_x, read_x], [gate_y - 0.25, bus_y], color=LINE, linewidth=1)
    link((read_x, bus_y), (10, bus_y))
    ax.text(10.1, bus_y, "$h_t$", ha="left", va="center")
    finish(ax, (-1.0, 11.0), (-0.8, 5.6))
    describe(
        ax,
        "Diagram of one LSTM step: the cell state runs from c_t-1 straight across the top "
        "to c_t, changed only by a multiplication with the forget gate f_t (sigmoid) and the "
        "addition of the input gate i_t (sigmoid) times the candidate g_t (tanh); h_t-1 and x_t "
        "feed all four gates from below; the new hidden state h_t is the output gate o_t (sigmoid) "
        "times tanh of c_t.",
    )
    return ax


def draw_gru_cell(*, ax=None):
    """One GRU step as boxes and arrows, in PyTorch's form: the hidden state h runs along the top
    (there is no separate cell state), scaled by the update gate z and topped up with (1 - z)
    times the candidate n; the reset gate r scales the recurrent part W_hn h + b_hn inside n.

    Returns the Axes. Patches carry a gid: "gate" (the three boxes, drawn z, r, n from left to
    right), "state" (the hidden-state path), "node" (the x and + nodes), "reset" (the x node
    where r meets W_hn h + b_hn), "one_minus" (the 1 - z box), "arrow" (everything else).
    """
    ax = canvas(ax, (7, 3.4))
    colour = {"r": COLORS[3], "z": COLORS[2], "n": COLORS[4]}
    gate_x = {"z": 2.5, "r": 4.5, "n": 7.6}
    bus_y, gate_y, mix_y, state_y = 1.0, 2.6, 3.9, 5.0

    def link(start, end, gid="arrow", **style):
        arrow(ax, start, end, gid=gid, **style)

    # the hidden state: one path across the top, touched by x z and + (1 - z) n
    ax.text(-0.1, state_y, "$h_{t-1}$", ha="right", va="center")
    link((0, state_y), (10, state_y), gid="state", linewidth=2.5, zorder=1)
    ax.text(10.1, state_y, "$h_t$", ha="left", va="center")
    # the same h_{t-1} and the input x_t feed every gate from the bus below
    ax.plot([0.4, 0.4, gate_x["n"] + 0.2], [state_y, bus_y, bus_y], color=LINE, linewidth=1)
    ax.text(1.2, -0.2, "$x_t$", ha="center", va="top")
    link((1.2, -0.1), (1.2, bus_y))
    for name, x in gate_x.items():
        _gate(ax, x, gate_y, GRU_GATES[name][0], colour[name])
    link((gate_x["z"], bus_y), (gate_x["z"], gate_y - 0.5))
    link((gate_x["r"], bus_y), (gate_x["r"], gate_y - 0.5))
    link((gate_x["n"] + 0.2, bus_y), (gate_x["n"] + 0.2, gate_y - 0.5))  # W_in x_t + b_in
    # reset: r scales the recurrent part of the candidate, W_hn h_{t-1} + b_hn (bias included)
    reset = (5.75, gate_y)
    node(ax, reset, "×", gid="reset")
    link((gate_x["r"] + 0.5, gate_y), (reset[0] - 0.25, gate_y))
    link((reset[0], bus_y), (reset[0], gate_y - 0.25))
    ax.text(
        reset[0] + 0.08, (bus_y + gate_y) / 2 - 0.1, "$W_{hn}h+b_{hn}$", ha="left", va="center", fontsize=8
    )
    link((reset[0] + 0.25, gate_y), (gate_x["n"] - 0.5, gate_y))
    # keep: h_{t-1} x z on the state path
    node(ax, (gate_x["z"], state_y), "×")
    link((gate_x["z"], gate_y + 0.5), (gate_x["z"], state_y - 0.25))
    # write: + (1 - z) x n
    box(
        ax,
        (4.5, mix_y),
        0.8,
        0.44,
        "1 − z",
        "white",
        gid="one_minus",
        alpha=None,
        pad=0.05,
        fontsize=9,
        edgecolor=LINE,
    )
    link((gate_x["z"], mix_y), (4.05, mix_y))
    node(ax, (gate_x["n"], mix_y), "×")
    link((4.95, mix_y), (gate_x["n"] - 0.25, mix_y))
    link((gate_x["n"], gate_y + 0.5), (gate_x["n"], mix_y - 0.25))
    node(ax, (gate_x["n"], state_y), "+")
    link((gate_x["n"], mix_y + 0.25), (gate_x["n"], state_y - 0.25))
    finish(ax, (-1.0, 11.0), (-0.8, 5.6))
    describe(
        ax,
        "Diagram of one GRU step: the hidden state runs from h_t-1 straight across the top to "
        "h_t (there is no cell state), multiplied by the update gate z_t (sigmoid) and topped up "
        "with 1 - z_t times the candidate n_t (tanh); the reset gate r_t (sigmoid) multiplies the "
        "recurrent part W_hn h + b_hn before it enters the candidate; h_t-1 and x_t feed the gates "
        "from below.",
    )
    return ax
