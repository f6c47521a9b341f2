"""Graded quiz questions of exercises/09_gru.ipynb (the update gate, a GRU's parameter count),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "09_gru.ipynb"
QUESTIONS = [
    Question(
        "update_gate_one",
        "choice",
        "In PyTorch's GRU, h_t = (1 - z) * n + z * h_{t-1}. What is h_t for a unit whose update gate z is 1?",
        "b",
        "With z = 1 the step keeps h_{t-1} and ignores the candidate n, so the state is copied unchanged. "
        "A unit whose update gate stays near 1 carries its value across many steps, and the gradient with "
        "it.",
        {
            "a": "That is z = 0: h_t = (1 - z) * n + z * h_{t-1}, so z = 0 keeps only the candidate n.",
            "c": (
                "Nothing in the update sets the state to zero: h_t is a mix of n and h_{t-1}, weighted by 1 "
                "- z and z."
            ),
            "d": "The reset gate r acts only inside the candidate n; with z = 1 the candidate has weight 1 - "
            "z = 0.",
        },
        options={
            "a": "the candidate n",
            "b": "h_{t-1}: the state is copied unchanged",
            "c": "zero",
            "d": "r * h_{t-1}",
        },
        salt="9b2e4d71c0a85f36",
    ),
    Question(
        "gru_parameter_count",
        "number",
        "How many parameters does torch.nn.GRU(input_size=14, hidden_size=64) have?",
        15360,
        "Three blocks (r, z, n), each with W_i (64 x 14), W_h (64 x 64) and two biases of 64: "
        "3 * (896 + 4096 + 128) = 15360.",
        {
            20480: "That is an LSTM's count: four blocks. A GRU has three (r, z, n).",
            5120: "That is one block, a vanilla RNN's count. A GRU has three blocks (r, z, n).",
            15168: "PyTorch keeps two biases per block, b_i and b_h (b_hn must stay separate, inside the "
            "reset): "
            "add 3 * 64 more.",
            14976: "Count the biases: every block has b_i and b_h, 2 * 64 numbers, so 3 * 128 in all.",
            16384: "The input weights are 64 x 14 per block (D = 14 pixels per row), not 64 x 64.",
        },
        salt="5d80f1a3e6c2b947",
    ),
]
