"""Graded quiz questions of exercises/01_sequences.ipynb (IID against sequential data),
clear text; tools/quiz_sources/build.py seals it."""

import itertools

from question import Question

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


QUESTIONS = [
    Question(
        "iid_examples",
        "multiple",
        "A set of sentences is used to train a classifier of grammatical / ungrammatical sentences, and a "
        "set "
        "of videos a classifier of violent / non-violent videos. Which of these are IID? Choose every one "
        "that is.",
        ["b", "d"],
        "The examples (sentences, videos) are drawn independently from the same source, so they are IID; "
        "the entities inside one example (words, frames) depend on each other and on their order.",
        multiple_feedback(
            "abcd",
            ["b", "d"],
            wrong_pick={
                "a": "The words of a sentence are not IID: each word depends on the words around it, and "
                "moving one can change the meaning ('not good' against 'good').",
                "c": "The frames of a video are not IID: each frame is almost the one before it, and their "
                "order is what happens in the video.",
            },
            missed={
                "b": "The sentences themselves are IID: each one is an independent draw, and one sentence "
                "tells "
                "you nothing about the next one in the training set.",
                "d": "The videos themselves are IID: each clip is one independent example of the task.",
            },
        ),
        options={
            "a": "the words within each sentence",
            "b": "the sentences of the training set",
            "c": "the frames within each video",
            "d": "the videos of the training set",
        },
        salt="5b8e21c4f0a97d36",
    ),
    Question(
        "what_changes_the_weights",
        "choice",
        "Model A, a recurrent network, is trained on one batch of 50 sequences by full-batch gradient "
        "descent: "
        "each step uses the gradient summed over all 50 sequences. Model B has the same architecture, the "
        "same "
        "initial weights and the same training, except for one change. Which change gives B different "
        "weights?",
        "a",
        "Shuffling inside a sequence makes new sequences, which the network reads step by step into other "
        "states and gradients. The batch gradient is a sum over sequences, and a sum does not depend on the "
        "order of its terms (up to rounding): the sequences are IID.",
        {
            "b": "The gradient of the batch is a sum over its 50 sequences, and a sum is the same in any "
            "order. "
            "The sequences are IID examples: their order carries no information.",
            "c": "Only one of the two matters. Reordering the sequences leaves the summed gradient "
            "unchanged; "
            "reordering the entities inside a sequence does not.",
            "d": "A recurrent network reads a sequence one entity at a time, so its states and gradients "
            "depend on "
            "the order of the entities: a shuffled sequence is a different input.",
        },
        options={
            "a": "shuffling the order of the entities within each sequence",
            "b": "shuffling the order of the 50 sequences in the batch",
            "c": "both changes",
            "d": "neither change",
        },
        salt="c9d04e7a13b6f285",
    ),
    Question(
        "bag_of_words_blind_spot",
        "choice",
        "A bag-of-words model sees only how often each word occurs in a sentence. It is given 'it was not "
        "good "
        "but bad' (negative) and 'it was not bad but good' (positive). What can it do?",
        "b",
        "Both sentences hold the same words once each, so their counts are equal and any model of the "
        "counts gives one answer for both; at least one of the two is always wrong.",
        {
            "a": "Which adjective 'not' stands before is a fact about order, and counting words throws order "
            "away: "
            "both sentences become the same counts.",
            "c": "More data cannot help: the two sentences are the same input for this model but have "
            "opposite "
            "labels, so it is wrong on one of them whatever it learns.",
            "d": "A hidden layer lets the model combine words (it can learn that 'not' with 'good' is "
            "negative), but "
            "its input is still the same counts for both sentences, so its output is the same.",
        },
        options={
            "a": "label them differently, because 'not' stands before a different adjective in each",
            "b": "nothing to tell them apart: both give it the same input, so it gives both the same output",
            "c": "get both right once it has seen enough training sentences",
            "d": "label them differently if it has a hidden layer",
        },
        salt="0e7f6a92b4c1d358",
    ),
    Question(
        "where_order_matters",
        "multiple",
        "In which of these does the order of the elements carry information, so that shuffling them loses "
        "something? Choose every one.",
        ["a", "b", "d"],
        "A time series, an image read row by row and a melody are sequences: each element depends on the "
        "ones before it. Independent reviews are IID examples, and shuffling them loses nothing (training "
        "reshuffles them every epoch).",
        multiple_feedback(
            "abcd",
            ["a", "b", "d"],
            wrong_pick={
                "c": "Independent reviews are IID examples: shuffling them loses nothing, which is why "
                "training shuffles the examples every epoch. The order of the words inside each review "
                "is what matters."
            },
            missed={
                "a": "A price moves little from one month to the next, so each month depends on the one "
                "before; "
                "shuffled, the series loses its trend and its crashes.",
                "b": "Read row by row, an image is a sequence: the rows above tell what the next row "
                "probably "
                "holds, and swapping rows changes the picture.",
                "d": "A melody is its notes in order: the same notes in another order are another tune.",
            },
        ),
        options={
            "a": "the monthly closing prices of the S&P 500, 1990 to 2022",
            "b": "the rows of an image of a digit, read from top to bottom",
            "c": "the order of 1,000 independent customer reviews in a training set",
            "d": "the notes of a melody",
        },
        salt="7a35c1e08d9f42b6",
    ),
]
