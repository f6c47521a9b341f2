"""One short, visible training loop for the course's PyTorch models.

    history = fit(model, mse_loss, (x_train, y_train), epochs=20, lr=1e-2, seed=0)
    viz.plot_history(history)

Each epoch shuffles the training tensors, runs mini-batches through `loss_fn(model, *batch)`
(which returns the scalar loss), steps Adam, and can clip the global gradient norm. A
progress bar (tqdm.auto: a widget in JupyterLab, text elsewhere) shows the epochs. Nothing is
hidden: the loop below is the whole story.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class History:
    loss: list[float] = field(default_factory=list)  # mean training loss of each epoch
    metrics: dict[str, list[float]] = field(default_factory=dict)  # name -> value after each epoch
    grad_norm: list[float] = field(default_factory=list)  # mean global gradient norm of each epoch
    seconds: float = 0.0

    def last(self, name: str = "loss") -> float:
        return self.loss[-1] if name == "loss" else self.metrics[name][-1]


def fit(
    model,
    loss_fn: Callable,
    tensors: tuple,
    *,
    epochs: int,
    lr: float = 1e-2,
    batch_size: int = 64,
    clip_norm: float | None = None,
    seed: int = 0,
    metrics: dict[str, Callable] | None = None,
    target: tuple[str, float] | None = None,
    progress: bool = True,
    description: str = "training",
) -> History:
    """Train model with Adam on mini-batches of `tensors` (all with the same first dimension).

    loss_fn(model, *batch) -> scalar loss tensor; metrics: {name: fn(model) -> float}, each
    evaluated after every epoch in eval mode; target=("accuracy", 0.95) stops early once that
    metric reaches the value (a loss target like ("loss", 0.01) stops when the loss falls below).
    """
    import time

    import torch
    from tqdm.auto import tqdm

    n = len(tensors[0])
    if any(len(t) != n for t in tensors):
        raise ValueError(f"all training tensors must have the same length; got {[len(t) for t in tensors]}")
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history, began = History(), time.perf_counter()
    bar = tqdm(range(epochs), desc=description, disable=not progress, leave=False)
    for _ in bar:
        model.train()
        order = torch.randperm(n, generator=generator)
        losses, norms = [], []
        for start in range(0, n, batch_size):
            batch = [t[order[start : start + batch_size]] for t in tensors]
            optimizer.zero_grad()
            loss = loss_fn(model, *batch)
            loss.backward()
            norm = torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm if clip_norm else math.inf)
            optimizer.step()
            losses.append(loss.item())
            norms.append(float(norm))
        history.loss.append(float(np.mean(losses)))
        history.grad_norm.append(float(np.mean(norms)))
        model.eval()
        with torch.no_grad():
            for name, metric in (metrics or {}).items():
                history.metrics.setdefault(name, []).append(float(metric(model)))
        bar.set_postfix(loss=f"{history.loss[-1]:.4f}")
        if target is not None and _reached(history, *target):
            break
    bar.close()
    history.seconds = time.perf_counter() - began
    return history


def mse_loss(model, x, y):
    """Mean squared error of model(x) against y, over every entry: the loss_fn for regression."""
    import torch

    return torch.mean((model(x) - y) ** 2)


def cross_entropy_loss(model, *batch):
    """Mean cross-entropy (nats) of the scores model(*inputs) (N, C) against class indices (N,).

    batch is the model's inputs followed by the targets: (x, y), or (x, lengths, y) for a model
    that also takes the sequence lengths.
    """
    import torch

    *inputs, targets = batch
    return torch.nn.functional.cross_entropy(model(*inputs), targets)


def accuracy(model, x, y) -> float:
    """The fraction of examples whose highest score is the right class: scores model(x) (..., C), y (...)."""
    import torch

    with torch.no_grad():
        return (model(x).argmax(dim=-1) == y).float().mean().item()


def _reached(history: History, name: str, value: float) -> bool:
    if name == "loss":
        return history.loss[-1] <= value
    return history.metrics[name][-1] >= value
