"""Template tags of the reply pages."""

from __future__ import annotations

__all__: list[str] = []
