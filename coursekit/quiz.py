"""Quiz questions with feedback: multiple choice, multiple select, numbers and shapes.

    answer("dims_w_f", (7, 3))      # a plain call: works in a notebook, under nbval, in grading
    quiz("dims_w_f")                # the same question as buttons (ipywidgets) in JupyterLab

Answers are never stored in clear text: the package keeps a salted, slow hash of the right
answer and of each anticipated wrong answer. The words shown after an answer (the feedback on
a wrong one, the explanation after the right one) are sealed with a key made from that answer,
so they too can only be read by giving it. A question with few possible answers can still be
found by trying them all: this keeps answers out of sight, it is not a safe.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

KINDS = ("choice", "multiple", "number", "shape")
_ITERATIONS = 20_000  # ~10 ms a hash: nothing for one answer, slow for a sweep of guesses


class AnswerFormatError(ValueError):
    """The answer is of the wrong kind (a list where a shape is asked, ...)."""


def canonical(kind: str, value, tolerance: float = 0.0, options=()) -> str:
    """The text form of an answer that is hashed: equal answers give equal text."""
    if kind == "choice":
        if not isinstance(value, str) or value.strip().lower() not in options:
            raise AnswerFormatError(f"answer with one of the option letters {sorted(options)}, e.g. answer(id, 'b')")
        return value.strip().lower()
    if kind == "multiple":
        chosen = [value] if isinstance(value, str) else list(value)
        if not chosen or any(not isinstance(v, str) or v.strip().lower() not in options for v in chosen):
            raise AnswerFormatError(f"answer with a list of option letters from {sorted(options)}, e.g. ['a', 'c']")
        return ",".join(sorted({v.strip().lower() for v in chosen}))
    if kind == "number":
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise AnswerFormatError("answer with a number, e.g. answer(id, 77)") from None
        return str(round(number / tolerance)) if tolerance else repr(number)
    if kind == "shape":
        if isinstance(value, int) or not hasattr(value, "__iter__") or isinstance(value, str):
            raise AnswerFormatError("answer a shape as a tuple of whole numbers, e.g. (7, 64); a vector of 7 is (7,)")
        dims = list(value)
        if not all(isinstance(d, int) or (hasattr(d, "__index__") and not isinstance(d, bool)) for d in dims):
            raise AnswerFormatError("every entry of a shape is a whole number, e.g. (7, 64)")
        return "x".join(str(int(d)) for d in dims)
    raise ValueError(f"unknown question kind {kind!r}; one of {KINDS}")


def digest(salt: str, purpose: str, text: str) -> str:
    """Salted PBKDF2-SHA256 of an answer's canonical text, for one purpose ("right" or "feedback")."""
    return hashlib.pbkdf2_hmac("sha256", f"{purpose}:{text}".encode(), salt.encode(), _ITERATIONS).hex()


def _keystream(salt: str, text: str, length: int) -> bytes:
    return hashlib.shake_256(f"{salt}:words:{text}".encode()).digest(length)


def seal(salt: str, text: str, words: str) -> str:
    """words, readable only with the answer text: XOR with a stream drawn from (salt, text)."""
    data = words.encode()
    return bytes(a ^ b for a, b in zip(data, _keystream(salt, text, len(data)))).hex()


def unseal(salt: str, text: str, sealed: str) -> str:
    data = bytes.fromhex(sealed)
    return bytes(a ^ b for a, b in zip(data, _keystream(salt, text, len(data)))).decode("utf-8", "replace")


@dataclass
class QuizQuestion:
    grade_id: str
    notebook: str
    prompt: str
    kind: str
    salt: str
    right: str  # digest(salt, "right", canonical answer)
    options: dict[str, str] = field(default_factory=dict)  # letter -> text, for choice and multiple
    feedback: dict[str, str] = field(default_factory=dict)  # digest(salt, "feedback", answer) -> sealed words
    tolerance: float = 0.0
    points: float = 1.0
    explanation: str = ""  # sealed with the right answer; shown once it is given

    def canonical(self, value) -> str:
        return canonical(self.kind, value, self.tolerance, tuple(self.options))

    def is_right(self, text: str) -> bool:
        return digest(self.salt, "right", text) == self.right

    def feedback_for(self, text: str) -> str:
        sealed = self.feedback.get(digest(self.salt, "feedback", text))
        return unseal(self.salt, text, sealed) if sealed else ""

    def explanation_for(self, text: str) -> str:
        return unseal(self.salt, text, self.explanation) if self.explanation and self.is_right(text) else ""


def seal_question(salt: str, kind: str, right, explanation: str, wrong: dict, tolerance: float = 0.0,
                  options=()) -> dict:
    """For authors: the stored fields of a question, from clear answers (paste the result).

    wrong maps anticipated wrong answers to the feedback they get; give every option of a
    choice question feedback, so that which options have some gives nothing away.
    """
    right_text = canonical(kind, right, tolerance, options)
    feedback = {}
    for answer, words in wrong.items():
        text = canonical(kind, answer, tolerance, options)
        feedback[digest(salt, "feedback", text)] = seal(salt, text, words)
    return {"right": digest(salt, "right", right_text), "explanation": seal(salt, right_text, explanation),
            "feedback": feedback}
