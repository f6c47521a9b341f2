"""Questions of exercises/04_dimensions.ipynb: the shape of every term of a recurrent layer.

    shape_detective(config) -> (W_F, W_R, b, W, z_t, a_t, y_t, x, out, params)

config = [D, H, O, N, T, G] (ints): D input features, H hidden units, O output units, N
sequences in a batch, T time steps, G gate blocks (1 vanilla RNN, 3 GRU, 4 LSTM).
Shapes as tuples, in the material's column convention: W_F (G*H, D), W_R (G*H, H),
b (G*H, 1), W = [W_F W_R] (G*H, D+H), z_t (G*H, N), a_t (H, N), y_t (O, N); the code's
batch-first tensors x (N, T, D) and out (N, T, H). params holds three counts: the hidden
layer as the material counts it, G*H*(D+H+1) (one bias); the hidden layer as torch counts it,
G*H*(D+H+2) (bias_ih and bias_hh); the output layer, O*(H+1).

The quiz follows the material's worked example: D=3, H=7, O=1, N=64, T=10.
"""
from __future__ import annotations

import numpy as np

from ..quiz import QuizQuestion
from ..shapes import layer_shapes
from .core import Case, FunctionQuestion

NOTEBOOK = "04_dimensions.ipynb"
CELLS = {1: "rnn", 3: "gru", 4: "lstm"}  # G -> cell
SHAPE = ("dimension",)
OUTPUTS = {"W_F": SHAPE, "W_R": SHAPE, "b": SHAPE, "W": SHAPE, "z_t": SHAPE, "a_t": SHAPE, "y_t": SHAPE,
           "x": SHAPE, "out": SHAPE, "params": ("count",)}
COUNTS = ("params[0], the hidden layer as the material counts it", "params[1], the hidden layer as torch counts it",
          "params[2], the output layer")


def detective_reference(config):
    """The truth from coursekit.shapes (itself tested against torch modules)."""
    D, H, O, N, T, G = (int(v) for v in config)
    s = layer_shapes(CELLS[G], D, H, batch_size=N, steps=T)
    values = (s.W_F, s.W_R, s.b, s.W, s.z_t, s.a_t, (O, N), s.x, s.out, (s.params, s.torch_params, O * (H + 1)))
    return tuple(np.array(v) for v in values)


def _slips(D, H, O, N, T, G) -> dict[str, list]:
    """For each output, the values the usual mistakes give, and words that describe the learner's value and
    the fix. params: three lists, one for each count, each count's words starting with its entry of COUNTS.
    The words name no size of the case: the same slip reads the same on every case."""
    GH = G * H

    def when(condition, value, words):
        return [(value, words)] if condition else []

    def gates(name, right):
        return f"your {name} has H rows, as if there were one gate block; the G gate blocks are stacked: {right}"

    def batch_first(name, right):
        return f"your {name} is in the batch-first layout; in the column convention rows are units, columns " \
               f"sequences: {right}"

    def one_column(name, right):
        return f"your {name} has one column; it has one column per sequence of the batch: {right}"

    material, torch_count, output = (f"{entry}:" for entry in COUNTS)
    shared = "your count is multiplied by T; the weights are shared across time, so T does not multiply it"
    hidden = [(GH * (D + H), f"{material} the bias is missing: add one bias per unit, G*H numbers"),
              (GH * (D + H + 2), f"{material} that is torch's count, with two bias vectors; the material counts "
                                 "one bias"),
              (GH * (D + 1), f"{material} the recurrent weights W_R are missing: add G*H*H"),
              (GH * (H + 1), f"{material} the feedforward weights W_F are missing: add G*H*D")]
    in_torch = [(GH * (D + H + 1), f"{torch_count} that is the material's count, with one bias; torch keeps two bias "
                                   "vectors, bias_ih and bias_hh: add G*H more"),
                (GH * (D + H), f"{torch_count} both bias vectors are missing: torch has bias_ih and bias_hh")]
    outputs = [(O * H, f"{output} the output layer's bias is missing: O more numbers"),
               (H * (O + 1), f"{output} your count has H units reading O inputs, the layer reversed; the output layer "
                             "has O units, each reading the H hidden units plus a bias: O*(H+1)")]
    outputs += when(O > 1, H + 1, f"{output} your count has one output unit; the output layer has O units, each "
                                  "with H weights and a bias: O*(H+1)")
    if T > 1:
        hidden.append((T * GH * (D + H + 1), f"{material} {shared}"))
        in_torch.append((T * GH * (D + H + 2), f"{torch_count} {shared}"))
        outputs.append((T * O * (H + 1), f"{output} {shared}"))
    if G > 1:
        hidden.append((H * (D + H + 1), f"{material} the G gate blocks are missing: each has its own weights and bias"))
        in_torch.append((H * (D + H + 2), f"{torch_count} the G gate blocks are missing: each has its own weights "
                                          "and biases"))

    return {
        "W_F": [((D, GH), "W_F is transposed: rows are the units it feeds (G*H), columns the D inputs it reads"),
                ((GH, H), "your W_F has H columns, as W_R has; W_F reads the D input features: (G*H, D)")]
               + when(G > 1, (H, D), gates("W_F", "(G*H, D)")),
        "W_R": [((H, GH), "W_R is transposed: rows are the G*H units it feeds, columns the H states it reads"),
                ((GH, GH), "your W_R has G*H columns; it reads the previous state a_{t-1}, which has H rows: (G*H, H)"),
                ((GH, D), "your W_R has D columns, as W_F has; W_R reads the previous state (H features), not the "
                          "input: (G*H, H)")]
               + when(G > 1, (H, H), gates("W_R", "(G*H, H)")),
        "b": [((GH,), "your b is flat, (G*H,), as torch stores it; in the material's column convention the bias is a "
                      "column, (G*H, 1)"),
              ((1, GH), "b is transposed: in the column convention it is a column, (G*H, 1)"),
              ((GH, N), "your b has one column per sequence; the bias is one column shared by all N sequences "
                        "(broadcast): (G*H, 1)")]
             + when(G > 1, (H, 1), gates("b", "(G*H, 1)")),
        "W": [((D + H, GH), "W is transposed: W_F and W_R side by side keep the G*H rows and add their columns"),
              ((GH, D + H + 1), "your W has a column for the bias; the bias stays outside W = [W_F W_R]: (G*H, D+H)")]
             + when(G > 1, (H, D + H), gates("W", "(G*H, D+H)")),
        "z_t": [((N, GH), batch_first("z_t", "(G*H, N)")),
                ((GH, 1), one_column("z_t", "(G*H, N)")),
                ((T, GH, N), "your z_t holds all T time steps; z_t is one step, (G*H, N): the steps are computed "
                             "one after another")]
               + when(G > 1, (H, N), gates("z_t", "(G*H, N)")),
        "a_t": [((N, H), batch_first("a_t", "(H, N)")),
                ((H, 1), one_column("a_t", "(H, N)"))]
               + when(G > 1, (GH, N), "your a_t has G*H rows, the stacked gate blocks; a_t is the layer's output, "
                                      "H units, and the gate blocks stay inside the cell: (H, N)"),
        "y_t": [((N, O), batch_first("y_t", "(O, N)")),
                ((O, 1), one_column("y_t", "(O, N)")),
                ((H, N), "your y_t has H rows, as a_t has; y_t comes out of the output layer, which has O units: "
                         "(O, N)")],
        "x": [((T, N, D), "your x is in torch's default layout (batch_first=False), (T, N, D); batch-first is "
                          "(N, T, D)"),
              ((N, D, T), "your x has the features before time; batch-first is (N, T, D)"),
              ((D, N), "your x is one time step in the column convention; x holds the whole batch of sequences, "
                       "batch first: (N, T, D)"),
              ((N, D), "your x is one time step; x holds all T time steps: (N, T, D)")],
        "out": [((T, N, H), "your out is in torch's default layout (batch_first=False), (T, N, H); batch-first is "
                            "(N, T, H)"),
                ((N, H), "your out is the last step alone (that is h_n); out holds every time step: (N, T, H)"),
                ((N, T, O), "your out has O features, the output layer's size; out is the recurrent layer's output, "
                            "with H features: (N, T, H)")]
               + when(G > 1, (N, T, GH), "your out has G*H features, the stacked gate blocks; out holds a_t, H units: "
                                         "(N, T, H)"),
        "params": [hidden, in_torch, outputs],
    }


def detective_slips(config) -> dict[str, tuple]:
    """{the words of the hint: what shape_detective returns with that one slip}: the right outputs, one replaced.

    config = [D, H, O, N, T, G]. The hint itself comes from detective_hints, which reads the first wrong output
    (and, within params, the first wrong count), so a learner with several slips still hears of the first.
    """
    right = [tuple(v.tolist()) for v in detective_reference(config)]
    slips = _slips(*(int(v) for v in config))
    found = {}
    for i, name in enumerate(OUTPUTS):
        if name == "params":
            for k, entry_slips in enumerate(slips["params"]):
                for value, words in entry_slips:
                    found[words] = (*right[:i], right[i][:k] + (value,) + right[i][k + 1:])
        else:
            for value, words in slips[name]:
                found[words] = (*right[:i], value, *right[i + 1:])
    return {words: tuple(np.array(v) for v in values) for words, values in found.items()}


def detective_hints(inputs, received) -> str | None:
    """Name the slip behind the first wrong output (the one the check reports)."""
    config = inputs["config"]
    expected = detective_reference(config)
    slips = _slips(*(int(v) for v in config))
    for name, want, got in zip(OUTPUTS, expected, received):
        got = np.asarray(got)
        if got.shape == want.shape and np.array_equal(got, want):
            continue
        if name == "params":
            return _count_hint(want, got, slips["params"])
        for value, words in slips[name]:
            if np.array_equal(got, np.asarray(value)):
                return words
        return None
    return None


def _count_hint(want, got, slips) -> str | None:
    if got.shape != want.shape:
        return "params holds three whole numbers: (" + "; ".join(COUNTS) + ")"
    for right, value, entry_slips in zip(want, got, slips):
        if value != right:
            words = [words for slip, words in entry_slips if value == slip]
            return words[0] if words else None
    return None


def _config(D, H, O, N, T, G) -> dict:
    return {"config": np.array([D, H, O, N, T, G], dtype=np.int64)}


def _hidden_detective_cases(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed + 40)

    def sizes():
        """D, H, O, N, T: each at least 2 and all different, as on the public GRU case, so that a slip writing 1
        for a size or swapping two sizes fails here when it fails there (the all-ones case comes after)."""
        while True:
            D, H, O, N, T = (int(rng.integers(2, 41)), int(rng.integers(2, 65)), int(rng.integers(2, 11)),
                             int(rng.integers(2, 129)), int(rng.integers(2, 51)))
            if len({D, H, O, N, T}) == 5:
                return D, H, O, N, T

    D, H, O, N, T = sizes()
    cases = [Case(f"a hidden GRU case (D={D}, H={H}, O={O}, N={N}, T={T}, G=3)", _config(D, H, O, N, T, 3))]
    D, H, O, N, T = sizes()
    G = int(rng.choice([1, 3, 4]))
    cases.append(Case(f"a hidden case (D={D}, H={H}, O={O}, N={N}, T={T}, G={G})", _config(D, H, O, N, T, G)))
    cases.append(Case("a hidden LSTM case with every size 1 (G=4)", _config(1, 1, 1, 1, 1, 4)))
    return cases


QUESTIONS = {
    "dims_w_f": QuizQuestion(
        grade_id="dims_w_f", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of W_F^1, the feedforward weights of the hidden "
               "layer?",
        salt="5b1e0c7d93a24f68",
        right="b566a37916f4f58007d4ea900dfb670b859adc6f66b69e79f074120347ec8a96",
        explanation="0202c2cdb8a5f67a07cda40365226ec333d588575b00e8f55c292ddf78d7a01e9e0401608e87102085c014f8b0fa7cf8"
                    "be869fad7d01de6e074be69272f66c3cd10d6cbee4f295f2be96ab865fe51d522dd3d5fb9055",
        feedback={
            "afea964f39b87a5af27d577e07b613c1e58ba807e174e000ef97f8fd3bfb668f":
                "faffb7ae3d03909709d3f9bc13f66a776691038ad27a8419ddaa6f4283227d66df218dc4b90a8d3a60c4e984f94353e7"
                "5e9987ffbd04b4ee8d946553e9c113bdab2d4488f9daf132dbe6b159a8fc330f148a6db5a6f652cfcb30f851c931aaed"
                "b20042af916006ba400fb66714f9f843830539480907a20c283ca7c63e96dc799eb467a27c381a3b38b1809679d73c5f"
                "d4778bf73a49591ca151d83219758898fbb5eba74e3e0532776fbc4755f3260fe62a8c6042",
            "149c482afefe69c7b57c6590144a80ff2d69f6915f752f3e7233d038c0d7d541":
                "044c31f519b4edc797929aacb510ab4fb8489d1498c2b49d1167048e55757ee80895fdc359aef3225e5793bcbed491c0"
                "278394c9d4bab26b4e2221a45a0f9196128e6055464df2b38a9e8268857bb190fc2cac354bbd31cbc2c9bb4e08060e59"
                "83147c3be804af76d572e93d04fc361c1180edefb9cd958caa",
            "f8f4ad0a17a1c2a2521f2b33529b8f55f00d9fdb12ddebf4b96a5fd30d7a014d":
                "67b46b003cb4ff35052b355a9c0b81369b6b819e7fa283a3441acf4820749ed8fdf662314869b23261511645c6806f51"
                "718f36225d21676ff4cdac5de2488e48cc8b6b5233eebf910d1c8f9c4762f5281871df1eeb",
            "a0f708bed3031d72d9017708c238eda6b1b1346d84a75f0213c795349899617e":
                "3aa37f605e213d3ff8a82cc31385f13cb88f09a63b52e545d4e83ea061fb394c44c00e43878f9704da7164d14683e9d0"
                "73b77181f12d7e8b16338901b11c46f0aa30ff05f94edb561c5081b88bbc46",
            "bd6c271c3e761774353c5eecca8beaa86fef6cc96305aa15720632e1c45dada4":
                "9b651c757350febf5bfc06a4dcb3c0fd9df1ac7ca588b91de43346031f04c282813018da621aeb34fdb19f0546d7fe81"
                "aaf80dc42d1357046972188ed0a2d6b08b1ba819c47f1172aa388484c8ec6e844d8207af4b",
            "3fb972122b26152f5f70a1105b6a783003a63a2219e9985a4467d83de2c55c1c":
                "a154ad941669c6b30590eb93a909d40aad11607d6d3543c51d53a12b7cfe8faa9f52911acece56c7d62d79a2cae41bc7"
                "1dad43",
        },
    ),
    "dims_w_r": QuizQuestion(
        grade_id="dims_w_r", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of W_R^1, the recurrent weights of the hidden "
               "layer?",
        salt="e83a61f0c2d94b57",
        right="23800f26a1b087b61fbda4329d521068ba05ba1b2431fee4f0f581df3d98e93e",
        explanation="e91b922fc124a240cb8bc9f910664a2d6f05536ea524a8430796eca0b5bab3baae7d2f50bea783dba78467c9236c3afe"
                    "69cfc3815e47ee724eb61673b2c8133182712e4a11e7d6832a3e6c2100fbc035e027848dfd94bb06c0abd231b64382e4"
                    "c7109dfeff2ac3df85a506d0288776eb5ab893d83253816ab5",
        feedback={
            "f377a6622c49e0e7e2d01ac62e47aad308b143be8862b2f1ec61bd58957b809c":
                "3fef1e8b2a61a34aec77d9a29868bfd262598845cebaf71fd45ec449ce4a4c55a084b6dc817adb24d61691696b7b2a5b"
                "3cb36f2a24831546be808ffaffff88bb7d11ce2bb14f75c0e093095b6309f5ab238497fa9d1ae59412fdd1c432cb31fc"
                "22c7a6c6f9f61f0a6bd615efa3aec5219ce4952c65eed7c0",
            "168bd2ea00178a0ec35173f32526de09e781f7245559f560402fd6d3bf03ba95":
                "dde507b3eee456a3de639112bb0c543319b27196c510e4a3fa4807fa2934fe7cf2ed532c2d3bbf837d54186836f01586"
                "1314a36578bd76124778022101ce7863fa7053d65618e090f6c4186989866a5e72",
            "b0ed75912776c47b48bbf345e2156952c0f286b43907180063c00c787881eade":
                "b100f3c98a3c1e09130b1174250e2551ea7ee1844972ff2f32ec6c7994cdc37af6e1c56fc6681f36554673e38162d2cd"
                "9c68e6970401810beaab89db6ea136e266d3544e",
            "316e6c58fbf44a1e2dc6e889ebc25b63e6453e32d5e067dd0c925c589e5b7313":
                "92b6c7484cf1eea123c915e75050c54d3e2974cdb5b806920f3ade83559de5d617338354aeb5a023753b94d107860c97"
                "ab1e2d9e55ad90ec34824398fdad2b4b4c15930b5849ea5aee4d336e715306ec52e140f4c38f6e88b4",
            "8d7ba117d5ac28e3bbbe56657decbf3e3b1088b92fedca162e86a46b3d7014e1":
                "106516c71fbde00851d0b31b1327ff56359cbfcffa2da567ec71e9d10b4f60cb7663629549b2f4752e49381fad004207"
                "f80a20b120f8f288a56570a0d9ab3b6336538ba0726374b12f9e48e28ffdfb9bac70e4831c37877bb8db913672b5a58c"
                "47d4bc13b892efd081322397a51e3fc6ea05",
        },
    ),
    "dims_b": QuizQuestion(
        grade_id="dims_b", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of b^1, the bias of the hidden layer?",
        salt="0f6d2a9b18c7e354",
        right="e2dafa7c33cf5dcd60d384fc6864391c4d2a2bd116997da39bb95282c1f0ec25",
        explanation="ed40fe58c4f2d769dfa731deb846093a6c79fbf43714181bb7322ef713faf287e9294227b354ab752a88afa3b26d836b"
                    "55e5fb879fe30c196aca4ef1303135f3404cfe15e79d8c75ea18119c2a608d355d448b3b735f11ed4af1eae504dc1291"
                    "5670b2857579f052b59c271eba",
        feedback={
            "03cad7c562529b82bad1dc65b6840721d3050fa6406bdca61f9f27f0339629f1":
                "b56d8f4854d140a84716ffa1e0aa885ab0ac3f26f4674d094ddedcd769e8484db4b7506e53eec3bcd03df13c29e33345"
                "594db24ce2d4f9f878cf169cddc4fe1531ba1057056250a815fa43fc5e40251600935121d281ea91442608218e",
            "65386eef3ebb9c91484430e003472795cad14a62e60e62ffcb147b2e520e56a7":
                "496c265f82d84c8765fa539ba67f63d945d047e0f941edbc46fac64acd35e333aedd0af0596cbf95fb04cbc3578c7748"
                "a3d7933f1df2329c55f879a05d5e1f19eda2fa0022800240120895451427df8d8330bd76dde70f9dc31077ae08e22d1e"
                "5890d8b3d6cae5d6eed129",
            "95731f2ba7bc97e2966c24cd3c86800d7c67fc0d9775b4c495b4b6da07eabd33":
                "6c447ffbfd100f1ca7a1c9fea5212195638479ca87e9a576cfc993ca68433fe9afb35559ad49d817941def8004d65cb0"
                "e78d3f941adbd7295b427b5889a9bea6d799e25e1d00d0656faf24291625a3a80d36c8cc227d277e27b87c7a151b7ac3"
                "16d410a3c5327a4b359e0fcff0526c",
            "ddeb083a9860bbb274e4cd44b9e717ddbc797abeadba59729be358cfbeeec7a2":
                "9085eace68cbc31d6b5b75560ddb02b71d712f83059062a7c3da2519bb3f766cb7b51b9a5a12c275e4e67f2b7f70a205"
                "97655c3f4a984594e2de4206a5f65acc34faecc8e7",
            "d3a878e7c76508818cdcc3c956a64cc27e8e7f100b44e60449e535fda8dd8f1a":
                "4f446648378fd50d229518bc6e0ee1662c69a0a9d2826f8cecd8fab052808e9b4a485a736e8bd1b0b6f1e4479ecefa81"
                "6e13bfe743bffd45364588ea12a55a64c6c63b23801fd1bcffdf91af0ac94ad338814724ee9f0ed858dd02efa6cb9a8b"
                "7a1ac68f55e702502a0f17268052f7584a20ad5a09a0e63eb1edcd6484f992a4",
            "658de8ae645353311cfadb202c3a8e42360454a7c5b7b69f57c4a5e9601d6cfe":
                "a3d465495664208037fd85d6216e1485727bc362822d6f4bacf580e1b0e95e4dde59a559b694191b426de1f9c7",
        },
    ),
    "dims_wf_a4": QuizQuestion(
        grade_id="dims_wf_a4", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of the product W_F^1 a_4^0, the input's "
               "contribution at time step 4?",
        salt="a4c97e2015db83f6",
        right="13dbc96029e0dc55e16090296b971f52fd3b51d84037534d826725d42a076873",
        explanation="aa28078c42d208f24b357b00eedeea52652ab4d17a66c9e01fe19b26a7379e15a79cc66ee180f2fa62ae656423c6beb1"
                    "e65a8fe6da886f0efc7ba16597e20ba24be176debf5b63c7cc65d8337e42dd76f2e56bd4e8e06a3d2fbfe971ba99e50b"
                    "73cd3c7ac866422d",
        feedback={
            "f18b566fac7322b979c21b6f161df6cb63feb789f17b87fc1f50d0bf263d2f19":
                "6d4b6fb1a16c06c3d5157f745253be2f93aad9e149ad11e4bf5ab3d96c87f141908d2c56c78a9a92ad4b018c7dbce9b0"
                "031720e4f2e3b7233c9eb42b459f785c40b75b5cc42580d90a232f91e45dbe8f4a436f8c55c8ca19ae8b968da754c1d6",
            "f595e13ee52ac29aadb4603daa99c3904cadc1db6ee07284fc2b2586b5b00948":
                "025a9718c6f05acbccd34049cabab59a241f2cafce70e28938695419c57d770aa70e7f2a8537fc677d4ce346af8dbd29"
                "3dc505cbecb7acaa3a00c9b7524a2860a9bb106a1b7b4fd978f8f6ce488cefe8ad527c87aa5e0b1a2215b52cd925143a"
                "e4de88eea216c98ba24ced72c5379b7d35c4a872e9eeeaaadbde873ddf584cfb44297c",
            "4c711c4816bd5fa79f822034eae7d1fd421d5971b77381fae11b9c3a51ff6572":
                "9ab9d5448f0c279ed44d74dd02c3185fa574279720cf60caa67d4f3157b5f7edf11201ea54572bdf53fb17b5a9dbb77b"
                "4a4eb51daa75651108001694bdb247f9cd781ac19ee16e",
            "82086c628b135f4ce7f4bae5508372f873af0e3a9ff3fc7170ee241927ae1dc4":
                "94f7fa7c0ea756bd3f87cf044a07ba8b73351420b9e4e299dde608f8637454b2464c64e5c3e28a83609ead6f5891f623"
                "8f4691bfaa39617b1b7e637eb768",
            "488bec62309a7a4e9b2fb0f89130ca9ffe14478095d76471f4c41fd97bd515b3":
                "4571dae24c1378a198015c1e423f94fa7582f397e852bf19510ca59121f9d41be6a57a8e7b4cbff4981a36e6e39d09c0"
                "76773df5ba851414273213cc0eee9d4ae1a96b8e98a0b9288a9dd2c5c1854ae580375e22dbc83aecfd5bc70354b99843"
                "bbba33df0965da955f17078f",
            "f611a0bcfaaa6a52681f67f16d971d386eaebad2ac07e6b6054c92093f87ca5a":
                "71a6ae7693bd8951836225a5e632af7ba8d4d7dd8db38ebe8b52470e69cb1406bd312949fc4de3f9a926d5ded1e35c38"
                "e3e54bcc5d9d802b0ed8b5bf1f44bb7d914673798435e0cd534a9efca1f2d07086fefa8953a75365118997585a5696c0"
                "5bddd973b0bfb259f80dcc35",
            "ef59cd8f7f30156f29d59b03111e4a4a4264fd791e924bcb46155d74a84c00fa":
                "9c6ce37c5242f82652a89552aa4102682dceaa32286c61b85dc50c82d232896897f3c537cb8ca03d6fab980102b5ed5b"
                "1d4e5155ab32acf7a8b93f6680fb5ab043bda674861931a1af85767f33a332",
        },
    ),
    "dims_wr_a6": QuizQuestion(
        grade_id="dims_wr_a6", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of the product W_R^1 a_6^1, the recurrent "
               "contribution that uses the state at time step 6?",
        salt="3d80f5b6a19e27c4",
        right="e1996114604ccbefb089522d8da7639627560033026d808b12c1092854cf2984",
        explanation="7d12089a08f98b280460ffebac08efaabf322fbbce441748dc7d2fcfe8ff0f1ef8c41ac1c928d59eaa2df6f6b5f024bd"
                    "ea174eea69e728d2d423188c173ab3a510f80698234de42489da830beb1e6dab8c9d7056ee4980a1a45671f873a36fcd"
                    "aca83b93a5e94fc83f3fd272b24fcd908731d683fc02",
        feedback={
            "cf267de7c54309e70351826878a5ca10c4dccb91fb92f1654218ba2df92841b3":
                "10e38d97d8d93a000025a9ed9feecf51282ad8643b2e052914a5255932f08d404a6c87cfec81372d9b3f8df91990c72d"
                "d0332892b9c6c8cd3f050fc9067a6b5c9b24b0a0e0440ea8fbe61320341718c4ef8def51072c377f7e",
            "051a07bbb9d4adf42b37e8c23b8989c5e76fc4ea0c8b4bbbbeb739fec517fc53":
                "3ed436ad566e0fd9b9992676cf4de51781f2de496d3f8bece094a7ab3e53f5c6bf95a62157e1b05ee86972a5017d07f3"
                "086cc3b2f0823b094ff209d0b9c64b7112fd9161c8e8eae05c337a75329bd0d089e790084d8844b9e8",
            "9e2fcb2f0d65ba08e553718871e1d5cfdcb7c60a5625c6d201a460fb74e3cf78":
                "09834b89f70d68f5dd843cee06158591bff65f2f43348d07f20f92d348f5c9e06e56064bdecb36959d9ec453bae40028"
                "b3fdb2b5afe2652691e6e894",
            "664bcb4e8451924b342ed0510ccb61677715abb7e01a4e8da9d615da12dc19c7":
                "929c7bec62971204349859bdb9ee6b168209c5ef1f2dc549283465b2f4b507162fcaff817437864a94728aed6ca01607"
                "467542916149ab627cdd2246abce2f794c7e43aaba2481a2a679101c4143a91b3eda42e7459d43864f091d734c3d886d"
                "ad872d8ee7def102f8c7c76f812baa35652b9b74ffef353d0d6b542a3da1",
            "f0ef15c85f1861899944bc82620ba91a5c6cf7359a5f13a26ae54d64e5a6dc0b":
                "16fc75cf3c6c10b3146f356a5ff835ea552dd9f9019d922e570e30d44e5e715abf0d3703a2778df5a348d441909a85c1"
                "284d6336b88ac5de873124dc1af0b26b449111805d63a0e22a87266c",
            "7f509a4e168e01dbf8538cb65794b5f5346d5133698c24de2f8ab13ce7eb7f09":
                "1d4a1ce25f12382101664e8e455873ef8719dc934130efeb2e85a0fe8469f408119d88f1b25985db1b1750616a2249ef"
                "dcb2f7b91d780fd1462e2e2a7d33989811132a376afcde50bd3cce83b442f3dbe3afa62f60115ee296e3fa2922260380"
                "ff28c8cda4551118a117ee453a75ae992128a19efe926a36ff61b1f7c451fe88d001a2",
        },
    ),
    "dims_z3": QuizQuestion(
        grade_id="dims_z3", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="In the worked example, what is the shape of z_3^1 = W_F^1 a_3^0 + W_R^1 a_2^1 + b^1?",
        salt="c61b08e4f7a25d93",
        right="2454e279625d776e2325d0eb112389837cfab8eb3c66cca9c816e55ba9fccb38",
        explanation="ddba12e1dffcea75f5196e6905c223642cdb6c916ccddcc07bfd5f0c40988cab4e78cd65cc54a898e6761cd67f17ee41"
                    "7bc3e8321b21fc667ec84dd2607e341d5bef0740ab07cacbb3195c59b3aabcd1e9b6f2988148b410d72b1e599e4c3203"
                    "6cd6dbcde664813645e94ab72d57722d0e861b3e682edea907d379e20c9b5d9ae131b3fed16c9e6acbc4305ca8",
        feedback={
            "45d7c6f76c07e59e8962d00bcd6fcfcb53097cf00e9e6cac838ff59f83445121":
                "f5bd1ce2629c4b659dd9f591784cccc3375b724262da3c5a97f7c5d68faf98423e774c5f3d39c2036af418dfeab4b237"
                "e22192a8088b01fc846ffc644ec3426cfe4e414bc7451aab791f5e0a4e54711809046dd82ebd310c82a58b",
            "510e52b5008ab3a99f5f5b803c67abd138f99d1f5cfa3ec61ddbadace70540e1":
                "235785bca4ebe1da5b8e12f91d5117d73aa2cabe78795d2c1d739b5a56e82bd33d40b0aad78b245949be0d5b97755fc9"
                "fa5d6ea688d8cfd272ba32ad3e597b809b6f014097fd98",
            "80406b65aedab740fa177248a032abc326282f79b745c3e4a3218dda9c419536":
                "c20db305002913fe5531862b294efba95718c3bee7e882957fbf18cb14273c18091e79e94e55bebc9a824080dab6c06e"
                "c2254348b247dd792d19efa997d7c4d4b2a3e983b35b1bb27aef27344a7027999ce3",
            "7fc6f83cb638525968a342baa838899d8a05587fac4589a4d7a38015f961b007":
                "cf2ffceb5883ac6fe80125aea8c906d0c3396d64a2b6167b570f27bcd597722dd12f51f97b4dfb879bb7e5949f3a8f9a"
                "d8ff3cfbc91b95908d2e69873fb4765fdefe859578f9626d5268a4555cc85231cba59b8bf5335e678764",
            "ddc970c67782d88473327366e9ca8d1b3d6a9e3542dc71531454fc7093cd1ccc":
                "19b90c12018fbac63d0ec9bb295363e1dc8a1f23c9243d7580e9a46d6e9f01575d450e9f96d0e48d654cf508987c2245"
                "ea12b52897111758d58084bc209cbcc18bdc6c0201a933f0228291669c3c2d51d3aa7627abac78911968",
            "3e5cc594654ef4f6ae07acc19e53ad7d9aab89e0a752b9e6f42fcf847c47988c":
                "a178116155d9266e617bdb9517817491f7dd41cbb252b43836edb693ec5c39e30fc865272b35789506f1b9e9a2f641d3"
                "367516095f9ef8cc4a6ca691cd1af40bb9073a9e",
            "e146f7193a6d0014e299a6cd8f55eb24e9aebdafd77e11e4b888f9ebbdfeb041":
                "cb58ba700547e720e389657212b3cc610567f40361b761ec5da3c78c4e4a3e376efd032aab7886216966d2abf74ff5bd"
                "59b3e45a974b86d579364db7fbd94c3a8de683b8",
        },
    ),
    "dims_params_hidden": QuizQuestion(
        grade_id="dims_params_hidden", notebook=NOTEBOOK, kind="number", points=1,
        prompt="How many trainable parameters does the hidden layer of the worked example have (W_F^1, W_R^1 "
               "and b^1)? All time steps share the same weights.",
        salt="79e2d4c0b35a816f",
        right="d87a1245c8ae2eecde2d47dade3acbbaa7cef60b93b8ed4da2e222ff9136e8e1",
        explanation="a204a3110da937d7db75539b87b6b11de410da3d455a62fc65216fed49f3c3c9d856cf36c401e9c63522148b85ac0a03"
                    "6468c6931a9921000ceb7d3171bf11e6cdcaa74f37528ea8cb55435c580c3ac2d9eb278d51fecd650b5f915683b6b393"
                    "d5bfd0810cef7f2e3cda5a5c84b2470cbc865d25ee5a0164b5dd605a16d45190045bbc79d94c82762b66b984b1fdb7",
        feedback={
            "3cc06c0290c388a921b34c11b191aa385e9a7f5ecfb3949fcfddce5b0adb06be":
                "004352c7dd6ee92a85a8fdbdbe20b774903ad47e69244dd423567a8d6780ce213cada9c4e0ff2a1abf9a988d6b521be1"
                "90c49c5a71671bbeefb51e",
            "d9480e836f99d83b9de9e9cd512ade9ecfcc9690efecd326541261366abdd67c":
                "be71a5872c387d88fe07218648c4b5e16801cef60e5932a674057e903309fa7b1ebbaf207d6e53997dc6a91d063261d1"
                "8051658dd938c68ab7301daba1ac549eec15c455c07ff309c34a5e1cea95e3081be9e0c5e8184d69f93b",
            "ed2e982dbb7b31bf7e9c4cdaf5bb935e772f4efa1ca568403197edd62542ad04":
                "22dfee4663238516b1b94c054799ef914dc8d03cd363e57cf8ee4b7d943b3944cde32f59fe230a601d1e175626acf106"
                "26de7d13b826e649ea540da5447e24cb3a2aed71d926a7f9e9c6a513e09c29cabd78aa1a404e9e4de5a95283b6ee7a4c"
                "41fa63933e6dc18f87014e3118635fd8bb4630232ad9c51915f3f3803c834946",
            "2a4080eb55dcec822d6697ee0e76b17dd5dc3523d7953284072273cd5834fecf":
                "2f9553221f401a791e824c0aaa1ba0eedebd66e18fbfb086486722ee92299f0b9210c26c6225fea8fee8b89e51153f3f"
                "cc0f6e03d32106a22f74f8980248",
            "8c4b76df3a2a8d42c09a867b41f948ba4d7ab8566b345e1a96ccaa4168fbe3be":
                "974fae6746a8ede03af7a9e34b832d5fcad8a520d6a461e98fd656c1d7a95302f25eed9d10c65f88c3942948e6e597cf"
                "c3e30e6be2618083b721628ca20270eb",
            "e2deb5285a67f1ef4ad5314e57490d95d60e15f37d6ddf8474ba1f89c1e4e4fd":
                "9e052dd22777a342947665cb270a24398359a2e6e7f203f0ad3e3c54f849da17149faf86d75039c3527b0220526393a2"
                "2bffb87c32f8f8e05b07efdd9ed44c9ea2f3821b21ba59399ffc07bd866f83c0c2584d8219b1fe22c959fcb16734635f"
                "1d58fdd0235248f4be50",
            "48b0e57dd1cf69d1cb646b475927a18bf140e47a0502c4a463d81771c81d8696":
                "869ced81b381751045453da4f7c353ec67e1e09039c67c1ba571b0a612fc9f5f21b922025df43a502e13ffc95b771022"
                "d6011f000837e0c487b1dd08798d8d45ef9a124b489af415ec517e880d7ff787c8a0cea23635f954270bdd99bc27",
            "744936ec659285b227065c568659e1539be516e0950d516ba11d870229724a48":
                "6d561d0b80d4737944ab491c39d9f358e9b52f2ae9863fa49401ed774464ed819c06e14bbdd5d42b3622582312b33abd"
                "ade477d71faf6dbbc9488b2c6f1fe11f6c5f1e989b209c284caefcdffd6ed15ae0beca805029db08ce54a0559a19",
        },
    ),
    "dims_concat_w": QuizQuestion(
        grade_id="dims_concat_w", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="The concise form writes z_t^1 = W^1 [a_t^0 ; a_{t-1}^1] + b^1, where W^1 puts W_F^1 and "
               "W_R^1 side by side. In the worked example, what is the shape of W^1?",
        salt="d25f7a813e0c964b",
        right="506b4e3e29d621ea912dc0c9a1e47141a89002090de7632207be1c2741138955",
        explanation="2ba1129e122a979442362fc097de0784851c5479226cf93e3dd3998d01fe6a60645cd74c4c9f755513da47d2f5cb8bdb"
                    "c1ecd337ccee1787e6f8f6bb7e998c794c9d90f0f73b7abeea09cfb950e5f00cc53b78d5623464e529a80f13e101fc30"
                    "0e6de5dfdddc5e4f759250706fcc6f4eb1241049641f65308f7b56efa35a19684432f79bc105a0bb6ff379439f067d50"
                    "8871a93cbeb0b06661b95ef1f1d377516756401a718252a41e83",
        feedback={
            "0249e3a16f9b63672651113a7a39e222f41cf682d137e310eef855a8ee3df78a":
                "6aa016f031a692d29d6abc69c07128d30308bce2c2691fa321da43e791a6c19076c3501f0ca897211526d9d534833833"
                "f65a54d8cc6252f0d43f472147910465a796af440350f1f878ea0f7426085699bb0ad01faac45a8bca3d5c57589a12d5"
                "a723186ff73812435fe90399eba94a2039",
            "ccd29fd7678be927d06ea83e29d20592b7adfd240ac85e2a1bafbadcc3378c59":
                "0b797108060bc9f4cefa1d6e2ee1ab09b8d8341bd620556329ebfa94c3f3bdfa7b40cc42db1f5f3668f92719e7f989fb"
                "a988a9734fa4471992439d98a3707dddbca60370e8860b82d77d850519d631",
            "749ee3d679c62eb3c2401e8dc61a79d412ddd64bb605e436f2ec60ab86198954":
                "48a82715dcf02042b66454a229bf06b093ce0e86c33b268ec0c4fbdf6e8df1bfe249c704fee8c53282a76673a584a07b"
                "79f635babca6b62da92b17fa910fcf43e42b83b49f610e18cb5b",
            "07abe30839d1762b410439669c167351d1b169e8a8be9139b4373d342865d420":
                "0dd8c2d2c4bffc89ad5662627f03e60535d1e68e2dea2836e99ffeb9aa20b13c0e2179ebe501801c587b5e453802dd46"
                "8a86a06299561dfc808d",
            "abeb37b901bdd3d10759d8c5de73354b151b34eee9a8c15d730823078c9f7380":
                "2d2fac85ad2fa52f575c5fecbfc0ff107bfafbda15db6caa88314f552fd4ab888311327354d0dd675d26038ef14c7ed7"
                "c81a2f11cbce4e4897f424a69a57224e5194473c",
            "e422cc68d68715a11f6d0a5112cce1277cbb780048e75fca26045a7f8aafb375":
                "84b3a9792fed7fb88e9a95ed59f2e5fa9edc76d201972b329d8ee26679e2aa1f35b8773eb1fbe4547e84bce9357a0ad1"
                "0ab372dc02619b758b596743bf15bf646802d5984725e3c4",
        },
    ),
    "dims_lstm_params": QuizQuestion(
        grade_id="dims_lstm_params", notebook=NOTEBOOK, kind="number", points=1,
        prompt="An LSTM layer of the same size, torch.nn.LSTM(input_size=3, hidden_size=7): how many numbers "
               "does it train (the sum of p.numel() over its parameters)?",
        salt="86a0c3e9d14f25b7",
        right="37d8b2a20729038d3ef1af55bf88b6eb7f49f6a2044fdc0eb4384c9af340af47",
        explanation="cf4796251b2698d348403cdcde08dfbbbce49e655b1775df5cd2496ea1d5f6164dee72fb71f84a33acd7fb6aa3e09c3b"
                    "d714b68756f41bf4b6d1289af8df6f7175d6256d55122e8a250c498f73c1605ed39dd7e5310660d6409b8cfd3c0b3384"
                    "c5b331c281fca38ec790f573da073b6fabc8aa50da26038bc0a86857d97ff4f3c196638d61e79e2f9a6916c01261481d"
                    "45620d69b064a41f6f5e28408b",
        feedback={
            "6cd070375551eaf3c2d8d4ac11d92324fb59852d5f99ef7e6d92cfac7d2687f1":
                "073e5ffb26978f6ce15f56fcbef8c2ac4895a176ecda902c92dc483255fcf9a3794f7aa1202ab0be438d3bd3269abb50"
                "5902d12a8808453363713aa30d6833d9fcb8e9f56f01334e19147da71c8ad1a53141414aac52f46f1095b46b9332c775"
                "e2102c0093767d9d0a142156b2",
            "66b8564804e19d7ca2a760f3f2eb0ac9947e939989f1a56228396e6615a0a88a":
                "2b69dd52b924af1fa332f17bf8d7c6442e91c3aa702d93f79ca81555c181b3e14f9f11a8f22fcb2326f2e7a58cd92d2a"
                "47c6c3f039630085c813a80b5eda92407ba172392b7b528b0d9f82f3cdc0fcb7aa66d438004f1739ed3683e96c18d668"
                "aabea5d4c2ac",
            "9634dc5f5a9bba4fff564bc0bb595c3b853c9472d9bed8c93e09706c282d19af":
                "1cd6d8ad9c2b33958255acba837ad15cf7920b6bed4b310d427deb373ddb834f280a4a0b31ea6343ce2b9fb38492a941"
                "8ba55b391c042c76754f82d5c2ad5899728d7adc8a39f4cdf340caf60a963fc1d5042b203beb35bb26c536dec8cb54e0"
                "a593d9510708d032",
            "e3a299d67ff2c3611342c676548169531b537df5bd20003e0f78795b0e38c924":
                "29cf31d489edc06dc28cf0b3ed9deb5708e8a10912961a2f052084fb2f4e4aa9e9eae0ce77336a3fb2e2940c2a1baf85"
                "6e34ed07094858",
            "a54397530bc47599870f7e9511417b8322fc2b94a86f30e0e7e59c7b8126ab9f":
                "6f7de0b71c6c8fcf3a4e381d5958fac1d171a486e72a027552c113f3498d8f0964898e8d30239fcdc8c045ef505de91f"
                "d1678707b6137427f36cffff83365602962189b6cadad3e228965d65da54146852e68227af69023f51784e",
            "8acbed8406add6f611927b5c50f557f8133624c4429b3a0c5b6e0e4f33e0263e":
                "7732a16c5f01629e8a08151fbb1164f8489c0b3e625481ab158623d627f49a10026462e02b8793ac831044f603c3779e"
                "374cc8dc6a184e118d4a4432f231ee9071c94bc0f8e9fbe7c6436a2e90bfc1e9",
        },
    ),
    "dims_gru_params": QuizQuestion(
        grade_id="dims_gru_params", notebook=NOTEBOOK, kind="number", points=1,
        prompt="Other sizes: torch.nn.GRU(input_size=10, hidden_size=20). How many numbers does it train?",
        salt="f4b72e05a98c1d36",
        right="b1722ec25136b1f50e066cf5edf81fd88a7b3c4c3e89f755454f057db91305e2",
        explanation="84817ce6646fa00689122d02de2516e32056d0c61a6ebb77e9781e56830cc20955275a7c95ad39e27d67542ac16b25ee"
                    "b05589b3e84b41e4b19b6f1af65887577599bf580caed087539dfd2eb2f14897402924",
        feedback={
            "253cd8029deaa2075c21427accbfe6a2709465c79631f31d905fd6199455f784":
                "02e5002a9086f6c059c30ceb1721925fdf90902459ea80fa144f4428f06694be96dcc6c67ff4fff7e80e86fa66b28b6a"
                "94d3473311ed66f7f81a3a13d06e41135920ba51b48e90e20783c5ac252d8bbd0f4f730ebacf6bf9762810d037c820",
            "6d9fde97c45acbfc56da13cbe62818b193a207bcbe3700e6d36fbab1100cc0b8":
                "0dda97c71c925c05053e8d9a0f5590615d00a9bbdca58e5f11ae25fa8c094651a50f01457b696eb436c93201667f57da"
                "0c0a621f4e30fc5832291752f13f41f794d179a7bb2d92715dc7d6978c555ea61f42be3b5fc4afeb6da4c2d82762d972"
                "ef6cc644640b21",
            "18684398c998f177b1590c0e457d8333324307a9eea55b8d181db46e4c9e6a32":
                "bddf8ff3b1dcd589cfb8eddd8a2809f2ed3b53e121b7e1d534ae5ded7146e7c8ba349519dff1baf66f8a200ec0c25c4b"
                "e96feafa25de8e4e17906898481deb2702226084a18f1e561821742c3bacf63681234eb4dfe40bc09467d9f9261b97da"
                "e147a6ee55f60d793ea2e80f4de1c3b6791f43e035deff4d76161a782464b02b11c0",
            "dfb2aedf9b5b636ceb167708db32cd1d7e00c069b20e14f76290c3f4a3c7ace2":
                "5533de664223bdc833d649884ac8636ac199868bcc5ffd669d62bea7208a218c7095fc39a55a664b4ee5da57bc1d0450"
                "ffab7a6524f63d0b",
            "aff26e392ffebb030ddd6898a201747529614125f77ffdbdb0734fccbbc5c6eb":
                "43923888c426376ef8388fecf36ed191aed7ded4ab8b48a0675d3d8b1a523472cd1bc98ea567645eb84c24f26e",
            "4d673fa10dc5fa374fa019facfb8d58af731478919912415e23d8903f19ba83d":
                "ae41ec93c8816cf12457d064e9afc22bf095dc82f7a8f059dd32a31dcab6be8374761fe20bb8717c7a53f7c861b476dc"
                "cc15d56a8ce8cf4e9a7337754abde365e7db7ea357e1e98d5af4bb05f29e543345a1",
        },
    ),
    "dims_x_batch_first": QuizQuestion(
        grade_id="dims_x_batch_first", notebook=NOTEBOOK, kind="shape", points=1,
        prompt="The code is batch-first: torch.nn.RNN(3, 7, batch_first=True) reads the whole batch at once. "
               "For the worked example, what is the shape of its input tensor x?",
        salt="2e9c51d7b08a643f",
        right="7c9d9130fbf568e174a3e32e569a93602f006612e1811426e77416f3d414c8e3",
        explanation="0ae2eb1e96ab1de47f039bc9670f73d5f2ec9177dc60e8bb1357bfa661445fc81487623fdfaec107a3904573350780f5"
                    "0620762eb5de2088da7d333c8b8cdc10eb1d048f75a78be5e8527fc298cd48098896ea02fd6e8cefe64f6a28f820b8fc"
                    "fc8c206b30e633abc7ab50fb01c0e53ae9463137b241b3e6baacd6d99bdbf033b2b2f30c",
        feedback={
            "8e3bdba7ecb1eafee0a2496ff943e2377584eb8468807e1c3687082236b034f9":
                "722234f542953b564f690c44b80fad5511a3f636b1a785c25e3a8930eecf5f213179461b45a7a96995338b46679f3ba5"
                "6d06bc2ec4ab81f16f06a7e349f2c6a26591fb3b62cbc49303c3ea5fac9abab4a4a092f4c3c7229253fd4b304c749057"
                "6d22c3b1d26a40c6600f",
            "a675f6237c3afe12824f9215b7a4bf3180fe7da460bab1905f626560ea50d862":
                "3f40ffb9c1799435cb8b64137a6d522ed835ed14855c8b0d73ba00ced7427f7ef3fcb6bdded576f8a5a52b1c63f6faff"
                "45440ba1b7b49f14c65641738c2a5931c3872107c37b29311323a0160bdcf43461ee87afa8bd9af3bb59b6ed173ae70f"
                "7e43e4a51271a003bb46f56c",
            "1ad65312d7cb6aa3a636aa3a1373a503d35079edea17b7c2dbec9b5adb928860":
                "6e94e3a68357a6c4623edfdb052b4609469ad3502d7e9ca743a78caa4f24dab0cfffbe62391f355332c9928e92d47f1b"
                "93270d5c7f3792af689385e5332565e2769bec448c55",
            "92f72df4ff8dcebc3896195f3c98afef1179232c2c5f10f61ad9033b0afeccf7":
                "6a8b048a3a57af10a1d8e4c5e2569657b78c6584bf842e2ae4673af8ab564abaa3f4f558c2ce",
            "22f8957d35f39557bd50056c9c338dd66ee3d2c0d3493c3d469038a6813b0c7d":
                "93943c5a0286410be0a46f86e62c711db049277c947fc549eb5bebe968487ed714af528d355ef541f5fb619673b0b4bf"
                "d32690d914e0827d0dc6914eab15e0e7142c55",
            "af636f32718ae13555edd7463ca042a067a2ea2d8ce1669d57204954e5ed0b4d":
                "c2e458ce19a4d8a4c1555a112b54ebc7753970615ac4ab66d7f930d7e3bbff0a1bb73be4a60edc4e56ad6796137c7a92"
                "a86a20d1c96fe89b404e4d113a64865b1478b61a57917bee7d364dfb3f977fd7c6a903f663",
            "21790d6f5711777ea9da8e50403dd159013b8c701ea72e78e40592c46665f084":
                "9aa207add395883249009119c1c746d554a57f67d7691e48a796230726486cdfbcf3bfc1bd7a4fa71279ad05dee4883d"
                "d8cbf297cecb55ddfd30be",
        },
    ),
    "shape_detective": FunctionQuestion(
        grade_id="shape_detective", notebook=NOTEBOOK, function="shape_detective",
        outputs=OUTPUTS, reference=detective_reference,
        public_cases=lambda: [
            Case("the worked example (D=3, H=7, O=1, N=64, T=10, a vanilla RNN: G=1)", _config(3, 7, 1, 64, 10, 1)),
            Case("the worked example's sizes as an LSTM (G=4)", _config(3, 7, 1, 64, 10, 4)),
            # Every size different and above 1 (O too), so that a slip swapping two sizes, or writing 1 for
            # one, fails here as it fails on the hidden cases.
            Case("a GRU with every size different (D=5, H=6, O=2, N=8, T=4, G=3)", _config(5, 6, 2, 8, 4, 3)),
        ],
        hidden_cases=_hidden_detective_cases, points=3, tolerance=0.0, hints=detective_hints, slips=detective_slips,
    ),
}
