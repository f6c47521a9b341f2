"""The Gradescope autograder: build the zip, then run it as Gradescope would, on real submissions.

The zip is unpacked into a temporary folder that bubblewrap binds at /autograder (the rest of this
machine's root is bound as it is), setup.sh runs with COURSEKIT_GRADESCOPE_PYTHON set (it installs
nothing; run_autograder then grades with this Python and the copy of coursekit inside the zip), and
/autograder/run_autograder runs as a real subprocess there, with the grader's own sandbox
(bubblewrap again) nested inside. Every results.json is checked against
gradescope_results.schema.json, written from Gradescope's specification.
"""

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
from grading_helpers import FULL, NOTEBOOK, ROOT, SOLUTIONS, needs_sandbox

from coursekit.cli import main
from coursekit.grading.grade import QuestionResult, SubmissionResult
from coursekit.grading.gradescope import CONFIG, PYTHON_ENV, build_autograder, find_submission, results_json

SCHEMA = json.loads((Path(__file__).parent / "gradescope_results.schema.json").read_text())
SECRET = "test-secret-not-for-credit"
QUESTIONS = {"elman_step": 2.0, "jordan_step": 2.0, "which_form_remembers_more": 1.0, "shape_of_w_xh": 1.0}


def check_results(data: dict) -> dict:
    """Gradescope's format, and ours: one test per question, points shown once grades are published."""
    jsonschema.validate(data, SCHEMA)
    questions = {t["name"]: t for t in data["tests"] if t["max_score"] > 0}
    assert {name: t["max_score"] for name, t in questions.items()} == QUESTIONS
    assert all(t["visibility"] == "after_published" for t in data["tests"]), data["tests"]
    assert data["score"] == sum(t["score"] for t in data["tests"])
    assert data["output"] and data["stdout_visibility"] == "hidden"
    return questions


# ---- the zip -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory) -> Path:
    return build_autograder(SOLUTIONS / NOTEBOOK, tmp_path_factory.mktemp("zip"), secret=SECRET)


def test_zip_has_gradescope_layout_and_the_secret(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as archive:
        names = set(archive.namelist())
        modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
        config = json.loads(archive.read(CONFIG))
        setup = archive.read("setup.sh").decode()
    assert {
        "setup.sh",
        "run_autograder",
        "requirements.lock",
        f"solutions/{NOTEBOOK}",
        "course/pyproject.toml",
        "course/coursekit/grading/gradescope.py",
        "course/coursekit/checks/recurrent_neuron.py",
    } <= names
    assert all(modes[name] & stat.S_IXUSR for name in ("setup.sh", "run_autograder"))
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
    assert config["notebook"] == NOTEBOOK and config["secret"] == SECRET
    assert '-c "$SOURCE/requirements.lock"' in setup and "apt-get install" in setup and "bubblewrap" in setup


def test_cli_takes_the_secret_from_the_environment_and_says_it_is_in_the_zip(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("COURSEKIT_GRADING_SECRET", "from-the-environment")
    assert main(["gradescope", str(SOLUTIONS / NOTEBOOK), "--out", str(tmp_path)]) == 0
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        assert json.loads(archive.read(CONFIG))["secret"] == "from-the-environment"
    assert "stored in the zip" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["gradescope", "--help"])
    assert "WRITTEN INTO THE ZIP" in capsys.readouterr().out


def test_cli_refuses_a_notebook_that_is_not_a_solution(tmp_path, capsys):
    assert main(["gradescope", str(ROOT / "exercises" / NOTEBOOK), "--out", str(tmp_path)]) == 2
    assert "no answer cells" in capsys.readouterr().err and not (tmp_path / "autograder.zip").exists()


# ---- results.json from result objects (no sandbox) ----------------------------------------------
def test_results_json_of_a_graded_and_of_an_unreadable_submission():
    result = SubmissionResult(
        student="s",
        file="/tmp/x/02.ipynb",
        notebook=NOTEBOOK,
        score=4.0,
        max_score=6.0,
        questions={gid: QuestionResult(p, p, "passed") for gid, p in QUESTIONS.items()},
        notes=["cell 'x' appears 2 times in the submission; the first copy was graded"],
    )
    result.questions["elman_step"] = QuestionResult(
        0.0, 2.0, "failed", "on a hidden case, the bias b is missing"
    )
    data = results_json(result, "mine.ipynb")
    tests = check_results(data)
    assert data["score"] == 4.0 and "mine.ipynb" in data["output"]
    assert tests["elman_step"]["output"].startswith("Failed (0 / 2 points): on a hidden case")
    assert "appears 2 times" in data["tests"][-1]["output"]
    broken = SubmissionResult(
        student="s",
        file="b.ipynb",
        notebook=NOTEBOOK,
        error="b.ipynb is not valid notebook JSON",
        questions={gid: QuestionResult(0.0, p, "not attempted") for gid, p in QUESTIONS.items()},
    )
    data = results_json(broken)
    check_results(data)
    assert data["score"] == 0 and "not valid notebook JSON" in data["output"] and "Submit" in data["output"]


# ---- run_autograder in an emulated /autograder ------------------------------------------------------
def _gradescope_machine(folder: Path) -> list[str]:
    """bwrap arguments that show this machine with FOLDER at /autograder (nothing is made on the real root)."""
    args = ["bwrap", "--tmpfs", "/"]
    for entry in sorted(os.listdir("/")):
        path = f"/{entry}"
        if entry == "autograder":
            continue
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):  # /proc and /dev as they are: the grader's own bubblewrap mounts a new proc
            args += ["--dev-bind" if entry == "dev" else "--bind", path, path]
        else:
            args += ["--ro-bind", path, path]
    return args + ["--bind", str(folder), "/autograder", "--chdir", "/autograder", "--die-with-parent", "--"]


def _can_emulate() -> str:
    """'' when bubblewrap can bind a folder at /autograder and run the grader's bubblewrap inside; else why not."""
    if shutil.which("bwrap") is None:
        return "no bwrap"
    inner = (
        "bwrap --unshare-all --unshare-user --disable-userns --die-with-parent --ro-bind /usr /usr "
        "--symlink usr/lib /lib --symlink usr/lib64 /lib64 --symlink usr/bin /bin --proc /proc -- /bin/true"
    )
    probe = subprocess.run(
        [*_gradescope_machine(Path("/tmp")), "/bin/sh", "-c", inner], capture_output=True, text=True
    )
    return (
        ""
        if probe.returncode == 0
        else f"bubblewrap cannot emulate /autograder here: {probe.stderr.strip()[:200]}"
    )


SUBMISSIONS = {  # name: {file in /autograder/submission: its bytes}
    "solution": {NOTEBOOK: (SOLUTIONS / NOTEBOOK).read_bytes()},
    "release": {f"my_work/{NOTEBOOK}": (ROOT / "exercises" / NOTEBOOK).read_bytes()},
    "broken": {NOTEBOOK: b"{ this is not JSON"},
}


@pytest.fixture(scope="module")
def graded(autograder_zip, tmp_path_factory):
    """{submission name: (results.json, run_autograder's stdout)}, all graded at once."""
    reason = _can_emulate()
    if reason:
        pytest.skip(reason)
    env = {**os.environ, PYTHON_ENV: sys.executable, "PYTHONPATH": str(ROOT)}
    runs = {}
    for name, files in SUBMISSIONS.items():
        root = tmp_path_factory.mktemp(f"autograder_{name}")
        with zipfile.ZipFile(autograder_zip) as archive:  # what Gradescope does when it builds the image
            archive.extractall(root / "source")
        for script in ("setup.sh", "run_autograder"):
            (root / "source" / script).chmod(0o755)
        shutil.copy(root / "source" / "run_autograder", root / "run_autograder")
        for file, data in files.items():
            (root / "submission" / file).parent.mkdir(parents=True, exist_ok=True)
            (root / "submission" / file).write_bytes(data)
        (root / "submission_metadata.json").write_text(
            json.dumps(
                {"id": 1, "users": [{"id": 1234, "email": "learner@example.com", "name": "A Learner"}]}
            )
        )
        if name == "solution":  # once: in this mode it only checks the Python it is given
            setup = subprocess.run(
                [*_gradescope_machine(root), "bash", "/autograder/source/setup.sh"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert setup.returncode == 0 and "installing nothing" in setup.stdout, setup
        runs[name] = (
            root,
            subprocess.Popen(
                [*_gradescope_machine(root), "/autograder/run_autograder"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            ),
        )
    done = {}
    for name, (root, process) in runs.items():
        stdout, _ = process.communicate(timeout=300)
        assert process.returncode == 0, stdout
        done[name] = (json.loads((root / "results" / "results.json").read_text()), stdout)
    return done


@needs_sandbox
def test_the_solution_gets_full_marks(graded):
    data, stdout = graded["solution"]
    tests = check_results(data)
    assert data["score"] == FULL and all(t["score"] == t["max_score"] for t in tests.values())
    assert f"Your notebook {NOTEBOOK} was graded" in data["output"]
    assert "per learner, from the instructor's secret" in stdout and "as gradescope-1234" in stdout
    assert "course/coursekit" not in stdout  # no traceback


@needs_sandbox
def test_the_untouched_release_gets_zero_with_each_question_not_attempted(graded):
    data, _ = graded["release"]
    tests = check_results(data)
    assert data["score"] == 0
    assert all(t["output"].startswith("Not attempted") for t in tests.values()), tests


@needs_sandbox
def test_a_file_that_is_not_json_scores_zero_and_says_why(graded):
    data, _ = graded["broken"]
    tests = check_results(data)
    assert data["score"] == 0 and "is not valid notebook JSON" in data["output"]
    assert "Submit the exercise notebook" in data["output"]
    assert all(t["output"].startswith("Not graded") for t in tests.values())


def test_which_file_is_graded(tmp_path):
    def files(*names):
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text("{}")
        return folder

    assert find_submission(tmp_path / "missing", NOTEBOOK) == (None, "no files were submitted")
    assert find_submission(files("a.ipynb", f"x/{NOTEBOOK}"), NOTEBOOK)[0].name == NOTEBOOK
    assert (
        find_submission(files("renamed.ipynb", ".ipynb_checkpoints/b.ipynb"), NOTEBOOK)[0].name
        == "renamed.ipynb"
    )
    none, why = find_submission(files("answers.py"), NOTEBOOK)
    assert none is None and why == (
        f"the submission holds no notebook (.ipynb file), only: answers.py; submit {NOTEBOOK}"
    )
    none, why = find_submission(files("a.ipynb", "b.ipynb"), NOTEBOOK)
    assert none is None and "2 notebooks (a.ipynb, b.ipynb)" in why
