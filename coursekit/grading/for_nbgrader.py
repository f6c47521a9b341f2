"""For instructors who use nbgrader: its generate_assignment, with quiz answers released as coursekit does.

nbgrader's ClearSolutions replaces every `### BEGIN SOLUTION` / `### END SOLUTION` region with
`# YOUR CODE HERE` + `raise NotImplementedError()`, so a quiz answer cell would lose the
`answer("id", ...)` line that the learner completes. ClearQuizAnswers leaves nbgrader's stub
everywhere else and gives a region that holds only answer("id", value) calls the line that
`coursekit release` writes: `answer("id", ...)  # replace ... with your answer`.

The course's nbgrader_config.py (tools/nbgrader_config.py) puts it in place of ClearSolutions:

    from coursekit.grading.for_nbgrader import generate_assignment_preprocessors
    c.GenerateAssignment.preprocessors = generate_assignment_preprocessors()

This module imports nbgrader; nothing else in coursekit does.
"""

from __future__ import annotations

from nbgrader import utils
from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from .cells import _ANSWER_CALL, BEGIN_SOLUTION, END_SOLUTION, _regions, strip_solutions


def _only_answers(source: str) -> bool:
    lines = source.split("\n")
    regions = list(_regions(lines, BEGIN_SOLUTION, END_SOLUTION, "cell"))
    bodies = [[line for line in lines[start + 1 : stop] if line.strip()] for start, stop in regions]
    return bool(regions) and all(body and all(_ANSWER_CALL.match(line) for line in body) for body in bodies)


class ClearQuizAnswers(ClearSolutions):
    """nbgrader's ClearSolutions, except that a quiz answer becomes answer("id", ...)."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code" and utils.is_solution(cell) and _only_answers(cell.source):
            cell.source = strip_solutions(cell.source, f"cell {cell_index}")
            return cell, resources
        return super().preprocess_cell(cell, resources, cell_index)


def generate_assignment_preprocessors() -> list:
    """nbgrader's generate_assignment steps, with ClearQuizAnswers in place of ClearSolutions."""
    default = GenerateAssignment.class_traits()["preprocessors"].default()
    return [ClearQuizAnswers if step is ClearSolutions else step for step in default]
