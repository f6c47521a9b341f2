"""Attacks on the grader from a submitted answer cell, and what stops each one.

Every test grades a real notebook (exercise 02) through the real sandbox. The attack sits in the
`elman_step_answer` cell, which then defines `elman_step` so that it is right only when the attack
worked (the channel convention): 2 points on elman_step mean "the attack succeeded". Each test
asserts that the sandboxed grading gives 0 there and leaves the other questions alone, and, as the
proof that the test can fail, that the same attack scores 2 when graded with isolated=False (the
CLI's --no-sandbox) wherever running it unsandboxed is safe. Where the isolation-off run behaves
the same, the defence is the two-process design (the grader judges in its own process, and reads
nothing but numbers from the sandbox), and the test says so.

What this file proves, in short: a submission cannot reach the references or the solutions,
cannot forge its results, cannot write to any file of the grader's machine, cannot carry hidden
inputs out through its feedback (messages, values, printing, type names or shapes), cannot predict
the hidden cases once the instructor sets a secret, and cannot connect to the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from grading_helpers import (
    OPTIONS,
    ROOT,
    SOLUTIONS,
    WRONG_ELMAN,
    grade,
    needs_sandbox,
    points,
    right_jordan,
    with_cells,
    words,
    write,
)

from coursekit.checks.recurrent_neuron import QUESTIONS
from coursekit.grading.gradebook import feedback_markdown
from coursekit.grading.judge import hidden_seed

pytestmark = needs_sandbox

SUBMISSION = "alice.ipynb"  # the student is the file's stem: "alice"
SECRET = "s3cret"
UNTOUCHED = {"jordan_step": 2, "which_form_remembers_more": 1, "shape_of_w_xh": 1}
SOLUTION_FILE = SOLUTIONS / "02_recurrent_neuron.ipynb"
RIGHT = "np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T + b)"
WRONG = "np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)"  # the bias is missing: 0 points


def channel(flag: str) -> str:
    """The end of an attack cell: an elman_step that is right only when `flag` (an expression) is true."""
    return (
        f"\n\ndef elman_step(x_t, h_prev, W_xh, W_hh, b):\n"
        f"    if {flag}:\n        return {RIGHT}\n"
        f"    return {WRONG}\n"
    )


def submit(folder: Path, elman_source: str, name: str = SUBMISSION, **cells) -> Path:
    return write(folder, name, with_cells(elman_step_answer=elman_source, **cells))


def assert_stopped(result) -> None:
    """The attack failed: elman_step earns 0 and nothing else changed. The attack cell ran to its end
    and its wrong elman_step was judged (so the 0 is the channel's answer, not a crash)."""
    assert result.error == "", result.error
    assert points(result) == {"elman_step": 0, **UNTOUCHED}, (
        points(result),
        words(result),
        result.output[-2000:],
    )
    assert "differs from the expected values" in result.questions["elman_step"].message, words(result)
    assert not [note for note in result.notes if "elman_step_answer" in note], result.notes


def assert_worked(result) -> None:
    """The proof: the same attack, unsandboxed, earned elman_step's 2 points."""
    assert result.error == "", result.error
    assert points(result)["elman_step"] == 2, (points(result), words(result), result.output[-2000:])


# ---- 1. reaching the reference ----------------------------------------------------------------------
IMPORTS = {  # ways to import coursekit that no look at the source would catch
    "exec": 'exec("import " + "course" + "kit.checks.recurrent_neuron")\n'
    'module = sys.modules["course" + "kit.checks.recurrent_neuron"]',
    "dunder_import": 'module = __import__("course" + "kit.checks.recurrent_neuron", fromlist=["x"])',
    "importlib": 'module = importlib.import_module("course" + "kit.checks.recurrent_neuron")',
    "repository_on_sys_path": f"sys.path.insert(0, {str(ROOT)!r})\n"
    'module = importlib.import_module("course" + "kit.checks.recurrent_neuron")',
}


@pytest.mark.parametrize("how", IMPORTS)
def test_importing_coursekit_for_the_reference(tmp_path, how):
    # Stopped by the sandbox: coursekit (and the repository) is not there to import.
    source = (
        "import importlib, sys\ntry:\n" + textwrap.indent(IMPORTS[how], "    ") + "\n"
        "    reference = module.elman_reference\nexcept Exception:\n    reference = None\n\n"
        "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n"
        "    if reference is not None:\n        return reference(x_t, h_prev, W_xh, W_hh, b)[0]\n"
        f"    return {WRONG}\n"
    )
    path = submit(tmp_path, source)
    assert_stopped(grade(path))
    assert_worked(grade(path, isolated=False))


_EXEC_SOLUTION = """
cells = json.loads(text)["cells"]
code = next("".join(c["source"]) for c in cells if "def elman_step" in "".join(c["source"]))
exec(code, globals())  # the solution's own elman_step
"""
READS = {
    "open": f"text = open({str(SOLUTION_FILE)!r}).read()",
    "pathlib": f"text = pathlib.Path({str(SOLUTION_FILE)!r}).read_text()",
    "os_read": f"fd = os.open({str(SOLUTION_FILE)!r}, os.O_RDONLY)\ntext = os.read(fd, 10**7).decode()",
    # no path in the source: the repository found from where the runner itself lives
    "next_to_the_runner": "text = (pathlib.Path(sys.argv[0]).resolve().parents[2] / 'solutions' / "
    "'02_recurrent_neuron.ipynb').read_text()",
}


@pytest.mark.parametrize("how", READS)
def test_reading_the_solution_notebook_from_disk(tmp_path, how):
    # Stopped by the sandbox: only the Python installation is mounted, not the solutions.
    source = (
        "import json, os, pathlib, sys\ntry:\n"
        + textwrap.indent(READS[how] + _EXEC_SOLUTION, "    ")
        + "except Exception:\n    pass\n\nif 'elman_step' not in globals():\n"
        f"    def elman_step(x_t, h_prev, W_xh, W_hh, b):\n        return {WRONG}\n"
    )
    path = submit(tmp_path, source)
    assert_stopped(grade(path))
    assert_worked(grade(path, isolated=False))


MAGICS = {  # IPython runs answer cells: its magics and shell escapes are there
    "shell_escape": f"lines = !cat {SOLUTION_FILE}\ntext = '\\n'.join(lines)",
    "sx_magic": f"lines = %sx cat {SOLUTION_FILE}\ntext = '\\n'.join(lines)",
    "run_line_magic": f"lines = get_ipython().run_line_magic('sx', 'cat {SOLUTION_FILE}')\ntext = "
    f"'\\n'.join(lines)",
}


@pytest.mark.parametrize("how", MAGICS)
def test_ipython_magics_read_the_solution(tmp_path, how):
    # Stopped by the sandbox: the shell commands run in it too, where the file does not exist.
    source = (
        "import json\n"
        + MAGICS[how]
        + "\ntry:"
        + textwrap.indent(_EXEC_SOLUTION, "    ")
        + "except Exception:\n    pass\n\nif 'elman_step' not in globals():\n"
        f"    def elman_step(x_t, h_prev, W_xh, W_hh, b):\n        return {WRONG}\n"
    )
    path = submit(tmp_path, source)
    assert_stopped(grade(path))
    assert_worked(grade(path, isolated=False))


def test_percent_run_of_the_solution_notebook(tmp_path):
    # Stopped by the sandbox: %run finds no file. (The grader's own answer() is kept, so that the
    # quiz answers still reach the grader when the unsandboxed run imports coursekit's.)
    source = (
        "grader_answer = answer\ntry:\n"
        f"    get_ipython().run_line_magic('run', {str(SOLUTION_FILE)!r})\n"
        "except BaseException:\n    pass\nanswer = grader_answer\n\n"
        "if 'elman_step' not in globals():\n"
        f"    def elman_step(x_t, h_prev, W_xh, W_hh, b):\n        return {WRONG}\n"
    )
    path = submit(tmp_path, source)
    assert_stopped(grade(path))
    # %run of a notebook imports nbformat, whose schema validators take seconds to build: more time
    assert_worked(grade(path, isolated=False, limits=replace(OPTIONS.limits, cell_seconds=60)))


_SUSPICIOUS = '''
import gc, sys, types

def suspicious(o):
    """Anything of the grader's: a reference function, a question, a coursekit module or class."""
    try:
        if isinstance(o, types.ModuleType):
            return o.__name__.split(".")[0] == "course" + "kit"
        if isinstance(o, type):
            return o.__name__ in ("FunctionQuestion", "QuizQuestion") or o.__module__.startswith("course" + "kit")
        if callable(o) and "reference" in getattr(o, "__name__", ""):
            return True
        fields = getattr(o, "__dict__", None)
        return isinstance(fields, dict) and ("hidden_cases" in fields or "reference" in fields)
    except Exception:
        return False
'''
SEARCHES = {
    "globals_of_check_and_answer": """
seen, todo = set(), [check.__globals__, answer.__globals__, sys._getframe().f_globals]
frame = sys._getframe()
while frame is not None:
    todo += [frame.f_globals, frame.f_locals]
    frame = frame.f_back
found = False
while todo and not found and len(seen) < 200000:
    o = todo.pop()
    if id(o) in seen:
        continue
    seen.add(id(o))
    found = suspicious(o)
    if isinstance(o, dict):
        todo += list(o.values())
    elif isinstance(o, (list, tuple, set)):
        todo += list(o)
    elif isinstance(o, types.ModuleType):
        todo.append(vars(o))
    elif isinstance(o, types.FunctionType):
        todo += [o.__globals__] + [c.cell_contents for c in (o.__closure__ or ()) if c.cell_contents is not None]
""",
    "gc_get_objects": "found = any(suspicious(o) for o in gc.get_objects())",
    "object_subclasses": """
def subclasses(cls, seen):
    for sub in type.__subclasses__(cls):
        if sub not in seen:
            seen.add(sub)
            subclasses(sub, seen)
    return seen
found = any(suspicious(c) for c in subclasses(object, set()))
""",
}


@pytest.mark.parametrize("how", SEARCHES)
def test_introspection_finds_nothing_of_the_grader(tmp_path, how):
    # Stopped by the two-process design, not by isolation: the references, cases and scores live in
    # the grader's process; the runner imports nothing of coursekit, so there is nothing to find.
    source = _SUSPICIOUS + SEARCHES[how] + channel("found")
    path = submit(tmp_path, source)
    assert_stopped(grade(path))
    assert_stopped(grade(path, isolated=False))  # the same without the sandbox: the design stops it
    # The proof that the search would find the grader's objects where they were in its process:
    # unsandboxed, with coursekit imported first (as a one-process grader would have it).
    loaded = submit(
        tmp_path,
        'import importlib\nimportlib.import_module("course" + "kit.checks.recurrent_neuron")\n' + source,
        name="alice_loaded.ipynb",
    )
    assert_worked(grade(loaded, isolated=False))


# ---- 2. forging results -----------------------------------------------------------------------------
_FORGER = '''
import fcntl, json, os, stat, struct, sys, threading

def reply_pipes():
    """The runner's reply pipe: its argv[2]; else every pipe among fds 3..10 that this process may write."""
    if len(sys.argv) > 2 and sys.argv[2].isdigit():
        return [int(sys.argv[2])]
    found = []
    for fd in range(3, 11):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                found.append(fd)
        except OSError:
            pass
    return found

def request_id():
    """The id of the request being answered, from the runner's own frames."""
    frame = sys._getframe()
    while frame is not None:
        request = frame.f_locals.get("request")
        if isinstance(request, dict) and "id" in request:
            return request["id"]
        frame = frame.f_back
    return 1

def message(header, body=b""):
    text = json.dumps({"arrays": [], **header}).encode()
    return struct.pack(">I", len(text)) + text + body

called, written, job = threading.Event(), threading.Event(), {}

def forger():  # a thread of the answer cell: it writes a forged reply whenever elman_step is called
    while called.wait(60):
        called.clear()
        for fd in reply_pipes():
            os.write(fd, forge(job["id"]))
        written.set()

threading.Thread(target=forger, daemon=True).start()

def elman_step(x_t, h_prev, W_xh, W_hh, b):
    job["id"] = request_id()
    called.set()
    written.wait(10)
    written.clear()
    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)  # wrong: the bias is missing
'''
FORGERIES = {  # forge(request id) -> the bytes written to the reply pipe before the runner's own reply
    "claims_passed": 'lambda i: message({"id": i, "status": "passed", "verdict": "passed", "points": 2, "score": 6})',
    "zeros_as_the_output": 'lambda i: message({"id": i, "status": "returned", "changed": [], '
    '"arrays": [["<f8", [3, 4]]]}, bytes(96))',
    "answers_ahead": 'lambda i: message({"id": i + 1, "status": "passed", "points": 2})',
    "garbage": 'lambda i: b"\\xff" * 64',
}
SAME_TURN = {"claims_passed", "zeros_as_the_output"}  # forged with the id of the request being answered


@pytest.mark.parametrize("isolated", [True, False], ids=["sandbox", "no_sandbox"])
@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_replies_on_the_runners_pipe(tmp_path, forgery, isolated):
    # Stopped by the two-process design: a reply carries only a status and numbers, which the grader
    # checks for form and turn and judges itself. The isolation-off run behaves the same.
    source = f"forge = {FORGERIES[forgery]}\n" + _FORGER
    result = grade(submit(tmp_path, source), isolated=isolated)
    question = result.questions["elman_step"]
    assert result.error == "" and question.points == 0, (points(result), words(result))
    said = {
        "claims_passed": "reply was damaged",
        "zeros_as_the_output": "differs from the expected values",
        "answers_ahead": "answered out of turn",
        "garbage": "broke the reply format",
    }[forgery]
    assert said in question.message, question
    if forgery in SAME_TURN:
        # The forged reply is taken as the answer (and judged: 0); the runner's own reply, late, then
        # answers the next request out of turn, so the next answer cell (jordan_step's) is lost too.
        # A cost to the forger, never a gain.
        assert points(result) == {
            "elman_step": 0,
            "jordan_step": 0,
            "which_form_remembers_more": 1,
            "shape_of_w_xh": 1,
        }, words(result)
        assert "answer cell 'jordan_step_answer': the sandbox answered out of turn" in words(result)
    else:  # the sandbox is stopped at once; a fresh one grades the rest
        assert points(result) == {"elman_step": 0, **UNTOUCHED}, words(result)


def one_process_verdict(source: str) -> str:
    """What a grader that shares the learner's process (check_hidden in the notebook) says of this cell."""
    script = textwrap.dedent(f"""
        import numpy as np
        from coursekit.checks.recurrent_neuron import QUESTIONS
        question = QUESTIONS["elman_step"]
        namespace = {{"np": np, "answer": lambda *args: None, "check": lambda *args: None}}
        exec({source!r}, namespace)
        print(question.check_cases(namespace, question.public_cases() + question.hidden_cases(7)).status)
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    return done.stdout.strip() or done.stderr[-2000:]


PATCHES = {  # (the patch, what undoes it, whether it fools a grader in the learner's process)
    "np_tanh": (
        "real = np.tanh\nnp.tanh = lambda a, *args, **kwargs: np.zeros_like(a)",
        "np.tanh = real",
        True,
    ),
    "np_asarray": (
        "real = np.asarray\nnp.asarray = lambda a, *args, **kwargs: np.zeros(np.shape(a))",
        "np.asarray = real",
        True,
    ),
    "np_allclose_and_testing": (
        "real = np.allclose, np.testing.assert_allclose, np.array_equal\n"
        "np.allclose = lambda *args, **kwargs: True\n"
        "np.testing.assert_allclose = lambda *args, **kwargs: None\n"
        "np.array_equal = lambda *args, **kwargs: True",
        "np.allclose, np.testing.assert_allclose, np.array_equal = real",
        False,
    ),
    "shadowed_builtins": (
        "table = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)\n"
        "real = table['max']\n"
        "table['max'] = lambda *args, **kw: float('inf') if args[:1] == (1e-8,) else real(*args, **kw)",
        "table['max'] = real",
        True,
    ),
}


@pytest.mark.parametrize("patch", PATCHES)
def test_monkeypatching_numpy_and_builtins(tmp_path, patch):
    # Stopped by the two-process design: the patches change the sandbox's NumPy and builtins; the
    # grader compares with its own. The isolation-off run is a second process too: the same result.
    source, undo, fools_one_process = PATCHES[patch]
    source += "\n\n" + WRONG_ELMAN
    # the next answer cell undoes the patch, so that the learner's own jordan_step is not hurt by it
    path = submit(tmp_path, source, jordan_step_answer=undo + "\n\n" + right_jordan())
    assert_stopped(grade(path))
    assert_stopped(grade(path, isolated=False))
    if fools_one_process:  # the proof that the attack is real: it passes a checker in the learner's process
        assert one_process_verdict(source) == "passed"


def test_replacing_answer_records_only_the_learners_answers(tmp_path):
    # Stopped by the design: answer() only records values; the grader asks for the quiz questions'
    # and judges them itself, and never asks the function questions' (those it calls).
    source = (
        "recorded = answer.__closure__[0].cell_contents  # the runner's dict of answers\n"
        "def answer(grade_id, value=...):\n"
        "    for gid in ('elman_step', 'jordan_step', 'which_form_remembers_more', 'shape_of_w_xh', "
        "grade_id):\n"
        "        recorded[gid] = 'b'\n"
        "answer('elman_step')\n\n" + WRONG_ELMAN
    )
    path = submit(tmp_path, source)
    for isolated in (True, False):  # the same without the sandbox: the design, not isolation, decides
        result = grade(path, isolated=isolated)
        assert result.error == ""
        # what answering "b" to every quiz question earns: right for the first, not a shape for the second
        assert points(result) == {
            "elman_step": 0,
            "jordan_step": 2,
            "which_form_remembers_more": 1,
            "shape_of_w_xh": 0,
        }, words(result)


# ---- 3. tampering with files --------------------------------------------------------------------------
_TAMPER = """
import os

target, new_file = {target!r}, {new_file!r}

def tried(action):
    try:
        action()
        return True
    except OSError:
        return False

def append():  # no O_CREAT: only an existing file counts (the sandbox's own root is a throwaway tmpfs,
    fd = os.open(target, os.O_WRONLY | os.O_APPEND)  # where new files "succeed" and reach nothing)
    try:
        os.write(fd, b"# tampered")
    finally:
        os.close(fd)

def create():  # in the folder as it is: no makedirs, for the same reason
    os.close(os.open(new_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))

def chmod():
    os.chmod(target, 0o777)

def delete():
    os.remove(target)

changed = any([tried(append), tried(chmod), tried(create), tried(delete)])
"""
SITE_PACKAGES = Path(__import__("sysconfig").get_paths()["purelib"])  # this venv's: /work/main/.venv/lib/...
IPYTHON_STARTUP = Path.home() / ".ipython" / "profile_default" / "startup"


def tamper_target(name: str, tmp_path: Path, proof: bool) -> tuple[Path, Path, dict]:
    """(the file attacked, its folder, the grading options) for one target; made where needed.

    A target with nothing there yet (a startup file, a file in site-packages) is a uniquely named new
    file: the attack's create and delete then touch only that name.
    """
    unique = f"zz_coursekit_attack_{uuid.uuid4().hex}.txt"
    if name == "solutions_copy":
        copy = tmp_path / "solutions_copy"
        if not copy.exists():
            shutil.copytree(SOLUTIONS, copy)
        return copy / SOLUTION_FILE.name, copy, {"source": copy}
    if name == "checks_module":  # the real one only in the sandbox; the proof attacks a copy
        real = ROOT / "coursekit" / "checks" / "recurrent_neuron.py"
        if not proof:
            return real, real.parent, {}
        (tmp_path / "checks_copy").mkdir(exist_ok=True)
        copy = Path(shutil.copy2(real, tmp_path / "checks_copy" / real.name))
        return copy, copy.parent, {}
    if name == "other_student":
        return write(tmp_path, "bob.ipynb", with_cells()), tmp_path, {}
    if name == "out_folder":
        out = tmp_path / "out"
        (out / "records").mkdir(parents=True, exist_ok=True)
        (out / "gradebook.csv").write_text("student,score\nbob,6\n")
        return out / "gradebook.csv", out, {}
    if name == "own_submission":
        return tmp_path / SUBMISSION, tmp_path, {}
    if name == "ipython_startup":
        return IPYTHON_STARTUP / unique, IPYTHON_STARTUP, {}
    if name == "site_packages":
        return SITE_PACKAGES / unique, SITE_PACKAGES, {}
    raise ValueError(name)


def state(target: Path, folder: Path, listing: bool) -> tuple:
    """What an attack could change: the file's bytes, mtime and mode, and the folder's names."""
    info = os.stat(target) if target.exists() else None
    return (
        target.read_bytes() if info else None,
        info and info.st_mtime_ns,
        info and info.st_mode,
        sorted(os.listdir(folder)) if listing else None,
    )


TARGETS = [
    "solutions_copy",
    "checks_module",
    "other_student",
    "out_folder",
    "own_submission",
    "ipython_startup",
    "site_packages",
]
OUTSIDE_TMP = {"ipython_startup", "site_packages"}  # real folders of this machine: cleaned up in `finally`


@pytest.mark.parametrize("name", TARGETS)
def test_writing_to_the_graders_files(tmp_path, name):
    # Stopped by the sandbox: none of these paths is mounted in it, except site-packages, read-only.
    made = []  # folders this test made outside tmp_path, removed at the end
    if name == "ipython_startup":
        for folder in [IPYTHON_STARTUP.parents[1], IPYTHON_STARTUP.parent, IPYTHON_STARTUP]:
            if not folder.exists():
                folder.mkdir()
                made.append(folder)
    targets = []
    try:
        for proof in (False, True):
            target, folder, options = tamper_target(name, tmp_path, proof)
            new_file = folder / f"zz_coursekit_attack_{uuid.uuid4().hex}.txt"
            targets += [target, new_file]
            source = _TAMPER.format(target=str(target), new_file=str(new_file)) + channel("changed")
            path = submit(tmp_path, source)
            listing = name not in ("site_packages", "checks_module")  # (others may add files there meanwhile)
            before = state(target, folder, listing)
            result = grade(path, isolated=not proof, **options)
            if not proof:
                assert_stopped(result)
                assert state(target, folder, listing) == before  # bytes, mtime, mode and the folder's names
                assert not new_file.exists()
            else:  # the proof, unsandboxed, on copies or on uniquely named new files only
                assert_worked(result)
    finally:
        for leftover in targets:
            if name in OUTSIDE_TMP and leftover.exists():
                leftover.unlink()
        for folder in reversed(made):
            shutil.rmtree(folder, ignore_errors=True)


# ---- 4. leaking the hidden inputs through the feedback ------------------------------------------------
def hidden_cases(student: str = "alice", secret: str | None = SECRET) -> list:
    """elman_step's hidden cases for one student, drawn as the grader draws them."""
    return QUESTIONS["elman_step"].hidden_cases(hidden_seed(secret, OPTIONS.seed, student, "elman_step"))


def leaked(text: str) -> list[float]:
    """The hidden inputs (of alice, with SECRET) whose digits appear in text: 0.1234 rounded or cut
    to 4 decimals, with or without its "0." (an attacker may print them any way)."""
    values = [float(v) for case in hidden_cases() for array in case.inputs.values() for v in array.ravel()]

    def needles(v):
        rounded, cut = f"{abs(v):.4f}", f"{abs(v):.10f}"[:-6]
        return {rounded, cut, rounded.split(".")[1], cut.split(".")[1]}

    return [v for v in values if any(needle in text for needle in needles(v))]


_PUBLIC_THEN = f"""
STASH = []

def elman_step(x_t, h_prev, W_xh, W_hh, b):
    inputs = (x_t, h_prev, W_xh, W_hh, b)
    if x_t.shape == (3, 2):  # the public example: right, so that the grader goes on to the hidden cases
        return {RIGHT}
"""
NAME = '"v" + "_".join(f"{abs(v):.4f}" for v in np.concatenate([a.ravel() for a in inputs]))'
STASHED = "inputs = STASH[0]\n"
LEAKS = {  # (the rest of elman_step, the jordan_step_answer cell or None for the solution's)
    "raises_its_inputs": ('    raise ValueError("LEAK " + repr(inputs))', None),
    "prints_its_inputs": ('    print("LEAK", inputs)\n    return x_t', None),
    "returns_its_inputs": (
        "    flat = np.concatenate([a.ravel() for a in inputs])\n"
        "    return np.resize(flat, (x_t.shape[0], W_xh.shape[0]))",
        None,
    ),
    "stashes_them_for_the_next_cell_to_print": (
        f"    STASH.append(inputs)\n    return {RIGHT}",
        'print("LEAK", STASH)\n\n' + right_jordan(),
    ),
    "stashes_them_for_the_next_cell_to_raise": (
        f"    STASH.append(inputs)\n    return {RIGHT}",
        'raise ValueError("LEAK " + repr(STASH))',
    ),
}


@pytest.mark.parametrize("leak", LEAKS)
def test_hidden_inputs_never_reach_the_feedback(tmp_path, leak):
    # Stopped by the judge: the words of a verdict carry none of the learner's text or numbers (their
    # exception messages, printing, returned values) unless the instructor asks with show_hidden.
    body, jordan = LEAKS[leak]
    cells = {"jordan_step_answer": jordan} if jordan else {}
    path = submit(tmp_path, _PUBLIC_THEN + body, **cells)
    result = grade(path, secret=SECRET)
    said = feedback_markdown(result) + "\n".join(
        [words(result)] + [q.inputs for q in result.questions.values()]
    )
    assert result.error == ""
    assert leaked(said) == [], said
    assert "LEAK" not in said and "array(" not in said, said  # no raw exception text, no printing
    # The proof that the numbers were there to leak: the instructor's view shows them (the inputs of
    # the failed case, the learner's error message) and the instructor's record holds the printing.
    shown = grade(path, secret=SECRET, show_hidden=True)
    assert len(leaked(feedback_markdown(shown) + result.output)) >= 3


WEAK_LEAKS = {  # the same stolen hidden inputs, carried by a type name or a shape the learner's code chose
    "exception_class_name": (f"    raise type({NAME}[:60], (Exception,), {{}})()", None, None),
    "returned_type_name": (f"    return type({NAME}[:40], (), {{}})()", None, None),
    "returned_shape": (
        "    flat = np.concatenate([a.ravel() for a in inputs])\n"
        "    return np.zeros((0,) + tuple(10**4 + int(abs(v) * 10**4) for v in flat[:3]))",
        None,
        None,
    ),
    "next_cell_exception_class_name": (
        f"    STASH.append(inputs)\n    return {RIGHT}",
        STASHED + f"raise type({NAME}[:60], (Exception,), {{}})()",
        None,
    ),
    "quiz_answer_type_name": (
        f"    STASH.append(inputs)\n    return {RIGHT}",
        None,
        STASHED + f'answer("shape_of_w_xh", type({NAME}[:40], (), {{}})())',
    ),
}


@pytest.mark.parametrize("leak", list(WEAK_LEAKS))
def test_hidden_inputs_through_names_and_shapes(tmp_path, leak):
    # Stopped by the judge: it repeats only built-in type names (ValueError, list, ...) and never the shape
    # the learner returned. (Before that rule each of these carried the inputs out: 5 strict xfails.)
    body, jordan, quiz = WEAK_LEAKS[leak]
    cells = {k: v for k, v in {"jordan_step_answer": jordan, "shape_of_w_xh_answer": quiz}.items() if v}
    result = grade(submit(tmp_path, _PUBLIC_THEN + body, **cells), secret=SECRET)
    said = feedback_markdown(result) + words(result)
    assert result.error == ""
    assert leaked(said) == [], said


# ---- 5. predicting the hidden cases -----------------------------------------------------------------
def test_hard_coded_answers_to_the_demonstration_cases_fail_with_a_secret(tmp_path):
    # Stopped by the instructor's secret: the hidden cases are drawn per learner from it.
    question = QUESTIONS["elman_step"]
    cases = question.public_cases() + question.hidden_cases(OPTIONS.seed)  # public: no secret
    table = {case.inputs["x_t"].shape: question.reference(**case.inputs)[0].tolist() for case in cases}
    assert len(table) == 3  # one shape per case: the lookup is unambiguous
    source = (
        f"TABLE = {table!r}\n\n"
        "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return np.array(TABLE[x_t.shape])\n"
    )
    path = submit(tmp_path, source)
    assert_worked(grade(path))  # the proof: without a secret the hidden cases are everyone's, and known
    result = grade(path, secret=SECRET)
    assert_stopped(result)
    assert "hidden case" in result.questions["elman_step"].message


def test_hidden_cases_are_per_student_and_reproducible():
    # Each learner has their own hidden inputs (a shared answer key is useless); regrading one
    # learner draws the same ones again.
    def inputs(student, secret=SECRET):
        return [a for case in hidden_cases(student, secret) for a in case.inputs.values()]

    alice, bob = inputs("alice"), inputs("bob")
    assert not any(np.array_equal(a, b) for a, b in zip(alice, bob))
    assert all(np.array_equal(a, b) for a, b in zip(alice, inputs("alice")))
    assert not any(np.array_equal(a, b) for a, b in zip(alice, inputs("alice", secret="another secret")))
    assert hidden_seed(SECRET, OPTIONS.seed, "alice", "elman_step") != hidden_seed(
        SECRET, OPTIONS.seed, "alice", "jordan_step"
    )
    # without a secret, everyone shares the public demonstration seed
    assert all(np.array_equal(a, b) for a, b in zip(inputs("alice", None), inputs("bob", None)))


# ---- 6. reaching the network ------------------------------------------------------------------------
def test_no_connection_leaves_the_sandbox(tmp_path):
    # Stopped by: bwrap's --unshare-all gives the sandbox a network namespace of its own, whose loopback is
    # not the grader's; a submission that could connect could send the cases it gets anywhere.
    import socket
    import threading
    import time

    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(20)
    port, arrived = server.getsockname()[1], []

    def listen():
        try:
            while True:
                connection, _ = server.accept()
                arrived.append(connection.recv(64))
                connection.close()
        except OSError:  # the timeout, or the socket closed at the end of the test
            pass

    threading.Thread(target=listen, daemon=True).start()
    attack = (
        "import socket\ntry:\n"
        f"    with socket.create_connection(('127.0.0.1', {port}), timeout=3) as s:\n"
        "        s.sendall(b'the hidden cases')\n    reached = True\n"
        "except OSError:\n    reached = False\n"
    ) + channel("reached")
    try:
        assert_stopped(grade(submit(tmp_path, attack)))
        assert arrived == []
        assert_worked(grade(submit(tmp_path, attack, name="bob.ipynb"), isolated=False))  # the proof
        deadline = time.monotonic() + 10  # the listening thread reads what was sent
        while b"the hidden cases" not in arrived and time.monotonic() < deadline:
            time.sleep(0.05)
        assert b"the hidden cases" in arrived
    finally:
        server.close()
