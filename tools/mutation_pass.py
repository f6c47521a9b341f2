"""Plant realistic bugs one at a time and check that a test fails on each (a mutation pass).

    .venv/bin/python tools/mutation_pass.py [--only ID ...]

Works on a copy of the committed tree (git archive HEAD) in a temporary folder, so the working
tree is never touched. Each mutant replaces one exact piece of text (which must occur once) and
runs the tests named for it; "caught" means pytest failed. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    id: str
    bug: str  # what a programmer got wrong, in words
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


NN_TESTS = (
    "tests/test_nn_vs_torch.py",
    "tests/test_nn_fast_paths.py",
    "tests/test_nn_gradcheck.py",
    "tests/test_nn_errors.py",
)

MUTANTS = [
    # ---- nn --------------------------------------------------------------------------------------
    Mutant(
        "nn-lstm-dc",
        "fast LSTM backward forgets to carry dc through the forget gate",
        "coursekit/nn/fast.py",
        "        dc *= f\n",
        "",
        NN_TESTS,
    ),
    Mutant(
        "nn-rnn-sum",
        "reference RNN backward keeps the last step's weight gradient instead of the sum",
        "coursekit/nn/rnn.py",
        "            grads[name] += g",
        "            grads[name] = g",
        NN_TESTS,
    ),
    Mutant(
        "nn-gru-mix",
        "GRU step mixes the old state with 1 - z and the candidate with z",
        "coursekit/nn/gru.py",
        "    h_next = n + z * (h_prev - n)",
        "    h_next = h_prev + z * (n - h_prev)",
        NN_TESTS,
    ),
    Mutant(
        "nn-clip-up",
        "clip_by_global_norm also scales gradients up when their norm is below the limit",
        "coursekit/nn/clip.py",
        "scale = min(1.0, max_norm / (norm + 1e-6))",
        "scale = max_norm / (norm + 1e-6)",
        NN_TESTS,
    ),
    Mutant(
        "nn-bidir",
        "bidirectional network does not flip the reverse direction's output back",
        "coursekit/nn/network.py",
        "outputs.append(out if d == 0 else out[:, ::-1])",
        "outputs.append(out)",
        NN_TESTS,
    ),
    # ---- checks ----------------------------------------------------------------------------------
    Mutant(
        "checks-tolerance",
        "compare_output accepts any value within 100% relative error",
        "coursekit/checks/core.py",
        "if rel_error(expected, received) <= tolerance:",
        "if rel_error(expected, received) <= max(tolerance, 1.0):",
        ("tests/test_checks_core.py",),
    ),
    Mutant(
        "checks-bptt-truncated",
        "the BPTT bank's reference truncates every step",
        "coursekit/checks/bptt.py",
        "    dx, dh0, grads = rnn_backward(dh, cache)",
        "    dx, dh0, grads = rnn_backward(dh, cache, truncate=1)",
        ("tests/test_checks_bptt.py",),
    ),
    Mutant(
        "checks-none",
        "a function that returns None is reported as a shape problem, not a missing return",
        "coursekit/checks/core.py",
        '        return f"{name} is None: did you forget `return`?"',
        '        return f"{name} has the wrong shape"',
        ("tests/test_checks_core.py",),
    ),
    # ---- quiz ------------------------------------------------------------------------------------
    Mutant(
        "quiz-no-feedback-right",
        "a quiz answer with no stored feedback counts as right",
        "coursekit/quiz.py",
        '        return digest(self.salt, "right", text) == self.right',
        '        return digest(self.salt, "right", text) == self.right or self.feedback_for(text) == ""',
        ("tests/test_checks.py", "tests/test_learner_api.py"),
    ),
    Mutant(
        "quiz-integer",
        "number answers are compared as integers (0.5 == 0)",
        "coursekit/quiz.py",
        "            return repr(number)",
        "            return repr(int(number))",
        ("tests/test_checks.py", "tests/test_learner_api.py"),
    ),
    # ---- grading ---------------------------------------------------------------------------------
    Mutant(
        "grading-score",
        "the score counts each question's full points, passed or not",
        "coursekit/grading/grade.py",
        "    result.score = sum(q.points for q in result.questions.values())",
        "    result.score = sum(q.max_points for q in result.questions.values())",
        ("tests/test_grading.py",),
    ),
    Mutant(
        "grading-net",
        "the sandbox keeps the network (no --unshare-all)",
        "coursekit/grading/sandbox.py",
        '        "--unshare-all",\n',
        "",
        ("tests/test_grading_attacks_access.py",),
    ),
    Mutant(
        "grading-hidden",
        "release keeps the hidden tests in the exercise",
        "coursekit/grading/cells.py",
        "        del lines[start : stop + 1]\n",
        "        pass\n",
        ("tests/test_grading.py::test_release_strips_solutions_and_hidden_tests_and_outputs",),
    ),
    Mutant(
        "grading-quiz-feedback",
        "a wrong quiz answer is judged right when it has no feedback words",
        "coursekit/grading/judge.py",
        '    return Verdict(FAILED, question.feedback_for(text) or "not right")',
        '    return Verdict(PASSED if not question.feedback_for(text) else FAILED, "not right")',
        ("tests/test_grading.py",),
    ),
    # ---- data ------------------------------------------------------------------------------------
    Mutant(
        "data-sorting-seed",
        "the sorting dataset ignores its seed",
        "coursekit/data/sorting.py",
        "rng = np.random.default_rng(arguments.seed(seed))",
        "rng = np.random.default_rng(0)",
        ("tests/test_data.py",),
    ),
    Mutant(
        "data-sorting-sort",
        "the sorting targets are sorted descending",
        "coursekit/data/sorting.py",
        "return inputs, np.sort(inputs, axis=1)",
        "return inputs, -np.sort(-inputs, axis=1)",
        ("tests/test_data.py",),
    ),
    # ---- train -----------------------------------------------------------------------------------
    Mutant(
        "train-clip",
        "fit ignores clip_norm",
        "coursekit/train.py",
        "clip_norm if clip_norm else math.inf",
        "math.inf",
        ("tests/test_train.py",),
    ),
    Mutant(
        "train-zero-grad",
        "fit never zeroes the gradients between batches",
        "coursekit/train.py",
        "            optimizer.zero_grad()\n",
        "",
        ("tests/test_train.py",),
    ),
    Mutant(
        "train-target",
        "fit's early stop compares the metric the wrong way round",
        "coursekit/train.py",
        "    return history.metrics[name][-1] >= value",
        "    return history.metrics[name][-1] <= value",
        ("tests/test_train.py",),
    ),
]


def run(mutant: Mutant, tree: Path) -> tuple[str | None, float]:
    """(the first test that failed, or None when the mutant survived; seconds)."""
    target = tree / mutant.path
    original = target.read_text()
    if original.count(mutant.old) != 1:
        raise SystemExit(
            f"{mutant.id}: the text to replace occurs {original.count(mutant.old)} times in "
            f"{mutant.path}; update the mutant"
        )
    target.write_text(original.replace(mutant.old, mutant.new))
    began = time.perf_counter()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-x",
                "-q",
                "-rfE",
                "-p",
                "no:nbval",
                "-p",
                "no:cacheprovider",
                "-o",
                "addopts=",
                *mutant.tests,
            ],
            cwd=tree,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(tree)},
            timeout=900,
        )
    finally:
        target.write_text(original)
    seconds = time.perf_counter() - began
    if result.returncode == 0:
        return None, seconds
    if result.returncode in (
        4,
        5,
    ):  # a wrong test path or no test collected: the pass, not the code, is wrong
        raise SystemExit(
            f"{mutant.id}: pytest could not run {mutant.tests} (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    failed = [
        line.split(" - ")[0].split(" ", 1)[1]  # "FAILED tests/x.py::test[an id with spaces] - message"
        for line in result.stdout.splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    ]
    return (failed[0] if failed else f"pytest exit {result.returncode}"), seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="mutant ids to run (default: all)")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.only or m.id in args.only]
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder)
        archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        print("| mutant | bug planted | caught by |\n|---|---|---|", flush=True)
        survivors = 0
        for mutant in chosen:
            caught, seconds = run(mutant, tree)
            survivors += caught is None
            verdict = f"`{caught}`" if caught else f"**SURVIVED** {', '.join(mutant.tests)}"
            print(f"| {mutant.id} | {mutant.bug} | {verdict} ({seconds:.0f} s) |", flush=True)
    print(f"\n{len(chosen) - survivors} of {len(chosen)} mutants caught.")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
