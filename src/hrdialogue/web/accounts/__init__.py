"""People and their roles: Secretariat, moderators, focal points for a stakeholder, public."""

from __future__ import annotations

__all__: list[str] = []
