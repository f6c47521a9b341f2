"""Grading real notebooks through the real sandbox: the pipeline, and submissions that misbehave.

Every submission here is the released exercise or the solution with some cells changed, graded
by `coursekit grade` with the learner's code in bubblewrap; each must get the right score, with a
reason. The deliberate attacks are in test_grading_attacks_*.py.
"""

import copy
import json
import re
import subprocess
import sys
from dataclasses import replace

import nbformat
import pytest
from grading_helpers import (
    FULL,
    NOTEBOOK,
    OPTIONS,
    RIGHT_ELMAN,
    ROOT,
    SLOW_CELL,
    SOLUTIONS,
    grade,
    needs_sandbox,
    points,
    right_jordan,
    solution,
    with_cells,
    words,
    write,
)

from coursekit.grading.batch import grade_all
from coursekit.grading.cells import role
from coursekit.grading.grade import grade_submission
from coursekit.grading.release import release, stale_exercises


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("submissions")


# ---- the pipeline: solutions -> release -> exercises -> grade -------------------------------
def test_released_exercises_are_up_to_date():
    assert stale_exercises(SOLUTIONS, ROOT / "exercises") == []


def test_release_check_command_fails_on_a_stale_exercise(tmp_path):
    target = tmp_path / "exercises"
    subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "release", str(SOLUTIONS), str(target)], check=True
    )
    first = (target / NOTEBOOK).read_bytes()
    subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "release", str(SOLUTIONS), str(target)], check=True
    )
    assert (target / NOTEBOOK).read_bytes() == first  # byte-identical on a re-run
    (target / NOTEBOOK).write_text((target / NOTEBOOK).read_text().replace("YOUR CODE HERE", "edited"))
    result = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "release", "--check", str(SOLUTIONS), str(target)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "out of date" in result.stdout


def test_release_strips_solutions_and_hidden_tests_and_outputs(tmp_path):
    text = release(SOLUTIONS, tmp_path)[tmp_path / NOTEBOOK]
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "check_hidden" not in text
    assert "np.tanh(x_t @ W_xh.T" not in text and '"b")' not in text  # no answers in the exercise
    exercise = nbformat.reads(text, as_version=4)
    assert all(
        not c.get("outputs") and c.get("execution_count") is None
        for c in exercise.cells
        if c.cell_type == "code"
    )
    assert [role(c) for c in exercise.cells] == [role(c) for c in solution().cells]  # metadata kept


pytestmark = needs_sandbox


# ---- files that are not (good) notebooks ----------------------------------------------------
@pytest.mark.parametrize(
    "content,reason",
    [
        (b'{"cells": [', "not valid notebook JSON"),
        (
            json.dumps({"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}).encode(),
            "format 3",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a notebook"),
        (b'{"hello": "world"}', "not a Jupyter notebook"),
    ],
)
def test_unreadable_files_get_a_row_with_the_reason(tmp_path, content, reason):
    path = tmp_path / "broken.ipynb"
    path.write_bytes(content)
    result = grade(path)
    assert reason in result.error and result.score == 0


# ---- cells that are missing, doubled, renamed, or edited -----------------------------------
def test_duplicate_answer_cell_grades_the_first_copy(folder):
    notebook = solution()
    index = next(i for i, c in enumerate(notebook.cells) if role(c).grade_id == "elman_step_answer")
    wrong = copy.deepcopy(notebook.cells[index])
    wrong.id = "duplicate-answer"
    wrong.source = "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return x_t"
    notebook.cells.insert(index, wrong)
    result = grade(write(folder, "duplicate.ipynb", notebook))
    assert points(result)["elman_step"] == 0 and result.score == FULL - 2
    assert any("appears 2 times" in note for note in result.notes)


def test_deleted_answer_cell_scores_zero_for_that_question(folder):
    notebook = solution()
    notebook.cells = [c for c in notebook.cells if role(c).grade_id != "jordan_step_answer"]
    result = grade(write(folder, "deleted.ipynb", notebook))
    assert points(result) == {
        "elman_step": 2,
        "jordan_step": 0,
        "which_form_remembers_more": 1,
        "shape_of_w_xh": 1,
    }
    assert any("'jordan_step_answer' is missing" in note for note in result.notes)


def test_answer_cell_without_grade_id_is_not_graded(folder):
    notebook = solution()
    for cell in notebook.cells:
        if role(cell).grade_id == "elman_step_answer":
            del cell.metadata["nbgrader"]
    result = grade(write(folder, "no_grade_id.ipynb", notebook))
    assert points(result)["elman_step"] == 0 and result.score == FULL - 2


def test_renamed_function_is_not_attempted_with_a_reason(folder):
    notebook = with_cells(
        solution(), elman_step_answer=RIGHT_ELMAN.replace("def elman_step", "def my_elman_step")
    )
    result = grade(write(folder, "renamed.ipynb", notebook))
    assert result.questions["elman_step"].status == "not attempted"
    assert "no function named `elman_step`" in result.questions["elman_step"].message


def test_edited_and_deleted_check_cells_change_nothing(folder):
    notebook = with_cells(
        solution(),
        elman_step="print('✓ elman_step: public checks passed')",
        jordan_step_answer="def jordan_step(*args):\n    raise NotImplementedError()",
    )
    notebook.cells = [
        c for c in notebook.cells if role(c).grade_id != "jordan_step"
    ]  # the check cell, deleted
    result = grade(write(folder, "edited_checks.ipynb", notebook))
    assert points(result)["elman_step"] == 2 and points(result)["jordan_step"] == 0


def test_added_cells_are_ignored(folder):
    notebook = solution()
    notebook.cells.append(nbformat.v4.new_code_cell("def elman_step(*args):\n    return 0"))
    result = grade(write(folder, "added.ipynb", notebook))
    assert result.score == FULL


# ---- answers that misbehave -----------------------------------------------------------------
@pytest.mark.parametrize(
    "body,status,said",
    [
        ("raise ValueError('oops')", "failed", "raised ValueError (run check"),
        ("return np.zeros((2, 2))", "failed", "has the wrong shape; expected (3, 4)"),
        ("return np.full((x_t.shape[0], W_hh.shape[0]), np.nan)", "failed", "NaN"),
        (
            "h_prev += 1\n    return np.tanh(x_t @ W_xh.T + (h_prev - 1) @ W_hh.T + b)",
            "failed",
            "changed its input `h_prev`",
        ),
        ("return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)", "failed", "the bias b is missing"),
        (
            "h = np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)",
            "failed",
            "returned None: did you forget `return`?",
        ),
        (
            "return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b), h_prev",
            "failed",
            "returned 2 value(s); it should return 1",
        ),
    ],
)
def test_bad_answers_fail_with_a_message(folder, body, status, said):
    source = f"def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    {body}"
    result = grade(
        write(
            folder, f"bad_{abs(hash(body)) % 10**6}.ipynb", with_cells(solution(), elman_step_answer=source)
        )
    )
    question = result.questions["elman_step"]
    assert question.points == 0 and question.status == status and said in question.message, question
    assert "oops" not in question.message  # the learner's own words never reach the feedback
    assert result.score == FULL - 2  # the other questions are untouched


def test_feedback_shows_hidden_inputs_only_when_asked(folder, tmp_path):
    from dataclasses import replace

    from coursekit.grading.gradebook import feedback_markdown

    source = (
        "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n"
        "    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T) if len(x_t) == 3 else 0 * x_t"
    )
    path = write(folder, "hidden_inputs.ipynb", with_cells(solution(), elman_step_answer=source))
    quiet, shown = grade(path), grade_submission(path, replace(OPTIONS, show_hidden=True))
    assert "x_t = " not in feedback_markdown(quiet)
    assert "The inputs of that check" in feedback_markdown(shown) and "x_t = " in feedback_markdown(shown)
    assert "received" not in quiet.questions["elman_step"].message  # no values without --show-hidden
    assert not re.search(r"\d\.\d", quiet.questions["elman_step"].message)
    assert "received" in shown.questions["elman_step"].message


def test_hard_coded_public_example_fails_the_hidden_checks(folder):
    from coursekit.checks.recurrent_neuron import QUESTIONS

    case = QUESTIONS["elman_step"].public_cases()[0]
    (expected,) = QUESTIONS["elman_step"].reference(**case.inputs)
    source = f"def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return np.array({expected.tolist()})"
    result = grade(write(folder, "hard_coded.ipynb", with_cells(solution(), elman_step_answer=source)))
    question = result.questions["elman_step"]
    assert question.points == 0 and "hidden case" in question.message


# ---- answers that attack the grader ---------------------------------------------------------
@pytest.mark.parametrize(
    "name,prefix,note",
    [
        ("infinite_loop", "while True:\n    pass\n", "longer than"),
        ("sleep", "import time\ntime.sleep(60)\n", "longer than"),
        ("sys_exit", "import sys\nsys.exit()\n", None),
        ("os_exit", "import os\nos._exit(1)\n", "its process ended (exit code 1)"),
        ("segfault", "import ctypes\nctypes.string_at(0)\n", "SIGSEGV"),
        ("huge_allocation", "big = np.ones(50 * 10**9 // 8)\n", "MemoryError"),
    ],
)
def test_attacks_in_one_answer_cost_only_that_question(folder, name, prefix, note):
    """The attack sits before a right answer to jordan_step: only that question may suffer."""
    source = prefix + right_jordan()
    result = grade(write(folder, f"{name}.ipynb", with_cells(solution(), jordan_step_answer=source)))
    assert result.error == ""
    others = {gid: p for gid, p in points(result).items() if gid != "jordan_step"}
    assert others == {"elman_step": 2, "which_form_remembers_more": 1, "shape_of_w_xh": 1}, result
    assert points(result)["jordan_step"] == 0
    if note:
        assert note in words(result), result


def test_printing_fake_passed_lines_earns_nothing(folder):
    source = (
        "def jordan_step(*args):\n    raise NotImplementedError()\n"
        "print('✓ jordan_step: public checks passed (2 points).')\nprint('Score: 6/6')"
    )
    result = grade(write(folder, "fake_lines.ipynb", with_cells(solution(), jordan_step_answer=source)))
    assert points(result)["jordan_step"] == 0 and result.score == FULL - 2


def test_redefining_check_changes_nothing(folder):
    source = "def check(*args):\n    print('✓ passed')\n\ndef elman_step(*args):\n    return 0"
    result = grade(write(folder, "redefine_check.ipynb", with_cells(solution(), elman_step_answer=source)))
    assert points(result)["elman_step"] == 0 and result.score == FULL - 2


def test_coursekit_is_not_in_the_sandbox(folder):
    source = (
        "import coursekit.checks.core as core\n"
        "core.FunctionQuestion.run = lambda self, ns, case: None\n" + RIGHT_ELMAN
    )
    result = grade(write(folder, "patch.ipynb", with_cells(solution(), elman_step_answer=source)))
    assert points(result)["elman_step"] == 0 and result.score == FULL - 2
    assert "answer cell 'elman_step_answer' stopped with ModuleNotFoundError" in words(result)


def test_200_mb_of_output_stops_that_cell_and_grading_goes_on(folder):
    source = "for _ in range(200):\n    print('x' * 10**6)\n" + RIGHT_ELMAN
    result = grade(write(folder, "big_output.ipynb", with_cells(solution(), elman_step_answer=source)))
    assert points(result)["elman_step"] == 0 and result.score == FULL - 2
    assert "it printed more than 1 MB" in words(result)
    assert len(result.output) <= 65536  # the grader keeps only the start of it


# ---- the batch -----------------------------------------------------------------------------
def test_batch_grades_everything_in_parallel_and_never_writes_submissions(folder, tmp_path):
    batch = tmp_path / "batch"
    (batch / "carol").mkdir(parents=True)
    write(batch / "carol", NOTEBOOK, solution())
    write(batch, "dave.ipynb", with_cells(solution(), elman_step_answer="while True:\n    pass"))
    (batch / "erin.ipynb").write_text("{ not json")
    (batch / "notes.txt").write_text("not a submission")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in batch.rglob("*") if p.is_file()}

    results, skipped = grade_all([batch], OPTIONS, tmp_path / "out", workers=2, progress=False)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in batch.rglob("*") if p.is_file()} == before
    by_student = {r.student: r for r in results}
    assert by_student["carol"].score == FULL
    assert by_student["dave"].score == FULL - 2
    assert "not valid notebook JSON" in by_student["erin"].error
    assert any("notes.txt" in s for s in skipped)
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text().splitlines()
    assert gradebook[0].startswith("student,score,max_score,elman_step,jordan_step")
    assert len(gradebook) == 4
    (feedback,) = (tmp_path / "out" / "feedback").glob("dave__dave__*.md")
    assert "Score: 4 / 6" in feedback.read_text() and "check\\_hidden" not in feedback.read_text()
    (record,) = (tmp_path / "out" / "records").glob("carol__02_recurrent_neuron__*.json")
    assert json.loads(record.read_text())["score"] == FULL


def test_grade_help_prints_the_limits():
    result = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "grade", "--help"], capture_output=True, text=True
    )
    assert "default: 60" in result.stdout and "default: 2048" in result.stdout and "--secret" in result.stdout


def test_a_submission_that_sleeps_in_every_call_is_stopped_by_its_time_budget(folder):
    # Each call stays under the per-call limit (3 s), but the submission's total budget (4 s) runs out.
    source = "import time\n\n" + RIGHT_ELMAN.replace("    return", "    time.sleep(1.5)\n    return")
    limits = replace(OPTIONS.limits, cell_seconds=3, submission_seconds=4)
    result = grade(
        write(folder, "slow.ipynb", with_cells(solution(), elman_step_answer=source)), limits=limits
    )
    assert result.error == "" and points(result)["elman_step"] == 0 and result.seconds < 8
    assert "the submission used up its 4 s" in words(result), words(result)


def test_memory_used_by_a_cell_stops_that_cell_with_the_reason(folder):
    # The cgroup's limit on the whole submission (600 MB here) stops a cell that fills 800 MB; the rest is graded.
    source = "big = np.ones(8 * 10**8 // 8)\n" + right_jordan()
    limits = replace(OPTIONS.limits, memory_mb=600, cell_seconds=SLOW_CELL)
    result = grade(
        write(folder, "touched.ipynb", with_cells(solution(), jordan_step_answer=source)), limits=limits
    )
    assert points(result) == {
        "elman_step": 2,
        "jordan_step": 0,
        "which_form_remembers_more": 1,
        "shape_of_w_xh": 1,
    }
    assert "more than 600 MB of memory" in words(result), words(result)


@needs_sandbox
def test_a_submission_made_before_the_quiz_split_is_graded_the_same(tmp_path):
    # Exercises released before quiz questions had their own graded cell: the quiz cell was the answer
    # cell and carried the question's grade_id. Its answer still counts.
    old = solution()
    old.cells = [c for c in old.cells if not (role(c).grade and "require_right" in c.source)]
    for cell in old.cells:
        if role(cell).solution and role(cell).grade_id in (
            "shape_of_w_xh_answer",
            "which_form_remembers_more_answer",
        ):
            cell.metadata.nbgrader.update(
                grade_id=role(cell).grade_id[: -len("_answer")], grade=True, points=1
            )
    old = with_cells(old, shape_of_w_xh='answer("shape_of_w_xh", (2, 4))')
    result = grade(write(tmp_path, NOTEBOOK, old))
    assert points(result) == {
        "elman_step": 2,
        "jordan_step": 2,
        "which_form_remembers_more": 1,
        "shape_of_w_xh": 0,
    }


@pytest.mark.parametrize(
    "given,words",
    [
        ("(2, 4)", "that is the transpose"),  # a wrong answer the question foresaw: its words
        ("(9, 9)", "not right"),  # one nobody foresaw (no stored words) is still wrong
    ],
)
def test_a_wrong_quiz_answer_gets_nothing_with_or_without_feedback(tmp_path, given, words):
    result = grade(
        write(tmp_path, NOTEBOOK, with_cells(shape_of_w_xh_answer=f'answer("shape_of_w_xh", {given})'))
    )
    verdict = result.questions["shape_of_w_xh"]
    assert (verdict.points, verdict.status) == (0, "failed") and words in verdict.message, verdict
