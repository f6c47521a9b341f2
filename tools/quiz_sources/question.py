"""A quiz question in clear text, as the sources in tools/quiz_sources write it (build.py seals it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Question:
    grade_id: str
    kind: str  # "choice", "multiple", "number" or "shape"
    prompt: str
    right: object  # the right answer, as a learner would give it
    explanation: str  # shown once the right answer is given
    wrong: dict  # anticipated wrong answer -> the words it gets; every wrong option of a choice question
    options: dict = field(default_factory=dict)  # letter -> text, for choice and multiple
    tolerance: float = 0.0  # number questions: how far from the right answer still counts
    points: float = 1.0  # exercises; the lessons' Check-yourself questions are worth 0
    salt: str | None = None  # None: drawn from the grade id, so every build writes the same bytes

    def check(self) -> None:
        if self.kind not in ("choice", "multiple", "number", "shape"):
            raise ValueError(f"{self.grade_id}: unknown kind {self.kind!r}")
        if self.explanation.lower().startswith("right"):  # answer() prints "✓ id: right." before it
            raise ValueError(f"{self.grade_id}: begin the explanation with the reason, not with 'Right'")
        if self.kind == "choice":
            missing = set(self.options) - {self.right} - set(self.wrong)
            if missing:  # which options have words must not give the right one away
                raise ValueError(f"{self.grade_id}: options {sorted(missing)} have no feedback")
