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
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slips

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


def _gates(x, h_prev, W_ih, W_hh, b, order="ifgo"):
    """The four pre-activation blocks, read in the given order -> (a_i, a_f, a_g, a_o)."""
    blocks = dict(zip(order, np.split(x @ W_ih.T + h_prev @ W_hh.T + b, 4, axis=1)))
    return blocks["i"], blocks["f"], blocks["g"], blocks["o"]


def slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The step with one usual slip made on purpose -> (h_next, c_next) ("" is the right step)."""
    order = {"order ifog": "ifog", "order figo": "figo"}.get(slip, "ifgo")
    a_i, a_f, a_g, a_o = _gates(x, h_prev, W_ih, W_hh, b, order)
    i, f, o = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o)
    g = sigmoid(a_g) if slip == "sigmoid g" else np.tanh(a_g)
    keep = {"no forget gate": 1.0, "1 - f": 1 - f}.get(slip, f)
    c_next = keep * c_prev + i * g
    h_next = o * c_next if slip == "no tanh(c)" else o * np.tanh(c_next)
    return (c_next, h_next) if slip == "swapped" else (h_next, c_next)


FORWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "order ifog": "your code reads the gate blocks in the order i, f, o, g; PyTorch's order, used here, is i, f, g, o: "
                  "the third block of H rows needs to be the candidate g and the fourth the output gate o",
    "order figo": "your code reads the gate blocks in the order f, i, g, o; PyTorch's order, used here, is i, f, g, o: "
                  "the first block of H rows needs to be the input gate i and the second the forget gate f",
    "sigmoid g": "your candidate g takes the sigmoid; it needs tanh: g is the content written to the cell and may "
                 "be negative; only the gates i, f, o take the sigmoid",
    "no tanh(c)": "your h_next is o * c_next; it needs the cell state through tanh first, h_next = o * tanh(c_next)",
    "no forget gate": "your c_next keeps all of c_prev (c_prev + i * g); it needs the forget gate to scale it, "
                      "c_next = f * c_prev + i * g",
    "1 - f": "your c_next keeps (1 - f) * c_prev; the forget gate f is the fraction kept, so it needs "
             "c_next = f * c_prev + i * g",
    "swapped": "your function returns (c_next, h_next); it needs to return them in the order (h_next, c_next)",
}


def forward_slips(x, h_prev, c_prev, W_ih, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_next, c_next)}."""
    return {words: slipped_forward(x, h_prev, c_prev, W_ih, W_hh, b, slip) for slip, words in FORWARD_SLIPS.items()}


def forward_hints(inputs, received) -> str | None:
    try:
        words = matching_slips(received, forward_slips(**inputs))
        if words:
            return words
        right = forward_reference(**inputs)
        if matching_slips(received, {"h right": (right[0], None)}):
            return ("your h_next is right but your c_next is not; it needs to be the new cell state "
                    "c_next = f * c_prev + i * g, the one h_next was computed from")
    except (TypeError, ValueError, IndexError, FloatingPointError):
        pass
    return None


def slipped_backward(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b, slip: str):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dc_prev, dW_ih, dW_hh, db).

    slip "order ifog" is the whole backward step of a forward that reads the blocks as i, f, o, g.
    """
    order = "ifog" if slip == "order ifog" else "ifgo"
    a_i, a_f, a_g, a_o = _gates(x, h_prev, W_ih, W_hh, b, order)
    i, f, g, o = sigmoid(a_i), sigmoid(a_f), np.tanh(a_g), sigmoid(a_o)
    c_next = f * c_prev + i * g
    tanh_c = np.tanh(c_next)
    tanh_grad = {"tanh' sign": 1 + tanh_c ** 2, "no tanh'": 1.0}.get(slip, 1 - tanh_c ** 2)
    through_h = dh_next * o * tanh_grad
    dc = {"no dc_next": through_h, "no path through h": dc_next}.get(slip, dc_next + through_h)
    da_i = dc * g * i * (1 - i)
    da_f = dc * c_prev * f * (1 - f)
    da_g = dc * i * (1 + g ** 2 if slip == "g' sign" else 1 - g ** 2)
    da_o = dh_next * tanh_c * o * (1 - o)
    blocks = {"i": da_i, "f": da_f, "g": da_g, "o": da_o}
    dz = np.concatenate([blocks[k] for k in order], axis=1)
    dc_prev = {"dc_prev no f": dc, "dc_prev 1 - f": dc * (1 - f), "dc_prev zero": np.zeros_like(dc),
               "dc_prev from dc_next": dc_next * f}.get(slip, dc * f)
    return dz @ W_ih, dz @ W_hh, dc_prev, dz.T @ x, dz.T @ h_prev, dz.sum(axis=0)


BACKWARD_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no dc_next": "your dc leaves out dc_next, the gradient that arrives at c_next from the next step; it needs "
                  "both paths, dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "no path through h": "your dc is dc_next alone; c_next also reaches the loss through h_next = o * tanh(c_next), "
                         "so it needs dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "tanh' sign": "your derivative of tanh(c_next) is 1 + tanh(c_next)**2 (that is tan's); it needs "
                  "1 - tanh(c_next)**2",
    "no tanh'": "your path from h_next to c_next leaves out the derivative of tanh; it needs "
                "dh_next * o * (1 - tanh(c_next)**2)",
    "g' sign": "your derivative of the candidate g is 1 + g**2; g = tanh(a_g), so it needs 1 - g**2",
    "dc_prev no f": "your dc_prev is dc, the gradient at c_next; c_prev reaches c_next through the forget gate, "
                    "so it needs dc_prev = dc * f",
    "dc_prev 1 - f": "your dc_prev is dc * (1 - f); c_next = f * c_prev + i * g, so it needs dc_prev = dc * f",
    "dc_prev zero": "your dc_prev is zero; c_prev enters c_next = f * c_prev + i * g, so it needs dc_prev = dc * f",
    "dc_prev from dc_next": "your dc_prev is dc_next * f, which misses the path through h_next = o * tanh(c_next); "
                            "it needs the total gradient at c_next, dc_prev = dc * f with "
                            "dc = dc_next + dh_next * o * (1 - tanh(c_next)**2)",
    "order ifog": "your code reads the gate blocks in the order i, f, o, g; PyTorch's order, used here, is i, f, g, o: "
                  "the third block of H rows needs to be the candidate g and the fourth the output gate o",
}


def backward_slips(dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return: {the words of the hint: (dx, dh_prev, dc_prev, dW_ih, dW_hh, db)}."""
    args = (dh_next, dc_next, x, h_prev, c_prev, W_ih, W_hh, b)
    return {words: slipped_backward(*args, slip) for slip, words in BACKWARD_SLIPS.items()}


def backward_hints(inputs, received) -> str | None:
    try:
        words = matching_slips(received, backward_slips(**inputs))
        if words:
            return words
        dx, dh_prev, dc_prev = backward_reference(**inputs)[:3]
        if matching_slips(received, {"parameters": (dx, dh_prev, dc_prev, None, None, None)}):
            return ("your dx, dh_prev and dc_prev are right but a parameter gradient is not; with dz (N, 4H) the "
                    "four gate blocks side by side, they need dW_ih = dz.T @ x, dW_hh = dz.T @ h_prev and "
                    "db = dz.sum(axis=0), the sum over the batch")
    except (TypeError, ValueError, IndexError, FloatingPointError):
        pass
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
        points=2, hints=forward_hints, slips=forward_slips,
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
        points=3, hints=backward_hints, slips=backward_slips,
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
