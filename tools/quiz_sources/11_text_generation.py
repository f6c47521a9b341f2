"""Graded quiz questions of exercises/11_text_generation.ipynb (temperature, bits per character),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "11_text_generation.ipynb"
QUESTIONS = [
    Question(
        "temperature_to_zero",
        "choice",
        "Sampling draws the next character from softmax(z / T). What does sampling become as the temperature "
        "T "
        "goes down towards 0?",
        "b",
        "Dividing the logits by a small T multiplies the gaps between them by 1/T, and the softmax turns a "
        "large gap "
        "into a large ratio: p_i / p_j = exp((z_i - z_j) / T). As T -> 0 every ratio against the largest "
        "logit goes "
        "to 0, so all the probability lands on the argmax: sampling becomes greedy, and its text repeats "
        "itself.",
        {
            "a": "that is the other end, T -> infinity: dividing by a huge T pushes every logit towards 0, "
            "and the "
            "softmax of equal numbers is uniform. A small T does the opposite and spreads the logits apart.",
            "c": "that is T = 1: softmax(z / 1) is the model's distribution. Any other temperature reshapes "
            "it; below 1 "
            "it sharpens it.",
            "d": "only a careless implementation: exp of a huge z / T overflows. Subtract the row's maximum "
            "first and "
            "the limit is well defined: the largest logit gets probability 1, every other 0.",
        },
        options={
            "a": "every character becomes equally likely: sampling turns uniform",
            "b": "the most likely character is taken every time: greedy (argmax) decoding",
            "c": "nothing changes: the model's own probabilities are sampled",
            "d": "the probabilities become NaN, so sampling breaks down",
        },
        salt="5c0e8b2f17a4d963",
    ),
    Question(
        "uniform_bits",
        "number",
        "A model that knows nothing gives each of V = 64 characters the same probability. How many bits per "
        "character does it score, on any text?",
        6,
        "6 bits. Every character gets p = 1/64, so each costs -log2(1/64) = log2(64) = 6 bits, whatever the "
        "text. That is the ceiling any trained model must get below; the corpus of the lesson, with V = 96, "
        "has a "
        "ceiling of log2(96) = 6.58 bits, the unigram model reaches about 4.5, and the LSTM much less.",
        {
            64: "that is the number of characters. The cost of one character is -log2 of its probability: "
            "-log2(1/64).",
            4.16: "that is ln(64) = 4.16 nats. Bits use the base-2 logarithm: log2(64).",
            0.015625: "that is the probability 1/64 of each character. Its cost in bits is -log2(1/64).",
            1: "one bit is the cost of a choice between two equally likely characters; 64 equally likely "
            "characters "
            "cost log2(64) bits.",
        },
        tolerance=0.01,
        salt="e41a9d07c3b5f682",
    ),
]
