import sys; sys.path.insert(0, "/work/main")
from coursekit.quiz import seal_question

def fmt(d):
    return repr(d)

q1 = seal_question("5b8e0c2f71a94d36", "choice", "b",
    "A live next-word predictor must answer at step t before step t+1 exists, so there is no future "
    "for a backward direction to read. Tagging a finished sentence or classifying a whole review can read both ways.",
    {"a": "A finished sentence is all there before tagging starts, so the backward direction can read it from "
          "the end: tagging is the classic use of bidirectional RNNs.",
     "c": "The whole review is available before the label is needed, so reading it both ways is possible "
          "(and often helps)."}, options=("a", "b", "c"))
q2 = seal_question("e2a7d40b96c31f58", "shape", (4, 7, 10),
    "(N, T, 2H) = (4, 7, 10): the top layer's forward and backward outputs, each of H=5 features, "
    "side by side at every step. The number of layers changes h_n, (2*2, N, H) = (4, 4, 5), not the output.",
    {(4, 7, 5): "That is one direction's output; a bidirectional layer concatenates both, so the feature axis is 2H.",
     (4, 7, 20): "Only the top layer's output is returned: the layers are stacked, not concatenated. "
                 "The feature axis is 2H, whatever the number of layers.",
     (7, 4, 10): "With batch_first=True the batch axis comes first: (N, T, 2H).",
     (4, 4, 5): "That is the shape of h_n (num_layers * 2, N, H); the question asks for the output."})
print("Q1 =", fmt(q1)); print("Q2 =", fmt(q2))
