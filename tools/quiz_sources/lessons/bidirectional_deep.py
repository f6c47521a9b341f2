"""Check yourself, lesson 10: bidirectional and deep RNNs (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "10_bidirectional_deep.ipynb"
QUESTIONS = [
    Question(
        "bidir_cannot_use",
        "multiple",
        "For which of these tasks can a bidirectional RNN NOT be used as it is? Select all.",
        ["a", "b"],
        "A bidirectional RNN needs the whole sequence before its first answer, because its backward "
        "direction "
        "starts at the last element. Forecasting asks for a value that is not there yet, and live captions "
        "must "
        "answer while the speech is still arriving; a finished sentence or a whole review is complete before "
        "any answer is needed.",
        {
            ("a",): "Live captions too: each word must be written while the speaker is still talking, so the "
            "backward direction, which starts at the end, has nothing to start from.",
            (
                "b",
            ): "Forecasting too: the value to predict is the future itself. Trained on whole series, the "
            "backward direction would read x_{t+1} and copy it, as the lesson's white-noise forecaster did.",
            (
                "c",
            ): "The sentence is finished before it is tagged, so the words after each one are there to read: "
            "that is where a bidirectional tagger helps. The tasks it cannot do answer before the sequence "
            "is complete: forecasting and live captions.",
            (
                "d",
            ): "The review is complete before it is classified, so reading it from both ends is fine. The "
            "tasks "
            "it cannot do answer before the sequence is complete: forecasting and live captions.",
            (
                "a",
                "b",
                "c",
            ): "Tagging a finished sentence is what a bidirectional RNN is for: every word after the "
            "one being tagged is already there.",
            (
                "a",
                "b",
                "d",
            ): "A whole recorded review is complete before it is classified, so a bidirectional RNN "
            "can read it from both ends.",
            (
                "c",
                "d",
            ): "These two are the ones it can do: their sequences are complete before the answer. It cannot "
            "forecast or caption live, where the future has not arrived yet.",
        },
        options={
            "a": "forecasting tomorrow's value of a series from the values up to today",
            "b": "live captions, writing each word while the speaker is still talking",
            "c": "tagging every word of a finished sentence with its part of speech",
            "d": "classifying a whole recorded review as positive or negative",
        },
    ),
    Question(
        "bidir_forecaster_copies",
        "choice",
        "A bidirectional GRU is trained on whole series to predict x_{t+1} at every step t. On new series of "
        "white noise, which nothing can forecast, its error is near zero at every step but the last. Why?",
        "b",
        "At step t the backward direction has read x_{T-1} down to x_t, so x_{t+1} is among its inputs and "
        "it "
        "learns to copy it. At the last step x_{t+1} is not in the input, and the error is back to that of "
        "guessing: exactly the situation of a real forecast, where the future is never in the input.",
        {
            "a": "Its error is measured on new series it never saw, so nothing memorised helps. It reads the "
            "answer: the backward direction at step t has already read x_{t+1}.",
            "c": "Noise has no pattern to find: no model, however good, predicts the next value from the "
            "past "
            "better than guessing 0. The near-zero error comes from reading x_{t+1}, which is in the input.",
            "d": "A bias would change every step alike. The last step is different because it is the only "
            "one "
            "whose x_{t+1} is not among the inputs, so there is nothing to copy.",
        },
        options={
            "a": "With twice the parameters it memorises the training series",
            "b": "Its backward direction has read x_{t+1} by step t, so it copies the answer from its input",
            "c": "Reading in both directions finds patterns in the noise that one direction misses",
            "d": "The last step is worse because the output layer's bias is fitted to the first steps",
        },
    ),
    Question(
        "bidir_lstm_output_shape",
        "shape",
        "torch.nn.LSTM(10, 32, num_layers=3, bidirectional=True, batch_first=True) reads x of shape (8, 25, "
        "10). "
        "What is the shape of its output?",
        (8, 25, 64),
        "(N, T, 2H) = (8, 25, 64): at every step the top layer's forward and backward states side by side, "
        "forward first. The lower layers' outputs are not returned, and the cell type does not change the "
        "shape.",
        {
            (
                8,
                25,
                32,
            ): "That is one direction only. A bidirectional layer puts both directions' states side by "
            "side at every step: 2H = 64 features.",
            (
                8,
                25,
                192,
            ): "Only the top layer's outputs come out, not every layer's: (N, T, 2H) whatever the depth.",
            (25, 8, 64): "With batch_first=True the batch comes first, as in the input: (N, T, 2H).",
            (
                6,
                8,
                32,
            ): "That is the shape of h_n: one final state per layer and direction. The output has one "
            "vector per step: (N, T, 2H).",
        },
    ),
    Question(
        "bidir_h_n_top_backward",
        "number",
        "In that same network (3 layers, bidirectional), at which index of h_n is the top layer's backward "
        "final state? (It equals output[:, 0, 32:].)",
        5,
        "Index layer * 2 + direction = 2 * 2 + 1 = 5 (layers count from 0, direction 1 is backward). It is "
        "the "
        "state after reading x_0, the backward direction's last input, so it equals the output's last 32 "
        "features at step 0.",
        {
            4: "Index 4 is the top layer's forward state (2 * 2 + 0). The backward direction comes right "
            "after its "
            "layer's forward one: 2 * 2 + 1.",
            2: "h_n holds one state per layer AND direction, layer by layer: index layer * 2 + direction, so "
            "the top "
            "layer (2) backward (1) is at 5.",
            3: "Index 3 is the middle layer's backward state (1 * 2 + 1). Layers count from 0, so the top "
            "one is "
            "layer 2: 2 * 2 + 1 = 5.",
            1: "Index 1 is the first layer's backward state. The top layer's states come last: 2 * 2 + 1 = "
            "5.",
        },
        tolerance=0.0,
    ),
    Question(
        "bidir_depth_no_future",
        "choice",
        "On the lesson's look-ahead task (each tag is the token two steps later), what is the best accuracy "
        "a "
        "4-layer left-to-right GRU can reach?",
        "a",
        "The same bound, about 0.27: every layer at step t reads only what the layer below computed from "
        "x_0 .. x_t. Depth adds computation at each step, not information from later steps; the lesson's "
        "2-layer left-to-right tagger stayed at the bound.",
        {
            "b": "No layer sees further ahead: layer l at step t reads layer l-1 at the same step t, which "
            "has read "
            "only x_0 .. x_t. The tag's token, two steps later, is out of reach at any depth.",
            "c": "More epochs cannot reveal tokens that are not read yet; the left-to-right tagger is at "
            "chance at "
            "every step whose tag lies in the future, however long it trains.",
            "d": "Depth does not make the task harder to learn here: the 2-layer left-to-right tagger "
            "reached the "
            "same bound as the 1-layer one. It just cannot go beyond it.",
        },
        options={
            "a": "the same bound as one layer, about 0.27",
            "b": "higher: each extra layer lets it see one step further ahead",
            "c": "1.0, given enough epochs",
            "d": "lower than one layer: deep RNNs cannot learn this task",
        },
    ),
]
