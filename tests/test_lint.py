"""ruff, the real program, on the whole project: the lint rules and the format of pyproject.toml.

Code and notebooks (ruff reads .ipynb cells); exercises/ is excluded there, being generated.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_ruff_finds_nothing_to_fix():
    result = ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, (
        f"ruff check found problems (fix them, or `ruff check --fix .`):\n{result.stdout}"
    )


def test_the_code_is_formatted():
    result = ruff("format", "--no-cache", "--check", ".")
    assert result.returncode == 0, f"run `ruff format .`; these files differ:\n{result.stdout}"


def test_the_checks_can_fail(tmp_path):
    # the same configuration finds a planted unused import and an unformatted line
    planted = tmp_path / "planted.py"
    planted.write_text("import os\nx=1\n")
    config = ["--config", str(ROOT / "pyproject.toml")]
    assert "F401" in ruff("check", "--no-cache", *config, "--output-format", "concise", str(planted)).stdout
    assert ruff("format", "--no-cache", *config, "--check", str(planted)).returncode == 1
