"""Where questions are found: every module of coursekit.checks that defines NOTEBOOK and
QUESTIONS is the question bank of that exercise notebook (found automatically)."""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache


@lru_cache(maxsize=1)
def _banks() -> dict[str, dict]:
    """{notebook file name: {grade_id: question}} for every question module."""
    from .. import checks

    banks = {}
    for info in pkgutil.iter_modules(checks.__path__):
        module = importlib.import_module(f"{checks.__name__}.{info.name}")
        if hasattr(module, "NOTEBOOK") and hasattr(module, "QUESTIONS"):
            banks[module.NOTEBOOK] = module.QUESTIONS
    return banks


def all_questions() -> dict:
    questions = {}
    for bank in _banks().values():
        questions.update(bank)
    return questions


def notebooks() -> list[str]:
    return sorted(_banks())


def question(grade_id: str):
    """The question with this grade_id; KeyError if there is none."""
    return all_questions()[grade_id]


def questions_of(notebook: str) -> dict:
    return dict(_banks().get(notebook, {}))
