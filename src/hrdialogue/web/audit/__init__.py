"""The append-only log of every state change: who, when, what, before and after."""

from __future__ import annotations

__all__: list[str] = []
