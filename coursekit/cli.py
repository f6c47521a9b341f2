"""The `coursekit` command: doctor, release, grade."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _release(args) -> int:
    from .grading.cells import NotebookError
    from .grading.release import stale_exercises, write_release

    try:
        if args.check:
            problems = stale_exercises(args.source, args.target)
            for problem in problems:
                print(problem)
            if problems:
                print(f"exercises are stale: run `coursekit release {args.source} {args.target}`")
                return 1
            print(f"{args.target} is up to date with {args.source}")
            return 0
        changed = write_release(args.source, args.target)
    except NotebookError as error:
        print(f"release: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(changed)} exercise notebook(s)" + "".join(f"\n  {path}" for path in changed))
    return 0


def _grade(args) -> int:
    from .grading.batch import grade_all
    from .grading.grade import GradeOptions

    if not Path(args.source).is_dir():
        print(f"grade: --source {args.source} is not a folder of solution notebooks", file=sys.stderr)
        return 2
    workers = max(1, args.workers)
    options = GradeOptions(source=Path(args.source), cell_timeout=args.timeout, memory_mb=args.memory_mb,
                           max_output_mb=args.max_output_mb, seed=args.seed, show_hidden=args.show_hidden,
                           threads=max(1, (os.cpu_count() or 1) // workers))
    results, skipped = grade_all([Path(p) for p in args.submissions], options, Path(args.out), workers,
                                 progress=not args.quiet)
    for note in skipped:
        print(f"skipped {note}")
    for result in results:
        state = f"ERROR {result.error}" if result.error else f"{result.score:g}/{result.max_score:g}"
        print(f"{result.student:<20} {Path(result.file).name:<32} {state}")
    print(f"gradebook: {Path(args.out) / 'gradebook.csv'}; feedback: {Path(args.out) / 'feedback'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from .grading.grade import DEFAULT_CELL_TIMEOUT, DEFAULT_MAX_OUTPUT_MB, DEFAULT_MEMORY_MB

    parser = argparse.ArgumentParser(prog="coursekit", description="Tools of the recurrent neural networks course.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", help="check this environment and say how to fix what is off")

    release = commands.add_parser("release", help="write exercises/ from solutions/",
                                  description="Write the learner's notebooks: solution regions become stubs, "
                                              "hidden tests and outputs are removed.")
    release.add_argument("source", nargs="?", default="solutions", help="solution notebooks (default: solutions)")
    release.add_argument("target", nargs="?", default="exercises", help="where exercises go (default: exercises)")
    release.add_argument("--check", action="store_true", help="write nothing; exit 1 if the exercises are stale")

    grade = commands.add_parser("grade", help="grade submitted notebooks",
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                                description="Grade submissions in fresh kernels; writes gradebook.csv, a JSON "
                                            "record and a Markdown feedback file per submission. Submissions "
                                            "are only read.")
    grade.add_argument("submissions", nargs="+", help="notebook files, or folders of them (one subfolder per "
                                                      "student, or files named after students)")
    grade.add_argument("--source", default="solutions", help="the solution notebooks")
    grade.add_argument("--out", default="grading-out", help="where results go")
    grade.add_argument("--workers", type=int, default=1, help="submissions graded at once")
    grade.add_argument("--timeout", type=int, default=DEFAULT_CELL_TIMEOUT, help="seconds each cell may run")
    grade.add_argument("--memory-mb", type=int, default=DEFAULT_MEMORY_MB, help="memory limit of each kernel (MB)")
    grade.add_argument("--max-output-mb", type=float, default=DEFAULT_MAX_OUTPUT_MB,
                       help="notebook output kept per submission (MB)")
    grade.add_argument("--seed", type=int, default=0, help="picks the inputs of the hidden checks")
    grade.add_argument("--show-hidden", action="store_true",
                       help="feedback shows the inputs of each failed check, hidden checks included")
    grade.add_argument("--quiet", action="store_true", help="no progress bar")

    args = parser.parse_args(argv)
    if args.command == "doctor":
        from .doctor import run_doctor

        return run_doctor()
    if args.command == "release":
        return _release(args)
    if args.command == "grade":
        return _grade(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
