"""Reading course notebooks and the roles of their cells (nbgrader's metadata and markers).

A solution notebook marks
- the learner's part of a code cell with `### BEGIN SOLUTION` / `### END SOLUTION`, in a
  cell whose metadata says nbgrader.solution = true (an *answer cell*);
- tests that learners never see with `### BEGIN HIDDEN TESTS` / `### END HIDDEN TESTS`;
- a *graded cell* with nbgrader.grade = true, a grade_id and points.
The metadata follow nbgrader's schema version 3, so the same files work with nbgrader.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]


class NotebookError(ValueError):
    """A notebook that cannot be used, with a reason a person can act on."""


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a Jupyter notebook (format 4), or raise NotebookError saying what is wrong."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise NotebookError(f"cannot read {path}: {error.strerror}") from None
    return parse_notebook(raw, path)


def parse_notebook(raw: bytes, path: Path) -> nbformat.NotebookNode:
    """A notebook (format 4) from the bytes of a file, or NotebookError saying what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotebookError(f"{path.name} is not a notebook: it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise NotebookError(
            f"{path.name} is not valid notebook JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); was it edited outside Jupyter or cut short?"
        ) from None
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        raise NotebookError(f"{path.name} is JSON but not a Jupyter notebook (no cells)")
    if data.get("nbformat") != 4:
        raise NotebookError(
            f"{path.name} uses notebook format {data.get('nbformat')}; only format 4 can be graded: "
            "open it in Jupyter (version 4 or later) and save it again"
        )
    try:
        with warnings.catch_warnings():  # e.g. duplicate cell ids, which grading does not care about
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(raw.decode("utf-8"), as_version=4)
            nbformat.validate(notebook)
    except Exception as error:  # nbformat raises several kinds; all mean "malformed"
        raise NotebookError(
            f"{path.name} is not a valid format-4 notebook: {str(error).splitlines()[0]}"
        ) from None
    return notebook


@dataclass(frozen=True)
class CellRole:
    grade_id: str | None
    solution: bool  # the learner writes (part of) this cell
    grade: bool  # this cell carries points
    locked: bool
    points: float


def role(cell) -> CellRole:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return CellRole(
        meta.get("grade_id"),
        bool(meta.get("solution")),
        bool(meta.get("grade")),
        bool(meta.get("locked")),
        float(meta.get("points", 0) or 0),
    )


def _regions(lines: list[str], begin: str, end: str, where: str):
    """Yield (start, stop) line indices of each begin/end region, checking they pair up."""
    start = None
    for index, line in enumerate(lines):
        text = line.strip()
        if text == begin:
            if start is not None:
                raise NotebookError(f"{where}: '{begin}' twice without '{end}' between them")
            start = index
        elif text == end:
            if start is None:
                raise NotebookError(f"{where}: '{end}' without a '{begin}' before it")
            yield start, index
            start = None
    if start is not None:
        raise NotebookError(f"{where}: '{begin}' is never closed by '{end}'")


_ANSWER_CALL = re.compile(r"""^\s*answer\(\s*(["'][\w.-]+["'])\s*,.*\)\s*$""")


def strip_solutions(source: str, where: str) -> str:
    """Replace every solution region with the stub, keeping the region's indentation.

    A region that only answers quiz questions, answer("id", value), becomes answer("id", ...)
    instead, so that the exercise still runs top to bottom and says "not attempted".
    """
    lines = source.split("\n")
    for start, stop in reversed(list(_regions(lines, BEGIN_SOLUTION, END_SOLUTION, where))):
        indent = re.match(r"\s*", lines[start]).group(0)
        body = [line for line in lines[start + 1 : stop] if line.strip()]
        calls = [_ANSWER_CALL.match(line) for line in body]
        if body and all(calls):
            stub = [f"{indent}answer({call.group(1)}, ...)  # replace ... with your answer" for call in calls]
        else:
            stub = [indent + line for line in STUB]
        lines[start : stop + 1] = stub
    return "\n".join(lines)


def strip_hidden_tests(source: str, where: str) -> str:
    lines = source.split("\n")
    for start, stop in reversed(list(_regions(lines, BEGIN_HIDDEN, END_HIDDEN, where))):
        del lines[start : stop + 1]
    return "\n".join(lines).rstrip("\n")


def check_grade_ids(notebook, name: str) -> None:
    """What nbgrader's validator asks of the metadata: every answer, graded or locked cell has a grade_id,
    no two cells share one, and graded cells have points."""
    seen = {}
    for index, cell in enumerate(notebook.cells):
        cell_role = role(cell)
        if not (cell_role.solution or cell_role.grade or cell_role.locked):
            continue
        if not cell_role.grade_id:
            raise NotebookError(
                f"{name}, cell {index}: an answer, graded or locked cell needs metadata.nbgrader.grade_id"
            )
        if cell_role.grade and "points" not in cell.metadata["nbgrader"]:
            raise NotebookError(
                f"{name}, cell {index}: graded cell '{cell_role.grade_id}' needs metadata.nbgrader.points"
            )
        if cell_role.grade_id in seen:
            raise NotebookError(
                f"{name}: grade_id '{cell_role.grade_id}' is used by cells {seen[cell_role.grade_id]} "
                f"and {index}; grade_ids must be unique"
            )
        seen[cell_role.grade_id] = index
