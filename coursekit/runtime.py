"""Threads and seeds: what makes a run on a laptop fast and repeatable."""

from __future__ import annotations

import os
import random
from contextlib import contextmanager

import numpy as np


def seed_everything(seed: int = 0) -> np.random.Generator:
    """Seed Python, NumPy and (if imported) PyTorch; returns a NumPy Generator for new code."""
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch
    except ImportError:  # the NumPy parts of the course work without torch
        pass
    else:
        torch.manual_seed(seed)
    return np.random.default_rng(seed)


@contextmanager
def blas_threads(limit: int = 1):
    """Limit NumPy's BLAS threads inside the block.

    NumPy's OpenBLAS threads keep spinning for a while after a matrix product and take a
    core away from PyTorch running in the same process (measured: torch's LSTM step went from
    41 ms to 85 ms right after one NumPy matmul). Wrap NumPy work that runs beside torch, or
    torch work that runs after NumPy, in this block.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=limit, user_api="blas"):
        yield


def thread_report() -> dict[str, int]:
    """How many cores there are and how many threads NumPy's BLAS and torch will use."""
    from threadpoolctl import threadpool_info

    report = {"cpu_count": os.cpu_count() or 1}
    blas = [pool["num_threads"] for pool in threadpool_info() if pool.get("user_api") == "blas"]
    report["numpy_blas_threads"] = max(blas) if blas else 0
    try:
        import torch

        report["torch_threads"] = torch.get_num_threads()
    except ImportError:
        pass
    return report
