"""The "Check yourself" questions at the end of the lessons: one module per lesson, never graded.

Each module defines LESSON (the lesson's file name) and QUESTIONS ({grade_id: QuizQuestion}, worth
0 points). The modules are written, answers sealed, by tools/quiz_sources/lessons/*.py from the clear
text kept there; edit the source and run it, never the module.
"""
