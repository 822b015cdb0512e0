"""`load_registry`: the States (UNTERM names, regional groups) and the listed organisations."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hrdialogue.web.stakeholders.services import load_registry

__all__ = ["Command"]


class Command(BaseCommand):
    help = "Load or refresh the stakeholder registry (offline)."

    def handle(self, *args: Any, **options: Any) -> None:
        created, updated = load_registry()
        self.stdout.write(f"registry: {created} created, {updated} updated")
