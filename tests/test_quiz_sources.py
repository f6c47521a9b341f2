"""The sealed quiz data is what the clear-text sources in tools/quiz_sources make, the sources build from
any folder, and every question answers as its source says: the right answer with its explanation, each
anticipated wrong answer with its own words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.checks import answer
from coursekit.checks.registry import lesson_questions, questions_of

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools" / "quiz_sources"))
import build  # noqa: E402  (tools/quiz_sources/build.py)

SOURCES = build.sources()


pytestmark = pytest.mark.usefixtures("fresh_session")


def test_the_sealed_data_is_what_the_sources_make():
    assert build.stale() == [], "run python tools/quiz_sources/build.py"


def test_the_build_runs_from_any_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "quiz_sources" / "build.py"), "--check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "up to date" in done.stdout, done.stderr


def test_a_changed_source_is_noticed(monkeypatch):
    """Plant a change in one question's words: the check must see the data is no longer what the source makes."""
    kind, path = next(s for s in SOURCES if s[0] == "lessons")
    original = build.seal

    def reworded(question, notebook, kind):
        question.explanation += " (reworded)"
        return original(question, notebook, kind)

    monkeypatch.setattr(build, "seal", reworded)
    assert build.stale() != []


@pytest.mark.parametrize("kind, path", SOURCES, ids=lambda s: getattr(s, "stem", s))
def test_every_answer_gets_the_words_its_source_gives(kind, path, capsys):
    source = build._load(path)
    notebook = source.NOTEBOOK if kind == "exercises" else source.LESSON
    bank = questions_of(notebook) if kind == "exercises" else lesson_questions(notebook)
    assert all(q.grade_id in bank for q in source.QUESTIONS)
    for q in source.QUESTIONS:
        assert (bank[q.grade_id].points == 0) == (kind == "lessons")  # lesson questions are never graded
        answer(q.grade_id, q.right)
        out = capsys.readouterr().out
        assert out.startswith(f"✓ {q.grade_id}: right.") and q.explanation in out, out
        for wrong, words in q.wrong.items():
            answer(q.grade_id, wrong)
            out = capsys.readouterr().out
            assert out.startswith(f"✗ {q.grade_id}") and words in out, (q.grade_id, wrong)


@pytest.mark.parametrize("kind, path", SOURCES, ids=lambda s: getattr(s, "stem", s))
def test_an_answer_no_one_anticipated_is_not_right(kind, path, capsys):
    """A wrong answer with no words of its own is refused too (not taken as right for want of feedback)."""
    for q in build._load(path).QUESTIONS:
        if q.kind == "number":
            stray = q.right * 7 + 13 + 100 * (q.tolerance or 0)
        elif q.kind == "shape":
            stray = (97, 98, 99)
        else:
            continue  # every option (and combination) of a choice question has its own words
        answer(q.grade_id, stray)
        assert capsys.readouterr().out.startswith(f"✗ {q.grade_id}"), (q.grade_id, stray)
