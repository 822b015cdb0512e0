"""Cells of CSV exports that spreadsheets open safely (one rule for every export)."""

from __future__ import annotations

from typing import Any

__all__ = ["spreadsheet_cell"]

_FORMULA_STARTS = frozenset({"=", "+", "-", "@", "\t", "\r"})


def spreadsheet_cell(value: Any) -> str:
    """The value as a CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or
    CR before them) as a formula: such cells get a leading apostrophe (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in _FORMULA_STARTS else text
