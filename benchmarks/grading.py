"""Seconds per graded submission, with the sandbox and without, and the grader's peak memory.

    python benchmarks/grading.py [--submissions 40] [--workers 1,2] [--dask 6] [--dask-workers 1,2]

Grades N copies of exercise 02 (solutions/02_recurrent_neuron.ipynb; half of them the released
exercise) in each mode, side by side in one run, and prints a table. The last column is the
grader's own peak resident memory (this process), which the learner's code cannot raise: it
runs in the sandboxes. Targets on a 2-core machine: at most 1.5 s per submission per worker with
the sandbox; 200 submissions on 2 workers in under 3 minutes; the grader under 1 GB.

Then the Dask path (`grade --scheduler`): a `dask scheduler` and 1, then 2 (--dask-workers), `dask worker`
processes on loopback (one thread each) grade the first --dask submissions, side by side with
local grading on as many threads; the overhead is the extra wall time per submission (shipping
bytes, the scheduler, results back), the cluster's start and the workers' first imports not
counted (a batch of one first). Run it from the repository root with PYTHONPATH=. (the workers import that coursekit).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coursekit.grading.batch import grade_all
from coursekit.grading.grade import GradeOptions
from coursekit.grading.limits import Limits
from coursekit.grading.sandbox import bubblewrap

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "02_recurrent_neuron.ipynb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument(
        "--dask", type=int, default=6, help="submissions graded on a local Dask cluster (0: none)"
    )
    parser.add_argument("--dask-workers", default="1,2", help="worker counts of the Dask table, e.g. 1,2")
    args = parser.parse_args()
    modes = [("sandbox", True)] if bubblewrap() else []
    modes.append(("no sandbox", False))
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        submissions = folder / "submissions"
        submissions.mkdir()
        for i in range(args.submissions):
            source = ROOT / ("solutions" if i % 2 == 0 else "exercises") / NOTEBOOK
            shutil.copy(source, submissions / f"student{i:03d}.ipynb")
        print(f"{args.submissions} submissions of {NOTEBOOK}")
        print(
            f"{'mode':>11}{'workers':>8}{'wall s':>9}{'s/submission':>14}{'s/submission/worker':>21}"
            f"{'sandbox start':>15}{'grader peak MB':>16}"
        )
        for workers in map(int, args.workers.split(",")):
            for mode, isolated in modes:
                limits = Limits(threads=1)
                options = GradeOptions(
                    source=ROOT / "solutions", limits=limits, isolated=isolated, secret="bench"
                )
                began = time.perf_counter()
                results, _ = grade_all(
                    [submissions], options, folder / f"out-{mode}-{workers}", workers=workers, progress=False
                )
                wall = time.perf_counter() - began
                assert not any(r.error for r in results), [r.error for r in results if r.error]
                assert sum(r.score for r in results) == 6 * ((args.submissions + 1) // 2)
                busy = sum(r.seconds for r in results) / len(results)
                start = sum(r.sandbox_start_seconds for r in results) / len(results)
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(
                    f"{mode:>11}{workers:>8}{wall:>9.1f}{wall / len(results):>14.2f}{busy:>21.2f}"
                    f"{start:>15.2f}{peak:>16.0f}"
                )
        if args.dask:
            dask_table(
                submissions,
                folder,
                args.dask,
                isolated=bool(bubblewrap()),
                worker_counts=[int(w) for w in args.dask_workers.split(",")],
            )


def dask_table(submissions: Path, folder: Path, count: int, isolated: bool, worker_counts=(1, 2)) -> None:
    """Local threads against a loopback Dask cluster with as many single-threaded workers."""
    few = folder / "few"
    few.mkdir()
    one = folder / "one"
    one.mkdir()
    shutil.copy(ROOT / "solutions" / NOTEBOOK, one / "warm.ipynb")
    for path in sorted(submissions.glob("*.ipynb"))[:count]:
        shutil.copy(path, few / path.name)
    dask = Path(sys.executable).with_name("dask")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    processes, file, warm = [], folder / "scheduler.json", []

    def start(*command):
        processes.append(
            subprocess.Popen(
                [str(dask), *command, "--no-dashboard"],
                env=env,
                cwd=folder,
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )

    def wait(condition):
        while not condition():
            time.sleep(0.05)

    print(
        f"\n{count} submissions on a Dask cluster on this machine ({'sandbox' if isolated else 'no sandbox'})"
    )
    print(
        f"{'workers':>8}{'local s':>9}{'dask s':>8}{'local sub/s':>13}{'dask sub/s':>12}"
        f"{'overhead s/submission':>23}"
    )
    try:
        start("scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(file))
        wait(lambda: file.exists() and file.read_text())
        address = json.loads(file.read_text())["address"]
        from distributed import Client

        with Client(address, set_as_default=False) as client:
            for workers in sorted(worker_counts):
                while len(processes) - 1 < workers:  # processes: the scheduler, then one per worker
                    start(
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--local-directory",
                        str(folder),
                    )
                client.wait_for_workers(workers, timeout=120)
                options = GradeOptions(
                    source=ROOT / "solutions", limits=Limits(threads=1), isolated=isolated, secret="bench"
                )
                began = time.perf_counter()  # the new worker's first grading (imports: torch...), not counted
                grade_all([one], options, folder / f"warm-{workers}", progress=False, scheduler=address)
                warm.append(time.perf_counter() - began)
                walls = []
                for scheduler in (None, address):
                    began = time.perf_counter()
                    results, _ = grade_all(
                        [few],
                        options,
                        folder / f"dask-{workers}-{bool(scheduler)}",
                        workers=workers,
                        progress=False,
                        scheduler=scheduler,
                    )
                    walls.append(time.perf_counter() - began)
                    assert not any(r.error for r in results), [r.error for r in results if r.error]
                local, remote = walls
                print(
                    f"{workers:>8}{local:>9.1f}{remote:>8.1f}{count / local:>13.2f}{count / remote:>12.2f}"
                    f"{(remote - local) / count:>23.2f}"
                )
        print(
            f"not counted: a new worker's first grading (its imports), {warm[0]:.1f} s here; "
            "`dask worker --preload coursekit.grading.grade` moves most of it to the worker's start"
        )
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


if __name__ == "__main__":
    main()
