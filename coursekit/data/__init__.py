"""Datasets that need no download: generated in code from a seed, or small real data shipped
with the course or with a package it already depends on (source and license noted beside it).

Each dataset is a function `name(..., seed=0)` that returns NumPy arrays; bad arguments get a
ValueError that says what was expected. Import them from their modules, e.g.
`from coursekit.data.sequences import ...`.
"""
