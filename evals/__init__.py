"""Evaluations: `make eval` (python -m evals)."""
