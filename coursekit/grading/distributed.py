"""Grading across machines: each submission is graded on a Dask worker and journalled here.

`coursekit grade ... --scheduler tcp://HOST:8786` sends the submissions to a dask.distributed
cluster. No shared folder is needed: this process reads each submission (with the refusals of
local grading: links, special files, oversized or unparsable files get their row here, without a
sandbox) and ships its bytes with its task; the bytes of every solution notebook in --source
travel once per run, as one task the scheduler holds (and can run again if the worker keeping
them is lost). A worker writes both to a private temporary folder and runs grade_submission with
the same GradeOptions (the secret included: use tls:// or a trusted network), in its own sandbox,
so it needs bubblewrap and the same version of coursekit. Results come back here, where each is
journalled the moment it arrives; workers never write the journal, gradebook or feedback.

A worker lost mid-task (a crash, a kill, a machine gone) costs nothing: the scheduler runs its
tasks again on another worker; a task whose workers died `distributed.scheduler.allowed-failures`
times (3) gets a row saying so. Each submission has one task and is recorded once: a result for a
submission already recorded is ignored.
"""

from __future__ import annotations

import socket
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from .cells import NotebookError
from .grade import GradeOptions, SubmissionResult, grade_submission
from .gradebook import record_key
from .submission import read_submission, student_name

CONNECT_SECONDS = 5  # to reach the scheduler
WORKER_SECONDS = 30  # for a first worker to join it


class ClusterError(ValueError):
    """The cluster cannot be used as asked; the message says what to do."""


def _worker_state() -> dict:
    """Run on every worker before grading: its coursekit and whether it can sandbox."""
    from .. import __version__
    from .sandbox import bubblewrap, bubblewrap_problem

    return {"coursekit": __version__, "sandbox": None if bubblewrap() else bubblewrap_problem()}


def _solutions(sources: dict) -> dict:
    return sources


def _grade_on_worker(
    student: str, file: str, raw: bytes, sources: dict, options: GradeOptions
) -> SubmissionResult:
    """One submission, graded on a worker from bytes: the same student name, file name and options."""
    problem = _worker_state()["sandbox"] if options.isolated else None
    if problem:  # a worker that joined after the check
        return SubmissionResult(
            student=student,
            file=file,
            error=f"the Dask worker on {socket.gethostname()} cannot "
            f"run the sandbox: {problem}; regrade this submission (--resume does not)",
        )
    with tempfile.TemporaryDirectory(prefix="coursekit-grade-") as folder:
        solutions = Path(folder, "solutions")
        solutions.mkdir()
        for name, data in sources.items():
            (solutions / name).write_bytes(data)
        root = Path(folder, "submissions", "all")
        path = root / student / Path(file).name  # student_name(path, root) == student: the same hidden cases
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        result = grade_submission(path, replace(options, source=solutions), root)
    result.file = file
    result.error = result.error.replace(str(solutions), str(options.source)).replace(str(path), file)
    return result


def _connect(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            "grading on a Dask cluster (--scheduler) needs dask.distributed: pip install 'coursekit[cluster]'"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except Exception as error:  # noqa: BLE001 - OSError after the timeout, ValueError for a malformed address
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address}: start one with `dask scheduler` on the "
            f"grading machine, and `dask worker {address}` on each machine that grades; pass the "
            f"address the scheduler prints (tcp://HOST:8786) ({error})"
        ) from None
    try:
        client.wait_for_workers(1, timeout=WORKER_SECONDS)
        # a worker joining or leaving this very moment cannot answer: it is left out here, and the
        # submissions it takes later check for themselves (a row that says what is missing)
        states = {
            w: s for w, s in client.run(_worker_state, on_error="return").items() if isinstance(s, dict)
        }
        if not states:
            raise TimeoutError("no worker answered")
    except Exception as error:  # noqa: BLE001 - no worker, or workers that cannot import coursekit
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has no worker that can grade ({type(error).__name__}: "
            f"{error}): run `dask worker {address}` on machines with bubblewrap and this "
            "coursekit installed"
        ) from None
    return client, states


def grade_on_cluster(
    address: str, todo: list[tuple[Path, Path | None]], options: GradeOptions, progress: bool = True
):
    """Yield the result of each (path, root) in todo, graded on the Dask cluster at address, as each arrives.

    Raises ClusterError, before grading anything, when the cluster cannot grade."""
    from distributed import as_completed
    from tqdm.auto import tqdm

    from .. import __version__

    client, states = _connect(address)
    try:
        wrong = {
            w: s
            for w, s in states.items()
            if s["coursekit"] != __version__ or options.isolated and s["sandbox"]
        }
        if wrong:
            raise ClusterError(
                "these Dask workers cannot grade: "
                + "; ".join(
                    f"{w}: "
                    + (
                        f"coursekit {s['coursekit']}, not {__version__}"
                        if s["coursekit"] != __version__
                        else s["sandbox"]
                    )
                    for w, s in wrong.items()
                )
                + " — install bubblewrap and this coursekit there, or stop those workers"
            )
        run = uuid.uuid4().hex[:12]
        sources = {p.name: p.read_bytes() for p in sorted(Path(options.source).glob("*.ipynb"))}
        shared = client.submit(_solutions, sources, key=f"coursekit-solutions-{run}")
        futures, recorded = {}, set()
        for path, root in todo:
            student, file = student_name(path, root), str(path)
            try:
                raw, _ = read_submission(path)
            except NotebookError:  # refused before any sandbox: the same row as local grading
                recorded.add((student, file))
                yield grade_submission(path, options, root)
                continue
            future = client.submit(
                _grade_on_worker,
                student,
                file,
                raw,
                shared,
                options,
                retries=1,
                key=f"coursekit-grade-{record_key(student, file)}-{run}",
            )
            futures[future] = (student, file)
        for future in tqdm(
            as_completed(futures, loop=client.loop),
            total=len(futures),
            desc="grading",
            unit="notebook",
            disable=not progress,
        ):
            student, file = futures[future]
            if (student, file) in recorded:
                continue
            try:
                result = future.result()
            except Exception as error:  # noqa: BLE001 - workers that died with it, a failure in the grader
                said = (
                    f"the workers that took it died, more than {error.args[-1]} times (KilledWorker); "
                    f"regrade "
                    "it alone"
                    if type(error).__name__ == "KilledWorker"
                    else f"{type(error).__name__}: {error}"
                )
                result = SubmissionResult(
                    student=student, file=file, error=f"grading failed on the Dask cluster: {said}"
                )
            recorded.add((student, file))
            future.release()
            yield result
    finally:
        client.close()
