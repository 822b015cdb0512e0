"""`audit_verify`: check the audit log's hash chain; one line, exit 0 when it holds, else 1."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from hrdialogue.web.audit.services import verify_chain

__all__ = ["Command"]


class Command(BaseCommand):
    help = (
        "Verify the audit log: every entry's hash, its link to the entry before it, gapless "
        "numbering and the recorded head. Exit status 0 when it holds, 1 at the first problem."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = verify_chain()
        except (DatabaseError, ValueError) as error:
            raise CommandError(f"audit log could not be read: {error}") from None
        if not report.ok:
            raise CommandError(report.message)
        self.stdout.write(report.message)
