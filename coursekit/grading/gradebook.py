"""What grading leaves in --out: a journal of records, the gradebook, and feedback per submission.

    OUT/.coursekit-grade.json       what the run was (a fingerprint of the solutions and options)
    OUT/records/KEY.json            one per submission, written atomically as soon as it is judged
    OUT/gradebook.csv               a row per student, a column per question (written at the end)
    OUT/feedback/KEY.md             one per submission, for the learner

The records are the journal: a killed run leaves every finished submission's record, and
`coursekit grade --resume` grades only what is missing (or whose file changed). Every string a
learner controls is made harmless where it lands: formulas in the CSV, Markdown in feedback.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from dataclasses import asdict
from pathlib import Path

from .grade import GradeOptions, QuestionResult, SubmissionResult

MARKER = ".coursekit-grade.json"


class OutFolderError(ValueError):
    """--out cannot be used as asked; the message says what to do."""


def record_key(student: str, file: str) -> str:
    """A file name for one submission's record: readable, and distinct for distinct (student, file)."""
    readable = re.sub(r"[^\w.-]+", "_", f"{student}__{Path(file).stem}")[:80]
    distinct = hashlib.sha256("\0".join((student, file)).encode()).hexdigest()[:10]
    return f"{readable}__{distinct}"


def fingerprint(options: GradeOptions) -> str:
    """What decides the scores: the solutions' bytes and the options (the secret only as a hash)."""
    solutions = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(options.source).glob("*.ipynb"))
    }
    described = {
        "solutions": solutions,
        "limits": asdict(options.limits),
        "isolated": options.isolated,
        "seed": options.seed,
        "show_hidden": options.show_hidden,
        "secret": hashlib.sha256(options.secret.encode()).hexdigest() if options.secret else None,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Journal:
    """The records of one run in OUT/records, for writing as results come and for resuming."""

    def __init__(self, out: Path, options: GradeOptions, resume: bool):
        self.out, self.records = Path(out), Path(out) / "records"
        mark = fingerprint(options)
        marker = self.out / MARKER
        existing = list(self.records.glob("*.json")) if self.records.is_dir() else []
        if marker.exists():
            try:
                before = json.loads(marker.read_text()).get("fingerprint")
            except (OSError, ValueError, AttributeError):
                before = None
            if existing and not resume:
                raise OutFolderError(
                    f"{self.out} already holds the records of a grading run: add --resume to finish "
                    "it (only missing or changed submissions are graded), or choose another --out"
                )
            if resume and before != mark:
                raise OutFolderError(
                    f"the solutions or options differ from those of the run in {self.out}, so "
                    "--resume would mix two gradings: grade into a new --out instead"
                )
        elif existing or (self.out.exists() and any(self.out.iterdir())):
            raise OutFolderError(
                f"{self.out} is not empty and was not made by `coursekit grade`; choose an empty "
                "or new --out folder (nothing there is overwritten)"
            )
        self.records.mkdir(parents=True, exist_ok=True)
        _write_atomically(marker, json.dumps({"fingerprint": mark}) + "\n")

    def finished(self, student: str, file: str, sha256: str) -> SubmissionResult | None:
        """The recorded result of this submission when it was graded from the same bytes."""
        path = self.records / f"{record_key(student, file)}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not sha256 or data.get("sha256") != sha256:
                return None
            data["questions"] = {gid: QuestionResult(**q) for gid, q in data["questions"].items()}
            return SubmissionResult(**data)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def write(self, result: SubmissionResult) -> None:
        path = self.records / f"{record_key(result.student, result.file)}.json"
        _write_atomically(path, json.dumps(asdict(result), indent=1) + "\n")


# ---- the gradebook --------------------------------------------------------------------------------
def spreadsheet_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula (a leading =, +, -, @, tab or return)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def gradebook_csv(results: list[SubmissionResult]) -> str:
    questions = list(dict.fromkeys(gid for r in results for gid in r.questions))
    students: dict[str, dict] = {}
    for result in sorted(results, key=lambda r: (r.student, r.file)):
        row = students.setdefault(
            result.student,
            {
                "student": result.student,
                "score": 0.0,
                "max_score": 0.0,
                "files": [],
                "problems": [],
                "isolation": set(),
            },
        )
        row["files"].append(Path(result.file).name)
        row["score"] += result.score
        row["max_score"] += result.max_score
        row["isolation"].add(result.isolation)
        for gid, q in result.questions.items():
            row[gid] = f"{q.points:g}"
        if result.error:
            row["problems"].append(f"{Path(result.file).name}: {result.error}")
    handle = io.StringIO()
    writer = csv.DictWriter(
        handle,
        ["student", "score", "max_score", *questions, "files", "problems", "isolation"],
        lineterminator="\n",
    )
    writer.writeheader()
    for row in students.values():
        writer.writerow(
            {
                **row,
                "student": spreadsheet_safe(row["student"]),
                "score": f"{row['score']:g}",
                "max_score": f"{row['max_score']:g}",
                "files": spreadsheet_safe("; ".join(row["files"])),
                "problems": spreadsheet_safe("; ".join(row["problems"])),
                "isolation": "; ".join(sorted(row["isolation"])),
            }
        )
    return handle.getvalue()


# ---- feedback -------------------------------------------------------------------------------------
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def md(text: str, limit: int = 1000) -> str:
    """Text shown literally in Markdown: no links, images, HTML, tables or emphasis it did not mean."""
    text = str(text)[:limit].replace("&", "&amp;").replace("\r", " ").replace("\n", " ")
    return _MARKDOWN.sub(r"\\\1", text)


def feedback_markdown(result: SubmissionResult) -> str:
    title = md(result.notebook or Path(result.file).name)
    lines = [f"# Feedback for {md(result.student)}: {title}", ""]
    if result.isolation != "sandbox":
        lines += [f"**{md(result.isolation)}**", ""]
    if result.error:
        return (
            "\n".join(
                lines
                + [
                    f"This submission could not be graded: {md(result.error)}",
                    "",
                    "Score: 0. Fix the file (open it in Jupyter, save, submit again) or ask your instructor.",
                ]
            )
            + "\n"
        )
    lines += [
        f"**Score: {result.score:g} / {result.max_score:g}**",
        "",
        "| question | points | result |",
        "|---|---|---|",
    ]
    lines += [
        f"| {md(gid)} | {q.points:g} / {q.max_points:g} | {md(q.status)} |"
        for gid, q in result.questions.items()
    ]
    for gid, q in result.questions.items():
        if q.message:
            lines += ["", f"## {md(gid)}", "", md(q.message, 2000)]
        if q.inputs:
            lines += ["", "The inputs of that check:", "", "```", q.inputs.replace("```", "'''"), "```"]
    if result.notes:
        lines += ["", "## Notes", ""] + [f"- {md(note, 500)}" for note in result.notes]
    lines += [
        "",
        "Public checks are the ones in your notebook; hidden checks use other inputs, so a function "
        "that only reproduces the public example does not pass them.",
    ]
    return "\n".join(lines) + "\n"


def write_outputs(results: list[SubmissionResult], out: Path) -> None:
    """feedback/*.md for these results, and gradebook.csv; each written atomically."""
    out = Path(out)
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    for result in results:
        _write_atomically(
            out / "feedback" / f"{record_key(result.student, result.file)}.md", feedback_markdown(result)
        )
    _write_atomically(out / "gradebook.csv", gradebook_csv(results))
