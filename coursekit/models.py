"""Small PyTorch models for the mapping types of a recurrent network, and their losses.

    one-to-many    SequenceGenerator   x (N, D)        -> y (N, T, O)
    many-to-one    SequenceClassifier  x (N, T, D)     -> logits (N, C), after the last step
    many-to-many   SequenceTagger      tokens (N, T)   -> logits (N, T, C), one per step
    encoder-decoder Seq2Seq            source (N, S)   -> logits (N, T, V), T need not equal S

Every model takes cell="rnn", "gru" or "lstm" (torch.nn.RNN, GRU, LSTM; batch-first), so a
later notebook can swap the cell and keep the rest. The losses follow the material: the
cross-entropy after the last step for many-to-one, and for many-to-many the sum of the
per-step cross-entropies of a sequence, averaged over the sequences of the batch.

JordanRNN is the output-to-hidden recurrent layer of lesson 02 (torch has none built in): the
reference its NumPy twin coursekit.nn.jordan is tested against, and what a lesson trains.
"""

from __future__ import annotations

import torch
from torch import nn

from .cell_kinds import cell_kind

TORCH_LAYERS = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}  # cell kind -> torch layer


def parameter_count(module: nn.Module) -> int:
    """How many numbers the module trains: the entries of all its parameters."""
    return sum(p.numel() for p in module.parameters())


def recurrent_layer(cell: str, input_size: int, hidden_size: int) -> nn.Module:
    """A one-layer, batch-first torch.nn.RNN (tanh), GRU or LSTM."""
    return TORCH_LAYERS[cell_kind(cell)](input_size, hidden_size, batch_first=True)


def last_hidden(state) -> torch.Tensor:
    """The top layer's final hidden state (N, H) from what a torch recurrent layer returns
    as its state: h_n (layers, N, H), or (h_n, c_n) for an LSTM."""
    h_n = state[0] if isinstance(state, tuple) else state
    return h_n[-1]


def summed_cross_entropy(logits, targets, mask=None) -> torch.Tensor:
    """The many-to-many loss: per-step cross-entropy summed over time, averaged over the batch.

    logits (N, T, C); targets (N, T) int64; mask (N, T), 1 at real steps and 0 at padding,
    or None -> scalar. (torch's cross_entropy with its default reduction would average over
    the steps too, which scales the loss down by T.)
    """
    per_step = nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")  # (N, T)
    if mask is not None:
        per_step = per_step * mask
    return per_step.sum(dim=1).mean()


class SequenceClassifier(nn.Module):
    """Many-to-one: read a whole sequence, classify it from the last hidden state.

    x (N, T, D) float -> logits (N, C).
    """

    def __init__(self, input_size: int, hidden_size: int, num_classes: int, cell: str = "gru"):
        super().__init__()
        self.rnn = recurrent_layer(cell, input_size, hidden_size)
        self.out = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        _, state = self.rnn(x)
        return self.out(last_hidden(state))


class SequenceTagger(nn.Module):
    """Many-to-many with equal lengths: one tag for every input step.

    tokens (N, T) int64 in [0, vocab_size) -> logits (N, T, num_tags).
    """

    def __init__(
        self, vocab_size: int, embedding_size: int, hidden_size: int, num_tags: int, cell: str = "gru"
    ):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embedding_size)
        self.rnn = recurrent_layer(cell, embedding_size, hidden_size)
        self.out = nn.Linear(hidden_size, num_tags)

    def forward(self, tokens):
        h, _ = self.rnn(self.embed(tokens))  # (N, T, H): the hidden state of every step
        return self.out(h)


class SequenceGenerator(nn.Module):
    """One-to-many: one input vector, a whole sequence out.

    The input enters at the first step only; the later steps get zeros, so everything they
    produce comes from what the hidden state carries. x (N, D) -> y (N, steps, output_size).
    """

    def __init__(self, input_size: int, hidden_size: int, output_size: int, steps: int, cell: str = "gru"):
        super().__init__()
        self.steps = steps
        self.rnn = recurrent_layer(cell, input_size, hidden_size)
        self.out = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        inputs = x.new_zeros(x.shape[0], self.steps, x.shape[1])
        inputs[:, 0] = x
        h, _ = self.rnn(inputs)
        return self.out(h)


class Seq2Seq(nn.Module):
    """Encoder-decoder: the encoder reads the source; its final state, the context vector,
    starts the decoder and is fed to it again beside every input token (so the decoder does
    not have to carry it alone through all its steps, which makes training much faster).

    Training uses teacher forcing: the decoder reads the true previous target token.
    Generating uses greedy decoding: it reads its own previous prediction.
    source (N, S) int64 in [0, source_vocab); target tokens in [0, target_vocab).
    """

    def __init__(
        self, source_vocab: int, target_vocab: int, embedding_size: int, hidden_size: int, cell: str = "gru"
    ):
        super().__init__()
        self.source_embed = nn.Embedding(source_vocab, embedding_size)
        self.target_embed = nn.Embedding(target_vocab, embedding_size)
        self.encoder = recurrent_layer(cell, embedding_size, hidden_size)
        self.decoder = recurrent_layer(cell, embedding_size + hidden_size, hidden_size)
        self.out = nn.Linear(hidden_size, target_vocab)

    def encode(self, source):
        """source (N, S) -> the encoder's final state (h_n (1, N, H), or (h_n, c_n) for an LSTM)."""
        _, state = self.encoder(self.source_embed(source))
        return state

    def _decoder_inputs(self, tokens, context):
        """tokens (N, T), context (N, H) -> (N, T, E + H): each token's embedding beside the context."""
        embedded = self.target_embed(tokens)
        return torch.cat([embedded, context[:, None].expand(-1, tokens.shape[1], -1)], dim=2)

    def forward(self, source, target_in):
        """Teacher forcing. target_in (N, T): the start token, then the target shifted right
        by one step -> logits (N, T, target_vocab), step t predicting target token t."""
        state = self.encode(source)
        h, _ = self.decoder(self._decoder_inputs(target_in, last_hidden(state)), state)
        return self.out(h)

    @torch.no_grad()
    def greedy(self, source, start: int, steps: int):
        """Greedy decoding: feed back the most likely token, one step at a time.

        source (N, S) -> tokens (N, steps) int64 (the start token itself is not included).
        """
        state = self.encode(source)
        context = last_hidden(state)
        token = torch.full((source.shape[0], 1), start, dtype=torch.long, device=source.device)
        outputs = []
        for _ in range(steps):
            h, state = self.decoder(self._decoder_inputs(token, context), state)  # one step: h (N, 1, H)
            token = self.out(h).argmax(dim=2)  # (N, 1): the prediction becomes the next input
            outputs.append(token)
        return torch.cat(outputs, dim=1)


class JordanRNN(nn.Module):
    """The output-to-hidden (Jordan) layer, which torch lacks; coursekit.nn.jordan is its NumPy twin.

    h_t = f(W_ih x_t + W_yh y_{t-1} + b), y_t = W_hy h_t + b_y.  x (N, T, D) -> y (N, T, O), y_T."""

    def __init__(self, input_size: int, hidden_size: int, output_size: int, nonlinearity: str = "tanh"):
        super().__init__()
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu'; got {nonlinearity!r}")
        self.nonlinearity = nonlinearity
        self.input_to_hidden = nn.Linear(input_size, hidden_size)  # W_ih, b
        self.output_to_hidden = nn.Linear(output_size, hidden_size, bias=False)  # W_yh
        self.hidden_to_output = nn.Linear(hidden_size, output_size)  # W_hy, b_y

    def forward(self, x: torch.Tensor, y0: torch.Tensor | None = None, truncate: int | None = None):
        """truncate=k detaches the fed-back output every k steps (truncated BPTT)."""
        N, T, _ = x.shape
        f = torch.tanh if self.nonlinearity == "tanh" else torch.relu
        y_prev = x.new_zeros(N, self.hidden_to_output.out_features) if y0 is None else y0
        input_part = self.input_to_hidden(x)  # all steps at once
        outputs = []
        for t in range(T):
            if truncate is not None and t > 0 and t % truncate == 0:
                y_prev = y_prev.detach()
            h = f(input_part[:, t] + self.output_to_hidden(y_prev))
            y_prev = self.hidden_to_output(h)
            outputs.append(y_prev)
        return torch.stack(outputs, dim=1), y_prev
