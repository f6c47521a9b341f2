"""Building submissions for the grading tests: the solution of exercise 02 with some cells changed.

Every grading test grades real notebooks through the real sandbox (bubblewrap); where bubblewrap
cannot run here, `needs_sandbox` skips with the reason.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from coursekit.grading.cells import role
from coursekit.grading.grade import GradeOptions, grade_submission
from coursekit.grading.limits import Limits
from coursekit.grading.sandbox import bubblewrap, bubblewrap_problem

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
NOTEBOOK = "02_recurrent_neuron.ipynb"
FULL = 6.0  # 2 + 2 points for the functions, 1 + 1 for the quiz questions
RIGHT_ELMAN = (
    "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)"
)
WRONG_ELMAN = (
    "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)"
)
LIMITS = Limits(cell_seconds=3, memory_mb=1500, output_mb=1.0)  # 3 s: the timeout tests wait that long
SLOW_CELL = (
    30  # seconds for the cells that move hundreds of MB on purpose, so that a loaded machine passes too
)
OPTIONS = GradeOptions(source=SOLUTIONS, limits=LIMITS, seed=7)

needs_sandbox = pytest.mark.skipif(
    bubblewrap() is None, reason=f"no sandbox here: {bubblewrap_problem()}" if bubblewrap() is None else ""
)


def solution():
    return nbformat.read(SOLUTIONS / NOTEBOOK, as_version=4)


def right_jordan() -> str:
    source = next(c.source for c in solution().cells if role(c).grade_id == "jordan_step_answer")
    return source.replace("    ### BEGIN SOLUTION\n", "").replace("    ### END SOLUTION", "")


def with_cells(base=None, **sources):
    """A copy of base (the solution by default) where the cells with these grade_ids have new sources."""
    notebook = copy.deepcopy(base if base is not None else solution())
    found = set()
    for cell in notebook.cells:
        if role(cell).grade_id in sources:
            cell.source = sources[role(cell).grade_id]
            found.add(role(cell).grade_id)
    missing = set(sources) - found
    assert not missing, f"no cell has the grade_id {sorted(missing)} (a quiz's answer cell is <id>_answer)"
    return notebook


def write(folder: Path, name: str, notebook) -> Path:
    path = Path(folder) / name
    nbformat.write(notebook, path)
    return path


def grade(path: Path, **changes):
    """Grade one file with OPTIONS, changed where asked (isolated=False, secret=..., limits=...)."""
    return grade_submission(path, replace(OPTIONS, **changes))


def points(result) -> dict:
    return {gid: q.points for gid, q in result.questions.items()}


def words(result) -> str:
    """Everything the grader said about a submission, for asserting on."""
    return "\n".join(result.notes + [result.error] + [q.message for q in result.questions.values()])
