"""What a learner sees in every stored lesson: progress bars, loss curves, one visual style, no warnings.

Each rule is a function `rule(cells) -> list of problems` over a notebook's cells (as stored JSON), so
the same function checks the committed lessons and, in the `*_can_fail` tests, a deliberately broken
copy of one, which proves that the rule can catch what it is for.
"""

import ast
import copy
import json
import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from coursekit import viz  # noqa: E402 (after choosing the backend)

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
GRADED = sorted((ROOT / "solutions").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))

# A cell that trains for less than ~2 s may go without a progress bar and a loss curve if it says
# so on a line of its own; the reason goes on the next line.
SHORT_LOOP = "# short training: under 2 s"
WIDGET = "application/vnd.jupyter.widget-view+json"
TQDM_TEXT = re.compile(r"\d+/\d+ \[")  # "0/15 [00:00<?, ?it/s]": how tqdm writes a bar as text
# a y axis labelled as a loss: plot_history labels it "loss", other figures name the loss or its unit
LOSS_AXIS = re.compile(
    r"plot_history\(|ylabel\s*(=|\()\s*[rf]?[\"'][^\"']*"
    r"(loss|MSE|MAE|cross-entropy|nats|bits per)",
    re.I,
)
NEUTRALS = {
    "black",
    "grey",
    "gray",
    "white",
    "#000000",
    "#444444",
    "#808080",
}  # lines for baselines and targets
COLOR_LITERAL = re.compile(r"\bcolou?r\s*=\s*[\"']([^\"']+)[\"']")
WARNING_TEXT = re.compile(r"warn", re.I)


def load(path):
    return json.loads(path.read_text())["cells"]


def source(cell):
    return "".join(cell["source"])


def code_cells(cells):
    return [(index, cell) for index, cell in enumerate(cells) if cell["cell_type"] == "code"]


def has_image(cell):
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+")


def output_texts(cell):
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            yield "".join(output["text"])
        for mime, value in output.get("data", {}).items():
            if mime.startswith("text/"):
                text = "".join(value) if isinstance(value, list) else value
                yield DATA_URI.sub("", text)  # a figure's html copy: its base64 could spell "warn" by chance


def _parse(cell):
    try:
        return ast.parse(source(cell))
    except SyntaxError:  # a cell with IPython magics: none of the lessons has one that trains
        return ast.Module(body=[], type_ignores=[])


def _called(node) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def _trains(nodes, trainers) -> bool:
    """Among these nodes: a call of fit or of a training function, or an optimizer step inside a loop."""
    for node in nodes:
        if isinstance(node, ast.Call) and _called(node) in trainers:
            return True
        if isinstance(node, (ast.For, ast.While)) and any(
            isinstance(inner, ast.Call)
            and isinstance(inner.func, ast.Attribute)
            and inner.func.attr == "step"
            for inner in ast.walk(node)
        ):
            return True
    return False


def _outside_definitions(tree):
    """The nodes of a cell that run when the cell runs: not those inside a def or a class."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


def training_cells(cells) -> list[int]:
    """Indices of the code cells that train when they run: they call fit(...), step an optimizer in a
    loop, or call a function defined earlier in the notebook that does (like a lesson's train_tagger)."""
    trainers, found = {"fit"}, []
    for index, cell in code_cells(cells):
        tree = _parse(cell)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and _trains(ast.walk(node), trainers):
                trainers.add(node.name)
        if _trains(_outside_definitions(tree), trainers):
            found.append(index)
    return found


def shows_progress(cell) -> bool:
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if WIDGET in data or TQDM_TEXT.search(data.get("text/plain", "")):
            return True
        if output["output_type"] == "stream" and TQDM_TEXT.search("".join(output["text"])):
            return True
    return False


def acknowledged_short(cell) -> bool:
    return SHORT_LOOP in source(cell).splitlines()


def training_without_a_bar(cells):
    return [
        f"cell {index} trains without a progress bar"
        for index in training_cells(cells)
        if not acknowledged_short(cells[index]) and not shows_progress(cells[index])
    ]


def training_without_a_loss_plot(cells, reach=3):
    """Every training cell, or one of the `reach` code cells after it, draws a figure with a loss axis."""
    code, training = code_cells(cells), set(training_cells(cells))
    problems = []
    for position, (index, cell) in enumerate(code):
        if index not in training or acknowledged_short(cell):
            continue
        following = [c for _, c in code[position : position + 1 + reach]]
        if not any(has_image(c) and LOSS_AXIS.search(source(c)) for c in following):
            problems.append(f"cell {index} trains, and no loss curve follows within {reach} code cells")
    return problems


def figures_before_the_course_style(cells):
    styled = False
    for index, cell in code_cells(cells):
        styled = styled or "viz.use_course_style()" in source(cell)
        if has_image(cell) and not styled:
            return [f"cell {index} draws a figure before viz.use_course_style()"]
    return []


def colours_outside_the_palette(cells):
    palette = {c.lower() for c in viz.COLORS} | NEUTRALS
    return [
        f"cell {index}: colour {colour!r} is not in viz.COLORS"
        for index, cell in code_cells(cells)
        for colour in COLOR_LITERAL.findall(source(cell))
        if colour.lower() not in palette
    ]


def warnings_in_outputs(cells):
    return [
        f"cell {index} shows a warning: {text.strip()[:80]!r}"
        for index, cell in code_cells(cells)
        for text in output_texts(cell)
        if WARNING_TEXT.search(text)
    ]


RULES = [
    training_without_a_bar,
    training_without_a_loss_plot,
    figures_before_the_course_style,
    colours_outside_the_palette,
    warnings_in_outputs,
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson(path, rule):
    assert rule(load(path)) == []


def test_the_lessons_train_and_draw():
    """The rules above are only worth something if the lessons do train models and draw figures."""
    assert sum(len(training_cells(load(path))) for path in LESSONS) >= 15
    assert sum(has_image(cell) for path in LESSONS for cell in load(path)) >= 30


@pytest.mark.parametrize("path", GRADED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_graded_notebook_opens_with_the_install_guard(path):
    first = source(code_cells(load(path))[0][1])
    assert (
        first.startswith("try:\n    import coursekit  # noqa: F401")
        and "except ModuleNotFoundError:" in first
        and "make lab" in first
    ), path.name


@pytest.mark.parametrize("path", GRADED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_graded_notebook_shows_no_warning(path):
    assert warnings_in_outputs(load(path)) == []


# --- each rule catches the fault it is for, on a broken copy of a real lesson ---------------------------


def lesson(name):
    return copy.deepcopy(load(ROOT / "notebooks" / name))


def first_training_cell(cells):
    return cells[training_cells(cells)[0]]


def test_a_missing_progress_bar_is_caught():
    cells = lesson("07_vanishing_exploding.ipynb")
    cell = first_training_cell(cells)  # the hand-written SGD loop
    assert "optimizer.step()" in source(cell) and "fit(" not in source(cell)
    cell["outputs"] = [o for o in cell["outputs"] if WIDGET not in o.get("data", {})]
    assert training_without_a_bar(cells)
    cell["source"] = [SHORT_LOOP + "\n", "# (the reason)\n"] + cell["source"]  # acknowledged as short
    assert training_without_a_bar(cells) == []


def test_a_missing_loss_plot_is_caught():
    cells = lesson("06_bptt.ipynb")
    for cell in cells:
        if cell["cell_type"] == "code" and "plot_history" in source(cell):
            cell["outputs"] = []  # the loss figure was never drawn
    assert training_without_a_loss_plot(cells)


def test_a_loss_plot_far_from_its_training_is_caught():
    cells = lesson("06_bptt.ipynb")
    index = cells.index(first_training_cell(cells))
    filler = {"cell_type": "code", "source": ["1 + 1"], "outputs": [], "metadata": {}, "execution_count": 1}
    cells[index + 1 : index + 1] = [copy.deepcopy(filler) for _ in range(4)]
    assert training_without_a_loss_plot(cells)


def test_a_figure_before_the_course_style_is_caught():
    cells = lesson("01_sequences.ipynb")
    for cell in cells:
        if cell["cell_type"] == "code" and "viz.use_course_style()" in source(cell):
            cell["source"] = source(cell).replace("viz.use_course_style()", "pass")
    assert figures_before_the_course_style(cells)


def test_a_colour_outside_the_palette_is_caught():
    cells = lesson("09_gru.ipynb")
    cell = next(c for c in cells if c["cell_type"] == "code" and "color=colour" in source(c))
    cell["source"] = source(cell).replace("color=colour", 'color="red"', 1)
    assert colours_outside_the_palette(cells)


def test_a_warning_in_an_output_is_caught():
    cells = lesson("00_start_here.ipynb")
    cell = code_cells(cells)[-1][1]
    cell["outputs"].append(
        {
            "output_type": "stream",
            "name": "stdout",
            "text": ["/x.py:3: UserWarning: something is deprecated\n"],
        }
    )
    assert warnings_in_outputs(cells)


# --- the plotting helpers label both axes ----------------------------------------------------------


def test_plot_helpers_label_their_axes():
    import numpy as np

    from coursekit.train import History

    history = History(loss=[1.0, 0.5], metrics={"accuracy": [0.5, 0.9]})
    axes = [
        viz.plot_history(history),
        viz.plot_history(history, metric="accuracy"),
        viz.plot_sequences(np.arange(3), {"x": np.zeros(3)}),
        viz.plot_heatmap(np.zeros((2, 3)), xlabel="time step t", ylabel="unit", colorbar_label="value"),
    ]
    for ax in axes:
        assert ax.get_xlabel() and ax.get_ylabel()
    matplotlib.pyplot.close("all")
