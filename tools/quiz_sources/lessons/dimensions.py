"""Check yourself, lesson 04: dimensions (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "04_dimensions.ipynb"
QUESTIONS = [
    Question(
        "dims_torch_rnn_parameters",
        "number",
        "How many numbers does torch.nn.RNN(input_size=10, hidden_size=20) train?",
        640,
        "weight_ih_l0 (20, 10) = 200, weight_hh_l0 (20, 20) = 400, and two bias vectors of 20 each: 640. "
        "The material's formula, with one bias, gives 620; only the sum of PyTorch's two biases matters.",
        {
            620: "That counts one bias vector, as the material's equations do. PyTorch keeps two, bias_ih "
            "and "
            "bias_hh (cuDNN's formula): 20 more.",
            600: "That leaves out the biases: PyTorch's RNN has two bias vectors of 20.",
            1240: "That is two layers' worth. One layer: 20 x 10 + 20 x 20 + 20 + 20.",
            230: "The recurrent matrix is (H, H), 20 x 20 = 400 numbers, not 20.",
        },
    ),
    Question(
        "dims_batch_first_input",
        "shape",
        "A batch of 32 sentences of 15 words, each word an embedding of 50 numbers, goes into "
        "torch.nn.RNN(50, 64, batch_first=True). What shape is x?",
        (32, 15, 50),
        "(N, T, D) = (32, 15, 50): batch first, then time, then features.",
        {
            (15, 32, 50): "That is (T, N, D), what nn.RNN reads without batch_first=True.",
            (32, 50, 15): "Features come last: (N, T, D).",
            (50, 15, 32): "That is the material's column layout turned around; the code reads (N, T, D).",
            (32, 15, 64): "64 is the hidden size: that is the shape of the output, not of the input.",
        },
    ),
    Question(
        "dims_gru_weight_ih",
        "shape",
        "What is the shape of weight_ih_l0 in torch.nn.GRU(input_size=10, hidden_size=20)?",
        (60, 10),
        "(3H, D) = (60, 10): the GRU's three blocks r, z, n stacked, each (20, 10).",
        {
            (20, 10): "That is one gate block. A GRU stacks three of them (r, z, n) in one matrix.",
            (80, 10): "Four blocks is an LSTM (i, f, g, o). A GRU has three.",
            (10, 60): "The weights are stored (out, in): rows are the 3H outputs, columns the D inputs.",
            (
                60,
                20,
            ): "That is weight_hh_l0, which reads the state of H = 20. weight_ih_l0 reads the D = 10 inputs.",
        },
    ),
    Question(
        "dims_why_mask",
        "choice",
        "Sentences of different lengths are padded to one length T. Why does the loss need a mask?",
        "b",
        "The padded steps are not part of any sentence: without a mask they add errors on made-up targets, "
        "and shorter sentences weigh more in the gradient than they should.",
        {
            "a": "Padding does not change the weights' shapes, which never depend on T; the mask is about "
            "which "
            "steps count in the loss.",
            "c": "The padding steps are still computed (unless the batch is packed); the mask only keeps "
            "them out of "
            "the loss.",
            "d": "The hidden state at padded steps is computed from the padding like any other step; "
            "packing, not "
            "the mask, is what stops the state at each sentence's last word.",
        },
        options={
            "a": "so that the weight matrices fit sequences of any length",
            "b": "so that the padded steps add nothing to the loss or the gradient",
            "c": "so that the network skips computing the padded steps",
            "d": "so that h_n is each sentence's state at its last word",
        },
    ),
]
