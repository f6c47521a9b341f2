"""Check yourself, lesson 08: the LSTM (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "08_lstm.ipynb"
QUESTIONS = [
    Question(
        "lstm_hold_100_steps",
        "choice",
        "For 100 steps, one unit's forget gate is 1 and its input gate 0. What happens to its cell value, "
        "and to "
        "the gradient that flows back along its cell path?",
        "a",
        "With f = 1 and i = 0, c_t = 1 * c_(t-1) + 0 * g_t = c_(t-1), and dc_t/dc_(t-1) = f_t = 1: the value "
        "and "
        "its gradient both cross the 100 steps unchanged. No weight matrix and no tanh derivative lies on "
        "that "
        "path, which is what the vanilla RNN lacks.",
        {
            "b": "The cell is only multiplied by the forget gate, 1 here, and nothing is added (i = 0): no "
            "step "
            "shrinks it. It is a forget gate below 1 that lets the value fade.",
            "c": "On the cell path each step back multiplies the gradient by f_t alone, here 1: no W_hh and "
            "no tanh "
            "derivative lie on it, so it does not vanish the way a vanilla RNN's does.",
            "d": "The candidate g_t changes every step, but the input gate, 0 here, lets none of it in; and "
            "with "
            "f = 1 the output gate cannot change the cell either, it only decides how much of it h_t shows.",
        },
        options={
            "a": "both pass unchanged: c_t = c_(t-1) and dc_t/dc_(t-1) = 1 at every step",
            "b": "the value fades to 0, because the cell is squashed at every step",
            "c": "the value is kept, but the gradient vanishes as in a vanilla RNN",
            "d": "the value changes with every new candidate g_t",
        },
    ),
    Question(
        "lstm_candidate_tanh",
        "choice",
        "Why does the candidate g_t use tanh, while the three gates use the sigmoid?",
        "c",
        "A gate is a proportion, how much to write, keep or show, so it lives between 0 and 1. The candidate "
        "is "
        "content: it must be able to lower a stored value as well as raise it, so it lives between -1 and 1. "
        "The cell itself is not bounded: c_t = c_(t-1) + i_t g_t can add up past 1.",
        {
            "a": "tanh keeps g_t within (-1, 1), not the cell: c_t = f_t c_(t-1) + i_t g_t can add up to "
            "more than "
            "1 over several steps (the cell is squashed only on its way to h_t).",
            "b": "tanh saturates just as the sigmoid does, at both ends; the reason is the range: the "
            "candidate must "
            "be able to be negative.",
            "d": "The candidate is not a gate: it does not scale anything, it is the content that the input "
            "gate "
            "lets in, and content must be able to be negative.",
        },
        options={
            "a": "so that the cell state stays between -1 and 1",
            "b": "because tanh does not saturate, so its gradient never vanishes",
            "c": "because what is written must be able to lower a value as well as raise it; a gate is a "
            "proportion between 0 and 1",
            "d": "it makes no difference: the candidate is a fourth gate",
        },
    ),
    Question(
        "lstm_weight_hh_shape",
        "shape",
        "torch.nn.LSTM(10, 20): input size 10, hidden size 20. What is the shape of weight_hh_l0?",
        (80, 20),
        "weight_hh_l0 stacks the four recurrent matrices, one (H, H) block per gate in the order i, f, g, o, "
        "stored (out, in) as torch does: (4H, H) = (80, 20). The forget gate's rows are the second block, "
        "rows "
        "20 to 39.",
        {
            (
                20,
                80,
            ): "torch stores a weight as (out_features, in_features): the four blocks are stacked along the "
            "rows, so (4H, H).",
            (
                80,
                10,
            ): "That is weight_ih_l0, which reads the input (10 features). weight_hh_l0 reads the previous "
            "hidden state, of size 20.",
            (20, 20): "That is one block. An LSTM layer stacks four, one for each of i, f, g and o.",
            (
                60,
                20,
            ): "Three gates, but four blocks: the candidate g has its own weights too, stacked in the order "
            "i, f, g, o.",
        },
    ),
    Question(
        "lstm_new_subject",
        "choice",
        "An LSTM unit stores the gender of the current subject, so that a later 'he' or 'she' agrees. A new "
        "sentence begins with a new subject. What do the unit's gates do, in the lesson's hand-made example?",
        "b",
        "The forget gate closes (near 0), which clears the old subject, c_t = f_t c_(t-1) + i_t g_t with "
        "f_t near 0, and the input gate opens to write the new one. With the forget gate held open, the "
        "lesson's "
        "unit added the new subject to the old (+1 - 1) and was left at 0: neither 'he' nor 'she'.",
        {
            "a": "A forget gate near 1 keeps the cell: c_t = f_t c_(t-1) + ... . To drop the old subject it "
            "must "
            "close, near 0; the name says what the gate does when it closes.",
            "c": "The output gate only decides how much of the cell h_t shows; the old subject stays in the "
            "cell and "
            "would come back as soon as the gate opened.",
            "d": "Writing the new subject with the forget gate still open adds it to the old one: the "
            "lesson's unit "
            "held +1 for Alice, then +1 - 1 = 0 after Bob, which says neither 'he' nor 'she'.",
        },
        options={
            "a": "the forget gate opens (near 1) to forget the old subject",
            "b": "the forget gate closes (near 0) to clear the old subject, and the input gate opens to "
            "write the new one",
            "c": "the output gate closes, which deletes the old subject",
            "d": "only the input gate opens: the new subject is written over the old one",
        },
    ),
    Question(
        "lstm_origin_forget_gate",
        "choice",
        "Who proposed the LSTM, and did its first version have a forget gate?",
        "d",
        "Hochreiter and Schmidhuber, 1997: a cell that carried its content from step to step with a fixed "
        "weight of 1, so the error could flow back without vanishing, but it could not clear what it held. "
        "The "
        "forget gate, which lets a cell reset, came from Gers, Schmidhuber and Cummins in 2000; PyTorch's "
        "LSTM "
        "has it.",
        {
            "a": "The first LSTM (Hochreiter and Schmidhuber, 1997) had input and output gates only; its "
            "cell kept "
            "its content with a fixed weight of 1. The forget gate came in 2000 (Gers, Schmidhuber and "
            "Cummins).",
            "b": "Cho and colleagues proposed the GRU in 2014, the next lesson's cell; the LSTM is from "
            "1997.",
            "c": "Elman's 1990 network is the simple recurrent network of the earlier lessons, with no cell "
            "and no "
            "gates.",
        },
        options={
            "a": "Hochreiter and Schmidhuber, 1997, with input, forget and output gates from the start",
            "b": "Cho and colleagues, 2014, with a forget gate",
            "c": "Elman, 1990, without gates",
            "d": "Hochreiter and Schmidhuber, 1997, without a forget gate, which Gers, Schmidhuber and "
            "Cummins added in 2000",
        },
    ),
]
