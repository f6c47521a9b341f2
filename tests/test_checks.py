"""The learner's side: check(), answer(), quiz widgets and progress(), with real functions."""

import re

import numpy as np
import pytest

from coursekit.checks import answer, check, check_hidden, progress, quiz_widget
from coursekit.checks.registry import all_questions
from coursekit.learner import SESSION
from coursekit.quiz import QuizQuestion, canonical

pytestmark = pytest.mark.usefixtures("fresh_session")


def right_elman_step(x_t, h_prev, W_xh, W_hh, b):
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)


def test_passing_function_says_public_checks_only(capsys):
    globals()["elman_step"] = right_elman_step
    check("elman_step")
    out = capsys.readouterr().out
    assert out.startswith("✓ elman_step: public checks passed (2 points)") and "Hidden checks run" in out


def test_unattempted_and_missing_functions(capsys):
    def jordan_step(*args):
        raise NotImplementedError()

    globals()["jordan_step"] = jordan_step
    check("jordan_step")
    assert "… jordan_step: not attempted" in capsys.readouterr().out
    del globals()["jordan_step"]
    check("jordan_step")
    assert "no function named `jordan_step`" in capsys.readouterr().out


def test_failure_names_output_location_and_slip(capsys):
    globals()["elman_step"] = lambda x_t, h_prev, W_xh, W_hh, b: np.tanh(x_t @ W_xh.T + b)
    check("elman_step")
    out = capsys.readouterr().out
    assert re.search(
        r"h_t differs .* at sequence \d, hidden unit \d: expected -?[\d.]+, received -?[\d.]+", out
    )
    assert "Hint: h_prev is not used" in out
    globals()["elman_step"] = lambda x_t, h_prev, W_xh, W_hh, b: (x_t @ W_xh.T).T
    check("elman_step")
    assert (
        "h_t has shape (4, 3); expected (3, 4) = (sequence, hidden unit) — the transpose"
        in capsys.readouterr().out
    )


def test_a_check_never_raises_into_the_notebook(capsys):
    def exits(*args):
        raise SystemExit("bye")

    globals()["elman_step"] = exits
    check("elman_step")  # must not raise
    assert "✗ elman_step: failed" in capsys.readouterr().out
    check("no_such_question")
    assert "no question named 'no_such_question'" in capsys.readouterr().out


def test_under_nbgrader_a_failing_check_raises(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    globals()["elman_step"] = lambda *args: np.zeros((3, 4))
    with pytest.raises(AssertionError, match="elman_step: failed"):
        check("elman_step")
    globals()["elman_step"] = right_elman_step
    check_hidden("elman_step", seed=3)  # passes quietly


def test_quiz_answers_with_feedback(capsys):
    answer("shape_of_w_xh", (2, 4))
    assert "that is the transpose" in capsys.readouterr().out
    answer("shape_of_w_xh", [4, 2])
    assert capsys.readouterr().out.startswith("✓ shape_of_w_xh: right. (H, D) = (4, 2)")
    answer("shape_of_w_xh", "4 by 2")
    assert "answer a shape as a tuple of whole numbers" in capsys.readouterr().out
    answer("which_form_remembers_more", ...)
    assert "not attempted — replace ... with your answer" in capsys.readouterr().out
    answer("which_form_remembers_more", "z")
    assert "one of the option letters ['a', 'b', 'c']" in capsys.readouterr().out
    answer("elman_step", 3)
    assert "is a coding question" in capsys.readouterr().out


def test_canonical_forms():
    assert canonical("number", 0.1667, tolerance=0.01) == canonical("number", 0.17, tolerance=0.01)
    assert canonical("number", 77) == canonical("number", 77.0)
    assert canonical("multiple", ["c", "A"], options=("a", "b", "c")) == canonical(
        "multiple", ("a", "c"), options=("a", "b", "c")
    )
    assert canonical("shape", (np.int64(7), 64)) == "7x64"
    with pytest.raises(ValueError):
        canonical("shape", (7.5, 2))


def test_no_answer_or_feedback_is_stored_in_clear_text():
    quizzes = [q for q in all_questions().values() if isinstance(q, QuizQuestion)]
    assert quizzes
    for q in quizzes:
        assert re.fullmatch(r"[0-9a-f]{64}", q.right)
        assert re.fullmatch(r"[0-9a-f]*", q.explanation)
        assert all(
            re.fullmatch(r"[0-9a-f]{64}", k) and re.fullmatch(r"[0-9a-f]+", v) for k, v in q.feedback.items()
        )


def test_widget_answers_through_the_same_path():
    box = quiz_widget("shape_of_w_xh")
    _, field, button, out = box.children
    field.value = "(4, 2)"
    button.click()
    assert SESSION.status["shape_of_w_xh"].status == "passed"
    box = quiz_widget("which_form_remembers_more")
    box.children[1].value = "a"
    box.children[2].click()
    assert SESSION.status["which_form_remembers_more"].status == "failed"


def test_progress_table(capsys):
    globals()["elman_step"] = right_elman_step
    check("elman_step")
    answer("shape_of_w_xh", (2, 4))
    capsys.readouterr()
    progress("02_recurrent_neuron.ipynb")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["question", "points", "status"]
    assert "✓ passed" in lines[1] and "not checked yet" in lines[2] and "✗ failed" in lines[4]
    assert lines[-1] == "public checks passed: 2 of 6 points"
