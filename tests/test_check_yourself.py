"""The lessons' Check-yourself questions: each bank is what its clear-text source writes, every right
answer is accepted with its explanation, every anticipated wrong answer gets its own words, and each
lesson asks its questions."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from coursekit.checks import answer, check_yourself
from coursekit.checks.registry import lesson_names, lesson_questions, questions_of
from coursekit.learner import SESSION

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for p in (ROOT / "tools" / "quiz_sources" / "lessons").glob("*.py") if p.name != "seal_bank.py")


def load(path: Path):
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"lesson_source_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_bank_is_what_its_source_writes(path):
    source = load(path)
    from seal_bank import render  # noqa: the source put its folder on the path once

    written = (ROOT / "coursekit" / "checks" / "lessons" / f"{path.stem}.py").read_text()
    assert written == render(path.stem, source.LESSON, source.QUESTIONS), f"run python {path.relative_to(ROOT)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_answers_get_their_words(path, capsys):
    source = load(path)
    bank = lesson_questions(source.LESSON)
    assert [q.grade_id for q in source.QUESTIONS] == list(bank)
    for q in source.QUESTIONS:
        assert bank[q.grade_id].points == 0 and q.grade_id not in questions_of(source.LESSON)  # never graded
        answer(q.grade_id, q.right)
        out = capsys.readouterr().out
        assert out.startswith(f"✓ {q.grade_id}: right.") and q.explanation in out
        for wrong, words in q.wrong.items():
            answer(q.grade_id, wrong)
            out = capsys.readouterr().out
            assert out.startswith(f"✗ {q.grade_id}") and words in out, (q.grade_id, wrong)
        assert SESSION.status[q.grade_id].status == "failed" or not q.wrong


def test_every_lesson_has_questions():
    lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00"))
    assert lessons and [name for name in lessons if name not in lesson_names()] == []


@pytest.mark.parametrize("lesson", lesson_names())
def test_lesson_asks_its_questions(lesson):
    cells = json.loads((ROOT / "notebooks" / lesson).read_text())["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert any(f'check_yourself("{lesson}")' in c for c in code), f"{lesson} never calls check_yourself"
    for grade_id in lesson_questions(lesson):
        assert any(f'answer("{grade_id}", ...)' in c for c in code), f"{lesson} has no answer cell for {grade_id}"
    asked = next(i for i, c in enumerate(cells) if "check_yourself(" in "".join(c["source"]))
    after = ["".join(c["source"]) for c in cells[asked + 1:] if c["cell_type"] == "code"]
    assert all(c.startswith("answer(") for c in after), f"{lesson}: the questions are not at the end"


def test_check_yourself_names_the_lessons_that_have_questions(capsys):
    check_yourself("no_such_lesson.ipynb")
    assert "has no Check-yourself questions" in capsys.readouterr().out
