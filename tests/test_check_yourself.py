"""The lessons' Check-yourself questions: each lesson asks its questions, at its end (that every answer
gets its words, and that the sealed data is what the sources make: tests/test_quiz_sources.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursekit.checks import check_yourself
from coursekit.checks.registry import lesson_names, lesson_questions

ROOT = Path(__file__).resolve().parents[1]


def test_every_lesson_has_questions():
    lessons = sorted(
        p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00")
    )
    assert lessons and [name for name in lessons if name not in lesson_names()] == []


@pytest.mark.parametrize("lesson", lesson_names())
def test_lesson_asks_its_questions(lesson):
    cells = json.loads((ROOT / "notebooks" / lesson).read_text())["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert any(f'check_yourself("{lesson}")' in c for c in code), f"{lesson} never calls check_yourself"
    for grade_id in lesson_questions(lesson):
        assert any(f'answer("{grade_id}", ...)' in c for c in code), (
            f"{lesson} has no answer cell for {grade_id}"
        )
    asked = next(i for i, c in enumerate(cells) if "check_yourself(" in "".join(c["source"]))
    after = ["".join(c["source"]) for c in cells[asked + 1 :] if c["cell_type"] == "code"]
    assert all(c.startswith("answer(") for c in after), f"{lesson}: the questions are not at the end"


def test_check_yourself_names_the_lessons_that_have_questions(capsys):
    check_yourself("no_such_lesson.ipynb")
    assert "has no Check-yourself questions" in capsys.readouterr().out
