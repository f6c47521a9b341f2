"""Graded quiz questions of exercises/02_recurrent_neuron.ipynb (recurrent forms, W_xh's shape),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "02_recurrent_neuron.ipynb"
QUESTIONS = [
    Question(
        "which_form_remembers_more",
        "choice",
        "Which recurrent form carries more information about the past from one step to the next?",
        "b",
        "The hidden state is a richer summary than the output; output-to-hidden is cheaper and trains in "
        "parallel "
        "with teacher forcing.",
        {
            "a": "the output y_{t-1} is only O numbers, squeezed for the task; it holds less of the past "
            "than the H "
            "hidden units do.",
            "c": "they differ in what is fed back: y_{t-1} (O numbers) or h_{t-1} (H numbers).",
        },
        options={
            "a": "output-to-hidden (the neuron is fed its previous output y_{t-1})",
            "b": "hidden-to-hidden (the neuron is fed its previous hidden state h_{t-1})",
            "c": "both carry the same",
        },
        salt="7f3c9a1e52b04d6e",
    ),
    Question(
        "shape_of_w_xh",
        "shape",
        "In the example (D=2 input features, H=4 hidden units), what is the shape of W_xh?",
        (4, 2),
        "(H, D) = (4, 2): one row per hidden unit, one column per input feature.",
        {
            (
                2,
                4,
            ): "that is the transpose: weights are stored (out_features, in_features), so W_xh maps D=2 "
            "inputs "
            "to H=4 units.",
            (4, 4): "W_xh multiplies the input x_t, which has D=2 features, not the hidden state.",
            (2,): "W_xh is a matrix: one row per hidden unit and one column per input feature.",
        },
        salt="c41d0b7a9e2f6853",
    ),
]
