"""Questions of exercises/03_unfolding.ipynb: a recurrent layer unrolled over a whole sequence.

    rnn_layer_forward(x, h0, W_xh, W_hh, b) -> h

Shapes (batch-first, weights stored (out, in)): x (N, T, D), h0 (N, H), W_xh (H, D),
W_hh (H, H), b (H,), h (N, T, H) with h[:, t] the state after reading x[:, t].
Two quiz questions ask how many parameters such a layer has and whether that depends on T.
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, rnn_forward
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "03_unfolding.ipynb"


def _inputs(rng, N, T, D, H, scale=1.0) -> dict:
    # h0 is not zero, so a loop that ignores it gives different numbers.
    return {"x": rng.standard_normal((N, T, D)) * scale, "h0": np.tanh(rng.standard_normal((N, H))),
            "W_xh": rng.standard_normal((H, D)) * 0.5, "W_hh": rng.standard_normal((H, H)) * 0.5,
            "b": rng.standard_normal(H) * 0.1}


def rnn_layer_reference(x, h0, W_xh, W_hh, b):
    # coursekit's layer keeps torch's two bias vectors; with bias_hh = 0 their sum is b.
    h, _ = rnn_forward(x, h0, LayerParams(W_xh, W_hh, b, np.zeros_like(b)))
    return (h,)


def _unroll(step, x, h0) -> np.ndarray:
    """Apply step(x_t, h_prev) -> h_t over the time axis of x (N, T, D); returns (N, T, H)."""
    h, states = h0, []
    for t in range(x.shape[1]):
        h = step(x[:, t], h)
        states.append(h)
    return np.stack(states, axis=1)


def rnn_layer_slips(x, h0, W_xh, W_hh, b) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: h (the learner's output)}.

    Each hint says what the learner's code does, then what it needs. x (N, T, D), h0 (N, H) -> h (N, T, H).
    """
    def right(x_t, h):
        return np.tanh(x_t @ W_xh.T + h @ W_hh.T + b)

    N, T, H = x.shape[0], x.shape[1], h0.shape[1]
    h = _unroll(right, x, h0)
    return {
        "your loop never uses h0 (the first step starts from zeros); it needs to start from the given h0, "
        "h = h0 before the loop": _unroll(right, x, np.zeros_like(h0)),
        "each of your steps uses h0 as the previous state; step t needs h_{t-1}, the state the step before "
        "produced: keep the new h in the loop and use it at the next step":
            np.stack([right(x[:, t], h0) for t in range(T)], axis=1),
        "your states have no activation (each is the sum x_t @ W_xh.T + h_prev @ W_hh.T + b itself); they need "
        "tanh of that sum": _unroll(lambda x_t, h: x_t @ W_xh.T + h @ W_hh.T + b, x, h0),
        "your recurrent term is h_prev @ W_hh, without the transpose; with one sequence per row it needs "
        "h_prev @ W_hh.T": _unroll(lambda x_t, h: np.tanh(x_t @ W_xh.T + h @ W_hh + b), x, h0),
        "the bias b is missing from your sum; it needs + b inside the tanh":
            _unroll(lambda x_t, h: np.tanh(x_t @ W_xh.T + h @ W_hh.T), x, h0),
        "your h[:, t] is the state before reading x[:, t] (h[:, 0] is h0: you store h before updating it); "
        "h[:, t] needs the state after reading x[:, t], so store h after computing it":
            np.concatenate([h0[:, None], h[:, :-1]], axis=1),
        "your function returns only the last state, shape (N, H); it needs every state, h of shape (N, T, H) "
        "(the last one is h[:, -1])": h[:, -1],
        "your states are stacked along axis 0 (np.stack(states) or np.array(states)), time-major (T, N, H); "
        "the code is batch-first: stack them along axis 1, np.stack(states, axis=1)": h.transpose(1, 0, 2),
        # reshape keeps the order of the numbers, so the rows of (T, N, H) read as (N, T, H) mix sequences and steps
        "your states are stacked time-major (T, N, H) and then reshaped to (N, T, H), which mixes sequences and "
        "steps (reshape keeps the order of the numbers); stack them along axis 1, np.stack(states, axis=1)":
            h.transpose(1, 0, 2).reshape(N, T, H),
        "your states are stacked along the last axis, shape (N, H, T); stack them along axis 1, "
        "np.stack(states, axis=1)": h.transpose(0, 2, 1),
    }


def _sizes_case(label, seed, N, T, D, H, scale=1.0) -> Case:
    return Case(f"{label} (N={N}, T={T}, D={D}, H={H})", _inputs(np.random.default_rng(seed), N, T, D, H, scale))


QUESTIONS = {
    "rnn_layer_forward": FunctionQuestion(
        grade_id="rnn_layer_forward", notebook=NOTEBOOK, function="rnn_layer_forward",
        outputs={"h": ("sequence", "time step", "hidden unit")}, reference=rnn_layer_reference,
        public_cases=lambda: [
            _sizes_case("the example from the notebook", 3, 2, 5, 3, 4),
            # the hidden cases have large inputs too (tanh near saturation): the public check shows them
            _sizes_case("an example with large inputs", 4, 3, 6, 5, 2, scale=3.0),
        ],
        hidden_cases=lambda seed: [
            _sizes_case("a hidden case with one step of one sequence", seed, 1, 1, 2, 3),
            _sizes_case("a hidden case", seed + 1, 3, 7, 2, 5),
            _sizes_case("a hidden case with large inputs", seed + 2, 4, 6, 5, 2, scale=3.0),
        ],
        points=3, slips=rnn_layer_slips,
    ),
    "rnn_parameter_count": QuizQuestion(
        grade_id="rnn_parameter_count", notebook=NOTEBOOK, kind="number", points=1,
        prompt="A tanh recurrent layer with D = 4 inputs, H = 16 hidden units and one bias vector b "
               "(parameters W_xh, W_hh, b) reads sequences of T = 10 steps. How many trainable parameters "
               "does it have?",
        salt="5b2e8f0c7a9d4163",
        right="94d89c914cbb9793fb2913e3f2bc0c03cc9d1cec3cab9db5843d8698840786e2",
        explanation="ff1161afc3be2a657df43e332a901c021187eb42f1ee2867a8e7ec6da36e66a182e8cf0ace7d50"
                    "ea4ecec97697a23932849bd16edf8375e660df688d288f95c603c2c09287953de48c5ec5fdeddf"
                    "d2a79f5f9b8b4df80d31e09315ce0f13d9c49546b568750dcb8e8a660590b8feaa1222f5a3baa9"
                    "82e7910ebee5a7e76913a252f3b43e84c3",
        feedback={
            "ec5be84c171a3bced9599f148fb02db46960bd8322e0d5b97e94cb3e8298d8b4":
                "32cf4409a1af70bf7264f83972bd1c0022904db91d05f99d153886d475537ed2794b97f0f5d3eb4c18"
                "6ff14447ebb82a1c8c2cb5cab1734ce9621ef7ea48909593b5eab03e2689ba8094121f45692dbc4fd4"
                "413e88ff3384c301b1a70ae3d3760f0490bbbd3bccef1e776f627b418165514c1bce6e751bc9677697"
                "05e3d42250eeb125",
            "ff6596c7c4a4f6c2f4fe644758d7513b419d60e180baf4efe5d7896a0875ba69":
                "38ddb192252807dd5d4057a29243285de67a8d64f38581ee9a148448ca210bc982e9ef4e0b5cc8f141"
                "e0e26c84bdb94f69835eb629e3b824e29cfca48183bc347285cdfef00584d65803",
            "7e6380c25aa46e5633aac662548c048412225b31e72458180ce9cd9a85bf7e8a":
                "f04aec8a665e947707044178fb1abe8ad8976afcac7aa0204dcba31a12c39a65357fa45f457e1ca167"
                "304107d03f751edc000c680dddc42822bb9516de4c1e7c572896ddcbcacc4fd3f1924d62c244d3e0af"
                "8224dc9b6e43c0fe2b529eba8c",
            "ebaca915536d5ab87950482582a18af7cfdb7dee073049fddbcb376a667190f8":
                "482f27255a0687681557adf3e9fb781c0559a1df1cd4cbb8d441f25dce8074317c8c8d434d91f84a46"
                "6011e2ae41cbe99bade6df75bc000e845b622148ec45b070eeef33626eec80355aa2b482432bcb21b1"
                "853f",
            "2363407efc056efd4c25821868a9657735bd1c99c711ff3822332c4e1c8943b1":
                "bcd257e8942621e21954f2e4790b5045f1a37dacd6557b8d3127f71648b7bbc0290895e8eb916be476"
                "d2c6e0cd857d9aed93d627b1713822696a38e27160fa5ab8ef9f8ea62df0bdb1fd48d90fb75943",
            "b2f4219d26a4170b9c9b4566634a7635f3426dc47d9ada24b3a0569fe307a956":
                "c389bbd77880bdcd057dbfd675289908ba612321102a92c564eede62f2648b1368dcb82a072b7ca5c4"
                "aedfb90588d99e4f9bd8eafc2f42d807f01b3d1a5c4b547620cdbd30afd5c64c00f4db4927",
            "09f0b3154aeda0c75703eb5e3db1408935fcc4561048188c23e8f7a4d0f23d67":
                "d56b869ea711b2debdfbc6566473479844cfb233c58e4e920472985f726c3cb65da3427a0177454d17"
                "cfe2e93e2e0c63cb71a43d5f91ba4d9fd2bae75cfeeb697735ad579787ac152e8a8ee711a65ea2e9d1"
                "c92873312963b17926b2ee629d3b0b8a823618413b80745c4ccbc446cbf03aadffb5ce4caa",
        },
    ),
    "parameters_as_t_grows": QuizQuestion(
        grade_id="parameters_as_t_grows", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="The same recurrent layer (D = 4, H = 16) and a feed-forward network whose first layer has 16 "
               "units and reads the whole sequence flattened into one vector of T·D numbers. The sequences "
               "grow from T = 10 to T = 100 steps. What happens to the two parameter counts?",
        options={"a": "both counts stay the same",
                 "b": "the recurrent layer's count stays the same; the feed-forward network's grows about tenfold",
                 "c": "both counts grow about tenfold",
                 "d": "the recurrent layer's count grows; the feed-forward network's stays the same"},
        salt="e0a4c91b6d2f7358",
        right="0342dd1db67257442f0a1a3e3ee45b27255ab1f77b11104f9f5d06e41fdb9b29",
        explanation="259a2fec319bf328a98887f4c68050e2de228c9ba75a4502d7a8f5e702cf905ae632b9c04243e0"
                    "de67e1cfc83eece32bbb9af628abecb38b5123f93c4f79a1680eebddfda07eacbced371c4a7878"
                    "6a4ec6729157a9760c7518e3c4a3b817e6c6a2764528b167774daae4e1abed02edd0e960e7ceb3"
                    "5ee2380db9e84730580d174c2cfb33f3a07fe244435b04d75f455ef6f8d3902050d766e113c597"
                    "fca6499d32b81b97b88bfaeadb86ff2d6a8424fb85e290d49a0fa7d66f4cc9664e6746d5e8d1ab"
                    "739c9c5fe2ee3aaa111e85ba2644",
        feedback={
            "c86a17c42c14e998876214ca06910b87448ceb85573df25050db44a2061c877d":
                "6106fb3ff1e6ace251c67ac010848b6fb745096f3ac67bde1221d0041f9de02e9c9dc26731dcaadbea"
                "7b51de4e8ce8b273d6bfb942c6d309c0a596952fec3daae2470f8cbee30ea273b71a21f3a0853416db"
                "745fd5759e5c85338bd8e51389aa30cb34789c4932547c11ab46119e54fe613eaa177e1a8fcfb62586"
                "da6ab5a593880e0e6ec7e9c288a17a7b162ddde7424975f28a5b77bbe1dcc15f0d86c50b2221c37486"
                "29bcb2e127c0e18a672f8fbaf4a4ba55b8a8a9593e56446e3cc328e5ebe5d84d",
            "38dfb7442a0f331841af85887e6e8a71001b1d102a9e8ba534e11920adcb2458":
                "ef3bf01c5a23e3616c3ff87757f54abdb51e4c7baaeb7c3f5d1e520e2bd998a345f1aa03b3c154d7d2"
                "32110e6a35665e8a3e729688dc9932b5f8d6c73f694e20566bbe5eefe020bb195db6a1affdb7dd56b9"
                "4724dcff5955f4a7fa90038c551739ba3b6875c58cef39246e8644565b42f35e54c88a329a348c3b95"
                "ac0c98a612c372ba640df40c4ba4fab3f527a853f2d2b27ecf8b85c72723d581ff440075a6d9724f71"
                "751d9f50ba0b36",
            "184fce73477a66ad3b9d0a1a93107b43a75c9e8eeffa9685e292572550f5c0d9":
                "303305356e5679036def106ba1c2cd1b10fd267c3fa9efe52c63dd352fe2d091cad5402739250c761b"
                "ffc6fec34989e207e057361b7b3e425039c5ed4142bd137c6b46d1111db59a293ac7b938bbe3096c71"
                "15d6de0654c1cb466f206c62dd427d4d52cf282954b8a5711234e6961ee09759cf2d088021e21f730c"
                "76c334c7b449b1174769fdc2cc17315e6d125eabea1eb1a6f391e7f776d3053f29cc9b3bc8957f4877"
                "8153781a6a0ea7",
        },
    ),
}
