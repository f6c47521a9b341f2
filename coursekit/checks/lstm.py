"""Questions of exercises/08_lstm.ipynb: one LSTM step, forward and backward (PyTorch's gate order).

    lstm_step_forward(x, h_prev, c_prev, W_ih, W_hh, b)                     -> (h_next, c_next)
    lstm_step_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b)  -> (dx, dh_prev, dc_prev,
                                                                                dW_ih, dW_hh, db)

Shapes (batch-first, weights stored (out, in), gate blocks [i, f, g, o] each H wide):
x (N, D), h_prev and c_prev (N, H), W_ih (4H, D), W_hh (4H, H), b (4H,).
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, lstm_step_backward, lstm_step_forward
from ..nn.activations import sigmoid
from ..nn.gradcheck import rel_error
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion

NOTEBOOK = "08_lstm.ipynb"


def _params(W_ih, W_hh, b) -> LayerParams:
    return LayerParams(W_ih, W_hh, b, np.zeros_like(b))  # one bias: torch's two are summed


def _step_inputs(rng, N, D, H, scale=1.0) -> dict:
    return {"x": rng.standard_normal((N, D)) * scale, "h_prev": np.tanh(rng.standard_normal((N, H))),
            "c_prev": rng.standard_normal((N, H)), "W_ih": rng.standard_normal((4 * H, D)) * 0.5,
            "W_hh": rng.standard_normal((4 * H, H)) * 0.5, "b": rng.standard_normal(4 * H) * 0.2}


def _backward_inputs(rng, N, D, H, scale=1.0) -> dict:
    upstream = {"dh_next": rng.standard_normal((N, H)), "dc_next": rng.standard_normal((N, H))}
    return upstream | _step_inputs(rng, N, D, H, scale)


def forward_reference(x, h_prev, c_prev, W_ih, W_hh, b):
    h_next, c_next, _ = lstm_step_forward(x, h_prev, c_prev, _params(W_ih, W_hh, b))
    return h_next, c_next


def backward_reference(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b):
    _, _, cache = lstm_step_forward(x, h_prev, c_prev, _params(W_ih, W_hh, b))
    dx, dh_prev, dc_prev, grads = lstm_step_backward(dh_next, dc_next, cache)
    return dx, dh_prev, dc_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih


def _slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The step with one usual slip made on purpose -> (h_next, c_next)."""
    z = x @ W_ih.T + h_prev @ W_hh.T + b
    blocks = np.split(z, 4, axis=1)
    if slip == "order ifog":  # the i, f, o, g order of some tutorials
        a_i, a_f, a_g, a_o = blocks[0], blocks[1], blocks[3], blocks[2]
    else:
        a_i, a_f, a_g, a_o = blocks
    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)
    g = sigmoid(a_g) if slip == "sigmoid g" else np.tanh(a_g)
    c_next = f * c_prev + i * g
    h_next = o * c_next if slip == "no tanh(c)" else o * np.tanh(c_next)
    return h_next, c_next


FORWARD_SLIPS = {
    "order ifog": "the gate blocks are in the order i, f, o, g; PyTorch's order (used here) is i, f, g, o: "
                  "the third block of H rows is the candidate g, the fourth the output gate o",
    "sigmoid g": "the candidate g takes tanh, not the sigmoid: it is the content written to the cell and "
                 "may be negative; only the gates i, f, o take the sigmoid",
    "no tanh(c)": "h_next = o * tanh(c_next): the cell state goes through tanh before the output gate scales it",
}


def forward_hints(inputs, received) -> str | None:
    got = [np.asarray(r, dtype=float) for r in received]
    for slip, words in FORWARD_SLIPS.items():
        expected = _slipped_forward(*inputs.values(), slip)
        if all(e.shape == g.shape and rel_error(e, g) < 1e-6 for e, g in zip(expected, got)):
            return words
    right = forward_reference(*inputs.values())
    if got[0].shape == right[0].shape and rel_error(got[0], right[0]) < 1e-6:
        return "h_next is right but c_next is not: return the new cell state c_next = f * c_prev + i * g"
    return None


def backward_hints(inputs, received) -> str | None:
    dh_next, dc_next = inputs["dh_next"], inputs["dc_next"]
    rest = list(inputs.values())[2:]
    got = [np.asarray(r, dtype=float) for r in received]
    right = backward_reference(*inputs.values())
    names = ["dx", "dh_prev", "dc_prev", "dW_ih", "dW_hh", "db"]
    wrong = [n for n, r, g in zip(names, right, got) if r.shape != g.shape or rel_error(r, g) > 1e-6]
    h_next, c_next = forward_reference(*rest)
    z = rest[0] @ rest[3].T + rest[1] @ rest[4].T + rest[5]
    f, o = sigmoid(np.split(z, 4, axis=1)[1]), sigmoid(np.split(z, 4, axis=1)[3])
    tanh_c = np.tanh(c_next)
    dc = dc_next + dh_next * o * (1 - tanh_c ** 2)
    if wrong == ["dc_prev"]:
        if got[2].shape == dc.shape and rel_error(got[2], dc) < 1e-6:
            return "dc_prev is the gradient at c_t; it reaches c_prev through the forget gate: dc_prev = dc * f"
        if got[2].shape == dc.shape and rel_error(got[2], dc_next * f) < 1e-6:
            return ("dc_prev misses the path through h_next = o * tanh(c_next): the total gradient at c_next is "
                    "dc = dc_next + dh_next * o * (1 - tanh(c_next)^2), and dc_prev = dc * f")
    if "dc_prev" in wrong and got[2].shape == dc.shape and rel_error(got[2], np.zeros_like(dc)) < 1e-12:
        return "dc_prev is zero: c_prev enters c_next = f * c_prev + i * g, so dc_prev = dc * f"
    # the same slip in every gradient: a gate block in the wrong place, or the wrong activation's derivative
    dW_ih = np.asarray(right[3])
    blocks = np.split(dW_ih, 4, axis=0)
    swapped = np.concatenate([blocks[0], blocks[1], blocks[3], blocks[2]], axis=0)
    if "dW_ih" in wrong and got[3].shape == dW_ih.shape and rel_error(got[3], swapped) < 1e-6:
        return FORWARD_SLIPS["order ifog"]
    if "dc_prev" in wrong or "dx" in wrong:
        if got[2].shape == dc.shape and rel_error(got[2], (dc_next + dh_next * o) * f) < 1e-6:
            return "the derivative of tanh(c_next) is missing: d tanh(c)/dc = 1 - tanh(c)^2"
    if wrong and set(wrong) <= {"dW_ih", "dW_hh", "db"}:
        return ("dx, dh_prev and dc_prev are right but a parameter gradient is not: dW_ih = dz^T x, "
                "dW_hh = dz^T h_prev and db = the sum of dz over the batch (rows), with dz (N, 4H)")
    return None


QUESTIONS = {
    "lstm_step_forward": FunctionQuestion(
        grade_id="lstm_step_forward", notebook=NOTEBOOK, function="lstm_step_forward",
        outputs={"h_next": ("sequence", "hidden unit"), "c_next": ("sequence", "cell unit")},
        reference=forward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _step_inputs(np.random.default_rng(8), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)", _step_inputs(np.random.default_rng(seed), 1, 2, 3)),
            Case("a hidden case with large inputs (N=4, D=3, H=6)",
                 _step_inputs(np.random.default_rng(seed + 1), 4, 3, 6, scale=3.0)),
        ],
        points=2, hints=forward_hints,
    ),
    "lstm_step_backward": FunctionQuestion(
        grade_id="lstm_step_backward", notebook=NOTEBOOK, function="lstm_step_backward",
        outputs={"dx": ("sequence", "input feature"), "dh_prev": ("sequence", "hidden unit"),
                 "dc_prev": ("sequence", "cell unit"), "dW_ih": ("gate row", "input feature"),
                 "dW_hh": ("gate row", "hidden unit"), "db": ("gate row",)},
        reference=backward_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=4, H=5)",
                                   _backward_inputs(np.random.default_rng(9), 3, 4, 5))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=2, H=3)",
                 _backward_inputs(np.random.default_rng(seed + 2), 1, 2, 3)),
            Case("a hidden case with large inputs (N=4, D=3, H=6)",
                 _backward_inputs(np.random.default_rng(seed + 3), 4, 3, 6, scale=3.0)),
        ],
        points=3, hints=backward_hints,
    ),
    "lstm_which_gate_keeps": QuizQuestion(
        grade_id="lstm_which_gate_keeps", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="Which part of the LSTM decides how much of the old cell state c_{t-1} is kept in c_t?",
        options={"a": "the input gate i", "b": "the forget gate f", "c": "the output gate o",
                 "d": "the candidate g"},
        salt='5b1e0c93d7a24f86',
        right='8cfdd1af2101e68a56c5b5964560a8b5bbcce3fa053ad6867a73878d29697831',
        explanation='08e49e2eb33552f8cc14a6922cafa44cdae17ff393311e9892be57fc8099d6f73cda74add1a073eeefbd4ec04f2e52d313a1c010e3e84ff853883f33f6b399189d55dd5d23bb9d0d3aed02923e169c2ba5b4e909c9f3bf389f4c1bc41c10aaa6f4b15781a06059be45851288775f431ef841a14015f4ac085e45132ea53e57a9f3affda83f0974d8d7513ed8ee1ab6ae319f3e0341d87745c9b6c89d9d47ac81a27955c4b53015b20c5c0d3877cc2a842adf56496291dd58',
        feedback={
            '0ed9e61adc20961645b90644ceac6b91e3a04d7bf6ffa980c0b9cfe8b9a45225':
                '95ce65957313d710bc08541851b6022d27d1a508041df222407554500a1a8bf5c2eea7e6d45475cbef29e0bc8255f746769d3abdffbe0a55e0a5577a886e45cab504d02deef0f8470a4137',
            '9e029252d20dab3504b35b8078e78ffbcdf785085d7f4322cfa9cb381c516c4b':
                'db77ad83ad68ac5ba1fd9686ea7cc658bb82008cd227eb985aa1ba8b3f6e10365147c7c6ed8ed8d5ce7aa903cf055c29d393357d56b8e0bfda92b06a060db254cbf54ecfc15a6c7cc4bee4b167e97a204fe578312f6d5e98191e361acdf7',
            '211a79a5f03904b2fa4d808069c9d484608db7aea98e918f228a89b3fceb1fab':
                'b6c85e7f55828faad723dfac2409ef41658cfa773b2f75331f02ccb19d15b2fd91f01a8d69130a4352c9090720e846673967fd6ae48234f0f0f5f9db20408802baa5ab92ad82d7b37728',
        },
    ),
    "lstm_cell_after_10_steps": QuizQuestion(
        grade_id="lstm_cell_after_10_steps", notebook=NOTEBOOK, kind="number", points=1, tolerance=0.01,
        prompt="A cell unit holds a value; for the next 10 steps its forget gate is f = 0.9 and its input gate "
               "i = 0. What fraction of the value is left in the cell after the 10 steps (two decimals)?",
        salt='e83a4c1f90b2d765',
        right='4db8281ad18ea9e209ca04eb20f39960c79b50de84bb9f80d9284f4d2564df42',
        explanation='eb5c46027a2226e9991a8ffa5c45f0ffff7fa9a69b7b33c79d22858408185043db7f27e71aab2c9b7e17040b2def30147025fe4a28a5868a0f6107e3dfbce4a0e306c16d2441366662f99a488c0627a7ea5a8f613834cdd38f953e14a7dbd70c1c77d76458ef18b20b70a0e750c061fddbc1c0c968bb4f8dd09fa1f2f33637f8196ad0e99d51900294c17c78e9c2684309047e99fb41c3e43b03a94e910dd329e940dce0fee2170824a09161107cf0490657244f441829142a386c736c4d8c72c18f25db35a15edce4c83c1226e12342ab1e75f9119927b4fbefe8b0864787a74d05f6f17c4fa86ed1de6615986162682a344ac02f00278394648b414ab83ee9511985a59efc6d5d443a2ec2cdc96214',
        feedback={
            '08155ef8a0399532803404cfb0762144e7e153d9baa5ed08674ad332c2161ac1':
                'eb510fabf9179afd1419c647e732fbc97baad5810ad1ec7d1905f7c5549ca12f9785f47518d94bee2ae2a521774f0a4a94eab4353cdd03295ec08d4b8c5fc0fcf0e2a69d3a0445ef25af976df49fdd448018e4e4e79905463cfa1660f04c',
            '73ea948fef1d67350d10f3f8e98d093f581880d9c50b4bb57b77b2d2bdd2bb94':
                '1b3b79da81c8f5f6239e21ed662d8f4a389d8cbfa2fb937aa8c8fdfb5ee49183ee8ec19677006b7ad211f39b1654e7f48472584fb06add36a3318bdbbe7e',
            'b1d91464f74171e358f7bada128960aa430d25fa0fa5cd6d5c1843f44f5e9809':
                '5232fa9cfa092f327092a7ba0521f7be68835db50e9ffe11672858880d2168895bea40b56e09cd0dd91d3a54091f7e9c0f16186e57a3a971058dc5ad85f4d182e61d2ce230d7c84c3ba3105ce20e377c57f0303d97089ff633b30c',
            '6ad82ecd80776f98223c7622836ac13a198a0b14b37ea162aafde26368c66e7b':
                '3373c5601c1046c2b2d560ee5f6f76a4edddcb60a1537f49f5f4a6bb0d49837da4a58251a13e0eed1cb96de670e1ebde625a5ade359867e296d16d28a899cc0d70',
            'e208cf0743cb7861c29f02b4e9eb97fdab468c2444134a4ad5dedf99f28fad46':
                'c39b0d76e9683a009368fd4066df3c4bff8a1320419c46991cf3a8d056825e00e43a60b9f3bea1fe40fbce05b63de050ddaf27148b538548aaaf436c80ee21aa60',
        },
    ),
}
