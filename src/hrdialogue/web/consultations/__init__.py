"""Consultations opened from a resolution's mandate: consultees, plan, phases."""

from __future__ import annotations

__all__: list[str] = []
