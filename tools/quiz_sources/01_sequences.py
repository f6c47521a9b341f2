"""Generate coursekit/checks/sequences.py: seal the quiz answers (clear answers live only here)."""
import itertools
import textwrap

from coursekit.quiz import seal_question

NOTEBOOK = "01_sequences.ipynb"


def combos(letters):
    for k in range(1, len(letters) + 1):
        yield from itertools.combinations(letters, k)


def multiple_feedback(letters, right, wrong_pick, missed):
    """Feedback for every wrong combination: one sentence per wrongly picked or missed option."""
    out = {}
    for combo in combos(letters):
        if set(combo) == set(right):
            continue
        parts = [wrong_pick[c] for c in combo if c in wrong_pick]
        parts += [missed[c] for c in right if c not in combo]
        out[combo] = " ".join(parts)
    return out


Q = []
Q.append(dict(
    grade_id="iid_examples", kind="multiple", salt="5b8e21c4f0a97d36",
    prompt=("A set of sentences is used to train a classifier of grammatical / ungrammatical sentences, and a set "
            "of videos a classifier of violent / non-violent videos. Which of these are IID? Choose every one that is."),
    options={"a": "the words within each sentence", "b": "the sentences of the training set",
             "c": "the frames within each video", "d": "the videos of the training set"},
    right=["b", "d"],
    explanation=("The examples (sentences, videos) are drawn independently from the same source, so they are IID; "
                 "the entities inside one example (words, frames) depend on each other and on their order."),
    wrong=multiple_feedback("abcd", ["b", "d"],
        wrong_pick={"a": "The words of a sentence are not IID: each word depends on the words around it, and moving "
                         "one can change the meaning ('not good' against 'good').",
                    "c": "The frames of a video are not IID: each frame is almost the one before it, and their "
                         "order is what happens in the video."},
        missed={"b": "The sentences themselves are IID: each one is an independent draw, and one sentence tells you "
                     "nothing about the next one in the training set.",
                "d": "The videos themselves are IID: each clip is one independent example of the task."}),
))
Q.append(dict(
    grade_id="what_changes_the_weights", kind="choice", salt="c9d04e7a13b6f285",
    prompt=("Model A, a recurrent network, is trained on one batch of 50 sequences by full-batch gradient descent: "
            "each step uses the gradient summed over all 50 sequences. Model B has the same architecture, the same "
            "initial weights and the same training, except for one change. Which change gives B different weights?"),
    options={"a": "shuffling the order of the entities within each sequence",
             "b": "shuffling the order of the 50 sequences in the batch",
             "c": "both changes", "d": "neither change"},
    right="a",
    explanation=("Shuffling inside a sequence makes new sequences, which the network reads step by step into other "
                 "states and gradients. The batch gradient is a sum over sequences, and a sum does not depend on the "
                 "order of its terms (up to rounding): the sequences are IID."),
    wrong={"b": "The gradient of the batch is a sum over its 50 sequences, and a sum is the same in any order. "
                "The sequences are IID examples: their order carries no information.",
           "c": "Only one of the two matters. Reordering the sequences leaves the summed gradient unchanged; "
                "reordering the entities inside a sequence does not.",
           "d": "A recurrent network reads a sequence one entity at a time, so its states and gradients depend on "
                "the order of the entities: a shuffled sequence is a different input."},
))
Q.append(dict(
    grade_id="bag_of_words_blind_spot", kind="choice", salt="0e7f6a92b4c1d358",
    prompt=("A bag-of-words model sees only how often each word occurs in a sentence. It is given 'it was not good "
            "but bad' (negative) and 'it was not bad but good' (positive). What can it do?"),
    options={"a": "label them differently, because 'not' stands before a different adjective in each",
             "b": "nothing to tell them apart: both give it the same input, so it gives both the same output",
             "c": "get both right once it has seen enough training sentences",
             "d": "label them differently if it has a hidden layer"},
    right="b",
    explanation=("Both sentences hold the same words once each, so their counts are equal and any model of the "
                 "counts gives one answer for both; at least one of the two is always wrong."),
    wrong={"a": "Which adjective 'not' stands before is a fact about order, and counting words throws order away: "
                "both sentences become the same counts.",
           "c": "More data cannot help: the two sentences are the same input for this model but have opposite "
                "labels, so it is wrong on one of them whatever it learns.",
           "d": "A hidden layer lets the model combine words (it can learn that 'not' with 'good' is negative), but "
                "its input is still the same counts for both sentences, so its output is the same."},
))
Q.append(dict(
    grade_id="where_order_matters", kind="multiple", salt="7a35c1e08d9f42b6",
    prompt=("In which of these does the order of the elements carry information, so that shuffling them loses "
            "something? Choose every one."),
    options={"a": "the monthly closing prices of the S&P 500, 1990 to 2022",
             "b": "the rows of an image of a digit, read from top to bottom",
             "c": "the order of 1,000 independent customer reviews in a training set",
             "d": "the notes of a melody"},
    right=["a", "b", "d"],
    explanation=("A time series, an image read row by row and a melody are sequences: each element depends on the "
                 "ones before it. Independent reviews are IID examples, and shuffling them loses nothing (training "
                 "reshuffles them every epoch)."),
    wrong=multiple_feedback("abcd", ["a", "b", "d"],
        wrong_pick={"c": "Independent reviews are IID examples: shuffling them loses nothing, which is why training "
                         "shuffles the examples every epoch. The order of the words inside each review is what "
                         "matters."},
        missed={"a": "A price moves little from one month to the next, so each month depends on the one before; "
                     "shuffled, the series loses its trend and its crashes.",
                "b": "Read row by row, an image is a sequence: the rows above tell what the next row probably holds, "
                     "and swapping rows changes the picture.",
                "d": "A melody is its notes in order: the same notes in another order are another tune."}),
))


def hexwrap(value, indent):
    parts = textwrap.wrap(value, 100)
    if len(parts) == 1:
        return f'"{value}"'
    return ("\n" + " " * indent).join(f'"{p}"' for p in parts)


lines = ['"""Questions of exercises/01_sequences.ipynb: IID data against sequential data (quiz only).',
         '',
         'The answers and the feedback are sealed (coursekit.quiz.seal_question): a digest of the right',
         'answer, and each wrong answer\'s words readable only with that answer. Every wrong option, and for',
         'the multiple-select questions every wrong combination, has its own feedback.',
         '"""', 'from __future__ import annotations', '', 'from ..quiz import QuizQuestion', '',
         'NOTEBOOK = "01_sequences.ipynb"', '', 'QUESTIONS = {']
for q in Q:
    options = tuple(q["options"])
    sealed = seal_question(q["salt"], q["kind"], q["right"], q["explanation"], q["wrong"], options=options)
    lines.append(f'    "{q["grade_id"]}": QuizQuestion(')
    lines.append(f'        grade_id="{q["grade_id"]}", notebook=NOTEBOOK, kind="{q["kind"]}", points=1,')
    prompt = textwrap.wrap(q["prompt"], 96)
    lines.append("        prompt=(" + "\n                ".join(repr(p + (" " if i < len(prompt) - 1 else ""))
                                                           for i, p in enumerate(prompt)) + "),")
    lines.append("        options={" + ",\n                 ".join(f'"{k}": {v!r}' for k, v in q["options"].items()) + "},")
    lines.append(f'        salt="{q["salt"]}",')
    lines.append(f'        right="{sealed["right"]}",')
    lines.append("        explanation=" + hexwrap(sealed["explanation"], 20) + ",")
    lines.append("        feedback={")
    for key, value in sealed["feedback"].items():
        lines.append(f'            "{key}":')
        lines.append("                " + hexwrap(value, 16) + ",")
    lines.append("        },")
    lines.append("    ),")
lines.append("}")
open("/work/main/coursekit/checks/sequences.py", "w").write("\n".join(lines) + "\n")
