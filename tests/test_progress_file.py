"""Progress that lasts: each question's best result in <course folder>/.coursekit/progress.json.

Every "session" here is a new Python process started in a course folder made for the test (a
kernel restart is a new process). The expected words and files are written here by hand.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def course(tmp_path):
    """A learner's course folder: exercises/ inside; the notebooks run in exercises/."""
    (tmp_path / "exercises").mkdir()
    return tmp_path


def learner_env(**extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTEST_CURRENT_TEST", "COURSEKIT_PROGRESS", "NBGRADER_EXECUTION")
    }
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def session(course: Path, code: str, **env) -> str:
    """Run code in a new process, as a notebook of exercises/ would; what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", "from coursekit.checks import answer, check, progress\n" + code],
        cwd=course / "exercises",
        env=learner_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def row(out: str, grade_id: str) -> str:
    return next(line for line in out.splitlines() if line.split() and line.split()[0] == grade_id)


def test_best_result_outlasts_a_restart_and_no_answer_is_stored(course):
    session(course, 'answer("shape_of_w_xh", (4, 2))')
    session(course, 'answer("shape_of_w_xh", (2, 4))\nanswer("dims_w_f", (1, 1))')  # a worse try later
    out = session(course, 'progress("02_recurrent_neuron.ipynb")')
    assert row(out, "shape_of_w_xh") == "shape_of_w_xh                   1  ✓ passed"
    assert out.splitlines()[-1] == "public checks passed: 1 of 6 points"
    stored = json.loads((course / ".coursekit" / "progress.json").read_text())
    assert stored == {
        "version": 1,
        "questions": {
            "shape_of_w_xh": {"status": "passed", "points": 1.0},
            "dims_w_f": {"status": "failed", "points": 0.0},
        },
    }
    assert (course / ".coursekit" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert sorted(p.name for p in (course / "exercises").iterdir()) == []  # nothing beside the notebooks


def test_a_failure_is_recorded_too(course):
    session(course, 'answer("dims_w_f", (1, 1))')
    out = session(course, 'progress("04_dimensions.ipynb")')
    assert row(out, "dims_w_f") == "dims_w_f                 1  ✗ failed"


def test_deleting_the_file_resets(course):
    session(course, 'answer("shape_of_w_xh", (4, 2))')
    (course / ".coursekit" / "progress.json").unlink()
    out = session(course, 'progress("02_recurrent_neuron.ipynb")')
    assert row(out, "shape_of_w_xh") == "shape_of_w_xh                   1    not checked yet"


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        '{"questions": [1, 2]}',
        '{"questions": {"x": {"status": "great"}}}',
        b"\xff\xfe not utf-8",
        b"",
    ],
)
def test_a_damaged_file_is_replaced_with_a_warning(course, damage):
    (course / ".coursekit").mkdir()
    (course / ".coursekit" / "progress.json").write_bytes(
        damage if isinstance(damage, bytes) else damage.encode()
    )
    out = session(course, 'progress("02_recurrent_neuron.ipynb")')
    file = course / ".coursekit" / "progress.json"
    assert out.splitlines()[0] == (
        f"⚠ your progress file {file} was damaged and has been reset; "
        "run check() and answer() again to record your results"
    )
    assert json.loads(file.read_text()) == {"version": 1, "questions": {}}
    out = session(course, 'answer("shape_of_w_xh", (4, 2))\nprogress("02_recurrent_neuron.ipynb")')
    assert "⚠" not in out and row(out, "shape_of_w_xh") == "shape_of_w_xh                   1  ✓ passed"


def test_an_unwritable_folder_warns_and_keeps_the_session(course):
    (course / ".coursekit").write_text("a file where the folder should be")
    out = session(course, 'answer("shape_of_w_xh", (4, 2))\nprogress("02_recurrent_neuron.ipynb")')
    assert "⚠ could not save your progress in" in out and "it is kept for this session only" in out
    assert row(out, "shape_of_w_xh") == "shape_of_w_xh                   1  ✓ passed"


def test_nothing_is_written_under_nbgrader_or_when_turned_off(course):
    session(course, 'answer("shape_of_w_xh", (4, 2))', NBGRADER_EXECUTION="autograde")
    session(course, 'answer("shape_of_w_xh", (4, 2))', COURSEKIT_PROGRESS="off")
    assert not (course / ".coursekit").exists()


def test_coursekit_progress_prints_every_exercise_with_totals_and_what_next(course):
    session(course, 'answer("iid_examples", ["a", "b"])\nanswer("shape_of_w_xh", (4, 2))')
    done = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "progress"],
        cwd=course,
        env=learner_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "01_sequences.ipynb: 0 of 4 points"
    assert lines[1].split() == ["question", "points", "status"]
    assert ["iid_examples", "1", "✗", "failed"] in [line.split() for line in lines]
    assert "02_recurrent_neuron.ipynb: 1 of 6 points" in lines
    assert ["shape_of_w_xh", "1", "✓", "passed"] in [line.split() for line in lines]
    assert lines[-2].startswith("total: 1 of ") and lines[-2].endswith(
        " points passed the public checks (hidden checks run when your work is graded)"
    )
    assert lines[-1] == "next: open exercises/01_sequences.ipynb and work on iid_examples"


def test_coursekit_progress_with_nothing_recorded(course):
    done = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "progress"],
        cwd=course / "exercises",
        env=learner_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (
        f"nothing recorded yet in {course / '.coursekit' / 'progress.json'}: run check() and answer() in the "
        "notebooks of exercises/"
    ) in done.stdout
    assert not (course / ".coursekit").exists()  # reading never creates the file


def test_the_real_grader_never_reads_or_writes_the_progress_file(course):
    """Grading a submission in the learner's course folder leaves the file as it was, byte for byte."""
    import shutil

    from coursekit.grading.sandbox import bubblewrap

    (course / "submissions").mkdir()
    shutil.copy(ROOT / "solutions" / "02_recurrent_neuron.ipynb", course / "submissions" / "alice.ipynb")
    (course / ".coursekit").mkdir()
    progress_file = course / ".coursekit" / "progress.json"
    progress_file.write_text(
        '{"version": 1, "questions": {"elman_step": {"status": "failed", "points": 0.0}}}'
    )
    os.chmod(progress_file, 0o444)  # a grader that tried to write it would fail loudly, not silently
    before = (progress_file.read_bytes(), progress_file.stat().st_mtime_ns)
    arguments = ["grade", "submissions", "--source", str(ROOT / "solutions"), "--out", "out", "--quiet"] + (
        [] if bubblewrap() else ["--no-sandbox"]
    )
    command = [
        sys.executable,
        "-c",
        "import sys\nfrom coursekit.cli import main\nrc = main(sys.argv[1:])\n"
        "print('learner API imported:', 'coursekit.learner' in sys.modules)\nsys.exit(rc)",
        *arguments,
    ]
    done = subprocess.run(command, cwd=course, env=learner_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6/6" in done.stdout  # the solution got every point: the grading really ran
    assert "learner API imported: False" in done.stdout  # the grader never loads what writes the file
    assert (progress_file.read_bytes(), progress_file.stat().st_mtime_ns) == before
    assert sorted(p.name for p in (course / ".coursekit").iterdir()) == ["progress.json"]
    assert [p for p in course.rglob("progress.json") if p != progress_file] == []
