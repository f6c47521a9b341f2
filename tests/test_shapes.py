"""coursekit.shapes against real torch.nn.RNN / GRU / LSTM modules: names, shapes, counts."""

import itertools
import re

import numpy as np
import pytest
import torch

from coursekit.cell_kinds import GATE_BLOCKS, TORCH_MODES, cell_kind, gate_blocks, kind_of_mode
from coursekit.shapes import count_parameters, layer_shapes, torch_parameter_shapes

MODULES = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}
# (D, H): the material's example, sizes of one, and unequal sizes in both orders
SIZES = [(3, 7), (1, 1), (10, 20), (20, 10), (2, 5)]


@pytest.mark.parametrize("cell,sizes", list(itertools.product(MODULES, SIZES)))
def test_layer_shapes_match_a_torch_layer(cell, sizes):
    D, H = sizes
    N, T = 4, 6
    module = MODULES[cell](D, H, batch_first=True)
    s = layer_shapes(cell, D, H, batch_size=N, steps=T)
    params = dict(module.named_parameters())
    assert s.W_F == tuple(params["weight_ih_l0"].shape)
    assert s.W_R == tuple(params["weight_hh_l0"].shape)
    assert s.b == tuple(params["bias_ih_l0"].shape) + (1,)  # the material's column vector
    assert s.torch_params == sum(p.numel() for p in module.parameters())
    assert s.params == s.torch_params - s.gates * H  # the material counts one bias per row

    out, state = module(torch.zeros(s.x))
    h_n = state[0] if cell == "lstm" else state
    assert (tuple(out.shape), tuple(h_n.shape)) == (s.out, s.h_n)


def test_the_column_form_computes_what_torch_computes():
    """z_t = W_F a_in + W_R a_prev + b with the material's shapes gives torch's step, transposed."""
    D, H, N = 3, 7, 64
    torch.manual_seed(0)
    module = torch.nn.RNN(D, H, batch_first=True).double()
    s = layer_shapes("rnn", D, H, batch_size=N)
    p = {name: value.detach().numpy() for name, value in module.named_parameters()}
    W_F, W_R = p["weight_ih_l0"], p["weight_hh_l0"]
    b = (p["bias_ih_l0"] + p["bias_hh_l0"]).reshape(s.b)  # torch's two biases act as one
    a_in = np.random.default_rng(0).standard_normal(s.a_in)
    a_prev = np.zeros(s.a_t)
    z = W_F @ a_in + W_R @ a_prev + b
    assert z.shape == s.z_t
    W = np.concatenate([W_F, W_R], axis=1)
    assert W.shape == s.W and np.allclose(W @ np.concatenate([a_in, a_prev]) + b, z)
    out, _ = module(torch.from_numpy(a_in.T[:, None, :]))  # (N, T=1, D), batch-first
    assert np.allclose(out[:, 0].detach().numpy(), np.tanh(z).T, rtol=0, atol=1e-12)


def test_the_material_example():
    s = layer_shapes("rnn", input_size=3, hidden_size=7, batch_size=64, steps=10)
    assert (s.W_F, s.W_R, s.b, s.W, s.a_in, s.z_t, s.a_t) == (
        (7, 3),
        (7, 7),
        (7, 1),
        (7, 10),
        (3, 64),
        (7, 64),
        (7, 64),
    )
    assert (s.params, s.torch_params) == (77, 84)
    assert layer_shapes("lstm", 3, 7).params == 4 * 77 and layer_shapes("gru", 3, 7).params == 3 * 77
    assert (
        layer_shapes("rnn", 3, 7, steps=1).params == layer_shapes("rnn", 3, 7, steps=100).params
    )  # shared over time


@pytest.mark.parametrize(
    "cell,layers,bidirectional,bias",
    list(itertools.product(MODULES, [1, 2, 3], [False, True], [True, False])),
)
def test_torch_parameter_shapes_match_named_parameters(cell, layers, bidirectional, bias):
    D, H = 3, 5
    module = MODULES[cell](D, H, num_layers=layers, bidirectional=bidirectional, bias=bias)
    expected = [(name, tuple(p.shape)) for name, p in module.named_parameters()]
    assert list(torch_parameter_shapes(cell, D, H, layers, bidirectional, bias).items()) == expected
    assert count_parameters(cell, D, H, layers, bidirectional, bias) == sum(
        p.numel() for p in module.parameters()
    )


def test_gate_blocks_multiply_the_count():
    rnn = count_parameters("rnn", 10, 20)
    assert rnn == 20 * (10 + 20 + 2)
    assert count_parameters("gru", 10, 20) == 3 * rnn and count_parameters("lstm", 10, 20) == 4 * rnn
    assert set(GATE_BLOCKS) == set(MODULES)


@pytest.mark.parametrize(
    "module",
    [torch.nn.RNN(2, 5), torch.nn.RNN(2, 5, nonlinearity="relu"), torch.nn.GRU(2, 5), torch.nn.LSTM(2, 5)],
)
def test_the_cell_vocabulary_is_torchs(module):
    # torch's own mode string and its weight_hh's rows (G*H) are the oracle
    kind = kind_of_mode(module.mode)
    assert kind == type(module).__name__.lower() and gate_blocks(kind) * 5 == module.weight_hh_l0.shape[0]
    assert gate_blocks(kind.upper()) == gate_blocks(kind) and cell_kind(kind.upper()) == kind
    assert set(TORCH_MODES.values()) == set(GATE_BLOCKS)


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: gate_blocks("transformer"), "cell must be one of ['gru', 'lstm', 'rnn']"),
        (lambda: gate_blocks(4), "cell must be one of"),
        (lambda: kind_of_mode("rnn"), "mode must be one of ['GRU', 'LSTM', 'RNN_RELU',"),
    ],
)
def test_unknown_cells_and_modes_are_named(call, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        call()


@pytest.mark.parametrize(
    "call,words",
    [
        (lambda: layer_shapes("transformer", 3, 7), "cell must be one of"),
        (lambda: layer_shapes("rnn", 3, 0), "hidden_size must be >= 1"),
        (lambda: layer_shapes("rnn", 3.0, 7), "input_size must be a whole number"),
        (lambda: layer_shapes("lstm", 3, 7, batch_size=True), "batch_size must be a whole number"),
        (lambda: count_parameters("gru", 3, 7, num_layers=0), "num_layers must be >= 1"),
    ],
)
def test_bad_arguments_say_what_was_expected(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_numpy_integers_are_accepted():
    assert layer_shapes("LSTM", np.int64(3), np.int64(7)).W_F == (28, 3)
