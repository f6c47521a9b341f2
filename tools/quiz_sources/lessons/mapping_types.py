"""Check yourself, lesson 05: mapping types (clear text; tools/quiz_sources/build.py seals it)."""

from question import Question

LESSON = "05_mapping_types.ipynb"
QUESTIONS = [
    Question(
        "maptypes_encoder_decoder_layers",
        "choice",
        "An encoder-decoder translates sentences. Its encoder is a 2-layer LSTM. What may its decoder be?",
        "d",
        "The encoder and the decoder are two recurrent networks with weights of their own, joined only by "
        "the "
        "context vector. Each can have its own depth and its own cell; where the context does not fit the "
        "decoder's state as it is (an LSTM's (h, c) pair for a GRU, 2 layers of states for 1), a small layer "
        "maps one to the other.",
        {
            "a": "Mirroring the encoder is a common default, not a rule: the decoder shares no weights with "
            "the "
            "encoder, only the context vector, so both its depth and its cell may differ.",
            "b": "The cell types need not match either: the decoder reads the context, not the encoder's "
            "gates. An "
            "LSTM encoder can start a GRU decoder from its h (or from a mapped copy of (h, c)).",
            "c": "The depths need not match: every decoder layer can start from the context, or from a copy "
            "of it "
            "mapped to that layer's size, whatever the encoder's depth.",
        },
        options={
            "a": "only a 2-layer LSTM: the decoder mirrors the encoder layer for layer",
            "b": "an LSTM of any depth: the cell types must match",
            "c": "any cell, but with exactly 2 layers: the depths must match",
            "d": "any recurrent network, e.g. a 1-layer GRU: depth and cell may differ",
        },
    ),
    Question(
        "maptypes_loss_reaches_encoder",
        "choice",
        "An encoder-decoder is trained with teacher forcing; the loss compares the decoder's outputs with "
        "the "
        "target sequence and nothing else. How do the encoder's weights learn?",
        "b",
        "The context vector is computed by the encoder's weights, so the decoder's loss depends on them too. "
        "Backpropagation starts at the decoder's outputs, runs back through the decoder's steps into the "
        "context vector and on through every step of the encoder to the first input: one network, trained "
        "end "
        "to end by one loss, and one optimiser step updates both parts.",
        {
            "a": "Nothing trains the encoder on its own: it has no targets of its own. Its weights learn "
            "because "
            "the decoder's loss depends on the context they compute, and the gradient flows back to them.",
            "c": "Comparing the output with the input is an autoencoder's loss. Here the decoded sequence "
            "(the ISO "
            "date) is compared with the target sequence, and the gradient reaches the encoder through the "
            "context vector.",
            "d": "The final state depends on every earlier step through the recurrence, so backpropagation "
            "through "
            "time carries the gradient from the context back to every step of the encoder, and so to all of "
            "its shared weights.",
        },
        options={
            "a": "They are trained first, on a loss of their own, and then frozen while the decoder learns",
            "b": "The gradient of the loss flows back through the decoder into the context vector and on "
            "through the encoder: both are trained together",
            "c": "The encoder gets a second loss that compares the decoded sequence with the input sequence",
            "d": "Only the encoder's last step learns, because only its final state reaches the decoder",
        },
    ),
    Question(
        "maptypes_many_to_many_loss",
        "multiple",
        "Which statements about the loss of a many-to-many network, such as this lesson's character tagger, "
        "are "
        "true? Select all that are.",
        ["a", "b"],
        "Each step's loss needs only that step's output and its target, so it can be computed as soon as the "
        "output is produced. The sequence's loss is the sum of the per-step losses (torch's default averages "
        "them instead, a constant factor), and backpropagation starts once that total exists: after the "
        "whole "
        "sequence, in practice after a whole batch of sequences.",
        {
            ("a",): "Also true: the loss of a sequence is the sum of its per-step losses (or their mean: a "
            "constant "
            "factor apart).",
            (
                "b",
            ): "Also true: each step's loss needs only that step's output and target, so it can be computed "
            "as the output is produced, without waiting for the rest of the sequence.",
            (
                "b",
                "c",
            ): "The per-step losses need not wait: each needs only its own step's output and target, so "
            "it is computed as that output is produced.",
            (
                "a",
                "b",
                "c",
            ): "c contradicts a: a step's loss needs only its own output and target, so it need not "
            "wait for the rest of the sequence.",
            (
                "a",
                "b",
                "d",
            ): "The weights are not updated between steps: backpropagation starts once the total loss "
            "of the sequence (of the batch) is known, and one update follows it.",
            (
                "a",
                "d",
            ): "The weights are updated once, after the losses of all the steps (of the whole batch) are "
            "added up and backpropagated, not after each step; and b is true: the sequence's loss is "
            "the sum of the per-step losses.",
        },
        options={
            "a": "each step's loss can be computed as soon as that step's output is produced",
            "b": "the loss of a sequence is the sum of its per-step losses (or their mean)",
            "c": "the per-step losses can only be computed after the whole sequence has been read",
            "d": "the weights are updated after each step's loss, before the next output is produced",
        },
    ),
    Question(
        "maptypes_sum_over_steps",
        "number",
        "The tagger trains on batches of 64 windows of 64 characters, and its loss sums the cross-entropy "
        "over "
        "the steps of a window and averages over the windows. By what factor is that loss larger than "
        "torch.nn.functional.cross_entropy with its default reduction, on the same batch?",
        64,
        "64, the number of steps: torch's default averages over the steps as well as over the windows, and "
        "summing over 64 steps instead of averaging multiplies by 64. The batch size plays no part: both "
        "average over the windows.",
        {
            1: "They are not the same: torch's default averages over the steps too, which divides the summed "
            "loss "
            "by the number of steps, T = 64.",
            4096: "Both losses average over the 64 windows of the batch; only the steps are treated "
            "differently "
            "(summed against averaged), so the factor is T = 64, not 64 x 64.",
        },
        tolerance=0.0,
    ),
    Question(
        "maptypes_stop_on_validation",
        "choice",
        'fit(..., target=("validation accuracy", 0.93)) stops training once the validation accuracy reaches '
        "0.93. Why does it watch the validation set and not the test set?",
        "c",
        "When to stop is a choice made by looking at a score. Made on the test set, it would end training at "
        "an epoch picked because its test score happened to be high, and the test score reported afterwards "
        "would be that chosen, optimistic number. The test set plays no part in any choice, so its score, "
        "measured once at the end, is a fair estimate for new data.",
        {
            "a": "Here the two sets have the same size, 500 images each; size is not the reason. Any score "
            "that a "
            "choice is made on stops being a fair measurement of the result.",
            "b": "The model never trains on the validation set: its gradient comes from the training set "
            "only. The "
            "validation set is only looked at, to make choices such as when to stop.",
            "d": "Computing one more score per epoch costs the same on either set. The reason is that a "
            "score used "
            "to make a choice flatters the result it chose, so the final score must come from other data.",
        },
        options={
            "a": "The validation set is larger, so its accuracy is less noisy",
            "b": "The model trains on the validation set, so its accuracy there rises faster",
            "c": "Stopping on the test score would make the reported test score a chosen, optimistic number",
            "d": "Evaluating the test set after every epoch would make training slower",
        },
    ),
]
