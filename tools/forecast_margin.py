"""Measure the margin of exercise 12's `forecast` question: how often the reference GRU, and forecasters that
never learn the cycle, pass the judge on every fair cut point (for maintainers; 20 min with one job here).

    python tools/forecast_margin.py                      # seeds 0 1 2, margins 0.6 ... 0.9
    python tools/forecast_margin.py --seeds 0 --jobs 2   # one seed, two processes

The reference is the solution notebook's own code: its answer cells and the definitions of its given cells
run here as the grader's sandbox runs them, with `train_forecaster`'s seed varied. Each (cut point, seed)
trains one network and forecasts 11 years (or to the end of the series), so every horizon is judged from
one path. For each margin M it prints, per horizon, the share of (cut point, seed) pairs that pass
(MAE below both plain forecasts and at most AR + M x (plain - AR)), and the chance that a submission
passes all three hidden horizons (the product over horizons), for the reference and for the weak models.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coursekit.checks import forecasting as F  # noqa: E402
from coursekit.grading.cells import read_notebook, role  # noqa: E402
from coursekit.grading.submission import given_definitions  # noqa: E402

HORIZONS = (3, 7, 11)
LONGEST = max(HORIZONS)


def solution_namespace() -> dict:
    """The solution's answer cells and given definitions, run in order, as the grader's sandbox runs them."""
    import torch

    torch.set_num_threads(1)
    namespace = {"__name__": "__main__", "answer": lambda *args: None}
    for cell in read_notebook(ROOT / "solutions" / F.NOTEBOOK).cells:
        if cell.cell_type != "code" or role(cell).grade:
            continue
        source = cell.source if role(cell).solution else given_definitions(cell.source)
        if source:
            exec(compile(source, "<cell>", "exec"), namespace)
    return namespace


def reference_path(cut: int, seed: int) -> np.ndarray:
    namespace = solution_namespace()
    train = namespace["train_forecaster"]
    namespace["train_forecaster"] = partial(train, seed=seed)  # `forecast` finds it in its globals
    history = F._sunspots()[:cut]
    return np.asarray(namespace["forecast"](history.copy(), np.array(min(LONGEST, len(F._sunspots()) - cut))))


def weak_paths(cut: int) -> dict[str, np.ndarray]:
    """Forecasters that never learn the cycle: AR(1), a damped naive forecast, GRUs trained for 0, 5, 20 steps."""
    history, horizon = F._sunspots()[:cut], min(LONGEST, len(F._sunspots()) - cut)
    namespace = solution_namespace()
    paths = {
        "AR(1)": F.recursive_ar_forecast(history, horizon, 1),
        "damped naive": history.mean() + (history[-1] - history.mean()) * 0.8 ** np.arange(1, horizon + 1),
    }
    scale, window = history.max(), namespace["WINDOW"]
    for steps in (0, 5, 20):
        model, _ = namespace["train_forecaster"](
            *namespace["make_windows"](history / scale, window), steps=steps
        )
        path = namespace["forecast_recursively"](model, history[-window:] / scale, horizon)
        paths[f"GRU, {steps} steps"] = path * scale
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--margins", type=float, nargs="+", default=[0.6, 0.7, 0.8, 0.9])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    cuts = sorted({cut for h in HORIZONS for cut in F.fair_cut_points(h)})
    jobs = [(cut, seed) for cut in cuts for seed in args.seeds]
    with ProcessPoolExecutor(args.jobs) as pool:
        reference = dict(zip(jobs, pool.map(reference_path, *zip(*jobs))))
        weak = dict(zip(cuts, pool.map(weak_paths, cuts)))
    series = F._sunspots()
    errors: dict[str, dict[int, list]] = {}  # model -> horizon -> [(mae, baselines)]
    for h in HORIZONS:
        for cut in F.fair_cut_points(h):
            base, truth = F.baselines(series[:cut], h), series[cut : cut + h]
            for seed in args.seeds:
                errors.setdefault(f"reference, seed {seed}", {}).setdefault(h, []).append(
                    (F._mae_of(reference[cut, seed][:h], truth), base)
                )
            for name, path in weak[cut].items():
                errors.setdefault(name, {}).setdefault(h, []).append((F._mae_of(path[:h], truth), base))
    print(f"fair cut points: {', '.join(f'{len(F.fair_cut_points(h))} at {h} years' for h in HORIZONS)}")
    for margin in args.margins:
        print(f"\nMARGIN {margin}: share of cut points passed at 3 / 7 / 11 years; all three hidden horizons")
        for name, by_horizon in errors.items():
            rates = [
                np.mean(
                    [mae < b.plain and mae <= b.ar + margin * (b.plain - b.ar) for mae, b in by_horizon[h]]
                )
                for h in HORIZONS
            ]
            print(f"  {name:<22}{' / '.join(f'{r:.3f}' for r in rates)}   all three {np.prod(rates):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
