"""The course's figures: one style, data plots and diagrams that describe themselves, and `show`.

    style.py     use_course_style, COLORS (colour-blind-safe)
    plots.py     plot_sequences, plot_heatmap, plot_history, plot_matrix_shapes
    drawing.py   the boxes, arrows and nodes every diagram is made of (once)
    unrolled.py  draw_unrolled          neuron.py   draw_recurrent_neuron
    mapping.py   draw_mapping, plot_mapping_types, MAPPING_TYPES
    cells.py     draw_lstm_cell, draw_gru_cell, LSTM_GATES, GRU_GATES
    describe.py  text alternatives: describe, alt_text, show (display a figure with its alt text)

Every helper attaches a description of what it drew to its Axes; `show(fig, alt=None)` displays
the figure with that text as the image's alt text and refuses a figure that has none.
"""

from .cells import GRU_GATES, LSTM_GATES, draw_gru_cell, draw_lstm_cell
from .describe import alt_text, describe, description, figure_bundle, plain, show
from .mapping import MAPPING_TYPES, draw_mapping, plot_mapping_types
from .neuron import draw_recurrent_neuron
from .plots import plot_heatmap, plot_history, plot_matrix_shapes, plot_sequences
from .style import COLORS, STYLE, use_course_style
from .unrolled import draw_unrolled

__all__ = [
    "COLORS",
    "GRU_GATES",
    "LSTM_GATES",
    "MAPPING_TYPES",
    "STYLE",
    "alt_text",
    "describe",
    "description",
    "draw_gru_cell",
    "draw_lstm_cell",
    "draw_mapping",
    "draw_recurrent_neuron",
    "draw_unrolled",
    "figure_bundle",
    "plain",
    "plot_heatmap",
    "plot_history",
    "plot_mapping_types",
    "plot_matrix_shapes",
    "plot_sequences",
    "show",
    "use_course_style",
]
