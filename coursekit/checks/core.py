"""What a question is, how a learner's function is run on a case, and how its outputs are judged.

The same code serves `check()` in the learner's notebook (public cases, judged in the kernel)
and the grader (public and hidden cases: the function runs in the submission's kernel, the
judging runs in the grader's own process on the numbers that came back).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..nn.gradcheck import rel_error

PASSED, FAILED, NOT_ATTEMPTED = "passed", "failed", "not attempted"


@dataclass
class Case:
    """One set of inputs for a learner's function. inputs: {argument name: array}, in call order."""

    label: str
    inputs: dict[str, np.ndarray]


@dataclass
class Run:
    """What happened when the learner's function met one case (numbers only, no objects)."""

    status: str  # "returned", "not attempted", "raised", "missing"
    outputs: list[np.ndarray] = field(default_factory=list)
    inputs_after: dict[str, np.ndarray] = field(default_factory=dict)
    error: str = ""


@dataclass
class Verdict:
    status: str  # PASSED, FAILED or NOT_ATTEMPTED
    message: str = ""


def _format(value) -> str:
    return np.array2string(np.asarray(value), precision=4, suppress_small=True, separator=", ")


def _where(index: tuple[int, ...], axes: tuple[str, ...]) -> str:
    return ", ".join(f"{axis} {i}" for axis, i in zip(axes, index))


def compare_output(name: str, axes: tuple[str, ...], expected: np.ndarray, received, tolerance: float,
                   reveal: bool = True) -> str | None:
    """None when received matches expected; otherwise one sentence on the first difference.

    reveal=False leaves out every value (expected or received) and the received shape: graders use
    it, so that feedback never carries a hidden case's numbers, or numbers a submission chose to
    send out through it.
    """
    received = np.asarray(received)
    if received.dtype.kind not in "fiub":
        return f"{name} should be an array of numbers; got {received.dtype} values"
    if received.shape != expected.shape:
        got = f"has shape {received.shape}" if reveal else "has the wrong shape"  # a shape can carry numbers
        return (f"{name} {got}; expected {expected.shape} = ({', '.join(axes)})"
                + (" — the transpose: check the order of a matrix product" if received.shape == expected.shape[::-1] else ""))
    bad = ~np.isfinite(received)
    if bad.any():
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        return f"{name} contains NaN or infinity, first at {_where(first, axes)}"
    if rel_error(expected, received) <= tolerance:
        return None
    if not reveal:
        if expected.ndim == 0:
            return f"{name} is not the expected value"
        first = tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(expected - received)), expected.shape))
        return f"{name} differs from the expected values; the largest difference is at {_where(first, axes)}"
    if expected.ndim == 0:
        return f"{name} is {float(received):.6g}; expected {float(expected):.6g}"
    first = tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(expected - received)), expected.shape))
    return (f"{name} differs from the expected values; the largest difference is at {_where(first, axes)}: "
            f"expected {expected[first]:.6g}, received {float(received[first]):.6g}")


def matching_slip(received, slips: dict, tolerance: float = 1e-6) -> str | None:
    """The words of the first slip whose value equals what the learner returned, if any.

    slips: {words naming a likely mistake: the output that mistake produces (None to skip)}.
    Hints are built on this: recompute the step with each slip made on purpose and compare.
    """
    got = np.asarray(received, dtype=float)
    for words, value in slips.items():
        if value is None:
            continue
        value = np.asarray(value, dtype=float)
        if value.shape == got.shape and rel_error(value, got) < tolerance:
            return words
    return None


@dataclass
class FunctionQuestion:
    """The learner writes a function; it is called on cases and its outputs compared with a reference.

    reference(**inputs) -> tuple of expected outputs, named by `outputs` with their axes.
    hints(inputs, received) -> a sentence naming the likely mistake, or None.
    """

    grade_id: str
    notebook: str
    function: str
    outputs: dict[str, tuple[str, ...]]  # output name -> axis names, e.g. {"h_t": ("sequence", "unit")}
    reference: Callable
    public_cases: Callable[[], list[Case]]
    hidden_cases: Callable[[int], list[Case]]
    points: float = 1.0
    tolerance: float = 1e-6
    hints: Callable | None = None

    def run(self, namespace: dict, case: Case) -> Run:
        """Call the learner's function on a copy of the case (in the learner's kernel)."""
        function = namespace.get(self.function)
        if not callable(function):
            return Run("missing", error=f"no function named `{self.function}` is defined; "
                                        f"keep the name and signature the exercise gives")
        inputs = {name: value.copy() for name, value in case.inputs.items()}
        try:
            result = function(*inputs.values())
        except NotImplementedError:
            return Run(NOT_ATTEMPTED)
        except Exception as error:  # the learner's code may raise anything
            return Run("raised", error=f"{type(error).__name__}: {error}")
        if len(self.outputs) == 1:
            result = (result,)
        if not isinstance(result, (tuple, list)) or len(result) != len(self.outputs):
            names = ", ".join(self.outputs)
            return Run("raised", error=f"`{self.function}` should return {len(self.outputs)} value(s) ({names})")
        try:
            outputs = [np.array(value) for value in result]
        except Exception as error:
            return Run("raised", error=f"the returned values are not arrays: {error}")
        return Run("returned", outputs=outputs, inputs_after=inputs)

    def judge(self, case: Case, run: Run, reveal: bool = True) -> Verdict:
        """Compare one run with the reference (in check() or in the grader's process).

        reveal=False: the words name what is wrong and where, never a value (see compare_output).
        """
        if run.status == NOT_ATTEMPTED:
            return Verdict(NOT_ATTEMPTED, f"`{self.function}` still raises NotImplementedError")
        if run.status == "missing":
            return Verdict(NOT_ATTEMPTED, run.error)
        if run.status == "raised":
            return Verdict(FAILED, f"on {case.label}, `{self.function}` raised {run.error}")
        for name, before in case.inputs.items():
            after = run.inputs_after.get(name)
            if after is None or after.shape != before.shape or not np.array_equal(after, before, equal_nan=True):
                return Verdict(FAILED, f"on {case.label}, `{self.function}` changed its input `{name}` in place; "
                                       f"compute into new arrays instead (e.g. a = a + b, not a += b)")
        expected = self.reference(**case.inputs)
        for (name, axes), want, got in zip(self.outputs.items(), expected, run.outputs):
            problem = compare_output(name, axes, np.asarray(want), got, self.tolerance, reveal)
            if problem:
                hint = self.hints(case.inputs, run.outputs) if self.hints else None
                return Verdict(FAILED, f"on {case.label}: {problem}." + (f" Hint: {hint}" if hint else ""))
        return Verdict(PASSED)

    def check_cases(self, namespace: dict, cases: list[Case]) -> Verdict:
        """Run and judge cases in order; the first one that does not pass decides.

        A judge may say something about a passed case (an open-ended question reports the score it
        measured); those words are kept, in order, in the passing verdict.
        """
        notes = []
        for case in cases:
            verdict = self.judge(case, self.run(namespace, case))
            if verdict.status != PASSED:
                return verdict
            notes += [verdict.message] if verdict.message else []
        return Verdict(PASSED, "; ".join(notes))
