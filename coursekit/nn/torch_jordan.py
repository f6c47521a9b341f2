"""PyTorch counterpart of coursekit.nn.jordan: the output-to-hidden recurrent layer.

PyTorch has no built-in Jordan network; this module is the reference the NumPy layer is
tested against, and what a notebook trains when it wants autograd.
"""
from __future__ import annotations

import torch
from torch import nn


class JordanRNN(nn.Module):
    """h_t = f(W_ih x_t + W_yh y_{t-1} + b), y_t = W_hy h_t + b_y.  x (N, T, D) -> y (N, T, O), y_T."""

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
