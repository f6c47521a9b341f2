"""coursekit.models: the shapes of the five mapping types, their losses, teacher forcing and greedy decoding."""

import numpy as np
import pytest
import torch

from coursekit.models import (
    Seq2Seq,
    SequenceClassifier,
    SequenceGenerator,
    SequenceTagger,
    recurrent_layer,
    summed_cross_entropy,
)
from coursekit.nn import softmax_cross_entropy

CELLS = ["rnn", "gru", "lstm"]


@pytest.mark.parametrize("cell", CELLS)
def test_shapes_of_every_mapping_type(cell):
    x = torch.randn(4, 7, 3)
    assert SequenceClassifier(3, 8, 5, cell=cell)(x).shape == (4, 5)
    assert SequenceGenerator(2, 8, 3, steps=6, cell=cell)(torch.randn(4, 2)).shape == (4, 6, 3)
    tokens = torch.randint(0, 10, (4, 7))
    assert SequenceTagger(10, 4, 8, 6, cell=cell)(tokens).shape == (4, 7, 6)
    model = Seq2Seq(10, 12, 4, 8, cell=cell)
    assert model(tokens, torch.randint(0, 12, (4, 5))).shape == (4, 5, 12)  # 7 steps in, 5 out
    decoded = model.greedy(tokens, start=0, steps=9)
    assert decoded.shape == (4, 9) and decoded.dtype == torch.int64 and decoded.max() < 12


def test_unknown_cell_is_refused():
    with pytest.raises(ValueError, match="cell must be one of"):
        recurrent_layer("transformer", 3, 4)


def test_summed_cross_entropy_is_the_course_loss():
    """Sum over the real steps, mean over the batch: coursekit.nn's "batch_mean" reduction."""
    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(3, 5, 4, generator=generator, dtype=torch.float64)
    targets = torch.randint(0, 4, (3, 5), generator=generator)
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 0, 0, 0, 0]], dtype=torch.float64)
    expected, _ = softmax_cross_entropy(logits.numpy(), targets.numpy(), mask.numpy(), reduction="batch_mean")
    assert np.isclose(summed_cross_entropy(logits, targets, mask).item(), expected, rtol=1e-12)
    unmasked, _ = softmax_cross_entropy(logits.numpy(), targets.numpy(), reduction="batch_mean")
    assert np.isclose(summed_cross_entropy(logits, targets).item(), unmasked, rtol=1e-12)
    # what the padding holds does not matter
    noisy = logits + 100 * (1 - mask)[..., None] * torch.randn(
        3, 5, 4, generator=generator, dtype=torch.float64
    )
    assert torch.isclose(
        summed_cross_entropy(noisy, targets, mask), summed_cross_entropy(logits, targets, mask)
    )


def test_classifier_reads_to_the_last_step():
    torch.manual_seed(0)
    model = SequenceClassifier(3, 8, 5).eval()
    x = torch.randn(2, 6, 3)
    h, _ = model.rnn(x)
    assert torch.allclose(model(x), model.out(h[:, -1]))
    changed = x.clone()
    changed[:, -1] += 1.0  # the last step changes the output: it is read
    assert not torch.allclose(model(changed), model(x))


def test_tagger_is_causal_one_output_per_step():
    """The output at step t depends on the inputs up to t only (a unidirectional layer)."""
    torch.manual_seed(0)
    model = SequenceTagger(10, 4, 8, 6).eval()
    tokens = torch.randint(0, 10, (2, 9))
    changed = tokens.clone()
    changed[:, 5] = (changed[:, 5] + 1) % 10
    before, after = model(tokens), model(changed)
    assert torch.equal(before[:, :5], after[:, :5]) and not torch.allclose(before[:, 5:], after[:, 5:])


def test_generator_input_enters_at_the_first_step_only():
    torch.manual_seed(0)
    model = SequenceGenerator(2, 8, 1, steps=5).eval()
    x = torch.randn(3, 2)
    inputs = torch.zeros(3, 5, 2)
    inputs[:, 0] = x
    h, _ = model.rnn(inputs)
    assert torch.allclose(model(x), model.out(h))
    assert not torch.allclose(model(x), model(x + 1))


@pytest.mark.parametrize("cell", CELLS)
def test_greedy_decoding_is_teacher_forcing_on_its_own_predictions(cell):
    """Feeding greedy's own tokens back through the teacher-forced forward pass reproduces them:
    the two paths run the same decoder."""
    torch.manual_seed(1)
    model = Seq2Seq(7, 9, 5, 16, cell=cell).eval()
    source = torch.randint(0, 7, (6, 4))
    decoded = model.greedy(source, start=8, steps=10)
    fed = torch.cat([torch.full((6, 1), 8), decoded[:, :-1]], dim=1)
    with torch.no_grad():
        assert torch.equal(model(source, fed).argmax(dim=2), decoded)
    assert len(set(decoded.flatten().tolist())) > 1  # not a constant sequence, so the test means something


def test_seq2seq_learns_to_reverse_short_lists():
    """A few seconds of training make the encoder-decoder reverse lists of 4 digits."""
    from coursekit.train import fit

    torch.manual_seed(0)
    source = torch.randint(0, 5, (600, 4))
    target = source.flip(1)
    target_in = torch.cat([torch.full((600, 1), 5), target[:, :-1]], dim=1)
    model = Seq2Seq(5, 6, 8, 32)
    fit(
        model,
        lambda m, s, t_in, t: summed_cross_entropy(m(s, t_in), t),
        (source, target_in, target),
        epochs=30,
        lr=2e-2,
        progress=False,
        metrics={"exact": lambda m: (m.greedy(source, 5, 4) == target).all(1).float().mean().item()},
        target=("exact", 0.95),
    )
    assert (model.greedy(source, 5, 4) == target).all(1).float().mean() >= 0.95


def test_the_shared_losses_on_hand_computed_values():
    """mse_loss and cross_entropy_loss, which the lessons hand to fit(), on numbers worked out by hand."""
    import math

    import torch

    from coursekit.train import cross_entropy_loss, mse_loss

    def identity(x):
        return x

    assert mse_loss(identity, torch.tensor([1.0, 3.0]), torch.tensor([0.0, 0.0])).item() == 5.0  # (1 + 9) / 2
    scores, targets = torch.tensor([[0.0, 0.0], [0.0, math.log(3.0)]]), torch.tensor([0, 1])
    expected = (math.log(2.0) + math.log(4.0 / 3.0)) / 2  # -log(1/2), -log(3/4), averaged
    assert abs(cross_entropy_loss(identity, scores, targets).item() - expected) < 1e-6

    def with_lengths(x, lengths):
        return x * 0 + lengths[:, None].float()  # the lengths reach the model as its second input

    assert (
        abs(
            cross_entropy_loss(with_lengths, scores, torch.tensor([0, 0]), torch.tensor([0, 1])).item()
            - math.log(2.0)
        )
        < 1e-6
    )


def test_parameter_count_counts_every_entry():
    import torch

    from coursekit.models import parameter_count

    assert parameter_count(torch.nn.Linear(3, 2)) == 3 * 2 + 2
    assert parameter_count(torch.nn.RNN(3, 7)) == 7 * 3 + 7 * 7 + 7 + 7  # two bias vectors in torch


def test_accuracy_is_the_fraction_of_right_argmaxes():
    import torch

    from coursekit.train import accuracy

    scores = torch.tensor([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])  # argmax: 1, 0, 1, 0
    assert accuracy(lambda x: x, scores, torch.tensor([1, 0, 0, 0])) == 0.75  # three of four by hand
