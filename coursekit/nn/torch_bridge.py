"""Move weights between torch.nn.RNN / LSTM / GRU and the NumPy RecurrentNetwork.

    net = from_torch(torch_module)        # same weights, same forward, as NumPy
    module = to_torch(net)                 # and back

Parameters keep PyTorch's layout, so each move is a copy; the dtype is kept (float64 for
equivalence tests, float32 for training).
"""

from __future__ import annotations

import numpy as np

from .network import RecurrentNetwork, param_name
from .params import LayerParams

_FIELDS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


def from_torch(module) -> RecurrentNetwork:
    """A RecurrentNetwork with a copy of the torch module's weights.

    module: torch.nn.RNN (tanh or relu), torch.nn.LSTM or torch.nn.GRU, any num_layers,
    bidirectional or not. The NumPy network has no dropout: compare it with module.eval().
    """
    import torch

    if not isinstance(module, (torch.nn.RNN, torch.nn.LSTM, torch.nn.GRU)):
        raise ValueError(
            f"from_torch takes a torch.nn.RNN, LSTM or GRU; got {type(module).__name__}. "
            "For a model that contains one, pass that layer (e.g. model.rnn)."
        )
    if getattr(module, "proj_size", 0):
        raise ValueError("LSTMs with proj_size > 0 are not supported; create the LSTM with proj_size=0")
    if module.dropout and module.num_layers > 1 and module.training:
        raise ValueError(
            "this module applies dropout between layers in training mode, which the NumPy "
            "network does not; call module.eval() first"
        )
    state = {name: tensor.detach().cpu().numpy().copy() for name, tensor in module.named_parameters()}
    directions = 2 if module.bidirectional else 1
    layers = []
    for l in range(module.num_layers):
        layer = []
        for d in range(directions):
            weights = {f: state.get(param_name(f, l, d)) for f in _FIELDS}
            rows = weights["weight_hh"].shape[0]
            for bias in ("bias_ih", "bias_hh"):
                if weights[bias] is None:
                    weights[bias] = np.zeros(rows, weights["weight_hh"].dtype)
            layer.append(LayerParams(**weights))
        layers.append(layer)
    return RecurrentNetwork(module.mode, layers, bias=module.bias, batch_first=module.batch_first)


def to_torch(net: RecurrentNetwork):
    """The torch.nn.RNN / LSTM / GRU with a copy of the network's weights (same dtype)."""
    import torch

    kwargs = dict(
        input_size=net.input_size,
        hidden_size=net.hidden_size,
        num_layers=net.num_layers,
        bias=net.bias,
        batch_first=net.batch_first,
        bidirectional=net.bidirectional,
    )
    if net.mode.startswith("RNN"):
        module = torch.nn.RNN(nonlinearity=net.mode[4:].lower(), **kwargs)
    else:
        module = getattr(torch.nn, net.mode)(**kwargs)
    module = module.to(torch.from_numpy(np.zeros(0, net.dtype)).dtype)
    with torch.no_grad():
        for name, array in net.parameters().items():
            getattr(module, name).copy_(torch.from_numpy(np.ascontiguousarray(array)))
    return module
