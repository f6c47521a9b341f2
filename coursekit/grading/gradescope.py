"""A Gradescope autograder for one exercise: `coursekit gradescope SOLUTION --out DIR`.

Gradescope's format (gradescope-autograders.readthedocs.io, "Autograder Specifications"): a zip
with `setup.sh` and `run_autograder` at its root. Gradescope unpacks it in /autograder/source,
runs setup.sh once when it builds the autograder's image, then, for every submission, runs
/autograder/run_autograder in /autograder with the learner's files in /autograder/submission and
Gradescope's facts about the submission in /autograder/submission_metadata.json; what it must
leave is /autograder/results/results.json. The zip built here holds:

    setup.sh                   apt: bubblewrap (and Python 3.11 if the image has no Python >= 3.11);
                               a venv in /autograder/venv with this course package, pinned by
                               requirements.lock. Everything is downloaded here, nothing later.
    run_autograder             grades with the venv's coursekit: run_autograder() below
    coursekit-gradescope.json  the exercise, the limits and, when given, the instructor's secret
    solutions/NAME.ipynb       the solution notebook (the grader's source of the exercise)
    course/                    a copy of the course package (pyproject.toml, coursekit/)
    requirements.lock          the pinned versions

Grading is `coursekit grade`'s: the learner's code runs in bubblewrap, which sees the venv's Python
(with coursekit masked), never /autograder/source (the secret, the solution) or the submission.

Testing outside Gradescope: with COURSEKIT_GRADESCOPE_PYTHON set to a Python that has the course's
dependencies, setup.sh installs nothing, and run_autograder grades with that Python and the copy of
coursekit inside the zip (tests/test_gradescope.py does this with /autograder emulated by bubblewrap).

This module imports only the standard library at the top, so `coursekit --help` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import sys
import tempfile
import zipfile
from dataclasses import asdict
from pathlib import Path

CONFIG = "coursekit-gradescope.json"
PYTHON_ENV = (
    "COURSEKIT_GRADESCOPE_PYTHON"  # tests: setup.sh installs nothing, run_autograder uses this Python
)
HIDDEN_FEEDBACK = "after_published"  # per-question results: their points depend on hidden cases
NO_SANDBOX = "the autograder could not start its sandbox (bubblewrap)"
STUDENT_OUTPUT_LIMIT = 8000  # characters of one test's output
ZIP_TIME = (2020, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same zip

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder (written by `coursekit gradescope`).
# It installs bubblewrap and the course's pinned Python environment; grading later downloads nothing.
# COURSEKIT_GRADESCOPE_PYTHON=/path/to/python (for testing outside Gradescope): install nothing.
set -euo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV=/autograder/venv

if [ -n "${COURSEKIT_GRADESCOPE_PYTHON:-}" ]; then
  echo "COURSEKIT_GRADESCOPE_PYTHON is set: installing nothing; run_autograder will grade with" \
    "$COURSEKIT_GRADESCOPE_PYTHON"
  "$COURSEKIT_GRADESCOPE_PYTHON" -c 'import numpy' || { echo "that Python lacks the course's packages" >&2; exit 1; }
  command -v bwrap >/dev/null || echo "warning: bubblewrap (bwrap) is not installed: every submission will score 0" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends bubblewrap ca-certificates

usable() { "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null && usable "$candidate"; then PYTHON="$(command -v "$candidate")"; break; fi
done
if [ -z "$PYTHON" ]; then  # Ubuntu 22.04 (Gradescope's default image) has Python 3.10
  apt-get install -y -q --no-install-recommends python3.11 python3.11-venv
  PYTHON="$(command -v python3.11)"
fi

"$PYTHON" -m venv "$VENV"
# PyTorch's CPU build (no CUDA libraries), then the course package with every version pinned.
"$VENV/bin/python" -m pip install --no-cache-dir --no-deps --index-url https://download.pytorch.org/whl/cpu \
  "$(grep -E '^torch==' "$SOURCE/requirements.lock")"
"$VENV/bin/python" -m pip install --no-cache-dir -c "$SOURCE/requirements.lock" "$SOURCE/course"
"$VENV/bin/python" -c 'import coursekit.grading.gradescope, numpy, torch; print("coursekit is installed")'
bwrap --version
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# Gradescope runs this for every submission, in /autograder (written by `coursekit gradescope`).
# It grades /autograder/submission/*.ipynb in coursekit's sandbox and writes /autograder/results/results.json.
SOURCE=/autograder/source
RESULTS=/autograder/results/results.json
mkdir -p /autograder/results
if [ -n "${COURSEKIT_GRADESCOPE_PYTHON:-}" ]; then  # testing: that Python, and the zip's copy of coursekit
  PYTHON="$COURSEKIT_GRADESCOPE_PYTHON"
  export PYTHONPATH="$SOURCE/course${PYTHONPATH:+:$PYTHONPATH}"
else
  PYTHON=/autograder/venv/bin/python
fi
"$PYTHON" -m coursekit.grading.gradescope --root /autograder
status=$?
if [ ! -s "$RESULTS" ]; then  # the grader itself failed: still a result, and the reason in the stdout
  echo "the grader exited with status $status without writing $RESULTS"
  cat > "$RESULTS" <<'EOF'
{"score": 0.0, "output": "The autograder failed before it could grade your notebook. This is a problem of the autograder, not of your work: tell your instructor.", "stdout_visibility": "hidden", "tests": []}
EOF
fi
exit 0
"""  # noqa: E501 -- the JSON Gradescope reads is one line


# ---- results.json ---------------------------------------------------------------------------------
def _clip(text: str, limit: int = STUDENT_OUTPUT_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 20] + "\n… (cut short)"


def _question_output(question) -> str:
    from ..checks.core import NOT_ATTEMPTED, PASSED

    points = f"{question.points:g} / {question.max_points:g} points"
    if question.status == PASSED:
        return f"Passed ({points})." + (f" {question.message}" if question.message else "")
    if question.status == NOT_ATTEMPTED:
        return f"Not attempted ({points}): {question.message or 'the answer cell is still the stub'}"
    return f"Failed ({points}): {question.message}"


def results_json(result, submitted: str = "") -> dict:
    """Gradescope's results.json for one graded submission (a SubmissionResult of grade.py).

    One test per question (name: its grade_id), each with visibility `after_published`: the points
    depend on the hidden cases, so learners see them when the instructor publishes grades. The
    top-level `output`, always shown, says which file was graded, or why it could not be.
    `submitted` is the file's name as the learner gave it (result.file may be a copy's path)."""
    name = submitted or Path(result.file).name
    tests = []
    for number, (grade_id, question) in enumerate(result.questions.items(), start=1):
        if result.error:
            output = "Not graded (see the message above the tests)."
            score = 0.0
        else:
            output, score = _question_output(question), float(question.points)
        tests.append(
            {
                "name": grade_id,
                "number": str(number),
                "score": score,
                "max_score": float(question.max_points),
                "output": _clip(output),
                "visibility": HIDDEN_FEEDBACK,
            }
        )
    if result.notes and not result.error:
        tests.append(
            {
                "name": "notes on the whole notebook",
                "score": 0.0,
                "max_score": 0.0,
                "output": _clip("\n".join(f"- {note}" for note in result.notes)),
                "visibility": HIDDEN_FEEDBACK,
            }
        )
    if result.error and (result.error.startswith("grading failed") or result.error == NO_SANDBOX):
        output = (
            f"Your notebook {name} could not be graded because of a problem of the autograder, not of your "
            "work: tell your instructor. It scores 0 until it is graded again."
        )
    elif result.error:
        output = (
            f"Your submission could not be graded, so it scores 0: {result.error}\n\n"
            f"Submit the exercise notebook {result.notebook or 'of this assignment'} (the .ipynb file you "
            "worked on in exercises/, saved in Jupyter), then check this message again."
        )
    else:
        output = (
            f"Your notebook {name} was graded against {result.notebook}: {len(result.questions)} "
            f"question(s), {result.max_score:g} points. Each question's points and feedback are shown when "
            "your instructor publishes grades. Until then, run check() in your notebook for the public "
            "checks; the grader also runs hidden checks with other inputs."
        )
    return {
        "score": float(result.score if not result.error else 0.0),
        "execution_time": round(result.seconds),
        "output": output,
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": {"notebook": result.notebook, "file": name, "isolation": result.isolation},
    }


# ---- grading on Gradescope -------------------------------------------------------------------------
def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def find_submission(folder: Path, notebook: str) -> tuple[Path | None, str]:
    """(the notebook to grade, "") or (None, why none can be): the .ipynb named like the exercise,
    else the only .ipynb. Folders are walked without following links; hidden ones are skipped."""
    if not folder.is_dir():
        return None, "no files were submitted"
    notebooks, others = [], []
    for where, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d != "__MACOSX")
        for name in sorted(files):
            if not name.startswith("."):
                (notebooks if name.endswith(".ipynb") else others).append(Path(where) / name)
    for path in notebooks:
        if path.name == notebook:
            return path, ""
    if len(notebooks) == 1:
        return notebooks[0], ""
    listed = ", ".join(p.name for p in (notebooks or others)[:10]) or "nothing"
    if notebooks:
        return None, f"the submission holds {len(notebooks)} notebooks ({listed}); submit only {notebook}"
    return None, f"the submission holds no notebook (.ipynb file), only: {listed}; submit {notebook}"


def learner_key(root: Path) -> str:
    """Who submitted, for drawing their hidden cases: the Gradescope user ids (a group's, sorted)."""
    try:
        users = json.loads((root / "submission_metadata.json").read_text(encoding="utf-8"))["users"]
        ids = sorted(str(int(user["id"])) for user in users)
    except (OSError, ValueError, KeyError, TypeError):
        ids = []
    return "gradescope-" + ("-".join(ids) if ids else "unknown")


def _blank_result(solution: Path, file: str, error: str):
    """A result with every question at zero, for a submission that was not graded."""
    from ..checks.core import NOT_ATTEMPTED
    from ..checks.registry import questions_of
    from .grade import QuestionResult, SubmissionResult

    result = SubmissionResult(student="", file=file, notebook=solution.name, error=error)
    result.questions = {
        gid: QuestionResult(0.0, q.points, NOT_ATTEMPTED) for gid, q in questions_of(solution.name).items()
    }
    result.max_score = sum(q.max_points for q in result.questions.values())
    return result


def grade_on_gradescope(root: Path = Path("/autograder")) -> dict:
    """Grade ROOT/submission with the configuration in ROOT/source; write and return results.json."""
    from .grade import GradeOptions, grade_submission
    from .limits import Limits
    from .sandbox import bubblewrap, bubblewrap_problem, describe
    from .submission import MAX_SUBMISSION_BYTES

    root = Path(root)
    config = json.loads((root / "source" / CONFIG).read_text(encoding="utf-8"))
    solutions = root / "source" / "solutions"
    solution = solutions / config["notebook"]
    limits = Limits(**{**config.get("limits", {}), "threads": max(1, os.cpu_count() or 1)})
    options = GradeOptions(
        source=solutions, limits=limits, secret=config.get("secret") or None, seed=int(config.get("seed", 0))
    )
    print(describe(limits, True))
    print(
        "hidden cases: "
        + (
            "per learner, from the instructor's secret in the zip"
            if options.secret
            else f"the public demonstration ones (seed {options.seed}): no secret was given"
        )
    )
    path, why = find_submission(root / "submission", config["notebook"])
    if path is None:
        result, submitted = _blank_result(solution, "", why), ""
    elif bubblewrap() is None:
        print(f"cannot grade: {bubblewrap_problem()}")
        result, submitted = _blank_result(solution, str(path), NO_SANDBOX), path.name
    else:
        submitted, key = path.name, learner_key(root)
        print(f"grading {path.relative_to(root)} as {key}")
        with tempfile.TemporaryDirectory(prefix="coursekit-gradescope-") as folder:
            target = path
            try:  # the learner's id as the folder name: grade_submission draws hidden cases per student
                info = os.lstat(path)
                if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_SUBMISSION_BYTES:
                    (Path(folder) / key).mkdir()
                    target = Path(folder) / key / path.name
                    shutil.copyfile(path, target)
            except OSError:
                target = path  # grade_submission says what is wrong with the file
            result = grade_submission(target, options, root=Path(folder) if target != path else None)
        if not result.questions:  # not read at all: every question still gets its test, at zero
            result.questions = _blank_result(solution, result.file, result.error).questions
            result.max_score = sum(q.max_points for q in result.questions.values())
    data = results_json(result, submitted)
    _write_json(root / "results" / "results.json", data)
    for test in data["tests"]:
        print(f"{test['name']}: {test['score']:g}/{test['max_score']:g}  {test['output'][:300]}")
    print(f"score {data['score']:g}; {data['output']}")
    if result.output:
        print("--- what the learner's code printed (instructors only) ---\n" + result.output[:20000])
    return data


def main(argv: list[str] | None = None) -> int:
    """`python -m coursekit.grading.gradescope --root /autograder`: what run_autograder calls."""
    parser = argparse.ArgumentParser(description="Grade a Gradescope submission (run_autograder calls this).")
    parser.add_argument("--root", default="/autograder", help="Gradescope's folder (default: /autograder)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    try:
        grade_on_gradescope(root)
    except Exception as error:  # noqa: BLE001 - the learner must get a result, the instructor the reason
        print(f"the autograder failed: {type(error).__name__}: {error}")
        _write_json(
            root / "results" / "results.json",
            {
                "score": 0.0,
                "stdout_visibility": "hidden",
                "tests": [],
                "output": "The autograder failed before it could grade your notebook. This is a problem of "
                "the "
                "autograder, not of your work: tell your instructor.",
            },
        )
        return 1
    return 0


# ---- building the zip ------------------------------------------------------------------------------
def course_root() -> Path:
    """The course's source folder (pyproject.toml, requirements.lock, coursekit/) this coursekit is from."""
    return Path(__file__).resolve().parents[2]


def _course_files(course: Path):
    """(path in the zip, file) for the course package's source: what `pip install` needs."""
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        yield f"course/{name}", course / name
    for path in sorted((course / "coursekit").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            yield f"course/{path.relative_to(course).as_posix()}", path


def build_autograder(
    notebook: Path, out: Path, secret: str | None = None, seed: int = 0, limits=None
) -> Path:
    """Write OUT/autograder.zip for one solution notebook; returns its path. Raises ValueError
    (NotebookError) with a reason when the notebook is not a gradable solution."""
    from ..checks.registry import questions_of
    from .cells import BEGIN_SOLUTION, NotebookError, read_notebook, role
    from .limits import Limits

    notebook = Path(notebook)
    solution = read_notebook(notebook)
    questions = questions_of(notebook.name)
    if not questions:
        raise NotebookError(
            f"{notebook.name} is not one of the course's exercises (no questions in "
            "coursekit.checks): pass a notebook of solutions/"
        )
    if not any(role(cell).solution and BEGIN_SOLUTION in cell.source for cell in solution.cells):
        raise NotebookError(
            f"{notebook} has no answer cells: pass the solution notebook (solutions/), "
            "not a released exercise or a lesson"
        )
    course = course_root()
    missing = [name for name in ("pyproject.toml", "requirements.lock") if not (course / name).is_file()]
    if missing:
        raise NotebookError(
            f"{course} is not the course's source folder (no {', '.join(missing)}): run "
            "`coursekit gradescope` from the course repository's environment"
        )
    limits = limits or Limits()
    config = {
        "notebook": notebook.name,
        "secret": secret or None,
        "seed": seed,
        "limits": {k: v for k, v in asdict(limits).items() if k != "threads"},
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "autograder.zip"
    temporary = out / ".autograder.zip.tmp"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, data: bytes, mode: int = 0o644) -> None:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)

        add("setup.sh", SETUP_SH.encode(), 0o755)
        add("run_autograder", RUN_AUTOGRADER.encode(), 0o755)
        add(CONFIG, (json.dumps(config, indent=1) + "\n").encode(), 0o600 if secret else 0o644)
        add(f"solutions/{notebook.name}", notebook.read_bytes())
        add("requirements.lock", (course / "requirements.lock").read_bytes())
        for name, path in _course_files(course):
            add(name, path.read_bytes())
    os.replace(temporary, target)
    return target


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `coursekit gradescope` (cli.py makes the subcommand)."""
    from .limits import Limits

    limits = Limits()
    parser.add_argument(
        "notebook", help="the solution notebook of one exercise, e.g. solutions/02_recurrent_neuron.ipynb"
    )
    parser.add_argument("--out", default=".", help="the folder that receives autograder.zip")
    parser.add_argument(
        "--secret",
        default=None,
        help="the instructor's secret that draws each learner's hidden cases (or set "
        "COURSEKIT_GRADING_SECRET). It is WRITTEN INTO THE ZIP, because Gradescope runs "
        "the zip: keep autograder.zip private (course staff on Gradescope can download it); "
        "the learner's code never sees it. Without one, everyone gets the public "
        "demonstration cases",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the hidden cases without a secret; with one, mixed into it"
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=limits.cell_seconds,
        help="seconds each cell or check may run before the sandbox is killed",
    )
    parser.add_argument(
        "--submission-timeout",
        type=int,
        default=limits.submission_seconds,
        help="seconds all of one submission's cells and checks may run together; keep it under "
        "the autograder timeout set in Gradescope's assignment settings",
    )
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=limits.memory_mb,
        help="memory of all of a submission's processes together (MB); keep it under the "
        "memory Gradescope gives the autograder",
    )


def run_command(args) -> int:
    """`coursekit gradescope`: build the zip and say what is in it."""
    from ..checks.registry import questions_of
    from .cells import NotebookError
    from .limits import Limits

    secret = args.secret or os.environ.get("COURSEKIT_GRADING_SECRET") or None
    limits = Limits(
        memory_mb=args.memory_mb, cell_seconds=args.timeout, submission_seconds=args.submission_timeout
    )
    try:
        path = build_autograder(Path(args.notebook), Path(args.out), secret, args.seed, limits)
    except NotebookError as error:
        print(f"gradescope: {error}", file=sys.stderr)
        return 2
    questions = questions_of(Path(args.notebook).name)
    print(
        f"wrote {path} ({path.stat().st_size // 1024} KB): {Path(args.notebook).name}, {len(questions)} "
        f"question(s), {sum(q.points for q in questions.values()):g} points"
    )
    print(
        "hidden cases: "
        + (
            "per learner, from your secret, which is stored in the zip: keep the zip private"
            if secret
            else f"the public demonstration ones (seed {args.seed}), the same for "
            "everyone and predictable from the course's code: pass --secret (or set "
            "COURSEKIT_GRADING_SECRET) for credit"
        )
    )
    print(
        "upload it in Gradescope: the assignment's Configure Autograder page, Zip file upload; learners "
        "submit "
        f"their {Path(args.notebook).name} (the exercise notebook they worked on)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
