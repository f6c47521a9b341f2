"""The first notebook, run in JupyterLab as a learner runs it: `make lab`, a browser, Run All.

nbval proves the notebook's code runs in a kernel; this test proves what the README promises on
top of that: the README's command starts JupyterLab, the notebook opens in it, its kernel starts,
Run > Run All Cells runs every cell, and the outputs appear on the page without errors, while
the browser's console stays clean. It drives the system's Chromium headless (tests/browser.py)
and leaves a screenshot in build/ for a human to look at. Then, on the same server, one explorer
(coursekit.explorers) in a one-cell notebook: a slider moved with the keyboard redraws its figure.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest
from browser import axe_violations
from lab_server import LabServer, venv_is_ready

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "00_start_here.ipynb"
SCREENSHOT = ROOT / "build" / "jupyterlab-00_start_here.png"
TIMEOUT_MS = 60_000  # for each wait: a cold kernel imports torch and matplotlib in a few seconds

# axe-core rules not checked on JupyterLab's page, each for a finding in JupyterLab's own interface
# (its menus, toolbars, tabs and side panels), which the course cannot change. The notebook's own
# content (headings, links, images, outputs) is checked with every other rule.
# Found with JupyterLab 4 (axe-core 4.x, run in this test):
LAB_AXE_DISABLED = {
    "aria-allowed-attr": "toolbar <jp-button> elements (Upload Files, the file filter, the debugger "
    "button) carry ARIA attributes their role does not allow",
    "aria-input-field-name": "each code cell's CodeMirror editor (role textbox) has no accessible name",
    "aria-required-children": "the notebook's windowed list (.jp-WindowedPanel-viewport) has a role "
    "whose required children JupyterLab does not give it",
    "button-name": "the collapse button JupyterLab adds beside every markdown heading has no name",
    "scrollable-region-focusable": "CodeMirror's scroller (.cm-scroller) around a code cell is not "
    "itself focusable (the editor inside it is)",
}
# No region is left out: the figures are checked too (axe's "image-alt"). JupyterLab's image renderer
# ignores the alt text in an output's metadata, so coursekit.viz.show also gives each figure as text/html,
# <img alt=...>, which JupyterLab prefers to image/png.
LAB_AXE_EXCLUDE: list[str] = []

# Where on the page things are (JupyterLab 4's class names, as its own Galata tests use them).
NOTEBOOK_PANEL = ".jp-NotebookPanel"
CELLS = ".jp-NotebookPanel .jp-Notebook .jp-Cell"

# One entry per cell of the open notebook: its kind, its prompt ("[3]:", "[*]:", "[ ]:"), and
# what its output area shows. Read in the page, so it sees exactly what a learner sees.
READ_CELLS_JS = """
selector => Array.from(document.querySelectorAll(selector)).map(cell => ({
  code: cell.classList.contains('jp-CodeCell'),
  prompt: (cell.querySelector('.jp-InputArea-prompt')?.textContent ?? '').trim(),
  outputs: cell.querySelectorAll('.jp-OutputArea-output').length,
  images: cell.querySelectorAll('.jp-OutputArea-output img').length,
  alts: Array.from(cell.querySelectorAll('.jp-OutputArea-output img')).map(image => image.alt),
  text: Array.from(cell.querySelectorAll('.jp-OutputArea-output.jp-RenderedText'))
    .filter(node => node.dataset.mimeType !== 'application/vnd.jupyter.stderr')
    .map(node => node.textContent).join(''),
  // JupyterLab shows a traceback, like anything written to stderr, with the stderr MIME type.
  errors: Array.from(cell.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
    .map(node => node.textContent),
}))
"""

# What the waits below look at: the kernel status in the status bar ("Python 3 (ipykernel) | Idle"),
# the number of cells, whether every code cell is unrun ("[ ]:", no output) or has run ("[3]:",
# none queued as "[*]:"), and how many error outputs there are. The notebook toolbar's indicator
# says "idle" before any kernel exists, so the waits go by the status bar, as Galata's do.
PAGE_STATE_JS = """
selector => {
  const cells = Array.from(document.querySelectorAll(selector));
  const code = cells.filter(cell => cell.classList.contains('jp-CodeCell'));
  const prompt = cell => (cell.querySelector('.jp-InputArea-prompt')?.textContent ?? '').trim();
  const kernel = document.querySelector('#jp-main-statusbar [title^="Change kernel"]');
  return {
    kernel: (kernel?.textContent ?? '').trim(),
    cells: cells.length,
    unrun: code.length > 0 && code.every(cell => prompt(cell) === '[ ]:'
                                         && !cell.querySelector('.jp-OutputArea-output')),
    run: code.length > 0 && code.every(cell => /^\\[\\d+\\]:$/.test(prompt(cell))),
    // A traceback (or anything on stderr): Run All stops there, so there is no point waiting on.
    errors: document.querySelectorAll(
      selector + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length,
  };
}
"""


def stream_text(cell: dict) -> str:
    """What a code cell printed, as stored in the notebook (stdout and text/plain of results)."""
    parts = []
    for output in cell["outputs"]:
        if output["output_type"] == "stream" and output["name"] == "stdout":
            parts.append("".join(output["text"]))
        elif output["output_type"] == "execute_result":
            parts.append("".join(output["data"].get("text/plain", "")))
    return "".join(parts)


def has_image(cell: dict) -> bool:
    return any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))


def hidden_entries(folder: Path) -> set[str]:
    # Where Jupyter keeps its own files beside a notebook (.ipynb_checkpoints/, .virtual_documents/).
    # Only these: other files in the folder may change while the test runs (a notebook re-executed).
    return {path.name for path in folder.iterdir() if path.name.startswith(".")}


def is_local(url: str) -> bool:
    # Every request should go to our server: one elsewhere fails offline (here, or on a train).
    return url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:"))


def click_menu(page, menu: str, item: str) -> None:
    """Open a menu of the menu bar and click one of its items, as a learner does with the mouse."""
    page.locator("#jp-menu-panel .lm-MenuBar-itemLabel").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu.lm-MenuBar-menu .lm-Menu-itemLabel").get_by_text(item, exact=True).click()


def wait_until(page, condition: str, lab: LabServer) -> None:
    """Wait until `condition` (JavaScript over PAGE_STATE_JS's `state`) holds; fail saying what was
    there instead, and what the server logged."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # only where Chromium runs

    check = f"s => {{ const state = ({PAGE_STATE_JS})(s); return {condition}; }}"
    try:
        page.wait_for_function(check, arg=CELLS, timeout=TIMEOUT_MS)
    except PlaywrightTimeout as error:
        raise AssertionError(
            f"waited {TIMEOUT_MS / 1000:.0f} s for {condition}; the page shows "
            f"{page.evaluate(PAGE_STATE_JS, CELLS)}. The server's log:\n{lab.log()}"
        ) from error


def normalise(text: str) -> str:
    # The page renders text in <pre>; only line ends and trailing blanks may differ from the file.
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """One `make lab` server for this file's tests (starting one costs most of their time)."""
    if not venv_is_ready():
        pytest.fail(
            ".venv/ is older than pyproject.toml or requirements.lock, so `make lab` would "
            "reinstall it first. Run `make setup`, then this test again."
        )
    with LabServer(tmp_path_factory.mktemp("lab")) as server:
        yield server
    assert server.leftovers == [], f"processes outlived the server and had to be killed: {server.leftovers}"


def test_start_here_runs_in_jupyterlab(chromium, lab):
    notebook = json.loads(NOTEBOOK.read_text())
    committed, kernel_name = notebook["cells"], notebook["metadata"]["kernelspec"]["display_name"]
    digest_before = hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest()
    hidden_before = hidden_entries(NOTEBOOK.parent)
    console_errors: list[str] = []
    offline_requests: list[str] = []

    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    try:
        page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
        page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))
        page.on("request", lambda request: is_local(request.url) or offline_requests.append(request.url))

        page.goto(lab.lab_url(NOTEBOOK), timeout=TIMEOUT_MS)
        page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=TIMEOUT_MS)
        page.wait_for_selector(NOTEBOOK_PANEL, timeout=TIMEOUT_MS)
        idle = json.dumps(f"{kernel_name} | Idle")  # what the status bar says once the kernel is up
        wait_until(page, f"state.kernel === {idle} && state.cells === {len(committed)}", lab)
        shown = page.evaluate(READ_CELLS_JS, CELLS)
        assert [cell["code"] for cell in shown] == [c["cell_type"] == "code" for c in committed], (
            "the page shows other cells than the notebook has"
        )

        # Clear the stored outputs first (the stored prompts are [1]..[5] too), so that what is
        # shown afterwards can only come from this run.
        click_menu(page, "Edit", "Clear Outputs of All Cells")
        wait_until(page, "state.unrun", lab)
        click_menu(page, "Run", "Run All Cells")
        wait_until(page, f"(state.run || state.errors > 0) && state.kernel === {idle}", lab)
        shown = page.evaluate(READ_CELLS_JS, CELLS)
        # Accessibility, with the notebook's outputs of this run on the page.
        lab_axe = axe_violations(page, disable=LAB_AXE_DISABLED, exclude=LAB_AXE_EXCLUDE)
        # For the screenshot: the first error if there is one, else the figure, with its prompt.
        in_view = next(
            (i for i, cell in enumerate(shown) if cell["errors"]),
            next((i for i, cell in enumerate(committed) if has_image(cell)), 0),
        )
        page.locator(CELLS).nth(in_view).scroll_into_view_if_needed()
    finally:
        # The page as the test leaves it, also when it failed: for the closing note or a diagnosis.
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
        context.close()  # unsaved changes are dropped: autosave is off, nothing is saved

    # -- what the learner saw ---------------------------------------------------------------
    code_shown = [cell for cell in shown if cell["code"]]
    code_committed = [cell for cell in committed if cell["cell_type"] == "code"]
    places = [
        f"code cell {index} ({''.join(cell['source']).splitlines()[0]!r})"
        for index, cell in enumerate(code_committed)
    ]
    for place, ui in zip(places, code_shown):
        assert not ui["errors"], f"{place} shows an error or stderr in JupyterLab:\n{''.join(ui['errors'])}"
    # A fresh kernel numbers the cells 1, 2, 3, ... in the order it ran them: each ran once, in order.
    assert [cell["prompt"] for cell in code_shown] == [f"[{n}]:" for n in range(1, len(code_shown) + 1)]
    for place, ui, stored in zip(places, code_shown, code_committed):
        if stored["outputs"]:
            assert ui["outputs"] > 0, f"{place} has outputs in the file but none in JupyterLab"
        if has_image(stored):
            assert ui["images"] > 0, f"{place} should show a figure"
            # what a screen reader says for it: the figure's text alternative, as the notebook stores it
            assert ui["alts"] == [
                output["metadata"]["image/png"]["alt"]
                for output in stored["outputs"]
                if "image/png" in output.get("data", {})
            ], f"{place}: the figure's alt text"
        if "# NBVAL_IGNORE_OUTPUT" not in "".join(stored["source"]) and stream_text(stored):
            assert normalise(ui["text"]) == normalise(stream_text(stored)), f"{place} prints something else"
    assert "NumPy and PyTorch agree to 12 digits: True" in "".join(cell["text"] for cell in code_shown)
    figure_alts = " ".join(alt for cell in code_shown for alt in cell["alts"])
    assert "line plot" in figure_alts and "heat map" in figure_alts.lower() and "sine wave" in figure_alts

    assert lab_axe == [], "axe finds in JupyterLab with 00_start_here open:\n" + "\n".join(lab_axe)

    # -- what the browser and the machine saw -------------------------------------------------
    assert console_errors == [], f"the browser console reported errors: {console_errors}"
    assert offline_requests == [], f"JupyterLab tried to go online: {offline_requests}"
    server_errors = [line for line in lab.log().splitlines() if line.startswith("[E ") or "Traceback" in line]
    assert server_errors == [], f"the Jupyter server logged errors:\n{lab.log()}"
    assert hashlib.sha256(NOTEBOOK.read_bytes()).hexdigest() == digest_before, "the notebook was written"
    assert hidden_entries(NOTEBOOK.parent) == hidden_before, "JupyterLab left its files beside the notebook"
    assert SCREENSHOT.stat().st_size > 10_000, "the screenshot is (nearly) empty"


# ---- an explorer, live: moving a slider redraws it -------------------------------------------------
SOURCE = "from coursekit.explorers import explore_gradient_flow\nexplore_gradient_flow()"

# What the page shows of the explorer: the image inside the live widget, its printed numbers, the
# images anywhere in the cell's output (one: no stale copy beside the live one), the sliders' values.
READ_EXPLORER_JS = """
() => {
  const cell = document.querySelector('.jp-NotebookPanel .jp-Notebook .jp-CodeCell');
  const live = cell?.querySelector('.widget-output img, .jupyter-widgets-output-area img');
  return {
    src: live?.getAttribute('src') ?? null,
    alt: live?.getAttribute('alt') ?? null,
    text: Array.from(cell?.querySelectorAll('.jupyter-widgets .jp-RenderedText') ?? [])
      .map(node => node.textContent).join(''),
    images: cell ? cell.querySelectorAll('.jp-OutputArea-output img').length : 0,
    readouts: Array.from(cell?.querySelectorAll('.widget-readout') ?? [])
      .map(node => node.textContent.trim()),
  };
}
"""


@pytest.fixture
def explorer_notebook():
    """The one-cell notebook, in a fresh folder under build/ (the server serves the repository)."""
    (ROOT / "build").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="explorer-lab-", dir=ROOT / "build"))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(SOURCE)]
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    path = folder / "explorer.ipynb"
    nbformat.write(notebook, path)
    yield path
    shutil.rmtree(folder)


def wait_for(page, condition: str, arg=None) -> None:
    """Wait until `condition` (JavaScript over READ_EXPLORER_JS's `shown` and `arg`) holds; fail saying what
    the page shows instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # only where Chromium runs

    try:
        page.wait_for_function(
            f"arg => {{ const shown = ({READ_EXPLORER_JS})(); return {condition}; }}",
            arg=arg,
            timeout=TIMEOUT_MS,
        )
    except PlaywrightTimeout as error:
        shown = page.evaluate(READ_EXPLORER_JS)
        shown["src"] = (shown["src"] or "")[:60]
        output = page.locator(".jp-CodeCell .jp-Cell-outputArea").first.inner_text()[:2000]
        raise AssertionError(
            f"waited {TIMEOUT_MS / 1000:.0f} s for {condition}; the page shows {shown}; "
            f"the output area reads:\n{output}"
        ) from error


def test_moving_a_slider_redraws_an_explorer(chromium, lab, explorer_notebook):
    console_errors: list[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))
        page.goto(lab.lab_url(explorer_notebook, workspace="explorer"), timeout=TIMEOUT_MS)
        page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=TIMEOUT_MS)
        page.wait_for_selector(NOTEBOOK_PANEL, timeout=TIMEOUT_MS)
        idle = json.dumps("Python 3 (ipykernel) | Idle")
        wait_until(page, f"state.kernel === {idle} && state.cells === 1", lab)
        click_menu(page, "Run", "Run All Cells")
        wait_until(page, f"(state.run || state.errors > 0) && state.kernel === {idle}", lab)
        wait_for(page, "shown.src !== null")
        before = page.evaluate(READ_EXPLORER_JS)

        # The learner moves the non-normality slider: click its handle, then the right arrow key.
        slider = page.locator(".widget-slider").filter(has_text="non-normality")
        handle = slider.locator(".noUi-handle")
        handle.click()
        for _ in range(10):  # 0.0 -> 1.0 in steps of 0.1
            handle.press("ArrowRight")
        wait_for(page, "shown.src !== arg && shown.text.includes('2.35')", arg=before["src"])
        after = page.evaluate(READ_EXPLORER_JS)
    finally:
        (ROOT / "build").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "build" / "jupyterlab-explorer.png"))  # for a human, or a diagnosis
        context.close()

    assert before["images"] == 1, (
        "the cell should show the live explorer's figure and no stored copy beside it"
    )
    assert before["text"].startswith("spectral radius 0.90, largest singular value 0.90, tanh")
    assert "shrank" in before["text"]
    assert after["src"] != before["src"] and after["images"] == 1
    # what a screen reader says of the redrawn figure: its new numbers
    assert after["alt"].startswith(
        "Gradient norm against steps back on a log scale for a tanh RNN with spectral "
        "radius 0.90 and largest singular value 2.35"
    ), after["alt"]
    assert after["readouts"][1] == "1.00"
    # radius 0.9 and non-normality 1.0: the counterexample, whose gradient grows (an independent value:
    # the largest singular value of [[m + 1, q], [-q, m - 1]] with m = 0.9 cos 1, q = sqrt(0.81 sin^2 1 + 1))
    assert (
        after["text"].startswith("spectral radius 0.90, largest singular value 2.35, tanh")
        and "grew" in after["text"]
    )
    assert console_errors == [], f"the page reported errors: {console_errors}"
