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
import re
from dataclasses import dataclass, field

KINDS = ("choice", "multiple", "number", "shape")
_ITERATIONS = 20_000  # ~10 ms a hash: nothing for one answer, slow for a sweep of guesses


class AnswerFormatError(ValueError):
    """The answer is of the wrong kind (a list where a shape is asked, ...)."""


_MAX_ENTRIES = 64  # a shape or a set of letters is short: a huge array is refused before it is copied


def _number(value) -> float:
    """A finite float from a number, a NumPy scalar or a text such as "0.35", "1e-3" or "35%"."""
    percent = isinstance(value, str) and value.strip().endswith("%")
    try:
        number = float(value.strip().rstrip("%")) / 100 if percent else float(value)
    except (TypeError, ValueError, OverflowError):
        raise AnswerFormatError(
            "answer with a number, e.g. answer(id, 12) or answer(id, 0.25) "
            "(a percentage may be written '25%')"
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerFormatError(f"answer with a finite number; {number} is not one")
    return number


def _shape_entries(value) -> list:
    """The entries of a shape: a tuple or list of whole numbers, or a text such as "(4, 2)" or "4x2"."""
    if isinstance(value, str):
        text = value.strip().strip("()[]").strip()
        parts = [p for p in re.split(r"[\s,x×*]+", text.lower()) if p]
        if not all(re.fullmatch(r"[+]?\d+", p) for p in parts):
            raise AnswerFormatError(
                'answer a shape as a tuple of whole numbers, e.g. (7, 64) or "7x64"; a vector of 7 is (7,)'
            )
        return [int(p) for p in parts]
    if isinstance(value, (int, float)) or not hasattr(value, "__iter__") or isinstance(value, (bytes, dict)):
        raise AnswerFormatError(
            "answer a shape as a tuple of whole numbers, e.g. (7, 64); a vector of 7 is (7,)"
        )
    if hasattr(value, "__len__") and len(value) > _MAX_ENTRIES:
        raise AnswerFormatError(f"a shape has a few entries, e.g. (7, 64); this one has {len(value)}")
    dims = list(value)
    if not all(isinstance(d, int) or (hasattr(d, "__index__") and not isinstance(d, bool)) for d in dims):
        raise AnswerFormatError("every entry of a shape is a whole number, e.g. (7, 64)")
    return dims


def canonical(kind: str, value, tolerance: float = 0.0, options=()) -> str:
    """The text form of an answer that is hashed: equal answers give equal text.

    Raises AnswerFormatError (never another error) when the value is not an answer of this kind.
    """
    if kind == "choice":
        if not isinstance(value, str) or value.strip().lower() not in options:
            raise AnswerFormatError(
                f"answer with one of the option letters {sorted(options)}, e.g. answer(id, 'b')"
            )
        return value.strip().lower()
    if kind == "multiple":
        how = f"answer with a list of option letters from {sorted(options)}, e.g. ['a', 'c']"
        if isinstance(value, str):
            chosen = [value]
        elif not hasattr(value, "__iter__") or isinstance(value, (bytes, dict)):
            raise AnswerFormatError(how)
        elif hasattr(value, "__len__") and len(value) > _MAX_ENTRIES:
            raise AnswerFormatError(how)
        else:
            try:
                chosen = list(value)
            except Exception:
                raise AnswerFormatError(how) from None
        if not chosen or any(not isinstance(v, str) or v.strip().lower() not in options for v in chosen):
            raise AnswerFormatError(how)
        return ",".join(sorted({v.strip().lower() for v in chosen}))
    if kind == "number":
        number = _number(value)
        if not tolerance:
            return repr(number)
        bucket = number / tolerance
        if bucket != bucket or abs(bucket) > 1e15:
            raise AnswerFormatError(f"answer with a number of a sensible size; {number:g} is far too large")
        return str(round(bucket))
    if kind == "shape":
        return "x".join(str(int(d)) for d in _shape_entries(value))
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
        """The text this answer is judged by (and hashed as); AnswerFormatError if it is no answer.

        Numbers with a tolerance are judged by distance, not by bucket. The right answer r is stored
        only as the hash of its bucket k_r = round(r / tol), whose centre c = k_r * tol lies within
        tol/2 of r. An answer v is right when |v - c| <= tol. Such a c lies within one bucket of v's
        own (|k_r - v/tol| <= 1, so k_r is round(v/tol) - 1, + 0 or + 1): the value's bucket and its
        two neighbours are tried, and a neighbour counts only when it is the right one and its centre
        is within tol of v; then its text is returned, so is_right() agrees. Every answer the bucket
        rule accepted is still accepted (|v - c| <= tol/2), every answer within tol/2 of r is accepted,
        and none farther than 1.5 tol from r is; two answers closer than tol/2 to r can no longer
        land on different sides of a bucket edge. The sealed banks need no resealing, and the grader,
        which calls this method too, judges the same way.
        """
        text = canonical(self.kind, value, self.tolerance, tuple(self.options))
        if self.kind == "number" and self.tolerance and not self.is_right(text):
            number, bucket = _number(value), int(text)
            for neighbour in (bucket - 1, bucket + 1):
                near = abs(number - neighbour * self.tolerance) <= self.tolerance * (1 + 1e-9)
                if near and self.is_right(str(neighbour)):
                    return str(neighbour)
        return text

    def is_right(self, text: str) -> bool:
        return digest(self.salt, "right", text) == self.right

    def feedback_for(self, text: str) -> str:
        sealed = self.feedback.get(digest(self.salt, "feedback", text))
        return unseal(self.salt, text, sealed) if sealed else ""

    def explanation_for(self, text: str) -> str:
        return unseal(self.salt, text, self.explanation) if self.explanation and self.is_right(text) else ""


def seal_question(
    salt: str, kind: str, right, explanation: str, wrong: dict, tolerance: float = 0.0, options=()
) -> dict:
    """For authors: the stored fields of a question, from clear answers (paste the result).

    wrong maps anticipated wrong answers to the feedback they get; give every option of a
    choice question feedback, so that which options have some gives nothing away.
    """
    right_text = canonical(kind, right, tolerance, options)
    feedback = {}
    for answer, words in wrong.items():
        text = canonical(kind, answer, tolerance, options)
        feedback[digest(salt, "feedback", text)] = seal(salt, text, words)
    return {
        "right": digest(salt, "right", right_text),
        "explanation": seal(salt, right_text, explanation),
        "feedback": feedback,
    }
