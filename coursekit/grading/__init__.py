"""The instructor's tools: release exercises from solutions, grade submissions."""
