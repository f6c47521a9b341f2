"""Questions of exercises/10_bidirectional_deep.ipynb: a bidirectional wrapper around a tanh RNN.

    bidirectional_forward(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b) -> (out, h_n)

Shapes (batch-first, weights stored (out, in)): x (N, T, D), h0_fwd and h0_bwd (N, H),
W_ih_* (H, D), W_hh_* (H, H), b_* (H,); out (N, T, 2H) = [forward, backward] on the feature
axis, h_n (2, N, H) = [forward final state, backward final state (after reading x_0)].
The reference is coursekit's RecurrentNetwork, which equals torch.nn.RNN(bidirectional=True)
with bias_ih = b and bias_hh = 0.
"""

from __future__ import annotations

import numpy as np

from ..nn import LayerParams, RecurrentNetwork
from .core import Case, FunctionQuestion
from .registry import sealed_questions

NOTEBOOK = "10_bidirectional_deep.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)


def _inputs(rng, N, T, D, H) -> dict:
    def weight(*shape):
        return rng.standard_normal(shape) * 0.5

    return {
        "x": rng.standard_normal((N, T, D)),
        "h0_fwd": np.tanh(rng.standard_normal((N, H))),
        "h0_bwd": np.tanh(rng.standard_normal((N, H))),
        "W_ih_f": weight(H, D),
        "W_hh_f": weight(H, H),
        "b_f": rng.standard_normal(H) * 0.1,
        "W_ih_b": weight(H, D),
        "W_hh_b": weight(H, H),
        "b_b": rng.standard_normal(H) * 0.1,
    }


def bidirectional_reference(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    """(out (N, T, 2H), h_n (2, N, H)) from coursekit's bidirectional RecurrentNetwork."""
    layer = [
        LayerParams(W_ih_f, W_hh_f, b_f, np.zeros_like(b_f)),
        LayerParams(W_ih_b, W_hh_b, b_b, np.zeros_like(b_b)),
    ]
    net = RecurrentNetwork("RNN_TANH", [layer])
    out, h_n = net.forward(x, np.stack([h0_fwd, h0_bwd]))
    return out, h_n


def _run(x, h0, W_ih, W_hh, b):
    """A tanh RNN read left to right: (N, T, D) -> all states (N, T, H)."""
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_ih.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def bidirectional_slips(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (out, h_n)}.

    Each hint says what the learner's code does, then what it needs. h_n is None where the slip is in out:
    then h_n says nothing more (a learner takes it from their own wrong states, at either end).
    """
    fwd = _run(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    read = _run(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)  # in the order the backward direction reads
    bwd = read[:, ::-1]  # re-aligned: bwd[:, t] is the state after reading x_{T-1} .. x_t
    unreversed = _run(x, h0_bwd, W_ih_b, W_hh_b, b_b)  # the backward weights reading x_0 first

    right_out = np.concatenate([fwd, bwd], axis=2)

    def only_out(wrong):
        """(wrong out, None): a slip seen in out alone, whatever h_n the learner took from their states."""
        # With T = 1 (or N = 1) some slips give the right out; h_n None would then match any wrong h_n.
        same = wrong.shape == right_out.shape and np.allclose(wrong, right_out, rtol=1e-9, atol=1e-12)
        return None if same else (wrong, None)

    def out(backward):
        return only_out(np.concatenate([fwd, backward], axis=2))

    return {
        "your backward direction reads x in time order, x_0 first, and keeps that order: it is a second "
        "forward "
        "RNN; it needs to read the sequence from the end, rnn_forward(x[:, ::-1], ...), and then flip its "
        "outputs back with [:, ::-1]": out(unreversed),
        "your backward direction reads x in time order, x_0 first (only its outputs are flipped); it needs "
        "to "
        "read x[:, ::-1], from the last step, before its outputs are flipped back": out(unreversed[:, ::-1]),
        "your backward outputs are still in reading order (step t holds the state after reading x_{T-1} .. "
        "x_{T-1-t}); flip them back along time with [:, ::-1], so that step t holds the state after reading "
        "x_{T-1} .. x_t": out(read),
        "your out has the backward half first; it needs [forward, backward] on the last axis, "
        "np.concatenate([forward, backward], axis=2)": only_out(np.concatenate([bwd, fwd], axis=2)),
        "your backward direction runs with the forward weights W_ih_f, W_hh_f, b_f; it needs its own W_ih_b, "
        "W_hh_b and b_b": out(_run(x[:, ::-1], h0_bwd, W_ih_f, W_hh_f, b_f)[:, ::-1]),
        "your backward direction starts from h0_fwd; it needs to start from its own h0_bwd": out(
            _run(x[:, ::-1], h0_fwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
        ),
        "your code reverses x along axis 0, the batch (x[::-1] reverses the order of the sequences); the "
        "backward direction reads the time axis from the end, x[:, ::-1], and flips back with [:, ::-1]": out(
            _run(x[::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[::-1]
        ),
        "your out joins the two directions along axis 0, into 2N sequences (np.concatenate without axis=); "
        "join them on the feature axis, np.concatenate([forward, backward], axis=2)": only_out(
            np.concatenate([fwd, bwd])
        ),
        "your h_n[1] is the backward state at the last time step, after reading only x_{T-1}; the backward "
        "direction's final state is the one after reading x_0, at step 0 once flipped back (backward[:, "
        "0])": (
            right_out,
            np.stack([fwd[:, -1], bwd[:, -1]]),
        ),
        "your h_n has the backward final state first; it needs h_n[0] from the forward direction and h_n[1] "
        "from the backward one": (right_out, np.stack([bwd[:, 0], fwd[:, -1]])),
        "your h_n joins the two final states along axis 0, shape (2N, H) (np.concatenate); it needs them "
        "stacked on a new first axis, shape (2, N, H): np.stack([...])": (
            right_out,
            np.concatenate([fwd[:, -1], bwd[:, 0]]),
        ),
    }


QUESTIONS = {
    "bidirectional_forward": FunctionQuestion(
        grade_id="bidirectional_forward",
        notebook=NOTEBOOK,
        function="bidirectional_forward",
        outputs={
            "out": ("sequence", "time step", "feature"),
            "h_n": ("direction", "sequence", "hidden unit"),
        },
        reference=bidirectional_reference,
        public_cases=lambda: [
            Case(
                "the example from the notebook (N=2, T=4, D=3, H=5)",
                _inputs(np.random.default_rng(10), 2, 4, 3, 5),
            )
        ],
        hidden_cases=lambda seed: [
            Case(
                "a hidden case with one sequence of one step (N=1, T=1, D=2, H=3)",
                _inputs(np.random.default_rng(seed + 10), 1, 1, 2, 3),
            ),
            Case("a hidden case (N=4, T=7, D=2, H=6)", _inputs(np.random.default_rng(seed + 11), 4, 7, 2, 6)),
        ],
        points=3,
        slips=bidirectional_slips,
    ),
    "where_bidirectional_fails": QUIZ["where_bidirectional_fails"],
    "bidirectional_output_shape": QUIZ["bidirectional_output_shape"],
}
