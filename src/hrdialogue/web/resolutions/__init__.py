"""Resolutions uploaded to the platform: read by `hrdialogue.documents`, shown with anchors."""

from __future__ import annotations

__all__: list[str] = []
