"""Explorer for lesson 06: which terms of the BPTT sum reach one weight, step by step.

With a loss at every step, L = sum_t L_t, the gradient of one recurrent weight W_hh[a, c] is a double sum

    dL/dW_hh[a, c] = sum_t sum_{k <= t} term[t, k],
    term[t, k] = (dL_t/dh_t  dh_t/dh_k  dh_k^+/dW_hh)[a, c] = delta_{t,k}[a] * h_{k-1}[c],

where delta_{t,k} = dL_t/da_k is L_t's error carried back from step t to step k through the one-step
Jacobians diag(1 - h^2) W_hh. The explorer's slider picks the loss step t and highlights the terms of
row t: the t copies of the weight that L_t reaches, with their values.

    terms = bptt_terms(weight=(0, 1))     # terms.terms (T, T), NaN where k > t; terms.total
    bptt_figure(weight=(0, 1), step=3)    # one setting, as a figure
    explore_bptt()                        # the live explorer
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..nn import LayerParams, rnn_forward
from . import _display

D, H, T = 2, 3, 5  # inputs, hidden units, steps: small enough to read every term


@dataclass
class BPTTTerms:
    """Every term of the BPTT double sum for one weight W_hh[a, c]."""

    weight: tuple[int, int]  # (a, c)
    terms: np.ndarray  # (T, T): terms[t - 1, k - 1] = the share of copy k of W_hh[a, c] in dL_t; NaN if k > t
    total: float  # dL/dW_hh[a, c], the sum of every term


def example(seed: int = 0):
    """The explorer's network (seeded): params (LayerParams), x (1, T, D), h0 (1, H), targets y (T, H)."""
    rng = np.random.default_rng(seed)
    params = LayerParams(
        rng.standard_normal((H, D)) * 0.8,
        rng.standard_normal((H, H)) * 0.8,
        rng.standard_normal(H) * 0.1,
        np.zeros(H),
    )
    x = rng.standard_normal((1, T, D))
    h0 = np.tanh(rng.standard_normal((1, H)))  # not zero, so that copy 1 has something to multiply
    y = rng.standard_normal((T, H)) * 0.5
    return params, x, h0, y


def _check_weight(weight) -> tuple[int, int]:
    ok = (
        isinstance(weight, (tuple, list))
        and len(weight) == 2
        and all(isinstance(i, (int, np.integer)) and not isinstance(i, bool) and 0 <= i < H for i in weight)
    )
    if not ok:
        raise ValueError(
            f"weight must be a pair (row a, column c) of W_hh, each a whole number from 0 to {H - 1}; "
            f"got {weight!r}"
        )
    return int(weight[0]), int(weight[1])


def bptt_terms(weight=(0, 1), seed: int = 0) -> BPTTTerms:
    """Every term[t, k] of dL/dW_hh[a, c] for the loss L = sum_t 0.5 ||h_t - y_t||^2 of `example(seed)`."""
    a, c = _check_weight(weight)
    params, x, h0, y = example(seed)
    h, _ = rnn_forward(x, h0, params)
    states = np.vstack([h0, h[0]])  # states[t] = h_t for t = 0..T
    terms = np.full((T, T), np.nan)
    for t in range(1, T + 1):
        dh = states[t] - y[t - 1]  # dL_t/dh_t
        for k in range(t, 0, -1):
            delta = dh * (1 - states[k] ** 2)  # dL_t/da_k
            terms[t - 1, k - 1] = delta[a] * states[k - 1][c]  # copy k of W_hh[a, c] multiplies h_{k-1}[c]
            dh = params.weight_hh.T @ delta  # on to h_{k-1}
    return BPTTTerms((a, c), terms, float(np.nansum(terms)))


def describe(result: BPTTTerms, step: int) -> str:
    """The printed values: the terms of row `step` and the sums."""
    a, c = result.weight
    row = result.terms[step - 1, :step]
    lines = [f"L_{step} reaches W_hh[{a}, {c}] through copies k = 1..{step}:"]
    lines += [f"  k = {k}: {value:+.4f}" for k, value in enumerate(row, start=1)]
    lines.append(f"  their sum, dL_{step}/dW_hh[{a}, {c}] = {row.sum():+.4f}")
    lines.append(f"all {T * (T + 1) // 2} terms of every loss: dL/dW_hh[{a}, {c}] = {result.total:+.4f}")
    return "\n".join(lines)


def _check_step(step) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not 1 <= step <= T:
        raise ValueError(f"step must be a whole number from 1 to {T} (the loss step L_t); got {step!r}")
    return int(step)


def bptt_figure(weight=(0, 1), step: int = T, seed: int = 0) -> Figure:
    """The terms as a (T, T) grid, loss step t down, copy k across; row `step` highlighted, values written."""
    step, result = _check_step(step), bptt_terms(weight, seed)
    limit = np.nanmax(np.abs(result.terms))
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    image = ax.imshow(result.terms, cmap="RdBu_r", vmin=-limit, vmax=limit)
    for t in range(1, T + 1):
        for k in range(1, t + 1):
            chosen = t == step
            ax.text(
                k - 1,
                t - 1,
                f"{result.terms[t - 1, k - 1]:+.3f}",
                ha="center",
                va="center",
                fontsize=8 if chosen else 7,
                fontweight="bold" if chosen else "normal",
                color="black" if chosen else "dimgrey",
            )
    ax.add_patch(_row_box(step))
    ax.set(
        xticks=range(T),
        xticklabels=[f"copy {k}" for k in range(1, T + 1)],
        yticks=range(T),
        yticklabels=[f"L_{t}" for t in range(1, T + 1)],
        xlabel="the copy of the weight the term goes through",
        ylabel="the loss the term comes from",
    )
    a, c = result.weight
    ax.set_title(f"terms of dL/dW_hh[{a}, {c}]: L_{step} reaches copies 1..{step}", fontsize=10)
    fig.colorbar(image, ax=ax, shrink=0.8, label="term")
    return fig


def _row_box(step: int):
    from matplotlib.patches import Rectangle

    return Rectangle((-0.5, step - 1.5), step, 1, fill=False, edgecolor="black", lw=2.5)


def _view(weight: tuple[int, int], step: int):
    result = bptt_terms(weight)
    a, c = result.weight
    alt = (
        f"A {T} by {T} grid of the terms of dL/dW_hh[{a}, {c}], loss step down, copy of the weight across; "
        f"the row of L_{step} is outlined: it reaches copies 1 to {step}, and its terms sum to "
        f"{result.terms[step - 1, :step].sum():+.4f}."
    )
    return bptt_figure(weight, step), alt, describe(result, step)


def explore_bptt(weight=(0, 1), step: int = T):
    """The live explorer: a slider over the loss step t and a choice of the weight W_hh[a, c]."""
    weight, step = _check_weight(weight), _check_step(step)
    widgets = _display.import_widgets()
    controls = (
        {}
        if widgets is None
        else {
            "step": widgets.IntSlider(
                value=step, min=1, max=T, description="loss step t", continuous_update=False
            ),
            "weight": widgets.Dropdown(
                options=[(f"W_hh[{a}, {c}]", (a, c)) for a in range(H) for c in range(H)],
                value=weight,
                description="weight",
            ),
        }
    )
    fallback = (
        "Widgets are not available here (ipywidgets cannot be imported); call "
        "bptt_figure(weight=(0, 1), step=3) to see one setting, and bptt_terms(weight=(0, 1)) for the values."
    )
    return _display.build("BPTT explorer", {"step": step, "weight": weight}, controls, _view, fallback)
