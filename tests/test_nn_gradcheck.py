"""Every NumPy backward pass against central finite differences (float64 < 1e-6),
and the step functions against the sequence functions."""

import numpy as np
import pytest
import torch
from compare import assert_close, central_differences

from coursekit import nn
from coursekit.models import JordanRNN

N, T, D, H, O = 2, 4, 3, 5, 2


def params_for(mode, seed=0):
    return nn.init_layer_params(mode, D, H, seed=seed, dtype=np.float64)


def check_against_numeric(f, arrays, analytic, dout):
    """For each named array, perturb it, re-run f, and compare with the analytic gradient."""
    for name, array in arrays.items():
        numeric = central_differences(f, array, dout)
        assert_close(analytic[name], numeric, 1e-6, name)


# ---- single steps -------------------------------------------------------------------------
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_rnn_step_backward(nonlinearity):
    rng = np.random.default_rng(1)
    p = params_for("RNN_TANH")
    x, h = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    out, cache = nn.rnn_step_forward(x, h, p, nonlinearity)
    dout = rng.standard_normal(out.shape)
    dx, dh, g = nn.rnn_step_backward(dout, cache)
    f = lambda: nn.rnn_step_forward(x, h, p, nonlinearity)[0]
    check_against_numeric(f, {"x": x, "h": h, **p.arrays()}, {"x": dx, "h": dh, **g.arrays()}, dout)


def test_lstm_step_backward():
    rng = np.random.default_rng(2)
    p = params_for("LSTM")
    x, h, c = rng.standard_normal((N, D)), rng.standard_normal((N, H)), rng.standard_normal((N, H))
    h_next, c_next, cache = nn.lstm_step_forward(x, h, c, p)
    dh_next, dc_next = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    dx, dh, dc, g = nn.lstm_step_backward(dh_next, dc_next, cache)
    f = lambda: np.concatenate(nn.lstm_step_forward(x, h, c, p)[:2], axis=1)
    dout = np.concatenate([dh_next, dc_next], axis=1)
    check_against_numeric(
        f, {"x": x, "h": h, "c": c, **p.arrays()}, {"x": dx, "h": dh, "c": dc, **g.arrays()}, dout
    )


def test_gru_step_backward():
    rng = np.random.default_rng(3)
    p = params_for("GRU")
    x, h = rng.standard_normal((N, D)), rng.standard_normal((N, H))
    out, cache = nn.gru_step_forward(x, h, p)
    dout = rng.standard_normal(out.shape)
    dx, dh, g = nn.gru_step_backward(dout, cache)
    f = lambda: nn.gru_step_forward(x, h, p)[0]
    check_against_numeric(f, {"x": x, "h": h, **p.arrays()}, {"x": dx, "h": dh, **g.arrays()}, dout)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_jordan_step_backward(nonlinearity):
    rng = np.random.default_rng(4)
    p = nn.init_jordan_params(D, H, O, seed=0, dtype=np.float64)
    x, y = rng.standard_normal((N, D)), rng.standard_normal((N, O))
    out, cache = nn.jordan_step_forward(x, y, p, nonlinearity)
    dout = rng.standard_normal(out.shape)
    dx, dy, g = nn.jordan_step_backward(dout, cache)
    f = lambda: nn.jordan_step_forward(x, y, p, nonlinearity)[0]
    check_against_numeric(f, {"x": x, "y": y, **p.arrays()}, {"x": dx, "y": dy, **g.arrays()}, dout)


# ---- whole sequences ----------------------------------------------------------------------
@pytest.mark.parametrize("truncate", [None, 2])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_rnn_sequence_backward(nonlinearity, truncate):
    rng = np.random.default_rng(5)
    p = params_for("RNN_TANH")
    x, h0 = rng.standard_normal((N, T, D)), rng.standard_normal((N, H))
    out, cache = nn.rnn_forward(x, h0, p, nonlinearity)
    dout = rng.standard_normal(out.shape)
    dx, dh0, g = nn.rnn_backward(dout, cache)
    f = lambda: nn.rnn_forward(x, h0, p, nonlinearity)[0]
    check_against_numeric(f, {"x": x, "h0": h0, **p.arrays()}, {"x": dx, "h0": dh0, **g.arrays()}, dout)
    if truncate:  # truncated gradient differs from the full one, but only in the weights' past
        dx_t, _, g_t = nn.rnn_backward(dout, cache, truncate=truncate)
        assert np.abs(g_t.weight_hh - g.weight_hh).max() > 1e-2 * np.abs(g.weight_hh).max()


@pytest.mark.parametrize("truncate", [1, 2, 3])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_truncated_rnn_backward_is_the_gradient_with_the_state_detached(nonlinearity, truncate):
    """Oracle: finite differences of a forward pass, written here, in which the state entering step t = k, 2k, ...
    is a constant (its value in the unperturbed run): what detaching it between chunks of k steps means."""
    rng = np.random.default_rng(15)
    p = params_for("RNN_TANH")
    x, h0 = rng.standard_normal((N, T + 2, D)), rng.standard_normal((N, H))
    act = np.tanh if nonlinearity == "tanh" else (lambda a: np.maximum(a, 0))

    def states(detached=None):
        h, out = h0, []
        for t in range(x.shape[1]):
            h_prev = detached[t - 1] if detached is not None and t > 0 and t % truncate == 0 else h
            h = act(x[:, t] @ p.weight_ih.T + h_prev @ p.weight_hh.T + p.bias_ih + p.bias_hh)
            out.append(h)
        return np.stack(out, axis=1)

    fixed = [h for h in np.moveaxis(states(), 1, 0)]  # every state of the unperturbed run, kept constant
    out, cache = nn.rnn_forward(x, h0, p, nonlinearity)
    dout = rng.standard_normal(out.shape)
    dx, dh0, g = nn.rnn_backward(dout, cache, truncate=truncate)
    f = lambda: states(fixed)
    for name, analytic, array in [
        ("x", dx, x),
        ("h0", dh0, h0),
        ("weight_hh", g.weight_hh, p.weight_hh),
        ("weight_ih", g.weight_ih, p.weight_ih),
        ("bias_hh", g.bias_hh, p.bias_hh),
    ]:
        assert_close(analytic, central_differences(f, array, dout), 1e-6, name)


def test_lstm_sequence_backward():
    rng = np.random.default_rng(6)
    p = params_for("LSTM")
    x, h0, c0 = rng.standard_normal((N, T, D)), rng.standard_normal((N, H)), rng.standard_normal((N, H))
    out, cache = nn.lstm_forward(x, h0, c0, p)
    dout, dc_last = rng.standard_normal(out.shape), rng.standard_normal((N, H))
    dx, dh0, dc0, g = nn.lstm_backward(dout, cache, dc_last)

    def f():
        h, c = nn.lstm_forward(x, h0, c0, p)
        return np.concatenate([h.reshape(N, -1), c.c[-1]], axis=1)

    dflat = np.concatenate([dout.reshape(N, -1), dc_last], axis=1)
    check_against_numeric(
        f, {"x": x, "h0": h0, "c0": c0, **p.arrays()}, {"x": dx, "h0": dh0, "c0": dc0, **g.arrays()}, dflat
    )


def test_gru_sequence_backward():
    rng = np.random.default_rng(7)
    p = params_for("GRU")
    x, h0 = rng.standard_normal((N, T, D)), rng.standard_normal((N, H))
    out, cache = nn.gru_forward(x, h0, p)
    dout = rng.standard_normal(out.shape)
    dx, dh0, g = nn.gru_backward(dout, cache)
    f = lambda: nn.gru_forward(x, h0, p)[0]
    check_against_numeric(f, {"x": x, "h0": h0, **p.arrays()}, {"x": dx, "h0": dh0, **g.arrays()}, dout)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_jordan_sequence_backward(nonlinearity):
    rng = np.random.default_rng(8)
    p = nn.init_jordan_params(D, H, O, seed=1, dtype=np.float64)
    x, y0 = rng.standard_normal((N, T, D)), rng.standard_normal((N, O))
    out, cache = nn.jordan_forward(x, y0, p, nonlinearity)
    dout = rng.standard_normal(out.shape)
    dx, dy0, g = nn.jordan_backward(dout, cache)
    f = lambda: nn.jordan_forward(x, y0, p, nonlinearity)[0]
    check_against_numeric(f, {"x": x, "y0": y0, **p.arrays()}, {"x": dx, "y0": dy0, **g.arrays()}, dout)


@pytest.mark.parametrize("mode", ["RNN_TANH", "LSTM", "GRU"])
def test_bidirectional_stack_against_finite_differences(mode):
    rng = np.random.default_rng(9)
    net = nn.RecurrentNetwork.create(mode, D, 3, num_layers=2, bidirectional=True, seed=3, dtype=np.float64)
    x = rng.standard_normal((N, 3, D))
    out, _ = net.forward(x)
    dout = rng.standard_normal(out.shape)
    grads = net.backward(dout)
    f = lambda: net.forward(x)[0]
    check_against_numeric(f, {"input": x, **net.parameters()}, grads, dout)


# ---- the step functions compute what the sequence functions compute ----------------------
@pytest.mark.parametrize("mode", ["RNN_TANH", "RNN_RELU", "LSTM", "GRU"])
def test_steps_agree_with_sequence(mode):
    rng = np.random.default_rng(10)
    p = params_for(mode)
    x, h = rng.standard_normal((N, T, D)), rng.standard_normal((N, H))
    c = rng.standard_normal((N, H))
    nonlinearity = "relu" if mode == "RNN_RELU" else "tanh"
    if mode == "LSTM":
        seq, cache = nn.lstm_forward(x, h, c, p)
    elif mode == "GRU":
        seq, cache = nn.gru_forward(x, h, p)
    else:
        seq, cache = nn.rnn_forward(x, h, p, nonlinearity)
    dseq = rng.standard_normal(seq.shape)

    caches, hs = [], []
    for t in range(T):
        if mode == "LSTM":
            h, c, step_cache = nn.lstm_step_forward(x[:, t], h, c, p)
        elif mode == "GRU":
            h, step_cache = nn.gru_step_forward(x[:, t], h, p)
        else:
            h, step_cache = nn.rnn_step_forward(x[:, t], h, p, nonlinearity)
        caches.append(step_cache)
        hs.append(h)
    assert_close(np.stack(hs, axis=1), seq, 1e-14)

    dh_next, dc_next, total = np.zeros((N, H)), np.zeros((N, H)), None
    dxs = []
    for t in range(T - 1, -1, -1):
        if mode == "LSTM":
            dx, dh_next, dc_next, g = nn.lstm_step_backward(dseq[:, t] + dh_next, dc_next, caches[t])
        elif mode == "GRU":
            dx, dh_next, g = nn.gru_step_backward(dseq[:, t] + dh_next, caches[t])
        else:
            dx, dh_next, g = nn.rnn_step_backward(dseq[:, t] + dh_next, caches[t])
        dxs.insert(0, dx)
        total = g.arrays() if total is None else {k: total[k] + v for k, v in g.arrays().items()}
    backward = {
        "RNN_TANH": nn.rnn_backward,
        "RNN_RELU": nn.rnn_backward,
        "GRU": nn.gru_backward,
        "LSTM": nn.lstm_backward,
    }[mode]
    dx_seq, dh0, *_, g_seq = backward(dseq, cache)
    assert_close(np.stack(dxs, axis=1), dx_seq, 1e-12)
    assert_close(dh_next, dh0, 1e-12)
    for name, value in g_seq.arrays().items():
        assert_close(total[name], value, 1e-12, name)


# ---- Jordan against its torch counterpart --------------------------------------------------
@pytest.mark.parametrize("truncate", [None, 3])
def test_jordan_matches_torch(truncate):
    rng = np.random.default_rng(11)
    module = JordanRNN(D, H, O).double()
    p = nn.JordanParams(
        module.input_to_hidden.weight.detach().numpy(),
        module.output_to_hidden.weight.detach().numpy(),
        module.input_to_hidden.bias.detach().numpy(),
        module.hidden_to_output.weight.detach().numpy(),
        module.hidden_to_output.bias.detach().numpy(),
    )
    x, y0 = rng.standard_normal((N, 7, D)), rng.standard_normal((N, O))
    y, cache = nn.jordan_forward(x, y0, p)
    x_t, y0_t = torch.tensor(x, requires_grad=True), torch.tensor(y0, requires_grad=True)
    y_t, _ = module(x_t, y0_t, truncate=truncate)
    assert_close(y, y_t.detach().numpy(), 1e-12)
    dy = rng.standard_normal(y.shape)
    y_t.backward(torch.tensor(dy))
    dx, dy0, g = nn.jordan_backward(dy, cache, truncate=truncate)
    assert_close(dx, x_t.grad.numpy(), 1e-10)
    assert_close(dy0, y0_t.grad.numpy(), 1e-10)
    assert_close(g.weight_yh, module.output_to_hidden.weight.grad.numpy(), 1e-10)
    assert_close(g.weight_hy, module.hidden_to_output.weight.grad.numpy(), 1e-10)
    assert_close(g.bias, module.input_to_hidden.bias.grad.numpy(), 1e-10)


# ---- output layer, losses, clipping -------------------------------------------------------
def test_linear_backward():
    rng = np.random.default_rng(12)
    h, w, b = rng.standard_normal((N, T, H)), rng.standard_normal((O, H)), rng.standard_normal(O)
    y, cache = nn.linear_forward(h, w, b)
    dy = rng.standard_normal(y.shape)
    dh, dw, db = nn.linear_backward(dy, cache)
    f = lambda: nn.linear_forward(h, w, b)[0]
    check_against_numeric(f, {"h": h, "w": w, "b": b}, {"h": dh, "w": dw, "b": db}, dy)


@pytest.mark.parametrize("reduction", ["mean", "sum", "batch_mean"])
def test_softmax_cross_entropy_matches_torch_and_ignores_padding(reduction):
    rng = np.random.default_rng(13)
    C = 4
    logits = rng.standard_normal((3, 5, C))
    targets = rng.integers(0, C, size=(3, 5))
    mask = np.ones((3, 5), bool)
    mask[0, 3:] = mask[2, 1:] = False
    targets[~mask] = -1  # padding holds an invalid class: it must not be read
    loss, dlogits = nn.softmax_cross_entropy(logits, targets, mask, reduction)

    logits_t = torch.tensor(logits, requires_grad=True)
    per_step = torch.nn.functional.cross_entropy(
        logits_t.reshape(-1, C), torch.tensor(targets).reshape(-1), ignore_index=-1, reduction="sum"
    )
    divisor = {"mean": mask.sum(), "sum": 1, "batch_mean": 3}[reduction]
    (per_step / divisor).backward()
    assert_close(loss, per_step.item() / divisor, 1e-12)
    assert_close(dlogits, logits_t.grad.numpy(), 1e-10)
    assert np.all(dlogits[~mask] == 0)
    f = lambda: nn.softmax_cross_entropy(logits, targets, mask, reduction)[0]
    assert_close(central_differences(f, logits, 1.0), dlogits, 1e-6)


def test_mse_matches_torch_with_mask():
    rng = np.random.default_rng(14)
    pred, target = rng.standard_normal((3, 4, 2)), rng.standard_normal((3, 4, 2))
    mask = np.array([[1, 1, 1, 0], [1, 1, 1, 1], [1, 0, 0, 0]])
    loss, dpred = nn.mse(pred, target, mask)
    pred_t = torch.tensor(pred, requires_grad=True)
    keep = torch.tensor(mask, dtype=torch.bool)
    loss_t = torch.nn.functional.mse_loss(pred_t[keep], torch.tensor(target)[keep])
    loss_t.backward()
    assert_close(loss, loss_t.item(), 1e-12)
    assert_close(dpred, pred_t.grad.numpy(), 1e-10)
    f = lambda: nn.mse(pred, target, mask)[0]
    assert_close(central_differences(f, pred, 1.0), dpred, 1e-6)


@pytest.mark.parametrize("max_norm", [0.5, 100.0])
def test_clip_by_global_norm_matches_torch(max_norm):
    rng = np.random.default_rng(15)
    grads = {"a": rng.standard_normal((3, 4)), "b": rng.standard_normal(5)}
    clipped, norm = nn.clip_by_global_norm(grads, max_norm)
    tensors = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads.values()]
    for t, g in zip(tensors, grads.values()):
        t.grad = torch.tensor(g)
    norm_t = torch.nn.utils.clip_grad_norm_(tensors, max_norm)
    assert_close(norm, norm_t.item(), 1e-12)
    for t, g in zip(tensors, clipped.values()):
        assert_close(g, t.grad.numpy(), 1e-12)
    assert nn.global_norm(clipped) <= max_norm + 1e-9
    assert grads["a"] is not clipped["a"]  # inputs are left alone


def test_clip_by_value_matches_torch():
    rng = np.random.default_rng(16)
    grads = [rng.standard_normal((3, 4)) * 3]
    (clipped,) = nn.clip_by_value(grads, 1.5)
    t = torch.zeros(3, 4, dtype=torch.float64, requires_grad=True)
    t.grad = torch.tensor(grads[0])
    torch.nn.utils.clip_grad_value_([t], 1.5)
    assert np.array_equal(clipped, t.grad.numpy())


def test_the_packages_finite_differences_and_rel_error_on_hand_computed_values():
    """coursekit.nn's own gradient check (the lessons use it) against d(sum x^3)/dx = 3 x^2, and rel_error by hand."""
    x = np.array([[0.5, -1.0], [2.0, 0.25]])
    np.testing.assert_allclose(nn.numerical_gradient(lambda: np.sum(x**3), x), 3 * x**2, rtol=1e-8)
    dout = np.array([[1.0, 2.0], [-1.0, 0.5]])
    np.testing.assert_allclose(nn.numerical_gradient_array(lambda: x**2, x, dout), 2 * x * dout, rtol=1e-8)
    assert nn.rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.5])) == pytest.approx(0.5 / 4.5)
    assert nn.rel_error(np.array([1.0, -2.0]), np.array([1.0, 2.0])) == pytest.approx(4 / 4)  # signs count
