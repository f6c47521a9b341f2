import sys; sys.path.insert(0, "/work/main")
from coursekit.quiz import seal_question

def fields(salt, kind, right, explanation, wrong, options=(), tolerance=0.0):
    s = seal_question(salt, kind, right, explanation, wrong, options=options, tolerance=tolerance)
    fb = ",\n".join(f"            {k!r}:\n                {v!r}" for k, v in s["feedback"].items())
    return (f"        salt={salt!r},\n        right={s['right']!r},\n"
            f"        explanation={s['explanation']!r},\n        feedback={{\n{fb},\n        }},")

Q1_OPTIONS = {"a": "the input gate i", "b": "the forget gate f", "c": "the output gate o",
              "d": "the candidate g"}
q1 = fields("5b1e0c93d7a24f86", "choice", "b",
            "Right: c_t = f * c_{t-1} + i * g, so f (between 0 and 1 per unit) scales what is kept of the old "
            "cell state. With f near 1 and i near 0 a unit holds its value unchanged for many steps.",
            {"a": "The input gate scales what is written (i * g), not what is kept of c_{t-1}.",
             "c": "The output gate decides how much of tanh(c_t) is shown in h_t; the cell state keeps its value.",
             "d": "g is the candidate content that may be written; it does not touch c_{t-1}."},
            options=tuple(Q1_OPTIONS))
q2 = fields("e83a4c1f90b2d765", "number", 0.35,
            "Right: nothing is written (i = 0), so c_t = f * c_{t-1} = 0.9 c_{t-1} at each step, and after 10 steps "
            "0.9^10 = 0.35 of the value is left. The gradient along the cell path shrinks by the same factor; "
            "a learnt f near 1 keeps both the value and its gradient for a long time.",
            {0.9: "That is what is left after one step; the forget gate multiplies again at each of the 10 steps.",
             0.1: "1 - f is what is lost in one step, not what is left after ten.",
             0.0: "The forget gate scales the cell state down, it does not erase it: f = 0.9 keeps 90% a step.",
             1.0: "Only f = 1 keeps the value whole; here each step keeps 90% of it.",
             0.65: "That is what is lost, 1 - 0.9^10; the question asks what is left."}, tolerance=0.01)

template = open(__import__("os").path.join(__import__("os").path.dirname(__file__), "08_lstm_template.py")).read()
out = template.replace("@@Q1@@", q1).replace("@@Q2@@", q2)
open("/work/main/coursekit/checks/lstm.py", "w").write(out)
