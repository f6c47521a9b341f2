"""Make the solutions' nbgrader metadata complete (schema 3); run it again and nothing changes.

    .venv/bin/python tools/nbgrader_metadata.py solutions/*.ipynb

- a locked cell without a grade_id gets one: "setup", "progress", else "given_<n>";
- a quiz cell (an answer cell that is also graded: `answer("id", value)` in a solution region)
  is split in two: the answer cell ("id_answer", not graded) and, right after it, a locked graded
  cell "id" with the question's points that runs `require_right("id")`, which nbgrader's
  autograder scores like a check cell (it raises AssertionError unless the answer is right).
"""

from __future__ import annotations

import sys

import nbformat

TEST_SOURCE = 'from coursekit.checks import require_right\nrequire_right("{gid}")'


def _meta(**fields) -> dict:
    meta = {"grade": False, "locked": False, "schema_version": 3, "solution": False, "task": False}
    meta.update(fields)
    return meta


def fix(notebook) -> bool:
    changed, cells, given = False, [], 0
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader")
        cells.append(cell)
        if not meta:
            continue
        if meta.get("locked") and not meta.get("grade_id"):
            if cell.source.lstrip().startswith("progress("):
                meta["grade_id"] = "progress"
            elif "import coursekit" in cell.source and not any(
                c.metadata.get("nbgrader", {}).get("grade_id") == "setup" for c in notebook.cells
            ):
                meta["grade_id"] = "setup"
            else:
                given += 1
                meta["grade_id"] = f"given_{given}"
            changed = True
        if (
            cell.cell_type == "code"
            and meta.get("grade")
            and meta.get("solution")
            and "answer(" in cell.source
        ):
            gid, points = meta["grade_id"], meta["points"]
            cell.metadata["nbgrader"] = _meta(grade_id=f"{gid}_answer", solution=True)
            test = nbformat.v4.new_code_cell(TEST_SOURCE.format(gid=gid))
            test.id = f"{gid[:50]}-graded"
            test.metadata["nbgrader"] = _meta(grade=True, grade_id=gid, locked=True, points=points)
            cells.append(test)
            changed = True
    notebook.cells = cells
    return changed


def main(paths: list[str]) -> None:
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        if fix(notebook):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(nbformat.writes(notebook) + "\n")
            print(f"{path}: updated")


if __name__ == "__main__":
    main(sys.argv[1:])
