"""The learner's API: check(), answer(), quiz() and progress(), and the session they share.

    from coursekit.checks import check, answer, quiz, progress   # the way every notebook imports them
    check("elman_step")            # the public checks of a coding question, on your function
    answer("dims_w_r", (7, 7))     # a quiz answer, with feedback
    quiz("dims_w_r")               # the same question as buttons or a text box
    progress()                     # this notebook's questions: points and best status

None of them raises or prints a traceback, whatever it is given: a wrong id, a wrong type, NaN,
a huge array, a function that never returns (each case of check() runs under a time limit).
The one exception is nbgrader's autograder (NBGRADER_EXECUTION set), which scores by errors: there
a failing check raises AssertionError, as nbgrader expects, and so does require_right(id), the
graded cell after each quiz answer, when the last answer() to that question is not right.

All state lives in one LearnerSession (`SESSION`): the last verdict and quiz answer of each
question in this kernel, and each question's best result, which is also kept in a small file
in the learner's course folder (see ProgressFile) so that it outlasts kernel restarts.
"""

from __future__ import annotations

import difflib
import json
import os
import signal
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from .checks.core import FAILED, NOT_ATTEMPTED, PASSED, Verdict
from .checks.registry import all_questions, lesson_names, lesson_questions, notebooks, question, questions_of
from .quiz import AnswerFormatError, QuizQuestion

SYMBOL = {PASSED: "✓", FAILED: "✗", NOT_ATTEMPTED: "…"}
RANK = {NOT_ATTEMPTED: 0, FAILED: 1, PASSED: 2}  # a better result replaces a worse one, never the reverse
CASE_SECONDS = 120.0  # how long one case of check() may run; COURSEKIT_CHECK_SECONDS changes it
_HOW = {
    "choice": "one letter, e.g. answer(id, 'a')",
    "multiple": "a list of letters, e.g. answer(id, ['a', 'c'])",
    "number": "a number, e.g. answer(id, 12) or answer(id, 0.25)",
    "shape": "a shape, e.g. answer(id, (7, 64))",
}


class GradedFailure(AssertionError):
    """Raised only under nbgrader's autograder, which scores a cell by whether it raises."""


class OutOfTime(BaseException):
    """The learner's function ran past the time limit (BaseException: `except Exception` in it cannot hide it)."""


def _under_nbgrader() -> bool:
    return bool(os.environ.get("NBGRADER_EXECUTION"))


# ---------------------------------------------------------------------------------------------
# The progress file
# ---------------------------------------------------------------------------------------------


def course_root(start: Path | None = None) -> Path:
    """The learner's course folder: the nearest folder, from the current one up, that holds exercises/.

    A notebook in exercises/ runs with exercises/ as its current folder, so its parent is found;
    a learner who copied only some notebooks somewhere gets the current folder.
    """
    start = Path.cwd() if start is None else start
    for folder in [start, *start.parents]:
        if (folder / "exercises").is_dir():
            return folder
    return start


class ProgressFile:
    """Each question's best result, in <course folder>/.coursekit/progress.json.

    It holds only {grade_id: {"status": ..., "points": ...}}: never an answer, never anything the
    grader uses (the grader never reads it; under nbgrader nothing is written). The folder holds a
    .gitignore of its own, so it never ends up in a commit. Deleting the file resets progress; a
    file that cannot be read is replaced, with a warning, never a crash.

    Where: COURSEKIT_PROGRESS=<file> puts it elsewhere, COURSEKIT_PROGRESS=off turns it off. It is
    off under nbgrader (NBGRADER_EXECUTION) and in a test run (PYTEST_CURRENT_TEST) unless
    COURSEKIT_PROGRESS names a file.
    """

    VERSION = 1

    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def for_here(cls) -> ProgressFile | None:
        chosen = os.environ.get("COURSEKIT_PROGRESS")
        if chosen is not None:
            return None if chosen.strip().lower() in ("", "off", "0", "no", "false") else cls(Path(chosen))
        if _under_nbgrader() or os.environ.get("PYTEST_CURRENT_TEST"):
            return None
        return cls(course_root() / ".coursekit" / "progress.json")

    def read(self, warn=print) -> dict[str, dict]:
        """{grade_id: {"status", "points"}}; a missing file is empty, an unreadable one is reset."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            warn(
                f"⚠ could not read your progress file {self.path} ({error.strerror or error}); "
                "progress is shown for this session only"
            )
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            results = data["questions"]
            clean = {
                str(g): {"status": r["status"], "points": float(r["points"])}
                for g, r in results.items()
                if r["status"] in RANK
            }
            if len(clean) != len(results):
                raise ValueError("unknown status")
            return clean
        except (ValueError, TypeError, KeyError, AttributeError):
            warn(
                f"⚠ your progress file {self.path} was damaged and has been reset; "
                "run check() and answer() again to record your results"
            )
            self.write({}, warn)
            return {}

    def write(self, results: dict[str, dict], warn=print) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if self.path.parent.name == ".coursekit" and not ignore.exists():
                ignore.write_text("# coursekit keeps your progress here; it is yours, not the course's\n*\n")
            partial = self.path.with_name(self.path.name + ".partial")
            partial.write_text(
                json.dumps({"version": self.VERSION, "questions": results}, indent=1, sort_keys=True),
                encoding="utf-8",
            )
            os.replace(partial, self.path)  # a crash mid-write leaves the old file, never half a file
        except OSError as error:
            warn(
                f"⚠ could not save your progress in {self.path} ({error.strerror or error}); "
                "it is kept for this session only"
            )

    def record(self, grade_id: str, status: str, points: float, warn=print) -> None:
        """Keep this result if it is better than the one stored."""
        results = self.read(warn)
        old = results.get(grade_id)
        if old is None or RANK[status] > RANK[old["status"]]:
            results[grade_id] = {"status": status, "points": float(points)}
            self.write(results, warn)


def best_of(*records: dict[str, dict]) -> dict[str, dict]:
    """The best result of each question over several records."""
    best: dict[str, dict] = {}
    for record in records:
        for grade_id, result in record.items():
            if grade_id not in best or RANK[result["status"]] > RANK[best[grade_id]["status"]]:
                best[grade_id] = result
    return best


def progress_table(questions: dict, results: dict[str, dict]) -> tuple[list[str], float, float]:
    """The lines of a table of questions with points and best status; and points earned and total."""
    width = max([len("question")] + [len(g) for g in questions])
    lines = [f"{'question':<{width}}  points  status"]
    earned = total = 0.0
    for grade_id, q in questions.items():
        status = results.get(grade_id, {}).get("status", "not checked yet")
        total += q.points
        earned += q.points if status == PASSED else 0
        lines.append(f"{grade_id:<{width}}  {q.points:>6g}  {SYMBOL.get(status, ' ')} {status}")
    return lines, earned, total


# ---------------------------------------------------------------------------------------------
# The time limit
# ---------------------------------------------------------------------------------------------


@contextmanager
def _alarm(seconds: float):
    def on_alarm(signum, frame):
        raise OutOfTime()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_limited(work, seconds: float):
    """(True, work()) if it finishes within `seconds`, else (False, None); never hangs the caller.

    Where SIGALRM exists and this is the main thread (Linux and macOS, a Jupyter kernel), a timer
    interrupts the learner's function: time.sleep and Python loops stop at once; a single long
    NumPy call stops when it returns. Elsewhere (Windows, a thread) the work runs in a daemon
    thread that is waited for `seconds`: the notebook goes on, but the function keeps running in
    the background until it returns (restart the kernel to stop one that loops for ever).
    """
    if not seconds or seconds <= 0:
        return True, work()
    if hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread():
        try:
            with _alarm(seconds):
                return True, work()
        except OutOfTime:
            return False, None
    box: dict = {}

    def target():
        try:
            box["result"] = work()
        except BaseException as error:  # carried to the caller
            box["error"] = error

    thread = threading.Thread(target=target, daemon=True, name="coursekit-check")
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        return False, None
    if "error" in box:
        raise box["error"]
    return True, box["result"]


# ---------------------------------------------------------------------------------------------
# The session
# ---------------------------------------------------------------------------------------------


def _name(grade_id) -> str:
    text = repr(grade_id)
    return text if len(text) <= 80 else text[:77] + "..."


class LearnerSession:
    """What the learner's API remembers in one kernel, and the progress file it keeps up to date."""

    def __init__(self, progress_file=ProgressFile.for_here):
        self.status: dict[str, Verdict] = {}  # grade_id -> the last verdict in this kernel
        self.answers: dict[str, str] = {}  # grade_id -> canonical text of the last quiz answer
        self.best: dict[str, dict] = {}  # grade_id -> {"status", "points"}: the best in this kernel
        self.progress_file = progress_file  # a ProgressFile, None, or a function that finds one
        self.case_seconds = float(os.environ.get("COURSEKIT_CHECK_SECONDS", CASE_SECONDS))

    def reset(self) -> None:
        """Forget this kernel's verdicts and answers (the progress file stays)."""
        self.status, self.answers, self.best = {}, {}, {}

    # -- where results go --------------------------------------------------------------------
    def _file(self) -> ProgressFile | None:
        found = self.progress_file
        return found() if callable(found) else found

    def record(self, grade_id: str, points: float, verdict: Verdict) -> None:
        self.status[grade_id] = verdict
        result = {"status": verdict.status, "points": float(points) if verdict.status == PASSED else 0.0}
        self.best = best_of(self.best, {grade_id: result})
        file = self._file()
        if file is not None:
            file.record(grade_id, result["status"], result["points"])

    def results(self) -> dict[str, dict]:
        file = self._file()
        return best_of(file.read() if file is not None else {}, self.best)

    def report(self, grade_id: str, points: float, verdict: Verdict, graded: bool = True) -> None:
        self.record(grade_id, points, verdict)
        if verdict.status == PASSED:
            print(
                f"✓ {grade_id}: public checks passed ({points:g} point{'s' if points != 1 else ''}). "
                + (f"{verdict.message[0].upper()}{verdict.message[1:]}. " if verdict.message else "")
                + "Hidden checks run when your work is graded."
            )
        else:
            print(f"{SYMBOL[verdict.status]} {grade_id}: {verdict.status} — {verdict.message}")
        if verdict.status != PASSED and graded and _under_nbgrader():
            raise GradedFailure(
                f"{grade_id}: {verdict.status} — {verdict.message}"
            )  # nbgrader scores by errors

    # -- finding a question ------------------------------------------------------------------
    def find(self, grade_id, call: str):
        """The question, or None after printing what the learner may have meant."""
        names = sorted(all_questions())
        if isinstance(grade_id, str) and grade_id in names:
            return question(grade_id)
        if not isinstance(grade_id, str):
            print(
                f'✗ {call}() takes the question\'s id as a string, e.g. {call}("{names[0]}"); '
                f"it received {_name(grade_id)}"
            )
            return None
        close = difflib.get_close_matches(grade_id.strip(), names, n=1, cutoff=0.6)
        if close:
            print(f"✗ there is no question named {_name(grade_id)}; did you mean {close[0]!r}?")
        else:
            print(
                f"✗ there is no question named {_name(grade_id)}; the id is in the cell's "
                f'{call}("...") line of the exercise'
            )
        return None

    # -- the API -----------------------------------------------------------------------------
    def check(self, grade_id, namespace: dict) -> None:
        q = self.find(grade_id, "check")
        if q is None:
            return
        if isinstance(q, QuizQuestion):
            print(
                f"… {grade_id} is a quiz question: answer it with answer({grade_id!r}, your answer) "
                f"or quiz({grade_id!r}); check() runs the checks of coding questions"
            )
            return
        try:
            cases = q.public_cases()
        except Exception as error:  # a bank that cannot build its cases is the course's fault
            print(
                f"✗ {grade_id}: the checks could not be prepared ({type(error).__name__}: {error}); "
                "tell your instructor"
            )
            return
        self.report(grade_id, q.points, self._run_cases(q, namespace, cases))

    def _run_cases(self, q, namespace: dict, cases) -> Verdict:
        notes = []
        for number, case in enumerate(cases, start=1):
            try:
                finished, verdict = run_limited(
                    lambda case=case: q.check_cases(namespace, [case]), self.case_seconds
                )
            except (Exception, SystemExit) as error:  # never let a learner's bug crash the notebook
                return Verdict(FAILED, f"the check could not run your code: {type(error).__name__}: {error}")
            if not finished:
                return Verdict(
                    FAILED,
                    f"`{q.function}` was still running after {self.case_seconds:g} seconds "
                    f"on check {number} of {len(cases)} and was stopped; look for a loop "
                    "that never ends or a sleep, then run the check again",
                )
            if verdict.status != PASSED:
                return verdict
            notes += [verdict.message] if verdict.message else []
        return Verdict(PASSED, "; ".join(notes))

    def check_hidden(self, grade_id: str, namespace: dict, seed: int = 0) -> None:
        q = question(grade_id)
        if isinstance(q, QuizQuestion):
            return self.check(grade_id, namespace)
        verdict = q.check_cases(namespace, q.hidden_cases(seed))
        print(
            f"{SYMBOL[verdict.status]} {grade_id}: hidden checks {verdict.status}"
            + (f" — {verdict.message}" if verdict.message else "")
        )
        if verdict.status != PASSED and _under_nbgrader():
            raise GradedFailure(f"{grade_id}: hidden checks {verdict.status} — {verdict.message}")

    def answer(self, grade_id, value) -> None:
        q = self.find(grade_id, "answer")
        if q is None:
            return
        if not isinstance(q, QuizQuestion):
            print(f"✗ {grade_id!r} is a coding question: use check({grade_id!r}) after writing the function")
            return
        self.answers.pop(grade_id, None)  # the last answer counts, even one that is not an answer yet
        if value is ...:
            self.report(
                grade_id, q.points, Verdict(NOT_ATTEMPTED, "replace ... with your answer"), graded=False
            )
            return
        try:
            text = q.canonical(value)
        except AnswerFormatError as error:
            print(f"✗ {grade_id}: {error}")
            return
        except Exception:  # a value of a kind nobody foresaw: say what is asked
            print(f"✗ {grade_id}: answer with {_HOW[q.kind]}")
            return
        self.answers[grade_id] = text
        if q.is_right(text):
            self.record(grade_id, q.points, Verdict(PASSED))
            explanation = q.explanation_for(text)
            print(f"✓ {grade_id}: right." + (f" {explanation}" if explanation else ""))
        else:
            hint = q.feedback_for(text) or "not right yet; read the question again and retry."
            self.report(grade_id, q.points, Verdict(FAILED, hint), graded=False)

    def require_right(self, grade_id) -> None:
        """The graded cell after a quiz answer: under nbgrader, AssertionError unless this kernel's last
        answer to grade_id is right; elsewhere silent (answer() has already said how it went)."""
        try:
            q, text = question(grade_id), self.answers.get(grade_id)
            if text is None:
                problem = "not attempted — replace ... with your answer in the cell above and run it"
            elif q.is_right(text):
                return
            else:
                problem = f"not right — {q.feedback_for(text) or 'read the question again and retry.'}"
        except Exception as error:  # a wrong id or a broken bank: still only an AssertionError
            problem = f"could not be checked ({type(error).__name__}: {error})"
        if _under_nbgrader():
            raise GradedFailure(f"{grade_id if isinstance(grade_id, str) else _name(grade_id)}: {problem}")

    def current_notebook(self, namespace: dict) -> str | None:
        seen = {question(g).notebook for g in list(self.status) + list(self.answers) if g in all_questions()}
        if len(seen) == 1:
            return seen.pop()
        session = namespace.get("__session__")  # JupyterLab tells the kernel its notebook
        return Path(session).name if isinstance(session, str) and session else None

    def progress(self, notebook, namespace: dict) -> None:
        if notebook is not None and not isinstance(notebook, str):
            notebook = None
        notebook = notebook or self.current_notebook(namespace)
        questions = questions_of(Path(notebook).name) if notebook else {}
        if not questions:
            print(
                f"progress() shows the questions of one exercise notebook; name one of: "
                f"{', '.join(notebooks())}"
            )
            return
        lines, earned, total = progress_table(questions, self.results())
        print("\n".join(lines))
        print(f"public checks passed: {earned:g} of {total:g} points")


SESSION = LearnerSession()


# ---------------------------------------------------------------------------------------------
# The functions a notebook calls: each catches everything but nbgrader's verdict
# ---------------------------------------------------------------------------------------------


def _learner_namespace(depth: int = 3) -> dict:
    """The notebook's variables: IPython's user namespace, or the caller's globals."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        shell = None
    if shell is not None:
        return shell.user_ns
    frame = sys._getframe(depth)
    return frame.f_globals


def _never_raise(call: str, work) -> None:
    try:
        work()
    except GradedFailure:
        raise
    except (Exception, SystemExit) as error:
        print(
            f"✗ {call} could not finish ({type(error).__name__}: {error}); this is not your answer's fault: "
            "please tell your instructor"
        )


def check(grade_id: str) -> None:
    """Run the public checks of one question on your work in this notebook and say how it went."""
    namespace = _learner_namespace(2)
    _never_raise("check()", lambda: SESSION.check(grade_id, namespace))


def check_hidden(grade_id: str, seed: int = 0) -> None:
    """Run a question's hidden cases here (for instructors, and for nbgrader's autograder)."""
    SESSION.check_hidden(grade_id, _learner_namespace(2), seed)


def answer(grade_id: str, value=...) -> None:
    """Answer a quiz question; prints whether it is right, and feedback when it is not."""
    _never_raise("answer()", lambda: SESSION.answer(grade_id, value))


def require_right(grade_id: str) -> None:
    """nbgrader's graded cell for a quiz question: under its autograder (NBGRADER_EXECUTION set),
    AssertionError with the feedback unless this kernel's last answer() to grade_id is right;
    elsewhere it does nothing, so that an exercise still runs top to bottom."""
    SESSION.require_right(grade_id)


def progress(notebook: str | None = None) -> None:
    """A table of the notebook's questions: points and the best status so far (kept across sessions)."""
    namespace = _learner_namespace(2)
    _never_raise("progress()", lambda: SESSION.progress(notebook, namespace))


def check_yourself(lesson: str) -> None:
    """Print a lesson's closing questions; the learner answers each with answer() or quiz()."""
    questions = lesson_questions(lesson) if isinstance(lesson, str) else {}
    if not questions:
        print(
            f"{_name(lesson)} has no Check-yourself questions; the lessons that have them: "
            f"{', '.join(lesson_names())}"
        )
        return
    print("Not graded. Answer each question in the cells below with answer(id, your answer),")
    print("or run quiz(id) to answer with buttons. A wrong answer tells you what it misses.")
    for number, (grade_id, q) in enumerate(questions.items(), start=1):
        print(f"\n{number}. [{grade_id}] {q.prompt}")
        for letter, text in q.options.items():
            print(f"   {letter}) {text}")
        print(f"   Answer with {_HOW[q.kind]}.")


def quiz(grade_id: str) -> None:
    """Show the question as a JupyterLab widget (buttons or a text box) that calls answer()."""

    def show():
        if SESSION.find(grade_id, "quiz") is None:
            return
        if not isinstance(question(grade_id), QuizQuestion):
            print(f"✗ {grade_id!r} is a coding question: use check({grade_id!r}) after writing the function")
            return
        from IPython.display import display

        display(quiz_widget(grade_id))

    _never_raise("quiz()", show)


def quiz_widget(grade_id: str):
    """The widget quiz() shows: prompt, choices or a text box, an Answer button, the feedback.

    The text box's words go to answer() as they are: answer() reads "(4, 2)", "4x2" and "35%".
    """
    import ipywidgets as widgets

    q = question(grade_id)
    if q.kind == "choice":
        field = widgets.RadioButtons(options=[(f"{k}) {v}", k) for k, v in q.options.items()], value=None)
    elif q.kind == "multiple":
        field = widgets.SelectMultiple(options=[(f"{k}) {v}", k) for k, v in q.options.items()])
    else:
        field = widgets.Text(placeholder="e.g. (7, 64)" if q.kind == "shape" else "a number")
    button, out = widgets.Button(description="Answer"), widgets.Output()

    def submit(_):
        out.clear_output()
        with out:
            if q.kind == "choice" and field.value is None:
                print(f"… {grade_id}: choose one of the options, then press Answer")
                return
            answer(grade_id, field.value)

    button.on_click(submit)
    return widgets.VBox([widgets.HTML(f"<b>{grade_id}</b>: {q.prompt}"), field, button, out])
