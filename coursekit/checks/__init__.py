"""The exercises' question banks: one module per exercise notebook (cases, references, hints).

The learner's API lives in coursekit.learner and is re-exported here, since every notebook
imports it this way:

    from coursekit.checks import check, answer, quiz, progress, check_yourself

The names are looked up in coursekit.learner when first asked for (coursekit.learner itself
imports the banks' building blocks from this package, so it cannot be imported from here first).
"""
from __future__ import annotations

import importlib
import sys
import types

__all__ = ["answer", "check", "check_hidden", "check_yourself", "progress", "quiz", "quiz_widget"]


def _learner():
    return importlib.import_module("coursekit.learner")


class _Checks(types.ModuleType):
    """This package, with the learner's API re-exported, and `_status` and `_answers` the session's
    records (tests written before coursekit.learner replace them to start afresh)."""

    def __getattr__(self, name):
        if name in __all__:
            return getattr(_learner(), name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(__all__))

    @property
    def _status(self):
        return _learner().SESSION.status

    @_status.setter
    def _status(self, value):
        session = _learner().SESSION
        session.reset(status=value, answers=session.answers)

    @property
    def _answers(self):
        return _learner().SESSION.answers

    @_answers.setter
    def _answers(self, value):
        _learner().SESSION.answers = value


sys.modules[__name__].__class__ = _Checks
