"""Questions of exercises/02_recurrent_neuron.ipynb: the step of both recurrent forms.

    elman_step(x_t, h_prev, W_xh, W_hh, b)               -> h_t
    jordan_step(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y)   -> (h_t, y_t)

Shapes (batch-first, weights stored (out, in)): x_t (N, D), h_prev (N, H), y_prev (N, O),
W_xh (H, D), W_hh (H, H), W_yh (H, O), b (H,), W_hy (O, H), b_y (O,).
"""
from __future__ import annotations

import numpy as np

from ..nn import JordanParams, LayerParams, jordan_step_forward, rnn_step_forward
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slips

NOTEBOOK = "02_recurrent_neuron.ipynb"


def _elman_inputs(rng, N, D, H, scale=1.0) -> dict:
    return {"x_t": rng.standard_normal((N, D)) * scale, "h_prev": np.tanh(rng.standard_normal((N, H))),
            "W_xh": rng.standard_normal((H, D)) * 0.5, "W_hh": rng.standard_normal((H, H)) * 0.5,
            "b": rng.standard_normal(H) * 0.1}


def elman_reference(x_t, h_prev, W_xh, W_hh, b):
    h_t, _ = rnn_step_forward(x_t, h_prev, LayerParams(W_xh, W_hh, b, np.zeros_like(b)))
    return (h_t,)


def elman_slips(x_t, h_prev, W_xh, W_hh, b) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_t,)}.

    Each hint says what the learner's code does, then what it needs.
    """
    a = x_t @ W_xh.T + h_prev @ W_hh.T + b
    return {
        "your h_t has no activation (it is the sum x_t @ W_xh.T + h_prev @ W_hh.T + b itself); it needs tanh "
        "of that sum": (a,),
        "your h_t takes the sigmoid of the sum; the recurrent neuron here takes tanh, so that a state can be "
        "negative as well as positive (-1 to 1)": (1 / (1 + np.exp(-a)),),
        "your h_t takes ReLU of the sum; the recurrent neuron here takes tanh, which keeps each state between "
        "-1 and 1": (np.maximum(a, 0),),
        "the bias b is missing from your sum; it needs + b inside the tanh": (np.tanh(x_t @ W_xh.T + h_prev @ W_hh.T),),
        "h_prev is not used in your h_t; the previous state needs to enter through W_hh, + h_prev @ W_hh.T":
            (np.tanh(x_t @ W_xh.T + b),),
        "your recurrent term is h_prev @ W_hh, without the transpose; with one sequence per row it needs "
        "h_prev @ W_hh.T": (np.tanh(x_t @ W_xh.T + h_prev @ W_hh + b),),
    }


def elman_hints(inputs, received) -> str | None:
    """Recognise the usual slips by recomputing the step with each one made on purpose."""
    try:
        return matching_slips(received, elman_slips(**inputs))
    except (TypeError, ValueError, IndexError, FloatingPointError):
        return None


def _jordan_inputs(rng, N, D, H, O) -> dict:
    return {"x_t": rng.standard_normal((N, D)), "y_prev": rng.standard_normal((N, O)),
            "W_xh": rng.standard_normal((H, D)) * 0.5, "W_yh": rng.standard_normal((H, O)) * 0.5,
            "b": rng.standard_normal(H) * 0.1, "W_hy": rng.standard_normal((O, H)) * 0.5,
            "b_y": rng.standard_normal(O) * 0.1}


def jordan_reference(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y):
    y_t, cache = jordan_step_forward(x_t, y_prev, JordanParams(W_xh, W_yh, b, W_hy, b_y))
    return cache.h, y_t


def jordan_slips(x_t, y_prev, W_xh, W_yh, b, W_hy, b_y) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: (h_t, y_t)}."""
    h_t = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T + b)
    y_t = h_t @ W_hy.T + b_y
    h_no_y = np.tanh(x_t @ W_xh.T + b)
    h_no_b = np.tanh(x_t @ W_xh.T + y_prev @ W_yh.T)
    return {
        "your function returns (y_t, h_t); it needs to return them in the order (h_t, y_t)": (y_t, h_t),
        "y_prev is not used in your h_t; the previous output needs to enter the hidden units through W_yh, "
        "+ y_prev @ W_yh.T": (h_no_y, h_no_y @ W_hy.T + b_y),
        "your y_t takes tanh; the output here is linear, it needs y_t = h_t @ W_hy.T + b_y with no activation":
            (h_t, np.tanh(y_t)),
        "the output bias b_y is missing from your y_t; it needs y_t = h_t @ W_hy.T + b_y": (h_t, h_t @ W_hy.T),
        "the bias b is missing from your h_t; it needs + b inside the tanh": (h_no_b, h_no_b @ W_hy.T + b_y),
        "your y_t is computed from the sum before the tanh; it needs the new hidden state, "
        "y_t = h_t @ W_hy.T + b_y with h_t = tanh(...)":
            (h_t, (x_t @ W_xh.T + y_prev @ W_yh.T + b) @ W_hy.T + b_y),
    }


def jordan_hints(inputs, received) -> str | None:
    try:
        return matching_slips(received, jordan_slips(**inputs))
    except (TypeError, ValueError, IndexError, FloatingPointError):
        return None


QUESTIONS = {
    "elman_step": FunctionQuestion(
        grade_id="elman_step", notebook=NOTEBOOK, function="elman_step",
        outputs={"h_t": ("sequence", "hidden unit")}, reference=elman_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=2, H=4)",
                                   _elman_inputs(np.random.default_rng(2), 3, 2, 4))],
        hidden_cases=lambda seed: [
            Case("a hidden case with one sequence (N=1, D=3, H=2)", _elman_inputs(np.random.default_rng(seed), 1, 3, 2)),
            Case("a hidden case with large inputs (N=5, D=4, H=6)",
                 _elman_inputs(np.random.default_rng(seed + 1), 5, 4, 6, scale=4.0)),
        ],
        points=2, hints=elman_hints, slips=elman_slips,
    ),
    "jordan_step": FunctionQuestion(
        grade_id="jordan_step", notebook=NOTEBOOK, function="jordan_step",
        outputs={"h_t": ("sequence", "hidden unit"), "y_t": ("sequence", "output")}, reference=jordan_reference,
        public_cases=lambda: [Case("the example from the notebook (N=3, D=2, H=5, O=4)",
                                   _jordan_inputs(np.random.default_rng(3), 3, 2, 5, 4))],
        hidden_cases=lambda seed: [
            Case("a hidden case (N=2, D=3, H=5, O=2)", _jordan_inputs(np.random.default_rng(seed + 2), 2, 3, 5, 2)),
            Case("a hidden case with one sequence (N=1, D=1, H=3, O=3)",
                 _jordan_inputs(np.random.default_rng(seed + 3), 1, 1, 3, 3)),
        ],
        points=2, hints=jordan_hints, slips=jordan_slips,
    ),
    "which_form_remembers_more": QuizQuestion(
        grade_id="which_form_remembers_more", notebook=NOTEBOOK, kind="choice", points=1,
        prompt="Which recurrent form carries more information about the past from one step to the next?",
        options={"a": "output-to-hidden (the neuron is fed its previous output y_{t-1})",
                 "b": "hidden-to-hidden (the neuron is fed its previous hidden state h_{t-1})",
                 "c": "both carry the same"},
        salt="7f3c9a1e52b04d6e",
        right="54e80a32c94ba161524018d846278cec18d4ed1cdb5ba4e5a13f229e46af506d",
        explanation="26b0976d200537a88f1ad370d4cffbe81b33f214f392f3e1d6df5fa691ecc42ac1d17f7cb8076d275d6a974478e9787f56c"
                    "e8324e2dd4c418cef0258e44895a977f360a1d3d8c934d66c0e78f1a91ae761f7bd5098ee8b5a61ba048e26f8ed1301ca"
                    "7961f938f76cfede81b29b4344860c31baec41916159429744917b06",
        feedback={
            "4767f980fb4d42696f97cf7db151fba6f1c6b31935b1c43e1cd28964c0c8d7b2":
                "5ffa2f55bd6b38d58b618f76f5471e19ba886af99db1cb92019fcc184ad3708bb4eb8bbeda30b9b11e93b8724f1c09883e686"
                "3b108b02d55aab168e692d0c2a960e83c72fe37f3853531e1f1",
            "9d7ade6612eb9f8e43c459036af307a8ff314339e7c346f6d0905f7f04308192":
                "872ccf174b4870049bbb9042951e72ea9850080e73f491effc9d200a2b0f301c208fec3495df66ac6fb7338593148e97cc21a"
                "3c4e21513dd3ed6b5b3e20ee1f24dab2d42ab92ca46eade394c1279092d625fba8b2c206810c69361e5dbcd300ee993462"
                "53cab306eed3fe1cf3ee78abe143b",
        },
    ),
    "shape_of_w_xh": QuizQuestion(
        grade_id="shape_of_w_xh", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the example (D=2 input features, H=4 hidden units), what is the shape of W_xh?",
        salt="c41d0b7a9e2f6853",
        right="ba7de2ab2bfa981e7ad8aac6e86370191f2ce205ceb51d2deeab8de70ee23c94",
        explanation="1f9d48b435122588dd8c5ca2ee4058a97842a59c5b493f5f71236d8ed3a638eea33769c591fe3efb5a09893518d8a1f754d"
                    "6efb629ba9db92e9e7b40d37e5e006907e1db670332",
        feedback={
            "10ea287e7ade9eb9c29408f85f9cd37644db0fb960331b65c8decb8745da0d86":
                "3b9f455eee43623f0e682cd267f39ee98bc5ba7b82a9f38b9113bc074977e9166d3f02609e38019d6cc412b888927e1067e5e"
                "12099c494ec6e6712dde464f4c57b7314112f3690f3889823",
            "cfaaadf9f3bc8cf7f944bf388a9c9a7f55bd4a29015237fbbcb4cdeac1d10573":
                "71a95b4c0239f7f3399da5384b708684abd7e73bd2894aa084043592c204d162891a1fd94878c9b6222bd3b7890630bcf051f"
                "f3973bac4cf1fd2499e6c41da086258af477586d31ab020301f9590f62a530a5cc8b185da39e433cfd5578626326c3eb9a"
                "b42e1008dade83aac",
            "e15e9b2c665d092a10da4398e0b23b30dc76931fc913808609949ef8063c80cd":
                "077e279bbb6eb04e4e89f77901b0e1b0fcdabafdbb0e718ead1ac80a2d3938e98df0ff9b9381d019acaf9884a0ece1115fc43"
                "932abd2b7f9b51d28597715ed2029e358599b078da3e12dab10",
        },
    ),
}
