"""A submission, from the file to the steps the sandbox runs.

1. find: notebook files under the folders given (a subfolder per student, or files named after
   students); links and special files are listed too, to be refused with a row, never followed;
2. read: once, as bytes, capped in size, never written;
3. match: the solution it answers (same file name, else the most answer cells in common);
4. steps: the released exercise, cell by cell, taking from the submission only its answer cells
   (matched by grade_id). Edited or deleted check cells change nothing, added cells are ignored,
   a missing answer stays a stub. What the sandbox runs is the learner's answer cells in order,
   plus the definitions that given cells make (imports and helper functions, never coursekit);
   a check or quiz becomes a request for numbers or an answer at the place of its cell.
"""

from __future__ import annotations

import ast
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.core import FunctionQuestion
from ..quiz import QuizQuestion
from .cells import NotebookError, parse_notebook, read_notebook, role

MAX_SUBMISSION_BYTES = 20 * 2**20  # a notebook with its figures; larger files are refused, unread


# ---- finding and reading ---------------------------------------------------------------------------
def find_submissions(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[str]]:
    """[(file, the folder it was found under, or None)], and notes on what was skipped.

    Links and special files that end in .ipynb are returned too, so that they get a row saying
    why they were refused; folders are walked without following links.
    """
    found, skipped = [], []
    for path in map(Path, paths):
        if path.is_dir() and not path.is_symlink():
            for folder, subfolders, files in os.walk(path):  # os.walk does not follow links to folders
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(files):
                    file = Path(folder) / name
                    if name.startswith("."):
                        continue
                    if file.suffix == ".ipynb":
                        found.append((file, path))
                    else:
                        skipped.append(f"{file}: not a notebook (.ipynb), skipped")
                for name in subfolders:
                    if (Path(folder) / name).is_symlink():
                        skipped.append(f"{Path(folder) / name}: a link to a folder, not followed")
        elif path.is_symlink() or path.exists():
            found.append((path, None))
        else:
            skipped.append(f"{path}: no such file or folder")
    return found, skipped


def read_submission(path: Path) -> tuple[bytes, object]:
    """(the file's bytes, the notebook). Refuses links, special files and oversized files."""
    try:
        info = os.lstat(path)
    except OSError as error:
        raise NotebookError(f"cannot read {path}: {error.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise NotebookError(
            f"{path.name} is a symbolic link; submissions must be plain files (links are never "
            "followed, so that a submission cannot point the grader at another file)"
        )
    if not stat.S_ISREG(info.st_mode):
        raise NotebookError(f"{path.name} is not a regular file (a folder, pipe or device); it was not read")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise NotebookError(f"cannot read {path}: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped for something else since lstat
            raise NotebookError(f"{path.name} is not a regular file; it was not read")
        raw = handle.read(MAX_SUBMISSION_BYTES + 1)
    if len(raw) > MAX_SUBMISSION_BYTES:
        raise NotebookError(
            f"{path.name} is larger than {MAX_SUBMISSION_BYTES // 2**20} MB; clear its outputs "
            "(Edit > Clear Outputs of All Cells), save and submit again"
        )
    return raw, parse_notebook(raw, path)


def student_name(path: Path, root: Path | None) -> str:
    """The folder a submission sits in under the submissions root (one folder per student), else its stem."""
    if root is not None and path.parent != root and root in path.parents:
        return path.relative_to(root).parts[0]
    return path.stem


def _answer_ids(notebook) -> set[str]:
    return {role(c).grade_id for c in notebook.cells if role(c).solution and role(c).grade_id}


def match_solution(submission, file_name: str, source: Path) -> Path:
    """The solution this submission answers: the same file name, else the most shared answer cells."""
    candidates = sorted(Path(source).glob("*.ipynb"))
    for path in candidates:
        if path.name == file_name:
            return path
    submitted = _answer_ids(submission)
    shared = {path: len(submitted & _answer_ids(read_notebook(path))) for path in candidates}
    best = max(shared, key=shared.get, default=None)
    if best is None or shared[best] == 0:
        raise NotebookError(
            f"{file_name} matches no exercise in {source}: no solution of that name and no "
            "answer cells (grade_ids) in common"
        )
    return best


# ---- the steps -----------------------------------------------------------------------------------
@dataclass
class Step:
    """One thing the sandbox is asked to do, in notebook order."""

    kind: str  # "given" (definitions from a given cell), "answer" (a learner's cell), "function", "quiz"
    grade_id: str | None = None  # the answer cell's, or the question's
    source: str = ""


@dataclass
class Plan:
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _uses_coursekit(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Name)
        and n.id == "coursekit"
        or isinstance(n, ast.Import)
        and any(a.name.split(".")[0] == "coursekit" for a in n.names)
        or isinstance(n, ast.ImportFrom)
        and (n.module or "").split(".")[0] == "coursekit"
        for n in ast.walk(node)
    )


def given_definitions(source: str) -> str:
    """What a given cell contributes to the answers: its imports and function and class definitions,
    without anything that touches coursekit (which the sandbox does not have). Empty when none."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return ""
    kept = [
        node
        for node in tree.body
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and not _uses_coursekit(node)
    ]
    return "\n\n".join(ast.unparse(node) for node in kept)


def plan(submission, exercise, questions: dict) -> Plan:
    """The steps for one submission: the exercise's cells in order, the learner's answers in place."""
    result = Plan()
    answers = {role(c).grade_id for c in exercise.cells if role(c).solution}  # ids the notes may name
    counts = Counter(role(c).grade_id for c in submission.cells if role(c).grade_id in answers)
    submitted = {}
    for cell in submission.cells:
        submitted.setdefault(role(cell).grade_id, cell)  # a duplicated answer: the first copy counts
    result.notes += [
        f"cell '{gid}' appears {n} times in the submission; the first copy was graded"
        for gid, n in sorted(counts.items())
        if n > 1
    ]
    for cell in exercise.cells:
        if cell.cell_type != "code":
            continue
        cell_role = role(cell)
        if cell_role.solution:
            theirs = submitted.get(cell_role.grade_id)
            if theirs is None and cell_role.grade_id.endswith(
                "_answer"
            ):  # made from an exercise of before the
                older = submitted.get(
                    cell_role.grade_id[: -len("_answer")]
                )  # split: the quiz cell was the answer
                theirs = older if older is not None and role(older).solution else None
            if theirs is None or theirs.cell_type != "code":
                result.notes.append(
                    f"answer cell '{cell_role.grade_id}' is missing from the submission; "
                    "it was graded as not attempted"
                )
            else:
                result.steps.append(Step("answer", cell_role.grade_id, str(theirs.source)))
        elif not cell_role.grade:
            definitions = given_definitions(cell.source)
            if definitions:
                result.steps.append(Step("given", None, definitions))
        if not cell_role.grade:
            continue
        question = questions.get(cell_role.grade_id)
        if isinstance(question, FunctionQuestion):
            result.steps.append(Step("function", cell_role.grade_id))
        elif isinstance(
            question, QuizQuestion
        ):  # the graded cell after the answer cell: its source is ignored
            result.steps.append(Step("quiz", cell_role.grade_id))
        else:
            result.notes.append(
                f"graded cell '{cell_role.grade_id}' has no question in coursekit.checks; not scored"
            )
    return result
