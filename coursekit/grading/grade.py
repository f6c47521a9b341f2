"""`coursekit grade`: grade submissions without trusting them.

For each submission:
1. read it (a broken file becomes a row with the reason, never a crash of the batch);
2. rebuild the notebook from the released exercise, taking from the submission only the
   answer cells, matched by grade_id: edited or deleted check cells change nothing, cells the
   learner added are ignored, a deleted answer stays a stub and scores zero;
3. put the grader's harness in place of every graded cell, so checks run in notebook order;
4. run it in a fresh kernel with a time limit per cell and a memory limit;
5. judge what the harness saved, here in the grader's process, and compute the score here.
The submission file is only ever read.
"""
from __future__ import annotations

import ast
import copy
import inspect
import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import numpy as np

from ..checks.core import FAILED, NOT_ATTEMPTED, PASSED, Case, FunctionQuestion, Run, Verdict
from ..checks.registry import questions_of
from ..quiz import QuizQuestion
from . import harness
from .cells import NotebookError, read_notebook, role
from .release import release_notebook
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

DEFAULT_CELL_TIMEOUT = 60  # seconds a cell may run
DEFAULT_MEMORY_MB = 2048  # address space of the kernel
DEFAULT_MAX_OUTPUT_MB = 5.0  # outputs kept per notebook; the rest is dropped
# Answer cells may not reach into coursekit (it holds the reference solutions) or patch modules.
FORBIDDEN_IN_ANSWERS = ("coursekit", "sys.modules", "importlib", "__import__", "builtins")
MAX_KERNEL_RESTARTS = 3


@dataclass
class GradeOptions:
    source: Path  # the solutions folder
    cell_timeout: int = DEFAULT_CELL_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    max_output_mb: float = DEFAULT_MAX_OUTPUT_MB
    seed: int = 0  # picks the hidden cases
    threads: int = 1  # BLAS and torch threads in each kernel
    show_hidden: bool = False  # feedback shows the inputs of a failed check, hidden ones too


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
    seconds: float = 0.0
    kernel_start_seconds: float = 0.0


# ---- which exercise, and the rebuilt notebook ---------------------------------------------
def _answer_ids(notebook) -> set[str]:
    return {role(c).grade_id for c in notebook.cells if role(c).solution and role(c).grade_id}


def match_solution(submission, file_name: str, source: Path) -> Path:
    """The solution this submission answers: the same file name, else the most shared answer cells."""
    candidates = sorted(Path(source).glob("*.ipynb"))
    for path in candidates:
        if path.name == file_name:
            return path
    submitted = _answer_ids(submission)
    shared = {path: len(submitted & _answer_ids(read_notebook(path))) for path in candidates}
    best = max(shared, key=shared.get, default=None)
    if best is None or shared[best] == 0:
        raise NotebookError(f"{file_name} matches no exercise in {source}: no solution of that name and no "
                            "answer cells (grade_ids) in common")
    return best


def _harness_cell(call: str) -> str:
    """A cell that runs one harness function in a namespace of its own."""
    source = inspect.getsource(harness)
    return (f"_coursekit_harness = {{}}\nexec(compile({source!r}, '<coursekit-harness>', 'exec'), _coursekit_harness)\n"
            f"_coursekit_harness{call}\ndel _coursekit_harness")


def forbidden_use(source: str) -> str | None:
    """The first forbidden module or name an answer cell uses, if any."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None  # the kernel reports it where it stands
    used = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Attribute)):
            used.append(ast.unparse(node))
        elif isinstance(node, ast.Import):
            used += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            used.append(node.module or "")
    for name in FORBIDDEN_IN_ANSWERS:
        if any(text == name or text.startswith(name + ".") or f".{name}" in text for text in used):
            return name
    return None


def save_cases(path: Path, cases: list[Case]) -> None:
    np.savez(path, **{f"{i}/{position}/{name}": value for i, case in enumerate(cases)
                      for position, (name, value) in enumerate(case.inputs.items())})


@dataclass
class Plan:
    """The notebook to run, and what each harness cell in it stands for."""

    notebook: object
    graded: dict[int, str] = field(default_factory=dict)  # cell index -> grade_id
    cases: dict[str, list[Case]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    forbidden: dict[str, str] = field(default_factory=dict)  # answer grade_id -> what it used


def rebuild(submission, solution, questions: dict, work: Path, seed: int) -> Plan:
    exercise = release_notebook(solution)
    counts = Counter(role(c).grade_id for c in submission.cells if role(c).grade_id)
    submitted = {}
    for cell in submission.cells:
        submitted.setdefault(role(cell).grade_id, cell)  # a duplicated answer: the first copy counts
    plan = Plan(copy.deepcopy(exercise))
    plan.notebook.cells = []
    plan.notes += [f"cell '{gid}' appears {n} times in the submission; the first copy was graded"
                   for gid, n in sorted(counts.items()) if n > 1]
    for cell in exercise.cells:
        cell_role = role(cell)
        new = copy.deepcopy(cell)
        if cell_role.solution and cell.cell_type == "code":
            theirs = submitted.get(cell_role.grade_id)
            if theirs is None or theirs.cell_type != "code":
                plan.notes.append(f"answer cell '{cell_role.grade_id}' is missing from the submission; "
                                  "it was graded as not attempted")
            else:
                new.source = theirs.source
                used = forbidden_use(theirs.source)
                if used:
                    plan.forbidden[cell_role.grade_id] = used
        plan.notebook.cells.append(new)
        if not cell_role.grade or cell.cell_type != "code":
            continue
        question = questions.get(cell_role.grade_id)
        if isinstance(question, FunctionQuestion):
            cases = question.public_cases() + question.hidden_cases(seed)
            plan.cases[cell_role.grade_id] = cases
            save_cases(work / f"{cell_role.grade_id}.in.npz", cases)
            new.source = _harness_cell(
                f"['run_function']({question.function!r}, {len(question.outputs)}, "
                f"{str(work / (cell_role.grade_id + '.in.npz'))!r}, {str(work / cell_role.grade_id)!r}, globals())")
        elif isinstance(question, QuizQuestion):  # the answer cell itself carries the points
            record = nbformat.v4.new_code_cell(
                _harness_cell(f"['record_answer']({cell_role.grade_id!r}, {str(work / cell_role.grade_id)!r})"))
            plan.notebook.cells.append(record)
        else:
            plan.notes.append(f"graded cell '{cell_role.grade_id}' has no question in coursekit.checks; not scored")
            continue
        plan.graded[len(plan.notebook.cells) - 1] = cell_role.grade_id
    return plan


# ---- running ------------------------------------------------------------------------------
class _Client(NotebookClient):
    """nbclient's client, keeping at most max_output_bytes of outputs per notebook."""

    def __init__(self, *args, max_output_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_output_bytes, self.output_bytes, self.dropped_output = max_output_bytes, 0, False

    def output(self, outs, msg, display_id, cell_index):
        self.output_bytes += len(json.dumps(msg.get("content", {})))
        if self.output_bytes > self.max_output_bytes:
            self.dropped_output = True
            return None
        return super().output(outs, msg, display_id, cell_index)


def _kernel_spec_dir(options: GradeOptions, root: Path) -> Path:
    """A kernelspec for this Python, started through limited_kernel with the memory limit."""
    spec_dir = root / "kernels" / "coursekit-grader"
    spec_dir.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "coursekit.grading.limited_kernel", "--memory-mb", str(options.memory_mb),
            "-f", "{connection_file}"]
    (spec_dir / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "grader", "language": "python"}))
    return root / "kernels"


def _kernel_env(options: GradeOptions) -> dict:
    threads = str(options.threads)
    return {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads, "MKL_NUM_THREADS": threads,
            "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}


def execute(plan: Plan, options: GradeOptions, work: Path) -> tuple[list[str], float]:
    """Run the plan's notebook cell by cell; returns notes on what went wrong, and kernel start time."""
    notes, start_seconds, restarts = [], 0.0, 0
    spec_manager = KernelSpecManager(kernel_dirs=[str(_kernel_spec_dir(options, work))])
    code_cells = [i for i, c in enumerate(plan.notebook.cells) if c.cell_type == "code"]
    skip: set[int] = set()  # cells that killed the kernel are not run again
    position = 0
    while position < len(code_cells):
        manager = AsyncKernelManager(kernel_name="coursekit-grader", kernel_spec_manager=spec_manager,
                                     transport="ipc", connection_file=str(work / "kernel.json"))
        client = _Client(plan.notebook, km=manager, timeout=options.cell_timeout, interrupt_on_timeout=True,
                         error_on_timeout={"ename": "CellTimeout",
                                           "evalue": f"the cell ran longer than {options.cell_timeout} s"},
                         allow_errors=True, record_timing=False, startup_timeout=120, shutdown_kernel="immediate",
                         max_output_bytes=int(options.max_output_mb * 1e6))
        started = time.perf_counter()
        try:
            with client.setup_kernel(env=_kernel_env(options), cwd=str(work)):
                start_seconds += time.perf_counter() - started
                # after a restart, run again what came before the crash to rebuild the state
                for index in code_cells[:position] if restarts else []:
                    if index not in skip and index not in plan.graded:
                        client.execute_cell(plan.notebook.cells[index], index)
                while position < len(code_cells):
                    index = code_cells[position]
                    if index not in skip:
                        began = time.perf_counter()
                        cell = client.execute_cell(plan.notebook.cells[index], index)
                        timed_out = time.perf_counter() - began >= options.cell_timeout
                        notes += _error_note(cell, options.cell_timeout if timed_out else None)
                    position += 1
        except DeadKernelError:
            crashed = code_cells[position]
            notes.append(f"the kernel died while running cell {crashed} "
                         f"({_describe(plan, crashed)}); it was restarted without that cell")
            skip.add(crashed)
            position += 1
            restarts += 1
            if restarts > MAX_KERNEL_RESTARTS:
                notes.append("the kernel died too often; the remaining cells were not run")
                break
        finally:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)
        if client.dropped_output:
            notes.append(f"the notebook printed more than {options.max_output_mb:g} MB; the rest of its output "
                         "was dropped (grading is not affected)")
    return notes, start_seconds


def _error_note(cell, timeout: int | None) -> list[str]:
    """A note when an answer cell stopped with an error or ran out of time."""
    if not role(cell).solution:
        return []  # a graded cell's trouble shows in its verdict
    gid = role(cell).grade_id
    if timeout is not None:
        return [f"answer cell '{gid}' ran longer than {timeout} s and was stopped"]
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return []
    return [f"answer cell '{gid}' stopped with {errors[0].get('ename')}: {str(errors[0].get('evalue'))[:200]}"]


def _describe(plan: Plan, index: int) -> str:
    gid = role(plan.notebook.cells[index]).grade_id or plan.graded.get(index)
    return f"'{gid}'" if gid else "a cell of the exercise"


# ---- judging (in this process) --------------------------------------------------------------
def load_runs(work: Path, grade_id: str, cases: list[Case]) -> list[Run] | None:
    """What the harness saved for one question, as numbers; None if it saved nothing."""
    report_path, arrays_path = work / f"{grade_id}.json", work / f"{grade_id}.npz"
    try:
        report = json.loads(report_path.read_text())
        with np.load(arrays_path, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
    except (OSError, ValueError):
        return None
    if not isinstance(report, list) or len(report) != len(cases):
        return None
    runs = []
    for i, (entry, case) in enumerate(zip(report, cases)):
        status = entry.get("status") if isinstance(entry, dict) else None
        outputs = [arrays[f"{i}/out/{j}"] for j in range(len(arrays)) if f"{i}/out/{j}" in arrays]
        after = {name: arrays[f"{i}/after/{name}"] for name in case.inputs if f"{i}/after/{name}" in arrays}
        runs.append(Run(str(status), outputs, after, str(entry.get("error", ""))[:300] if isinstance(entry, dict) else ""))
    return runs


def judge_function(question: FunctionQuestion, cases: list[Case], runs: list[Run] | None) -> tuple[Verdict, Case | None]:
    """The verdict over all cases, and the case that failed (None when all passed)."""
    if runs is None:
        return Verdict(FAILED, "the check did not run (the kernel stopped, or the cell before it ran too long)"), None
    for case, run in zip(cases, runs):
        if run.status not in ("returned", NOT_ATTEMPTED, "missing", "raised"):
            return Verdict(FAILED, "the check's record is damaged"), case
        verdict = question.judge(case, run)
        if verdict.status != PASSED:
            return verdict, case
    return Verdict(PASSED), None


def describe_inputs(case: Case) -> str:
    return "\n".join(f"{name} = {np.array2string(value, precision=4, separator=', ')}"
                     for name, value in case.inputs.items())


def judge_quiz(question: QuizQuestion, work: Path) -> Verdict:
    try:
        text = json.loads((work / f"{question.grade_id}.json").read_text()).get("answer")
    except (OSError, ValueError, AttributeError):
        return Verdict(FAILED, "the answer cell did not run to the end")
    if not isinstance(text, str):
        return Verdict(NOT_ATTEMPTED, f'no answer was given with answer("{question.grade_id}", ...)')
    return Verdict(PASSED) if question.is_right(text) else Verdict(FAILED, question.feedback_for(text) or "not right")


# ---- one submission -----------------------------------------------------------------------
def student_name(path: Path, root: Path | None) -> str:
    """The folder a submission sits in under the submissions root (one folder per student), else its stem."""
    if root is not None and path.parent != root and root in path.parents:
        return path.relative_to(root).parts[0]
    return path.stem


def grade_submission(path: Path, options: GradeOptions, root: Path | None = None) -> SubmissionResult:
    began = time.perf_counter()
    result = SubmissionResult(student=student_name(path, root), file=str(path))
    try:
        submission = read_notebook(path)
        solution_path = match_solution(submission, path.name, options.source)
        result.notebook = solution_path.name
        solution = read_notebook(solution_path)
        questions = questions_of(solution_path.name)
        for cell in solution.cells:
            cell_role = role(cell)
            if cell_role.grade and cell_role.grade_id in questions:
                result.questions[cell_role.grade_id] = QuestionResult(0.0, questions[cell_role.grade_id].points,
                                                                      NOT_ATTEMPTED)
        result.max_score = sum(q.max_points for q in result.questions.values())
        with tempfile.TemporaryDirectory(prefix="coursekit-grade-") as folder:
            work = Path(folder)
            plan = rebuild(submission, solution, questions, work, options.seed)
            result.notes += plan.notes
            notes, result.kernel_start_seconds = execute(plan, options, work)
            result.notes += notes
            for grade_id in plan.graded.values():
                question, failed = questions[grade_id], None
                if isinstance(question, QuizQuestion):
                    verdict = judge_quiz(question, work)
                else:
                    cases = plan.cases[grade_id]
                    verdict, failed = judge_function(question, cases, load_runs(work, grade_id, cases))
                result.questions[grade_id] = QuestionResult(
                    question.points if verdict.status == PASSED else 0.0, question.points, verdict.status,
                    verdict.message, describe_inputs(failed) if failed and options.show_hidden else "")
        if plan.forbidden:
            used = ", ".join(f"'{gid}' uses {name}" for gid, name in plan.forbidden.items())
            result.notes.append(f"answer cells may not use coursekit or patch modules ({used}); "
                                "every question was scored zero — the instructor can review this by hand")
            for question_result in result.questions.values():
                question_result.points = 0.0
                question_result.status, question_result.message = FAILED, "forbidden code in an answer cell"
    except NotebookError as error:
        result.error = str(error)
    except Exception as error:  # one broken submission must never stop the batch
        result.error = f"grading failed: {type(error).__name__}: {error}"
    result.score = sum(q.points for q in result.questions.values())
    result.seconds = time.perf_counter() - began
    return result
