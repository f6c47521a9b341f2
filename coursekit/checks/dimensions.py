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

from ..cell_kinds import GATE_BLOCKS
from ..shapes import layer_shapes
from .core import Case, FunctionQuestion
from .registry import sealed_questions

NOTEBOOK = "04_dimensions.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)
KIND_OF_G = {G: kind for kind, G in GATE_BLOCKS.items()}  # 1 -> "rnn", 3 -> "gru", 4 -> "lstm"
SHAPE = ("dimension",)
OUTPUTS = {
    "W_F": SHAPE,
    "W_R": SHAPE,
    "b": SHAPE,
    "W": SHAPE,
    "z_t": SHAPE,
    "a_t": SHAPE,
    "y_t": SHAPE,
    "x": SHAPE,
    "out": SHAPE,
    "params": ("count",),
}
COUNTS = (
    "params[0], the hidden layer as the material counts it",
    "params[1], the hidden layer as torch counts it",
    "params[2], the output layer",
)


def detective_reference(config):
    """The truth from coursekit.shapes (itself tested against torch modules)."""
    D, H, O, N, T, G = (int(v) for v in config)
    s = layer_shapes(KIND_OF_G[G], D, H, batch_size=N, steps=T)
    values = (
        s.W_F,
        s.W_R,
        s.b,
        s.W,
        s.z_t,
        s.a_t,
        (O, N),
        s.x,
        s.out,
        (s.params, s.torch_params, O * (H + 1)),
    )
    return tuple(np.array(v) for v in values)


def _slips(D, H, O, N, T, G) -> dict[str, list]:
    """For each output, the values the usual mistakes give, and words that describe the learner's value and
    the fix. params: three lists, one for each count, each count's words starting with its entry of COUNTS.
    The words name no size of the case: the same slip reads the same on every case."""
    GH = G * H

    def when(condition, value, words):
        return [(value, words)] if condition else []

    def gates(name, right):
        return (
            f"your {name} has H rows, as if there were one gate block; the G gate blocks are stacked: {right}"
        )

    def batch_first(name, right):
        return (
            f"your {name} is in the batch-first layout; in the column convention rows are units, columns "
            f"sequences: {right}"
        )

    def one_column(name, right):
        return f"your {name} has one column; it has one column per sequence of the batch: {right}"

    material, torch_count, output = (f"{entry}:" for entry in COUNTS)
    shared = "your count is multiplied by T; the weights are shared across time, so T does not multiply it"
    hidden = [
        (GH * (D + H), f"{material} the bias is missing: add one bias per unit, G*H numbers"),
        (
            GH * (D + H + 2),
            f"{material} that is torch's count, with two bias vectors; the material counts one bias",
        ),
        (GH * (D + 1), f"{material} the recurrent weights W_R are missing: add G*H*H"),
        (GH * (H + 1), f"{material} the feedforward weights W_F are missing: add G*H*D"),
    ]
    in_torch = [
        (
            GH * (D + H + 1),
            f"{torch_count} that is the material's count, with one bias; torch keeps two bias "
            "vectors, bias_ih and bias_hh: add G*H more",
        ),
        (GH * (D + H), f"{torch_count} both bias vectors are missing: torch has bias_ih and bias_hh"),
    ]
    outputs = [
        (O * H, f"{output} the output layer's bias is missing: O more numbers"),
        (
            H * (O + 1),
            f"{output} your count has H units reading O inputs, the layer reversed; the output layer "
            "has O units, each reading the H hidden units plus a bias: O*(H+1)",
        ),
    ]
    outputs += when(
        O > 1,
        H + 1,
        f"{output} your count has one output unit; the output layer has O units, each "
        "with H weights and a bias: O*(H+1)",
    )
    if T > 1:
        hidden.append((T * GH * (D + H + 1), f"{material} {shared}"))
        in_torch.append((T * GH * (D + H + 2), f"{torch_count} {shared}"))
        outputs.append((T * O * (H + 1), f"{output} {shared}"))
    if G > 1:
        hidden.append(
            (H * (D + H + 1), f"{material} the G gate blocks are missing: each has its own weights and bias")
        )
        in_torch.append(
            (
                H * (D + H + 2),
                f"{torch_count} the G gate blocks are missing: each has its own weights and biases",
            )
        )

    return {
        "W_F": [
            ((D, GH), "W_F is transposed: rows are the units it feeds (G*H), columns the D inputs it reads"),
            ((GH, H), "your W_F has H columns, as W_R has; W_F reads the D input features: (G*H, D)"),
        ]
        + when(G > 1, (H, D), gates("W_F", "(G*H, D)")),
        "W_R": [
            ((H, GH), "W_R is transposed: rows are the G*H units it feeds, columns the H states it reads"),
            (
                (GH, GH),
                "your W_R has G*H columns; it reads the previous state a_{t-1}, which has H rows: (G*H, H)",
            ),
            (
                (GH, D),
                "your W_R has D columns, as W_F has; W_R reads the previous state (H features), not the "
                "input: (G*H, H)",
            ),
        ]
        + when(G > 1, (H, H), gates("W_R", "(G*H, H)")),
        "b": [
            (
                (GH,),
                "your b is flat, (G*H,), as torch stores it; in the material's column convention the bias is "
                "a "
                "column, (G*H, 1)",
            ),
            ((1, GH), "b is transposed: in the column convention it is a column, (G*H, 1)"),
            (
                (GH, N),
                "your b has one column per sequence; the bias is one column shared by all N sequences "
                "(broadcast): (G*H, 1)",
            ),
        ]
        + when(G > 1, (H, 1), gates("b", "(G*H, 1)")),
        "W": [
            (
                (D + H, GH),
                "W is transposed: W_F and W_R side by side keep the G*H rows and add their columns",
            ),
            (
                (GH, D + H + 1),
                "your W has a column for the bias; the bias stays outside W = [W_F W_R]: (G*H, D+H)",
            ),
        ]
        + when(G > 1, (H, D + H), gates("W", "(G*H, D+H)")),
        "z_t": [
            ((N, GH), batch_first("z_t", "(G*H, N)")),
            ((GH, 1), one_column("z_t", "(G*H, N)")),
            (
                (T, GH, N),
                "your z_t holds all T time steps; z_t is one step, (G*H, N): the steps are computed "
                "one after another",
            ),
        ]
        + when(G > 1, (H, N), gates("z_t", "(G*H, N)")),
        "a_t": [((N, H), batch_first("a_t", "(H, N)")), ((H, 1), one_column("a_t", "(H, N)"))]
        + when(
            G > 1,
            (GH, N),
            "your a_t has G*H rows, the stacked gate blocks; a_t is the layer's output, "
            "H units, and the gate blocks stay inside the cell: (H, N)",
        ),
        "y_t": [
            ((N, O), batch_first("y_t", "(O, N)")),
            ((O, 1), one_column("y_t", "(O, N)")),
            (
                (H, N),
                "your y_t has H rows, as a_t has; y_t comes out of the output layer, which has O units: "
                "(O, N)",
            ),
        ],
        "x": [
            (
                (T, N, D),
                "your x is in torch's default layout (batch_first=False), (T, N, D); batch-first is "
                "(N, T, D)",
            ),
            ((N, D, T), "your x has the features before time; batch-first is (N, T, D)"),
            (
                (D, N),
                "your x is one time step in the column convention; x holds the whole batch of sequences, "
                "batch first: (N, T, D)",
            ),
            ((N, D), "your x is one time step; x holds all T time steps: (N, T, D)"),
        ],
        "out": [
            (
                (T, N, H),
                "your out is in torch's default layout (batch_first=False), (T, N, H); batch-first is "
                "(N, T, H)",
            ),
            ((N, H), "your out is the last step alone (that is h_n); out holds every time step: (N, T, H)"),
            (
                (N, T, O),
                "your out has O features, the output layer's size; out is the recurrent layer's output, "
                "with H features: (N, T, H)",
            ),
        ]
        + when(
            G > 1,
            (N, T, GH),
            "your out has G*H features, the stacked gate blocks; out holds a_t, H units: (N, T, H)",
        ),
        "params": [hidden, in_torch, outputs],
    }


def detective_slips(config) -> dict[str, tuple]:
    """{the words of the hint: what shape_detective returns with that one slip}: the right outputs, one replaced.

    config = [D, H, O, N, T, G]. The hint itself comes from detective_hints, which reads the first wrong output
    (and, within params, the first wrong count), so a learner with several slips still hears of the first.
    """
    right = [tuple(v.tolist()) for v in detective_reference(config)]
    slips = _slips(*(int(v) for v in config))
    found = {}
    for i, name in enumerate(OUTPUTS):
        if name == "params":
            for k, entry_slips in enumerate(slips["params"]):
                for value, words in entry_slips:
                    found[words] = (*right[:i], right[i][:k] + (value,) + right[i][k + 1 :])
        else:
            for value, words in slips[name]:
                found[words] = (*right[:i], value, *right[i + 1 :])
    return {words: tuple(np.array(v) for v in values) for words, values in found.items()}


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
    for right, value, entry_slips in zip(want, got, slips):
        if value != right:
            words = [words for slip, words in entry_slips if value == slip]
            return words[0] if words else None
    return None


def _config(D, H, O, N, T, G) -> dict:
    return {"config": np.array([D, H, O, N, T, G], dtype=np.int64)}


def _hidden_detective_cases(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed + 40)

    def sizes():
        """D, H, O, N, T: each at least 2 and all different, as on the public GRU case, so that a slip writing 1
        for a size or swapping two sizes fails here when it fails there (the all-ones case comes after)."""
        while True:
            D, H, O, N, T = (
                int(rng.integers(2, 41)),
                int(rng.integers(2, 65)),
                int(rng.integers(2, 11)),
                int(rng.integers(2, 129)),
                int(rng.integers(2, 51)),
            )
            if len({D, H, O, N, T}) == 5:
                return D, H, O, N, T

    D, H, O, N, T = sizes()
    cases = [Case(f"a hidden GRU case (D={D}, H={H}, O={O}, N={N}, T={T}, G=3)", _config(D, H, O, N, T, 3))]
    D, H, O, N, T = sizes()
    G = int(rng.choice([1, 3, 4]))
    cases.append(Case(f"a hidden case (D={D}, H={H}, O={O}, N={N}, T={T}, G={G})", _config(D, H, O, N, T, G)))
    cases.append(Case("a hidden LSTM case with every size 1 (G=4)", _config(1, 1, 1, 1, 1, 4)))
    return cases


QUESTIONS = {
    "dims_w_f": QUIZ["dims_w_f"],
    "dims_w_r": QUIZ["dims_w_r"],
    "dims_b": QUIZ["dims_b"],
    "dims_wf_a4": QUIZ["dims_wf_a4"],
    "dims_wr_a6": QUIZ["dims_wr_a6"],
    "dims_z3": QUIZ["dims_z3"],
    "dims_params_hidden": QUIZ["dims_params_hidden"],
    "dims_concat_w": QUIZ["dims_concat_w"],
    "dims_lstm_params": QUIZ["dims_lstm_params"],
    "dims_gru_params": QUIZ["dims_gru_params"],
    "dims_x_batch_first": QUIZ["dims_x_batch_first"],
    "shape_detective": FunctionQuestion(
        grade_id="shape_detective",
        notebook=NOTEBOOK,
        function="shape_detective",
        outputs=OUTPUTS,
        reference=detective_reference,
        public_cases=lambda: [
            Case(
                "the worked example (D=3, H=7, O=1, N=64, T=10, a vanilla RNN: G=1)",
                _config(3, 7, 1, 64, 10, 1),
            ),
            Case("the worked example's sizes as an LSTM (G=4)", _config(3, 7, 1, 64, 10, 4)),
            # Every size different and above 1 (O too), so that a slip swapping two sizes, or writing 1 for
            # one, fails here as it fails on the hidden cases.
            Case("a GRU with every size different (D=5, H=6, O=2, N=8, T=4, G=3)", _config(5, 6, 2, 8, 4, 3)),
        ],
        hidden_cases=_hidden_detective_cases,
        points=3,
        tolerance=0.0,
        hints=detective_hints,
        slips=detective_slips,
    ),
}
