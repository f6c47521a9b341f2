from coursekit.quiz import seal_question
q1 = seal_question("9b2e4d71c0a85f36", "choice", "b",
    "With z = 1 the step keeps h_{t-1} and ignores the candidate n, so the state is copied unchanged. "
    "A unit whose update gate stays near 1 carries its value across many steps, and the gradient with it.",
    {"a": "That is z = 0: h_t = (1 - z) * n + z * h_{t-1}, so z = 0 keeps only the candidate n.",
     "c": "Nothing in the update sets the state to zero: h_t is a mix of n and h_{t-1}, weighted by 1 - z and z.",
     "d": "The reset gate r acts only inside the candidate n; with z = 1 the candidate has weight 1 - z = 0."},
    options=("a", "b", "c", "d"))
q2 = seal_question("5d80f1a3e6c2b947", "number", 15360,
    "Three blocks (r, z, n), each with W_i (64 x 14), W_h (64 x 64) and two biases of 64: "
    "3 * (896 + 4096 + 128) = 15360.",
    {20480: "That is an LSTM's count: four blocks. A GRU has three (r, z, n).",
     5120: "That is one block, a vanilla RNN's count. A GRU has three blocks (r, z, n).",
     15168: "PyTorch keeps two biases per block, b_i and b_h (b_hn must stay separate, inside the reset): add 3 * 64 more.",
     14976: "Count the biases: every block has b_i and b_h, 2 * 64 numbers, so 3 * 128 in all.",
     16384: "The input weights are 64 x 14 per block (D = 14 pixels per row), not 64 x 64."})

def chunks(s, width=96):
    return [s[i:i + width] for i in range(0, len(s), width)]

def render(q, indent="        "):
    lines = [f'{indent}right="{q["right"]}",']
    parts = chunks(q["explanation"])
    lines.append(f'{indent}explanation="' + parts[0] + '"')
    lines += [f'{indent}            "{p}"' for p in parts[1:]]
    lines[-1] += ","
    lines.append(f"{indent}feedback={{")
    for key, sealed in q["feedback"].items():
        lines.append(f'{indent}    "{key}":')
        parts = chunks(sealed)
        lines += [f'{indent}        "{p}"' for p in parts]
        lines[-1] += ","
    lines.append(f"{indent}}},")
    return "\n".join(lines)

text = open(__import__("os").path.join(__import__("os").path.dirname(__file__), "09_gru_template.py")).read()
text = text.replace("        **Q1,\n", render(q1) + "\n").replace("        **Q2,\n", render(q2) + "\n")
text = text.replace('salt="9b2e4d71c0a85f36", ', 'salt="9b2e4d71c0a85f36",\n        ').replace('salt="5d80f1a3e6c2b947", ', 'salt="5d80f1a3e6c2b947",\n        ')
open("coursekit/checks/gru.py", "w").write(text)
