"""Every graded function of every bank recognises at least four slips, and every slip a bank knows is written
out in a test as a learner would write it, and gets its hint.

Each tests/test_checks_<bank>.py lists its learner-written slips as

    WRITTEN_SLIPS = [(grade_id, name, the learner's function, words the hint must hold, typed by hand), ...]

(the function may also be a dict {function name: function} when the graded function calls others the
learner wrote). Here, for every entry: the public checks fail and print those words, and the hidden checks
fail too, on three seeds (what check() says in the notebook predicts the grade). And for every question:
each slip of `question.slips` on the public cases is the hint some written-out function gets, so a slip
added to a bank without a test fails here.
"""

import importlib
import warnings
from pathlib import Path

import numpy as np
import pytest

from coursekit.checks import registry
from coursekit.checks.core import FAILED, FunctionQuestion

MIN_SLIPS = 4

# Graded functions whose slips are not outputs one can recompute (a training run, a forecaster that trains):
# their hints read the learner's result another way, and their own tests write each slip out.
NOT_RECOMPUTABLE = {
    "train": "exercise 11's training loop: judged on the loss it reaches; "
    "tests/test_checks_text_generation.py",
    "forecast": "exercise 12's trained forecaster: judged against baselines; "
    "tests/test_checks_forecasting.py",
}


def _function_questions() -> dict[str, FunctionQuestion]:
    return {gid: q for gid, q in registry.all_questions().items() if isinstance(q, FunctionQuestion)}


def _written() -> dict[str, list]:
    written = {}
    for path in sorted(Path(__file__).parent.glob("test_checks_*.py")):
        for grade_id, name, function, words in getattr(
            importlib.import_module(path.stem), "WRITTEN_SLIPS", []
        ):
            written.setdefault(grade_id, []).append((name, function, words))
    return written


WRITTEN = _written()
ENTRIES = [
    (gid, name, function, words) for gid, entries in WRITTEN.items() for name, function, words in entries
]


def _namespace(question, function) -> dict:
    return dict(function) if isinstance(function, dict) else {question.function: function}


def _verdict(question, function, cases):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")  # the overflows some slips are about
        return question.check_cases(_namespace(question, function), cases)


def test_every_written_slip_names_a_graded_function():
    assert set(WRITTEN) <= set(_function_questions())


@pytest.mark.parametrize("grade_id", sorted(_function_questions()))
def test_every_graded_function_recognises_at_least_four_slips(grade_id):
    question = _function_questions()[grade_id]
    if grade_id in NOT_RECOMPUTABLE:
        assert question.slips is None
        return
    assert question.slips is not None, f"{grade_id}: give its FunctionQuestion slips=…"
    for case in question.public_cases():
        assert len(question.slips(**case.inputs)) >= MIN_SLIPS, case.label
    assert len(WRITTEN.get(grade_id, [])) >= MIN_SLIPS, f"{grade_id}: write its slips out in WRITTEN_SLIPS"


@pytest.mark.parametrize("grade_id, name, function, words", ENTRIES, ids=[f"{e[0]}: {e[1]}" for e in ENTRIES])
def test_a_written_slip_gets_its_hint_publicly_and_fails_hidden(grade_id, name, function, words):
    question = _function_questions()[grade_id]
    public = _verdict(question, function, question.public_cases())
    assert public.status == FAILED and words in public.message, public.message
    for seed in (0, 12345, 2**55 + 3):
        assert _verdict(question, function, question.hidden_cases(seed)).status == FAILED, seed


@pytest.mark.parametrize("grade_id", sorted(set(_function_questions()) - set(NOT_RECOMPUTABLE)))
def test_every_slip_of_the_bank_is_written_out_in_a_test(grade_id):
    question = _function_questions()[grade_id]
    if question.slips is None:
        pytest.fail(f"{grade_id} has no slips")
    hints = {
        _verdict(question, function, question.public_cases()).message
        for _, function, _ in WRITTEN.get(grade_id, [])
    }
    known = {words for case in question.public_cases() for words in question.slips(**case.inputs)}
    missing = [words for words in known if not any(words in hint for hint in hints)]
    assert missing == [], f"{grade_id}: no test writes out these slips: {missing}"
