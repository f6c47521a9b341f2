"""The setup a new user relies on: package lists that agree, exact pins, CI = README, doctor."""

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]

# conda-forge names that differ from PyPI's
CONDA_TO_PYPI = {"pytorch-cpu": "torch", "pytorch": "torch"}


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def pyproject_requirements():
    project = pyproject()["project"]
    lines = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    return {Requirement(line).name.lower(): Requirement(line) for line in lines}


def environment_packages():
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    names = {}
    pip = [e for entry in spec["dependencies"] if isinstance(entry, dict) for e in entry.get("pip", [])]
    for entry in [e for e in spec["dependencies"] if isinstance(e, str)] + pip:  # conda-forge's, then pip's
        if not entry.startswith("-"):
            name = re.split(r"[<>=!\s]", entry, maxsplit=1)[0].lower()
            if name not in ("python", "pip"):
                names[CONDA_TO_PYPI.get(name, name)] = entry
    return names


def lock_pins():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_environment_yml_and_pyproject_list_the_same_packages():
    assert set(environment_packages()) == set(pyproject_requirements())


def test_environment_yml_uses_the_same_ranges():
    for name, entry in environment_packages().items():
        conda_range = SpecifierSet(re.sub(r"^[\w.-]+", "", entry).replace(" ", ""))
        assert conda_range == pyproject_requirements()[name].specifier, (
            f"{entry} against {pyproject_requirements()[name]}"
        )


def test_lock_pins_every_dependency_inside_its_range():
    pins = lock_pins()
    assert (
        pins["torch"] == "2.13.0"
    )  # the CPU build on this machine's disk; anything else downloads gigabytes
    for name, requirement in pyproject_requirements().items():
        assert name in pins, f"{name} is not pinned in requirements.lock"
        assert Version(pins[name]) in requirement.specifier, (
            f"{name}=={pins[name]} is outside {requirement.specifier}"
        )


def test_installed_versions_are_the_locked_ones():
    from importlib.metadata import version

    pins = lock_pins()
    for name in pyproject_requirements():
        assert Version(version(name).split("+")[0]) == Version(pins[name]), name


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^\s*(make \w+)\s*(?:#.*)?$", readme, flags=re.M)
    assert commands[:2] == ["make lab", "make test"], commands
    ci = [
        line
        for line in (ROOT / ".ci/run").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ]
    assert ci == ["exec make test"]


def test_doctor_passes_here():
    result = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "doctor"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for expected in ("Python 3.", "numpy", "torch", "matplotlib", "threads", "imports coursekit"):
        assert expected in result.stdout


def test_doctor_names_a_kernel_that_cannot_import_coursekit(tmp_path):
    """A python3 kernelspec pointing at an interpreter without coursekit must be reported with a fix."""
    kernel_dir = tmp_path / "kernels" / "python3"
    kernel_dir.mkdir(parents=True)
    bare_python = tmp_path / "bare-python"
    bare_python.write_text("#!/bin/sh\necho 'ModuleNotFoundError: No module named coursekit' >&2\nexit 1\n")
    bare_python.chmod(0o755)
    (kernel_dir / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(bare_python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "bare",
                "language": "python",
            }
        )
    )
    env = {**os.environ, "JUPYTER_PATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "coursekit.cli", "doctor"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "FIX" in result.stdout and "cannot import coursekit" in result.stdout
    assert "ipykernel install" in result.stdout and "1 problem(s) found" in result.stdout


def test_cells_benchmark_prints_its_table():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks/cells.py"),
            "--sizes",
            "2,3,2,4",
            "--repeats",
            "1",
            "--pause",
            "0",
            "--dtypes",
            "float64",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith(("RNN", "LSTM", "GRU"))]
    assert [row[0] for row in rows] == ["RNN", "LSTM", "GRU"]
    assert all(float(row[-1]) > 0 for row in rows)


def test_grading_benchmark_prints_its_table():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks/grading.py"),
            "--submissions",
            "2",
            "--workers",
            "1",
            "--dask",
            "2",
            "--dask-workers",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    local, _, dask = result.stdout.partition("on a Dask cluster")
    rows = [line.split() for line in local.splitlines() if line.split()[-6:-5] == ["1"]]
    modes = [" ".join(row[:-6]) for row in rows]
    from coursekit.grading.sandbox import bubblewrap

    assert modes == (["sandbox", "no sandbox"] if bubblewrap() else ["no sandbox"]), result.stdout
    assert all(float(row[-5]) > 0 and 0 < float(row[-1]) < 1024 for row in rows)  # seconds; the grader's MB
    cluster = [line.split() for line in dask.splitlines() if line.split()[:1] in (["1"], ["2"])]
    assert [row[0] for row in cluster] == ["1"], result.stdout  # workers, then local and dask s, sub/s
    assert all(float(value) > 0 for row in cluster for value in row[1:5]), result.stdout
