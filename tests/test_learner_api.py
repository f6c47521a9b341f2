"""The learner's API never raises and says something a learner can act on, whatever it is given.

Each expected sentence is written here by hand. The state of check() and answer() is one object,
coursekit.learner.SESSION; `from coursekit.checks import ...` keeps working.
"""

import threading
import time

import numpy as np
import pytest

from coursekit import learner
from coursekit.checks import answer, check, check_yourself, progress, quiz
from coursekit.learner import LearnerSession, run_limited
from coursekit.quiz import QuizQuestion, seal_question

pytestmark = pytest.mark.usefixtures("fresh_session")


def said(capsys) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return captured.out


def test_the_api_lives_in_its_own_module_and_is_re_exported():
    import coursekit.checks as checks

    assert checks.check is learner.check and checks.answer is learner.answer and checks.quiz is learner.quiz
    assert checks.progress is learner.progress and checks.check_yourself is learner.check_yourself
    assert isinstance(learner.SESSION, LearnerSession)


def test_multiple_select_refuses_none_and_a_number_with_a_sentence(capsys):
    answer("iid_examples", None)
    assert (
        said(capsys)
        == "✗ iid_examples: answer with a list of option letters from ['a', 'b', 'c', 'd'], e.g. ['a', 'c']\n"
    )
    answer("iid_examples", 1)
    assert (
        said(capsys)
        == "✗ iid_examples: answer with a list of option letters from ['a', 'b', 'c', 'd'], e.g. ['a', 'c']\n"
    )


def test_nan_and_inf_are_not_numbers_to_judge(capsys):
    answer("lstm_cell_after_10_steps", float("nan"))
    assert said(capsys) == "✗ lstm_cell_after_10_steps: answer with a finite number; nan is not one\n"
    answer("lstm_cell_after_10_steps", float("inf"))
    assert said(capsys) == "✗ lstm_cell_after_10_steps: answer with a finite number; inf is not one\n"
    answer("rnn_parameter_count", -float("inf"))
    assert said(capsys) == "✗ rnn_parameter_count: answer with a finite number; -inf is not one\n"
    answer("lstm_cell_after_10_steps", 1e308)
    assert "far too large" in said(capsys)


@pytest.mark.parametrize("typed", ["(4, 2)", "4x2", "4, 2", " [4,2] ", "4 × 2"])
def test_a_shape_typed_as_text_is_read(capsys, typed):
    answer("shape_of_w_xh", typed)
    assert said(capsys).startswith("✓ shape_of_w_xh: right. (H, D) = (4, 2)")


def test_a_shape_text_that_is_no_shape_says_how(capsys):
    answer("shape_of_w_xh", "four by two")
    assert said(capsys) == (
        '✗ shape_of_w_xh: answer a shape as a tuple of whole numbers, e.g. (7, 64) or "7x64"; '
        "a vector of 7 is (7,)\n"
    )


def test_a_misspelt_id_gets_the_closest_name(capsys):
    check("elman_stepp")
    assert said(capsys) == "✗ there is no question named 'elman_stepp'; did you mean 'elman_step'?\n"
    answer("shape_of_wxh", (4, 2))
    assert said(capsys) == "✗ there is no question named 'shape_of_wxh'; did you mean 'shape_of_w_xh'?\n"
    check("zzzz")
    assert (
        said(capsys)
        == "✗ there is no question named 'zzzz'; the id is in the cell's check(\"...\") line of the "
        "exercise\n"
    )


def test_check_on_a_quiz_question_points_to_answer(capsys):
    check("shape_of_w_xh")
    assert said(capsys) == (
        "… shape_of_w_xh is a quiz question: answer it with answer('shape_of_w_xh', your answer) "
        "or quiz('shape_of_w_xh'); check() runs the checks of coding questions\n"
    )


def test_an_explanation_that_begins_right_is_not_said_twice(capsys):
    answer("why_bptt_sums", "b")
    out = said(capsys)
    assert out.startswith("✓ why_bptt_sums: right. The unrolled graph has one copy of the step per time step")
    assert "Right." not in out
    answer("truncated_reach", 3)
    assert said(capsys).startswith("✓ truncated_reach: right. 3. With the state detached")


def test_the_quiz_build_refuses_an_explanation_that_begins_right():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "quiz_sources"))
    from question import Question

    with pytest.raises(ValueError, match="not with 'Right'"):
        Question("q", "number", "How many?", 3, "Right: 3, because ...", {}).check()


def test_a_percentage_is_a_fraction(capsys):
    answer("lstm_cell_after_10_steps", "35%")
    assert said(capsys).startswith("✓ lstm_cell_after_10_steps: right.")
    answer("lstm_cell_after_10_steps", "0.35")
    assert said(capsys).startswith("✓ lstm_cell_after_10_steps: right.")
    answer("lstm_cell_after_10_steps", "about a third")
    assert said(capsys) == (
        "✗ lstm_cell_after_10_steps: answer with a number, e.g. answer(id, 12) or "
        "answer(id, 0.25) (a percentage may be written '25%')\n"
    )


def test_numbers_are_judged_by_distance_not_by_bucket(capsys):
    """The right answer of lstm_cell_after_10_steps is 0.9**10 = 0.3487, tolerance 0.01 (bucket 35: 0.35)."""
    for near in (0.3487, 0.342, 0.3401, 0.358, 0.36):  # 0.342 rounds to bucket 34, yet is 0.0067 from 0.3487
        answer("lstm_cell_after_10_steps", near)
        assert said(capsys).startswith("✓ lstm_cell_after_10_steps: right."), near
    for far in (0.339, 0.3605, 0.3):
        answer("lstm_cell_after_10_steps", far)
        assert said(capsys).startswith("✗ lstm_cell_after_10_steps"), far


def test_distance_rule_on_a_question_sealed_here():
    """Right answer 0.17, tolerance 0.01: right within 0.01 of the centre 0.17, whatever the bucket."""
    q = QuizQuestion(
        grade_id="t",
        notebook="n",
        prompt="p",
        kind="number",
        salt="0123abcd",
        tolerance=0.01,
        **{
            k: v
            for k, v in seal_question(
                "0123abcd", "number", 0.17, "ok", {0.19: "two off"}, tolerance=0.01
            ).items()
        },
    )
    right = lambda v: q.is_right(q.canonical(v))  # noqa: E731
    assert right(0.17) and right(0.1749) and right(0.1751) and right(0.1799) and right(0.1601)
    assert not right(0.1849) and not right(0.1549) and not right(0.19) and not right(0.15)
    assert (
        q.feedback_for(q.canonical(0.1901)) == "two off"
    )  # a wrong answer keeps the words of its own bucket


@pytest.mark.parametrize(
    "call, expected",
    [
        (lambda: answer(None, 1), "✗ answer() takes the question's id as a string, e.g. answer(\""),
        (lambda: check(["elman_step"]), "✗ check() takes the question's id as a string, e.g. check(\""),
        (lambda: quiz(42), "✗ quiz() takes the question's id as a string, e.g. quiz(\""),
        (lambda: quiz("elman_step"), "✗ 'elman_step' is a coding question: use check('elman_step')"),
        (
            lambda: progress(5),
            "progress() shows the questions of one exercise notebook; name one of: 01_sequences.ipynb",
        ),
        (lambda: check_yourself(None), "None has no Check-yourself questions; the lessons that have them:"),
        (
            lambda: answer("shape_of_w_xh", np.zeros(10**7)),
            "✗ shape_of_w_xh: a shape has a few entries, e.g. (7, 64); this one has 10000000",
        ),
        (
            lambda: answer("iid_examples", np.zeros(10**7)),
            "✗ iid_examples: answer with a list of option letters",
        ),
        (
            lambda: answer("lstm_cell_after_10_steps", np.zeros(10**7)),
            "✗ lstm_cell_after_10_steps: answer with a number",
        ),
        (lambda: answer("shape_of_w_xh", 4.5), "✗ shape_of_w_xh: answer a shape as a tuple of whole numbers"),
        (
            lambda: answer("which_form_remembers_more", None),
            "✗ which_form_remembers_more: answer with one of the option",
        ),
        (lambda: answer("elman_step", 3), "✗ 'elman_step' is a coding question: use check('elman_step')"),
    ],
)
def test_nothing_raises_whatever_is_passed(capsys, call, expected):
    call()
    assert said(capsys).startswith(expected)


def test_a_value_whose_conversion_breaks_gets_the_kind_of_answer_asked(capsys):
    class Odd:
        def __float__(self):
            raise RuntimeError("no")

    answer("lstm_cell_after_10_steps", Odd())
    assert (
        said(capsys)
        == "✗ lstm_cell_after_10_steps: answer with a number, e.g. answer(id, 12) or answer(id, 0.25)\n"
    )


def test_progress_shows_the_best_result_not_the_last(capsys):
    answer("shape_of_w_xh", (4, 2))
    answer("shape_of_w_xh", (2, 4))
    capsys.readouterr()
    progress("02_recurrent_neuron.ipynb")
    row = [line for line in said(capsys).splitlines() if line.startswith("shape_of_w_xh")]
    assert row == ["shape_of_w_xh                   1  ✓ passed"]


def sleeps(x_t, h_prev, W_xh, W_hh, b):
    time.sleep(30)


def loops(x_t, h_prev, W_xh, W_hh, b):
    while True:
        try:
            pass
        except Exception:  # a learner's catch-all cannot hide the time limit
            pass


@pytest.mark.parametrize("function", [sleeps, loops])
def test_a_function_that_never_returns_is_stopped_with_a_sentence(capsys, monkeypatch, function):
    monkeypatch.setattr(learner.SESSION, "case_seconds", 0.5)
    globals()["elman_step"] = function
    try:
        started = time.perf_counter()
        check("elman_step")
        elapsed = time.perf_counter() - started
    finally:
        del globals()["elman_step"]
    out = said(capsys)
    assert elapsed < 5
    assert out.startswith(
        "✗ elman_step: failed — `elman_step` was still running after 0.5 seconds on check 1 of "
    )
    assert out.rstrip().endswith(
        "and was stopped; look for a loop that never ends or a sleep, then run the check again"
    )


def test_without_the_main_thread_a_thread_waits_instead():
    """Where SIGALRM cannot be used (Windows, or a thread), the caller waits the limit and goes on."""
    outcome = {}

    def from_a_thread():
        started = time.perf_counter()
        outcome["slow"] = run_limited(lambda: time.sleep(3) or "late", 0.3)
        outcome["fast"] = run_limited(lambda: "soon", 1)
        outcome["elapsed"] = time.perf_counter() - started

    worker = threading.Thread(target=from_a_thread)
    worker.start()
    worker.join(10)
    assert outcome["slow"] == (False, None) and outcome["fast"] == (True, "soon") and outcome["elapsed"] < 2


def test_the_time_limit_leaves_no_alarm_behind():
    import signal

    assert run_limited(lambda: 7, 5) == (True, 7)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None) or callable(
        signal.getsignal(signal.SIGALRM)
    )


def test_under_nbgrader_a_failing_check_still_raises(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    globals()["elman_step"] = lambda *args: np.zeros((3, 4))
    try:
        with pytest.raises(AssertionError, match="elman_step: failed"):
            check("elman_step")
    finally:
        del globals()["elman_step"]


def test_require_right_raises_only_under_nbgrader_and_only_assertion_error(monkeypatch, capsys):
    from coursekit.checks import require_right

    require_right("shape_of_w_xh")  # outside nbgrader: silent, so that an exercise runs top to bottom
    answer("shape_of_w_xh", (2, 4))
    require_right("shape_of_w_xh")
    assert "Traceback" not in said(capsys)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    answer("shape_of_w_xh", (2, 4))  # the answer cell itself never raises; the graded cell after it does
    with pytest.raises(AssertionError, match="shape_of_w_xh: not right — .*transpose"):
        require_right("shape_of_w_xh")
    answer("shape_of_w_xh", (4, 2))
    require_right("shape_of_w_xh")
    answer("shape_of_w_xh", ...)  # the last answer counts
    with pytest.raises(AssertionError, match="shape_of_w_xh: not attempted"):
        require_right("shape_of_w_xh")
    for nonsense in ("no_such_question", None, 3):
        with pytest.raises(AssertionError):
            require_right(nonsense)
