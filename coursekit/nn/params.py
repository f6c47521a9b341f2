"""Parameter containers for the recurrent cells, named and shaped as PyTorch names them.

A layer with G gate blocks (vanilla RNN: G=1, GRU: G=3, LSTM: G=4), input size D and hidden
size H holds
    weight_ih (G*H, D)   weight_hh (G*H, H)   bias_ih (G*H,)   bias_hh (G*H,)
so `x @ weight_ih.T` is the input projection and copying to or from `torch.nn.RNN/LSTM/GRU`
needs no reshuffling. Gradients come back in the same container.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from ..cell_kinds import gate_blocks, kind_of_mode


@dataclass
class LayerParams:
    """Weights of one recurrent layer (one direction), PyTorch layout; also used for gradients."""

    weight_ih: np.ndarray  # (G*H, D)
    weight_hh: np.ndarray  # (G*H, H)
    bias_ih: np.ndarray  # (G*H,)
    bias_hh: np.ndarray  # (G*H,)

    @property
    def hidden_size(self) -> int:
        return self.weight_hh.shape[1]

    @property
    def input_size(self) -> int:
        return self.weight_ih.shape[1]

    def arrays(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class JordanParams:
    """Weights of the output-to-hidden (Jordan) recurrent layer.

    h_t = f(W_ih x_t + W_yh y_{t-1} + b),  y_t = W_hy h_t + b_y
    """

    weight_ih: np.ndarray  # (H, D)
    weight_yh: np.ndarray  # (H, O)  the previous output feeds the hidden units
    bias: np.ndarray  # (H,)
    weight_hy: np.ndarray  # (O, H)
    bias_y: np.ndarray  # (O,)

    @property
    def hidden_size(self) -> int:
        return self.weight_ih.shape[0]

    @property
    def input_size(self) -> int:
        return self.weight_ih.shape[1]

    @property
    def output_size(self) -> int:
        return self.weight_hy.shape[0]

    def arrays(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def init_layer_params(
    mode: str, input_size: int, hidden_size: int, *, seed: int | np.random.Generator = 0, dtype=np.float32
) -> LayerParams:
    """Random weights drawn as PyTorch draws them: U(-1/sqrt(H), 1/sqrt(H)).

    mode is "RNN_TANH", "RNN_RELU", "GRU" or "LSTM" (it fixes the number of gate blocks).
    """
    rows = gate_blocks(kind_of_mode(mode)) * hidden_size
    rng, bound = np.random.default_rng(seed), 1.0 / np.sqrt(hidden_size)

    def draw(*shape):
        return rng.uniform(-bound, bound, size=shape).astype(dtype)

    return LayerParams(draw(rows, input_size), draw(rows, hidden_size), draw(rows), draw(rows))


def init_jordan_params(
    input_size: int,
    hidden_size: int,
    output_size: int,
    *,
    seed: int | np.random.Generator = 0,
    dtype=np.float32,
) -> JordanParams:
    """Random Jordan-layer weights, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) per matrix."""
    rng = np.random.default_rng(seed)

    def draw(fan_in, *shape):
        bound = 1.0 / np.sqrt(fan_in)
        return rng.uniform(-bound, bound, size=shape).astype(dtype)

    return JordanParams(
        weight_ih=draw(hidden_size, hidden_size, input_size),
        weight_yh=draw(hidden_size, hidden_size, output_size),
        bias=draw(hidden_size, hidden_size),
        weight_hy=draw(hidden_size, output_size, hidden_size),
        bias_y=draw(hidden_size, output_size),
    )
