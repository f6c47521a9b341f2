"""Questions of exercises/10_bidirectional_deep.ipynb: a bidirectional wrapper around a tanh RNN.

    bidirectional_forward(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b) -> (out, h_n)

Shapes (batch-first, weights stored (out, in)): x (N, T, D), h0_fwd and h0_bwd (N, H),
W_ih_* (H, D), W_hh_* (H, H), b_* (H,); out (N, T, 2H) = [forward, backward] on the feature
axis, h_n (2, N, H) = [forward final state, backward final state (after reading x_0)].
The reference is coursekit's RecurrentNetwork, which equals torch.nn.RNN(bidirectional=True)
with bias_ih = b and bias_hh = 0.
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, RecurrentNetwork
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "10_bidirectional_deep.ipynb"


def _inputs(rng, N, T, D, H) -> dict:
    def weight(*shape):
        return rng.standard_normal(shape) * 0.5

    return {"x": rng.standard_normal((N, T, D)), "h0_fwd": np.tanh(rng.standard_normal((N, H))),
            "h0_bwd": np.tanh(rng.standard_normal((N, H))),
            "W_ih_f": weight(H, D), "W_hh_f": weight(H, H), "b_f": rng.standard_normal(H) * 0.1,
            "W_ih_b": weight(H, D), "W_hh_b": weight(H, H), "b_b": rng.standard_normal(H) * 0.1}


def bidirectional_reference(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b):
    """(out (N, T, 2H), h_n (2, N, H)) from coursekit's bidirectional RecurrentNetwork."""
    layer = [LayerParams(W_ih_f, W_hh_f, b_f, np.zeros_like(b_f)), LayerParams(W_ih_b, W_hh_b, b_b, np.zeros_like(b_b))]
    net = RecurrentNetwork("RNN_TANH", [layer])
    out, h_n = net.forward(x, np.stack([h0_fwd, h0_bwd]))
    return out, h_n


def _run(x, h0, W_ih, W_hh, b):
    """A tanh RNN read left to right: (N, T, D) -> all states (N, T, H)."""
    h, states = h0, []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ W_ih.T + h @ W_hh.T + b)
        states.append(h)
    return np.stack(states, axis=1)


def bidirectional_slips(x, h0_fwd, h0_bwd, W_ih_f, W_hh_f, b_f, W_ih_b, W_hh_b, b_b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (out, h_n)}.

    Each hint says what the learner's code does, then what it needs. h_n is None where the slip is in out:
    then h_n says nothing more (a learner takes it from their own wrong states, at either end).
    """
    fwd = _run(x, h0_fwd, W_ih_f, W_hh_f, b_f)
    read = _run(x[:, ::-1], h0_bwd, W_ih_b, W_hh_b, b_b)  # in the order the backward direction reads
    bwd = read[:, ::-1]  # re-aligned: bwd[:, t] is the state after reading x_{T-1} .. x_t
    unreversed = _run(x, h0_bwd, W_ih_b, W_hh_b, b_b)  # the backward weights reading x_0 first

    right_out = np.concatenate([fwd, bwd], axis=2)

    def only_out(wrong):
        """(wrong out, None): a slip seen in out alone, whatever h_n the learner took from their states."""
        # With T = 1 (or N = 1) some slips give the right out; h_n None would then match any wrong h_n.
        same = wrong.shape == right_out.shape and np.allclose(wrong, right_out, rtol=1e-9, atol=1e-12)
        return None if same else (wrong, None)

    def out(backward):
        return only_out(np.concatenate([fwd, backward], axis=2))

    return {
        "your backward direction reads x in time order, x_0 first, and keeps that order: it is a second forward "
        "RNN; it needs to read the sequence from the end, rnn_forward(x[:, ::-1], ...), and then flip its "
        "outputs back with [:, ::-1]": out(unreversed),
        "your backward direction reads x in time order, x_0 first (only its outputs are flipped); it needs to "
        "read x[:, ::-1], from the last step, before its outputs are flipped back": out(unreversed[:, ::-1]),
        "your backward outputs are still in reading order (step t holds the state after reading x_{T-1} .. "
        "x_{T-1-t}); flip them back along time with [:, ::-1], so that step t holds the state after reading "
        "x_{T-1} .. x_t": out(read),
        "your out has the backward half first; it needs [forward, backward] on the last axis, "
        "np.concatenate([forward, backward], axis=2)": only_out(np.concatenate([bwd, fwd], axis=2)),
        "your backward direction runs with the forward weights W_ih_f, W_hh_f, b_f; it needs its own W_ih_b, "
        "W_hh_b and b_b": out(_run(x[:, ::-1], h0_bwd, W_ih_f, W_hh_f, b_f)[:, ::-1]),
        "your backward direction starts from h0_fwd; it needs to start from its own h0_bwd":
            out(_run(x[:, ::-1], h0_fwd, W_ih_b, W_hh_b, b_b)[:, ::-1]),
        "your code reverses x along axis 0, the batch (x[::-1] reverses the order of the sequences); the "
        "backward direction reads the time axis from the end, x[:, ::-1], and flips back with [:, ::-1]":
            out(_run(x[::-1], h0_bwd, W_ih_b, W_hh_b, b_b)[::-1]),
        "your out joins the two directions along axis 0, into 2N sequences (np.concatenate without axis=); "
        "join them on the feature axis, np.concatenate([forward, backward], axis=2)":
            only_out(np.concatenate([fwd, bwd])),
        "your h_n[1] is the backward state at the last time step, after reading only x_{T-1}; the backward "
        "direction's final state is the one after reading x_0, at step 0 once flipped back (backward[:, 0])":
            (right_out, np.stack([fwd[:, -1], bwd[:, -1]])),
        "your h_n has the backward final state first; it needs h_n[0] from the forward direction and h_n[1] "
        "from the backward one": (right_out, np.stack([bwd[:, 0], fwd[:, -1]])),
        "your h_n joins the two final states along axis 0, shape (2N, H) (np.concatenate); it needs them "
        "stacked on a new first axis, shape (2, N, H): np.stack([...])":
            (right_out, np.concatenate([fwd[:, -1], bwd[:, 0]])),
    }


QUESTIONS = {
    "bidirectional_forward": FunctionQuestion(
        grade_id="bidirectional_forward", notebook=NOTEBOOK, function="bidirectional_forward",
        outputs={"out": ("sequence", "time step", "feature"), "h_n": ("direction", "sequence", "hidden unit")},
        reference=bidirectional_reference,
        public_cases=lambda: [Case("the example from the notebook (N=2, T=4, D=3, H=5)",
                                   _inputs(np.random.default_rng(10), 2, 4, 3, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence of one step (N=1, T=1, D=2, H=3)",
                 _inputs(np.random.default_rng(seed + 10), 1, 1, 2, 3)),
            Case("a hidden case (N=4, T=7, D=2, H=6)", _inputs(np.random.default_rng(seed + 11), 4, 7, 2, 6)),
        ],
        points=3, slips=bidirectional_slips,
    ),
    "where_bidirectional_fails": QuizQuestion(
        grade_id="where_bidirectional_fails", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="For which task can a bidirectional RNN NOT be used as it is?",
        options={"a": "tagging every word of a finished sentence with its part of speech",
                 "b": "suggesting the next word while the user is still typing",
                 "c": "deciding whether a whole film review is positive or negative"},
        salt="5b8e0c2f71a94d36", right='a49fa202b4fea9a057da839bcbbe7746f69849cd0a463454514a147d10f58f03',
        explanation='244b41be89e83a2a896f992214a1e12c9ef603319caec618512de9ac713e5f2f064185bd2869571dc065216fc081c6f1'
                    '157b0b6c1eb037882e48ac6bc98e47640886321186cbc961fce32ec92d6d8ec32328542fdd11d9f808a84ac327e5fc8b'
                    '5b3b4fb25d7131f56d6b6919fa0ed2d7ec8652728ecf8a5a9d326955d2b80869cc5bcdb98f5f7f9a0be31b7c930e9c12'
                    '28f71f1f8c50ff77f18d9d11b98a1466634780ceb7917933ceae8b9114e9c29b2ec3d1147df02a0a3ef2bd2559f2eb3e'
                    '7ecd7af7cf9ac7ef606494f641f8',
        feedback={
            '1f24135c033ca7013ee115e2a3a6ec25dc88a37b6615571043a4b0f845547b81':
                '828c689b55ff5c8cba5158b80cdc6f93e1f3ec8a1505c213599bfe89cd3ab6cc39378c8aef18389278a94241e301276f'
                'a6c3d52a688345a6b2578ff87c3d821b31bc2a2641ec2bcadbbeb8ad37ad64734aca6c9b6e830184fc0afc98a77ff687'
                '178e802e4561aa7ec2715d96f0cbc2b8e495d9e8db12b2308c1b0bcbc8a6cf25d080252b8d38de2a92d84edbaac2971f'
                'c8fa7f0ee1e441d238c9b9e9e1',
            '54edd06c6a3bc5ab7561da800ce263d7e9492f687627b32c8d2ee9978e19fd20':
                '6370a9b8ec81c90b734e9b18f55caed39aaf0d394423595310185f5b39d850f0e250da49b71b6feb3bc6607683c08aa4'
                '062a1ef9b1c0ce63853264fe5b0146650ee57b152b56be1ff2996dcffe156b195aeb360932be82f0623f0d870be94fc9'
                '4168db005ac9a6a55d2cf9eea7ca1656',
        }),
    "bidirectional_output_shape": QuizQuestion(
        grade_id="bidirectional_output_shape", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="torch.nn.GRU(3, 5, num_layers=2, bidirectional=True, batch_first=True) reads x of shape (4, 7, 3). "
               "What is the shape of its output?",
        salt="e2a7d40b96c31f58", right='1e4986e44f988abeddff010b4837c3f29db5db4096a844b3fffb7ad32c6c45ed',
        explanation='5e39fc0375592693dcd4aecceb695916aab1e73a76e5c44d8231cb08f2b229eb42d5352d8794d377cd97dd057465b5e4'
                    '89ca6678394753fb55e5faf3500588d0f862fdf0de9839a3552935537005077786a865d2fb29d1d0e1c389ddce9539f6'
                    '14f77a85b9d313d1598eac3529d7102e2a9d00f8e1238a172bd618baa53b122c2470223d0c0485ac9a35a253a70f1edf'
                    '751ea51daa131e0b7f0cf45ad6f22c56ffcb1148b02e54f70d0de97faa67288bc6b7f0fd5e1e716ee56ea26e346f6f64'
                    'dea421',
        feedback={
            'f75fee0d2cf2cd16170583884901514e3c5344755fbce8b6e50f9c64ccc24236':
                '06844d51542bd91e6f6ce507d6526d3be7a8e07d620f68b49df244920439f2992c639a10be2aac0d1c94ba22e65ec724'
                '767bc23c971a9f084819c8233c83861fa82ebe2bcf7d6ce6e8031f4e7e3d1dcdf8586adba8f9afdf5d2b8eda32efc4b5'
                'c04615',
            'a1e078885762f18b050c1308f3e7a25dc2209306c80b081cbd82155e7e796601':
                'bb25311c3166ea7ba51f5e3e079d697c9c27564f5c7755e4be4ff180a212916adcf4cf36696e1128dbec14ed4431ae86'
                'ebf94979db7887f3a931f01dc0642f03a75c532e6de1831faeef134aa2d3d9c2bb84756045d14800f59ba2c66b60e401'
                'c38c47c8f7f43207f3817496edd06decb4a18ae8b2de553ad42c79a0dbc83ec14ac914ed5ec6e6799c',
            '82dfa434c853437aef859d722f87a0a0c52f42fafbabbf7cafcc6716be2551b9':
                '0617cc799d1aee5b57dc8069374b390c53942c11db561a071a534d6adb4d132b9261f521b836440bcbbe50d4dc8ac960'
                '5d4efe095780492f79014d2c6a',
            '8ff0f4cc28ac9d3a6029ac99ad772c42780e80e41ce49e85ba06d6270c8fe495':
                'dc51dd30eb4baa03cfafc86ac29e28ed782c42caa0413d8df4e1f10f010cf7f808d7d31dfa51c89c5a73f5bd22b34309'
                '67441fff54ea59221c4a2c7eb3bcb5a89cd89550a796993cc977e6c3a31efdae71a2',
        }),
}
