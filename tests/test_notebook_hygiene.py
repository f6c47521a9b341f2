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
                assert line.strip() in (
                    "# NBVAL_IGNORE_OUTPUT",
                    "# NBVAL_SKIP",
                    "# NBVAL_CHECK_OUTPUT",
                    "# NBVAL_RAISES_EXCEPTION",
                ), f"{path.name}: {line!r}"


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


CLOCKS = re.compile(
    r"perf_counter|monotonic|timeit|time\.time|_seconds|\.seconds|\b\w+_s\b|timing|elapsed|duration"
)


def clock_assertions(source: str) -> list[str]:
    """The assert lines of a cell that read a clock: an assert naming a timed value, in a cell that times."""
    if not re.search(r"perf_counter|monotonic|timeit|time\.time|\.seconds", source):
        return []
    return [
        line.strip()
        for line in source.splitlines()
        if line.strip().startswith("assert") and CLOCKS.search(line)
    ]


def test_clock_assertions_are_recognised():
    """The rule below, on lines written here: timed comparisons are caught, other asserts are not."""
    timed = "t0 = time.perf_counter()\nrun()\nloop_s = time.perf_counter() - t0\nassert batched_s < loop_s"
    assert clock_assertions(timed) == ["assert batched_s < loop_s"]
    assert clock_assertions("h = fit(net)\nassert h.seconds > 0 and h.last('R2') > 0.9")
    assert clock_assertions("t = time.perf_counter()\nassert np.allclose(a, b)") == []
    assert clock_assertions("assert r2 > 0.95") == []
    depth = (
        "began = time.perf_counter()\nassert timings[3, False] > 1.3 * timings[1, False]"  # once in lesson 10
    )
    assert clock_assertions(depth) == ["assert timings[3, False] > 1.3 * timings[1, False]"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_assertion_on_wall_clock_time(path):
    """A timing depends on the machine and its load: a notebook prints it, and asserts none (it would fail
    Run All on a busy laptop). Prose about a timing quotes what the cell printed, as this run's."""
    found = [line for cell in code_cells(path) for line in clock_assertions("".join(cell["source"]))]
    assert found == [], f"{path.name}: {found}"


@pytest.mark.parametrize(
    "path",
    NOTEBOOKS + sorted((ROOT / "exercises").glob("*.ipynb")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_control_characters_in_cells(path):
    """A control character in a cell is almost always a lost backslash ("\\approx" typed as "\\a" + "pprox")."""
    for index, cell in enumerate(json.loads(path.read_text())["cells"]):
        bad = sorted({hex(ord(ch)) for ch in "".join(cell["source"]) if ord(ch) < 32 and ch not in "\n\t"})
        assert not bad, f"{path.name} cell {index}: control characters {bad}"


LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TEST_TARGET = re.compile(r"""target\s*=\s*\(\s*["'][^"']*\btest\b""")


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_training_never_stops_on_the_test_set(path):
    """fit(..., target=(metric, value)) stops when the metric reaches the value: that choice is made on
    validation data. Stopping on a test metric would make the reported test figure a chosen one."""
    found = [
        line.strip()
        for cell in code_cells(path)
        for line in "".join(cell["source"]).splitlines()
        if TEST_TARGET.search(line)
    ]
    assert found == [], f"{path.name} stops training on the test set: {found}"


def test_test_targets_are_recognised():
    assert TEST_TARGET.search('fit(m, f, t, target=("test accuracy", 0.95))')
    assert TEST_TARGET.search("target = ('test exact match', 0.9)")
    assert not TEST_TARGET.search('fit(m, f, t, target=("validation accuracy", 0.95))')
    assert not TEST_TARGET.search('target=("loss", 0.01)')


def _bodies(source: str) -> dict[str, str]:
    """{name: the function's code without its docstring} for every top-level function in source."""
    import ast

    found = {}
    try:
        tree = ast.parse(
            "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        )
    except SyntaxError:
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            body = (
                node.body[1:]
                if node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(getattr(node.body[0], "value", None), ast.Constant)
                else node.body
            )
            if body and not (len(body) == 1 and isinstance(body[0], ast.Pass)):
                found[node.name] = ast.dump(ast.Module(body=body, type_ignores=[]))
    return found


def test_no_function_is_pasted_into_two_places():
    """Code two notebooks need lives once in coursekit and is shown with inspect.getsource: no lesson
    defines a function whose body is another lesson's or a coursekit function's."""
    where: dict[str, list[str]] = {}
    for module in sorted((ROOT / "coursekit").rglob("*.py")):
        for name, body in _bodies(module.read_text()).items():
            where.setdefault(body, []).append(f"{module.relative_to(ROOT)}:{name}")
    pasted = []
    for path in LESSONS:
        seen = {}
        for cell in code_cells(path):
            seen.update(_bodies("".join(cell["source"])))
        for name, body in seen.items():
            if body in where:
                pasted.append(f"{path.name}:{name} = {where[body][0]}")
            where.setdefault(body, []).append(f"{path.name}:{name}")
    assert pasted == []


def test_pasted_functions_are_recognised():
    one = 'def fit_ar(series, p):\n    """Least squares."""\n    X = make(series, p)\n    return solve(X)\n'
    other = "def fit_autoregressive(s, p):\n    X = make(series, p)\n    return solve(X)\n"
    assert list(_bodies(one).values()) == list(_bodies(other).values())
    assert _bodies(one) != _bodies("def f(series, p):\n    return solve(make(series, p))\n")
