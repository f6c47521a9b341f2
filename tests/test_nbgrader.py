"""The course's files with the real nbgrader: one course, one assignment of all twelve notebooks.

solutions/ become source/rnn/ of a temporary nbgrader course with the course's nbgrader_config.py
(tools/); then `nbgrader validate`, `generate_assignment`, `autograde` of three students ("solution"
submits the solutions, "untouched" three notebooks of the release as they are, "mixed" exercise 02 half
right) and `export`, each one command. The scores nbgrader gives are compared, notebook by notebook,
with `coursekit grade`'s for the same files. Run with -s to see the table.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("nbgrader")

from grading_helpers import NOTEBOOK, OPTIONS, ROOT, SOLUTIONS, WRONG_ELMAN, needs_sandbox, with_cells, write  # noqa: E402,E501

from coursekit.checks.registry import questions_of  # noqa: E402
from coursekit.grading.grade import grade_submission  # noqa: E402
from coursekit.grading.sandbox import bubblewrap  # noqa: E402

ASSIGNMENT = "rnn"
NOTEBOOKS = sorted(path.name for path in SOLUTIONS.glob("*.ipynb"))
BIN = Path(sys.executable).parent
# The solution student's autograde runs every solution (full marks are what validate would say); validate
# itself runs on two (one with functions and quizzes, one with the BPTT functions) to show that it reads the
# course's metadata, and the untouched release is handed in for three (a plain one, BPTT, a training one):
# every notebook run costs a kernel and torch's import, and coursekit grades all twelve releases anyway.
VALIDATED = ["02_recurrent_neuron.ipynb", "06_bptt.ipynb"]
UNTOUCHED = ["02_recurrent_neuron.ipynb", "06_bptt.ipynb", "11_text_generation.ipynb"]
# a third student hands in exercise 02 only: a wrong elman_step and a wrong quiz answer, the rest right
MIXED, MIXED_CELLS, MIXED_POINTS = (
    NOTEBOOK,
    {"elman_step_answer": WRONG_ELMAN, "shape_of_w_xh_answer": 'answer("shape_of_w_xh", (2, 4))'},
    3,
)
STARTED: list[subprocess.Popen] = []  # stopped, with their kernels, if the fixture fails half-way
SUBMISSIONS = (
    [("solution", name) for name in NOTEBOOKS]
    + [("untouched", name) for name in UNTOUCHED]
    + [("mixed", MIXED)]
)


def nbgrader(course: Path, *args: str) -> subprocess.Popen:
    """`nbgrader ARGS` started in the course folder, with this checkout's coursekit; see finish()."""
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.pop("NBGRADER_EXECUTION", None)
    log = open(course / f"{args[0]}.log", "w+", encoding="utf-8")  # a file: a pipe nobody reads could fill up
    command = subprocess.Popen(
        [str(BIN / "nbgrader"), *args],
        cwd=course,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    command.log = log
    STARTED.append(command)
    return command


def finish(command: subprocess.Popen) -> str:
    command.wait(timeout=900)
    command.log.seek(0)
    log = command.log.read()
    command.log.close()
    assert command.returncode == 0, f"{' '.join(command.args[1:])} failed:\n{log[-6000:]}"
    assert "Exception while loading config file" not in log, log[-6000:]  # nbgrader only logs a bad config
    assert "Traceback" not in log, log[-6000:]
    return log


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """The course folder, nbgrader's logs, and coursekit's results {(student, notebook): SubmissionResult}.

    Three things run at once, each notebook once per kind: nbgrader validate (the solutions),
    generate_assignment then autograde (both students), and coursekit grading the same submissions."""
    course = tmp_path_factory.mktemp("nbgrader_course")
    shutil.copy(ROOT / "tools" / "nbgrader_config.py", course / "nbgrader_config.py")
    source = course / "source" / ASSIGNMENT
    shutil.copytree(SOLUTIONS, source, ignore=shutil.ignore_patterns(".*"))
    try:
        return _run_course(course, source)
    finally:
        for command in STARTED:
            if command.poll() is None:
                os.killpg(command.pid, signal.SIGKILL)
                command.wait()


def _run_course(course: Path, source: Path):
    began, seconds, logs = time.perf_counter(), {}, {}
    validate = nbgrader(course, "validate", *[str(source / name) for name in VALIDATED])
    logs["generate_assignment"] = finish(nbgrader(course, "generate_assignment", ASSIGNMENT))
    shutil.copytree(
        source, course / "submitted" / "solution" / ASSIGNMENT, ignore=shutil.ignore_patterns(".*")
    )
    (course / "submitted" / "untouched" / ASSIGNMENT).mkdir(parents=True)
    for name in UNTOUCHED:
        shutil.copy(
            course / "release" / ASSIGNMENT / name, course / "submitted" / "untouched" / ASSIGNMENT / name
        )
    (course / "submitted" / "mixed" / ASSIGNMENT).mkdir(parents=True)
    write(course / "submitted" / "mixed" / ASSIGNMENT, MIXED, with_cells(**MIXED_CELLS))
    autograde = nbgrader(course, "autograde", ASSIGNMENT)
    ours = {}
    if bubblewrap() is not None:
        options = replace(OPTIONS, limits=replace(OPTIONS.limits, cell_seconds=120))
        # coursekit grades the solutions and the untouched releases, these very files, in tests/test_exercises.py
        # (full marks and zero; test_nbgrader_release_is_coursekit_release shows nbgrader's release is exercises/):
        # here it grades the submission that is neither
        ours["mixed", MIXED] = grade_submission(course / "submitted" / "mixed" / ASSIGNMENT / MIXED, options)
        seconds["coursekit grade"] = time.perf_counter() - began
    logs["autograde"] = finish(autograde)
    seconds["nbgrader autograde"] = time.perf_counter() - began
    logs["export"] = finish(nbgrader(course, "export", "--to", str(course / "grades.csv")))
    logs["validate"] = finish(validate)
    seconds["all"] = time.perf_counter() - began
    print("\n" + ", ".join(f"{what} done after {s:.0f} s" for what, s in seconds.items()))
    return course, logs, ours


@pytest.fixture(scope="module")
def scores(course):
    """{(student, notebook): (nbgrader's score, its max, whether it needs manual grading)}, from its gradebook."""
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(f"sqlite:///{course[0] / 'gradebook.db'}") as gradebook:
        for student, name in SUBMISSIONS:
            notebook = gradebook.find_submission_notebook(Path(name).stem, ASSIGNMENT, student)
            found[student, name] = (notebook.score, notebook.max_score, notebook.needs_manual_grade)
    return found


def test_update_accepts_every_solution_and_changes_nothing(tmp_path):
    folder = tmp_path / "solutions"
    shutil.copytree(SOLUTIONS, folder, ignore=shutil.ignore_patterns(".*"))
    finish(nbgrader(tmp_path, "update", str(folder)))
    assert all((folder / name).read_bytes() == (SOLUTIONS / name).read_bytes() for name in NOTEBOOKS)


def test_validate_passes_every_solution(course):
    log = course[1]["validate"]
    assert log.count("Success! Your notebook passes all the tests.") == len(VALIDATED), log[-6000:]


def test_nbgrader_release_is_coursekit_release(course):
    """generate_assignment (with the course's config) writes what `coursekit release` wrote in exercises/:
    the same cells, lock flags and checksums, and quiz cells that still say answer("id", ...)."""
    released = course[0] / "release" / ASSIGNMENT
    for name in NOTEBOOKS:
        theirs = json.loads((released / name).read_text(encoding="utf-8"))
        ours = json.loads((ROOT / "exercises" / name).read_text(encoding="utf-8"))
        theirs["metadata"].pop(
            "widgets", None
        )  # the solution's widget state: coursekit drops it with the outputs
        assert theirs == ours, name
    cells = json.loads((released / "02_recurrent_neuron.ipynb").read_text(encoding="utf-8"))["cells"]
    quiz = next(
        c for c in cells if c["metadata"].get("nbgrader", {}).get("grade_id") == "shape_of_w_xh_answer"
    )
    assert "".join(quiz["source"]) == 'answer("shape_of_w_xh", ...)  # replace ... with your answer'
    assert quiz["metadata"]["deletable"] is False


def test_export_has_full_marks_and_zero(course, scores):
    with open(course[0] / "grades.csv", newline="") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    total = sum(scores["solution", name][1] for name in NOTEBOOKS)
    assert float(rows["solution"]["score"]) == float(rows["solution"]["max_score"]) == total > 0
    assert float(rows["untouched"]["score"]) == 0
    for name in NOTEBOOKS:
        full, most, manual = scores["solution", name]
        assert (full, manual) == (most, False), name
    for name in UNTOUCHED:
        zero, _, manual = scores["untouched", name]
        assert (zero, manual) == (0, False), name


@needs_sandbox
def test_nbgrader_scores_equal_coursekit_grade(course, scores):
    table, wrong = [], []
    for student, name in SUBMISSIONS:
        theirs, most, manual = scores[student, name]
        expected = {"solution": most, "untouched": 0, "mixed": MIXED_POINTS}[student]
        if student == "mixed":
            ours = course[2][student, name]
            score, error = (ours.score, ours.max_score), f"{ours.error} {ours.notes}"
        else:  # what tests/test_exercises.py asserts coursekit gives these files: the bank's points, or zero
            bank = sum(q.points for q in questions_of(name).values())
            score, error = ((bank if student == "solution" else 0), bank), ""
        table.append(f"{name:<30} {student:<10} {theirs:>8g} {score[0]:>9g} {most:>4g}")
        if manual or (theirs, *score) != (expected, expected, most):
            wrong.append(
                f"{name} {student}: nbgrader {theirs}/{most} (manual {manual}), coursekit {score} {error}"
            )
    print("\nnotebook                       student    nbgrader coursekit  max\n" + "\n".join(table))
    assert not wrong, "\n".join(wrong)
