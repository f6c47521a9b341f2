"""The explorers' pure functions against values computed here independently (NumPy by hand, torch
autograd), their fallback without ipywidgets, their messages for bad settings, and the wiring of
their widgets (a control moved, the figure redrawn), without a browser."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from coursekit.data.char_corpus import CharVocab
from coursekit.explorers import (
    bptt_terms,
    explore_bptt,
    explore_gates,
    explore_gradient_flow,
    explore_sampling,
    gradient_flow,
    lstm_readout,
    next_character,
    recurrent_matrix,
)
from coursekit.explorers.bptt import example
from coursekit.models import SequenceTagger

ROOT = Path(__file__).resolve().parents[1]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def small_lm():
    """A small untrained character LSTM of the lesson's kind, and its vocabulary."""
    torch.manual_seed(0)
    vocab = CharVocab()
    return SequenceTagger(
        vocab_size=len(vocab), embedding_size=8, hidden_size=16, num_tags=len(vocab), cell="lstm"
    ).eval(), vocab


# -- gradient flow (lesson 07) ------------------------------------------------------------------------------
@pytest.mark.parametrize("radius, s", [(0.9, 0.0), (0.9, 1.0), (1.3, 2.5)])
def test_recurrent_matrix_has_the_radius_and_is_normal_only_without_non_normality(radius, s):
    W = recurrent_matrix(radius, s)
    assert np.allclose(abs(np.linalg.eigvals(W)), radius)
    sigma_max = np.linalg.svd(W, compute_uv=False)[0]
    if s == 0:
        assert np.allclose(W @ W.T, W.T @ W) and np.isclose(sigma_max, radius)
    else:
        assert sigma_max > radius + 0.5


def autograd_relative_norms(W: np.ndarray, nonlinearity: str, steps: int = 60) -> np.ndarray:
    """||dL/dh_t|| / ||dL/dh_T|| by torch autograd, for L = sum(h_T) and the states the explorer promises:
    unit 1 at tanh's steepest point (0) or on (ReLU, 0.5), unit 2 saturated at 0.999 or off."""
    W_t = torch.tensor(W)
    if nonlinearity == "linear":
        f, pre = (lambda a: a), torch.zeros(2, dtype=torch.float64)
        states_wanted = torch.zeros(2, dtype=torch.float64)
    elif nonlinearity == "tanh":
        f, pre = torch.tanh, torch.tensor([0.0, np.arctanh(0.999)])
        states_wanted = torch.tanh(pre)
    else:
        f, pre = torch.relu, torch.tensor([0.5, -1.0], dtype=torch.float64)
        states_wanted = torch.relu(pre)
    h, states = torch.zeros(2, dtype=torch.float64, requires_grad=True), []
    for _ in range(steps):
        x = pre - W_t @ h.detach()  # the input that gives the wanted pre-activation (W_F = I)
        h = f(x + W_t @ h)
        h.retain_grad()
        states.append(h)
    assert torch.allclose(states[-1], states_wanted)
    h.sum().backward()
    norms = np.array([s.grad.norm().item() for s in states])[::-1]
    return norms / norms[0]


@pytest.mark.parametrize("nonlinearity", ["linear", "tanh", "relu"])
@pytest.mark.parametrize("s", [0.0, 1.0])
def test_gradient_flow_matches_torch_autograd(nonlinearity, s):
    flow = gradient_flow(radius=0.9, non_normality=s, nonlinearity=nonlinearity)
    expected = autograd_relative_norms(recurrent_matrix(0.9, s), nonlinearity)
    assert flow.relative_norms.shape == (60,)
    np.testing.assert_allclose(flow.relative_norms, expected, rtol=1e-8)
    assert np.isclose(flow.radius, 0.9) and np.isclose(
        flow.sigma_max, np.linalg.norm(recurrent_matrix(0.9, s), 2)
    )


def test_the_counterexample_is_there_to_find():
    # The lesson's claim: radius 0.9 vanishes when W_R is normal, and grows once it is far from normal.
    assert gradient_flow(0.9, 0.0, "tanh").relative_norms[-1] < 1e-10
    assert gradient_flow(0.9, 1.0, "tanh").relative_norms[-1] > 1e6
    # without the nonlinearity only the powers W_R^n count, and radius 0.9 makes them vanish in the end
    assert gradient_flow(0.9, 0.0, "linear").relative_norms[-1] < 1e-2
    assert gradient_flow(0.9, 3.0, "linear").relative_norms[-1] < 1e-2


# -- BPTT (lesson 06) ---------------------------------------------------------------------------------------
def test_bptt_terms_are_the_per_copy_gradients_of_each_loss():
    """Give every step its own copy of W_hh in torch; d L_t / d copy_k [a, c] is term[t, k]."""
    params, x, h0, y = example(0)
    T = x.shape[1]
    for weight in [(0, 1), (2, 0)]:
        result = bptt_terms(weight)
        a, c = weight
        for t in range(1, T + 1):
            copies = [torch.tensor(params.weight_hh, requires_grad=True) for _ in range(T)]
            h = torch.tensor(h0[0])
            for k in range(1, t + 1):
                h = torch.tanh(
                    torch.tensor(params.weight_ih @ x[0, k - 1] + params.bias_ih) + copies[k - 1] @ h
                )
            (0.5 * ((h - torch.tensor(y[t - 1])) ** 2).sum()).backward()
            for k in range(1, T + 1):
                if k <= t:
                    assert np.isclose(
                        result.terms[t - 1, k - 1], copies[k - 1].grad[a, c].item(), rtol=1e-10, atol=1e-14
                    )
                else:
                    assert np.isnan(result.terms[t - 1, k - 1]) and copies[k - 1].grad is None


def test_bptt_total_is_torch_rnn_gradient():
    params, x, h0, y = example(0)
    rnn = torch.nn.RNN(2, 3, batch_first=True).double()
    with torch.no_grad():
        for name, value in {
            "weight_ih_l0": params.weight_ih,
            "weight_hh_l0": params.weight_hh,
            "bias_ih_l0": params.bias_ih,
            "bias_hh_l0": params.bias_hh,
        }.items():
            getattr(rnn, name).copy_(torch.from_numpy(value))
    out, _ = rnn(torch.from_numpy(x), torch.from_numpy(h0)[None])
    (0.5 * ((out[0] - torch.from_numpy(y)) ** 2).sum()).backward()
    for a in range(3):
        for c in range(3):
            assert np.isclose(bptt_terms((a, c)).total, rnn.weight_hh_l0.grad[a, c].item(), rtol=1e-10)


# -- inside the LSTM, and sampling (lesson 11) -------------------------------------------------------------
def test_lstm_readout_matches_the_gates_computed_by_hand(small_lm):
    model, vocab = small_lm
    text = "def f(x):\n    return x\n"
    readout = lstm_readout(model, vocab, text)
    lstm = model.rnn
    with torch.no_grad():
        xs = model.embed(torch.from_numpy(vocab.encode(text))).double()
        W_ih, W_hh = lstm.weight_ih_l0.double(), lstm.weight_hh_l0.double()
        b = (lstm.bias_ih_l0 + lstm.bias_hh_l0).double()
        h = c = torch.zeros(16, dtype=torch.float64)
        for t, x in enumerate(xs):
            i, f, g, o = (W_ih @ x + W_hh @ h + b).chunk(4)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * c + i * g
            h = o * torch.tanh(c)
            for name, value in {
                "hidden state": h,
                "input gate": i,
                "forget gate": f,
                "output gate": o,
            }.items():
                np.testing.assert_allclose(readout.values[name][t], value.numpy(), rtol=1e-6, atol=1e-9)
        torch_h, _ = lstm(model.embed(torch.from_numpy(vocab.encode(text)))[None])
    np.testing.assert_allclose(readout.values["hidden state"], torch_h[0].numpy(), atol=1e-5)


@pytest.mark.parametrize("temperature", [0.5, 1.0, 1.7])
def test_next_character_is_the_softmax_of_the_scaled_logits(small_lm, temperature):
    model, vocab = small_lm
    with torch.no_grad():
        logits = model(torch.from_numpy(vocab.encode("    def "))[None])[0, -1].double()
    p = torch.softmax(logits / temperature, dim=0).numpy()
    step = next_character(model, vocab, "    def ", temperature)
    order = np.argsort(-p)[:10]
    assert step.chars == [vocab.chars[i] for i in order]
    np.testing.assert_allclose(step.probabilities, p[order], rtol=1e-9)
    assert np.isclose(step.entropy_bits, -(p * np.log2(p)).sum())


def test_temperature_zero_puts_everything_on_the_most_likely(small_lm):
    model, vocab = small_lm
    with torch.no_grad():
        best = int(model(torch.from_numpy(vocab.encode("x = "))[None])[0, -1].argmax())
    step = next_character(model, vocab, "x = ", 0)
    assert step.chars[0] == vocab.chars[best] and step.probabilities[0] == 1.0 and step.entropy_bits == 0.0


# -- bad settings: a sentence that says what to do ----------------------------------------------------------
@pytest.mark.parametrize(
    "call, words",
    [
        (lambda m, v: gradient_flow(radius=-1), "radius must be a number from 0.0 to 2.0"),
        (lambda m, v: gradient_flow(radius="0.9"), "radius must be a number"),
        (lambda m, v: gradient_flow(non_normality=9), "non_normality must be a number from 0.0 to 5.0"),
        (
            lambda m, v: gradient_flow(nonlinearity="sigmoid"),
            "nonlinearity must be one of 'linear', 'tanh', 'relu'",
        ),
        (lambda m, v: bptt_terms(weight=(0, 3)), "weight must be a pair (row a, column c) of W_hh"),
        (lambda m, v: explore_bptt(step=0), "step must be a whole number from 1 to 5"),
        (lambda m, v: lstm_readout(m, v, "café"), "the model cannot read 'é'"),
        (lambda m, v: lstm_readout(m, v, ""), "text must be a non-empty string"),
        (
            lambda m, v: lstm_readout(torch.nn.Linear(2, 2), v, "x"),
            "model must be the lesson's SequenceTagger",
        ),
        (
            lambda m, v: next_character(m, v, "x", temperature=-0.5),
            "temperature must be a number from 0 (greedy)",
        ),
    ],
)
def test_bad_settings_say_what_to_do(small_lm, call, words):
    with pytest.raises(ValueError) as error:
        call(*small_lm)
    assert words in str(error.value)


# -- the widgets, without a browser -------------------------------------------------------------------------
def shown_png(explorer) -> bytes:
    return base64.b64decode(explorer.output.outputs[-1]["data"]["image/png"])


def test_one_output_holds_the_live_view_and_the_stored_image(capsys):
    explorer = explore_gradient_flow()
    assert capsys.readouterr().out == "Live in JupyterLab: move the sliders.\n"
    data, metadata = explorer._repr_mimebundle_()
    assert set(data) == {
        WIDGET_VIEW,
        "image/png",
        "text/html",
        "text/plain",
    }  # text/html: the figure with its alt
    assert data[WIDGET_VIEW]["model_id"] == explorer.widget.model_id
    assert base64.b64decode(data["image/png"]).startswith(b"\x89PNG")
    assert "spectral radius 0.90" in metadata["image/png"]["alt"]
    assert (
        data["text/html"].startswith('<img alt="Gradient norm against steps back')
        and data["image/png"] in data["text/html"]
    )
    assert explorer.output.outputs[0]["text"].startswith(
        "spectral radius 0.90, largest singular value 0.90, tanh"
    )


@pytest.mark.parametrize(
    "make, control, value",
    [
        (lambda m, v: explore_gradient_flow(), "non_normality", 1.0),
        (lambda m, v: explore_gradient_flow(), "nonlinearity", "linear"),
        (lambda m, v: explore_bptt(), "step", 2),
        (lambda m, v: explore_gates(m, v, "def f(x):\n", unit=0), "unit", 3),
        (
            lambda m, v: explore_sampling(
                m, v, lambda model, prompt, length, temperature, seed: [prompt + "x"], length=5
            ),
            "temperature",
            0.3,
        ),
    ],
)
def test_moving_a_control_redraws(small_lm, make, control, value):
    explorer = make(*small_lm)
    before_png, before_text = shown_png(explorer), explorer.output.outputs[0].get("text")
    explorer.controls[control].value = value
    assert shown_png(explorer) != before_png
    assert explorer.output.outputs[0].get("text") != before_text or control == "unit"


def test_typed_text_the_model_cannot_read_is_said_in_the_output(small_lm):
    explorer = explore_gates(*small_lm, text="x = 1\n")
    explorer.controls["text"].value = "naïve"
    assert explorer.output.outputs[0]["text"].startswith("the model cannot read 'ï'")


def test_without_ipywidgets_it_says_what_to_call_and_shows_the_default():
    program = (
        "import sys; sys.modules['ipywidgets'] = None\n"  # `import ipywidgets` now raises ImportError
        "from coursekit.explorers import explore_gradient_flow\n"
        "explorer = explore_gradient_flow()\n"
        "data, metadata = explorer._repr_mimebundle_()\n"
        "print(sorted(data), explorer.widget)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        (
            "Widgets are not available here (ipywidgets cannot be imported); call "
            "gradient_flow_figure(radius=0.9, non_normality=1.0, nonlinearity='tanh') to see one setting."
        ),
        "['image/png', 'text/html', 'text/plain'] None",
    ]
