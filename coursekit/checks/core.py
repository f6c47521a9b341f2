"""What a question is, how a learner's function is run on a case, and how its outputs are judged.

The same code serves `check()` in the learner's notebook (public cases, judged in the kernel)
and the grader (public and hidden cases: the function runs in the submission's kernel, the
judging runs in the grader's own process on the numbers that came back).
"""

from __future__ import annotations

import ast
import linecache
import operator
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

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
    detail: str = (
        ""  # after a raise, the words on it (the learner's line, the shapes): shown only with reveal
    )


@dataclass
class Verdict:
    status: str  # PASSED, FAILED or NOT_ATTEMPTED
    message: str = ""


def _where(index: tuple[int, ...], axes: tuple[str, ...]) -> str:
    return ", ".join(f"{axis} {i}" for axis, i in zip(axes, index))


_ARITHMETIC = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.MatMult: operator.matmul,
}
_LIBRARY = tuple(
    os.path.realpath(p) + os.sep
    for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.dirname(__file__))}
)


def _shape(shape) -> str:
    return str(tuple(int(n) for n in shape))


def _names(items: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b', 'c'] -> 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _learner_frame(error: BaseException):
    """(frame, line number, line text) where the learner's own code raised, or None.

    The innermost frame of the traceback outside Python, its installed packages and coursekit: a
    NumPy error is raised deep inside NumPy, but the learner's line that called it is what helps.
    """
    found = None
    tb = error.__traceback__.tb_next if error.__traceback__ else None  # skip FunctionQuestion.run itself
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if not name.startswith("<frozen") and not os.path.realpath(name).startswith(_LIBRARY):
            found = (tb.tb_frame, tb.tb_lineno, linecache.getline(name, tb.tb_lineno).strip())
        tb = tb.tb_next
    return found


_UNKNOWN = object()


def _index(node, frame):
    """An index made of numbers, names of whole numbers, slices and None; _UNKNOWN for anything else."""
    if isinstance(node, ast.Tuple):
        parts = tuple(_index(part, frame) for part in node.elts)
        return _UNKNOWN if _UNKNOWN in parts else parts
    if isinstance(node, ast.Slice):
        parts = [None if p is None else _index(p, frame) for p in (node.lower, node.upper, node.step)]
        return _UNKNOWN if _UNKNOWN in parts else slice(*parts)
    if isinstance(node, ast.Constant) and (node.value is None or type(node.value) is int):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _index(node.operand, frame)
        return -inner if isinstance(inner, int) else _UNKNOWN
    value = _value(node, frame) if isinstance(node, ast.Name) else None
    return int(value) if isinstance(value, (int, np.integer)) else _UNKNOWN


def _value(node, frame):
    """The value of a small expression of the learner's line (names, .T, indexing, arithmetic), or None.

    Only arrays and numbers take part, so evaluating it again runs none of the learner's code.
    """
    if isinstance(node, ast.Constant):
        return node.value if type(node.value) in (int, float) else None
    if isinstance(node, ast.Name):
        value = frame.f_locals.get(node.id, frame.f_globals.get(node.id))
        return (
            value
            if isinstance(value, (np.ndarray, int, float, np.number)) and not isinstance(value, bool)
            else None
        )
    if isinstance(node, ast.Attribute) and node.attr == "T":
        value = _value(node.value, frame)
        return value.T if isinstance(value, np.ndarray) else None
    if isinstance(node, ast.Subscript):  # x[:, t], b[:, None]
        value, index = _value(node.value, frame), _index(node.slice, frame)
        try:
            return value[index] if isinstance(value, np.ndarray) and index is not _UNKNOWN else None
        except IndexError:
            return None
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        left, right = _value(node.left, frame), _value(node.right, frame)
        if (
            not (isinstance(left, np.ndarray) or isinstance(right, np.ndarray))
            or left is None
            or right is None
        ):
            return None  # numbers alone are never the failing operation (and 10**10**9 would never end)
        try:
            with np.errstate(all="ignore"):
                return _ARITHMETIC[type(node.op)](left, right)
        except Exception:  # noqa: BLE001 - this is the failing operation, or another one
            return None
    return None


def _operations(line: str, frame, kind):
    """[(left text, right text, left shape, right shape)] for each `a OP b` of the line whose sides are arrays."""
    tree = None
    for text in (line, line + " pass", "if " + line.removeprefix("elif ") + " pass"):
        try:
            tree = ast.parse(text)  # a whole line, or the head of an if/for/while
            break
        except SyntaxError:
            continue
    if tree is None:  # a piece of a statement written over several lines: the message's words stand
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, kind):
            sides = node.left, node.right
        elif (
            kind is ast.MatMult
            and isinstance(node, ast.Call)
            and len(node.args) == 2
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("dot", "matmul")
        ):
            sides = tuple(node.args)  # np.dot(a, b), np.matmul(a, b)
        else:
            continue
        left, right = (_value(side, frame) for side in sides)
        if isinstance(left, np.ndarray) and isinstance(right, np.ndarray):
            found.append((ast.unparse(sides[0]), ast.unparse(sides[1]), left.shape, right.shape))
    return found


def _matmul_words(a: str, b: str, sa, sb) -> str:
    k_a, k_b = sa[-1], (sb[-2] if len(sb) > 1 else sb[0])
    said = f"`{a} @ {b}` is {_shape(sa)} @ {_shape(sb)}: the inner sizes differ ({k_a} and {k_b})"
    bare = b[:-2] if b.endswith(".T") else b
    if len(sa) > 1 and len(sb) > 1 and sa[-1] == sb[-1]:
        return (
            f"{said}. A weight stored (out, in) multiplies as x @ W.T: try `{a} @ {b}.T`"
            if not b.endswith(".T")
            else f"{said}; `{b}` is transposed once too often: try `{a} @ {bare}`"
        )
    if len(sa) > 1 and len(sb) > 1 and sa[-2] == sb[-2]:
        return f"{said}. Both have {sa[-2]} rows: a sum over the batch is `{a}.T @ {b}`"
    return (
        f"{said}. `{b}` has {k_b} rows, so the array on its left needs {k_b} columns: "
        f"is `{a}` the input that this weight multiplies?"
    )


_MATMUL = re.compile(r"matmul: Input operand 1 has a mismatch .* \(size (\d+) is different from (\d+)\)")
_DOT = re.compile(r"shapes \(([\d, ]*)\) and \(([\d, ]*)\) not aligned")
_BROADCAST = re.compile(r"operands could not be broadcast together with shapes \(([\d, ]*)\) \(([\d, ]*)\)")
_INTO = re.compile(r"could not broadcast input array from shape \(([\d, ]*)\) into shape \(([\d, ]*)\)")
_CONCATENATE = re.compile(
    r"along dimension (\d+), the array at index (\d+) has size (\d+) and the array at index "
    r"(\d+) has size (\d+)"
)
_RESHAPE = re.compile(r"cannot reshape array of size (\d+) into shape \(([\d, ]*)\)")
_INDEX = re.compile(r"index (-?\d+) is out of bounds for axis (\d+) with size (\d+)")


def _tuple(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.replace(" ", "").split(",") if n)


def _shape_words(error: BaseException, frame, line: str) -> str | None:
    """A sentence on a shape error from NumPy: the operation, the shapes that met, the likely fix."""
    message = str(error)
    if isinstance(error, ValueError) and (_MATMUL.search(message) or _DOT.search(message)):
        for a, b, sa, sb in _operations(line, frame, ast.MatMult) if frame else []:
            if sa[-1] != (sb[-2] if len(sb) > 1 else sb[0]):
                return _matmul_words(a, b, sa, sb)
        dot = _DOT.search(message)
        if dot:
            sa, sb = _tuple(dot.group(1)), _tuple(dot.group(2))
            return (
                f"a matrix product (np.dot) met {_shape(sa)} and {_shape(sb)}: the inner sizes differ "
                f"({sa[-1]} and {sb[-2] if len(sb) > 1 else sb[0]}). A weight stored (out, in) multiplies as "
                f"x @ W.T"
            )
        size_b, size_a = _MATMUL.search(message).groups()
        return (
            f"a matrix product (@) met inner sizes {size_a} and {size_b}: in (n, k) @ (k, m) the columns of "
            f"the "
            "left array must equal the rows of the right one. A weight stored (out, in) multiplies as x @ W.T"
        )
    match = isinstance(error, ValueError) and (_BROADCAST.search(message) or _INTO.search(message))
    if match:
        sa, sb = _tuple(match.group(1)), _tuple(match.group(2))
        what = f"shapes {_shape(sa)} and {_shape(sb)} do not broadcast"
        for a, b, la, lb in (
            _operations(line, frame, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)) if frame else []
        ):
            if {la, lb} == {sa, sb}:
                what = f"`{a}` {_shape(la)} and `{b}` {_shape(lb)} do not broadcast"
                break
        if match.re is _INTO:
            what = f"an array of shape {_shape(sa)} does not fit into a place of shape {_shape(sb)}"
        fix = " (one is the other transposed)" if sa == sb[::-1] and len(sa) > 1 else ""
        column = any(len(shape) == 2 and shape[1] == 1 for shape in (sa, sb))
        return f"{what}{fix}: element-wise, each axis must be equal or 1, counting from the right" + (
            "; a bias of shape (H,) adds to (N, H) as it is, without [:, None]" if column else ""
        )
    match = isinstance(error, ValueError) and _CONCATENATE.search(message)
    if match:
        axis, first, size_first, other, size_other = match.groups()
        return (
            f"np.concatenate: along axis {axis} array {first} has size {size_first} and array {other} has "
            f"size "
            f"{size_other}; every axis but the one joined must match. To put features side by side, join "
            f"along "
            "the last axis (axis=-1)"
        )
    match = isinstance(error, ValueError) and _RESHAPE.search(message)
    if match:
        size, shape = int(match.group(1)), _tuple(match.group(2))
        return (
            f"an array of {size} numbers cannot take the shape {_shape(shape)}, which holds "
            f"{int(np.prod(shape))}: check the sizes asked for"
        )
    match = isinstance(error, IndexError) and _INDEX.search(message)
    if match:
        index, axis, size = match.groups()
        return (
            f"index {index} is past the end of axis {axis}, which has size {size} (indices 0 to "
            f"{int(size) - 1}): "
            "check which axis the loop walks (batch-first: x[:, t] is time step t, x[n] is sequence n)"
        )
    return None


def _describe_error(error: BaseException) -> str:
    """The learner's exception in words: its type, their line that raised it, and for a shape error what met.

    "ValueError at line 3, `h = x @ W`: `x @ W` is (3, 2) @ (4, 2): the inner sizes differ (2 and 4). ..."
    """
    place = _learner_frame(error)
    frame, number, line = place if place else (None, None, "")
    where = f" at line {number}" + (f", `{line}`" if line else "") if place else ""
    words = _shape_words(error, frame, line)
    return f"{type(error).__name__}{where}: {words or error}"


def _expected_shape(expected: np.ndarray, axes: tuple[str, ...]) -> str:
    return "a single number" if expected.ndim == 0 else f"{expected.shape} = ({', '.join(axes)})"


def compare_output(
    name: str, axes: tuple[str, ...], expected: np.ndarray, received, tolerance: float, reveal: bool = True
) -> str | None:
    """None when received matches expected; otherwise one sentence on the first difference.

    reveal=False leaves out every value (expected or received) and the received shape: graders use
    it, so that feedback never carries a hidden case's numbers, or numbers a submission chose to
    send out through it.
    """
    if received is None:
        return f"{name} is None: did you forget `return`?"
    try:
        received = np.asarray(received)
    except ValueError:  # a ragged list
        return f"{name} should be an array of numbers; got a list whose rows have different lengths"
    if received.dtype.kind not in "fiub":
        kind = {"O": "Python objects", "U": "text", "S": "bytes", "c": "complex numbers"}.get(
            received.dtype.kind, f"{received.dtype} values"
        )
        return f"{name} should be an array of numbers; got {kind}"
    if received.shape != expected.shape:
        if not reveal:
            got = "has the wrong shape"  # a shape can carry numbers
        else:
            got = "is a single number" if received.ndim == 0 else f"has shape {received.shape}"
        return f"{name} {got}; expected {_expected_shape(expected, axes)}" + (
            " — the transpose: check the order of a matrix product"
            if received.ndim > 1 and received.shape == expected.shape[::-1]
            else ""
        )
    bad = ~np.isfinite(received)
    if bad.any():
        if expected.ndim == 0:
            return f"{name} is NaN or infinity"
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        return f"{name} contains NaN or infinity, first at {_where(first, axes)}"
    if rel_error(expected, received) <= tolerance:
        return None
    if not reveal:
        if expected.ndim == 0:
            return f"{name} is not the expected value"
        first = tuple(
            int(i) for i in np.unravel_index(np.argmax(np.abs(expected - received)), expected.shape)
        )
        return f"{name} differs from the expected values; the largest difference is at {_where(first, axes)}"
    if expected.ndim == 0:
        return f"{name} is {float(received):.6g}; expected {float(expected):.6g}"
    first = tuple(int(i) for i in np.unravel_index(np.argmax(np.abs(expected - received)), expected.shape))
    return (
        f"{name} differs from the expected values; the largest difference is at {_where(first, axes)}: "
        f"expected {expected[first]:.6g}, received {float(received[first]):.6g}"
    )


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


def _close(expected, received) -> bool:
    if expected is None:
        return True  # this output does not tell the slip apart: any value goes
    expected, received = np.asarray(expected, dtype=float), np.asarray(received, dtype=float)
    return (
        expected.shape == received.shape
        and bool(np.all(np.isfinite(received)))
        and rel_error(expected, received) < 1e-6
    )


def matching_slips(received, slips: dict) -> str | None:
    """The words of the first slip whose outputs all equal the learner's; an entry None in a slip's
    outputs matches anything (that output does not depend on the slip, or says nothing about it)."""
    for words, values in slips.items():
        if values is not None and len(values) == len(received) and all(map(_close, values, received)):
            return words
    return None


@dataclass
class FunctionQuestion:
    """The learner writes a function; it is called on cases and its outputs compared with a reference.

    reference(**inputs) -> tuple of expected outputs, named by `outputs` with their axes.
    hints(inputs, received) -> a sentence naming the likely mistake, or None.
    slips(**inputs) -> {words naming a likely mistake: what that mistake returns (one array, or a tuple with
    None where an output says nothing about it)}: the mistakes the bank recognises. Without `hints`, the
    hint is the first slip whose outputs equal the learner's; tests/test_slip_coverage.py requires that
    every slip is written out by hand in a test, as a learner would write it.
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
    slips: Callable | None = None

    def run(self, namespace: dict, case: Case) -> Run:
        """Call the learner's function on a copy of the case (in the learner's kernel)."""
        function = namespace.get(self.function)
        if not callable(function):
            return Run(
                "missing",
                error=f"no function named `{self.function}` is defined; "
                f"keep the name and signature the exercise gives",
            )
        inputs = {name: value.copy() for name, value in case.inputs.items()}
        try:
            result = function(*inputs.values())
        except NotImplementedError:
            return Run(NOT_ATTEMPTED)
        except Exception as error:  # the learner's code may raise anything
            words = _describe_error(error)
            if isinstance(error, NameError) and getattr(error, "name", None) == "np":
                words += "; add `import numpy as np` above the function"
            elif isinstance(error, NameError):
                words += f"; the inputs of `{self.function}` are {_names(list(case.inputs))}"
            return Run("raised", error=type(error).__name__, detail=words.removeprefix(type(error).__name__))
        named = f"`{self.function}`"
        if result is None:
            return Run("wrong form", error=f"{named} returned None: did you forget `return`?")
        several = isinstance(result, tuple) and any(isinstance(v, (np.ndarray, list, tuple)) for v in result)
        if len(self.outputs) == 1 and not (several and len(result) != 1):
            result = (result,)
        if not isinstance(result, (tuple, list)) or len(result) != len(self.outputs):
            count = len(result) if isinstance(result, (tuple, list)) else 1
            return Run(
                "wrong form",
                error=f"{named} returned {count} value{'s' if count != 1 else ''}; it should "
                f"return {len(self.outputs)} ({_names(list(self.outputs))})",
            )
        outputs = []
        for value in result:
            try:
                outputs.append(None if value is None else np.array(value))
            except Exception:  # noqa: BLE001 - a ragged list: compare_output says what it is
                outputs.append(value)
        return Run("returned", outputs=outputs, inputs_after=inputs)

    def judge(self, case: Case, run: Run, reveal: bool = True) -> Verdict:
        """Compare one run with the reference (in check() or in the grader's process).

        reveal=False: the words name what is wrong and where, never a value (see compare_output).
        Several outputs: the verdict says which are right and which are not, then the first difference.
        """
        if run.status == NOT_ATTEMPTED:
            return Verdict(NOT_ATTEMPTED, f"`{self.function}` still raises NotImplementedError")
        if run.status == "missing":
            return Verdict(NOT_ATTEMPTED, run.error)
        if run.status == "raised":
            return Verdict(
                FAILED,
                f"on {case.label}, `{self.function}` raised {run.error}" + (run.detail if reveal else ""),
            )  # the learner's text may carry any value
        if run.status == "wrong form":
            return Verdict(FAILED, f"on {case.label}, {run.error}")
        for name, before in case.inputs.items():
            after = run.inputs_after.get(name)
            if (
                after is None
                or after.shape != before.shape
                or not np.array_equal(after, before, equal_nan=True)
            ):
                return Verdict(
                    FAILED,
                    f"on {case.label}, `{self.function}` changed its input `{name}` in place; "
                    f"compute into new arrays instead (e.g. a = a + b, not a += b)",
                )
        expected = self.reference(**case.inputs)
        problems = {
            name: compare_output(name, axes, np.asarray(want), got, self.tolerance, reveal)
            for (name, axes), want, got in zip(self.outputs.items(), expected, run.outputs)
        }
        wrong = [name for name, problem in problems.items() if problem]
        if not wrong:
            return Verdict(PASSED)
        right = [name for name in problems if name not in wrong]
        if len(problems) == 1:
            summary = ""
        elif not right:
            summary = f"all {len(problems)} outputs are wrong; the first: "
        else:
            summary = (
                f"{_names(right)} {'is' if len(right) == 1 else 'are'} right; {_names(wrong)} "
                f"{'is' if len(wrong) == 1 else 'are'} not: "
            )
        hint = self._hint(case, run)
        return Verdict(
            FAILED, f"on {case.label}: {summary}{problems[wrong[0]]}." + (f" Hint: {hint}" if hint else "")
        )

    def _hint(self, case: Case, run: Run) -> str | None:
        """The bank's words on the likely slip, when the outputs are arrays of numbers its hints can read."""
        if not (self.hints or self.slips) or not all(
            isinstance(o, np.ndarray) and o.dtype.kind in "fiub" for o in run.outputs
        ):
            return None
        try:
            if self.hints:
                return self.hints(case.inputs, run.outputs)
            slips = {
                words: wrong if isinstance(wrong, tuple) else (wrong,)
                for words, wrong in self.slips(**case.inputs).items()
            }
            return matching_slips(run.outputs, slips)
        except Exception:  # noqa: BLE001 - outputs of an unexpected shape; the sentence above stands alone
            return None

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
