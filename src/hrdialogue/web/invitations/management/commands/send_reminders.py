"""`send_reminders`: the scheduler's daily tick — reminders due today, for every open call."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdialogue.web.invitations.reminders import send_due_reminders
from hrdialogue.web.invitations.tasks import send_due_reminders_task

__all__ = ["Command"]


class Command(BaseCommand):
    help = "Send the reminders due (enqueue the task, or --now to send in this process)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--now", action="store_true", help="send here, not via the worker")
        parser.add_argument("--today", help="the date to act as today (YYYY-MM-DD), with --now")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            today = None
            if options["today"]:
                try:
                    today = dt.date.fromisoformat(options["today"])
                except ValueError:
                    raise CommandError(f"--today {options['today']!r} is not YYYY-MM-DD") from None
            sent = send_due_reminders(today=today)
            self.stdout.write(f"reminders sent: {sent}")
            return
        result = send_due_reminders_task.enqueue()
        self.stdout.write(f"reminders task enqueued: {result.id}")
