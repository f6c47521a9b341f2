"""The judge, in the grader's own process: what the sandbox sent back, checked and turned into verdicts.

Only here are the right answers: the reference functions, the hidden cases, the sealed quiz
banks. The sandbox's replies are untrusted data: each is checked for its form (a declared status,
the number of outputs the question has) before it is judged, and the words of a verdict never
carry text or numbers that the learner's code produced (their exception messages, their printed
output, their returned values) unless the instructor asks (reveal=True, `--show-hidden`): a
submission could use those to carry a hidden case's inputs out into its feedback.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac

import numpy as np

from ..checks.core import FAILED, NOT_ATTEMPTED, PASSED, Case, FunctionQuestion, Run, Verdict
from ..quiz import AnswerFormatError, QuizQuestion
from .wire import Unsupported, WireError, from_plain

# Type names the feedback may repeat. Any other name is the learner's own (a class they made), and a
# name is text they choose: repeating it would let a submission send a hidden case's numbers out.
_KNOWN_TYPES = frozenset(name for name, value in vars(builtins).items() if isinstance(value, type)) | {
    "NoneType",
    "LinAlgError",
    "AxisError",
    "ndarray",
    "generator",
    "function",
    "module",
    "ellipsis",
    "Tensor",
    "complex numbers",
    "text",
    "bytes",
    "dates",
    "time spans",
    "records",
    "other values",
}  # runner.py's words


def hidden_seed(secret: str | None, seed: int, student: str, grade_id: str) -> int:
    """The seed of a question's hidden cases.

    With the instructor's secret: drawn from (secret, learner, question), so every learner gets their
    own cases and nothing public predicts them. Without: the public demonstration seed, the same
    for everyone (for practice and reproducible examples, not for credit).
    """
    if not secret:
        return seed
    digest = hmac.new(secret.encode(), f"{seed}\0{student}\0{grade_id}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:7], "big")  # < 2**56: room for the seed + k that case builders use


def known_type(name, otherwise: str) -> str:
    """name when it is a built-in type's (ValueError, list, ...), else the words `otherwise`."""
    return name if isinstance(name, str) and name in _KNOWN_TYPES else otherwise


def error_name(reply: dict) -> str:
    """The exception's type name from a reply when it is a built-in one (the rest is the learner's text)."""
    return known_type(reply.get("error_type"), "an exception of its own type")


def judge_reply(question: FunctionQuestion, case: Case, reply: dict, outputs: list, reveal: bool) -> Verdict:
    """The verdict on one call: the sandbox's reply is checked for form, then judged against the reference."""
    status = reply.get("status")
    function = f"`{question.function}`"
    if status == "returned":
        changed, names = reply.get("changed"), list(case.inputs)
        if (
            len(outputs) != len(question.outputs)
            or not isinstance(changed, list)
            or not all(type(i) is int and 0 <= i < len(names) for i in changed)
        ):
            return Verdict(
                FAILED,
                f"on {case.label}, the sandbox's reply was damaged (it did not hold the "
                f"{len(question.outputs)} output(s) of {function})",
            )
        after = {name: value for i, (name, value) in enumerate(case.inputs.items()) if i not in changed}
        run = Run("returned", outputs=list(outputs), inputs_after=after)
    elif status == "not attempted":
        run = Run(NOT_ATTEMPTED)
    elif status == "missing":
        run = Run(
            "missing",
            error=f"no function named {function} is defined; keep the name and signature the exercise gives",
        )
    elif status == "raised":
        detail = f": {str(reply.get('error', ''))[:300]}" if reveal else ""
        run = Run(
            "raised",
            error=f'{error_name(reply)}{detail} (run check("{question.grade_id}") in your '
            "notebook to see the message)",
        )
    elif status == "wrong count" and reply.get("got") == "NoneType":  # the words check() says too
        return Verdict(FAILED, f"on {case.label}, {function} returned None: did you forget `return`?")
    elif status == "wrong count":
        count = reply.get("count") if type(reply.get("count")) is int else "another number of"
        return Verdict(
            FAILED,
            f"on {case.label}, {function} returned {count} value(s); it should return "
            f"{len(question.outputs)} ({', '.join(question.outputs)})",
        )
    elif status == "not numbers":
        kinds = [known_type(k, "an object") for k in reply.get("kinds", [])[:8]]
        return Verdict(
            FAILED,
            f"on {case.label}, {function} returned something that is not an array of numbers"
            + (f" ({', '.join(kinds)})" if kinds else ""),
        )
    elif status == "too large":
        return Verdict(FAILED, f"on {case.label}, {function} returned arrays larger than the grader accepts")
    else:
        return Verdict(FAILED, f"on {case.label}, the sandbox's reply was damaged")
    return judge_case(question, case, run, reveal)


def judge_case(question: FunctionQuestion, case: Case, run: Run, reveal: bool) -> Verdict:
    """One case's verdict; a reference or judge that fails is the grader's problem, said as such."""
    try:
        return question.judge(case, run, reveal=reveal)
    except Exception as error:  # noqa: BLE001 - never let one submission's odd output stop the batch
        return Verdict(
            FAILED,
            f"on {case.label}, the grader could not judge the outputs "
            f"({type(error).__name__}); ask your instructor to look at it",
        )


def judge_quiz(question: QuizQuestion, reply: dict) -> Verdict:
    """The verdict on a quiz answer: the value the learner gave to answer(id, value), if any."""
    call = f'answer("{question.grade_id}", ...)'
    if not reply.get("given"):
        return Verdict(NOT_ATTEMPTED, f"no answer was given with {call}")
    try:
        value = from_plain(reply.get("value"))
    except WireError:
        return Verdict(FAILED, "the answer arrived damaged")
    if value is Ellipsis:
        return Verdict(NOT_ATTEMPTED, f"replace ... with your answer in {call}")
    if isinstance(value, Unsupported):
        return Verdict(
            FAILED,
            f"the answer has the type {known_type(str(value), 'of an object')}, which is not "
            "an answer to this question: answer with a letter, a number or a tuple, as the question says",
        )
    try:
        text = question.canonical(value)
    except AnswerFormatError as error:
        return Verdict(FAILED, f"the answer is not in the expected form: {error}")
    except (TypeError, ValueError, OverflowError):
        return Verdict(FAILED, "the answer is not in the expected form")
    if question.is_right(text):
        return Verdict(PASSED)
    return Verdict(FAILED, question.feedback_for(text) or "not right")


def describe_inputs(case: Case) -> str:
    """The inputs of a case, for an instructor who asked (--show-hidden)."""
    return "\n".join(
        f"{name} = {np.array2string(value, precision=4, separator=', ')}"
        for name, value in case.inputs.items()
    )
