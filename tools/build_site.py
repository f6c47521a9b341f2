"""Build the course website: one HTML page per notebook, from its stored outputs, readable offline.

    python tools/build_site.py --out _site          (what `make site` runs)

Pages come from the committed notebooks as they are (nothing is re-executed): every lesson in
notebooks/*.ipynb in file-name order (that is the course order), every exercise in exercises/*.ipynb,
and an index. The site mirrors the repository's folders, so a relative link between notebooks stays
right once `.ipynb` becomes `.html`:

    index.html
    notebooks/01_sequences.html   notebooks/01_sequences.ipynb   (the page and its download)
    exercises/01_sequences.html   exercises/01_sequences.ipynb
    assets/site.css  assets/jupyterlab.css                        (our styles, JupyterLab's)
    assets/mathjax/...                                            (MathJax 2.7, pruned, Apache 2.0)
    coursekit/...                 repository files a lesson links to, copied as they are

Nothing on a page is loaded from the network: MathJax is copied from the installed package
jupyter_server_mathjax, and nbconvert's CDN scripts (require.js, the widget renderer, mermaid) are
left out by the page template tools/site_assets/course_page/index.html.j2. Every figure's
<img alt> is the text alternative stored in its output's metadata ({"image/png": {"alt": ...}}, as
coursekit.viz.show writes it); a figure without one stops the build. Training progress bars
are stored as ipywidgets views, which cannot run on a static page; each becomes the text of its
final state, as tqdm prints it in a terminal.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat

ROOT = Path(__file__).resolve().parent.parent
ASSETS = Path(__file__).resolve().parent / "site_assets"

# What the pages' MathJax configuration (TeX input, HTML-CSS output with the STIX web fonts) can
# load, relative to jupyter_server_mathjax/static. The rest of the 12 MB package (the SVG output's
# fonts, 40 translations, the accessibility explorer, ...) is never requested and stays out.
MATHJAX_FILES = [
    "LICENSE",
    "MathJax.js",
    "config/TeX-AMS-MML_HTMLorMML-full.js",
    "extensions/TeX",  # loaded on demand by \boldsymbol, \cancel, \color, ...
    "extensions/HTML-CSS",
    "extensions/MathMenu.js",
    "extensions/MathZoom.js",
    "extensions/HelpDialog.js",
    "extensions/FontWarnings.js",
    "jax/input/TeX",
    "jax/element/mml",  # operator tables, loaded per symbol range
    "jax/output/HTML-CSS",  # font metrics of STIX-Web, loaded per glyph range
    "fonts/HTML-CSS/STIX-Web/woff",
    "localization/en",
]
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"
MARKER = ".course-site"  # marks a folder this tool may empty before building into it
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# A markdown link target or an HTML href: the path, then an optional #anchor.
LINK = re.compile(r"""(?P<lead>\]\(\s*<?|href=["'])(?P<path>[^)\s"'<>#]+)(?P<anchor>#[^)\s"'<>]*)?""")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
FILLER_ALT = "No description has been provided for this image"  # what nbconvert writes for an img without alt


class SiteError(Exception):
    """The site cannot be built; the message says why and what to do."""


@dataclass(frozen=True)
class Page:
    """One notebook of the site; `rel` is its path in the repository, e.g. notebooks/01_sequences.ipynb."""

    rel: PurePosixPath
    title: str

    @property
    def html(self) -> PurePosixPath:
        return self.rel.with_suffix(".html")


def href(source: PurePosixPath, target: PurePosixPath) -> str:
    """The relative URL from the page at `source` to the site file `target` (both site paths)."""
    return PurePosixPath(os.path.relpath(target, source.parent)).as_posix()


def notebook_title(notebook, fallback: str) -> str:
    """The text of the notebook's first markdown heading, without its '#' marks."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def read_notebook(path: Path):
    try:
        return nbformat.read(path, as_version=4)
    except (OSError, ValueError) as error:  # NotJSONError and JSONDecodeError are ValueErrors
        raise SiteError(f"{path} is not a readable notebook: {error}") from None


def find_pages(root: Path) -> tuple[list[Page], list[Page]]:
    """The lessons (notebooks/*.ipynb) and exercises (exercises/*.ipynb), each in file-name order."""
    lessons_dir = root / "notebooks"
    if not lessons_dir.is_dir():
        raise SiteError(
            f"no notebooks folder at {lessons_dir}: run this from the course repository "
            "(or pass --root PATH_TO_THE_REPOSITORY)"
        )
    found = {}
    for folder in ("notebooks", "exercises"):
        found[folder] = [
            Page(PurePosixPath(folder, path.name), notebook_title(read_notebook(path), path.stem))
            for path in sorted((root / folder).glob("*.ipynb"))
        ]
    if not found["notebooks"]:
        raise SiteError(f"{lessons_dir} holds no .ipynb files: there is nothing to build")
    return found["notebooks"], found["exercises"]


def progress_text(state: dict, model_id: str) -> str | None:
    """The final state of a tqdm widget (an HBox: HTML, FloatProgress, HTML) as tqdm's text line."""
    box = state.get(model_id)
    if box is None or box.get("model_name") != "HBoxModel":
        return None
    parts = []
    for child_ref in box["state"].get("children", []):
        child = state.get(child_ref.removeprefix("IPY_MODEL_"))
        if child is None:
            return None
        fields = child["state"]
        if child["model_name"] == "HTMLModel":
            # tqdm pads with figure spaces and HTML-escapes '<' in its timings
            parts.append(html.unescape(fields.get("value", "")).replace("\u2007", " "))
        elif child["model_name"] == "FloatProgressModel":
            span = (fields.get("max") or 1) - (fields.get("min") or 0)
            filled = round(10 * ((fields.get("value") or 0) - (fields.get("min") or 0)) / span)
            parts.append("|" + "\u2588" * filled + " " * (10 - filled) + "|")
    return "".join(parts).strip() or None


def replace_progress_bars(notebook) -> None:
    """Turn each stored widget view into the text of its final state, keep an explorer's stored image,
    and drop any other view.

    A static page cannot run a widget, and a progress bar's text/plain fallback is the bar at 0 %,
    which would tell a reader that training never ran. An explorer's output carries the image of its
    default settings beside the view (the cell also prints that it is live in JupyterLab).
    """
    state = notebook.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.outputs:
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                outputs.append(output)
                continue
            text = progress_text(state, view.get("model_id", ""))
            if text is not None:
                outputs.append(
                    nbformat.v4.new_output(
                        "display_data",
                        data={"text/html": f'<pre class="site-progress">{html.escape(text)}</pre>'},
                    )
                )
            elif "image/png" in output["data"]:
                # an explorer (coursekit.explorers): its stored image of the default settings stays
                del output["data"][WIDGET_VIEW]
                outputs.append(output)
        cell.outputs = outputs


def figure_alt_texts(notebook, page: Page) -> None:
    """Give every figure its text alternative from the output metadata, {"image/png": {"alt": ...}}.

    coursekit.viz.show writes a figure as image/png with that metadata, plus a text/html copy
    (<img alt=...>) for JupyterLab, whose image renderer ignores the metadata. The page keeps the
    image/png, which the template (data_png) writes as <img alt=...>, and drops the copy. A figure
    without a text alternative stops the build: nbconvert would write "No description has been
    provided for this image" as its alt, which tells a screen-reader user nothing.
    """
    for number, cell in enumerate(notebook.cells, 1):
        for output in cell.get("outputs", []):
            if "image/png" not in output.get("data", {}):
                continue
            alt = output.get("metadata", {}).get("image/png", {}).get("alt", "")
            if not alt.strip():
                raise SiteError(
                    f"{page.rel}, cell {number}: a figure has no text alternative; show it with "
                    "coursekit.viz.show(fig, alt='what it shows') and re-run the notebook"
                )
            output.data.pop("text/html", None)


def rewrite_links(
    notebook, page: Page, pages: set[PurePosixPath], root: Path, linked_files: set[PurePosixPath]
) -> list[str]:
    """Point markdown links to notebooks of the site at their pages; collect other repository files.

    Returns the links that lead nowhere on the site, as messages.
    """
    problems = []

    def fix(match: re.Match) -> str:
        path = match["path"]
        if SCHEME.match(path) or path.startswith("/"):
            return match[0]  # a web address or an absolute path: not ours to change
        target = PurePosixPath(os.path.normpath(page.rel.parent / path))
        if target.parts and target.parts[0] == "..":
            problems.append(f"{page.rel} links to {path}, outside the repository")
        elif target.suffix == ".ipynb" and target in pages:
            return match["lead"] + href(page.rel, target.with_suffix(".html")) + (match["anchor"] or "")
        elif not (root / target).is_file():
            problems.append(f"{page.rel} links to {path}, which is no file of the repository")
        elif target.suffix == ".ipynb":
            problems.append(f"{page.rel} links to {path}, which is not in notebooks/ or exercises/")
        else:
            linked_files.add(target)
        return match[0]

    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = LINK.sub(fix, cell.source)
    return problems


def navigation(
    page: Page,
    lessons: list[Page],
    exercises: dict[str, Page],
    lessons_by_name: dict[str, Page],
    label: str = "Lesson pages",
) -> str:
    """The bar at the top and bottom of a page: index, previous/next lesson, its pair, download.

    `label` names the landmark; the two bars of a page need different names (axe: landmark-unique).
    """

    def link(target: Page | None, label: str) -> str:
        if target is None:
            return f'<span class="site-none">{html.escape(label)}</span>'
        return (
            f'<a href="{href(page.rel, target.html)}" title="{html.escape(target.title)}">'
            f"{html.escape(label)}</a>"
        )

    items = [f'<a href="{href(page.rel, PurePosixPath("index.html"))}">Course index</a>']
    if page.rel.parts[0] == "notebooks":
        position = lessons.index(page)
        items.append(link(lessons[position - 1] if position > 0 else None, "\u2190 Previous lesson"))
        items.append(
            link(lessons[position + 1] if position + 1 < len(lessons) else None, "Next lesson \u2192")
        )
        if page.rel.name in exercises:
            items.append(link(exercises[page.rel.name], "Exercise for this lesson"))
    else:
        lesson = lessons_by_name.get(page.rel.name)
        if lesson is not None:
            items.append(link(lesson, f"Lesson: {lesson.title}"))
    items.append(f'<a class="site-download" href="{page.rel.name}" download>Download {page.rel.name}</a>')
    return f'<nav class="site-nav" aria-label="{html.escape(label)}">' + "\n".join(items) + "</nav>"


def sidebar(current: PurePosixPath, lessons: list[Page], exercises: list[Page]) -> str:
    """The course's pages in course order (lessons, then exercises), the current one marked."""

    def item(target: Page) -> str:
        mark = ' aria-current="page"' if target.html == current else ""
        return (
            f'<li><a class="site-side-link" href="{href(current, target.html)}"{mark}>'
            f"{html.escape(target.title)}</a></li>"
        )

    index_mark = ' aria-current="page"' if current == PurePosixPath("index.html") else ""
    parts = [
        f'<p><a class="site-side-link" href="{href(current, PurePosixPath("index.html"))}"{index_mark}>'
        "Course index</a></p>",
        '<h2 class="site-side-heading">Lessons</h2>\n<ol>',
        *map(item, lessons),
        "</ol>",
    ]
    if exercises:
        parts += ['<h2 class="site-side-heading">Exercises</h2>\n<ol>', *map(item, exercises), "</ol>"]
    # open for readers without JavaScript; assets/site.js closes it on a narrow screen
    return (
        '<details class="site-sidebar" open><summary>Course contents</summary>\n'
        '<nav aria-label="Course contents">\n' + "\n".join(parts) + "\n</nav></details>"
    )


def top_bar(current: PurePosixPath, course_title: str) -> str:
    """The bar above every page: the course's name and the search box (assets/site.js runs it)."""
    return f"""<a class="site-skip" href="#site-content">Skip to the content</a>
<header class="site-top">
<a class="site-brand" href="{href(current, PurePosixPath("index.html"))}">{html.escape(course_title)}</a>
<div class="site-search" role="search" aria-label="Search the course">
<label for="site-search-input">Search</label>
<input id="site-search-input" type="search" autocomplete="off" placeholder="Search every page"
 aria-describedby="site-search-status">
<p id="site-search-status" class="site-search-status" aria-live="polite"></p>
<ol id="site-search-results" class="site-search-results"></ol>
</div>
</header>"""


HEADING = re.compile(r'<h([23]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TOC_MARK = "<!--site-toc-->"


def table_of_contents(body: str) -> str:
    """A list of links to the page's h2 and h3 headings (nested), or "" when it has fewer than two."""
    entries = []
    for level, anchor, inner in HEADING.findall(body):
        inner = re.sub(r'<a class="anchor-link".*?</a>', "", inner, flags=re.S)
        text = re.sub(r"<[^>]+>", "", inner).strip()
        if text:
            entries.append((int(level), anchor, text))  # anchor and text are HTML already
    if len(entries) < 2:
        return ""
    lines, open_sub = [], False
    for level, anchor, text in entries:
        if level == 3 and lines and not open_sub:
            lines[-1] = lines[-1].removesuffix("</li>") + "<ol>"
            open_sub = True
        elif level == 2 and open_sub:
            lines.append("</ol></li>")
            open_sub = False
        lines.append(f'<li><a href="#{anchor}">{text}</a></li>')
    if open_sub:
        lines.append("</ol></li>")
    return (
        '<nav class="site-toc" aria-labelledby="site-toc-heading">\n'
        '<h2 id="site-toc-heading" class="site-toc-heading">On this page</h2>\n<ol>\n'
        + "\n".join(lines)
        + "\n</ol>\n</nav>"
    )


def page_text(notebook) -> str:
    """The words of a notebook's markdown cells, for the search index: no markup, no math delimiters."""
    text = " ".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    text = re.sub(r"<[^>]+>|!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)", " ", text)  # tags, images, link targets
    text = re.sub(r"[#*_`>|\[\]$\\{}]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def search_index(entries: list[dict]) -> str:
    """assets/search-index.js: a plain script (not JSON fetched by the page), so that it loads from file:// too."""
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.SEARCH_INDEX = {data};\n"


# The page template with one block more: a figure is the lab template's image output plus, as its alt, the
# text alternative that coursekit.viz.show stores in the output's metadata ({"image/png": {"alt": ...}}).
# The lab template writes no alt, and nbconvert then fills in FILLER_ALT.
FIGURE_TEMPLATE = """{%- extends 'course_page/index.html.j2' -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
alt="{{ output | get_metadata('alt', 'image/png') | escape_html }}">
</div>
{%- endblock data_png %}
"""


def make_exporter():
    from jinja2 import DictLoader, FileSystemLoader
    from nbconvert import HTMLExporter

    # embed_images: a picture a markdown cell links to travels inside the page, as the plots do
    return HTMLExporter(
        template_name="course_page",
        extra_template_basedirs=[str(ASSETS)],
        embed_images=True,
        extra_loaders=[
            DictLoader({"course_figures.html.j2": FIGURE_TEMPLATE}),
            FileSystemLoader(ASSETS),
        ],  # where 'course_page/index.html.j2' lies
        template_file="course_figures.html.j2",
    )


def readme_heading(root: Path) -> tuple[str, str]:
    """The course title (README's first '# ' heading) and the paragraph after it, as Markdown."""
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    found = re.search(r"^# (.+)\n+((?:[^#\n].*\n)*)", text, re.M)
    if found is None:
        return "The course", ""
    return found[1].strip(), found[2].strip()


def index_page(
    title: str, intro: str, lessons: list[Page], exercises: dict[str, Page], lessons_by_name: dict[str, Page]
) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rows = []
    for lesson in lessons:
        row = f'<a href="{lesson.html}">{html.escape(lesson.title)}</a>'
        exercise = exercises.get(lesson.rel.name)
        if exercise is not None:
            row += f'<a class="site-exercise" href="{exercise.html}">exercise</a>'
        rows.append(f"<li>{row}</li>")
    unpaired = [e for name, e in exercises.items() if name not in lessons_by_name]
    extra = ""
    if unpaired:
        extra = (
            "<h2>More exercises</h2>\n<ul>\n"
            + "\n".join(f'<li><a href="{e.html}">{html.escape(e.title)}</a></li>' for e in unpaired)
            + "\n</ul>\n"
        )
    here = PurePosixPath("index.html")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="color-scheme" content="light dark">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="assets/site.css">
<script src="assets/search-index.js" defer></script>
<script src="assets/site.js" defer></script>
</head>
<body class="site-index" data-site-root="">
{top_bar(here, title)}
<div class="site-layout">
{sidebar(here, lessons, list(exercises.values()))}
<main id="site-content" class="site-main" tabindex="-1">
<h1>{html.escape(title)}</h1>
{markdown2html_mistune(intro)}
<h2>Lessons</h2>
<p>The lessons, in order. Each page shows a notebook with the outputs it was committed with;
download the notebook from its page to run it in JupyterLab.</p>
<ul class="lessons">
{chr(10).join(rows)}
</ul>
{extra}<footer>Math is typeset by MathJax 2.7 (Apache License 2.0, see
<a href="assets/mathjax/LICENSE">assets/mathjax/LICENSE</a>), shipped with this site so that it works offline.</footer>
</main>
</div>
</body>
</html>
"""


def copy_mathjax(out: Path) -> None:
    import jupyter_server_mathjax

    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    for name in MATHJAX_FILES:
        source, target = static / name, out / "assets" / "mathjax" / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def build(root: Path, out: Path) -> int:
    """Write the site into `out` (emptied first); returns the number of HTML pages written."""
    lessons, exercise_list = find_pages(root)
    exercises = {page.rel.name: page for page in exercise_list}
    lessons_by_name = {page.rel.name: page for page in lessons}
    all_pages = {page.rel for page in lessons + exercise_list}
    title, intro = readme_heading(root)

    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise SiteError(
                f"refusing to empty {out}: it holds files and is not a site this tool built "
                "(choose an empty or new folder)"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Built by tools/build_site.py, which empties this folder on every build.\n")
    exporter = make_exporter()
    linked_files: set[PurePosixPath] = set()
    problems = []
    entries: list[dict] = []
    for page in lessons + exercise_list:
        notebook = read_notebook(root / page.rel)
        replace_progress_bars(notebook)
        figure_alt_texts(notebook, page)
        problems += rewrite_links(notebook, page, all_pages, root, linked_files)
        notebook.metadata["title"] = f"{page.title} \u2014 {title}"
        root_prefix = href(page.rel, PurePosixPath("index.html"))[: -len("index.html")]
        resources = {
            "metadata": {"name": page.rel.stem, "path": str((root / page.rel).parent)},
            "site_root": root_prefix,
            "site_mathjax": f"{root_prefix}assets/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
            "site_nav": navigation(page, lessons, exercises, lessons_by_name),
            "site_nav_end": navigation(
                page, lessons, exercises, lessons_by_name, "Lesson pages, end of page"
            ),
            "site_top": top_bar(page.html, title),
            "site_sidebar": sidebar(page.html, lessons, exercise_list),
            "site_toc_mark": TOC_MARK,
        }
        body, _ = exporter.from_notebook_node(notebook, resources=resources)
        body = body.replace(TOC_MARK, table_of_contents(body), 1)
        if FILLER_ALT in body:  # an image the checks above did not reach (e.g. raw HTML in an output)
            raise SiteError(
                f"{page.rel}: an image on the page has no alt text (nbconvert wrote {FILLER_ALT!r})"
            )
        entries.append({"url": page.html.as_posix(), "title": page.title, "text": page_text(notebook)})
        (out / page.html).parent.mkdir(parents=True, exist_ok=True)
        (out / page.html).write_text(body, encoding="utf-8")
        shutil.copyfile(root / page.rel, out / page.rel)  # the download, byte for byte

    for rel in sorted(linked_files):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / rel, out / rel)
    (out / "index.html").write_text(
        index_page(title, intro, lessons, exercises, lessons_by_name), encoding="utf-8"
    )
    (out / "assets").mkdir(exist_ok=True)
    for name in ("site.css", "site.js"):
        shutil.copyfile(ASSETS / name, out / "assets" / name)
    (out / "assets" / "search-index.js").write_text(search_index(entries), encoding="utf-8")
    # JupyterLab's styles, from the nbconvert templates the pages are made with: the light theme, and
    # the dark theme's variables where the reader's system asks for dark (prefers-color-scheme)
    loader, environment = exporter.environment.loader, exporter.environment
    source = lambda name: loader.get_source(environment, name)[0]  # noqa: E731
    lab_css = "\n".join(
        [
            source("static/index.css"),
            source("static/theme-light.css"),
            "@media (prefers-color-scheme: dark) {",
            source("static/theme-dark.css"),
            "}",
        ]
    )
    (out / "assets" / "jupyterlab.css").write_text(lab_css, encoding="utf-8")
    copy_mathjax(out)
    for problem in problems:
        print(f"warning: broken link: {problem}", file=sys.stderr)
    return len(lessons) + len(exercise_list) + 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, required=True, help="folder to write the site into (emptied first)"
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the course repository (default: this one)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    try:
        pages = build(args.root.resolve(), args.out.resolve())
    except SiteError as error:
        print(f"build_site: {error}", file=sys.stderr)
        return 2
    size = sum(path.stat().st_size for path in args.out.rglob("*") if path.is_file())
    print(f"{pages} pages written to {args.out}, {size / 1e6:.1f} MB, in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
