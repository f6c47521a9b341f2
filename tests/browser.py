"""Headless Chromium for the browser tests: the system's Chromium driven by Playwright.

Playwright's own browser download is never used (the course works offline); the tests drive the
Chromium that `make test` installs from the system's packages, and skip, saying how to install it,
where there is none.
"""

from __future__ import annotations

import os
import shutil

import pytest

# Flags for a closed network and a container: no sandbox (root), no GPU, and none of Chromium's
# background connections, which this machine refuses (they would flood the log, not the test).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]
INSTALL_HINT = (
    "Chromium is not installed, so the browser tests are skipped. "
    "Install it (Debian/Ubuntu: sudo apt-get install chromium) or point COURSE_CHROMIUM "
    "at a Chromium or Chrome executable, then run make test again."
)


def chromium_executable() -> str | None:
    """The path of the system's Chromium (COURSE_CHROMIUM wins), or None."""
    candidates = [os.environ.get("COURSE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"]
    for name in filter(None, candidates):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium():
    """A launched headless Chromium (playwright Browser), closed at the end of the session."""
    executable = chromium_executable()
    if executable is None:
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# axe-core's impacts that fail a test; "moderate" and "minor" findings are left to review.
AXE_FAILING = ("serious", "critical")


def axe_violations(
    page,
    disable: dict[str, str] | None = None,
    exclude: list[str] | None = None,
    only: list[str] | None = None,
) -> list[str]:
    """Run axe-core (bundled with axe-playwright-python, nothing downloaded) on an open Playwright page.

    Returns one line per serious or critical violation: rule id, impact, node count and the first
    few target selectors. `disable` maps rule ids to the reason they are not checked (the caller
    documents each); `exclude` lists CSS selectors of regions left out of the check; `only`, if
    given, runs just those rules.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"resultTypes": ["violations"]}
    if disable:
        options["rules"] = {rule: {"enabled": False} for rule in disable}
    if only:
        options["runOnly"] = {"type": "rule", "values": list(only)}
    context = {"include": [["html"]], "exclude": [[selector] for selector in exclude]} if exclude else None
    page.evaluate(Axe().axe_script)  # axe.min.js from the package (Axe.run would repr() the context)
    results = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    found = []
    for violation in results["violations"]:
        if violation["impact"] in AXE_FAILING:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
            found.append(
                f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
                + "; ".join(targets)
            )
    return found
