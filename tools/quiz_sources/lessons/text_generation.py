"""Check yourself, lesson 11: text generation (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "11_text_generation.ipynb"
QUESTIONS = [
    Question(
        "textgen_lower_temperature",
        "choice",
        "You sample from the trained model at T = 0.5 instead of T = 1. What changes?",
        "b",
        "Dividing the logits by T = 0.5 doubles the gaps between them, so after the softmax the likely "
        "characters get likelier and the rare ones rarer. The order of the characters stays the same. The "
        "text "
        "keeps to what is most common: fewer invented words, more repetition, and the long runs of spaces "
        "the "
        "lesson measured.",
        {
            "a": "That is what T above 1 does: dividing by T > 1 shrinks the gaps between the logits and the "
            "distribution flattens towards uniform. T = 0.5 stretches the gaps instead.",
            "c": "Dividing every logit by the same positive T keeps their order, so the most likely "
            "character stays "
            "the most likely. What changes is how much more likely it is than the others.",
            "d": "Temperature acts only when characters are drawn; the model's weights and its bits per "
            "character "
            "on the test text (computed from the softmax at T = 1) do not change.",
        },
        options={
            "a": "The distribution flattens: rare characters get more of a chance and the text gets more "
            "varied",
            "b": "The distribution sharpens: likely characters get likelier, and the text gets safer and "
            "more "
            "repetitive",
            "c": "A different character becomes the most likely one, so the text says something else",
            "d": "The model's bits per character on the test text go down, because it is more certain",
        },
    ),
    Question(
        "textgen_uniform_bits",
        "number",
        "A model that knows nothing gives each of the 96 characters the same probability. How many bits per "
        "character does it pay on any text? (Two decimals.)",
        6.58,
        "Each character gets p = 1/96 and costs -log2(1/96) = log2(96) = 6.58 bits, whatever the text. The "
        "unigram baseline (about 4.5) and the LSTM are measured against this.",
        {
            96: "96 is the number of characters, not the bits. A probability of 1/96 costs -log2(1/96) = "
            "log2(96) "
            "bits.",
            4.56: "That is ln 96, in nats. Bits use base 2: log2(96) = ln 96 / ln 2.",
            7: "Seven bits is the shortest fixed-length code that can tell 96 characters apart. The cost of "
            "probability 1/96 is -log2(1/96), which need not be a whole number.",
            8: "8 bits is what plain ASCII stores per character, whatever the probabilities. A uniform model "
            "over "
            "96 characters pays log2(96).",
        },
        tolerance=0.01,
    ),
    Question(
        "textgen_detached_state",
        "choice",
        "The training loop carries the LSTM's state (h, c) from one window of 25 characters to the next and "
        "calls detach() on it. What does that do, and what does it cost?",
        "c",
        "detach() keeps the numbers and cuts the graph: the next window starts where the last one ended, but "
        "backpropagation stops at its first step. That is truncated BPTT with k = 25 (notebook 06): each "
        "update "
        "costs one window of memory and time, and no gradient reaches back more than 25 characters, so a "
        "dependency longer than that can only be used if the state happens to carry it, never learnt for it.",
        {
            "a": "Setting the state to zero is what the stateless version did. detach() keeps the numbers, "
            "so the "
            "next window starts where the previous one ended; only the graph behind them is cut.",
            "b": "Cutting the graph is exactly what stops the gradient: it reaches back to the window's "
            "first step "
            "and no further. The state's numbers still carry information from further back, but no gradient "
            "teaches the model to put it there.",
            "d": "Gradients do reach every step inside the window; only the paths that cross into earlier "
            "windows "
            "are cut. The model does learn, from dependencies of up to 25 characters.",
        },
        options={
            "a": "It sets the state to zero, so every window is learnt on its own",
            "b": "It keeps the numbers, and the gradient still reaches back to the start of the stream, only "
            "more cheaply",
            "c": "It keeps the numbers but cuts the graph: the gradient reaches back at most one window (25 "
            "steps), though the state carries information further",
            "d": "It stops all gradients through the state, so the LSTM's recurrent weights are never "
            "trained",
        },
    ),
    Question(
        "textgen_greedy_loop",
        "choice",
        "Greedy decoding (T = 0) from the trained model falls into a loop, often a long run of spaces. Why?",
        "a",
        "Greedy decoding takes the most likely character every time, so what comes next depends only on the "
        "state. In Python, spaces are mostly indentation, and after a space the most likely next character "
        "is "
        "often another space; each one fed back keeps the state in that place. Once the state comes back to "
        "(nearly) where it was, the same characters follow again, for ever. A random draw (T > 0) can step "
        "out.",
        {
            "b": "Greedy decoding draws nothing, so the seed plays no part: every seed gives the same text. "
            "The "
            "loop comes from taking the most likely character every time.",
            "c": "Space is the most common character (about 28 % of the text), but it is not the most likely "
            "after "
            "every character: greedy text starts with real code. The loop begins once a space makes another "
            "space the most likely next character.",
            "d": "Loops are a property of greedy decoding itself; larger, better-trained models fall into "
            "them too. "
            "That is why text is generated by drawing, with a temperature.",
        },
        options={
            "a": "Each character is the most likely one given the state, so the text follows the state; "
            "after "
            "spaces (indentation) another space is the most likely, and a state it comes back to repeats",
            "b": "The random seed is fixed, so the same draws come again and again",
            "c": "The model gives the space the highest probability after every character",
            "d": "The model is too small and too briefly trained; a well-trained model never loops",
        },
    ),
]
