"""The exercises' question banks: one module per exercise notebook (cases, references, hints).

The learner's API lives in coursekit.learner (its state in one object, coursekit.learner.SESSION) and
is re-exported here, since every notebook imports it this way:

    from coursekit.checks import check, answer, quiz, progress, check_yourself

The names are looked up in coursekit.learner when first asked for (a module __getattr__, PEP 562):
coursekit.learner imports the banks' building blocks from this package, so it cannot be imported
from here first.
"""

from __future__ import annotations

import importlib

__all__ = [
    "answer",
    "check",
    "check_hidden",
    "check_yourself",
    "progress",
    "quiz",
    "quiz_widget",
    "require_right",
]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("coursekit.learner"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
