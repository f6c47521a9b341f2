"""Where questions are found.

Every module of coursekit.checks that defines NOTEBOOK and QUESTIONS is the question bank of
that *exercise* notebook (graded). Every module of coursekit.checks.lessons that defines LESSON
and QUESTIONS holds the "Check yourself" questions at the end of that *lesson* (never graded).
Both are found automatically; answer() and quiz() reach every question by its grade_id.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache


def _scan(package, key: str) -> dict[str, dict]:
    banks = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(module, key) and hasattr(module, "QUESTIONS"):
            banks[getattr(module, key)] = module.QUESTIONS
    return banks


@lru_cache(maxsize=1)
def _banks() -> dict[str, dict]:
    """{exercise notebook file name: {grade_id: question}} for every exercise bank."""
    from .. import checks

    return _scan(checks, "NOTEBOOK")


@lru_cache(maxsize=1)
def _lesson_banks() -> dict[str, dict]:
    """{lesson file name: {grade_id: question}}: the lessons' Check-yourself questions."""
    return _scan(importlib.import_module(f"{__package__}.lessons"), "LESSON")


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
