"""What every committed lesson and solution must satisfy before nbval even runs it."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
MARKER = re.compile(r"#\s*NBVAL_\w+")


def code_cells(path):
    return [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_nbval_markers_stand_alone_on_their_line(path):
    """nbval only honours a marker that is the whole comment line; anything after it disables it."""
    for cell in code_cells(path):
        for line in "".join(cell["source"]).splitlines():
            if MARKER.search(line):
                assert line.strip() in ("# NBVAL_IGNORE_OUTPUT", "# NBVAL_SKIP", "# NBVAL_CHECK_OUTPUT",
                                        "# NBVAL_RAISES_EXCEPTION"), f"{path.name}: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_with_clean_outputs(path):
    for index, cell in enumerate(code_cells(path)):
        if "".join(cell["source"]).strip():
            assert cell["execution_count"] is not None, f"{path.name} cell {index} was never run"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name} cell {index} stored an error"
            assert output.get("name") != "stderr", f"{path.name} cell {index} wrote to stderr"


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_lesson_opens_with_the_install_guard(path):
    first = "".join(code_cells(path)[0]["source"])
    assert "import coursekit" in first and "make lab" in first, path.name
