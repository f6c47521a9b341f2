"""Grading many submissions: in parallel, with a progress bar, into a gradebook and feedback."""
from __future__ import annotations

import csv
import json
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict
from pathlib import Path

from .grade import GradeOptions, SubmissionResult, grade_submission


def find_submissions(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[str]]:
    """[(notebook file, the folder it was found under or None)], and notes on what was skipped."""
    found, skipped = [], []
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if not file.is_file() or any(part.startswith(".") for part in file.relative_to(path).parts):
                    continue
                if file.suffix == ".ipynb":
                    found.append((file, path))
                else:
                    skipped.append(f"{file}: not a notebook (.ipynb), skipped")
        elif path.exists():
            found.append((path, None))
        else:
            skipped.append(f"{path}: no such file or folder")
    return found, skipped


def _safe(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text)


def feedback_markdown(result: SubmissionResult) -> str:
    lines = [f"# Feedback for {result.student}: {result.notebook or Path(result.file).name}", ""]
    if result.error:
        return "\n".join(lines + [f"This submission could not be graded: {result.error}", "",
                                  "Score: 0. Fix the file (open it in Jupyter, save, submit again) or ask your instructor."])
    lines += [f"**Score: {result.score:g} / {result.max_score:g}**", "", "| question | points | result |", "|---|---|---|"]
    lines += [f"| {gid} | {q.points:g} / {q.max_points:g} | {q.status} |" for gid, q in result.questions.items()]
    for gid, q in result.questions.items():
        if q.message:
            lines += ["", f"## {gid}", "", q.message]
        if q.inputs:
            lines += ["", "The inputs of that check:", "", "```", q.inputs, "```"]
    if result.notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in result.notes]
    lines += ["", "Public checks are the ones in your notebook; hidden checks use other inputs, so a function "
                  "that only reproduces the public example does not pass them."]
    return "\n".join(lines) + "\n"


def write_outputs(results: list[SubmissionResult], out: Path) -> None:
    """gradebook.csv (a row per student), records/*.json and feedback/*.md (one per submission)."""
    (out / "records").mkdir(parents=True, exist_ok=True)
    (out / "feedback").mkdir(parents=True, exist_ok=True)
    for result in results:
        stem = _safe(f"{result.student}__{Path(result.file).stem}")
        (out / "records" / f"{stem}.json").write_text(json.dumps(asdict(result), indent=1) + "\n")
        (out / "feedback" / f"{stem}.md").write_text(feedback_markdown(result))
    questions = list(dict.fromkeys(gid for r in results for gid in r.questions))
    students: dict[str, dict] = {}
    for result in sorted(results, key=lambda r: (r.student, r.file)):
        row = students.setdefault(result.student, {"student": result.student, "score": 0.0, "max_score": 0.0,
                                                   "files": [], "problems": []})
        row["files"].append(Path(result.file).name)
        row["score"] += result.score
        row["max_score"] += result.max_score
        for gid, q in result.questions.items():
            row[gid] = f"{q.points:g}"
        if result.error:
            row["problems"].append(f"{Path(result.file).name}: {result.error}")
    with open(out / "gradebook.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, ["student", "score", "max_score", *questions, "files", "problems"])
        writer.writeheader()
        for row in students.values():
            writer.writerow({**row, "score": f"{row['score']:g}", "max_score": f"{row['max_score']:g}",
                             "files": "; ".join(row["files"]), "problems": "; ".join(row["problems"])})


def grade_all(paths: list[Path], options: GradeOptions, out: Path, workers: int = 1, progress: bool = True):
    """Grade every submission found under paths; returns (results, skipped notes)."""
    from tqdm.auto import tqdm

    submissions, skipped = find_submissions(paths)
    results = []
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(grade_submission, path, options, root): path for path, root in submissions}
        for future in tqdm(as_completed(futures), total=len(futures), desc="grading", unit="notebook",
                           disable=not progress):
            try:
                results.append(future.result())
            except Exception as error:  # a worker that died still gets its row
                results.append(SubmissionResult(student=futures[future].stem, file=str(futures[future]),
                                                error=f"grading failed: {type(error).__name__}: {error}"))
    results.sort(key=lambda r: (r.student, r.file))
    write_outputs(results, Path(out))
    return results, skipped
