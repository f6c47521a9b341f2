"""`coursekit grade`, one submission: read it, plan it, run it in the sandbox, judge it here.

Two processes. This one (the grader) holds the references, the hidden cases, the quiz banks and
every score. The learner's code runs in a sandbox (sandbox.py) that can see none of them; the
grader sends it cells to run and inputs to call functions on, and judges the numbers that come
back (judge.py). Nothing the sandbox writes to disk is ever read. A cell that runs out of time or
memory costs only what depends on it: the sandbox is killed, and a fresh one replays the cells
before it (without the one that failed) for the questions that come after.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..checks.core import FAILED, NOT_ATTEMPTED, PASSED, FunctionQuestion, Verdict
from ..checks.registry import questions_of
from .cells import NotebookError, read_notebook, role
from .judge import describe_inputs, error_name, hidden_seed, judge_quiz, judge_reply
from .limits import Limits
from .release import release_notebook
from .sandbox import KEPT_OUTPUT_BYTES, Sandbox, SandboxStopped
from .submission import Step, match_solution, plan, read_submission, student_name

MAX_RESTARTS = 5  # fresh sandboxes for one submission after cells that ran out of time or memory
NOT_ISOLATED = "not isolated — not for credit"


@dataclass
class GradeOptions:
    source: Path  # the solutions folder
    limits: Limits = field(default_factory=Limits)
    isolated: bool = True  # False: --no-sandbox (rows marked NOT_ISOLATED)
    secret: str | None = None  # the instructor's: hidden cases per learner
    seed: int = 0  # the hidden cases without a secret (and mixed into the secret's)
    show_hidden: bool = False  # feedback shows failed cases' inputs and the learner's error messages


@dataclass
class QuestionResult:
    points: float
    max_points: float
    status: str
    message: str = ""
    inputs: str = ""  # the failed case's inputs, only when the instructor asks (show_hidden)


@dataclass
class SubmissionResult:
    student: str
    file: str
    notebook: str = ""
    score: float = 0.0
    max_score: float = 0.0
    questions: dict[str, QuestionResult] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    error: str = ""  # set when the submission could not be graded at all
    isolation: str = "sandbox"  # or NOT_ISOLATED
    sha256: str = ""  # of the submitted file, to know a resumed run's finished work
    output: str = ""  # the start of what the learner's code printed (for the instructor, never in feedback)
    seconds: float = 0.0
    sandbox_start_seconds: float = 0.0


class Session:
    """The sandbox of one submission, restarted after a stop, with the cells it ran replayed."""

    def __init__(self, options: GradeOptions):
        self.options, self.box, self.restarts = options, None, 0
        self.code: list[Step] = []  # cells that ran to the end or raised: replayed in a fresh sandbox
        self.notes: list[str] = []
        self.start_seconds, self.output = 0.0, bytearray()
        self.deadline = time.monotonic() + options.limits.submission_seconds

    def _sandbox(self) -> Sandbox:
        if self.box is None:
            if self.restarts > MAX_RESTARTS:
                raise SandboxStopped("restarts", f"the sandbox was stopped more than {MAX_RESTARTS} times")
            self.box = Sandbox(self.options.limits, self.options.isolated)
            self.box.start()
            self.start_seconds += self.box.start_seconds
            for step in list(self.code):  # the state the next request expects
                try:
                    left = max(0.1, self.deadline - time.monotonic())
                    self.box.request(
                        {"op": "cell", "source": step.source},
                        timeout=min(self.options.limits.cell_seconds, left),
                    )
                except SandboxStopped:
                    self._stopped()
                    self.code.remove(step)
                    return self._sandbox()
        return self.box

    def _keep_output(self) -> None:
        self.output += self.box.output[: max(0, KEPT_OUTPUT_BYTES - len(self.output))]

    def _stopped(self) -> None:
        if self.box is not None:
            self._keep_output()
            self.box.stop()
        self.box, self.restarts = None, self.restarts + 1

    def request(self, header: dict, arrays=(), what: str = ""):
        """The sandbox's reply to one request (a fresh sandbox first, if needed); SandboxStopped if it
        could not answer. `what` names the request in a note when the memory limit killed a child."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise SandboxStopped(
                "time", f"the submission used up its {self.options.limits.submission_seconds} s"
            )
        try:
            reply = self._sandbox().request(
                header, arrays, timeout=min(self.options.limits.cell_seconds, left)
            )
        except SandboxStopped as error:
            self._stopped()
            if error.reason == "time" and left < self.options.limits.cell_seconds:
                raise SandboxStopped(
                    "time", f"the submission used up its {self.options.limits.submission_seconds} s"
                ) from None
            raise
        if self.box.memory_kill_since_last_asked():
            self.notes.append(
                f"{what or 'a request'}: a process it started was killed for using more than "
                f"{self.options.limits.memory_mb} MB (all processes of the submission together)"
            )
        return reply

    def close(self) -> None:
        if self.box is not None:
            self._keep_output()
            self.box.stop()
            self.box = None


def _stopped_words(error: SandboxStopped) -> str:
    return f"{error}; the sandbox was stopped" if error.reason != "restarts" else str(error)


def _run_cell(session: Session, step: Step, reveal: bool) -> str | None:
    """Run a given or answer cell; a note when it failed."""
    where = f"answer cell '{step.grade_id}'" if step.kind == "answer" else "a cell of the exercise"
    try:
        reply, _ = session.request({"op": "cell", "source": step.source}, what=where)
    except SandboxStopped as error:
        return (
            f"{where}: {_stopped_words(error)}; the questions after it were graded in a fresh sandbox "
            "without this cell"
        )
    session.code.append(step)
    if reply.get("ok") is True:
        return None
    detail = f": {str(reply.get('error', ''))[:300]}" if reveal else ""
    return f"{where} stopped with {error_name(reply)}{detail}"


def _grade_function(session: Session, question: FunctionQuestion, seed: int, options: GradeOptions):
    """(verdict, the inputs of the failed case for the instructor) over public then hidden cases."""
    public, hidden = question.public_cases(), question.hidden_cases(seed)
    notes = []
    for case in public + hidden:
        try:
            reply, outputs = session.request(
                {"op": "call", "function": question.function, "outputs": len(question.outputs)},
                list(case.inputs.values()),
                what=f"`{question.function}` on {case.label}",
            )
        except SandboxStopped as error:
            verdict = Verdict(FAILED, f"on {case.label}, `{question.function}` was stopped: {error}")
            return verdict, describe_inputs(case) if options.show_hidden else ""
        verdict = judge_reply(question, case, reply, outputs, reveal=options.show_hidden)
        if verdict.status != PASSED:
            return verdict, describe_inputs(case) if options.show_hidden else ""
        notes += [verdict.message] if verdict.message else []
    return Verdict(PASSED, "; ".join(notes)), ""


def grade_submission(path: Path, options: GradeOptions, root: Path | None = None) -> SubmissionResult:
    """Grade one submitted notebook; never raises (a broken submission gets a row with the reason)."""
    began = time.perf_counter()
    path = Path(path)
    result = SubmissionResult(
        student=student_name(path, root),
        file=str(path),
        isolation="sandbox" if options.isolated else NOT_ISOLATED,
    )
    session = Session(options)
    try:
        raw, submission = read_submission(path)
        result.sha256 = hashlib.sha256(raw).hexdigest()
        solution_path = match_solution(submission, path.name, options.source)
        result.notebook = solution_path.name
        solution = read_notebook(solution_path)
        questions = questions_of(solution_path.name)
        for cell in solution.cells:
            gid = role(cell).grade_id
            if role(cell).grade and gid in questions:
                result.questions[gid] = QuestionResult(0.0, questions[gid].points, NOT_ATTEMPTED)
        result.max_score = sum(q.max_points for q in result.questions.values())
        steps = plan(submission, release_notebook(solution), questions)
        result.notes += steps.notes
        for step in steps.steps:
            if step.kind in ("given", "answer"):
                note = _run_cell(session, step, options.show_hidden)
                result.notes += [note] if note else []
                continue
            question, failed_inputs = questions[step.grade_id], ""
            if step.kind == "function":
                seed = hidden_seed(options.secret, options.seed, result.student, step.grade_id)
                verdict, failed_inputs = _grade_function(session, question, seed, options)
            else:
                try:
                    reply, _ = session.request({"op": "answer", "grade_id": step.grade_id})
                    verdict = judge_quiz(question, reply)
                except SandboxStopped as error:
                    verdict = Verdict(FAILED, f"the answer could not be read: {error}")
            result.questions[step.grade_id] = QuestionResult(
                question.points if verdict.status == PASSED else 0.0,
                question.points,
                verdict.status,
                verdict.message,
                failed_inputs,
            )
    except NotebookError as error:
        result.error = str(error)
    except Exception as error:  # noqa: BLE001 - one broken submission must never stop the batch
        result.error = f"grading failed: {type(error).__name__}: {error}"
    finally:
        session.close()
        result.notes += session.notes
    if not options.isolated:
        result.notes.append(f"graded without a sandbox: {NOT_ISOLATED}")
    result.score = sum(q.points for q in result.questions.values())
    result.output = session.output.decode("utf-8", "replace")
    result.sandbox_start_seconds = session.start_seconds
    result.seconds = time.perf_counter() - began
    return result
