"""The question bank of exercise 10 (bidirectional RNNs): the reference equals torch, right answers pass
every case, and each usual slip, written out here as a learner would write it, fails the public checks with a
hint naming it and fails the hidden checks too (tests/test_slip_coverage.py runs WRITTEN_SLIPS)."""

import numpy as np
import pytest
import torch
from slip_helpers import verdict

from coursekit.checks import answer, check, check_hidden
from coursekit.checks.bidirectional import QUESTIONS, _inputs, bidirectional_reference, bidirectional_slips
from coursekit.checks.core import FAILED, PASSED, Case
from coursekit.checks.registry import questions_of

QUESTION = QUESTIONS["bidirectional_forward"]


pytestmark = pytest.mark.usefixtures("fresh_session")


def rnn_forward(x, h0, W_ih, W_hh, b):
    """The helper the notebook gives: a tanh RNN reading x (N, T, D) left to right -> every state (N, T, H)."""
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_ih.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def bidirectional_forward(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def with_flip_and_the_last_read_state(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    read = rnn_forward(np.flip(x, axis=1), h0_bwd, W_ih_b, W_hh_b, b_b)
    out = np.concatenate([forward, np.flip(read, axis=1)], axis=-1)
    return out, np.array([forward[:, -1], read[:, -1]])  # read[:, -1] is after reading x_0


def with_a_loop_walking_back_in_time(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    N, T, _ = x.shape
    H = h0_fwd.shape[1]
    out = np.zeros((N, T, 2 * H))
    h = h0_fwd
    for t in range(T):
        h = np.tanh(x[:, t] @ W_ih_f.T + h @ W_hh_f.T + b_f)
        out[:, t, :H] = h
    h_f, h = h, h0_bwd
    for t in reversed(range(T)):
        h = np.tanh(x[:, t] @ W_ih_b.T + h @ W_hh_b.T + b_b)
        out[:, t, H:] = h
    return out, np.stack([h_f, h])


RIGHT = [bidirectional_forward, with_flip_and_the_last_read_state, with_a_loop_walking_back_in_time]


# ---- slips, as a learner writes them -------------------------------------------------------------
def backward_reads_forward(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x, h0_bwd, W_ih_b, W_hh_b, b_b)
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, -1]])


def only_the_outputs_flipped(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x, h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def not_flipped_back(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, -1]])


def backward_half_first(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([backward, forward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def forward_weights_twice(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_f, W_hh_f, b_f)[:, ::-1]  # the line copied, _f kept
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def backward_from_h0_fwd(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_fwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def reversed_along_the_batch(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, 0]])


def concatenated_without_axis(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward]), np.stack([forward[:, -1], backward[:, 0]])


def h_n_at_the_wrong_end(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([forward[:, -1], backward[:, -1]])


def h_n_backward_first(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.stack([backward[:, 0], forward[:, -1]])


def h_n_concatenated(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    forward = rnn_forward(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    backward = rnn_forward(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[:, ::-1]
    return np.concatenate([forward, backward], axis=2), np.concatenate([forward[:, -1], backward[:, 0]])


ID = "bidirectional_forward"
WRITTEN_SLIPS = [  # (grade id, name, the learner's function, words the hint must hold, typed by hand)
    (ID, "backward reads x forward", backward_reads_forward, "it is a second forward RNN"),
    (ID, "only the outputs flipped", only_the_outputs_flipped, "(only its outputs are flipped)"),
    (ID, "not flipped back", not_flipped_back, "your backward outputs are still in reading order"),
    (ID, "backward half first", backward_half_first, "your out has the backward half first"),
    (
        ID,
        "forward weights twice",
        forward_weights_twice,
        "your backward direction runs with the forward weights",
    ),
    (ID, "backward from h0_fwd", backward_from_h0_fwd, "your backward direction starts from h0_fwd"),
    (
        ID,
        "reversed along the batch",
        reversed_along_the_batch,
        "your code reverses x along axis 0, the batch",
    ),
    (
        ID,
        "concatenated without axis",
        concatenated_without_axis,
        "your out joins the two directions along axis 0",
    ),
    (
        ID,
        "h_n at the wrong end",
        h_n_at_the_wrong_end,
        "your h_n[1] is the backward state at the last time step",
    ),
    (ID, "h_n backward first", h_n_backward_first, "your h_n has the backward final state first"),
    (ID, "h_n concatenated", h_n_concatenated, "your h_n joins the two final states along axis 0"),
]


def test_reference_equals_torch_bidirectional_rnn_with_zero_hidden_bias():
    for case in QUESTION.public_cases() + [
        Case("other sizes", _inputs(np.random.default_rng(4), 3, 6, 2, 4))
    ]:
        inputs = case.inputs
        D, H = inputs["W_ih_f"].shape[1], inputs["W_ih_f"].shape[0]
        rnn = torch.nn.RNN(D, H, bidirectional=True, batch_first=True).double()
        with torch.no_grad():
            for suffix, tag in (("", "f"), ("_reverse", "b")):
                getattr(rnn, "weight_ih_l0" + suffix).copy_(torch.from_numpy(inputs["W_ih_" + tag]))
                getattr(rnn, "weight_hh_l0" + suffix).copy_(torch.from_numpy(inputs["W_hh_" + tag]))
                getattr(rnn, "bias_ih_l0" + suffix).copy_(torch.from_numpy(inputs["b_" + tag]))
                getattr(rnn, "bias_hh_l0" + suffix).zero_()
            h0 = torch.from_numpy(np.stack([inputs["h0_fwd"], inputs["h0_bwd"]]))
            out, h_n = rnn(torch.from_numpy(inputs["x"]), h0)
        ref_out, ref_h = bidirectional_reference(**inputs)
        assert np.abs(out.numpy() - ref_out).max() < 1e-12 and np.abs(h_n.numpy() - ref_h).max() < 1e-12


@pytest.mark.parametrize("function", RIGHT, ids=[f.__name__ for f in RIGHT])
@pytest.mark.parametrize("seed", [0, 12345])
def test_right_answers_pass_public_and_hidden_cases(function, seed):
    assert verdict(QUESTION, function, QUESTION.public_cases()).status == PASSED
    assert verdict(QUESTION, function, QUESTION.hidden_cases(seed)).status == PASSED


@pytest.mark.parametrize("grade_id, name, function, words", WRITTEN_SLIPS, ids=[s[1] for s in WRITTEN_SLIPS])
def test_each_slip_gets_its_hint_on_every_hidden_case_it_fails(grade_id, name, function, words):
    """A hidden case where a slip gives the right answer (T = 1, N = 1) must not lend it another slip's hint."""
    for seed in (0, 12345):
        for case in QUESTION.hidden_cases(seed):
            result = verdict(QUESTION, function, [case])
            assert result.status == PASSED or " raised " in result.message or words in result.message, (
                result.message
            )


def test_check_in_the_notebook_passes_a_right_answer_and_prints_a_slips_hint(capsys, monkeypatch):
    check("bidirectional_forward")  # finds this module's right bidirectional_forward, as in a notebook
    assert capsys.readouterr().out.startswith("✓ bidirectional_forward: public checks passed (3 points)")
    check_hidden("bidirectional_forward", seed=5)
    monkeypatch.setitem(globals(), "bidirectional_forward", not_flipped_back)
    check("bidirectional_forward")
    out = capsys.readouterr().out
    assert "✗ bidirectional_forward: failed" in out
    assert "your backward outputs are still in reading order" in out.split("Hint:")[1]


def test_the_public_case_tells_every_slip_apart():
    """Each slip's outputs differ from the right ones and from every other slip's (None: any value goes)."""
    case = QUESTION.public_cases()[0]
    outputs = [bidirectional_reference(**case.inputs), *bidirectional_slips(**case.inputs).values()]
    assert None not in outputs  # no slip is dropped as the right answer on the public case

    def same(a, b):
        return all(
            p is None or q is None or (np.shape(p) == np.shape(q) and np.allclose(p, q, atol=1e-4))
            for p, q in zip(a, b)
        )

    for i, a in enumerate(outputs):
        for b in outputs[i + 1 :]:
            assert not same(a, b)


def test_public_cases_vary_every_dimension():
    for case in QUESTION.public_cases():
        sizes = (*case.inputs["x"].shape, case.inputs["h0_fwd"].shape[1])
        assert all(s > 1 for s in sizes) and len(set(sizes)) == len(sizes), (case.label, sizes)


def test_changing_an_input_in_place_is_reported():
    def in_place(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
        x[:] = x[:, ::-1].copy()  # a learner's slip: reversing the caller's x for the backward direction
        return bidirectional_forward(x[:, ::-1], h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b)

    result = verdict(QUESTION, in_place, QUESTION.public_cases())
    assert result.status == FAILED and "changed its input `x` in place" in result.message


def test_quiz_questions_accept_the_right_answer_and_explain_wrong_ones(capsys):
    assert set(questions_of("10_bidirectional_deep.ipynb")) == set(QUESTIONS)
    answer("where_bidirectional_fails", "a")
    assert "finished sentence" in capsys.readouterr().out
    answer("where_bidirectional_fails", "b")
    assert capsys.readouterr().out.startswith("✓ where_bidirectional_fails: right")
    answer("bidirectional_output_shape", (4, 7, 5))
    assert "one direction's output" in capsys.readouterr().out
    answer("bidirectional_output_shape", (4, 7, 10))
    assert capsys.readouterr().out.startswith("✓ bidirectional_output_shape: right")
