"""Where questions are found.

Every module of coursekit.checks that defines NOTEBOOK and QUESTIONS is the question bank of that
*exercise* notebook (graded): its function questions in code, its quiz questions taken from the
sealed data with sealed_questions(NOTEBOOK). The "Check yourself" questions at the end of each
*lesson* (never graded) are data only. The data, coursekit/checks/sealed/{exercises,lessons}/*.json,
is written by tools/quiz_sources/build.py from the clear-text sources there; it holds answers only as
salted hashes (coursekit/quiz.py). answer() and quiz() reach every question by its grade_id.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import lru_cache
from importlib import resources
from pathlib import PurePath

from ..quiz import QuizQuestion


def _sealed_file(kind: str, notebook: str):
    return resources.files(__package__) / "sealed" / kind / f"{PurePath(notebook).stem}.json"


def _read(file) -> dict[str, QuizQuestion]:
    records = json.loads(file.read_text(encoding="utf-8"))["questions"]
    return {record["grade_id"]: QuizQuestion(**record) for record in records}


def sealed_questions(notebook: str) -> dict[str, QuizQuestion]:
    """{grade_id: question} of an exercise notebook's sealed quiz questions ({} if it has none)."""
    file = _sealed_file("exercises", notebook)
    return _read(file) if file.is_file() else {}


@lru_cache(maxsize=1)
def _banks() -> dict[str, dict]:
    """{exercise notebook file name: {grade_id: question}} for every exercise bank."""
    from .. import checks

    banks = {}
    for info in pkgutil.iter_modules(checks.__path__):
        module = importlib.import_module(f"{checks.__name__}.{info.name}")
        if hasattr(module, "NOTEBOOK") and hasattr(module, "QUESTIONS"):
            banks[module.NOTEBOOK] = module.QUESTIONS
    return banks


@lru_cache(maxsize=1)
def _lesson_banks() -> dict[str, dict]:
    """{lesson file name: {grade_id: question}}: the lessons' Check-yourself questions."""
    banks = {}
    for file in (resources.files(__package__) / "sealed" / "lessons").iterdir():
        if file.name.endswith(".json"):
            questions = _read(file)
            banks[next(iter(questions.values())).notebook] = questions
    return banks


def all_questions() -> dict:
    questions = {}
    for bank in list(_banks().values()) + list(_lesson_banks().values()):
        for grade_id, q in bank.items():
            if grade_id in questions:
                raise RuntimeError(f"two questions are named {grade_id!r}; grade ids must be unique")
            questions[grade_id] = q
    return questions


def notebooks() -> list[str]:
    """The exercise notebooks that have graded questions."""
    return sorted(_banks())


def lesson_names() -> list[str]:
    """The lessons that end with Check-yourself questions."""
    return sorted(_lesson_banks())


def question(grade_id: str):
    """The question with this grade_id; KeyError if there is none."""
    return all_questions()[grade_id]


def questions_of(notebook: str) -> dict:
    """The graded questions of an exercise notebook (never a lesson's Check-yourself questions)."""
    return dict(_banks().get(notebook, {}))


def lesson_questions(lesson: str) -> dict:
    return dict(_lesson_banks().get(lesson, {}))
