"""Seconds per graded submission, with the sandbox and without, and the grader's peak memory.

    python benchmarks/grading.py [--submissions 40] [--workers 1,2]

Grades N copies of exercise 02 (solutions/02_recurrent_neuron.ipynb; half of them the released
exercise) in each mode, side by side in one run, and prints a table. The last column is the
grader's own peak resident memory (this process), which the learner's code cannot raise: it
runs in the sandboxes. Targets on a 2-core machine: at most 1.5 s per submission per worker with
the sandbox; 200 submissions on 2 workers in under 3 minutes; the grader under 1 GB.
"""
from __future__ import annotations

import argparse
import resource
import shutil
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
        print(f"{'mode':>11}{'workers':>8}{'wall s':>9}{'s/submission':>14}{'s/submission/worker':>21}"
              f"{'sandbox start':>15}{'grader peak MB':>16}")
        for workers in map(int, args.workers.split(",")):
            for mode, isolated in modes:
                limits = Limits(threads=1)
                options = GradeOptions(source=ROOT / "solutions", limits=limits, isolated=isolated, secret="bench")
                began = time.perf_counter()
                results, _ = grade_all([submissions], options, folder / f"out-{mode}-{workers}", workers=workers,
                                       progress=False)
                wall = time.perf_counter() - began
                assert not any(r.error for r in results), [r.error for r in results if r.error]
                assert sum(r.score for r in results) == 6 * ((args.submissions + 1) // 2)
                busy = sum(r.seconds for r in results) / len(results)
                start = sum(r.sandbox_start_seconds for r in results) / len(results)
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"{mode:>11}{workers:>8}{wall:>9.1f}{wall / len(results):>14.2f}{busy:>21.2f}"
                      f"{start:>15.2f}{peak:>16.0f}")


if __name__ == "__main__":
    main()
