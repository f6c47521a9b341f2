"""The course website (`make site`): built from the committed notebooks, then opened in headless Chromium.

The site is built once, with the command `make site` runs, into a temporary folder and served from a
loopback HTTP server (as a reader's browser would get it from any web server). Every page must load,
every internal link and anchor must resolve, every image must load, every formula must be typeset by
the site's own MathJax, the console must stay free of errors, and no request may leave the machine.
axe-core (bundled with axe-playwright-python) checks every page for serious and critical
accessibility violations (the colour rules on a sample that holds every coloured thing, light and
dark); the sidebar, the table of contents, the offline search (over http:// and file://), the
phone-width layout and the dark colours are checked too.
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from browser import axe_violations

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "tools" / "build_site.py"
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
PAGES = ["index.html"] + [f"{path.parent.name}/{path.stem}.html" for path in LESSONS + EXERCISES]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# TeX that MathJax should have replaced: $...$, $$, \( or \[ left in a markdown cell's text
RAW_TEX = re.compile(r"\$[^$\s][^$]*\$|\$\$|\\\(|\\\[")
# A tag that makes the browser fetch something: (tag, attribute)
FETCHING = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}


def run_builder(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BUILDER), *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def load_builder_module():
    spec = importlib.util.spec_from_file_location("build_site", BUILDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def markdown_sources(notebook_path: Path) -> str:
    notebook = nbformat.read(notebook_path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def has_math(notebook_path: Path) -> bool:
    return bool(RAW_TEX.search(markdown_sources(notebook_path)))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built site: (folder, the builder's finished process)."""
    out = tmp_path_factory.mktemp("site") / "_site"
    done = run_builder("--out", str(out))
    assert done.returncode == 0, f"build_site failed:\n{done.stdout}\n{done.stderr}"
    return out, done


@pytest.fixture(scope="module")
def server(site):
    """The site served over HTTP on a free loopback port; yields its base URL."""
    out, _ = site

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest's output for failures
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser_context(chromium, server):
    """A browser context that lets only loopback requests through and records every other one."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    context.outside = []

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK:
            context.outside.append(url)
            route.abort()  # never reach the network, even where there is one
        else:
            route.continue_()

    context.route("**/*", guard)
    yield context
    context.close()


@pytest.fixture(scope="module")
def dark_context(chromium, server):
    """Like browser_context, with the system's colour scheme emulated as dark (prefers-color-scheme)."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900}, color_scheme="dark")
    context.outside = []

    def guard(route):
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK:
            context.outside.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    yield context
    context.close()


# ---------------------------------------------------------------- the builder, without a browser


def test_builder_refuses_a_folder_without_notebooks(tmp_path):
    done = run_builder("--root", str(tmp_path), "--out", str(tmp_path / "site"))
    assert done.returncode != 0
    assert "no notebooks folder" in done.stderr and str(tmp_path / "notebooks") in done.stderr
    assert "Traceback" not in done.stderr


def test_builder_never_empties_a_folder_it_did_not_build(tmp_path):
    precious = tmp_path / "mine" / "thesis.txt"
    precious.parent.mkdir()
    precious.write_text("do not delete")
    done = run_builder("--out", str(precious.parent))
    assert done.returncode != 0 and "refusing to empty" in done.stderr and "Traceback" not in done.stderr
    assert precious.read_text() == "do not delete"


def test_builder_reports_what_it_did_and_no_broken_links(site):
    _, done = site
    assert re.search(rf"^{len(PAGES)} pages written to .*, [\d.]+ MB, in [\d.]+ s$", done.stdout, re.M), (
        done.stdout
    )
    assert "warning" not in done.stderr, done.stderr


def test_every_notebook_has_a_page_and_a_download(site):
    out, _ = site
    index = (out / "index.html").read_text(encoding="utf-8")
    for path in LESSONS + EXERCISES:
        page = f"{path.parent.name}/{path.stem}.html"
        assert (out / page).is_file(), f"no page for {path.name}"
        assert (out / path.parent.name / path.name).read_bytes() == path.read_bytes(), (
            f"{path.name} not copied"
        )
        assert f'href="{page}"' in index, f"the index does not link to {page}"


def test_lesson_titles_and_order_on_the_index(site):
    out, _ = site
    index = (out / "index.html").read_text(encoding="utf-8")
    titles = [html.unescape(t) for t in re.findall(r'<li><a href="notebooks/[^"]+">([^<]+)</a>', index)]
    expected = [markdown_sources(path).split("\n", 1)[0].lstrip("#").strip() for path in LESSONS]
    assert titles == expected


def test_no_page_fetches_anything_from_outside_the_site(site):
    out, _ = site
    tag = re.compile(r"<(\w+)\b([^>]*)>", re.S)
    attribute = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for name, attributes in tag.findall(text):
            for key, value in attribute.findall(attributes):
                if (name.lower(), key.lower()) in FETCHING:
                    value = html.unescape(value.strip("\"'"))
                    assert not re.match(r"(https?:)?//", value), f"{page.name}: <{name} {key}={value}>"
        assert not re.search(r"""import\(\s*["']https?:|url\(\s*["']?(https?:)?//""", text), page.name
    for sheet in sorted(out.rglob("*.css")):
        assert not re.search(r"""url\(\s*["']?(https?:)?//|@import""", sheet.read_text(encoding="utf-8")), (
            sheet
        )


class _Images(HTMLParser):
    """Every <img> of a page: (its alt or None, whether it is a figure, i.e. inside a jp-RenderedImage)."""

    def __init__(self):
        super().__init__()
        self.images, self.figure_depth, self.depth = [], None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append((attrs.get("alt"), self.figure_depth is not None))
            return
        self.depth += 1
        if "jp-RenderedImage" in (attrs.get("class") or "").split() and self.figure_depth is None:
            self.figure_depth = self.depth

    def handle_endtag(self, tag):
        if tag != "img":
            if self.depth == self.figure_depth:
                self.figure_depth = None
            self.depth -= 1


def test_every_image_has_a_real_alt_text(site):
    """A screen reader reads each figure's text alternative, never nbconvert's filler or nothing."""
    out, _ = site
    figures = 0
    for name in PAGES:
        parser = _Images()
        parser.feed((out / name).read_text(encoding="utf-8"))
        for alt, figure in parser.images:
            assert alt and alt.strip(), f"{name}: an image without alt text"
            assert "No description has been provided" not in alt, f"{name}: nbconvert's filler as alt"
            if figure:
                figures += 1
                assert len(alt) >= 40 and " " in alt, f"{name}: a figure's alt says too little: {alt!r}"
    assert figures >= 56  # every figure of the lessons (56 when this test was written)
    # two figures whose content the test knows: lesson 07's gradient norms and lesson 08's LSTM cell
    lesson = (out / "notebooks" / "07_vanishing_exploding.html").read_text(encoding="utf-8")
    assert re.search(
        r'alt="[^"]*spectral radii 0.5, 0.9, 1, 1.1 and 1.5[^"]*below radius 1 it falls, above 1 '
        r"it grows",
        lesson,
    )
    assert re.search(
        r'alt="[^"]*LSTM step[^"]*forget gate[^"]*"',
        (out / "notebooks" / "08_lstm.html").read_text(encoding="utf-8"),
    )


def test_builder_refuses_a_figure_without_alt_text(tmp_path):
    root = tmp_path / "course"
    (root / "notebooks").mkdir(parents=True)
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# A lesson"), nbformat.v4.new_code_cell("plt.show()")]
    )
    notebook.cells[1].outputs = [
        nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})
    ]
    nbformat.write(notebook, root / "notebooks" / "01_a.ipynb")
    done = run_builder("--root", str(root), "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert "notebooks/01_a.ipynb, cell 2: a figure has no text alternative" in done.stderr
    assert "coursekit.viz.show(fig, alt=" in done.stderr and "Traceback" not in done.stderr


def test_progress_bars_become_their_final_text_and_explorers_their_stored_image(site):
    out, _ = site
    explorers = 0
    for path in LESSONS:
        notebook = nbformat.read(path, as_version=4)
        views = [
            output
            for cell in notebook.cells
            if cell.cell_type == "code"
            for output in cell.outputs
            if WIDGET_VIEW in output.get("data", {})
        ]
        bars_stored = [view for view in views if "image/png" not in view.data]  # an explorer has an image
        text = (out / "notebooks" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert WIDGET_VIEW not in text and "widget-state+json" not in text, path.name
        bars = re.findall(r'<pre class="site-progress">([^<]*)</pre>', text)
        assert len(bars) == len(bars_stored), (
            f"{path.name}: {len(bars_stored)} progress bars stored, {len(bars)} shown"
        )
        assert all(re.search(r"\|[\u2588 ]{10}\| \d+/\d+", html.unescape(bar)) for bar in bars), bars
        parser = _Images()
        parser.feed(text)
        for view in views:
            if "image/png" in view.data:  # the explorer's default state, with its alt, and the line beside it
                explorers += 1
                assert (view.metadata["image/png"]["alt"], True) in parser.images, path.name
                assert "Live in JupyterLab" in text, path.name
    assert explorers == 4  # 06 BPTT terms, 07 gradient flow, 11 gates and sampling


def test_links_between_notebooks_become_links_between_pages():
    builder = load_builder_module()
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "Next: [one](01_one.ipynb#The-idea), [its exercise](../exercises/01_one.ipynb), "
                "[the web](https://example.org/x.ipynb), [code](../tools/build_site.py), "
                '<a href="02_gone.ipynb">gone</a>'
            )
        ]
    )
    page = builder.Page(builder.PurePosixPath("notebooks/00_start.ipynb"), "Start")
    known = {
        builder.PurePosixPath(p)
        for p in ("notebooks/00_start.ipynb", "notebooks/01_one.ipynb", "exercises/01_one.ipynb")
    }
    linked: set = set()
    problems = builder.rewrite_links(notebook, page, known, ROOT, linked)
    source = notebook.cells[0].source
    assert "[one](01_one.html#The-idea)" in source and "[its exercise](../exercises/01_one.html)" in source
    assert "(https://example.org/x.ipynb)" in source and "(../tools/build_site.py)" in source
    assert linked == {builder.PurePosixPath("tools/build_site.py")}
    assert problems == ["notebooks/00_start.ipynb links to 02_gone.ipynb, which is no file of the repository"]


# ---------------------------------------------------------------- every page in headless Chromium


def visit(context, url: str):
    """Open `url`; return the page, its response and the errors seen while it loaded and typeset."""
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.on(
        "response",
        lambda response: response.status >= 400 and errors.append(f"HTTP {response.status}: {response.url}"),
    )
    page.on(
        "requestfailed", lambda request: errors.append(f"request failed: {request.url} {request.failure}")
    )
    context.outside.clear()  # what this page asks of the network, not the pages before it
    response = page.goto(url, wait_until="load")
    if page.evaluate("typeof window.MathJax !== 'undefined'"):
        # MathJax typesets after `load`: wait until its queue is empty (fonts loaded, every formula done)
        page.wait_for_function(
            "MathJax.isReady && MathJax.Hub.queue.pending === 0 && !MathJax.Hub.queue.running", timeout=30_000
        )
    return page, response, errors


class _Ids(HTMLParser):
    """Collects the targets a URL fragment can name: every id, and the name of every <a>."""

    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" or (tag == "a" and key == "name"):
                self.ids.add(value)


@functools.cache
def ids_in(file: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(file.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def broken_internal_links(hrefs: list[str], base: str, out: Path) -> list[str]:
    broken = []
    for link in hrefs:
        parts = urlsplit(link)
        if not link.startswith(base):
            continue  # a link to the web may be followed by the reader; nothing loads it here
        path = unquote(parts.path)[len(urlsplit(base).path) :]
        target = out / (path or "index.html")
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            broken.append(f"{link} (no file {target.relative_to(out)})")
        elif parts.fragment and not {parts.fragment, unquote(parts.fragment)} & ids_in(target):
            # a browser looks for the fragment as written, then percent-decoded (nbconvert writes
            # heading ids percent-encoded)
            broken.append(f"{link} (no id {parts.fragment!r} in {target.relative_to(out)})")
    return broken


@pytest.mark.parametrize("name", PAGES)
def test_page_in_chromium(name, site, server, browser_context):
    out, _ = site
    page, response, errors = visit(browser_context, server + name)
    try:
        assert response is not None and response.status == 200, (
            f"{name}: status {response and response.status}"
        )
        assert errors == [], f"{name}: " + "\n".join(errors)
        assert browser_context.outside == [], f"{name} asked the network for {browser_context.outside}"

        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert broken_internal_links(hrefs, server, out) == [], name
        own = Path(name).with_suffix(".ipynb").name
        assert [h for h in hrefs if h.endswith(".ipynb") and not h.endswith("/" + own)] == [], (
            f"{name} links to a notebook instead of its page"
        )

        unloaded = page.eval_on_selector_all(
            "img",
            "images => images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 80))",
        )
        assert unloaded == [], f"{name}: images that did not load: {unloaded}"

        source = out / Path(name).with_suffix(".ipynb")
        if name != "index.html":
            assert page.evaluate("typeof window.MathJax !== 'undefined'"), f"{name}: MathJax did not load"
        if name != "index.html" and has_math(source):
            math = page.evaluate("""() => {
                const sources = Array.from(document.querySelectorAll('script[type^="math/tex"]'));
                return {formulas: sources.length,
                        rendered: sources.filter(s => s.previousElementSibling &&
                            /MathJax/.test(s.previousElementSibling.className)).length,
                        errors: document.querySelectorAll('.noError, .MathJax_Error, merror').length};
            }""")
            assert math["formulas"] > 0 and math["rendered"] == math["formulas"] and math["errors"] == 0, (
                f"{name}: {json.dumps(math)}"
            )
            leftover = page.evaluate("""() => Array.from(document.querySelectorAll('.jp-MarkdownOutput')).map(cell => {
                const copy = cell.cloneNode(true);
                copy.querySelectorAll('code, pre, script, [class^="MathJax"]').forEach(e => e.remove());
                return copy.textContent;
            }).join('\\n')""")
            assert not RAW_TEX.search(leftover), (
                f"{name}: TeX left untypeset: {RAW_TEX.search(leftover)[0]!r}"
            )

        # the sidebar lists every page in course order and marks this one, and only this one
        sidebar = page.eval_on_selector_all(
            ".site-sidebar a.site-side-link",
            "links => links.map(a => [a.href, a.getAttribute('aria-current')])",
        )
        assert [href for href, _ in sidebar][1:] == [server + p for p in PAGES[1:]], f"{name}: sidebar order"
        assert [href for href, current in sidebar if current == "page"] == [server + name], name

        # the table of contents: one link per h2/h3 of the page, each to an id on the page
        if name != "index.html":
            toc = page.eval_on_selector_all(".site-toc a", "links => links.map(a => a.getAttribute('href'))")
            headings = page.eval_on_selector_all(
                ".site-main :is(h2, h3)[id]:not(.site-toc-heading)", "hs => hs.map(h => h.id)"
            )
            assert len(headings) < 2 or toc == ["#" + h for h in headings], (
                f"{name}: TOC {toc} for {headings}"
            )
            # as a browser does: the fragment as written, then percent-decoded (nbconvert's ids are encoded)
            missing = page.evaluate(
                """hrefs => hrefs.filter(h => !document.getElementById(h.slice(1))
                && !document.getElementById(decodeURIComponent(h.slice(1))))""",
                toc,
            )
            assert missing == [], f"{name}: TOC links to no id: {missing}"

        violations = axe_violations(
            page,
            disable={
                "color-contrast": "costly (~10 s a page here): run on COLOUR_PAGES, light and dark, below"
            },
        )
        assert violations == [], f"{name} (light): axe finds\n" + "\n".join(violations)
    finally:
        page.close()


# Colours come from one stylesheet that every page shares, and axe's contrast rule is the costly one (about 10 s
# a page on this machine, 52 page loads in light and dark): the colour rules run on a sample of pages that holds
# every kind of coloured thing the site shows (prompts, each syntax-highlighting class, links in text, outputs,
# the sidebar), which test_the_colour_sample_covers_every_page checks. Dark mode changes colour only: the
# page's structure (landmarks, names, headings) is checked on every page in light above.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
COLOUR_PAGES = [
    "index.html",
    "notebooks/00_start_here.html",
    "notebooks/01_sequences.html",
    "notebooks/11_text_generation.html",
    "exercises/06_bptt.html",
]  # a greedy cover of the classes
SPAN_CLASS = re.compile(r'<span class="([\w-]+)"')


def test_the_colour_sample_covers_every_page(site):
    """Every syntax class (and other span class) on any page appears on a page of the colour sample."""
    out, _ = site
    classes = {name: set(SPAN_CLASS.findall((out / name).read_text(encoding="utf-8"))) for name in PAGES}
    sampled = set().union(*(classes[name] for name in COLOUR_PAGES))
    missing = {name: sorted(found - sampled) for name, found in classes.items() if found - sampled}
    assert missing == {}, f"add a page to COLOUR_PAGES: these classes are not in the sample: {missing}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", COLOUR_PAGES)
def test_colours_pass_axe(name, scheme, server, browser_context, dark_context):
    page, _, errors = visit(browser_context if scheme == "light" else dark_context, server + name)
    try:
        assert errors == [], errors
        violations = axe_violations(page, only=COLOUR_RULES)
        assert violations == [], f"{name} ({scheme}): axe finds\n" + "\n".join(violations)
    finally:
        page.close()


def test_dark_mode_changes_the_colours(server, browser_context, dark_context):
    lesson = f"notebooks/{LESSONS[1].stem}.html"
    colours = {}
    for scheme, context in (("light", browser_context), ("dark", dark_context)):
        page, _, _ = visit(context, server + lesson)
        colours[scheme] = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
            getComputedStyle(document.querySelector('.jp-InputArea-editor, .highlight')).backgroundColor]""")
        page.close()
    assert colours["light"][0] == "rgb(255, 255, 255)"
    assert colours["dark"][0] != colours["light"][0] and colours["dark"][1] != colours["light"][1], colours


def a_word_only_in(builder) -> tuple[Path, str]:
    """A lesson and a word of its body that no other page's words (nor its title) contain."""
    texts = {
        path: builder.page_text(nbformat.read(path, as_version=4)).lower() for path in LESSONS + EXERCISES
    }
    for path in LESSONS[1:]:
        title = markdown_sources(path).split("\n", 1)[0].lower()
        for word in sorted(set(re.findall(r"[a-z]{9,}", texts[path]))):
            if word not in title and not any(word in text for other, text in texts.items() if other != path):
                return path, word
    pytest.fail("no lesson has a word of its own")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_search_finds_a_lesson_by_a_word_from_its_body(scheme, site, server, browser_context):
    out, _ = site
    lesson, word = a_word_only_in(load_builder_module())
    start = (
        server + "exercises/" + EXERCISES[0].name.replace(".ipynb", ".html")
        if scheme == "http"
        else (out / "index.html").as_uri()
    )
    page, _, errors = visit(browser_context, start)
    try:
        page.fill("#site-search-input", word)
        page.wait_for_selector("#site-search-results a")
        results = page.eval_on_selector_all("#site-search-results a", "links => links.map(a => a.href)")
        assert [r.rsplit("/", 2)[-2:] for r in results] == [["notebooks", f"{lesson.stem}.html"]], (
            word,
            results,
        )
        page.click("#site-search-results a")
        page.wait_for_load_state("load")
        assert page.url.endswith(f"notebooks/{lesson.stem}.html") and page.url.startswith(scheme), page.url
        assert errors == [], errors
    finally:
        page.close()


@pytest.mark.parametrize(
    "name",
    ["index.html", "notebooks/" + LESSONS[-1].stem + ".html", "exercises/" + EXERCISES[0].stem + ".html"],
)
def test_phone_width_has_no_horizontal_scroll(name, chromium, server):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(server + name, wait_until="load")
        widths = page.evaluate("""() => ({page: document.documentElement.scrollWidth, body: document.body.scrollWidth,
                                          window: window.innerWidth})""")
        assert widths["page"] <= widths["window"] and widths["body"] <= widths["window"], f"{name}: {widths}"
        assert page.evaluate("document.querySelector('.site-sidebar').open") is False, "sidebar not collapsed"
    finally:
        context.close()


@pytest.mark.skipif(not os.environ.get("COURSE_SCREENSHOTS"), reason="set COURSE_SCREENSHOTS=1 to write them")
def test_screenshots_for_the_closing_note(server, browser_context, dark_context, chromium):
    """build/site-index.png (the index) and build/site-lesson.png (the top of a lesson with math);
    build/screenshots/: the index and a lesson, light, dark and at phone width (390 px)."""
    shots = ROOT / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    lesson_url = server + f"notebooks/{LESSONS[1].stem}.html"
    phone = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone.outside = []
    for label, context in (("light", browser_context), ("dark", dark_context), ("phone", phone)):
        for what, url in (("index", server + "index.html"), ("lesson", lesson_url)):
            page, _, _ = visit(context, url)
            page.screenshot(path=str(shots / f"{what}-{label}.png"))
            page.close()
    phone.close()
    page, _, errors = visit(browser_context, server + "index.html")
    page.screenshot(path=str(ROOT / "build" / "site-index.png"), full_page=True)
    page.close()
    lesson = next(path for path in LESSONS if has_math(path) and markdown_sources(path).count("$") > 50)
    page, _, more_errors = visit(browser_context, server + f"notebooks/{lesson.stem}.html")
    page.screenshot(path=str(ROOT / "build" / "site-lesson.png"))
    page.close()
    assert errors + more_errors == []
    assert (ROOT / "build" / "site-index.png").stat().st_size > 10_000


def test_a_lesson_opened_from_disk(site, browser_context):
    """`make site` says: open _site/index.html in a browser. From file:// too, math and figures load."""
    out, _ = site
    lesson = next(path for path in LESSONS if has_math(path))
    page, _, errors = visit(browser_context, (out / "notebooks" / f"{lesson.stem}.html").as_uri())
    try:
        assert errors == [] and browser_context.outside == [], errors
        assert page.evaluate("MathJax.OutputJax['HTML-CSS'].fontInUse") == "STIX-Web"
        assert page.evaluate("document.querySelectorAll('span.MathJax, div.MathJax_Display').length") > 0
        assert page.eval_on_selector_all("img", "images => images.every(i => i.naturalWidth > 0)")
    finally:
        page.close()
