"""Invitations to reply: notes verbales per recipient, e-mailed links, reminders."""

from __future__ import annotations

__all__: list[str] = []
