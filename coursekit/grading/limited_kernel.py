"""An IPython kernel with resource limits, for grading untrusted notebooks.

    python -m coursekit.grading.limited_kernel --memory-mb 2048 -f CONNECTION_FILE

The address-space limit turns a huge allocation into a MemoryError in the learner's cell
instead of a machine that swaps; the file-size limit stops a cell from filling the disk.
"""
from __future__ import annotations

import argparse
import resource
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--file-mb", type=int, default=512)
    args, kernel_args = parser.parse_known_args()
    memory = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    files = args.file_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_FSIZE, (files, files))
    from ipykernel.kernelapp import launch_new_instance

    sys.argv = [sys.argv[0], *kernel_args]
    launch_new_instance()


if __name__ == "__main__":
    main()
