"""Instant feedback for learners: check(), answer(), quiz() and progress().

    from coursekit.checks import check, answer, progress
    check("elman_step")            # runs the public checks of that question on your function
    answer("dims_w_r", (7, 7))     # answers a quiz question, with feedback
    progress()                     # this notebook's questions, points and status
    check_yourself("07_vanishing_exploding.ipynb")  # a lesson's closing questions (not graded)

A failing check prints what is wrong and never raises, so an exercise notebook always runs
top to bottom. Passing means the *public* checks passed; hidden checks run at grading.
"""
from __future__ import annotations

import inspect
import os
from pathlib import Path

from ..quiz import AnswerFormatError, QuizQuestion
from .core import FAILED, NOT_ATTEMPTED, PASSED, Verdict
from .registry import all_questions, lesson_names, lesson_questions, notebooks, question, questions_of

_status: dict[str, Verdict] = {}  # grade_id -> the last verdict in this kernel
_answers: dict[str, str] = {}  # grade_id -> canonical text of the last quiz answer
_SYMBOL = {PASSED: "✓", FAILED: "✗", NOT_ATTEMPTED: "…"}


def _learner_namespace(depth: int = 2) -> dict:
    """The notebook's variables: IPython's user namespace, or the caller's globals."""
    try:
        from IPython import get_ipython
        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None:
        return shell.user_ns
    frame = inspect.stack()[depth].frame
    return frame.f_globals


def _report(grade_id: str, points: float, verdict: Verdict) -> None:
    _status[grade_id] = verdict
    if verdict.status == PASSED:
        print(f"✓ {grade_id}: public checks passed ({points:g} point{'s' if points != 1 else ''}). "
              + (f"{verdict.message[0].upper()}{verdict.message[1:]}. " if verdict.message else "")
              + "Hidden checks run when your work is graded.")
    else:
        print(f"{_SYMBOL[verdict.status]} {grade_id}: {verdict.status} — {verdict.message}")
    if verdict.status != PASSED and os.environ.get("NBGRADER_EXECUTION"):
        raise AssertionError(f"{grade_id}: {verdict.status} — {verdict.message}")  # nbgrader scores by errors


def check(grade_id: str) -> None:
    """Run the public checks of one question on your work in this notebook and say how it went."""
    try:
        q = question(grade_id)
    except KeyError:
        print(f"✗ there is no question named {grade_id!r}; the questions are: {', '.join(sorted(all_questions()))}")
        return
    if isinstance(q, QuizQuestion):
        text = _answers.get(grade_id)
        verdict = (Verdict(NOT_ATTEMPTED, f'answer it first, e.g. answer("{grade_id}", ...)') if text is None
                   else Verdict(PASSED) if q.is_right(text) else Verdict(FAILED, "your answer is not right yet"))
    else:
        try:
            verdict = q.check_cases(_learner_namespace(), q.public_cases())
        except (Exception, SystemExit) as error:  # never let a learner's bug crash the notebook
            verdict = Verdict(FAILED, f"the check could not run your code: {type(error).__name__}: {error}")
    _report(grade_id, q.points, verdict)


def check_hidden(grade_id: str, seed: int = 0) -> None:
    """Run a question's hidden cases here (for instructors, and for nbgrader's autograder)."""
    q = question(grade_id)
    if isinstance(q, QuizQuestion):
        return check(grade_id)
    verdict = q.check_cases(_learner_namespace(), q.hidden_cases(seed))
    print(f"{_SYMBOL[verdict.status]} {grade_id}: hidden checks {verdict.status}" +
          (f" — {verdict.message}" if verdict.message else ""))
    if verdict.status != PASSED and os.environ.get("NBGRADER_EXECUTION"):
        raise AssertionError(f"{grade_id}: hidden checks {verdict.status} — {verdict.message}")


def answer(grade_id: str, value) -> None:
    """Answer a quiz question; prints whether it is right, and feedback when it is not."""
    try:
        q = question(grade_id)
    except KeyError:
        print(f"✗ there is no quiz question named {grade_id!r}")
        return
    if not isinstance(q, QuizQuestion):
        print(f"✗ {grade_id!r} is a coding question: use check({grade_id!r}) after writing the function")
        return
    if value is ...:
        _report(grade_id, q.points, Verdict(NOT_ATTEMPTED, "replace ... with your answer"))
        return
    try:
        text = q.canonical(value)
    except AnswerFormatError as error:
        print(f"✗ {grade_id}: {error}")
        return
    _answers[grade_id] = text
    if q.is_right(text):
        _status[grade_id] = Verdict(PASSED)
        explanation = q.explanation_for(text)
        print(f"✓ {grade_id}: right." + (f" {explanation}" if explanation else ""))
    else:
        hint = q.feedback_for(text) or "not right yet; read the question again and retry."
        _report(grade_id, q.points, Verdict(FAILED, hint))


_HOW = {"choice": "one letter, e.g. answer(id, 'a')", "multiple": "a list of letters, e.g. answer(id, ['a', 'c'])",
        "number": "a number", "shape": "a shape, e.g. answer(id, (7, 64))"}


def check_yourself(lesson: str) -> None:
    """Print a lesson's closing questions; the learner answers each with answer() or quiz()."""
    questions = lesson_questions(lesson)
    if not questions:
        print(f"{lesson!r} has no Check-yourself questions; the lessons that have them: {', '.join(lesson_names())}")
        return
    print("Not graded. Answer each question in the cells below with answer(id, your answer),")
    print("or run quiz(id) to answer with buttons. A wrong answer tells you what it misses.")
    for number, (grade_id, q) in enumerate(questions.items(), start=1):
        print(f"\n{number}. [{grade_id}] {q.prompt}")
        for letter, text in q.options.items():
            print(f"   {letter}) {text}")
        print(f"   Answer with {_HOW[q.kind]}.")


def quiz(grade_id: str) -> None:
    """Show the question as a JupyterLab widget (buttons or a text box) that calls answer()."""
    from IPython.display import display

    display(quiz_widget(grade_id))


def quiz_widget(grade_id: str):
    """The widget quiz() shows: prompt, choices or a text box, an Answer button, the feedback."""
    import ipywidgets as widgets

    q = question(grade_id)
    if q.kind == "choice":
        field = widgets.RadioButtons(options=[(f"{k}) {v}", k) for k, v in q.options.items()], value=None)
    elif q.kind == "multiple":
        field = widgets.SelectMultiple(options=[(f"{k}) {v}", k) for k, v in q.options.items()])
    else:
        field = widgets.Text(placeholder="e.g. (7, 64)" if q.kind == "shape" else "a number")
    button, out = widgets.Button(description="Answer"), widgets.Output()

    def submit(_):
        value = field.value
        if q.kind in ("shape", "number") and isinstance(value, str):
            parts = [p for p in value.replace("(", " ").replace(")", " ").replace(",", " ").split() if p]
            try:
                value = tuple(int(p) for p in parts) if q.kind == "shape" else float(parts[0])
            except (ValueError, IndexError):
                value = value  # answer() explains the expected format
        out.clear_output()
        with out:
            answer(grade_id, value)

    button.on_click(submit)
    return widgets.VBox([widgets.HTML(f"<b>{grade_id}</b>: {q.prompt}"), field, button, out])


def _current_notebook() -> str | None:
    seen = {q.notebook for gid in list(_status) + list(_answers) for q in [question(gid)]}
    if len(seen) == 1:
        return seen.pop()
    session = _learner_namespace(3).get("__session__")  # JupyterLab tells the kernel its notebook
    return Path(session).name if session else None


def progress(notebook: str | None = None) -> None:
    """A table of the notebook's questions: points and status in this session."""
    notebook = notebook or _current_notebook()
    questions = questions_of(notebook) if notebook else {}
    if not questions:
        print(f"progress() shows the questions of one exercise notebook; name one of: {', '.join(notebooks())}")
        return
    width = max(len(g) for g in questions)
    print(f"{'question':<{width}}  points  status")
    earned = total = 0.0
    for grade_id, q in questions.items():
        verdict = _status.get(grade_id)
        status = "not checked yet" if verdict is None else verdict.status
        total += q.points
        earned += q.points if status == PASSED else 0
        print(f"{grade_id:<{width}}  {q.points:>6g}  {_SYMBOL.get(status, ' ')} {status}")
    print(f"public checks passed: {earned:g} of {total:g} points")
