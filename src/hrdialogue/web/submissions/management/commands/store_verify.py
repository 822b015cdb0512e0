"""`store_verify`: check the reply store against its records (`submissions.integrity`); one
line per problem, then a summary; exit 0 when all holds, else 1.

Run it after every restore from backup, with `audit_verify`, and on a schedule:

    30 2 * * *  cd /srv/hrdialogue && .venv/bin/python -m hrdialogue.web store_verify
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from hrdialogue.web.submissions.integrity import StoreReport, check_store

__all__ = ["Command"]


class Command(BaseCommand):
    help = (
        "Check every reply version against its signed receipt: its file (or typed text) is in "
        "the reply store with the length and SHA-256 the receipt gives, its comments are the "
        "ones the receipt covers, the receipt is signed by this platform's key; and every "
        "published file is there. Blobs no record names (left by a crash before a commit) "
        "are counted, not errors. Exit status 0 when all holds, 1 otherwise. Run it after a "
        "restore from backup, with audit_verify, and nightly."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = self._check()
        except DatabaseError as error:
            raise CommandError(f"the reply records could not be read: {error}") from None
        for problem in report.problems:
            self.stderr.write(problem)
        if not report.ok:
            raise CommandError(report.summary)
        self.stdout.write(report.summary)

    def _check(self) -> StoreReport:
        if not sys.stderr.isatty():
            return check_store()
        columns = (TextColumn("checking replies"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("check", total=None)
            return check_store(lambda done, total: bar.update(task, completed=done, total=total))
