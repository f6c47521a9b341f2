"""coursekit: the companion package of the open course on recurrent neural networks."""

__version__ = "0.1.0"
