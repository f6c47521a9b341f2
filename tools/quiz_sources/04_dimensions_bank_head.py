"""Questions of exercises/04_dimensions.ipynb: the shape of every term of a recurrent layer.

    shape_detective(config) -> (W_F, W_R, b, W, z_t, a_t, y_t, x, out, params)

config = [D, H, O, N, T, G] (ints): D input features, H hidden units, O output units, N
sequences in a batch, T time steps, G gate blocks (1 vanilla RNN, 3 GRU, 4 LSTM).
Shapes as tuples, in the material's column convention: W_F (G*H, D), W_R (G*H, H),
b (G*H, 1), W = [W_F W_R] (G*H, D+H), z_t (G*H, N), a_t (H, N), y_t (O, N); the code's
batch-first tensors x (N, T, D) and out (N, T, H). params holds three counts: the hidden
layer as the material counts it, G*H*(D+H+1) (one bias); the hidden layer as torch counts it,
G*H*(D+H+2) (bias_ih and bias_hh); the output layer, O*(H+1).

The quiz follows the material's worked example: D=3, H=7, O=1, N=64, T=10.
"""
from __future__ import annotations

import numpy as np

from ..quiz import QuizQuestion
from ..shapes import layer_shapes
from .core import Case, FunctionQuestion

NOTEBOOK = "04_dimensions.ipynb"
CELLS = {1: "rnn", 3: "gru", 4: "lstm"}  # G -> cell
SHAPE = ("dimension",)
OUTPUTS = {"W_F": SHAPE, "W_R": SHAPE, "b": SHAPE, "W": SHAPE, "z_t": SHAPE, "a_t": SHAPE, "y_t": SHAPE,
           "x": SHAPE, "out": SHAPE, "params": ("count",)}
COUNTS = ("params[0], the hidden layer as the material counts it", "params[1], the hidden layer as torch counts it",
          "params[2], the output layer")


def detective_reference(config):
    """The truth from coursekit.shapes (itself tested against torch modules)."""
    D, H, O, N, T, G = (int(v) for v in config)
    s = layer_shapes(CELLS[G], D, H, batch_size=N, steps=T)
    values = (s.W_F, s.W_R, s.b, s.W, s.z_t, s.a_t, (O, N), s.x, s.out, (s.params, s.torch_params, O * (H + 1)))
    return tuple(np.array(v) for v in values)


def _slips(D, H, O, N, T, G) -> dict[str, list]:
    """For each output, the values the usual mistakes give, and words that name the mistake."""
    GH = G * H
    gates = f"the gate blocks are stacked: with G = {G} there are G*H = {GH} rows, not H"

    def when(condition, value, words):
        return [(value, words)] if condition else []

    hidden = [(GH * (D + H), "the bias is missing: add one bias per unit, G*H numbers"),
              (GH * (D + H + 2), "that is torch's count, with two bias vectors; the material counts one bias"),
              (GH * (D + 1), "the recurrent weights W_R are missing"),
              (GH * (H + 1), "the feedforward weights W_F are missing")]
    in_torch = [(GH * (D + H + 1), "torch keeps two bias vectors, bias_ih and bias_hh: add G*H more"),
                (GH * (D + H), "both bias vectors are missing: torch has bias_ih and bias_hh")]
    output = [(O * H, "the output layer's bias is missing: O more numbers"),
              (H * (O + 1), "the output layer has O units, each reading the H hidden units plus a bias")]
    if T > 1:
        shared = "the weights are shared across time: T does not multiply the count"
        hidden.append((T * GH * (D + H + 1), shared))
        in_torch.append((T * GH * (D + H + 2), shared))
        output.append((T * O * (H + 1), shared))
    if G > 1:
        hidden.append((H * (D + H + 1), f"the {G} gate blocks are missing: each has its own weights and bias"))
        in_torch.append((H * (D + H + 2), f"the {G} gate blocks are missing: each has its own weights and biases"))

    return {
        "W_F": [((D, GH), "W_F is transposed: rows are the units it feeds (G*H), columns the D inputs it reads"),
                ((GH, H), "W_F reads the D input features; the H columns belong to W_R")]
               + when(G > 1, (H, D), gates),
        "W_R": [((H, GH), "W_R is transposed: rows are the G*H units it feeds, columns the H states it reads"),
                ((GH, GH), "W_R reads the previous state a_{t-1}, which has H rows: its columns are H, not G*H"),
                ((GH, D), "W_R reads the previous state (H features), not the input (D)")]
               + when(G > 1, (H, H), gates),
        "b": [((GH,), "in the material's column convention the bias is a column, (G*H, 1); torch stores (G*H,)"),
              ((1, GH), "b is transposed: in the column convention it is a column, (G*H, 1)"),
              ((GH, N), "the bias is one column shared by all N sequences (broadcast), not one column per sequence")]
             + when(G > 1, (H, 1), gates),
        "W": [((D + H, GH), "W is transposed: W_F and W_R side by side keep the G*H rows and add their columns"),
              ((GH, D + H + 1), "the bias stays outside W = [W_F W_R]")]
             + when(G > 1, (H, D + H), gates),
        "z_t": [((N, GH), "that is the batch-first layout; in the column convention rows are units, columns sequences"),
                ((GH, 1), "z_t has one column per sequence of the batch: (G*H, N)"),
                ((T, GH, N), "z_t is one time step; the T steps are computed one after another")]
               + when(G > 1, (H, N), gates),
        "a_t": [((N, H), "that is the batch-first layout; in the column convention rows are units, columns sequences"),
                ((H, 1), "a_t has one column per sequence of the batch: (H, N)")]
               + when(G > 1, (GH, N), "a_t is the layer's output, H units; the gate blocks stay inside the cell"),
        "y_t": [((N, O), "that is the batch-first layout; in the column convention rows are units, columns sequences"),
                ((O, 1), "y_t has one column per sequence of the batch: (O, N)"),
                ((H, N), "y_t comes out of the output layer, which has O units")],
        "x": [((T, N, D), "that is torch's default layout (batch_first=False); batch-first is (N, T, D)"),
              ((N, D, T), "time comes before features: (N, T, D)"),
              ((D, N), "x holds the whole sequence, batch first: (N, T, D)"),
              ((N, D), "x holds all T time steps: (N, T, D)")],
        "out": [((T, N, H), "that is torch's default layout (batch_first=False); batch-first is (N, T, H)"),
                ((N, H), "out holds every time step, (N, T, H); the last step alone is h_n"),
                ((N, T, O), "out is the recurrent layer's output, with H features; O is the output layer's size")]
               + when(G > 1, (N, T, GH), "out holds a_t (H units), not the stacked gate blocks"),
        "params": [hidden, in_torch, output],
    }


def detective_hints(inputs, received) -> str | None:
    """Name the slip behind the first wrong output (the one the check reports)."""
    config = inputs["config"]
    expected = detective_reference(config)
    slips = _slips(*(int(v) for v in config))
    for name, want, got in zip(OUTPUTS, expected, received):
        got = np.asarray(got)
        if got.shape == want.shape and np.array_equal(got, want):
            continue
        if name == "params":
            return _count_hint(want, got, slips["params"])
        for value, words in slips[name]:
            if np.array_equal(got, np.asarray(value)):
                return words
        return None
    return None


def _count_hint(want, got, slips) -> str | None:
    if got.shape != want.shape:
        return "params holds three whole numbers: (" + "; ".join(COUNTS) + ")"
    for entry, right, value, entry_slips in zip(COUNTS, want, got, slips):
        if value != right:
            words = [words for slip, words in entry_slips if value == slip]
            return f"{entry}: {words[0]}" if words else None
    return None


def _config(D, H, O, N, T, G) -> dict:
    return {"config": np.array([D, H, O, N, T, G], dtype=np.int64)}


def _hidden_detective_cases(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed + 40)

    def sizes():
        return (int(rng.integers(1, 41)), int(rng.integers(1, 65)), int(rng.integers(1, 11)),
                int(rng.integers(1, 129)), int(rng.integers(2, 51)))

    D, H, O, N, T = sizes()
    cases = [Case(f"a hidden GRU case (D={D}, H={H}, O={O}, N={N}, T={T}, G=3)", _config(D, H, O, N, T, 3))]
    D, H, O, N, T = sizes()
    G = int(rng.choice([1, 3, 4]))
    cases.append(Case(f"a hidden case (D={D}, H={H}, O={O}, N={N}, T={T}, G={G})", _config(D, H, O, N, T, G)))
    cases.append(Case("a hidden LSTM case with every size 1 (G=4)", _config(1, 1, 1, 1, 1, 4)))
    return cases


QUESTIONS = {
    # QUIZ
    "shape_detective": FunctionQuestion(
        grade_id="shape_detective", notebook=NOTEBOOK, function="shape_detective",
        outputs=OUTPUTS, reference=detective_reference,
        public_cases=lambda: [
            Case("the worked example (D=3, H=7, O=1, N=64, T=10, a vanilla RNN: G=1)", _config(3, 7, 1, 64, 10, 1)),
            Case("the worked example's sizes as an LSTM (G=4)", _config(3, 7, 1, 64, 10, 4)),
        ],
        hidden_cases=_hidden_detective_cases, points=3, tolerance=0.0, hints=detective_hints,
    ),
}
