"""coursekit.train.fit, the one training loop the lessons use: clipping, seeds, early stopping and bad input,
checked against torch autograd on an independent copy of the model and against hand-computed values."""

import copy

import numpy as np
import pytest
import torch

from coursekit.train import fit, mse_loss


def _data(seed=0, n=16):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 3, generator=g, dtype=torch.float64)
    return x, x @ torch.tensor([[1.0], [-2.0], [0.5]], dtype=torch.float64) + 3.0


def _model():
    torch.manual_seed(1)
    return torch.nn.Linear(3, 1).double()


def test_clip_norm_scales_the_gradient_to_that_norm():
    """One epoch, one batch: the gradient fit leaves behind is autograd's, scaled to the clipping norm."""
    x, y = _data()
    model = _model()
    twin = copy.deepcopy(model)
    torch.mean((twin(x) - y) ** 2).backward()  # the oracle: autograd on an untouched copy, scaled by hand
    raw = [p.grad.clone() for p in twin.parameters()]
    norm = float(torch.sqrt(sum((g**2).sum() for g in raw)))
    assert norm > 1.0  # so that clipping to 1.0 changes it
    history = fit(model, mse_loss, (x, y), epochs=1, batch_size=len(x), clip_norm=1.0, progress=False)
    for got, g in zip((p.grad for p in model.parameters()), raw):
        np.testing.assert_allclose(got.numpy(), (g / norm).numpy(), rtol=1e-6)
    np.testing.assert_allclose(history.grad_norm, [norm], rtol=1e-12)  # the norm before clipping is recorded


def test_without_clip_norm_the_gradient_is_autograds():
    x, y = _data()
    model = _model()
    twin = copy.deepcopy(model)
    torch.mean((twin(x) - y) ** 2).backward()
    fit(model, mse_loss, (x, y), epochs=1, batch_size=len(x), progress=False)
    for got, want in zip(model.parameters(), twin.parameters()):
        np.testing.assert_allclose(got.grad.numpy(), want.grad.numpy(), rtol=1e-12)


def test_the_same_seed_gives_the_same_run_and_another_seed_another():
    x, y = _data()
    runs = [
        fit(_model(), mse_loss, (x, y), epochs=3, batch_size=4, seed=s, progress=False).loss
        for s in (0, 0, 1)
    ]
    assert runs[0] == runs[1] and runs[0] != runs[2]


def test_a_loss_target_stops_training_early():
    x, y = _data()
    history = fit(
        _model(), mse_loss, (x, y), epochs=50, lr=0.1, batch_size=4, target=("loss", 1e9), progress=False
    )
    assert len(history.loss) == 1


def test_a_metric_target_stops_once_the_metric_reaches_it_and_not_before():
    x, y = _data()
    epochs_done = iter(range(1, 100))  # the metric: 1 after the first epoch, 2 after the second, ...
    history = fit(
        _model(),
        mse_loss,
        (x, y),
        epochs=50,
        lr=0.1,
        batch_size=4,
        progress=False,
        metrics={"epochs": lambda model: next(epochs_done)},
        target=("epochs", 3),
    )
    assert history.metrics["epochs"] == [1, 2, 3] and len(history.loss) == 3


def test_the_loss_goes_down_on_a_linear_problem():
    x, y = _data()
    history = fit(_model(), mse_loss, (x, y), epochs=200, lr=0.05, batch_size=8, progress=False)
    assert history.loss[-1] < 0.01 * history.loss[0]


def test_tensors_of_different_lengths_are_refused_with_a_sentence():
    x, y = _data()
    with pytest.raises(ValueError, match="all training tensors must have the same length; got \\[16, 15\\]"):
        fit(_model(), mse_loss, (x, y[:-1]), epochs=1, progress=False)


def test_mse_loss_on_hand_computed_values():
    class Doubler(torch.nn.Module):
        def forward(self, x):
            return 2 * x

    x, y = torch.tensor([[1.0], [2.0]]), torch.tensor([[1.0], [5.0]])
    assert float(mse_loss(Doubler(), x, y)) == pytest.approx((1**2 + 1**2) / 2)
