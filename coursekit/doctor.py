"""`coursekit doctor`: what a learner needs to know when something is off, and how to fix it."""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import subprocess
import sys
from dataclasses import dataclass

SETUP_FIX = "from the course folder run `make setup` (or: pip install -c requirements.lock -e '.[test]')"


@dataclass
class Finding:
    ok: bool
    what: str
    fix: str = ""


def _declared_ranges() -> dict[str, str]:
    """The version ranges coursekit declares, e.g. {"numpy": ">=1.26,<3"}."""
    from packaging.requirements import Requirement

    ranges = {}
    for line in metadata.requires("coursekit") or []:
        requirement = Requirement(line)
        if requirement.marker is None:
            ranges[requirement.name.lower()] = str(requirement.specifier)
    return ranges


def check_python() -> Finding:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):  # noqa: UP036 -- doctor may be run by an older Python than the course needs
        return Finding(
            False,
            f"Python {version} ({sys.executable})",
            "the course needs Python 3.11 or newer: install one, then `make PYTHON=python3.11 setup`",
        )
    return Finding(True, f"Python {version} ({sys.executable})")


def check_package(name: str, module: str, ranges: dict[str, str]) -> Finding:
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

    try:
        imported = importlib.import_module(module)
    except Exception as error:  # an import can fail in many ways (missing DLL, ABI clash)
        return Finding(False, f"{name} cannot be imported: {type(error).__name__}: {error}", SETUP_FIX)
    version = getattr(imported, "__version__", "?")
    wanted = ranges.get(name)
    if wanted and version != "?" and Version(version.split("+")[0]) not in SpecifierSet(wanted):
        return Finding(False, f"{name} {version} is outside the tested range {wanted}", SETUP_FIX)
    detail = ""
    if name == "torch":
        cuda = getattr(imported.version, "cuda", None)
        detail = f" (CUDA {cuda} build; the course needs only the CPU)" if cuda else " (CPU build)"
    return Finding(True, f"{name} {version}{detail}")


def check_threads() -> Finding:
    from .runtime import thread_report

    report = thread_report()
    text = ", ".join(f"{key} {value}" for key, value in report.items())
    torch_threads = report.get("torch_threads")
    if torch_threads is not None and report["cpu_count"] > 1 and torch_threads == 1:
        return Finding(
            False,
            f"threads: {text}",
            "torch uses one thread on a multi-core machine: unset OMP_NUM_THREADS / MKL_NUM_THREADS "
            "before starting Jupyter",
        )
    return Finding(True, f"threads: {text}")


def check_kernel() -> Finding:
    """Does the kernel that notebooks open with (python3) import this coursekit?"""
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError as error:
        return Finding(False, f"Jupyter is not installed here ({error})", SETUP_FIX)
    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        return Finding(
            False, "no Jupyter kernel named python3", "run `python -m ipykernel install --sys-prefix`"
        )
    kernel_python = spec.argv[0]
    if kernel_python in ("python", "python3", "{python}"):  # ipykernel's own spec: this interpreter
        kernel_python = sys.executable
    probe = "import coursekit, sys; print(coursekit.__file__)"
    try:
        result = subprocess.run([kernel_python, "-c", probe], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        result = None
        reason = str(error)
    else:
        reason = (result.stderr.strip().splitlines() or ["no output"])[-1]
    if result is None or result.returncode != 0:
        return Finding(
            False,
            f"the Jupyter kernel python3 ({kernel_python}) cannot import coursekit: {reason}",
            f"start JupyterLab with `make lab`, or register this environment's kernel: "
            f"{sys.executable} -m ipykernel install --user --name python3 --display-name 'Python 3 (course)'",
        )
    return Finding(
        True, f"Jupyter kernel python3 ({kernel_python}) imports coursekit from {result.stdout.strip()}"
    )


def check_grading_sandbox() -> Finding:
    """For instructors only (never a problem for a learner): can `coursekit grade` isolate submissions here?"""
    from .grading.cgroups import control_groups_available
    from .grading.sandbox import bubblewrap

    if bubblewrap() is None:
        return Finding(
            True,
            "grading sandbox (instructors only): bubblewrap is not available here, so "
            "`coursekit grade` needs --no-sandbox (not for credit); Debian/Ubuntu: "
            "sudo apt-get install bubblewrap",
        )
    limits = control_groups_available() or "rlimits per process (no control group can be made here)"
    return Finding(True, f"grading sandbox (instructors only): bubblewrap works; limits through {limits}")


def run_doctor(out=None) -> int:
    """Print one line per check and a fix for each problem; returns 0 when all is well."""
    out = out or sys.stdout
    try:
        ranges = _declared_ranges()
    except Exception:  # coursekit not installed as a distribution: check versions without ranges
        ranges = {}
    findings = [check_python()]
    for name, module in [
        ("numpy", "numpy"),
        ("torch", "torch"),
        ("matplotlib", "matplotlib"),
        ("jupyterlab", "jupyterlab"),
        ("ipywidgets", "ipywidgets"),
    ]:
        findings.append(check_package(name, module, ranges))
    findings += [check_threads(), check_kernel(), check_grading_sandbox()]

    print("coursekit doctor", file=out)
    for finding in findings:
        print(f"  {'ok ' if finding.ok else 'FIX'}  {finding.what}", file=out)
        if not finding.ok:
            print(f"       -> {finding.fix}", file=out)
    problems = sum(not finding.ok for finding in findings)
    print(
        "All good: open the course with `make lab`."
        if problems == 0
        else f"{problems} problem(s) found; apply the fixes above and run `coursekit doctor` again.",
        file=out,
    )
    return 0 if problems == 0 else 1
