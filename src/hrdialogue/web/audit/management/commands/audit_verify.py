"""`audit_verify [--receipt RECEIPT.json …]`: check the audit log's hash chain (and that each
receipt given is anchored in it); one line each, exit 0 when all holds, else 1.

The check of the chain is a full one, kept as a `ChainCheck` record: the audit page shows
its result, and warns when none has run for `AUDIT_FULL_CHECK_MAX_AGE_HOURS` (24). Run it
on a schedule, e.g. from cron every night at 02:15:

    15 2 * * *  cd /srv/hrdialogue && .venv/bin/python -m hrdialogue.web audit_verify
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from hrdialogue.receipts import Receipt, ReceiptError, find_receipt_problem
from hrdialogue.web.audit.checks import run_full_check
from hrdialogue.web.audit.services import anchor_receipt
from hrdialogue.web.submissions.signing import signing_key

__all__ = ["Command"]


class Command(BaseCommand):
    help = (
        "Verify the audit log: every entry's hash, its link to the entry before it, gapless "
        "numbering and the recorded head. With --receipt, also that each receipt is signed by "
        "this platform and that the log head it signed is in the log, followed by the reply's "
        "own entry (a log restored from an older copy or rewritten fails here). "
        "Exit status 0 when all holds, 1 at the first problem. Each run is recorded: the "
        "audit page shows the last one and warns when none has run for "
        "AUDIT_FULL_CHECK_MAX_AGE_HOURS (default 24). Run it on a schedule, e.g. a cron line "
        "for every night at 02:15: "
        "'15 2 * * *  cd /srv/hrdialogue && .venv/bin/python -m hrdialogue.web audit_verify'."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--receipt",
            action="append",
            default=[],
            type=Path,
            metavar="RECEIPT.json",
            help="a receipt a focal point kept (repeat for several)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = run_full_check().report
        except (DatabaseError, ValueError) as error:
            raise CommandError(f"audit log could not be read: {error}") from None
        if not report.ok:
            raise CommandError(report.message)
        self.stdout.write(report.message)
        for path in options["receipt"]:
            self.stdout.write(_check_receipt(path))


def _check_receipt(path: Path) -> str:
    try:
        receipt = Receipt.from_json(path.read_bytes(), source=str(path))
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None
    except ReceiptError as error:
        raise CommandError(str(error)) from None
    problem = find_receipt_problem(receipt, signing_key().public_key())
    if problem is not None:
        raise CommandError(f"{path}: receipt NOT valid: {problem}")
    anchor = anchor_receipt(receipt)
    if anchor.state == "unsigned":
        raise CommandError(f"{path}: receipt {receipt.reply_id} signs no audit log head")
    if anchor.state == "missing":
        raise CommandError(
            f"{path}: receipt {receipt.reply_id}: the audit log head it signs"
            f" ({(receipt.audit_head or '')[:16]}…) is not in the log: the log was rewritten or"
            " restored from an older copy"
        )
    sequence = anchor.sequence or 0
    if anchor.state == "not-its-entry" and anchor.ends:
        raise CommandError(
            f"{path}: receipt {receipt.reply_id}: the log ends at entry {sequence}, the head it"
            " signs, without the reply's own entry: the log was restored from a copy made"
            " before this reply, or cut off"
        )
    if anchor.state == "not-its-entry":
        raise CommandError(
            f"{path}: receipt {receipt.reply_id}: entry {sequence + 1}, after the head it signs,"
            " is not the entry of this reply"
        )
    return f"receipt {receipt.reply_id}: anchored at entry {sequence}, its reply at {sequence + 1}"
