"""Graded quiz questions of exercises/03_unfolding.ipynb (parameter counts of an unrolled RNN),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "03_unfolding.ipynb"
QUESTIONS = [
    Question(
        "rnn_parameter_count",
        "number",
        "A tanh recurrent layer with D = 4 inputs, H = 16 hidden units and one bias vector b (parameters "
        "W_xh, "
        "W_hh, b) reads sequences of T = 10 steps. How many trainable parameters does it have?",
        336,
        "W_xh has H·D = 16·4 = 64 numbers, W_hh has H·H = 256 and b has H = 16: 64 + 256 + 16 = 336, "
        "whatever the length T of the sequences.",
        {
            3360: "that multiplies by T = 10, as if every time step had its own weights; the unrolled graph "
            "reuses one "
            "W_xh, W_hh and b at every step.",
            320: "that leaves out the bias b, which has one number per hidden unit (H = 16).",
            352: "that counts two bias vectors, as torch.nn.RNN does (bias_ih and bias_hh); this layer has "
            "one b.",
            80: "that counts W_xh and b only; the recurrent weights W_hh (H × H) are parameters too.",
            272: "that counts W_hh and b only; the input weights W_xh (H × D) are parameters too.",
            528: "W_xh has H·D = 16·4 numbers, not H·H: it maps D = 4 inputs to H = 16 units.",
            144: "W_hh maps the H = 16 units of the previous step to the H = 16 units of this step: it is H "
            "× H = 256 "
            "numbers, not H·D.",
        },
        salt="5b2e8f0c7a9d4163",
    ),
    Question(
        "parameters_as_t_grows",
        "choice",
        "The same recurrent layer (D = 4, H = 16) and a feed-forward network whose first layer has 16 units "
        "and "
        "reads the whole sequence flattened into one vector of T·D numbers. The sequences grow from T = 10 "
        "to "
        "T = 100 steps. What happens to the two parameter counts?",
        "b",
        "The recurrent layer reuses its weights at every step, so T appears in none of their shapes. The "
        "feed-forward "
        "network's first layer has one weight per input number and hidden unit, T·D·16, so it grows with T.",
        {
            "a": "the recurrent layer's count does stay the same, but the feed-forward network's first layer "
            "has a weight "
            "for every one of its T·D inputs: ten times as many inputs, about ten times as many weights.",
            "c": "the feed-forward network's count grows, but the recurrent layer reuses the same W_xh, W_hh "
            "and b at "
            "every step, so reading 100 steps needs no more weights than reading 10.",
            "d": "it is the other way round: the recurrent layer's weights are shared by all steps, while "
            "the "
            "feed-forward network needs a weight for every number of the flattened sequence.",
        },
        options={
            "a": "both counts stay the same",
            "b": "the recurrent layer's count stays the same; the feed-forward network's grows about tenfold",
            "c": "both counts grow about tenfold",
            "d": "the recurrent layer's count grows; the feed-forward network's stays the same",
        },
        salt="e0a4c91b6d2f7358",
    ),
]
