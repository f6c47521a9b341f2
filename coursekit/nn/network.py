"""Multi-layer and bidirectional recurrent networks built from the NumPy cells.

RecurrentNetwork mirrors torch.nn.RNN / LSTM / GRU: the same constructor arguments, the
same parameter names (weight_ih_l0, bias_hh_l1_reverse, ...), the same forward signature
and return values, as NumPy arrays. backward() returns every gradient keyed by those names.

How layers and directions connect (as in PyTorch):
- layer 0 reads x; layer l reads the output of layer l-1;
- a bidirectional layer runs one cell forward in time and one on the time-reversed input,
  and concatenates the two outputs on the feature axis: output (N, T, 2H);
- h_n[l * num_directions + d] is the final state of layer l, direction d (1 = reverse);
  for the reverse direction "final" means after reading x_0.

Each layer runs the fast sequence functions of fast.py (fast_rnn_forward, ...), which compute
what the reference loops rnn_forward, lstm_backward, ... compute (tests/test_nn_fast_paths.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..cell_kinds import gate_blocks, kind_of_mode
from . import input_checks
from .fast import (
    fast_gru_backward,
    fast_gru_forward,
    fast_lstm_backward,
    fast_lstm_forward,
    fast_rnn_backward,
    fast_rnn_forward,
)
from .params import LayerParams, init_layer_params


@dataclass(frozen=True)
class _LayerPass:
    """How the network runs one layer of a torch mode, with the state as a tuple ((h,) or (h, c))."""

    state_size: int  # 1 for RNN and GRU, 2 for LSTM
    forward: Callable  # (x, state0 tuple, params) -> (out, final state tuple, cache)
    backward: Callable  # (dout, d_final_state tuple, cache, truncate) -> (dx, d_state0 tuple, grads)


def _rnn_pass(nonlinearity: str) -> _LayerPass:
    def forward(x, state, params):
        h, cache = fast_rnn_forward(x, state[0], params, nonlinearity)
        return h, (h[:, -1],), cache

    def backward(dh, d_final, cache, truncate):
        dh = dh.copy()
        dh[:, -1] += d_final[0]
        dx, dh0, grads = fast_rnn_backward(dh, cache, truncate)
        return dx, (dh0,), grads

    return _LayerPass(1, forward, backward)


def _lstm_forward(x, state, params):
    h, cache = fast_lstm_forward(x, state[0], state[1], params)
    return h, (h[:, -1], cache.c[-1]), cache


def _lstm_backward(dh, d_final, cache, truncate):
    dh = dh.copy()
    dh[:, -1] += d_final[0]
    dx, dh0, dc0, grads = fast_lstm_backward(dh, cache, d_final[1], truncate)
    return dx, (dh0, dc0), grads


def _gru_forward(x, state, params):
    h, cache = fast_gru_forward(x, state[0], params)
    return h, (h[:, -1],), cache


def _gru_backward(dh, d_final, cache, truncate):
    dh = dh.copy()
    dh[:, -1] += d_final[0]
    dx, dh0, grads = fast_gru_backward(dh, cache, truncate)
    return dx, (dh0,), grads


LAYER_PASSES = {
    "RNN_TANH": _rnn_pass("tanh"),
    "RNN_RELU": _rnn_pass("relu"),
    "LSTM": _LayerPass(2, _lstm_forward, _lstm_backward),
    "GRU": _LayerPass(1, _gru_forward, _gru_backward),
}


def param_name(field: str, layer: int, direction: int) -> str:
    """PyTorch's name for a parameter: param_name("weight_ih", 1, 1) == "weight_ih_l1_reverse"."""
    return f"{field}_l{layer}" + ("_reverse" if direction == 1 else "")


class RecurrentNetwork:
    """A stack of recurrent layers, optionally bidirectional, as torch.nn.RNN/LSTM/GRU.

    mode: "RNN_TANH", "RNN_RELU", "LSTM" or "GRU".
    layers[l][d]: the LayerParams of layer l, direction d (0 forward, 1 reverse).
    bias: False means the biases are fixed at zero (torch's bias=False) and get no gradient.
    batch_first: True for x (N, T, D); False for x (T, N, D) as in torch's default.
    """

    def __init__(
        self, mode: str, layers: list[list[LayerParams]], *, bias: bool = True, batch_first: bool = True
    ):
        if mode not in LAYER_PASSES:
            raise ValueError(f"mode must be one of {sorted(LAYER_PASSES)}; got {mode!r}")
        if not layers or len({len(directions) for directions in layers}) != 1 or len(layers[0]) not in (1, 2):
            raise ValueError(
                "layers must be a non-empty list with one or two LayerParams (directions) per layer, "
                "the same number for every layer"
            )
        self.mode, self.layers, self.bias, self.batch_first = mode, layers, bias, batch_first
        self.num_layers, self.num_directions = len(layers), len(layers[0])
        self.input_size, self.hidden_size = layers[0][0].weight_ih.shape[1], layers[0][0].weight_hh.shape[1]
        for l, directions in enumerate(layers):
            layer_input = self.input_size if l == 0 else self.num_directions * self.hidden_size
            for d, params in enumerate(directions):
                D, H = input_checks.check_layer_params(
                    params,
                    gate_blocks(kind_of_mode(mode)),
                    layer_input,
                    name=f"layer {l}" + (" reverse" if d else ""),
                )
                if H != self.hidden_size:
                    raise ValueError(
                        f"every layer must have hidden size {self.hidden_size}; "
                        f"layer {l} direction {d} has {H}"
                    )
        self._tape = None

    @classmethod
    def create(
        cls,
        mode: str,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        *,
        bidirectional: bool = False,
        seed: int = 0,
        dtype=np.float32,
        batch_first: bool = True,
    ):
        """A network with fresh random weights (PyTorch's initialisation), reproducible by seed."""
        rng = np.random.default_rng(seed)
        directions = 2 if bidirectional else 1
        layers = [
            [
                init_layer_params(
                    mode,
                    input_size if l == 0 else directions * hidden_size,
                    hidden_size,
                    seed=rng,
                    dtype=dtype,
                )
                for _ in range(directions)
            ]
            for l in range(num_layers)
        ]
        return cls(mode, layers, batch_first=batch_first)

    @property
    def bidirectional(self) -> bool:
        return self.num_directions == 2

    @property
    def dtype(self):
        return self.layers[0][0].weight_hh.dtype

    def parameters(self) -> dict[str, np.ndarray]:
        """Every trainable array, keyed by its PyTorch name (biases left out when bias=False)."""
        named = {}
        for l, directions in enumerate(self.layers):
            for d, params in enumerate(directions):
                for field, array in params.arrays().items():
                    if self.bias or not field.startswith("bias"):
                        named[param_name(field, l, d)] = array
        return named

    def __call__(self, x, state=None):
        return self.forward(x, state)

    # ---- forward -------------------------------------------------------------------------
    def _check_state(self, state, batch: int, names=("h_0", "c_0")):
        """state as torch takes it -> tuple of arrays (L*dirs, N, H); names are for messages."""
        layer_pass = LAYER_PASSES[self.mode]
        shape = (self.num_layers * self.num_directions, batch, self.hidden_size)
        if state is None:
            return tuple(np.zeros(shape, self.dtype) for _ in range(layer_pass.state_size))
        if layer_pass.state_size == 2:
            if not isinstance(state, (tuple, list)) or len(state) != 2:
                raise ValueError(f"an LSTM's state is a pair ({names[0]}, {names[1]}), each of shape {shape}")
            return tuple(
                input_checks.check_array(s, shape, name, self.dtype) for s, name in zip(state, names)
            )
        return (input_checks.check_array(state, shape, names[0], self.dtype),)

    def forward(self, x, state=None):
        """x (N, T, D) [or (T, N, D) when batch_first=False]; state: h_0, or (h_0, c_0) for an
        LSTM, each (num_layers * num_directions, N, H), or None for zeros.

        Returns output (N, T, num_directions * H) and h_n, or (h_n, c_n) for an LSTM, exactly
        as the torch module does.
        """
        x = input_checks.as_float_array(x, "x")
        if not self.batch_first and x.ndim == 3:
            x = x.transpose(1, 0, 2)
        x = input_checks.check_sequence(x, self.input_size).astype(self.dtype, copy=False)
        state0 = self._check_state(state, x.shape[0])
        layer_pass = LAYER_PASSES[self.mode]
        caches, finals = [], [[] for _ in range(layer_pass.state_size)]
        layer_input = x
        for l, directions in enumerate(self.layers):
            outputs, layer_caches = [], []
            for d, params in enumerate(directions):
                k = l * self.num_directions + d
                seq = layer_input if d == 0 else layer_input[:, ::-1]
                out, final, cache = layer_pass.forward(seq, tuple(s[k] for s in state0), params)
                outputs.append(out if d == 0 else out[:, ::-1])
                layer_caches.append(cache)
                for i, s in enumerate(final):
                    finals[i].append(s)
            caches.append(layer_caches)
            layer_input = np.concatenate(outputs, axis=2) if len(outputs) == 2 else outputs[0]
        self._tape = (caches, x.shape)
        output = layer_input if self.batch_first else layer_input.transpose(1, 0, 2)
        h_n = tuple(np.stack(f) for f in finals)
        return output, (h_n if layer_pass.state_size == 2 else h_n[0])

    # ---- backward ------------------------------------------------------------------------
    def backward(self, d_output, d_state=None, truncate: int | None = None) -> dict[str, np.ndarray]:
        """Gradients after a forward(): d_output has the output's shape; d_state is the
        gradient w.r.t. h_n (or (h_n, c_n)), None for zeros.

        truncate=k runs truncated BPTT (what detaching the state every k steps does in
        torch); only for unidirectional networks, where "every k steps" has one meaning.
        Returns {torch parameter name: gradient, "input": dx, "h_0": ..., ("c_0": ...)}.
        """
        if self._tape is None:
            raise ValueError("call forward(x) before backward(): the gradients need its cache")
        caches, (N, T, _) = self._tape
        if truncate is not None and self.bidirectional:
            raise ValueError("truncate is only defined for unidirectional networks; use truncate=None")
        layer_pass = LAYER_PASSES[self.mode]
        d_output = input_checks.as_float_array(d_output, "d_output")
        if not self.batch_first and d_output.ndim == 3:
            d_output = d_output.transpose(1, 0, 2)
        d_layer = input_checks.check_array(
            d_output, (N, T, self.num_directions * self.hidden_size), "d_output"
        )
        d_final = self._check_state(d_state, N, names=("d_h_n", "d_c_n"))
        H = self.hidden_size
        grads, d_state0 = {}, [np.zeros_like(s) for s in d_final]
        for l in range(self.num_layers - 1, -1, -1):
            d_input = 0
            for d, cache in enumerate(caches[l]):
                k = l * self.num_directions + d
                dout = d_layer[:, :, d * H : (d + 1) * H]
                dx, ds0, layer_grads = layer_pass.backward(
                    dout if d == 0 else dout[:, ::-1], tuple(s[k] for s in d_final), cache, truncate
                )
                d_input = d_input + (dx if d == 0 else dx[:, ::-1])
                for i, s in enumerate(ds0):
                    d_state0[i][k] = s
                for field, array in layer_grads.arrays().items():
                    if self.bias or not field.startswith("bias"):
                        grads[param_name(field, l, d)] = array
            d_layer = d_input
        grads["input"] = d_layer if self.batch_first else d_layer.transpose(1, 0, 2)
        grads["h_0"] = d_state0[0]
        if layer_pass.state_size == 2:
            grads["c_0"] = d_state0[1]
        return grads
