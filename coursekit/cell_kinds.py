"""The recurrent cells of the course, and how many gate blocks each stacks.

One vocabulary everywhere: a cell kind is "rnn" (vanilla, the material's Elman cell), "gru"
or "lstm". Its weights stack G blocks of H rows, one per gate (the material's G):

    rnn  G=1  the new state
    gru  G=3  r, z, n   (reset, update, candidate; torch's order)
    lstm G=4  i, f, g, o (input, forget, candidate, output; torch's order)

PyTorch's layers name the same thing a `mode`: "RNN_TANH" or "RNN_RELU" (a vanilla RNN and
its nonlinearity), "GRU", "LSTM". `kind_of_mode` translates; the NumPy network keeps torch's
modes so that it copies torch's layers one to one.
"""

from __future__ import annotations

GATE_BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4}  # cell kind -> G
TORCH_MODES = {"RNN_TANH": "rnn", "RNN_RELU": "rnn", "GRU": "gru", "LSTM": "lstm"}  # torch mode -> cell kind


def cell_kind(cell: str) -> str:
    """ "rnn", "gru" or "lstm" from any case of it ("LSTM" -> "lstm"); a ValueError otherwise."""
    if not isinstance(cell, str) or cell.lower() not in GATE_BLOCKS:
        raise ValueError(f"cell must be one of {sorted(GATE_BLOCKS)}; got {cell!r}")
    return cell.lower()


def gate_blocks(cell: str) -> int:
    """G, the number of stacked gate blocks of a cell kind: gate_blocks("gru") == 3."""
    return GATE_BLOCKS[cell_kind(cell)]


def kind_of_mode(mode: str) -> str:
    """The cell kind of a torch mode: kind_of_mode("RNN_RELU") == "rnn"; a ValueError otherwise."""
    if mode not in TORCH_MODES:
        raise ValueError(f"mode must be one of {sorted(TORCH_MODES)}; got {mode!r}")
    return TORCH_MODES[mode]
