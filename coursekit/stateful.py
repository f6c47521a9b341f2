"""Stateful training of a character language model: truncated BPTT over parallel streams.

    streams = torch.from_numpy(parallel_streams(train_ids, n_streams=64))  # (64, S): 64 tracks of text
    history = fit_stateful(model, streams, length=50, epochs=3, validation=valid_streams)
    stream_bits(model, test_streams)  # bits per character, the state carried along each whole stream

A long text is cut into N contiguous tracks that are read side by side (a batch of N), one
window of `length` characters after the other. The state (h, c) at the end of one window is
where the next window starts, so the model learns to use what it carries over long stretches,
as it must when it generates. Between windows the state is *detached*: the same numbers, cut
from the graph that made them, so backpropagation stops at the window's start. This is
truncated BPTT (notebook 06) with k = length: gradients reach back at most one window, while
the state carries information further.

The model is any module made of `embed`, `rnn` (batch_first) and `out`, like SequenceTagger.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass

from .train import History


@dataclass
class StatefulHistory(History):
    best_epoch: int = 0  # the epoch whose weights were kept (lowest validation bpc); 0 without validation


def read(model, tokens, state=None):
    """The model reads tokens (N, T) on from `state` (None: the zero state).

    -> logits (N, T, V) and the state after the last step ((h, c) for an LSTM, h for a GRU).
    """
    h, state = model.rnn(model.embed(tokens), state)
    return model.out(h), state


def detach(state):
    """The same numbers, cut from the graph that made them: a backward pass stops here."""
    return tuple(s.detach() for s in state) if isinstance(state, tuple) else state.detach()


def windows(streams, length: int):
    """Consecutive windows of all streams at once, in reading order.

    streams (N, S) -> yields (inputs, targets), each (N, length) (the last may be shorter), where
    the targets are the inputs moved on by one character; together they cover every position.
    """
    if length < 1:
        raise ValueError(f"length must be >= 1; got {length}")
    for start in range(0, streams.shape[1] - 1, length):
        stop = min(start + length, streams.shape[1] - 1)
        yield streams[:, start:stop], streams[:, start + 1 : stop + 1]


def bits(logits, targets):
    """Mean cross-entropy of the next character in bits: logits (N, T, V), targets (N, T)."""
    import torch

    return torch.nn.functional.cross_entropy(logits.transpose(1, 2), targets) / math.log(2)


def stream_bits(model, streams, length: int = 500) -> float:
    """Bits per character of every next character along each stream (N, S), the state carried
    from the stream's first character to its last, as when the model generates. `length` only
    sets how much is computed at once; it does not change the result (beyond rounding)."""
    import torch

    model.eval()
    total, count, state = 0.0, 0, None
    with torch.no_grad():
        for x, y in windows(streams, length):
            logits, state = read(model, x, state)
            total += bits(logits, y).item() * y.numel()
            count += y.numel()
    return total / count


def fit_stateful(
    model,
    streams,
    *,
    length: int,
    epochs: int,
    lr: float = 1e-2,
    clip_norm: float | None = 1.0,
    validation=None,
    seed: int = 0,
    progress: bool = True,
    description: str = "training",
) -> StatefulHistory:
    """Train with Adam on consecutive windows of the streams (N, S), the state carried and detached.

    Each epoch starts every stream from the zero state and reads it from start to end in windows
    of `length` characters: one update per window, the loss in bits per character. With
    validation streams, stream_bits on them is recorded after every epoch
    (history.metrics["validation bpc"]) and the weights of the best epoch are kept.
    """
    import time

    import torch
    from tqdm.auto import tqdm

    torch.manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history, began = StatefulHistory(), time.perf_counter()
    best_bits, best_weights = math.inf, None
    bar = tqdm(range(1, epochs + 1), desc=description, disable=not progress, leave=False)
    for epoch in bar:
        model.train()
        state = None  # every stream starts from the zero state once per epoch
        losses, norms = [], []
        for x, y in windows(streams, length):
            optimizer.zero_grad()
            logits, state = read(model, x, state)
            loss = bits(logits, y)
            loss.backward()  # reaches back to this window's first step, no further
            norm = torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm if clip_norm else math.inf)
            optimizer.step()
            state = detach(state)  # the next window starts where this one ended, without its graph
            losses.append(loss.item())
            norms.append(float(norm))
        history.loss.append(sum(losses) / len(losses))
        history.grad_norm.append(sum(norms) / len(norms))
        if validation is not None:
            validation_bits = stream_bits(model, validation)
            history.metrics.setdefault("validation bpc", []).append(validation_bits)
            if validation_bits < best_bits:
                best_bits, best_weights, history.best_epoch = (
                    validation_bits,
                    copy.deepcopy(model.state_dict()),
                    epoch,
                )
        bar.set_postfix(loss=f"{history.loss[-1]:.3f}")
    bar.close()
    if best_weights is not None:
        model.load_state_dict(best_weights)
    model.eval()
    history.seconds = time.perf_counter() - began
    return history
