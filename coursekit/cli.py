"""The `coursekit` command: doctor, progress, release, grade, gradescope."""

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
    from .grading.distributed import ClusterError
    from .grading.grade import GradeOptions
    from .grading.gradebook import OutFolderError
    from .grading.limits import Limits
    from .grading.sandbox import bubblewrap, bubblewrap_problem, describe

    if not Path(args.source).is_dir():
        print(f"grade: --source {args.source} is not a folder of solution notebooks", file=sys.stderr)
        return 2
    if not args.no_sandbox and not args.scheduler and bubblewrap() is None:  # a cluster's workers need it
        print(f"grade: {bubblewrap_problem()}", file=sys.stderr)
        return 2
    workers = max(1, args.workers)
    limits = Limits(
        memory_mb=args.memory_mb,
        processes=args.processes,
        cell_seconds=args.timeout,
        submission_seconds=args.submission_timeout,
        output_mb=args.max_output_mb,
        disk_mb=args.disk_mb,
        threads=max(1, (os.cpu_count() or 1) // workers),
    )
    secret = args.secret or os.environ.get("COURSEKIT_GRADING_SECRET") or None
    options = GradeOptions(
        source=Path(args.source),
        limits=limits,
        isolated=not args.no_sandbox,
        secret=secret,
        seed=args.seed,
        show_hidden=args.show_hidden,
    )
    print(describe(limits, options.isolated))
    print(
        "hidden cases: "
        + (
            "per learner, from the instructor's secret"
            if secret
            else f"the public demonstration ones (seed {args.seed}), the same for everyone and "
            "predictable from the course's code: pass --secret (or set COURSEKIT_GRADING_SECRET) "
            "when grading for credit"
        )
    )
    try:
        results, skipped = grade_all(
            [Path(p) for p in args.submissions],
            options,
            Path(args.out),
            workers,
            progress=not args.quiet,
            resume=args.resume,
            scheduler=args.scheduler,
        )
    except (OutFolderError, ClusterError) as error:
        print(f"grade: {error}", file=sys.stderr)
        return 2
    for note in skipped:
        print(f"skipped {note}")
    for result in results:
        state = f"ERROR {result.error}" if result.error else f"{result.score:g}/{result.max_score:g}"
        print(f"{result.student:<20} {Path(result.file).name:<32} {state}")
    print(f"gradebook: {Path(args.out) / 'gradebook.csv'}; feedback: {Path(args.out) / 'feedback'}")
    return 0


def _progress(args) -> int:
    """Every exercise and its questions with the best result kept in the progress file; totals; what next."""
    from .checks.registry import notebooks, questions_of
    from .learner import PASSED, ProgressFile, course_root, progress_table

    file = (
        ProgressFile(Path(args.file))
        if args.file
        else ProgressFile(course_root() / ".coursekit" / "progress.json")
    )
    results = file.read()
    earned_all = total_all = 0.0
    next_step = None
    for notebook in notebooks():
        questions = questions_of(notebook)
        lines, earned, total = progress_table(questions, results)
        earned_all, total_all = earned_all + earned, total_all + total
        print(f"{notebook}: {earned:g} of {total:g} points")
        print("\n".join("  " + line for line in lines))
        print()
        if next_step is None:
            for grade_id in questions:
                if results.get(grade_id, {}).get("status") != PASSED:
                    next_step = (notebook, grade_id)
                    break
    print(
        f"total: {earned_all:g} of {total_all:g} points passed the public checks "
        "(hidden checks run when your work is graded)"
    )
    if not results:
        print(f"nothing recorded yet in {file.path}: run check() and answer() in the notebooks of exercises/")
    if next_step is None:
        print("next: every question passes its public checks; hand in your notebooks")
    else:
        notebook, grade_id = next_step
        print(f"next: open exercises/{notebook} and work on {grade_id}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from .grading.limits import Limits

    limits = Limits()

    parser = argparse.ArgumentParser(
        prog="coursekit", description="Tools of the recurrent neural networks course."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", help="check this environment and say how to fix what is off")

    progress = commands.add_parser(
        "progress",
        help="your progress: every exercise and question, best results",
        description="A table of every exercise and its questions with the best result "
        "check() and answer() recorded, totals, and what to do next. Read "
        "from .coursekit/progress.json in the course folder (the one that "
        "holds exercises/); delete that file to start afresh.",
    )
    progress.add_argument("--file", default=None, help="another progress file")

    release = commands.add_parser(
        "release",
        help="write exercises/ from solutions/",
        description="Write the learner's notebooks: solution regions become stubs, "
        "hidden tests and outputs are removed.",
    )
    release.add_argument(
        "source", nargs="?", default="solutions", help="solution notebooks (default: solutions)"
    )
    release.add_argument(
        "target", nargs="?", default="exercises", help="where exercises go (default: exercises)"
    )
    release.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the exercises are stale"
    )

    from .grading.gradescope import add_arguments as gradescope_arguments  # standard library only: fast

    gradescope_arguments(
        commands.add_parser(
            "gradescope",
            help="build a Gradescope autograder (autograder.zip) for one exercise",
            formatter_class=argparse.ArgumentDefaultsHelpFormatter,
            description="Write OUT/autograder.zip, Gradescope's autograder format: setup.sh installs "
            "bubblewrap and "
            "this course's pinned environment; run_autograder grades the learner's notebook as `coursekit "
            "grade` does (in the sandbox) and writes results.json, with each question's points shown to "
            "learners when grades are published. With a secret, the secret is stored in the zip.",
        )
    )

    grade = commands.add_parser(
        "grade",
        help="grade submitted notebooks",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        description="Grade submissions: each runs in a sandbox (bubblewrap) that sees "
        "nothing but the Python it needs; the answers are judged here. Writes "
        "gradebook.csv, a JSON record and a Markdown feedback file per "
        "submission. Submissions are only read.",
    )
    grade.add_argument(
        "submissions",
        nargs="+",
        help="notebook files, or folders of them (one subfolder per student, or files named after students)",
    )
    grade.add_argument("--source", default="solutions", help="the solution notebooks")
    grade.add_argument(
        "--out", default="grading-out", help="where results go (new or empty, or with --resume)"
    )
    grade.add_argument(
        "--resume",
        action="store_true",
        help="finish a run that was stopped: grade only the submissions --out has no record of",
    )
    grade.add_argument("--workers", type=int, default=1, help="submissions graded at once")
    grade.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="grade on the Dask cluster at this address (tcp://HOST:8786), one submission per task, "
        "on workers with bubblewrap and this coursekit: see the README (pip install "
        "'coursekit[cluster]')",
    )
    grade.add_argument(
        "--secret",
        default=None,
        help="the instructor's secret that draws each learner's hidden "
        "cases (or set COURSEKIT_GRADING_SECRET); keep it private",
    )
    grade.add_argument(
        "--seed", type=int, default=0, help="the hidden cases without a secret; with one, mixed into it"
    )
    grade.add_argument(
        "--timeout",
        type=int,
        default=limits.cell_seconds,
        help="seconds each cell or check may run before the sandbox is killed",
    )
    grade.add_argument(
        "--submission-timeout",
        type=int,
        default=limits.submission_seconds,
        help="seconds all of one submission's cells and checks may run together",
    )
    grade.add_argument(
        "--memory-mb",
        type=int,
        default=limits.memory_mb,
        help="memory of all of a submission's processes together (MB)",
    )
    grade.add_argument(
        "--processes",
        type=int,
        default=limits.processes,
        help="processes and threads a submission may have at once",
    )
    grade.add_argument(
        "--max-output-mb",
        type=float,
        default=limits.output_mb,
        help="output a submission may print (MB); the cell that exceeds it is stopped, and "
        "the questions after it are graded in a fresh sandbox",
    )
    grade.add_argument("--disk-mb", type=int, default=limits.disk_mb, help="the sandbox's private /tmp (MB)")
    grade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="grade without bubblewrap (e.g. on macOS): every row is marked 'not isolated — not for credit'",
    )
    grade.add_argument(
        "--show-hidden",
        action="store_true",
        help="feedback shows the inputs of each failed check and the learner's error messages "
        "(for instructors: hidden inputs included)",
    )
    grade.add_argument("--quiet", action="store_true", help="no progress bar")

    args = parser.parse_args(argv)
    if args.command == "doctor":
        from .doctor import run_doctor

        return run_doctor()
    if args.command == "progress":
        return _progress(args)
    if args.command == "release":
        return _release(args)
    if args.command == "gradescope":
        from .grading.gradescope import run_command

        return run_command(args)
    if args.command == "grade":
        return _grade(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
