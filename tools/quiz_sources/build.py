"""Seal the quiz questions written here in clear text into coursekit's data files.

    python tools/quiz_sources/build.py           # (re)write coursekit/checks/sealed/**/*.json
    python tools/quiz_sources/build.py --check   # exit 1 when a data file is not what its source makes

Sources: tools/quiz_sources/NN_<exercise>.py (graded questions of exercises/NN_<exercise>.ipynb, each
defining NOTEBOOK and QUESTIONS) and tools/quiz_sources/lessons/<lesson>.py (the Check-yourself
questions at the end of a lesson, defining LESSON and QUESTIONS, worth 0 points). QUESTIONS is a list of
question.Question. The data file keeps answers only as salted hashes and words only sealed with the
answer that unlocks them (coursekit/quiz.py); the same sources always make the same bytes, so a diff of
the data shows what changed and tests/test_quiz_sources.py fails when data and sources disagree.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT / "coursekit" / "checks" / "sealed"
sys.path[:0] = [str(HERE), str(ROOT)]
from coursekit.quiz import seal_question  # noqa: E402


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(f"quiz_source_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sources() -> list[tuple[str, Path]]:
    """(kind, path) of every source: kind "exercises" or "lessons"."""
    return [("exercises", p) for p in sorted(HERE.glob("[0-9][0-9]_*.py"))] + [
        ("lessons", p) for p in sorted((HERE / "lessons").glob("*.py"))
    ]


def seal(question, notebook: str, kind: str) -> dict:
    """The fields of coursekit.quiz.QuizQuestion for one clear-text question."""
    question.check()
    salt = (
        question.salt or hashlib.sha256(f"{kind[:-1]} question {question.grade_id}".encode()).hexdigest()[:16]
    )
    sealed = seal_question(
        salt,
        question.kind,
        question.right,
        question.explanation,
        question.wrong,
        question.tolerance,
        tuple(question.options),
    )
    return dict(
        grade_id=question.grade_id,
        notebook=notebook,
        kind=question.kind,
        points=0.0 if kind == "lessons" else float(question.points),
        prompt=question.prompt,
        options=question.options,
        salt=salt,
        right=sealed["right"],
        explanation=sealed["explanation"],
        feedback=sealed["feedback"],
        tolerance=float(question.tolerance),
    )


def build() -> dict[Path, str]:
    """{data file: its text} for every source."""
    files = {}
    for kind, path in sources():
        module = _load(path)
        notebook = module.NOTEBOOK if kind == "exercises" else module.LESSON
        ids = [q.grade_id for q in module.QUESTIONS]
        if len(set(ids)) != len(ids):
            raise ValueError(f"{path.name}: a grade id appears twice")
        records = [seal(q, notebook, kind) for q in module.QUESTIONS]
        text = json.dumps(
            {"notebook": notebook, "source": str(path.relative_to(ROOT)), "questions": records},
            indent=1,
            ensure_ascii=False,
        )
        files[DATA / kind / f"{Path(notebook).stem}.json"] = text + "\n"
    return files


def stale() -> list[str]:
    """The data files that differ from what the sources make (or that no source makes)."""
    files = build()
    made = {p for p in files}
    present = set(DATA.glob("*/*.json"))
    return sorted(
        str(p.relative_to(ROOT))
        for p in made | present
        if p not in files or not p.exists() or p.read_text() != files[p]
    )


def main() -> None:
    if "--check" in sys.argv:
        bad = stale()
        if bad:
            sys.exit(
                "not what tools/quiz_sources makes: "
                + ", ".join(bad)
                + "; run python tools/quiz_sources/build.py"
            )
        print("the sealed quiz data is up to date")
        return
    files = build()
    for path in set(DATA.glob("*/*.json")) - set(files):
        path.unlink()  # a source that was removed takes its data with it
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    print(f"wrote {len(files)} files under {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
