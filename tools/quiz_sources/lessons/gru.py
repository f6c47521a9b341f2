"""Check yourself, lesson 09: the GRU (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "09_gru.ipynb"
QUESTIONS = [
    Question(
        "gru_update_gate_decay",
        "number",
        "In PyTorch's GRU, h_t = (1 - z_t) * n_t + z_t * h_(t-1). One unit starts at h_0 = 1; for 10 steps "
        "its "
        "update gate is z = 0.9 and its candidate is n = 0. What is h_10? (two decimals)",
        0.35,
        "Each step keeps the share z = 0.9 of the old state and adds (1 - z) * n = 0, so h_t = 0.9 * h_(t-1) "
        "and "
        "h_10 = 0.9^10 = 0.35. In PyTorch's form z is the share kept. The gradient along this direct path is "
        "multiplied by the same z at every step, so a unit whose z stays near 1 keeps its value and passes "
        "its "
        "gradient back almost unchanged.",
        {
            0.0: "That takes 1 - z = 0.1 as the share kept (0.1^10 is about 1e-10), the convention of some "
            "texts. In "
            "PyTorch z is the share kept: each step keeps 0.9 of the state.",
            0.1: "0.1 = 1 - z is the share of the candidate a step takes in, not what is left of the state. "
            "Each step "
            "keeps 0.9 of it, ten times over.",
            0.9: "That is what one step leaves. Each of the 10 steps multiplies the state by 0.9 again: "
            "0.9^10.",
            1.0: "z = 0.9 is near 1 but not 1: each step keeps 0.9 of the state and takes 0.1 of the "
            "candidate, here "
            "0, so the state fades. Only z = 1 copies it exactly.",
        },
        tolerance=0.01,
    ),
    Question(
        "gru_reset_after_product",
        "choice",
        "Which candidate does torch.nn.GRU compute?",
        "b",
        "PyTorch (and cuDNN) compute W_hn h_(t-1) + b_hn first and then scale it by r_t. The paper by Cho et "
        "al. "
        "scales the state before the product, W_hn (r_t * h_(t-1)). With the same parameters the two forms "
        "compute "
        "different functions, so this course uses PyTorch's throughout and weights move to torch unchanged.",
        {
            "a": "That is the original paper's form (Cho et al., 2014): the reset gate on h_(t-1), before "
            "the product. "
            "PyTorch applies it after the product, to W_hn h_(t-1) + b_hn; with the same weights the two "
            "give "
            "different candidates.",
            "c": "In PyTorch b_hn sits inside the reset: r_t scales W_hn h_(t-1) + b_hn together. That is "
            "why the "
            "candidate's two biases, b_in and b_hn, cannot be merged into one.",
            "d": "Mixing the old state with the candidate is the update gate's job (z_t, in h_t). The reset "
            "gate only "
            "decides how much of the old state the candidate may use.",
        },
        options={
            "a": "n_t = tanh(W_in x_t + b_in + W_hn (r_t * h_(t-1)) + b_hn)",
            "b": "n_t = tanh(W_in x_t + b_in + r_t * (W_hn h_(t-1) + b_hn))",
            "c": "n_t = tanh(W_in x_t + b_in + r_t * (W_hn h_(t-1)) + b_hn)",
            "d": "n_t = r_t * h_(t-1) + (1 - r_t) * tanh(W_in x_t + b_in + W_hn h_(t-1) + b_hn)",
        },
    ),
    Question(
        "gru_layer_parameters",
        "number",
        "How many parameters (weights and biases) does torch.nn.GRU(input_size=10, hidden_size=20) have?",
        1920,
        "Three blocks (r, z, n), each with an input matrix H x D = 200, a recurrent matrix H x H = 400 and "
        "two bias "
        "vectors of H = 20: G (HD + H^2 + 2H) = 3 x (200 + 400 + 40) = 1920. An LSTM of the same size has "
        "four "
        "blocks, 2560; a vanilla RNN one, 640.",
        {
            1860: "One bias vector per block is missing: PyTorch gives each block two, b_ih and b_hh, so 2H "
            "= 40 per "
            "block.",
            1800: "The biases are missing: each of the three blocks has two bias vectors of H = 20.",
            720: "The recurrent matrices are missing: each block also reads h_(t-1) through an H x H = 400 "
            "matrix.",
            2560: "Four blocks is the LSTM (i, f, g, o). A GRU has three: r, z and n.",
            640: "That is one block, a vanilla RNN. A GRU stacks three: r, z and n.",
        },
    ),
    Question(
        "gru_stop_on_test",
        "choice",
        "A notebook compares cells by training each one until its test accuracy reaches 0.95, then reports "
        "that "
        "test accuracy. What is wrong?",
        "b",
        "Whatever data makes a choice, here when to stop, is no longer unseen, and its figure is no longer "
        "an "
        "honest estimate. A validation split makes the choices; the test set is looked at once, after all "
        "the "
        "training, and reported as it is. This lesson stops on the validation accuracy and reads the test "
        "set "
        "once, at the end.",
        {
            "a": "The same rule for everyone does not help: the test set chose each model's stopping epoch, "
            "so the "
            "figure reported was picked on the very data it claims to measure, and is biased upward.",
            "c": "The level of the target is not the problem: any stopping rule that watches the test set "
            "makes the "
            "test set part of training. Watch a validation split instead.",
            "d": "Stopping early is fair when it watches a validation split and every cell gets the same "
            "budget to "
            "reach the target; the flaw is which data it watches.",
        },
        options={
            "a": "nothing, since every cell gets the same rule",
            "b": "the test set chose when to stop, so it no longer measures unseen data: stop on a "
            "validation "
            "split and look at the test set once, at the end",
            "c": "the target is too high: it should be one that every cell reaches",
            "d": "stopping early is unfair to the slower cell: train each for a fixed number of epochs and "
            "report the best test accuracy seen",
        },
    ),
    Question(
        "gru_unequal_clipping",
        "choice",
        "Trained without gradient clipping, from one seed, a vanilla RNN's accuracy rises to 0.57, then "
        "collapses "
        "while its gradient norm jumps by orders of magnitude. A GRU, trained with clipping, reaches 0.95. "
        "What do "
        "these two runs show?",
        "c",
        "A comparison in which one model lacks a trick measures the trick, not the cell. Given the same "
        "clipping, "
        "the same budget and three seeds, the RNN trained stably in this lesson, and it still reached 0.75 "
        "with "
        "none of them while the GRU did with every one.",
        {
            "a": "A collapse with a jump in the gradient norm is an exploding gradient, the opposite of "
            "vanishing "
            "(notebook 07). And in this lesson's clipped runs, the trained RNN's gradient did reach the "
            "first rows.",
            "b": "Not from these runs: the RNN lacked a trick the GRU had, and one seed says nothing about "
            "the spread. "
            "Give both the same clipping and budget, over several seeds, before ranking them.",
            "d": "A jump in the gradient norm means steps that were too large, not too small. Clipping caps "
            "the size "
            "of a step; it does not make steps larger.",
        },
        options={
            "a": "that the RNN suffers from vanishing gradients on this task",
            "b": "that the GRU is better than the RNN on this task",
            "c": "little about the cells: the RNN's run was unstable and lacked the GRU's clipping; train "
            "both "
            "with the same clipping and budget, over several seeds, before comparing",
            "d": "that the RNN's learning rate was too small",
        },
    ),
]
