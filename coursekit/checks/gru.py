"""Questions of exercises/09_gru.ipynb: one GRU step, forward and backward, in PyTorch's form.

    gru_step_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh)            -> h_next
    gru_step_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)  -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)

Shapes (batch-first, weights as torch.nn.GRU stores them, gate blocks in the order r, z, n):
x (N, D), h_prev (N, H), dh_next (N, H), W_ih (3H, D), W_hh (3H, H), b_ih (3H,), b_hh (3H,).
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, gru_step_backward, gru_step_forward
from ..nn.activations import sigmoid
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slips

NOTEBOOK = "09_gru.ipynb"


def _step_inputs(rng, N, D, H) -> dict:
    """Weights large enough that every gate matters (no gate stuck near 0.5) and a nonzero h_prev."""
    return {"x": rng.standard_normal((N, D)), "h_prev": np.tanh(rng.standard_normal((N, H))),
            "W_ih": rng.standard_normal((3 * H, D)) * 0.6, "W_hh": rng.standard_normal((3 * H, H)) * 0.6,
            "b_ih": rng.standard_normal(3 * H) * 0.5, "b_hh": rng.standard_normal(3 * H) * 0.5}


def _backward_inputs(rng, N, D, H) -> dict:
    step = _step_inputs(rng, N, D, H)
    return {"dh_next": rng.standard_normal((N, H)), **step}


def forward_reference(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    h_next, _ = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    return (h_next,)


def slipped_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh, slip: str = ""):
    """The step with one usual slip made on purpose -> h_next (N, H) ("" is the right step)."""
    H = h_prev.shape[1]
    xw = x @ W_ih.T + b_ih  # (N, 3H): the input parts of r, z, n
    hw = h_prev @ W_hh.T + (0 if slip == "no b_hh" else b_hh)  # (N, 3H): the recurrent parts
    first, second = (1, 0) if slip == "order z, r, n" else (0, 1)  # the blocks read as r and as z
    gate = np.tanh if slip == "tanh gates" else sigmoid
    r = gate(xw[:, first * H:(first + 1) * H] + hw[:, first * H:(first + 1) * H])
    z = gate(xw[:, second * H:(second + 1) * H] + hw[:, second * H:(second + 1) * H])
    W_hn, b_hn = W_hh[2 * H:], b_hh[2 * H:]
    recurrent = {"r outside b_hn": r * (h_prev @ W_hn.T) + b_hn, "r before the product": (r * h_prev) @ W_hn.T + b_hn,
                 "no r": hw[:, 2 * H:]}.get(slip, r * hw[:, 2 * H:])
    a_n = xw[:, 2 * H:] + recurrent
    n = {"sigmoid n": sigmoid(a_n), "no tanh n": a_n}.get(slip, np.tanh(a_n))
    return z * n + (1 - z) * h_prev if slip == "z swapped" else (1 - z) * n + z * h_prev


FORWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "z swapped": "your h_next is z * n + (1 - z) * h_prev; PyTorch's form needs h_next = (1 - z) * n + z * h_prev, "
                 "so that a unit with z = 1 keeps its old state",
    "r outside b_hn": "your candidate adds b_hn outside the reset gate, r * (h_prev @ W_hn.T) + b_hn; it needs "
                      "r * (h_prev @ W_hn.T + b_hn): r multiplies the recurrent part, bias included",
    "r before the product": "your candidate multiplies h_prev by the reset gate before the product, "
                            "(r * h_prev) @ W_hn.T (the original paper's form); PyTorch's form needs the product "
                            "first, r * (h_prev @ W_hn.T + b_hn)",
    "no r": "your candidate n leaves out the reset gate; it needs n = tanh(W_in x + b_in + r * (W_hn h_prev + b_hn))",
    "order z, r, n": "your code reads the gate blocks in the order z, r, n; PyTorch's order, used here, is r, z, n: "
                     "rows 0:H of the weights and biases need to be the reset gate r and rows H:2H the update gate z",
    "tanh gates": "your gates r and z take tanh; they need the sigmoid, a fraction between 0 and 1 (only the "
                  "candidate n takes tanh)",
    "sigmoid n": "your candidate n takes the sigmoid; it needs tanh, so that the new content can be negative "
                 "(only the gates r and z take the sigmoid)",
    "no tanh n": "your candidate n has no activation; it needs n = tanh(W_in x + b_in + r * (W_hn h_prev + b_hn))",
    "no b_hh": "your recurrent part h_prev @ W_hh.T leaves out the bias b_hh; PyTorch's GRU has two biases, so it "
               "needs h_prev @ W_hh.T + b_hh",
}


def forward_slips(x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: h_next}."""
    return {words: slipped_forward(x, h_prev, W_ih, W_hh, b_ih, b_hh, slip) for slip, words in FORWARD_SLIPS.items()}


def backward_reference(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh):
    _, cache = gru_step_forward(x, h_prev, LayerParams(W_ih, W_hh, b_ih, b_hh))
    dx, dh_prev, grads = gru_step_backward(dh_next, cache)
    return dx, dh_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih, grads.bias_hh


def slipped_backward(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh, slip: str = ""):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh).

    slip "z swapped" is the whole backward step of h_next = z * n + (1 - z) * h_prev.
    """
    H = h_prev.shape[1]
    xw, hw = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r, z = sigmoid(xw[:, :H] + hw[:, :H]), sigmoid(xw[:, H:2 * H] + hw[:, H:2 * H])
    n = np.tanh(xw[:, 2 * H:] + r * hw[:, 2 * H:])
    keep = 1 - z if slip == "z swapped" else z  # the share of h_prev in h_next
    dn, direct = dh_next * (1 - keep), dh_next * keep
    dz = dh_next * {"dz sign": n - h_prev, "z swapped": n - h_prev}.get(slip, h_prev - n)
    tanh_grad = 1 + n ** 2 if slip == "tanh' sign" else 1 - n ** 2
    sigmoid_grad = (lambda s: s * (1 + s)) if slip == "sigmoid' sign" else (lambda s: s * (1 - s))
    hw_n = h_prev @ W_hh[2 * H:].T if slip == "da_r without b_hn" else hw[:, 2 * H:]
    da_n = dn * tanh_grad
    da_z = dz * sigmoid_grad(z)
    da_r = da_n * hw_n * sigmoid_grad(r)
    d_input = np.concatenate([da_r, da_z, da_n], axis=1)  # (N, 3H)
    d_hidden = np.concatenate([da_r, da_z, da_n if slip == "n block without r" else da_n * r], axis=1)
    dh_prev = {"no direct path": d_hidden @ W_hh, "only the direct path": direct,
               "no path through r": direct + d_hidden[:, H:] @ W_hh[H:]}.get(slip, direct + d_hidden @ W_hh)
    if slip == "transposed":
        dW_ih, dW_hh = x.T @ d_input, h_prev.T @ d_hidden
    else:
        dW_ih, dW_hh = d_input.T @ x, d_hidden.T @ h_prev
    db_ih, db_hh = (d_input, d_hidden) if slip == "db per sequence" else (d_input.sum(0), d_hidden.sum(0))
    grads = (dW_ih, dW_hh, db_ih, db_hh)
    if slip == "mean":
        grads = tuple(g / x.shape[0] for g in grads)
    return (d_input @ W_ih, dh_prev, *grads)


BACKWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no direct path": "your dh_prev is d_hidden @ W_hh alone; h_next = (1 - z) * n + z * h_prev also holds h_prev "
                      "directly, so it needs dh_prev = dh_next * z + d_hidden @ W_hh",
    "only the direct path": "your dh_prev is dh_next * z alone; h_prev also enters r, z and n through W_hh, so it "
                            "needs dh_prev = dh_next * z + d_hidden @ W_hh",
    "no path through r": "your dh_prev leaves out the path through the reset gate (the r block of d_hidden times "
                         "W_hr); with d_hidden = [da_r, da_z, da_n * r] it needs dh_prev = dh_next * z + "
                         "d_hidden @ W_hh, all three blocks",
    "n block without r": "your d_hidden has da_n in its n block; the reset gate scales the recurrent part of n, so "
                         "it needs da_n * r there (in dW_hh, db_hh and dh_prev)",
    "da_r without b_hn": "your da_r uses h_prev @ W_hn.T without b_hn; r multiplies (W_hn h_prev + b_hn), so it "
                         "needs da_r = da_n * (h_prev @ W_hn.T + b_hn) * r * (1 - r)",
    "tanh' sign": "your derivative of the candidate n is 1 + n**2; n = tanh(a_n), so it needs 1 - n**2",
    "sigmoid' sign": "your derivative of a gate s (r or z) is s * (1 + s); s = sigmoid(a), so it needs s * (1 - s)",
    "dz sign": "your gradient at z is dh_next * (n - h_prev), the wrong sign; h_next = (1 - z) * n + z * h_prev, "
               "so it needs dh_next * (h_prev - n)",
    "z swapped": "your gradients are those of h_next = z * n + (1 - z) * h_prev, z and (1 - z) swapped; PyTorch's "
                 "form, h_next = (1 - z) * n + z * h_prev, needs dn = dh_next * (1 - z), dz = dh_next * (h_prev - n) "
                 "and the direct term dh_next * z",
    "transposed": "your weight gradients are x.T @ d_input and h_prev.T @ d_hidden, the transposes; each needs the "
                  "shape of its weight, (3H, in): dW_ih = d_input.T @ x and dW_hh = d_hidden.T @ h_prev",
    "db per sequence": "your db_ih and db_hh keep one row per sequence, (N, 3H); a bias is shared by the whole "
                       "batch, so they need the sum over it, d_input.sum(axis=0) and d_hidden.sum(axis=0)",
    "mean": "your parameter gradients are means over the batch; the loss adds the sequences up, so they need the "
            "sum: dW_ih = d_input.T @ x, db_ih = d_input.sum(axis=0), without dividing by N",
}


def backward_slips(dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh) -> dict[str, tuple]:
    """What the usual mistakes return: {the words of the hint: (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh)}."""
    args = (dh_next, x, h_prev, W_ih, W_hh, b_ih, b_hh)
    return {words: slipped_backward(*args, slip) for slip, words in BACKWARD_SLIPS.items()}


def backward_hints(inputs, received) -> str | None:
    """A slip of the bank, or else: the gradients of the inputs are right and a parameter gradient is not."""
    words = matching_slips(received, backward_slips(**inputs))
    if words:
        return words
    dx, dh_prev = backward_reference(**inputs)[:2]
    if matching_slips(received, {"parameters": (dx, dh_prev, None, None, None, None)}):
        return ("your dx and dh_prev are right but a parameter gradient is not; with d_input = [da_r, da_z, da_n] "
                "and d_hidden = [da_r, da_z, da_n * r], each (N, 3H), they need dW_ih = d_input.T @ x, "
                "dW_hh = d_hidden.T @ h_prev, db_ih = d_input.sum(axis=0) and db_hh = d_hidden.sum(axis=0)")
    return None


_STEP_AXES = {"x": ("sequence", "input feature"), "h": ("sequence", "hidden unit"),
              "W_ih": ("gate row (r, z, n blocks of H)", "input feature"),
              "W_hh": ("gate row (r, z, n blocks of H)", "hidden unit"), "b": ("gate row (r, z, n blocks of H)",)}

QUESTIONS = {
    "gru_step_forward": FunctionQuestion(
        grade_id="gru_step_forward", notebook=NOTEBOOK, function="gru_step_forward",
        outputs={"h_next": _STEP_AXES["h"]}, reference=forward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _step_inputs(np.random.default_rng(9), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)", _step_inputs(np.random.default_rng(seed), 1, 2, 3)),
            Case("a hidden case (N=5, D=4, H=6)", _step_inputs(np.random.default_rng(seed + 1), 5, 4, 6)),
        ],
        points=2, slips=forward_slips,
    ),
    "gru_step_backward": FunctionQuestion(
        grade_id="gru_step_backward", notebook=NOTEBOOK, function="gru_step_backward",
        outputs={"dx": _STEP_AXES["x"], "dh_prev": _STEP_AXES["h"], "dW_ih": _STEP_AXES["W_ih"],
                 "dW_hh": _STEP_AXES["W_hh"], "db_ih": _STEP_AXES["b"], "db_hh": _STEP_AXES["b"]},
        reference=backward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _backward_inputs(np.random.default_rng(10), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)",
                 _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3)),
            Case("a hidden case (N=4, D=5, H=3)", _backward_inputs(np.random.default_rng(seed + 3), 4, 5, 3)),
        ],
        points=3, hints=backward_hints, slips=backward_slips,
    ),
    "update_gate_one": QuizQuestion(
        grade_id="update_gate_one", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="In PyTorch's GRU, h_t = (1 - z) * n + z * h_{t-1}. What is h_t for a unit whose update gate z is 1?",
        options={"a": "the candidate n", "b": "h_{t-1}: the state is copied unchanged", "c": "zero",
                 "d": "r * h_{t-1}"},
        salt="9b2e4d71c0a85f36",
        right="361739ddf3a59ed61862f10c0e910d088c5c8cc56176f3d52d4a170da3bfa023",
        explanation="2ffb25795d3772075f316f2214967d42bea97fdbb5779d30cc77b16b661010e12195b3185dd12cf4638126f14f2c9dd1"
                    "d92c9bea6f878f97513aa6dc3fef66ff96946cd0f81eceaf4ecafb5bdfb378dcd9bfa100950162e4ffe2000807ca6686"
                    "cedf7cdfa555133ea577fe570a3192bb6ed9cf93ef2fb831c7d8df2bfb10780bcb4e771f8f023fd20644e9d242b8836e"
                    "cede991821de605eaf015ec2f50db802866722418d89fc3dd849e996459e5abdcab276b3b6912bf619182b31b4078562"
                    "ffc455314d",
        feedback={
            "bc09f3acbc9dae8a6f18107ed1277734cc437e81b219456f7cbeb6079a95632c":
                "1360115280db0a09804a8074ef1a6763bcc6f8d5679238bb2d11fd01502bd55cab1beab86f05457417aa5b67cb5e913d"
                "daf531501ad1e3ea2bce7170da048b8e51d7fe7396e298c36d65f339f667ed8930af3d7b",
            "b6420e1adf2229e0c752c51b854f048890ae580a2de6686b7045f2fb5aa43910":
                "94b510ed05dddf1ddc8bc57c139a27b8c56ef7176a293e359e8a023d693d19c0cbfca9b8f2a2952db12c69bf8c2498ca"
                "28317db04be990b35862322b8c00b156288257a3233c7b8c5333f3fc00f39b68c82549b1af8d4c6dcfb34ff46ab4f86e"
                "f21ba7cebf",
            "a6ac8d852323389fcfca3ce507c53393327ce95d6f6d84093e6abb378a10e5a6":
                "50431cd9f9ce783463b1165301b93dd26580400135e15e47c98ecb792c4bedf0d5aacf72134ec2ef97e1b49b51ce5c7e"
                "6eb48069cd3f1a086daf4ab78df08533d6e04b179181004bd09fc10cec57d0d614bda619eb3d64d9abd80bdec19cbe5c"
                "e6",
        },
    ),
    "gru_parameter_count": QuizQuestion(
        grade_id="gru_parameter_count", notebook=NOTEBOOK, kind="number", points=1,
        prompt="How many parameters does torch.nn.GRU(input_size=14, hidden_size=64) have?",
        salt="5d80f1a3e6c2b947",
        right="0bb698611e9135701e0296a578d293595f52d45e42d2b6e51d0a70828eda7e22",
        explanation="a4293bb901ae1e42b20611d68b018ada3be4e6afb59b3dd0e75733153f431bd8abe03ce20d0d4c8721f1db3d313d9d68"
                    "29fa10c76b5b613f8a15e24a5f1fdda8d9357d6b4d09372d53aa53d3856d1b9dec4fb3432c439e9eaeef0921b694d6b1"
                    "98ce4e138120753ad417de08220cc277446b07e1",
        feedback={
            "1c4cd34233f1b59ec5ebae969b0497f21d1bd0c1b9c68a4833c63c58dc15269c":
                "388d5a3ca7da9b846b863ca87f9df901908ddfe39906e70c4928834d629de38b58ebda5bd31d7fd2aa2d9b443589c96c"
                "45a96ae0bf014dd4e55ae2f960941bb3",
            "4641ae01b3125a88c25b499656972897ced4651629d9d1f855626364ac8dab6f":
                "1729cdc173d981feea97360fd9b7a16b73673811f79f8e31b681ce231cf2145d43d17b22a10438a28c9211d81a0ebc28"
                "3d93fa3cd7b0c92dd2a5148dc8bbbf8cbcfa3a71eed4694de843e6",
            "399616368504ee812c3c91b3facf8961a442cccd45ef6f3ee06e75ea03e46e30":
                "1ee9a755dfec3b44df2ebac73dbf4604e3daeb057582761112f1c306056ad776d2894442fa2ad8ad24a5bc60c9e8cb39"
                "74fa3d29ff0a6760bd3e44fcefc037c2c97e6fc06d0fcdd35d7757f49d8c4e5592ed2a1f7aad095efaa3ede45c8bc87f"
                "e857b0b8883ec013b506206861",
            "a0b28f57cece819e62b4dec8d7e72cd87064844022110335dbfe7acf97ed95c7":
                "ab1871b0b61e2158749341534f0190dc3e170e6d55be5576b833b1be503a9ed5e1e7dfa7b5066757b8417f321a251944"
                "1917a9910711de3f518006b639ef8e3ccc78e4e1da1f06f0e7c7b0a6047572374a",
            "a58afaac00105516fddb691a516f067978aa8d10359ad73f4f8d19c407a975bf":
                "d2f69b07ed611cb2e877b2d42afb90bf5905c3cf747a58e226b5e977f13d4d655c3fc625a09b31683fe5d735d3723457"
                "aad84885d5ca6c36f833a4baa1b541e28876c477239ad94507559c59af",
        },
    ),
}
