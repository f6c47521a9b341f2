"""An explorer in real JupyterLab: run the cell that makes it, move a slider with the keyboard, and see
the figure and the printed numbers change, as a learner does.

One small notebook (written under build/, inside the folder JupyterLab serves) calls one explorer; the
server and the page are started as tests/test_jupyterlab.py starts them. Cheap on purpose: one cell,
one slider, one redraw.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from lab_server import LabServer, venv_is_ready
from test_jupyterlab import NOTEBOOK_PANEL, TIMEOUT_MS, click_menu, wait_until

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "from coursekit.explorers import explore_gradient_flow\nexplore_gradient_flow()"

# What the page shows of the explorer: the image inside the live widget, its printed numbers, the
# images anywhere in the cell's output (one: no stale copy beside the live one), the sliders' values.
READ_EXPLORER_JS = """
() => {
  const cell = document.querySelector('.jp-NotebookPanel .jp-Notebook .jp-CodeCell');
  const live = cell?.querySelector('.widget-output img, .jupyter-widgets-output-area img');
  return {
    src: live?.getAttribute('src') ?? null,
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


def test_moving_a_slider_redraws_the_explorer(chromium, tmp_path, explorer_notebook):
    if not venv_is_ready():
        pytest.fail(
            ".venv/ is older than pyproject.toml or requirements.lock, so `make lab` would "
            "reinstall it first. Run `make setup`, then this test again."
        )
    console_errors: list[str] = []
    with LabServer(tmp_path) as lab:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))
            page.goto(lab.lab_url(explorer_notebook), timeout=TIMEOUT_MS)
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
            page.screenshot(
                path=str(ROOT / "build" / "jupyterlab-explorer.png")
            )  # for a human, or a diagnosis
            context.close()

    assert before["images"] == 1, (
        "the cell should show the live explorer's figure and no stored copy beside it"
    )
    assert before["text"].startswith("spectral radius 0.90, largest singular value 0.90, tanh")
    assert "shrank" in before["text"]
    assert after["src"] != before["src"] and after["images"] == 1
    assert after["readouts"][1] == "1.00"
    # radius 0.9 and non-normality 1.0: the counterexample, whose gradient grows (an independent value:
    # the largest singular value of [[m + 1, q], [-q, m - 1]] with m = 0.9 cos 1, q = sqrt(0.81 sin^2 1 + 1))
    assert (
        after["text"].startswith("spectral radius 0.90, largest singular value 2.35, tanh")
        and "grew" in after["text"]
    )
    assert console_errors == [], f"the page reported errors: {console_errors}"
