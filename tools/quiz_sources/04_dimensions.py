"""Graded quiz questions of exercises/04_dimensions.ipynb (shapes and parameter counts of the worked example),
clear text; tools/quiz_sources/build.py seals it."""

from question import Question

NOTEBOOK = "04_dimensions.ipynb"
# The worked example: 3 input features (layer 0), 7 hidden neurons (layer 1), 1 softmax output (layer 2),
# a batch of 64 sentences of 10 time steps; activations are columns, (neurons, batch).
QUESTIONS = [
    Question(
        "dims_w_f",
        "shape",
        "In the worked example, what is the shape of W_F^1, the feedforward weights of the hidden layer?",
        (7, 3),
        "(7, 3): one row per neuron of layer 1, one column per neuron of layer 0 that feeds it.",
        {
            (
                3,
                7,
            ): "That is the transpose. W_F^1 multiplies a_t^0 from the left, so its number of columns must "
            "equal the 3 rows of a_t^0: rows are the neurons it produces, columns the neurons it reads.",
            (7, 7): "That is the shape of W_R^1, which reads the layer's own previous state. W_F^1 reads the "
            "input layer, which has 3 neurons.",
            (7, 64): "That is the shape of the product W_F^1 a_t^0. Weights never depend on the batch size.",
            (3, 64): "That is a_t^0, the input at one time step for the whole batch, not the weights.",
            (7, 1): "That is the bias. W_F^1 holds one weight for each pair (input neuron, hidden neuron).",
            (10, 7, 3): "There is only one W_F^1, used at all 10 time steps.",
        },
        salt="5b1e0c7d93a24f68",
    ),
    Question(
        "dims_w_r",
        "shape",
        "In the worked example, what is the shape of W_R^1, the recurrent weights of the hidden layer?",
        (7, 7),
        "(7, 7): it maps the layer's 7 activations at step t-1 to its 7 neurons at step t, so "
        "recurrent weights are always square.",
        {
            (7, 3): "That is W_F^1. The recurrent weights read the layer's own previous output a_{t-1}^1, "
            "which has 7 rows, not the 3 inputs.",
            (3, 3): "W_R^1 belongs to layer 1, which has 7 neurons, and connects that layer to itself.",
            (10, 7, 7): "The same W_R^1 serves every time step: one matrix, not one per step.",
            (
                7,
                64,
            ): "That is the shape of the product W_R^1 a_{t-1}^1. Weights never depend on the batch size.",
            (64, 64): "The recurrence connects neurons, not sequences: a sentence never reads the state of "
            "another sentence of the batch.",
        },
        salt="e83a61f0c2d94b57",
    ),
    Question(
        "dims_b",
        "shape",
        "In the worked example, what is the shape of b^1, the bias of the hidden layer?",
        (7, 1),
        "(7, 1): one bias per neuron of layer 1, a column that is added to every column (every "
        "sentence) of the batch.",
        {
            (
                3,
                1,
            ): "3 is the size of the input layer. A bias belongs to the neurons it feeds: layer 1, 7 "
            "neurons.",
            (1, 7): "That is the transpose. In the column convention the bias is a column, like every other "
            "per-neuron quantity.",
            (7, 64): "The bias is the same for every sentence: it is one column (7, 1), broadcast across the "
            "64 columns of the batch.",
            (64, 1): "The bias has one entry per neuron, not one per sentence of the batch.",
            (7,): "That is how the code and torch store it, a plain vector of 7. In the material's column "
            "convention write it as the column (7, 1).",
            (2, 1): "Count the neurons of layer 1, not the layers.",
        },
        salt="0f6d2a9b18c7e354",
    ),
    Question(
        "dims_wf_a4",
        "shape",
        "In the worked example, what is the shape of the product W_F^1 a_4^0, the input's contribution "
        "at time step 4?",
        (7, 64),
        "(7, 3) times (3, 64) gives (7, 64): 7 neurons, one column per sentence. The 4 only says "
        "which time step.",
        {
            (7, 1): "a_4^0 holds the whole batch, (3, 64), not one sentence: the product has one column per "
            "sentence.",
            (
                64,
                7,
            ): "That is the transpose, the batch-first layout of the code. In the material's convention "
            "rows are neurons and columns are sentences.",
            (4, 64): "The subscript 4 is a time step, not a size. Multiply (7, 3) by (3, 64).",
            (3, 64): "That is a_4^0 itself. W_F^1 turns the 3 inputs into 7 neurons.",
            (2, 7): "Superscripts name layers and subscripts time steps; neither is a size. W_F^1 is (7, 3) "
            "and a_4^0 is (3, 64).",
            (2, 64): "Superscripts name layers and subscripts time steps; neither is a size. W_F^1 is (7, 3) "
            "and a_4^0 is (3, 64).",
            (7, 3): "That is W_F^1 alone; the product with a_4^0 (3, 64) takes the columns of a_4^0.",
        },
        salt="a4c97e2015db83f6",
    ),
    Question(
        "dims_wr_a6",
        "shape",
        "In the worked example, what is the shape of the product W_R^1 a_6^1, the recurrent "
        "contribution that uses the state at time step 6?",
        (7, 64),
        "(7, 7) times (7, 64) gives (7, 64): the recurrent term has the shape of the feedforward "
        "term, so the two can be added.",
        {
            (
                6,
                64,
            ): "6 is a time step, not a size: a_6^1 is the output of layer 1 at step 6, of shape (7, 64).",
            (
                7,
                6,
            ): "6 is a time step, not a size: a_6^1 is the output of layer 1 at step 6, of shape (7, 64).",
            (7, 7): "That is W_R^1 alone; multiply it by a_6^1, which is (7, 64).",
            (
                2,
                64,
            ): "Superscripts name layers and subscripts time steps; neither is a size. Find the shape of "
            "W_R^1 first, then the shape of a_6^1.",
            (7, 1): "a_6^1 covers the whole batch of 64 sentences, so the product has 64 columns.",
            (
                64,
                7,
            ): "That is the transpose, the batch-first layout of the code. In the material's convention "
            "rows are neurons and columns are sentences.",
        },
        salt="3d80f5b6a19e27c4",
    ),
    Question(
        "dims_z3",
        "shape",
        "In the worked example, what is the shape of z_3^1 = W_F^1 a_3^0 + W_R^1 a_2^1 + b^1?",
        (7, 64),
        "Both products are (7, 64) and the bias (7, 1) is broadcast across the 64 columns, so the "
        "sum is (7, 64); a_3^1 = f(z_3^1) has the same shape.",
        {
            (
                7,
                1,
            ): "That is the bias. Adding it does not shrink the sum: it is added to each of the 64 columns.",
            (3, 64): "That is the input a_3^0. z_3^1 belongs to layer 1, which has 7 neurons.",
            (7, 3): "That is W_F^1. z_3^1 is a sum of products with the batch: one column per sentence.",
            (
                64,
                21,
            ): "No matrix here has 21 columns: 7 × 3 = 21 counts the weights of W_F^1, it is not a shape.",
            (
                64,
                7,
            ): "That is the batch-first layout of the code. In the material's convention rows are neurons.",
            (10, 7, 64): "z_3^1 is one time step; the 10 steps are computed one after another.",
            (7, 640): "z_3^1 is one time step; the 10 steps are computed one after another.",
        },
        salt="c61b08e4f7a25d93",
    ),
    Question(
        "dims_params_hidden",
        "number",
        "How many trainable parameters does the hidden layer of the worked example have (W_F^1, W_R^1 "
        "and b^1)? All time steps share the same weights.",
        77,
        "7 × 3 (W_F) + 7 × 7 (W_R) + 7 (b) = 77. The same weights serve all 10 time steps, so the "
        "count does not grow with the length of the sequence.",
        {
            70: "You counted the weights (21 + 49) but not the bias: 7 more.",
            770: "The weights are shared across time: one W_F, one W_R and one b, however long the sequence.",
            84: "That is what torch.nn.RNN(3, 7) reports, because torch keeps two bias vectors. The "
            "material's "
            "layer has one bias: count it once.",
            28: "7 × 3 + 7 leaves out the recurrent weights W_R (7 × 7 = 49).",
            56: "7 × 7 + 7 leaves out the feedforward weights W_F (7 × 3 = 21).",
            15: "Count connections, not neurons: each of the 7 neurons has 3 input weights, 7 recurrent "
            "weights and a bias.",
            4928: "The batch size does not change the number of parameters: every sentence uses the same "
            "weights.",
            85: "That includes the output layer (7 weights and 1 bias). The question asks for the hidden "
            "layer.",
        },
        salt="79e2d4c0b35a816f",
    ),
    Question(
        "dims_concat_w",
        "shape",
        "The concise form writes z_t^1 = W^1 [a_t^0 ; a_{t-1}^1] + b^1, where W^1 puts W_F^1 and W_R^1 "
        "side by side. In the worked example, what is the shape of W^1?",
        (7, 10),
        "(7, 3) and (7, 7) side by side give (7, 10). The stacked activations [a_t^0 ; a_{t-1}^1] "
        "are (10, 64), so the product is again (7, 64): one matrix product instead of two.",
        {
            (10, 7): "That is the transpose. W^1 still has one row per neuron of layer 1; putting the blocks "
            "side by side adds columns.",
            (7, 21): "21 = 7 × 3 is a count, not a size. Side by side, the column counts add: 3 + 7.",
            (10, 64): "That is the stacked activation [a_t^0 ; a_{t-1}^1], not the weight matrix.",
            (7, 3): "That is only W_F^1; W^1 also holds the 7 columns of W_R^1.",
            (7, 11): "The bias stays outside in this form: W^1 holds only W_F^1 and W_R^1.",
            (14, 10): "Side by side, not on top of each other: W^1 keeps the 7 rows of layer 1.",
        },
        salt="d25f7a813e0c964b",
    ),
    Question(
        "dims_lstm_params",
        "number",
        "An LSTM layer of the same size, torch.nn.LSTM(input_size=3, hidden_size=7): how many numbers "
        "does it train (the sum of p.numel() over its parameters)?",
        336,
        "An LSTM stacks 4 gate blocks (i, f, g, o), each with input weights, recurrent weights and "
        "torch's two biases: 4 × (7 × 3 + 7 × 7 + 7 + 7) = 4 × 84 = 336.",
        {
            84: "That is a vanilla torch.nn.RNN. An LSTM has 4 gate blocks, each as large as the RNN: "
            "weight_ih_l0 is (28, 3).",
            77: "That is the material's vanilla RNN layer. An LSTM has 4 gate blocks, and torch keeps two "
            "bias vectors.",
            308: "4 × 77 counts one bias per unit; torch keeps two bias vectors, bias_ih and bias_hh, so add "
            "4 × 7 more.",
            280: "4 × 70 leaves out both bias vectors (2 × 28 numbers).",
            252: "3 × 84 is a GRU, with 3 gate blocks. An LSTM has 4: input, forget, cell candidate, output.",
            3360: "The weights are shared across the 10 time steps: the count does not depend on T.",
        },
        salt="86a0c3e9d14f25b7",
    ),
    Question(
        "dims_gru_params",
        "number",
        "Other sizes: torch.nn.GRU(input_size=10, hidden_size=20). How many numbers does it train?",
        1920,
        "3 gate blocks (r, z, n), each 20 × 10 + 20 × 20 + 20 + 20 = 640: 3 × 640 = 1920.",
        {
            640: "That is one block, a vanilla torch.nn.RNN(10, 20). A GRU stacks 3: reset, update and "
            "candidate.",
            620: "That is a vanilla RNN counted with one bias. A GRU has 3 gate blocks, and torch keeps two "
            "bias vectors.",
            1860: "3 × 620 counts one bias per unit; torch's GRU keeps two bias vectors, bias_ih and bias_hh "
            "(in a GRU they are not even redundant).",
            1800: "3 × 600 leaves out both bias vectors (2 × 60 numbers).",
            2560: "4 × 640 is an LSTM. A GRU has 3 gate blocks.",
            960: "You swapped the sizes: 10 inputs and 20 hidden units, so weight_hh_l0 is (60, 20).",
        },
        salt="f4b72e05a98c1d36",
    ),
    Question(
        "dims_x_batch_first",
        "shape",
        "The code is batch-first: torch.nn.RNN(3, 7, batch_first=True) reads the whole batch at once. "
        "For the worked example, what is the shape of its input tensor x?",
        (64, 10, 3),
        "(N, T, D) = (64, 10, 3). One time step x[:, t] is (64, 3), the transpose of the material's "
        "a_t^0 (3, 64); the output is (64, 10, 7).",
        {
            (
                10,
                64,
                3,
            ): "That is torch's default layout, batch_first=False: (T, N, D). With batch_first=True "
            "the batch comes first.",
            (3, 64): "That is one time step in the material's column convention. The code takes all 10 steps "
            "at once, batch first.",
            (64, 3): "That is one time step in the code's layout; x holds all 10 time steps.",
            (64, 3, 10): "Time comes before features: (N, T, D).",
            (3, 10, 64): "In the code the batch comes first and the features last: (N, T, D).",
            (
                64,
                10,
                7,
            ): "7 is the hidden size: that is the output's shape (N, T, H). The input has 3 features.",
            (64, 10): "Each word is a vector of 3 features: keep the feature axis.",
        },
        salt="2e9c51d7b08a643f",
    ),
]
