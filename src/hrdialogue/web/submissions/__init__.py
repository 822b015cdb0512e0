"""Replies to a consultation: versions, comments on paragraphs, receipts, publication."""

from __future__ import annotations

__all__: list[str] = []
