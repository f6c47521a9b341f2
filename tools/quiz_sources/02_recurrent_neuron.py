"""Clear source of the quiz fields in coursekit/checks/recurrent_neuron.py (prints them to paste)."""
import pprint

from coursekit.quiz import seal_question

pprint.pprint(seal_question(
    "7f3c9a1e52b04d6e", "choice", "b",
    "The hidden state is a richer summary than the output; output-to-hidden is cheaper and trains in parallel "
    "with teacher forcing.",
    {"a": "the output y_{t-1} is only O numbers, squeezed for the task; it holds less of the past than the H "
          "hidden units do.",
     "c": "they differ in what is fed back: y_{t-1} (O numbers) or h_{t-1} (H numbers)."},
    options=("a", "b", "c")), width=130)
pprint.pprint(seal_question(
    "c41d0b7a9e2f6853", "shape", (4, 2),
    "(H, D) = (4, 2): one row per hidden unit, one column per input feature.",
    {(2, 4): "that is the transpose: weights are stored (out_features, in_features), so W_xh maps D=2 inputs "
             "to H=4 units.",
     (4, 4): "W_xh multiplies the input x_t, which has D=2 features, not the hidden state.",
     (2,): "W_xh is a matrix: one row per hidden unit and one column per input feature."}), width=130)
