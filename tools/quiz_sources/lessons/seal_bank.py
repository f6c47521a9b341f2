"""Writes a lesson's Check-yourself bank (coursekit/checks/lessons/<name>.py) from clear text.

    from seal_bank import Question, write_bank
    write_bank("vanishing_exploding", "07_vanishing_exploding.ipynb", [Question(...), ...])

Run a lesson's source script to (re)write its module; `python <script> --check` only says whether
the module is up to date (the tests do this). Salts come from the grade ids, so the output is the
same on every run and a diff shows only what changed.
"""
from __future__ import annotations

import hashlib
import pprint
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from coursekit.quiz import seal_question  # noqa: E402


@dataclass
class Question:
    grade_id: str
    kind: str  # "choice", "multiple", "number" or "shape"
    prompt: str
    right: object
    explanation: str  # shown after the right answer
    wrong: dict  # anticipated wrong answer -> the words it gets; every wrong option of a choice question
    options: dict = field(default_factory=dict)  # letter -> text, for choice and multiple
    tolerance: float = 0.0

    def check(self) -> None:
        if self.kind == "choice":
            missing = set(self.options) - {self.right} - set(self.wrong)
            if missing:
                raise ValueError(f"{self.grade_id}: options {sorted(missing)} have no feedback")


def render(name: str, lesson: str, questions: list[Question]) -> str:
    lines = [f'"""Check-yourself questions of the lesson {lesson} (not graded).',
             "",
             f"Written by tools/quiz_sources/lessons/{name}.py, which keeps the clear text: edit that and run it.",
             '"""',
             "from ...quiz import QuizQuestion",
             "",
             f"LESSON = {lesson!r}",
             "",
             "QUESTIONS = {"]
    seen = set()
    for q in questions:
        q.check()
        if q.grade_id in seen:
            raise ValueError(f"{q.grade_id} twice")
        seen.add(q.grade_id)
        salt = hashlib.sha256(f"lesson question {q.grade_id}".encode()).hexdigest()[:16]
        sealed = seal_question(salt, q.kind, q.right, q.explanation, q.wrong, q.tolerance, tuple(q.options))
        fields = dict(grade_id=q.grade_id, notebook=lesson, kind=q.kind, points=0, prompt=q.prompt,
                      options=q.options, salt=salt, right=sealed["right"], explanation=sealed["explanation"],
                      feedback=sealed["feedback"], tolerance=q.tolerance)
        body = pprint.pformat(fields, width=110, sort_dicts=False)
        lines.append(f"    {q.grade_id!r}: QuizQuestion(**{body.replace(chr(10), chr(10) + '        ')}),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_bank(name: str, lesson: str, questions: list[Question]) -> None:
    """Write coursekit/checks/lessons/<name>.py, or with --check exit 1 if it differs."""
    path = ROOT / "coursekit" / "checks" / "lessons" / f"{name}.py"
    text = render(name, lesson, questions)
    if "--check" in sys.argv:
        if not path.exists() or path.read_text() != text:
            sys.exit(f"{path.relative_to(ROOT)} is not what {name}.py writes: run python tools/quiz_sources/lessons/{name}.py")
        return
    path.write_text(text)
    print(f"wrote {path.relative_to(ROOT)} ({len(questions)} questions)")
