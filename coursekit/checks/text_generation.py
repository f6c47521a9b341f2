"""Questions of exercises/11_text_generation.ipynb: sampling temperature and bits per character.

    temperature_softmax(logits, temperature) -> probabilities
    bits_per_character(logits, targets)      -> bits

Shapes: logits (N, V), one row of scores over the V characters of the vocabulary for each of N
predictions; temperature a 0-d array (a positive number); probabilities (N, V), each row
summing to 1; targets (N,) ints in [0, V), the character that really came next; bits a scalar,
the mean over the N predictions of -log2 of the probability given to the target.
"""
from __future__ import annotations

import numpy as np

from ..nn.activations import log_softmax, softmax
from ..quiz import QuizQuestion
from .core import Case, FunctionQuestion, matching_slip

NOTEBOOK = "11_text_generation.ipynb"


def softmax_reference(logits, temperature):
    return (softmax(logits / float(temperature)),)


def softmax_slips(logits, temperature) -> dict[str, np.ndarray]:
    """What the usual mistakes return, made on purpose: {the words of the hint: probabilities}."""
    T = float(temperature)
    return {
        "the logits were multiplied by the temperature; divide them by it (softmax(z / T)), so that a low "
        "temperature sharpens the distribution and a high one flattens it": softmax(logits * T),
        "the temperature is not used: divide the logits by it before the softmax": softmax(logits),
        "the softmax normalises over the wrong axis: each row (one prediction, axis 1 / axis=-1) must sum to 1, "
        "not each column": softmax(logits / T, axis=0),
        "the temperature was applied after the softmax (probabilities divided by T, or raised to 1/T without "
        "normalising again): divide the logits, then take the softmax": softmax(logits) / T,
    }


def softmax_hints(inputs, received) -> str | None:
    try:
        got = np.asarray(received[0], dtype=float)
    except (TypeError, ValueError):
        return None
    if not np.all(np.isfinite(got)):
        return ("np.exp overflowed (exp of a number above ~709 is inf, and inf / inf is NaN): subtract each row's "
                "maximum from z / T before np.exp; the softmax does not change, and the largest exponent becomes 0")
    return matching_slip(got, softmax_slips(**inputs))


def _softmax_case(label, seed, N, V, temperature, scale=3.0) -> Case:
    rng = np.random.default_rng(seed)
    return Case(f"{label} (N={N}, V={V}, temperature {temperature}, logits up to {scale:g})",
                {"logits": rng.uniform(-scale, scale, (N, V)), "temperature": np.array(float(temperature))})


def bits_reference(logits, targets):
    log_p = log_softmax(logits)
    return (-np.mean(log_p[np.arange(len(targets)), targets]) / np.log(2),)


def bits_slips(logits, targets) -> dict[str, float]:
    rows = np.arange(len(targets))
    nats = -log_softmax(logits)[rows, targets]
    return {
        "that is in nats: np.log is the natural logarithm. Bits use log2: divide by np.log(2) (or use np.log2 "
        "of the probabilities)": np.mean(nats),
        "the costs were summed over the characters; bits per character is their mean": np.sum(nats) / np.log(2),
        "the softmax normalises over the wrong axis: each row (one prediction, over the V characters) must sum "
        "to 1": -np.mean(log_softmax(logits, axis=0)[rows, targets]) / np.log(2),
        "the logits were used as log-probabilities without a softmax: normalise each row first "
        "(log p = z - log(sum(exp(z))))": -np.mean(logits[rows, targets]) / np.log(2),
        "the sign is missing: the cost is -log2 p, a positive number": np.mean(-nats) / np.log(2),
    }


def bits_hints(inputs, received) -> str | None:
    try:
        got = np.asarray(received[0], dtype=float)
    except (TypeError, ValueError):
        return None
    if not np.all(np.isfinite(got)):
        return ("np.exp overflowed: subtract each row's maximum from the logits before np.exp "
                "(log p = z - max - log(sum(exp(z - max))))")
    return matching_slip(got, bits_slips(**inputs))


def _bits_case(label, seed, N, V, scale=3.0) -> Case:
    rng = np.random.default_rng(seed)
    return Case(f"{label} (N={N} characters, V={V}, logits up to {scale:g})",
                {"logits": rng.uniform(-scale, scale, (N, V)), "targets": rng.integers(0, V, N)})


QUESTIONS = {
    "temperature_softmax": FunctionQuestion(
        grade_id="temperature_softmax", notebook=NOTEBOOK, function="temperature_softmax",
        outputs={"probabilities": ("prediction", "character")}, reference=softmax_reference,
        public_cases=lambda: [
            Case("the example from the notebook (N=2, V=3, temperature 0.5)",
                 {"logits": np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 3.0]]), "temperature": np.array(0.5)}),
            Case("large logits (N=2, V=3, temperature 1, logits near 1000)",
                 {"logits": np.array([[1000.0, 999.0, 990.0], [-5.0, 800.0, 801.0]]), "temperature": np.array(1.0)}),
        ],
        hidden_cases=lambda seed: [
            _softmax_case("a hidden case with a high temperature", seed, 4, 7, 2.5),
            _softmax_case("a hidden case with a low temperature and large logits", seed + 1, 3, 96, 0.2, 200.0),
            _softmax_case("a hidden case with one row", seed + 2, 1, 5, 1.3),
        ],
        points=2, hints=softmax_hints,
    ),
    "bits_per_character": FunctionQuestion(
        grade_id="bits_per_character", notebook=NOTEBOOK, function="bits_per_character",
        outputs={"bits": ()}, reference=bits_reference,
        public_cases=lambda: [
            Case("the example from the notebook (N=3 characters, V=4)",
                 {"logits": np.array([[2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [1.0, 3.0, -1.0, 0.5]]),
                  "targets": np.array([0, 3, 1])}),
        ],
        hidden_cases=lambda seed: [
            _bits_case("a hidden case", seed, 50, 96),
            _bits_case("a hidden case with large logits", seed + 1, 6, 5, 900.0),
            _bits_case("a hidden case with one character", seed + 2, 1, 3),
        ],
        points=2, hints=bits_hints,
    ),
}

QUESTIONS["temperature_to_zero"] = QuizQuestion(
    grade_id="temperature_to_zero", notebook=NOTEBOOK, kind="choice", points=1,
    prompt="Sampling draws the next character from softmax(z / T). What does sampling become as the temperature T "
           "goes down towards 0?",
    options={
        "a": 'every character becomes equally likely: sampling turns uniform',
        "b": 'the most likely character is taken every time: greedy (argmax) decoding',
        "c": "nothing changes: the model's own probabilities are sampled",
        "d": 'the probabilities become NaN, so sampling breaks down',
    },
    salt="5c0e8b2f17a4d963",
    right="3218e4a8771946aeed12f1d33930d5a5e3cf75b362cf08941f60aa3b6ef99992",
    explanation=(
        "48c84fbb38f96d913530c0b88c2e8217e004806cc1d78f9768c132f7e4cbdb9ebd1d0fdf5892e7d920f1ba6572872fa4"
        "71b98a6a1b1b5ab7bd0a6d717ed2274e9e4e018c6d6bf6bd39179a15ef2262b14eb8f2993623617e845767cb8c8f9757"
        "449fb335f2f58c62461c20fd530de3873694e76dced9ad5072915ed4d04e0cf6d319c20eff2db025e01e910f7573f604"
        "93a4477e009033fa26797023f8c1c940b1c00f0e9fd82cd59c6ab4153c1d793972442587efda58d1d3c6f14dc47be3d8"
        "7110dd374ad29d52984f48392702931f0e9f9976bfe7c64ca31a4e17e32691f7f1e44bc4e6d1205e38e8122be5a2345a"
        "33977eb30726e8884919c1fbe81ac8b9a072173823daf0a94c78e2d74081c3dd2cf54c4f416d01970aa7fc131885e7df"
        "61916e59b89f9f2f1ce6cba9bcbce474047f7b8da09e5c500abb8724b069"
    ),
    feedback={
        "13a8d3c044ab36429ef53c6b3ba0b301bf8d11f98661e0b6423c317592b2dca9": (
            "5e100d0b29503db2eae009e6f8f3668d44cd6d47088f9c557f7291ef1015dcab8929de5742f925f500b269bc5b76"
            "04d161c6aa2c69415a5415fac3a49b020660a922f352d9fa148fce3bbb9a9ed7973fea878eba4a0e4993e745e01c"
            "ac76c6c326f82212d57b167254fbdcfca000a72037da12f142d9ccc8a1ed0a4dd60922cdb23cfe70f74e6e2fd45c"
            "e3c573ac4315fe0eac11f298af9e5e1bd917f134aec0765bd0328b59dcc49e309599774de42adb7d29"
        ),
        "8bec02e5d0a505f29385dd5cf14df30143b21c385fab677dcd580272039aa643": (
            "05591cfc5b8d62d84c63288e3c68dc9394dc3d779b952e352b4ed730f3d84981fbeb25d9f212e5adb69b0d1ea7e2"
            "8c9c4f3eb25dd9f3f647143198db8638010c21fac6feb28506e899c2a709bb98b383ec29bcf3104d4c547fef8720"
            "39c3807770a5f0a7d10c94fb122626a3d19b8ab4683620a342"
        ),
        "b60901a34a1ea8d1b25b422ec5d876a6b00d01ef637f925a51adec5ec8106449": (
            "b373af0a27d75584bde3a5ebd8fba1c068b052260ec5f632645d380738d9348a3c20c425c2e54728ff3bc0c131a6"
            "5082a81756d90ac0f3bc3c6a914c3f80e979ac89d4d9118bb03e92c69a849031c0997b76f7f7d28757bf98da2984"
            "6652ec65e061a4b678f8d98b894ad09288d767e7fcd724983758e940cba2c53f21d7cce2ca9c771da8577cc9584e"
            "e3e4cb8edf8beca834dbea4d1a3072a39b0d21fd1a6d6a3e80af3be0b4817de151587a8c3347f31d01f8316dad74"
            "19e4e833de6351"
        ),
    },
)
QUESTIONS["uniform_bits"] = QuizQuestion(
    grade_id="uniform_bits", notebook=NOTEBOOK, kind="number", points=1, tolerance=0.01,
    prompt="A model that knows nothing gives each of V = 64 characters the same probability. How many bits per "
           "character does it score, on any text?",
    salt="e41a9d07c3b5f682",
    right="246a7114694f9e2ee78d6ac2241de03c59ad2e90842e4fcce6152dcad7ecfa96",
    explanation=(
        "10d297db2ecbefd4f2c31ca7cb782ae9fda0d1c9bbb1d797e2e6d527af0e0d6183ff591e39a0ed608d134866abdca299"
        "92bb2d020d5862297490aadd594d3199bb230f99bab4c0c584f3d93f43e86fe23edcd25c2db0af1aacc6a707ee1e74b8"
        "c3b9c935c3ab70365e0789cb475847b6426ef0007daff0e4d87c3ac84edf08c4e37ff0d48b3f5484071591e200fbc059"
        "a14e573715ffa01347c11b02163280335839685fc33e89d1c32415ba6801a6429becac3267c642b989be708666116bd4"
        "61a23a7539d344233bd2bf777dd2e2a7a92e5a986d5c53e0200eb29d32e7df348300f119a21d9b47044e0b973baf02b9"
        "da386b81754c63e7a412bd55af2d26dfddc7e21c214d28c710ff47fbfbe60ffcac58c661efeca1a463b4658fa471c821"
        "db8584c966b788e617"
    ),
    feedback={
        "274194a6b687c01248932a3148d57b91a68582332a660f1769d6c45707bfc6e2": (
            "7e37d18a4bbbb78a82a95e9b0bbf81b35bc9d5b21d5a5ccb079b16ce4d42201aa71d5e7d627133062de50a507c0a"
            "aedd5cd5225e689f2906a482c3327eb743540d04b205536d5de10db6c9ee7312ba78"
        ),
        "43d0ba9b7cdf2090cb0d0c069b8df7d03e47588fde16d93947a9896d35387685": (
            "3deb07d307a664c76498d551be9eef27a2b751417f7cd0c5c883b9695fdae9b2669772988f16878c64776efe133d"
            "c7ab81634f573ba8bac7cf40fb149b936e02958b71036ca846bfb404739e7b21aa9a83fda23f7cecf2452215f51c"
            "38593f81ea9b925650c0cb74e4bfda32bd601dabafb4c56d4413ab"
        ),
        "5c6cb4cfb9d49f7c674d87819811023b007b769390e6d77617cd073d89c62b25": (
            "bea942e1d6230dbe56b5be67d35529483b04616519c34d834e8bbb5b5b56d1f4fee9160c9e669014017e5537323c"
            "75cfc80415f321c13741a87f01ecf5b44f9f63ebe76b0ca5e63e959d97a2d3f8338fcce6a30d9fab2e85076dd6af"
            "ad1d539b3af4339fd1"
        ),
        "df1c83a48c3be66dd7c9942b9317e80926cf7a2ddf6aa009b2f9bb4ec31ed8f5": (
            "6e3453dedf6d8c97b8dfed2092c092194c545b7cc6c3debf6be10de8a65d71cf3d13cf25326d46f419d1af24b2ae"
            "27af446ecf00731006af8ae5f26d4556fd0e48946318"
        ),
    },
)
