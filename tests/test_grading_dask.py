"""Grading on a real Dask cluster: `dask scheduler` and `dask worker` processes on loopback.

The workers grade real submissions of exercise 02 in the real sandbox; the gradebook, records
and feedback must be those of local grading, and a worker killed mid-task must cost nothing:
its submission is graded elsewhere and recorded once. Every process started here is in its own
process group, killed at the end.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest
from grading_helpers import (
    FULL,
    LIMITS,
    NOTEBOOK,
    OPTIONS,
    RIGHT_ELMAN,
    ROOT,
    needs_sandbox,
    solution,
    with_cells,
    write,
)

from coursekit.grading.batch import grade_all
from coursekit.grading.distributed import ClusterError

psutil = pytest.importorskip("psutil")
pytest.importorskip("distributed")

pytestmark = needs_sandbox
DASK = Path(sys.executable).with_name("dask")
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
OPTIONS = replace(
    OPTIONS, secret="the instructor's"
)  # hidden cases per student: the worker must draw the same
WRONG = "def elman_step(x_t, h_prev, W_xh, W_hh, b):\n    return np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T)"


class Cluster:
    def __init__(self, folder: Path):
        self.folder, self.processes = folder, []
        file = folder / "scheduler.json"
        self.scheduler = self.start(
            "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(file)
        )
        self.address = self.wait(
            lambda: file.exists() and json.loads(file.read_text() or "{}").get("address")
        )

    def start(self, *args, env=ENV) -> subprocess.Popen:
        log = open(self.folder / f"{args[0]}-{len(self.processes)}.log", "wb")
        process = subprocess.Popen(
            [str(DASK), *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=self.folder,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def worker(self, env=ENV) -> subprocess.Popen:
        """A worker (with its nanny), once the scheduler has it."""
        process = self.start(
            "worker",
            self.address,
            "--nworkers",
            "1",
            "--nthreads",
            "1",
            "--no-dashboard",
            "--host",
            "127.0.0.1",
            "--local-directory",
            str(self.folder),
            env=env,
        )
        log = self.folder / f"worker-{len(self.processes) - 1}.log"
        self.wait(lambda: b"Registered to" in log.read_bytes())
        return process

    @staticmethod
    def wait(condition, seconds=60.0):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = condition()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"waited {seconds} s in vain")

    def stop(self):
        for process in self.processes:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        cluster.worker(), cluster.worker()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Six students: folders and files, right and wrong answers, the released exercise, a broken file, and a
    notebook of no exercise (its row names --source: the client's folder, not the worker's)."""
    folder = tmp_path_factory.mktemp("batch")
    (folder / "carol").mkdir()
    write(folder / "carol", NOTEBOOK, solution())
    write(folder, "dave.ipynb", with_cells(elman_step_answer=WRONG))
    write(folder, "frank.ipynb", with_cells(shape_of_w_xh_answer='answer("shape_of_w_xh", (2, 4))'))
    (folder / "grace.ipynb").write_bytes((ROOT / "exercises" / NOTEBOOK).read_bytes())
    (folder / "erin.ipynb").write_text("{ not json")
    write(folder, "hank.ipynb", nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("no answers")]))
    return folder


def _outputs(out: Path) -> dict:
    """Everything grading wrote, but the times."""
    found = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            text = path.read_text()
            if path.parent.name == "records":
                found[path.relative_to(out)] = {
                    k: v for k, v in json.loads(text).items() if k not in ("seconds", "sandbox_start_seconds")
                }
            else:
                found[path.relative_to(out)] = text
    return found


def test_the_cluster_grades_as_this_machine_does(cluster, batch, tmp_path):
    here, _ = grade_all([batch], OPTIONS, tmp_path / "here", workers=2, progress=False)
    there, skipped = grade_all(
        [batch], OPTIONS, tmp_path / "there", progress=False, scheduler=cluster.address
    )
    assert not skipped
    assert {r.student: r.score for r in there} == {
        "carol": FULL,
        "dave": FULL - 2,
        "erin": 0,
        "frank": FULL - 1,
        "grace": 0,
        "hank": 0,
    }
    assert "not valid notebook JSON" in next(r.error for r in there if r.student == "erin")
    assert f"matches no exercise in {OPTIONS.source}" in next(r.error for r in there if r.student == "hank")
    assert _outputs(tmp_path / "there") == _outputs(tmp_path / "here")


def test_a_worker_killed_mid_task_loses_nothing_and_doubles_nothing(cluster, tmp_path):
    folder = tmp_path / "slow"
    folder.mkdir()
    slow = RIGHT_ELMAN + "\n\nimport time\ntime.sleep(2)"  # long enough for the kill to land mid-task
    for name in ("ann", "ben", "cal", "dee"):
        write(folder, f"{name}.ipynb", with_cells(elman_step_answer=slow))
    doomed = cluster.worker()  # the third worker, only for this test
    options = replace(OPTIONS, limits=replace(LIMITS, cell_seconds=30))

    killed = []

    def kill_once_grading():  # once the doomed worker runs a sandbox, i.e. grades a submission
        cluster.wait(
            lambda: any(p.name() == "bwrap" for p in psutil.Process(doomed.pid).children(recursive=True))
        )
        os.killpg(doomed.pid, signal.SIGKILL)
        killed.append(doomed.wait(10))

    killer = threading.Thread(target=kill_once_grading, daemon=True)
    killer.start()
    results, _ = grade_all([folder], options, tmp_path / "out", progress=False, scheduler=cluster.address)
    killer.join(10)
    assert killed == [-signal.SIGKILL]
    assert sorted(r.student for r in results) == ["ann", "ben", "cal", "dee"]
    assert all(r.score == FULL and not r.error for r in results), [r.error for r in results]
    records = [json.loads(p.read_text()) for p in (tmp_path / "out" / "records").glob("*.json")]
    assert sorted(r["student"] for r in records) == ["ann", "ben", "cal", "dee"]
    assert len((tmp_path / "out" / "gradebook.csv").read_text().splitlines()) == 1 + 4


def test_an_unreachable_scheduler_is_named_with_what_to_do(tmp_path):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{free.getsockname()[1]}"
    began = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "coursekit.cli",
            "grade",
            str(tmp_path),
            "--out",
            str(tmp_path / "out"),
            "--source",
            str(ROOT / "solutions"),
            "--scheduler",
            address,
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert result.returncode == 2
    assert f"cannot reach the Dask scheduler at {address}: start one with `dask scheduler`" in result.stderr
    assert time.monotonic() - began < 30


def test_a_worker_without_bubblewrap_is_refused_before_grading(tmp_path, batch):
    cluster = Cluster(tmp_path)
    try:
        cluster.worker(env={**ENV, "PATH": str(DASK.parent)})  # no bwrap on its PATH
        with pytest.raises(ClusterError) as refused:
            grade_all([batch], OPTIONS, tmp_path / "out", progress=False, scheduler=cluster.address)
    finally:
        cluster.stop()
    assert "these Dask workers cannot grade: tcp://127.0.0.1:" in str(refused.value)
    assert "bubblewrap" in str(refused.value) and "install bubblewrap and this coursekit there" in str(
        refused.value
    )
    assert not list((tmp_path / "out" / "records").glob("*"))
