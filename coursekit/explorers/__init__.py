"""Interactive explorers (ipywidgets) that the lessons call: play with a network and watch it respond.

Each module holds one explorer: a pure function that computes what it shows for given settings
(testable without widgets), a drawing function for one setting, and `explore_...()`, the live UI.
In JupyterLab the explorer is live; anywhere else (the website, nbconvert, a frontend without
ipywidgets) its output shows the stored image of its default settings, with alt text.

    explore_bptt()                             lesson 06: which terms of the BPTT sum reach one weight
    explore_gradient_flow()                    lesson 07: spectral radius, non-normality, nonlinearity
    explore_gates(model, vocab)                lesson 11: hidden state and gates of the trained LSTM
    explore_sampling(model, vocab, sample)     lesson 11: temperature and prompt
"""

from .bptt import bptt_figure, bptt_terms, explore_bptt
from .gates import explore_gates, gates_figure, lstm_readout, most_active_unit
from .gradient_flow import explore_gradient_flow, gradient_flow, gradient_flow_figure, recurrent_matrix
from .sampling import explore_sampling, next_character, sampling_figure

__all__ = [
    "bptt_figure",
    "bptt_terms",
    "explore_bptt",
    "explore_gates",
    "explore_gradient_flow",
    "explore_sampling",
    "gates_figure",
    "gradient_flow",
    "gradient_flow_figure",
    "lstm_readout",
    "most_active_unit",
    "next_character",
    "recurrent_matrix",
    "sampling_figure",
]
