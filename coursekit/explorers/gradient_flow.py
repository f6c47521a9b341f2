"""Explorer for lesson 07: move the recurrent matrix's spectral radius and its non-normality, pick the
nonlinearity, and watch the gradient ||dL_T/dh_t|| shrink or grow with the distance T - t.

    flow = gradient_flow(radius=0.9, non_normality=1.0, nonlinearity="tanh")   # what the explorer shows
    flow.relative_norms                 # (steps,): ||dL_T/dh_t|| / ||dL_T/dh_T||, index = distance T - t
    gradient_flow_figure(radius=0.9, non_normality=1.0)                       # one setting, as a figure
    explore_gradient_flow()                                                   # the live explorer

The network is the 2-unit tanh (or ReLU, or linear) RNN of lesson 07's counterexample: W_F = I, and the
inputs are chosen so that unit 1 sits at its most sensitive point and unit 2 is saturated (tanh: h = 0.999)
or off (ReLU), as a learnt input can make a unit. Then one step back multiplies the gradient by about
diag(1, 0) W_R, whose only eigenvalue is the corner entry W_R[0, 0]: a radius below 1 does not stop it
from being above 1 once the matrix is far from normal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..gradient_flow import gradient_norms_over_time
from ..nn import LayerParams, rnn_forward
from . import _display

NONLINEARITIES = ("linear", "tanh", "relu")
ANGLE = 1.0  # the eigenvalues are radius * exp(+-i ANGLE): a rotation, so the normal matrix is a rotation
SATURATED = 0.999  # tanh state of the saturated unit: its derivative is 1 - 0.999^2 = 0.002


@dataclass
class GradientFlow:
    """What the explorer shows for one setting."""

    W: np.ndarray  # (2, 2) the recurrent matrix W_R
    radius: float  # its spectral radius, max |eigenvalue|
    sigma_max: float  # its largest singular value, ||W_R||_2
    nonlinearity: str
    relative_norms: np.ndarray  # (steps,) ||dL_T/dh_t|| / ||dL_T/dh_T||, index = distance T - t


def _check(name: str, value, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not low <= value <= high:
        raise ValueError(f"{name} must be a number from {low} to {high} (the slider's range); got {value!r}")
    return float(value)


def recurrent_matrix(radius: float, non_normality: float) -> np.ndarray:
    """W_R (2, 2) with eigenvalues radius * exp(+-i ANGLE) and departure from normality `non_normality`.

    W_R = [[m + s, q], [-q, m - s]] with m = radius cos(ANGLE), q = sqrt(radius^2 sin^2(ANGLE) + s^2):
    its trace 2m and determinant radius^2 fix the eigenvalues for every s; s = 0 is radius times a
    rotation (normal: sigma_max = radius), and a larger s makes the largest singular value grow.
    """
    radius = _check("radius", radius, 0.0, 2.0)
    s = _check("non_normality", non_normality, 0.0, 5.0)
    m = radius * np.cos(ANGLE)
    q = np.sqrt((radius * np.sin(ANGLE)) ** 2 + s**2)
    return np.array([[m + s, q], [-q, m - s]])


def gradient_flow(
    radius: float = 0.9, non_normality: float = 0.0, nonlinearity: str = "tanh", steps: int = 60
) -> GradientFlow:
    """Run the 2-unit RNN forward for `steps` steps and its gradient back from a loss at the last step."""
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(
            f"nonlinearity must be one of {', '.join(map(repr, NONLINEARITIES))}; got {nonlinearity!r}"
        )
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 2 <= steps <= 1000:
        raise ValueError(f"steps must be a whole number from 2 to 1000; got {steps!r}")
    W = recurrent_matrix(radius, non_normality)
    if nonlinearity == "linear":
        # tanh'(0) = 1: zero states make the probe multiply by W_R alone, the linear RNN's Jacobian.
        h, probe = np.zeros((1, steps, 2)), "tanh"
    else:
        # The pre-activations we want at every step; the inputs (W_F = I) are what produces them.
        wanted = [0.0, np.arctanh(SATURATED)] if nonlinearity == "tanh" else [0.5, -1.0]
        target = np.maximum(wanted, 0.0) if nonlinearity == "relu" else np.tanh(wanted)
        previous = np.vstack([np.zeros(2), np.tile(target, (steps - 1, 1))])
        x = (np.asarray(wanted) - previous @ W.T)[None]  # (1, steps, 2)
        h, _ = rnn_forward(
            x, None, LayerParams(np.eye(2), W, np.zeros(2), np.zeros(2)), nonlinearity=nonlinearity
        )
        assert np.allclose(h[0], target), "the inputs should drive the RNN through the wanted states"
        probe = nonlinearity
    norms = gradient_norms_over_time(W, h, np.ones((1, 2)), nonlinearity=probe)[::-1]
    return GradientFlow(
        W, float(max(abs(np.linalg.eigvals(W)))), float(np.linalg.norm(W, 2)), nonlinearity, norms / norms[0]
    )


def describe(flow: GradientFlow) -> str:
    """The printed numbers: radius, largest singular value, and the gradient at the farthest step."""
    far = len(flow.relative_norms) - 1
    verdict = "grew" if flow.relative_norms[-1] > 1 else "shrank"
    return (
        f"spectral radius {flow.radius:.2f}, largest singular value {flow.sigma_max:.2f}, "
        f"{flow.nonlinearity}: "
        f"{far} steps back the gradient {verdict} to {flow.relative_norms[-1]:.1e} of its size"
    )


def gradient_flow_figure(
    radius: float = 0.9, non_normality: float = 0.0, nonlinearity: str = "tanh", steps: int = 60
) -> Figure:
    """The explorer's figure for one setting: the relative gradient norm against the distance, log scale."""
    flow = gradient_flow(radius, non_normality, nonlinearity, steps)
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.subplots()
    distance = np.arange(len(flow.relative_norms))
    ax.semilogy(distance, flow.relative_norms, color="C0", lw=2, label=f"{nonlinearity} RNN")
    ax.semilogy(distance, flow.radius**distance, color="grey", ls="--", label="ρⁿ (the radius alone)")
    ax.axhline(1.0, color="black", lw=0.6)
    ax.set(
        xlabel="distance T − t (steps back)",
        ylabel="‖∂L_T/∂h_t‖ relative to t = T",
        title=f"ρ = {flow.radius:.2f}, σ_max = {flow.sigma_max:.2f}, {nonlinearity}",
    )
    ax.title.set_fontsize(10)
    ax.legend(fontsize=8, loc="upper left")
    return fig


def _view(radius: float, non_normality: float, nonlinearity: str):
    flow = gradient_flow(radius, non_normality, nonlinearity)
    alt = (
        f"Gradient norm against steps back on a log scale for a {nonlinearity} RNN with spectral radius "
        f"{flow.radius:.2f} and largest singular value {flow.sigma_max:.2f}: {describe(flow).split(': ')[1]}."
    )
    return gradient_flow_figure(radius, non_normality, nonlinearity), alt, describe(flow)


def explore_gradient_flow(radius: float = 0.9, non_normality: float = 0.0, nonlinearity: str = "tanh"):
    """The live explorer: sliders for the radius and the non-normality, a choice of nonlinearity."""
    settings = {"radius": radius, "non_normality": non_normality, "nonlinearity": nonlinearity}
    widgets = _display.import_widgets()
    controls = (
        {}
        if widgets is None
        else {
            "radius": widgets.FloatSlider(
                value=radius, min=0.1, max=2.0, step=0.05, description="radius ρ", continuous_update=False
            ),
            "non_normality": widgets.FloatSlider(
                value=non_normality,
                min=0.0,
                max=3.0,
                step=0.1,
                description="non-normality",
                continuous_update=False,
            ),
            "nonlinearity": widgets.Dropdown(
                options=NONLINEARITIES, value=nonlinearity, description="nonlinearity"
            ),
        }
    )
    fallback = (
        "Widgets are not available here (ipywidgets cannot be imported); call "
        "gradient_flow_figure(radius=0.9, non_normality=1.0, nonlinearity='tanh') to see one setting."
    )
    return _display.build("Gradient-flow explorer", settings, controls, _view, fallback)
