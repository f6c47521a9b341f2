"""The limits a submission is graded under (defaults here; `coursekit grade --help` shows them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 2048  # all processes of one submission together
    processes: int = 128  # processes and threads (the kernel counts threads as tasks)
    cell_seconds: int = 60  # one cell or one check, wall clock
    submission_seconds: int = 600  # all of one submission's cells and checks, restarts included
    output_mb: float = 10.0  # bytes printed in one sandbox (a fresh sandbox after a stop starts again)
    disk_mb: int = 128  # the private /tmp, and the largest file
    threads: int = 1  # BLAS and torch threads, and the CPU share of the control group
