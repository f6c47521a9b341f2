"""Every exercise notebook, through the real pipeline: the solution gets full marks, the
released exercise gets zero with every question "not attempted", and runs top to bottom."""

from pathlib import Path

import nbformat
import pytest
from grading_helpers import needs_sandbox
from nbclient import NotebookClient

from coursekit.checks.registry import questions_of
from coursekit.grading.grade import GradeOptions, grade_submission
from coursekit.grading.limits import Limits

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
OPTIONS = GradeOptions(source=ROOT / "solutions", limits=Limits(cell_seconds=300), secret="tests", seed=11)


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_every_question_of_the_solution_has_a_check(solution):
    from coursekit.grading.cells import role

    graded = {role(c).grade_id for c in nbformat.read(solution, 4).cells if role(c).grade}
    assert graded and graded == set(questions_of(solution.name))


@needs_sandbox
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_gets_full_marks(solution):
    result = grade_submission(solution, OPTIONS)
    assert result.error == "" and result.max_score > 0, result
    assert result.score == result.max_score, {g: (q.status, q.message) for g, q in result.questions.items()}


@needs_sandbox
@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_exercise_scores_zero_and_runs_top_to_bottom(solution):
    exercise = ROOT / "exercises" / solution.name
    result = grade_submission(exercise, OPTIONS)
    assert result.score == 0 and {q.status for q in result.questions.values()} == {"not attempted"}, result
    notebook = nbformat.read(exercise, as_version=4)
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(exercise.parent)}}
    ).execute()  # raises on any error
    printed = "".join(
        o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
    )
    assert printed.count("not attempted") >= len(questions_of(solution.name))
