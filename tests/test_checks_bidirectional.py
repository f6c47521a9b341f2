"""The question bank of exercise 10 (bidirectional RNNs): the reference equals torch, a right answer
passes every case, and each usual slip fails with a hint that names it, as a learner meets it."""
import numpy as np
import pytest
import torch

import coursekit.checks as checks
from coursekit.checks import answer, check, check_hidden
from coursekit.checks.bidirectional import QUESTIONS, _inputs, bidirectional_reference
from coursekit.checks.registry import questions_of


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(checks, "_status", {})
    monkeypatch.setattr(checks, "_answers", {})
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def run(x, h0, W_ih, W_hh, b):
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_ih.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


# A right answer written out by hand, with switches that make each usual slip.
def make_wrapper(flip_back=True, order="fb", time_axis=True, h_end="start"):
    def bidirectional_forward(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
        fwd = run(x, h0_fwd, W_ih_f, W_hh_f, b_f)
        if time_axis:
            read = run(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)
            bwd = read[:, ::-1] if flip_back else read
        else:
            bwd = run(x[::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[::-1]
        out = np.concatenate([fwd, bwd] if order == "fb" else [bwd, fwd], axis=2)
        h_bwd = bwd[:, 0] if h_end == "start" else bwd[:, -1]
        return out, np.stack([fwd[:, -1], h_bwd])
    return bidirectional_forward


def test_reference_equals_torch_bidirectional_rnn_with_zero_hidden_bias():
    inputs = _inputs(np.random.default_rng(4), 3, 6, 2, 4)
    rnn = torch.nn.RNN(2, 4, bidirectional=True, batch_first=True).double()
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
    # and the hand-written answer agrees with both
    mine = make_wrapper()(*inputs.values())
    assert np.abs(mine[0] - ref_out).max() < 1e-12 and np.abs(mine[1] - ref_h).max() < 1e-12


def test_right_answer_passes_public_and_hidden_cases(capsys):
    globals()["bidirectional_forward"] = make_wrapper()
    check("bidirectional_forward")
    assert capsys.readouterr().out.startswith("✓ bidirectional_forward: public checks passed (3 points)")
    check_hidden("bidirectional_forward", seed=5)


@pytest.mark.parametrize("slip,words", [
    (dict(flip_back=False), "still in reading order"),
    (dict(order="bf"), "concatenated in the wrong order"),
    (dict(time_axis=False), "reversed along the batch axis"),
    (dict(h_end="end"), "h_n of the backward direction is taken at the wrong end"),
])
def test_each_slip_gets_its_hint(capsys, slip, words):
    globals()["bidirectional_forward"] = make_wrapper(**slip)
    check("bidirectional_forward")
    out = capsys.readouterr().out
    assert "✗ bidirectional_forward: failed" in out and words in out.split("Hint:")[1]


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
