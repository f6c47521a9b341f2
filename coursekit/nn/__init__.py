"""NumPy reference implementations of recurrent cells, forward and backward.

Everything is batch-first (x of shape (N, T, D)) and stores weights as PyTorch does, so the
bridge to torch.nn is a copy: see from_torch / to_torch.

rnn_forward, lstm_backward, ... are the reference sequence functions that the lessons show:
plain loops over the step functions. fast_rnn_forward, fast_lstm_backward, ... (module fast)
compute the same numbers faster and are what RecurrentNetwork and from_torch run.
"""

from .activations import relu, sigmoid, tanh
from .clip import clip_by_global_norm, clip_by_value, global_norm
from .fast import (
    fast_gru_backward,
    fast_gru_forward,
    fast_lstm_backward,
    fast_lstm_forward,
    fast_rnn_backward,
    fast_rnn_forward,
)
from .gradcheck import numerical_gradient, numerical_gradient_array, rel_error
from .gru import GRUCache, GRUStepCache, gru_backward, gru_forward, gru_step_backward, gru_step_forward
from .jordan import (
    JordanCache,
    JordanStepCache,
    jordan_backward,
    jordan_forward,
    jordan_step_backward,
    jordan_step_forward,
)
from .linear import linear_backward, linear_forward
from .losses import mse, softmax_cross_entropy
from .lstm import LSTMCache, LSTMStepCache, lstm_backward, lstm_forward, lstm_step_backward, lstm_step_forward
from .network import RecurrentNetwork
from .params import JordanParams, LayerParams, init_jordan_params, init_layer_params
from .rnn import RNNCache, RNNStepCache, rnn_backward, rnn_forward, rnn_step_backward, rnn_step_forward
from .torch_bridge import from_torch, to_torch
