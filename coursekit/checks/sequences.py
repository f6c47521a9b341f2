"""Questions of exercises/01_sequences.ipynb: IID data against sequential data (quiz only).

The questions are sealed data (coursekit/checks/sealed/exercises/01_sequences.json, built by
tools/quiz_sources/build.py from tools/quiz_sources/01_sequences.py): a digest of the right answer,
and each wrong answer's words readable only with that answer. Every wrong option, and for the
multiple-select questions every wrong combination, has its own feedback.
"""

from __future__ import annotations

from .registry import sealed_questions

NOTEBOOK = "01_sequences.ipynb"
QUIZ = sealed_questions(NOTEBOOK)  # the quiz questions, sealed (tools/quiz_sources builds them)

QUESTIONS = {
    "iid_examples": QUIZ["iid_examples"],
    "what_changes_the_weights": QUIZ["what_changes_the_weights"],
    "bag_of_words_blind_spot": QUIZ["bag_of_words_blind_spot"],
    "where_order_matters": QUIZ["where_order_matters"],
}
