"""Explorer for lesson 11: turn the temperature, change the prompt, and watch the next-character
distribution and a sample change.

    step = next_character(model, vocab, "    def ", temperature=0.5)   # step.chars, step.probabilities
    sampling_figure(step)                                               # that distribution, as a figure
    explore_sampling(model, vocab, sample)                              # the live explorer

`model` is the lesson's SequenceTagger; `sample` is the lesson's own sampling function,
sample(model, prompt, length, temperature, seed) -> [text], so the explorer draws exactly as the lesson does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from ..stateful import read
from . import _display

TOP = 10  # how many of the most likely characters the figure shows


@dataclass
class NextCharacter:
    prompt: str
    temperature: float
    chars: list  # the TOP most likely next characters at this temperature, most likely first
    probabilities: np.ndarray  # (TOP,) their probabilities, softmax(logits / temperature)
    entropy_bits: float  # of the whole distribution over the vocabulary


def _check(vocab, prompt, temperature) -> tuple[str, float]:
    if not isinstance(prompt, str) or not prompt:
        raise ValueError(f"prompt must be a non-empty string; got {prompt!r}")
    unknown = sorted(set(prompt) - set(vocab.chars))
    if unknown:
        raise ValueError(
            f"the model cannot read {''.join(unknown)!r}: use only the characters of its vocabulary "
            "(the newline and printable ASCII)"
        )
    if (
        isinstance(temperature, bool)
        or not isinstance(temperature, (int, float, np.number))
        or not 0 <= temperature <= 5
    ):
        raise ValueError(f"temperature must be a number from 0 (greedy) to 5; got {temperature!r}")
    return prompt, float(temperature)


def next_character(model, vocab, prompt: str, temperature: float = 1.0) -> NextCharacter:
    """The distribution of the character after `prompt` at `temperature` (0: all on the most likely one)."""
    import torch

    prompt, temperature = _check(vocab, prompt, temperature)
    model.eval()
    with torch.no_grad():
        logits, _ = read(model, torch.from_numpy(vocab.encode(prompt))[None])
    z = logits[0, -1].double().numpy()  # (V,)
    if temperature == 0:  # the limit T -> 0: the arg max gets everything
        p = np.zeros_like(z)
        p[np.argmax(z)] = 1.0
    else:
        z = z / temperature
        p = np.exp(z - z.max())
        p /= p.sum()
    order = np.argsort(-p, kind="stable")[:TOP]
    entropy = float(-(p[p > 0] * np.log2(p[p > 0])).sum())
    return NextCharacter(prompt, temperature, [vocab.chars[i] for i in order], p[order], entropy)


def sampling_figure(step: NextCharacter) -> Figure:
    """A bar chart of the TOP most likely next characters and their probabilities."""
    fig = Figure(figsize=(6.4, 2.8), layout="constrained")
    ax = fig.subplots()
    ax.bar(np.arange(len(step.chars)), step.probabilities, color="C0")
    ax.set_xticks(np.arange(len(step.chars)), [repr(c) for c in step.chars], family="monospace")
    ax.set(ylim=(0, 1), ylabel="probability", xlabel=f"next character after {step.prompt[-20:]!r}")
    ax.set_title(
        f"T = {step.temperature:g}: top probability {step.probabilities[0]:.2f}, "
        f"entropy {step.entropy_bits:.2f} bits",
        fontsize=10,
    )
    return fig


def _alt(step: NextCharacter) -> str:
    top = ", ".join(f"{c!r} {p:.2f}" for c, p in zip(step.chars[:3], step.probabilities[:3]))
    return (
        f"Bar chart of the ten most likely characters after the prompt {step.prompt!r} at temperature "
        f"{step.temperature:g}; the first three: {top}."
    )


def explore_sampling(
    model, vocab, sample, prompt: str = "    def ", temperature: float = 1.0, length: int = 200, seed: int = 0
):
    """The live explorer: a temperature slider, a prompt box and a seed; the distribution and one sample."""
    next_character(model, vocab, prompt, temperature)  # bad settings: say so here, not in the output

    def view(prompt: str, temperature: float, seed: int):
        try:
            step = next_character(model, vocab, prompt, temperature)
        except ValueError as error:  # typed text the model cannot read: say so in the output, keep going
            return Figure(figsize=(1, 0.1)), "nothing drawn", str(error)
        text = sample(model, prompt, length=length, temperature=temperature, seed=seed)[0]
        return sampling_figure(step), _alt(step), f"a sample at T = {temperature:g}, seed {seed}:\n{text}"

    widgets = _display.import_widgets()
    controls = (
        {}
        if widgets is None
        else {
            "prompt": widgets.Text(value=prompt, description="prompt", continuous_update=False),
            "temperature": widgets.FloatSlider(
                value=temperature,
                min=0.0,
                max=2.0,
                step=0.1,
                description="temperature",
                continuous_update=False,
            ),
            "seed": widgets.IntSlider(value=seed, min=0, max=20, description="seed", continuous_update=False),
        }
    )
    fallback = (
        "Widgets are not available here (ipywidgets cannot be imported); call "
        "sampling_figure(next_character(model, vocab, '    def ', temperature=0.5)) to see one setting, "
        "and sample(model, '    def ', length=200, temperature=0.5) for a sample."
    )
    return _display.build(
        "Sampling explorer",
        {"prompt": prompt, "temperature": temperature, "seed": seed},
        controls,
        view,
        fallback,
    )
