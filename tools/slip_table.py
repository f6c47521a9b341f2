"""Print, per exercise, the graded functions, the slips their banks recognise, how many learner-written slips
the tests hold, and how many of those get the same verdict publicly and hidden (both failed).

    python tools/slip_table.py

The written slips are tests/test_checks_*.py's WRITTEN_SLIPS (see tests/test_slip_coverage.py); hidden
verdicts are taken on seeds 0 and 12345, as that test does.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from coursekit.checks.core import FAILED, FunctionQuestion  # noqa: E402
from coursekit.checks.registry import notebooks, questions_of  # noqa: E402


def _verdict(question, function, cases):
    namespace = dict(function) if isinstance(function, dict) else {question.function: function}
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return question.check_cases(namespace, cases)


def main() -> None:
    written = {}
    for path in sorted((ROOT / "tests").glob("test_checks_*.py")):
        for grade_id, _, function, _ in getattr(importlib.import_module(path.stem), "WRITTEN_SLIPS", []):
            written.setdefault(grade_id, []).append(function)
    print(f"{'exercise':<28} {'functions':>9} {'slips':>6} {'written':>8} {'public = hidden':>16}")
    totals = [0, 0, 0, 0]
    for notebook in notebooks():
        functions = [q for q in questions_of(notebook).values() if isinstance(q, FunctionQuestion)]
        slips = sum(len(q.slips(**q.public_cases()[0].inputs)) for q in functions if q.slips)
        mine = [(q, f) for q in functions for f in written.get(q.grade_id, [])]
        agree = sum(
            _verdict(q, f, q.public_cases()).status == FAILED
            and all(_verdict(q, f, q.hidden_cases(seed)).status == FAILED for seed in (0, 12345))
            for q, f in mine
        )
        row = [len(functions), slips, len(mine), agree]
        totals = [a + b for a, b in zip(totals, row)]
        print(f"{notebook:<28} {row[0]:>9} {row[1]:>6} {row[2]:>8} {f'{row[3]} of {row[2]}':>16}")
    print(f"{'all':<28} {totals[0]:>9} {totals[1]:>6} {totals[2]:>8} {f'{totals[3]} of {totals[2]}':>16}")


if __name__ == "__main__":
    main()
