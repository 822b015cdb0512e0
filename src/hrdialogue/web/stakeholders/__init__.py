"""The stakeholder registry: States, UN entities, IGOs, NHRIs and NGOs, with their contacts."""

from __future__ import annotations

__all__: list[str] = []
