"""The question bank of exercise 04 (dimensions): the shape detective's checks and hints, and
the quiz's answers and feedback, through check() and answer() as a learner meets them."""
import numpy as np
import pytest

import coursekit.checks as checks
from coursekit.checks import answer, check, check_hidden
from coursekit.checks.dimensions import QUESTIONS, detective_reference
from coursekit.checks.registry import questions_of


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(checks, "_status", {})
    monkeypatch.setattr(checks, "_answers", {})
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)


def right_values(D, H, O, N, T, G):
    """The right answer written out by hand (not from coursekit), keyed by output name."""
    return dict(W_F=(G * H, D), W_R=(G * H, H), b=(G * H, 1), W=(G * H, D + H), z_t=(G * H, N), a_t=(H, N),
                y_t=(O, N), x=(N, T, D), out=(N, T, H),
                params=(G * H * (D + H + 1), G * H * (D + H + 2), O * (H + 1)))


def detective(**slips):
    """A shape_detective that makes the given slips: output name -> function of the sizes."""
    def shape_detective(config):
        sizes = [int(v) for v in config]
        values = right_values(*sizes)
        for name, slip in slips.items():
            values[name] = slip(*sizes)
        return tuple(values.values())
    return shape_detective


def run_check(capsys, function) -> str:
    globals()["shape_detective"] = function
    check("shape_detective")
    return capsys.readouterr().out


def test_the_bank_belongs_to_notebook_04():
    assert set(questions_of("04_dimensions.ipynb")) == set(QUESTIONS)
    assert sum(q.points for q in QUESTIONS.values()) == 14


def test_the_reference_matches_the_hand_written_answer():
    for sizes in [(3, 7, 1, 64, 10, 1), (3, 7, 1, 64, 10, 4), (10, 20, 5, 2, 3, 3), (1, 1, 1, 1, 1, 4)]:
        expected = detective_reference(np.array(sizes))
        assert [tuple(v.tolist()) for v in expected] == list(right_values(*sizes).values())


def test_a_right_detective_passes_public_and_hidden_checks(capsys):
    out = run_check(capsys, detective())
    assert out.startswith("✓ shape_detective: public checks passed (3 points)")
    for seed in range(5):
        check_hidden("shape_detective", seed=seed)
        assert "hidden checks passed" in capsys.readouterr().out


@pytest.mark.parametrize("slips,words", [
    (dict(W_F=lambda D, H, O, N, T, G: (D, G * H)), "W_F is transposed"),
    (dict(W_F=lambda D, H, O, N, T, G: (H, D)), "with G = 4 there are G*H = 28 rows, not H"),
    (dict(W_R=lambda D, H, O, N, T, G: (G * H, G * H)), "its columns are H, not G*H"),
    (dict(b=lambda D, H, O, N, T, G: (G * H,)), "the bias is a column, (G*H, 1)"),
    (dict(z_t=lambda D, H, O, N, T, G: (G * H, 1)), "one column per sequence of the batch"),
    (dict(a_t=lambda D, H, O, N, T, G: (N, H)), "batch-first layout"),
    (dict(x=lambda D, H, O, N, T, G: (T, N, D)), "torch's default layout (batch_first=False)"),
    (dict(params=lambda D, H, O, N, T, G: (G * H * (D + H), G * H * (D + H + 2), O * (H + 1))),
     "params[0], the hidden layer as the material counts it: the bias is missing"),
    (dict(params=lambda D, H, O, N, T, G: (H * (D + H + 1), H * (D + H + 2), O * (H + 1))),
     "the 4 gate blocks are missing"),
    (dict(params=lambda D, H, O, N, T, G: (G * H * (D + H + 1),) * 2 + (O * (H + 1),)),
     "params[1], the hidden layer as torch counts it: torch keeps two bias vectors"),
    (dict(params=lambda D, H, O, N, T, G: (T * G * H * (D + H + 1), G * H * (D + H + 2), O * (H + 1))),
     "shared across time"),
    (dict(params=lambda D, H, O, N, T, G: (G * H * (D + H + 1), G * H * (D + H + 2), O * H)),
     "the output layer's bias is missing"),
    (dict(params=lambda D, H, O, N, T, G: G * H * (D + H + 1)), "params holds three whole numbers"),
])
def test_each_slip_gets_a_hint_that_names_it(capsys, slips, words):
    out = run_check(capsys, detective(**slips))
    assert "✗ shape_detective: failed" in out and words in out.partition("Hint: ")[2], out


def test_a_slip_without_a_known_cause_still_says_where(capsys):
    out = run_check(capsys, detective(y_t=lambda D, H, O, N, T, G: (5, 5)))
    assert "y_t differs from the expected values" in out and "Hint" not in out


def test_the_gate_slip_is_caught_by_a_public_case(capsys):
    """Forgetting G passes the vanilla RNN case, so the public LSTM case must catch it."""
    out = run_check(capsys, detective(W_F=lambda D, H, O, N, T, G: (H, D), W_R=lambda D, H, O, N, T, G: (H, H)))
    assert "the worked example's sizes as an LSTM" in out


@pytest.mark.parametrize("grade_id,right,wrong,words", [
    ("dims_w_f", (7, 3), (3, 7), "That is the transpose"),
    ("dims_w_r", (7, 7), (7, 3), "That is W_F^1"),
    ("dims_b", (7, 1), (7, 64), "broadcast across the 64 columns"),
    ("dims_b", (7, 1), (7,), "how the code and torch store it"),
    ("dims_wf_a4", (7, 64), (7, 1), "a_4^0 holds the whole batch"),
    ("dims_wr_a6", (7, 64), (6, 64), "6 is a time step, not a size"),
    ("dims_z3", (7, 64), (7, 1), "That is the bias"),
    ("dims_params_hidden", 77, 70, "not the bias: 7 more"),
    ("dims_params_hidden", 77, 84, "torch keeps two bias vectors"),
    ("dims_params_hidden", 77, 770, "shared across time"),
    ("dims_concat_w", (7, 10), (7, 21), "the column counts add: 3 + 7"),
    ("dims_lstm_params", 336, 84, "An LSTM has 4 gate blocks"),
    ("dims_gru_params", 1920, 1860, "keeps two bias vectors"),
    ("dims_x_batch_first", (64, 10, 3), (10, 64, 3), "batch_first=False"),
])
def test_quiz_right_answers_and_feedback(capsys, grade_id, right, wrong, words):
    answer(grade_id, wrong)
    out = capsys.readouterr().out
    assert out.startswith(f"✗ {grade_id}: failed") and words in out, out
    answer(grade_id, right)
    assert capsys.readouterr().out.startswith(f"✓ {grade_id}: right.")
