"""Grading many submissions: a few at a time, journalled, into a gradebook and feedback.

Each submission is graded in a thread of this process that drives its own sandbox; the learner's
code runs in the sandboxes, so threads give real parallelism, and a submission that misbehaves
can only lose its own row. Each result is journalled as soon as it is judged; a killed run is
finished with `--resume`, which grades only the submissions without a record. With
`--scheduler`, the submissions are graded on a Dask cluster instead (distributed.py); the journal,
gradebook and feedback are still written here, and only here.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from .cgroups import ControlGroup
from .grade import GradeOptions, SubmissionResult, grade_submission
from .gradebook import Journal, write_outputs
from .submission import MAX_SUBMISSION_BYTES, find_submissions, student_name


def _sha256(path: Path) -> str:
    """The file's hash when it is a plain file we would read, else "" (such files are always regraded)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_SUBMISSION_BYTES:
            return ""
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _grade_here(todo: list[tuple[Path, Path | None]], options: GradeOptions, workers: int, progress: bool):
    """Yield the result of each (path, root) in todo, graded in `workers` threads of this process."""
    from tqdm.auto import tqdm

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(grade_submission, path, options, root): (path, root) for path, root in todo}
        for future in tqdm(
            as_completed(futures), total=len(futures), desc="grading", unit="notebook", disable=not progress
        ):
            path, root = futures[future]
            try:
                yield future.result()
            except Exception as error:  # noqa: BLE001 - a failure in the grader itself still gets its row
                yield SubmissionResult(
                    student=student_name(path, root),
                    file=str(path),
                    error=f"grading failed: {type(error).__name__}: {error}",
                )


def grade_all(
    paths: list[Path],
    options: GradeOptions,
    out: Path,
    workers: int = 1,
    progress: bool = True,
    resume: bool = False,
    scheduler: str | None = None,
):
    """Grade every submission found under paths; returns (results, notes on what was skipped).

    With a scheduler address, the submissions are graded on that Dask cluster (distributed.py).
    Raises OutFolderError (before grading anything) when --out holds another run's work, and
    ClusterError when the cluster cannot grade.
    """
    journal = Journal(out, options, resume)
    if options.isolated:
        ControlGroup.sweep()  # what an earlier grader, killed mid-batch, left in /sys/fs/cgroup
    submissions, skipped = find_submissions(paths)
    results, todo = [], []
    for path, root in submissions:
        done = journal.finished(student_name(path, root), str(path), _sha256(path)) if resume else None
        if done is not None:
            results.append(done)
        else:
            todo.append((path, root))
    if resume and results:
        skipped.append(f"{len(results)} submission(s) already graded in {out}; kept")
    if scheduler:  # on a Dask cluster (distributed.py); journalled here all the same
        from .distributed import grade_on_cluster

        finished = grade_on_cluster(scheduler, todo, options, progress)
    else:
        finished = _grade_here(todo, options, workers, progress)
    for result in finished:
        journal.write(result)
        results.append(result)
    results.sort(key=lambda r: (r.student, r.file))
    write_outputs(results, Path(out))
    return results, skipped
