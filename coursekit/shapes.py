"""Shapes and parameter counts of recurrent layers, in the material's form and in the code's.

The material writes one layer l with column vectors, one column per sequence of the batch:

    z_t = W_F a_t^{l-1} + W_R a_{t-1}^l + b,    a_t^l = f(z_t)

    W_F (G*H, D)   W_R (G*H, H)   b (G*H, 1)   W = [W_F W_R] (G*H, D+H)
    a_t^{l-1} (D, N)   z_t (G*H, N)   a_t^l (H, N)

The code is batch-first and stores weights as torch.nn.RNN / LSTM / GRU do (one row per
output unit), so the same matrices appear as `x_t @ W_F.T` and the bias is a plain vector:

    x (N, T, D) -> out (N, T, H), h_n (num_layers * directions, N, H)
    weight_ih_l0 (G*H, D) = W_F   weight_hh_l0 (G*H, H) = W_R   bias_ih_l0 (G*H,)   bias_hh_l0 (G*H,)

D input features, H hidden units, N sequences in a batch, T time steps, and G gate blocks
stacked on top of each other: 1 for a vanilla RNN, 3 for a GRU (r, z, n), 4 for an LSTM
(i, f, g, o). The material counts one bias per row, G*H*(D + H + 1) parameters; torch keeps
two bias vectors (its formulas follow cuDNN's), G*H*(D + H + 2).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import arguments
from .cell_kinds import gate_blocks


@dataclass(frozen=True)
class LayerShapes:
    """Every shape of one recurrent layer (one direction), and its parameter counts.

    Material (columns = sequences): W_F, W_R, b, W, a_in, z_t, a_t.
    Code (batch-first, torch's layout): x, out, h_n, and the torch parameters of torch_parameter_shapes.
    """

    cell: str
    gates: int  # G
    W_F: tuple[int, int]  # (G*H, D)
    W_R: tuple[int, int]  # (G*H, H)
    b: tuple[int, int]  # (G*H, 1)
    W: tuple[int, int]  # (G*H, D+H): W_F and W_R side by side
    a_in: tuple[int, int]  # (D, N): the layer's input a_t^{l-1} at one time step
    z_t: tuple[int, int]  # (G*H, N): all gate blocks' pre-activations at one step
    a_t: tuple[int, int]  # (H, N): the layer's output a_t^l at one step
    x: tuple[int, int, int]  # (N, T, D): the whole input sequence, batch_first=True
    out: tuple[int, int, int]  # (N, T, H): every step's output, batch_first=True
    h_n: tuple[int, int, int]  # (1, N, H): the final state, as torch returns it
    params: int  # G*H*(D + H + 1): the material's count, one bias per row
    torch_params: int  # G*H*(D + H + 2): torch's count, with bias_ih and bias_hh


def layer_shapes(
    cell: str, input_size: int, hidden_size: int, batch_size: int = 1, steps: int = 1
) -> LayerShapes:
    """The shapes of one recurrent layer; cell is "rnn", "gru" or "lstm".

    >>> s = layer_shapes("rnn", input_size=3, hidden_size=7, batch_size=64, steps=10)
    >>> s.W_F, s.W_R, s.b, s.z_t, s.params
    ((7, 3), (7, 7), (7, 1), (7, 64), 77)

    The counts do not depend on steps: every time step uses the same W_F, W_R and b.
    """
    G = gate_blocks(cell)
    D = arguments.whole_number("input_size", input_size)
    H = arguments.whole_number("hidden_size", hidden_size)
    N = arguments.whole_number("batch_size", batch_size)
    T = arguments.whole_number("steps", steps)
    rows = G * H  # the gate blocks are stacked: one row per gate unit
    return LayerShapes(
        cell=cell.lower(),
        gates=G,
        W_F=(rows, D),
        W_R=(rows, H),
        b=(rows, 1),
        W=(rows, D + H),
        a_in=(D, N),
        z_t=(rows, N),
        a_t=(H, N),
        x=(N, T, D),
        out=(N, T, H),
        h_n=(1, N, H),
        params=rows * (D + H + 1),
        torch_params=count_parameters(cell, D, H),
    )


def torch_parameter_shapes(
    cell: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bidirectional: bool = False,
    bias: bool = True,
) -> dict[str, tuple[int, ...]]:
    """{name: shape} of torch.nn.RNN / GRU / LSTM's parameters, in named_parameters() order.

    Layer 0 reads the D inputs; layer l > 0 reads the previous layer's output, H features,
    or 2H when bidirectional (both directions concatenated). The reverse direction's
    parameters carry the suffix "_reverse". Every weight has G*H rows.
    """
    G = gate_blocks(cell)
    D = arguments.whole_number("input_size", input_size)
    H = arguments.whole_number("hidden_size", hidden_size)
    L = arguments.whole_number("num_layers", num_layers)
    directions = 2 if bidirectional else 1
    shapes = {}
    for layer in range(L):
        reads = D if layer == 0 else H * directions
        for suffix in ("", "_reverse")[:directions]:
            shapes[f"weight_ih_l{layer}{suffix}"] = (G * H, reads)
            shapes[f"weight_hh_l{layer}{suffix}"] = (G * H, H)
            if bias:
                shapes[f"bias_ih_l{layer}{suffix}"] = (G * H,)
                shapes[f"bias_hh_l{layer}{suffix}"] = (G * H,)
    return shapes


def count_parameters(
    cell: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bidirectional: bool = False,
    bias: bool = True,
) -> int:
    """How many numbers torch.nn.RNN / GRU / LSTM trains: the sum of torch_parameter_shapes."""
    total = 0
    for shape in torch_parameter_shapes(
        cell, input_size, hidden_size, num_layers, bidirectional, bias
    ).values():
        size = 1
        for dim in shape:
            size *= dim
        total += size
    return total
