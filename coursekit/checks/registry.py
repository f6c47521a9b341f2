"""Where questions are found: one module of coursekit.checks per exercise notebook."""
from __future__ import annotations

import importlib

# exercise notebook -> the module that defines its questions
MODULES = {
    "02_recurrent_neuron.ipynb": "coursekit.checks.recurrent_neuron",
}


def all_questions() -> dict:
    questions = {}
    for module_name in MODULES.values():
        questions.update(importlib.import_module(module_name).QUESTIONS)
    return questions


def question(grade_id: str):
    """The question with this grade_id; KeyError if there is none."""
    return all_questions()[grade_id]


def questions_of(notebook: str) -> dict:
    module_name = MODULES.get(notebook)
    return {} if module_name is None else dict(importlib.import_module(module_name).QUESTIONS)
