"""Questions of exercises/06_bptt.ipynb: the backward pass of the tanh recurrent layer.

    rnn_step_backward(dh_next, x, h_prev, h_next, W_xh, W_hh)  -> (dx, dh_prev, dW_xh, dW_hh, db)
    rnn_sequence_backward(dh, x, h0, h, W_xh, W_hh)            -> (dx, dh0, dW_xh, dW_hh, db)

The forward step is h_next = tanh(x W_xh^T + h_prev W_hh^T + b). Shapes (batch-first, weights
stored (out, in)): x (N, D), h_prev, h_next, dh_next (N, H) for the step; x (N, T, D), h0 (N, H),
h and dh (N, T, H) for the sequence, h[:, t] the state after reading x[:, t] and dh[:, t] the
gradient of the loss with respect to it that arrives from outside the recurrence (the outputs).
W_xh (H, D), W_hh (H, H); b is not an input: the given tanh outputs already contain it.
"""
from __future__ import annotations

import numpy as np

from ..nn import LayerParams, RNNCache, RNNStepCache, rnn_backward, rnn_forward, rnn_step_backward
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slips

NOTEBOOK = "06_bptt.ipynb"

STEP_OUTPUTS = {"dx": ("sequence", "input feature"), "dh_prev": ("sequence", "hidden unit"),
                "dW_xh": ("row", "column"), "dW_hh": ("row", "column"), "db": ("hidden unit",)}
SEQUENCE_OUTPUTS = {"dx": ("sequence", "time step", "input feature"), "dh0": ("sequence", "hidden unit"),
                    "dW_xh": ("row", "column"), "dW_hh": ("row", "column"), "db": ("hidden unit",)}


def _params(W_xh, W_hh) -> LayerParams:
    # The backward pass never reads the biases (tanh's derivative comes from its output).
    zeros = np.zeros(W_hh.shape[0])
    return LayerParams(W_xh, W_hh, zeros, zeros)


def _weights(rng, D, H) -> dict:
    return {"W_xh": rng.standard_normal((H, D)) * 0.5, "W_hh": rng.standard_normal((H, H)) * 0.5}


def step_inputs(rng, N, D, H) -> dict:
    """A consistent step: h_next really is tanh(x W_xh^T + h_prev W_hh^T + b) for some b."""
    x, h_prev = rng.standard_normal((N, D)), np.tanh(rng.standard_normal((N, H)))
    w, b = _weights(rng, D, H), rng.standard_normal(H) * 0.1
    h_next = np.tanh(x @ w["W_xh"].T + h_prev @ w["W_hh"].T + b)
    return {"dh_next": rng.standard_normal((N, H)), "x": x, "h_prev": h_prev, "h_next": h_next, **w}


def sequence_inputs(rng, N, T, D, H) -> dict:
    """A consistent sequence: h is the forward pass of x from h0 (h0 is not zero)."""
    x, h0 = rng.standard_normal((N, T, D)), np.tanh(rng.standard_normal((N, H)))
    w, b = _weights(rng, D, H), rng.standard_normal(H) * 0.1
    h, _ = rnn_forward(x, h0, LayerParams(w["W_xh"], w["W_hh"], b, np.zeros(H)))
    return {"dh": rng.standard_normal((N, T, H)), "x": x, "h0": h0, "h": h, **w}


def step_reference(dh_next, x, h_prev, h_next, W_xh, W_hh):
    dx, dh_prev, grads = rnn_step_backward(dh_next, RNNStepCache(x, h_prev, h_next, _params(W_xh, W_hh), "tanh"))
    return dx, dh_prev, grads.weight_ih, grads.weight_hh, grads.bias_ih


def sequence_reference(dh, x, h0, h, W_xh, W_hh):
    cache = RNNCache(x, h0, np.ascontiguousarray(h.transpose(1, 0, 2)), _params(W_xh, W_hh), "tanh")
    dx, dh0, grads = rnn_backward(dh, cache)
    return dx, dh0, grads.weight_ih, grads.weight_hh, grads.bias_ih


def slipped_step(dh_next, x, h_prev, h_next, W_xh, W_hh, slip: str = ""):
    """The backward step with one usual slip made on purpose -> (dx, dh_prev, dW_xh, dW_hh, db)."""
    derivative = {"no tanh'": 1.0, "tanh' of h_prev": 1 - h_prev ** 2, "1 - h": 1 - h_next,
                  "tanh twice": 1 - np.tanh(h_next) ** 2}.get(slip, 1 - h_next ** 2)
    da = dh_next * derivative
    dW_hh = {"h_next in dW_hh": da.T @ h_next, "dW_hh transposed": h_prev.T @ da}.get(slip, da.T @ h_prev)
    dh_prev = da @ (W_hh.T if slip == "W_hh.T" else W_hh)
    db = da if slip == "db not summed" else da.sum(axis=0)
    return da @ W_xh, dh_prev, da.T @ x, dW_hh, db


STEP_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no tanh'": "your code sends dh_next straight into the products, without the derivative of tanh; it needs "
                "da = dh_next * (1 - h_next**2) first",
    "tanh' of h_prev": "your derivative of tanh uses h_prev (1 - h_prev**2); it needs the output of this step, "
                       "1 - h_next**2",
    "1 - h": "your derivative of tanh is 1 - h_next; it needs the square, 1 - h_next**2",
    "tanh twice": "your derivative of tanh takes tanh of h_next again (1 - tanh(h_next)**2); h_next already is "
                  "the tanh output, so it needs 1 - h_next**2",
    "h_next in dW_hh": "your dW_hh uses h_next; W_hh multiplies h_prev in the forward step, so it needs "
                       "dW_hh = da.T @ h_prev",
    "dW_hh transposed": "your dW_hh is h_prev.T @ da, the transpose; it needs da.T @ h_prev (row = the unit that "
                        "receives, column = the unit that sends)",
    "W_hh.T": "your dh_prev is da @ W_hh.T; the forward step used h_prev @ W_hh.T, so going back it needs "
              "da @ W_hh",
    "db not summed": "your db keeps one row per sequence (shape (N, H)); b is shared by the whole batch, so it "
                     "needs the sum over the batch, db = da.sum(axis=0)",
}


def step_slips(dh_next, x, h_prev, h_next, W_xh, W_hh) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the five outputs}."""
    args = (dh_next, x, h_prev, h_next, W_xh, W_hh)
    return {words: slipped_step(*args, slip) for slip, words in STEP_SLIPS.items()}


def slipped_sequence(dh, x, h0, h, W_xh, W_hh, slip: str = ""):
    """The backward loop over time with one usual slip made on purpose -> (dx, dh0, dW_xh, dW_hh, db)."""
    N, T, _ = x.shape
    dx, dW_xh, dW_hh = np.zeros_like(x), np.zeros_like(W_xh), np.zeros_like(W_hh)
    db = np.zeros((N, W_hh.shape[0])) if slip == "db not summed" else np.zeros(W_hh.shape[0])
    dh_prev = np.zeros_like(h0)
    for t in (range(T) if slip == "forward loop" else reversed(range(T))):
        prev = h0 if t == 0 else h[:, t - 1]
        prev = {"zero h0": np.zeros_like(h0) if t == 0 else prev, "wrap": h[:, t - 1]}.get(slip, prev)
        g = dh[:, t] if slip == "no carry" else dh[:, t] + dh_prev
        derivative = {"no tanh'": 1.0, "tanh twice": 1 - np.tanh(h[:, t]) ** 2}.get(slip, 1 - h[:, t] ** 2)
        da = g * derivative
        contribution = (da.T @ x[:, t], da.T @ (h[:, t] if slip == "h_t in dW_hh" else prev),
                        da if slip == "db not summed" else da.sum(axis=0))
        if slip == "overwritten":
            dW_xh, dW_hh, db = contribution
        else:
            dW_xh, dW_hh, db = dW_xh + contribution[0], dW_hh + contribution[1], db + contribution[2]
        dx[:, t] = da @ W_xh
        dh_prev = da @ (W_hh.T if slip == "W_hh.T" else W_hh)
    return dx, np.zeros_like(h0) if slip == "dh0 zero" else dh_prev, dW_xh, dW_hh, db


SEQUENCE_SLIPS = {  # slip -> the hint: what the learner's code does, then what it needs
    "no carry": "your step t takes only dh[:, t]; the state h_t also feeds step t+1, so it needs "
                "dh[:, t] + dh_prev, the gradient that step t+1 sent back through W_hh",
    "no tanh'": "your code leaves out the derivative of tanh; it needs da_t = (dh[:, t] + dh_prev) * (1 - h[:, t]**2)",
    "tanh twice": "your derivative of tanh takes tanh of h[:, t] again (1 - tanh(h[:, t])**2); h already holds the "
                  "tanh outputs, so it needs 1 - h[:, t]**2",
    "h_t in dW_hh": "your dW_hh adds da_t.T @ h[:, t], the state step t produced; W_hh multiplies the previous "
                    "state, so it needs da_t.T @ h[:, t-1] (and h0 at t = 0)",
    "zero h0": "your first step uses zeros as its previous state; at t = 0 it needs h0",
    "wrap": "your step t = 0 takes h[:, t-1], which is h[:, -1], the last state; at t = 0 the previous state "
            "needs to be h0",
    "W_hh.T": "your dh_prev is da @ W_hh.T; the forward step used h_prev @ W_hh.T, so going back it needs "
              "da @ W_hh",
    "overwritten": "your weight gradients keep only one step's contribution; W_xh, W_hh and b are shared by "
                   "all steps, so they need the sum of every step's (dW_hh += ...)",
    "forward loop": "your loop runs forward in time, t = 0 to T-1; backpropagation through time needs to start "
                    "at the last step, t = T-1, and carry the gradient back to t = 0",
    "dh0 zero": "your dh0 is zero; h0 feeds the first step, so it needs the gradient that step 0 sends back, "
                "da_0 @ W_hh",
    "db not summed": "your db keeps one row per sequence (shape (N, H)); b is shared by the whole batch, so it "
                     "needs the sum over the batch and over time",
}


def sequence_slips(dh, x, h0, h, W_xh, W_hh) -> dict[str, tuple]:
    """What the usual mistakes return, made on purpose: {the words of the hint: the five outputs}."""
    args = (dh, x, h0, h, W_xh, W_hh)
    return {words: slipped_sequence(*args, slip) for slip, words in SEQUENCE_SLIPS.items()}


def _hints(slips):
    """A hints function: the slip whose five outputs all equal the learner's, or a transposed weight gradient."""
    def hints(inputs, received) -> str | None:
        try:
            words = matching_slips(received, slips(**inputs))
            if words:
                return words
            right = (step_reference if "dh_next" in inputs else sequence_reference)(**inputs)
            for name, want, got in zip(("dW_xh", "dW_hh"), right[2:4], received[2:4]):
                if np.shape(got) == want.shape[::-1] and want.shape[0] != want.shape[1]:
                    return (f"your {name} has the shape of the transpose; a weight gradient needs the weight's "
                            f"shape, (out, in): {name} = da.T @ input")
        except (TypeError, ValueError, IndexError, FloatingPointError):
            pass
        return None
    return hints


def _step_case(label, seed, N, D, H) -> Case:
    return Case(f"{label} (N={N}, D={D}, H={H})", step_inputs(np.random.default_rng(seed), N, D, H))


def _sequence_case(label, seed, N, T, D, H) -> Case:
    return Case(f"{label} (N={N}, T={T}, D={D}, H={H})", sequence_inputs(np.random.default_rng(seed), N, T, D, H))


QUESTIONS = {
    "rnn_step_backward": FunctionQuestion(
        grade_id="rnn_step_backward", notebook=NOTEBOOK, function="rnn_step_backward",
        outputs=STEP_OUTPUTS, reference=step_reference,
        public_cases=lambda: [_step_case("the example from the notebook", 6, 2, 3, 4)],
        hidden_cases=lambda seed: [
            _step_case("a hidden case with one sequence and one unit", seed, 1, 2, 1),
            _step_case("a hidden case", seed + 1, 5, 4, 6),
        ],
        points=2, hints=_hints(step_slips), slips=step_slips,
    ),
    "rnn_sequence_backward": FunctionQuestion(
        grade_id="rnn_sequence_backward", notebook=NOTEBOOK, function="rnn_sequence_backward",
        outputs=SEQUENCE_OUTPUTS, reference=sequence_reference,
        public_cases=lambda: [_sequence_case("the example from the notebook", 7, 2, 4, 3, 5)],
        hidden_cases=lambda seed: [
            _sequence_case("a hidden case with one time step", seed, 3, 1, 2, 4),
            _sequence_case("a hidden case", seed + 1, 4, 9, 2, 3),
        ],
        points=3, hints=_hints(sequence_slips), slips=sequence_slips,
    ),
}

QUESTIONS["why_bptt_sums"] = QuizQuestion(
    grade_id="why_bptt_sums", notebook=NOTEBOOK, kind="choice", points=1,
    prompt="Why does backpropagation through time add up a contribution from every time step to dL/dW_hh?",
    options={"a": "each time step has its own copy of W_hh, and each copy is updated with its own gradient",
             "b": "the same W_hh is used at every step, so its gradient is the sum of the gradients through each use",
             "c": "adding up the steps averages out the noise of single steps",
             "d": "only because the loss is a sum over time steps; with a loss at the last step alone there is no sum"},
    salt="3d8a61f0c2b97e45",
    right="7cc3f6cc1b95914afd329248f4886c7f5f9c824e1c3915fafff00aaa46362d23",
    explanation=(
        "0b7944feb02efd6e0a3fc55a2978d13f096a7d5efdd37a0f9af01dddef3ddcb163ba140e19cea083455d247419d2f97d"
        "0559842203f48bdd2288efee81c2b99bece9b5d2eaab1be5ee587a0ea4fdb6e34404aeffea6a290af62c8bdf33cea769"
        "7443cfacdb97e4644999ae758b82094dcd461e303f5ce73cd77e9759b181bd309196b4d824cd65f011bcd4e612e03ba3"
        "9e19f5ba85600a2bf7c6964252aaeb19fbb7271d1cb50bc7b26bbcc9d68b210ae7a28c2390cc4b4a839ce632db5d795e"
        "9bb36e8f08852d624492912769d3c2c26a7832626d64056fe6ac3b79c008f61e7659f033c4fed64f66bd565fd181e617"
        "768209bd719d55c58198de9165ba4bf4abc2a37b363bc5408208a33ce757e1f7a461581b89bed5565816c8ab3f2234d3"
        "33ec72108c28159f185824c463110bb6b0"
    ),
    feedback={
        "41f8081eba68d4f49132bb435aaf7e38a1a3652742a04b0b2800b15e30e9a2ff": (
            "efd442fb40da9cac49e844d0ddfe5ffd79372f3cccbf18127ebcd160e97004edf3d894c47ee224d919ecafec0b89"
            "96403276b2519b447439f46986620e9883ff6bad5c3a48a752faa84c945c4af956b787f300e17a8e71bf0a46ac7b"
            "0a6f470079f31b36cf8566bcdc8e29fd722ec759fce656517d126bd80aadf384ecb4ef95f3c144f55010b3326ec7"
            "59f21d344ec55cc902ef1724f3163422fa89f7f08032ce04eac3bbfcbaa2a85997d8ddb040637747cf3f35b06d56"
            "da26cad325a53ac165560c34fdb7"
        ),
        "449bee3e6b00dc40dc5dd199af4fc388be1dc2d8966bbc904ec02a8269f027ae": (
            "10b2a085d0e03ece624c098459c283c907adbb96b2c8637ecc98946b0bdb002fb8ac2b5352cc906d4906b8c23c4e"
            "68a2c1d634929b738b26bc18d6d7510001f7a351e66fa5e0cbc4ed0b9b42de60d9e2c61f57b026e39e91de462709"
            "39f4006702afecef2951722c765973319c295b0ec4736c674246e63bf9dd314f5ac7b5e620aaa9b38d0d65f9214c"
            "f7ee73dedeb3e9082dcfcb6616ed97e94e5ec0e11ac69fc496664c744ac0c00f49a3838b271928feafcbab9211e5"
            "2c2dda810e1756d96798acdc15b331"
        ),
        "7278060ddbb17c2672105247bb423c8dd3eebc60db7d682b0a36970beeb02534": (
            "558abcdfa01c4b74183ec3810029e695ea12ed23132ba5e4ff1f974746176a331a9d3ef11d760ea0f41ef8fd213f"
            "ec816da9daf064a4b34c33fd8efc7e966c10a1616d8b3251663d5e9a9259086ae14a6cdef9a16a44d7b28b40d1f6"
            "97c08433c22230ebd8e2255e4feb82a2f7f0292f89b69d110cfa29f742ced6793027a131b59ee51c77d92d546f7c"
            "d8640054483cc18ff80254d4372709f457fedb727f042d02dd11168d186b74152f8036e98c8dfce92d26d148dd0a"
            "739d55724ce520a2"
        ),
    },
)
QUESTIONS["truncated_reach"] = QuizQuestion(
    grade_id="truncated_reach", notebook=NOTEBOOK, kind="number", points=1,
    prompt="A sequence of T = 12 steps has its loss at the last step only. Truncated BPTT with k = 3 detaches "
           "the state every 3 steps (before steps 4, 7 and 10, counting from 1). How many of the inputs "
           "x_1 ... x_12 get a nonzero gradient from this loss?",
    salt="91f4c07b2ae6d385",
    right="b8ff4135f543862ff05111a047eddf463b8952801a3bb294063a35889047e2b8",
    explanation=(
        "1d4a75e23dbbb684037a7eaf03f02d56d2f06a77fc160655cc014df2d7f5972df2c5568cca9ea9a84fe24fb4fda765e2"
        "e744dcf9e57a7ef9594570f476cd70fa9ba6efe9543ab7706ac57f5b6d179abe93d9f4a9f8e16b469c0ae906c93ed83c"
        "cf22a9158ec2956123f755d1fd2fa5713789446123ff7ac32a558002ab23cb43e51139309e369f1874bb46ce15dc16bc"
        "d4a77ca95f3be06163fedba0de4cc402a22fc36f9b58e2870bab8ac207d19dbe3ffe5d11d53907cd2371c8233e5f90a4"
        "70ff4bd286"
    ),
    feedback={
        "df7162ac039c928bef6703137b45b44d7d6e03d52530820012a108380a1b750c": (
            "890cf37d6d6463701d1df6fae75450c4bc34849d6fc72ffbb816be5884d77475526814608b69f1d9dccd4ac4e797"
            "30473323b7ccc73cb2e61ab6f1784561cf0f0a82a094eda2ee3b2dbb1b473cf338c4f09edd54d6df5652dc55e770"
            "7a83e933360672458c6175a22b262551c9809de9b578ca9c2886bdf8b49dc06831ed4fc6e28f3ebbc9bc92297be3"
            "345406a31b32bd54f995630df4522b8b5f9d7401ac"
        ),
        "b6d0f85c9015e0738ffc3d234dcc9ea3c6a156d4fe7270032533c7f7daad5094": (
            "f2205ce0ad64532d7593cdc1737b22bbd0472f763b6caf73b011dcc6db3d5bd50b46b58c21cf5a390dfe854c1de0"
            "4a2198ed48a95d4e29e4f5e246d001f7afaf7e107491ccc64bf7af047eaeb190a39749fa370cfc7b2b653520dfde"
            "27cf7c8911d81b3e"
        ),
        "6abcde15e5a3e87b2bdc02335ad2eb84b0741b65bd95411d0d52ae05237748f9": (
            "badb57787cbb3adf45c5d91d0db1c3ce5d1be55e34d7bd995fcc83d05b3293280a5c6fecd1bb623bc2b9fd01ec5c"
            "e64a0ac1678491d6fcb33d4096240772315529236fc40193bb70c90fa9d183c7a61ea1875e82c2a01174c177e6b3"
            "7695d5f3482fa89abf94fedd998e732205ab28e6e8cc02356be1aa25a8b34e"
        ),
        "1ca695557ce934d7dd172ed6e7d7ff44957fe20133f38ce77cc2702cda8d9534": (
            "b7d161f3f419af4f60a92a7254b2abab8f70407e4b314d9e611ac74e93905c28d2e0a2312e6da406e0c278b89c25"
            "de191d77bf39b1520a531edb68112299b9aec98066fe0d13c67cd79a2cb87fe1f88bc97290abf90e20ab64bf8bca"
            "efc1ea"
        ),
    },
)
