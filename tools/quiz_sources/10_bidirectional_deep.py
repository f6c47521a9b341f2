"""Graded quiz questions of exercises/10_bidirectional_deep.ipynb (where bidirectional fails, output shape),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "10_bidirectional_deep.ipynb"
QUESTIONS = [
    Question(
        "where_bidirectional_fails",
        "choice",
        "For which task can a bidirectional RNN NOT be used as it is?",
        "b",
        "A live next-word predictor must answer at step t before step t+1 exists, so there is no future "
        "for a backward direction to read. Tagging a finished sentence or classifying a whole review can "
        "read both "
        "ways.",
        {
            "a": "A finished sentence is all there before tagging starts, so the backward direction can read "
            "it from "
            "the end: tagging is the classic use of bidirectional RNNs.",
            "c": "The whole review is available before the label is needed, so reading it both ways is "
            "possible "
            "(and often helps).",
        },
        options={
            "a": "tagging every word of a finished sentence with its part of speech",
            "b": "suggesting the next word while the user is still typing",
            "c": "deciding whether a whole film review is positive or negative",
        },
        salt="5b8e0c2f71a94d36",
    ),
    Question(
        "bidirectional_output_shape",
        "shape",
        "torch.nn.GRU(3, 5, num_layers=2, bidirectional=True, batch_first=True) reads x of shape (4, 7, 3). "
        "What is the shape of its output?",
        (4, 7, 10),
        "(N, T, 2H) = (4, 7, 10): the top layer's forward and backward outputs, each of H=5 features, "
        "side by side at every step. The number of layers changes h_n, (2*2, N, H) = (4, 4, 5), not the "
        "output.",
        {
            (
                4,
                7,
                5,
            ): "That is one direction's output; a bidirectional layer concatenates both, so the feature axis "
            "is 2H.",
            (4, 7, 20): "Only the top layer's output is returned: the layers are stacked, not concatenated. "
            "The feature axis is 2H, whatever the number of layers.",
            (7, 4, 10): "With batch_first=True the batch axis comes first: (N, T, 2H).",
            (4, 4, 5): "That is the shape of h_n (num_layers * 2, N, H); the question asks for the output.",
        },
        salt="e2a7d40b96c31f58",
    ),
]
