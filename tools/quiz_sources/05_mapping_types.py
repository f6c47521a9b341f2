"""Graded quiz question of exercises/05_mapping_types.ipynb (which mapping type answers a question),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

# Sealed at first without a kept source: the right answer and all the words were recovered by unsealing it.
NOTEBOOK = "05_mapping_types.ipynb"
QUESTIONS = [
    Question(
        "question_answering_mapping",
        "choice",
        'A system reads a question ("When did the country gain independence?") and answers with a sentence of '
        "its own. Which mapping type suits it?",
        "c",
        "The encoder reads the whole question into a context vector; the decoder writes an answer of its own "
        "length from it.",
        {
            "a": "Many-to-one gives one output (a class, a score) after the last word; an answer is a whole "
            "sentence.",
            "b": "Equal lengths means one answer word per question word, aligned step by step; an answer's "
            "length and "
            "word order have nothing to do with the question's.",
            "d": "The input is a question, a sequence of words, not a single item; one-to-many would have to "
            "squeeze "
            "it into one input first.",
        },
        options={
            "a": "many-to-one",
            "b": "many-to-many with equal lengths (one output for every input word)",
            "c": "encoder-decoder (many-to-many with unequal lengths)",
            "d": "one-to-many",
        },
        salt="7030ae6392dd36d9",
    ),
]
