"""coursekit.stateful: truncated BPTT over parallel streams, the state carried and detached."""

import math

import numpy as np
import pytest
import torch

from coursekit.data.char_corpus import parallel_streams
from coursekit.models import SequenceTagger
from coursekit.stateful import bits, detach, fit_stateful, read, stream_bits, windows


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Tiny models: a second thread only waits for the first (10x slower on a loaded 2-core machine)."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def tiny_model(cell="lstm", seed=0, vocab=5):
    torch.manual_seed(seed)
    return SequenceTagger(vocab_size=vocab, embedding_size=3, hidden_size=8, num_tags=vocab, cell=cell)


def test_windows_read_every_position_in_order():
    streams = torch.arange(22).reshape(2, 11)
    pairs = list(windows(streams, length=4))
    assert [tuple(x.shape) for x, _ in pairs] == [(2, 4), (2, 4), (2, 2)]  # 10 predictions per stream
    assert torch.equal(torch.cat([x for x, _ in pairs], dim=1), streams[:, :-1])
    assert torch.equal(torch.cat([y for _, y in pairs], dim=1), streams[:, 1:])
    with pytest.raises(ValueError, match="length must be >= 1"):
        list(windows(streams, 0))


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_reading_in_windows_with_the_state_carried_is_reading_whole(cell):
    model = tiny_model(cell).double()
    tokens = torch.randint(0, 5, (3, 17), generator=torch.Generator().manual_seed(1))
    whole, _ = read(model, tokens)
    assert torch.allclose(whole, model(tokens), rtol=0, atol=0)  # read from None is the model itself
    first, state = read(model, tokens[:, :6])
    second, _ = read(model, tokens[:, 6:], detach(state))
    assert torch.allclose(torch.cat([first, second], dim=1), whole, rtol=1e-12, atol=1e-12)


def test_detach_keeps_the_numbers_and_cuts_the_graph():
    w = torch.ones(2, requires_grad=True)
    state = (w * 2, w * 3)
    cut = detach(state)
    assert all(s.grad_fn is None and not s.requires_grad for s in cut)
    assert torch.equal(cut[0], state[0]) and torch.equal(cut[1], state[1])
    assert detach(w * 2).grad_fn is None  # a GRU's state is one tensor


def test_stream_bits_carries_the_state_and_does_not_depend_on_the_chunk():
    model = tiny_model().double()
    streams = torch.randint(0, 5, (4, 40), generator=torch.Generator().manual_seed(2))
    whole = bits(model(streams[:, :-1]), streams[:, 1:]).item()
    for length in (1, 7, 39, 500):
        assert stream_bits(model, streams, length=length) == pytest.approx(whole, rel=1e-10)
    assert bits(torch.zeros(1, 3, 8), torch.zeros(1, 3, dtype=torch.long)).item() == pytest.approx(
        3.0
    )  # log2 8


class Spy(torch.nn.Module):
    """An LSTM that records the state it is handed, to see what crosses from window to window."""

    def __init__(self, lstm):
        super().__init__()
        self.lstm, self.handed = lstm, []

    def forward(self, x, state=None):
        self.handed.append(state)
        return self.lstm(x, state)


def test_training_carries_the_state_detached_and_restarts_it_every_epoch():
    model = tiny_model()
    model.rnn = Spy(model.rnn)
    streams = torch.from_numpy(
        parallel_streams(np.arange(60) % 5, n_streams=3)
    )  # (3, 20): 19 predictions each
    fit_stateful(model, streams, length=5, epochs=2, progress=False)
    handed = model.rnn.handed
    assert len(handed) == 2 * 4  # windows of 5, 5, 5, 4 in each epoch
    assert handed[0] is None and handed[4] is None  # each epoch starts from the zero state
    carried = [s for i, s in enumerate(handed) if i % 4]
    assert all(h.grad_fn is None and c.grad_fn is None and h.shape == (1, 3, 8) for h, c in carried)
    assert not torch.equal(carried[0][0], torch.zeros(1, 3, 8))  # the numbers do cross


def test_training_learns_a_repeating_text_and_keeps_the_best_epoch():
    text = np.array([0, 1, 2, 3, 4, 0, 2, 4, 1, 3] * 60)  # each next character follows from the last two
    train, valid = (torch.from_numpy(parallel_streams(part, 4)) for part in (text[:480], text[480:]))
    model = tiny_model()
    before = stream_bits(model, valid)
    history = fit_stateful(
        model, train, length=10, epochs=6, lr=0.05, validation=valid, progress=False, seed=3
    )
    scores = history.metrics["validation bpc"]
    assert len(history.loss) == len(scores) == 6 and history.seconds > 0
    assert history.best_epoch == 1 + int(np.argmin(scores))
    assert stream_bits(model, valid) == pytest.approx(min(scores), rel=1e-6)  # the kept weights are the best
    assert min(scores) < 0.5 < math.log2(5) - 1 < before
    again = tiny_model()
    assert (
        fit_stateful(
            again, train, length=10, epochs=6, lr=0.05, validation=valid, progress=False, seed=3
        ).metrics["validation bpc"]
        == scores
    )  # seeded: the same run twice
