"""`coursekit release solutions/ exercises/`: write the learner's notebooks from the solutions.

Solution regions become `# YOUR CODE HERE` + `raise NotImplementedError()` (quiz answers become
`answer("id", ...)`), hidden tests disappear, outputs are cleared, metadata are kept, and cells get
the lock flags and checksums that `nbgrader generate_assignment` gives them. The result depends only on the
solution files, so a re-run writes the same bytes and `--check` can tell a stale exercise.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import nbformat

from .cells import NotebookError, check_grade_ids, read_notebook, role, strip_hidden_tests, strip_solutions


def lock(cell) -> None:
    """What nbgrader's LockCells does: an answer cell cannot be deleted; a graded or locked cell can be
    neither deleted nor edited (JupyterLab honours both flags)."""
    cell_role = role(cell)
    if cell_role.solution:
        cell.metadata["deletable"] = False
    elif cell_role.grade or cell_role.locked:
        cell.metadata["deletable"] = False
        cell.metadata["editable"] = False


def checksum(cell) -> str:
    """nbgrader's checksum of a cell (nbgrader.utils.compute_checksum), which `nbgrader validate` and
    its autograder compare with; a locked cell is one that is not an answer cell."""
    cell_role = role(cell)
    locked = not cell_role.solution and (cell_role.grade or cell_role.locked)
    parts = [
        cell.source,
        cell.cell_type,
        str(cell_role.grade),
        str(cell_role.solution),
        str(locked),
        cell_role.grade_id,
    ]
    if cell_role.grade:
        parts.append(str(float(cell.metadata["nbgrader"]["points"])))
    return hashlib.md5("".join(parts).encode("utf-8")).hexdigest()


def release_notebook(solution, lock_cells: bool = False):
    """The exercise made from one solution notebook (a new NotebookNode); with lock_cells, the cells
    carry nbgrader's lock flags and checksums, as `nbgrader generate_assignment` writes them."""
    exercise = copy.deepcopy(solution)
    name = solution.metadata.get("name", "notebook")
    for index, cell in enumerate(exercise.cells):
        where = f"{name}, cell {index}"
        if lock_cells:
            lock(cell)
        if cell.cell_type == "code":
            cell.source = strip_hidden_tests(cell.source, where)
            if role(cell).solution:
                cell.source = strip_solutions(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        elif role(cell).solution:
            cell.source = strip_solutions(cell.source, where)
        cell_role = role(cell)
        if lock_cells and (cell_role.solution or cell_role.grade or cell_role.locked):
            cell.metadata.nbgrader["checksum"] = checksum(cell)
            cell.metadata.nbgrader["cell_type"] = cell.cell_type
    exercise.metadata.pop("widgets", None)
    return exercise


def render(notebook) -> str:
    return nbformat.writes(notebook) + "\n"


def release(source: Path, target: Path) -> dict[Path, str]:
    """{exercise path: notebook text} for every solution notebook in source (nothing written)."""
    source, target = Path(source), Path(target)
    if not source.is_dir():
        raise NotebookError(f"{source} is not a folder of solution notebooks")
    released = {}
    for path in sorted(source.glob("*.ipynb")):
        solution = read_notebook(path)
        check_grade_ids(solution, path.name)
        solution.metadata["name"] = path.name
        exercise = release_notebook(solution, lock_cells=True)
        del exercise.metadata["name"]
        released[target / path.name] = render(exercise)
    if not released:
        raise NotebookError(f"{source} holds no .ipynb files")
    return released


def write_release(source: Path, target: Path) -> list[Path]:
    """Write the exercises; returns the files that changed."""
    changed = []
    for path, text in release(source, target).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def stale_exercises(source: Path, target: Path) -> list[str]:
    """What `release --check` reports: exercises that differ from a fresh release, or are extra."""
    released = release(source, target)
    problems = [
        f"{path} is out of date" if path.exists() else f"{path} is missing"
        for path, text in released.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    for path in sorted(Path(target).glob("*.ipynb")):
        if path not in released:
            problems.append(f"{path} has no solution in {source}")
    return problems
