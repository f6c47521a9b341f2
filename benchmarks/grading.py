"""Seconds per submission when grading, and how much of it goes into starting kernels.

    python benchmarks/grading.py [--submissions 20]

Grades N copies of the pipeline notebook (solutions/02_recurrent_neuron.ipynb, half of them
the released exercise) with --workers 1 and 2, and prints a table.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from coursekit.grading.batch import grade_all
from coursekit.grading.grade import GradeOptions

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "02_recurrent_neuron.ipynb"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for i in range(args.submissions):
            source = ROOT / ("solutions" if i % 2 == 0 else "exercises") / NOTEBOOK
            shutil.copy(source, folder / f"student{i:02d}.ipynb")
        print(f"{args.submissions} submissions of {NOTEBOOK}")
        print(f"{'workers':>7}{'wall s':>9}{'s/submission':>14}{'s/submission/worker':>21}{'kernel start share':>20}")
        for workers in map(int, args.workers.split(",")):
            options = GradeOptions(source=ROOT / "solutions", threads=1)
            began = time.perf_counter()
            results, _ = grade_all([folder], options, folder / f"out{workers}", workers=workers, progress=False)
            wall = time.perf_counter() - began
            busy = sum(r.seconds for r in results)
            starting = sum(r.kernel_start_seconds for r in results)
            assert not any(r.error for r in results), [r.error for r in results if r.error]
            print(f"{workers:>7}{wall:>9.1f}{wall / len(results):>14.2f}{busy / len(results):>21.2f}"
                  f"{starting / busy:>19.0%}")


if __name__ == "__main__":
    main()
