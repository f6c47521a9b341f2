"""Bad input gets a ValueError that names the expected and the received shape."""

import numpy as np
import pytest
import torch

from coursekit import nn


def test_sequence_without_feature_axis():
    p = nn.init_layer_params("RNN_TANH", 1, 4)
    with pytest.raises(ValueError, match=r"\(N, T, D\).*D=1.*got shape \(2, 5\).*x\[\.\.\., None\]"):
        nn.rnn_forward(np.zeros((2, 5)), None, p)


@pytest.mark.parametrize(
    "mode,forward",
    [
        ("RNN_TANH", lambda x, h, p: nn.rnn_forward(x, h, p)),
        ("GRU", lambda x, h, p: nn.gru_forward(x, h, p)),
        ("LSTM", lambda x, h, p: nn.lstm_forward(x, h, None, p)),
    ],
)
def test_initial_state_for_wrong_batch(mode, forward):
    p = nn.init_layer_params(mode, 3, 4)
    with pytest.raises(ValueError, match=r"h0 must have shape \(2, 4\); got shape \(5, 4\)"):
        forward(np.zeros((2, 6, 3)), np.zeros((5, 4)), p)


def test_weight_of_wrong_size():
    p = nn.init_layer_params("LSTM", 3, 4)
    p.weight_hh = np.zeros((12, 4))  # three gate blocks where an LSTM has four
    with pytest.raises(ValueError, match=r"weight_hh must have shape \(4\*H, H\).*got shape \(12, 4\)"):
        nn.lstm_forward(np.zeros((1, 2, 3)), None, None, p)
    p = nn.init_layer_params("GRU", 3, 4)
    p.bias_ih = np.zeros(4)
    with pytest.raises(ValueError, match=r"bias_ih must have shape \(12,\); got shape \(4,\)"):
        nn.gru_forward(np.zeros((1, 2, 3)), None, p)


def test_input_size_mismatch():
    p = nn.init_layer_params("GRU", 3, 4)
    with pytest.raises(ValueError, match=r"D=3.*got shape \(1, 2, 5\)"):
        nn.gru_forward(np.zeros((1, 2, 5)), None, p)


def test_jordan_params_that_do_not_fit():
    p = nn.init_jordan_params(3, 4, 2)
    p.weight_yh = np.zeros((4, 3))
    with pytest.raises(ValueError, match=r"weight_yh must have shape \(4, 2\).*got shape \(4, 3\)"):
        nn.jordan_forward(np.zeros((1, 2, 3)), None, p)


def test_network_state_and_gradient_shapes():
    net = nn.RecurrentNetwork.create("LSTM", 3, 4, num_layers=2)
    with pytest.raises(ValueError, match=r"pair \(h_0, c_0\)"):
        net.forward(np.zeros((2, 5, 3)), np.zeros((2, 2, 4)))
    with pytest.raises(ValueError, match=r"h_0 must have shape \(2, 2, 4\); got shape \(1, 2, 4\)"):
        net.forward(np.zeros((2, 5, 3)), (np.zeros((1, 2, 4)), np.zeros((2, 2, 4))))
    with pytest.raises(ValueError, match="call forward"):
        nn.RecurrentNetwork.create("GRU", 3, 4).backward(np.zeros((2, 5, 4)))
    net.forward(np.zeros((2, 5, 3)))
    with pytest.raises(ValueError, match=r"d_output must have shape \(2, 5, 4\); got shape \(2, 5, 8\)"):
        net.backward(np.zeros((2, 5, 8)))
    with pytest.raises(ValueError, match="truncate must be None"):
        net.backward(np.zeros((2, 5, 4)), truncate=0)


def test_network_layers_that_do_not_fit():
    first = nn.init_layer_params("GRU", 3, 4)
    second = nn.init_layer_params("GRU", 5, 4)  # layer 1 must read the 4 outputs of layer 0
    with pytest.raises(
        ValueError, match=r"layer 1\.weight_ih must have shape \(12, 4\); got shape \(12, 5\)"
    ):
        nn.RecurrentNetwork("GRU", [[first], [second]])


def test_truncate_is_refused_for_bidirectional():
    net = nn.RecurrentNetwork.create("RNN_TANH", 3, 4, bidirectional=True)
    net.forward(np.zeros((1, 4, 3)))
    with pytest.raises(ValueError, match="unidirectional"):
        net.backward(np.zeros((1, 4, 8)), truncate=2)


def test_from_torch_refuses_other_modules():
    with pytest.raises(ValueError, match="torch.nn.RNN, LSTM or GRU; got Linear"):
        nn.from_torch(torch.nn.Linear(2, 3))
    with pytest.raises(ValueError, match="proj_size"):
        nn.from_torch(torch.nn.LSTM(2, 3, proj_size=2))
    with pytest.raises(ValueError, match=r"module\.eval\(\)"):
        nn.from_torch(torch.nn.GRU(2, 3, num_layers=2, dropout=0.5))
    nn.from_torch(torch.nn.GRU(2, 3, num_layers=2, dropout=0.5).eval())  # fine in eval mode


def test_losses_reject_bad_targets():
    with pytest.raises(ValueError, match=r"targets at unmasked steps must lie in \[0, 3\)"):
        nn.softmax_cross_entropy(np.zeros((1, 2, 3)), np.array([[0, 3]]))
    with pytest.raises(ValueError, match=r"integer class indices of shape \(N, T\) = \(1, 2\)"):
        nn.softmax_cross_entropy(np.zeros((1, 2, 3)), np.zeros((1, 2)))
    with pytest.raises(ValueError, match=r"mask must have shape \(N, T\) = \(1, 2\)"):
        nn.mse(np.zeros((1, 2)), np.zeros((1, 2)), mask=np.ones(2))
    loss, grad = nn.softmax_cross_entropy(np.zeros((1, 2, 3)), np.array([[0, 1]]), mask=np.zeros((1, 2)))
    assert loss == 0 and not grad.any()  # an all-padding batch is not an error and not NaN


def test_clipping_rejects_nonsense():
    with pytest.raises(ValueError, match="max_norm must be a positive number"):
        nn.clip_by_global_norm([np.ones(2)], 0)
    with pytest.raises(ValueError, match="dict of arrays or a list"):
        nn.clip_by_value(np.ones(2), 1.0)


def test_step_input_must_be_one_time_step():
    p = nn.init_layer_params("GRU", 3, 4)
    with pytest.raises(
        ValueError, match=r"x must have shape \(N, D\).*D=3, one time step; got shape \(2, 5, 3\)"
    ):
        nn.gru_step_forward(np.zeros((2, 5, 3)), np.zeros((2, 4)), p)
    with pytest.raises(ValueError, match=r"h_prev must have shape \(2, 4\); got shape \(4,\)"):
        nn.rnn_step_forward(np.zeros((2, 3)), np.zeros(4), nn.init_layer_params("RNN_TANH", 3, 4))


def test_gradient_of_the_final_state_with_wrong_shape():
    net = nn.RecurrentNetwork.create("GRU", 3, 4)
    net.forward(np.zeros((2, 5, 3)))
    with pytest.raises(ValueError, match=r"d_h_n must have shape \(1, 2, 4\); got shape \(2, 4\)"):
        net.backward(np.zeros((2, 5, 4)), np.zeros((2, 4)))
