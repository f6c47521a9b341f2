"""Run notebooks top to bottom in place and store their outputs (for maintainers).

    python tools/execute_notebooks.py notebooks/00_start_here.ipynb solutions/*.ipynb

Unlike `jupyter nbconvert --execute`, it records no timing metadata, so a re-run of an
unchanged notebook leaves git with nothing to show. It stops at the first cell that fails.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    began = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nbformat.write(notebook, path)
    return time.perf_counter() - began


def main(paths: list[str]) -> int:
    # The stored outputs must not depend on this machine's own learner progress (progress() would
    # print the best results of earlier runs): the kernels started here keep no progress file.
    os.environ["COURSEKIT_PROGRESS"] = "off"
    for name in paths:
        seconds = execute(Path(name))
        print(f"{name}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
