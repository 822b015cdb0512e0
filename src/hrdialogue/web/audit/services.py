"""`record_change`: the one way an audit entry is written; `export_csv` for the Secretariat.

Each entry is linked into the hash chain of `hrdialogue.auditchain` as it is written:
`record_change` locks the head row (`lock_head`; PostgreSQL: `SELECT … FOR UPDATE`, held to
the end of the caller's transaction; SQLite: the platform opens write transactions with
`BEGIN IMMEDIATE`, so one writer at a time), numbers the entry after the head, hashes it
with the head's hash and moves the head. `verify_chain` reads the whole log back and says
whether it still holds, or where it first does not.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from django.db import models, transaction
from django.db.models import Subquery
from django.utils import timezone

from hrdialogue.auditchain import (
    GENESIS,
    HASHED_FIELDS,
    ChainReport,
    check_head,
    hash_entry,
    verify_links,
)
from hrdialogue.receipts import Receipt
from hrdialogue.web.accounts.models import User
from hrdialogue.web.audit.models import AuditEntry, AuditHead
from hrdialogue.web.audit.security import is_security_action, log_event_on_commit
from hrdialogue.web.pages.spreadsheets import spreadsheet_cell

__all__ = [
    "Actor",
    "ReceiptAnchor",
    "anchor_receipt",
    "audit_value",
    "export_csv",
    "json_ready",
    "lock_head",
    "record_change",
    "snapshot",
    "verify_chain",
]

Actor: TypeAlias = User | None
"""Who makes a change: an account (a person signed in, or the account behind an API token), or
None when no account does: the platform itself (a management command, a scheduled task, the
demo data; the log names it "system"), or an anonymous participant of a dialogue (the entry of
their statement names its author). Never `AnonymousUser`: a view passes the account or None."""


def audit_value(value: Any) -> Any:
    """A field's value as the log keeps it: a related row by its key (a many-to-many field's
    rows as their sorted keys), dates and times as ISO strings."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | models.QuerySet) and all(
        isinstance(item, models.Model) for item in value
    ):
        return sorted(item.pk for item in value)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return value


def json_ready(values: dict[str, Any]) -> dict[str, Any]:
    """`values` as they read back from JSON (what an entry stores; other objects as text)."""
    ready: dict[str, Any] = json.loads(json.dumps(values, default=str))
    return ready


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of `instance` as JSON-ready values (see `audit_value`)."""
    return json_ready({name: audit_value(getattr(instance, name)) for name in fields})


def record_change(
    *,
    actor: Actor,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    anonymous: bool = False,
) -> AuditEntry:
    """Append one entry, linked to the head of the chain. Call it inside the transaction that
    makes the change: the head stays locked until that transaction ends. With no account
    acting, the entry is labelled "system", or "anonymous participant" when `anonymous` (a
    person without an account made the change: the entry's `after` must say who)."""
    if actor is not None:
        if anonymous:
            raise ValueError("record_change: `anonymous` is for a change that no account made")
        label = str(actor.email)
    else:
        label = "anonymous participant" if anonymous else "system"
    with transaction.atomic():
        head = _locked_head()
        fields: dict[str, Any] = {
            "sequence": head.sequence + 1,
            "at": timezone.now(),
            "actor": actor.pk if actor is not None else None,
            "actor_label": label,
            "action": action,
            "target_type": target._meta.label_lower,
            "target_id": str(target.pk),
            "target_label": str(target)[:300],
            # As the database gives JSON back (lists for tuples, string keys).
            "before": _as_stored(before),
            "after": _as_stored(after),
        }
        entry_hash = hash_entry(fields, head.entry_hash)
        entry = AuditEntry.objects.create(
            **{name: fields[name] for name in HASHED_FIELDS if name != "actor"},
            actor=actor,
            prev_hash=head.entry_hash,
            entry_hash=entry_hash,
        )
        AuditHead.objects.filter(pk=head.pk).update(sequence=entry.sequence, entry_hash=entry_hash)
        if is_security_action(action):
            log_event_on_commit(
                action,
                outcome="success",
                actor=actor if actor is not None else label,
                target=target,
                detail={"audit_sequence": entry.sequence},
            )
    return entry


def lock_head() -> str:
    """Lock the head of the log until the caller's transaction ends and give its hash
    (`GENESIS` for an empty log): what a receipt signs as `audit_head`. The caller's next
    `record_change` appends right after it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock_head: call it inside transaction.atomic()")
    return _locked_head().entry_hash


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:  # a fresh database, or one flushed (tests): two writers may both get here
        AuditHead.objects.bulk_create([AuditHead(pk=1)], ignore_conflicts=True)
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


def _as_stored(value: dict[str, Any] | None) -> Any:
    return None if value is None else json.loads(json.dumps(value))


def verify_chain(*, after: tuple[int, str] = (0, GENESIS)) -> ChainReport:
    """Read the log in sequence order and check every link and the recorded head.

    The head is read in the same statement as the entries (one snapshot), so entries that
    writers append meanwhile are never mistaken for entries missing at the end. `after`
    (`sequence`, `entry_hash`: where an earlier sound check ended) reads only the entries
    after that one, the first linked to that hash: an incremental check (see `verify_links`).
    Nothing is locked: a check never waits for `record_change`, nor makes it wait.
    """
    report, head = _read_chain(after)
    if head is None:  # no entry read: the head alone, now
        head = AuditHead.objects.filter(pk=1).values_list("sequence", "entry_hash").first()
        if (
            head is not None
            and head[0] > after[0]
            and AuditEntry.objects.filter(sequence__gt=after[0]).exists()
        ):
            report, head = _read_chain(after)  # the next entries were written meanwhile
    return check_head(report, *(head or (0, GENESIS)))


def _read_chain(after: tuple[int, str]) -> tuple[ChainReport, tuple[int, str] | None]:
    """The chain verified after `after`, and the head as the same statement read it (None: no
    entry read)."""
    head_row = AuditHead.objects.filter(pk=1)
    columns = ["actor_id" if name == "actor" else name for name in HASHED_FIELDS]
    rows = (
        AuditEntry.objects.filter(sequence__gt=after[0])
        .order_by("sequence")
        .annotate(
            head_sequence=Subquery(head_row.values("sequence")),
            head_hash=Subquery(head_row.values("entry_hash")),
        )
        .values(*columns, "prev_hash", "entry_hash", "head_sequence", "head_hash")
        .iterator(chunk_size=2000)
    )
    heads: list[tuple[int, str]] = []

    def entries() -> Iterator[dict[str, Any]]:
        for row in rows:
            if not heads:
                heads.append((row["head_sequence"] or 0, row["head_hash"] or GENESIS))
            yield {**row, "actor": row["actor_id"]}

    report = verify_links(entries(), after=after)
    return report, (heads[0] if heads else None)


def _find_anchor(audit_head: str) -> tuple[int, AuditEntry | None] | None:
    """Where a hash signed elsewhere (a receipt's `audit_head`) sits in the log: the number of
    the entry with that hash (0 for `GENESIS`, the empty log) and the entry written after it
    (None when it is the last); None when no entry has it: the log was rewritten, or restored
    from a copy older than the signature."""
    if audit_head == GENESIS:
        sequence = 0
    else:
        found = AuditEntry.objects.filter(entry_hash=audit_head).values_list("sequence").first()
        if found is None:
            return None
        sequence = found[0]
    return sequence, AuditEntry.objects.filter(sequence=sequence + 1).first()


@dataclass(frozen=True, slots=True)
class ReceiptAnchor:
    """Where a receipt's `audit_head` sits in the log, and whether its reply's entry follows.

    `state`: `anchored` (the head is entry `sequence`, the reply's own entry is the next one),
    `unsigned` (the receipt predates the chain: no head), `missing` (no entry has that hash:
    the log was rewritten, or restored from a copy older than the receipt), `not-its-entry`
    (the entry after the head is not this reply's: entries were inserted or replaced; with
    `ends`, the log ends at the head: restored from a copy made before the reply, or cut off).
    """

    state: Literal["anchored", "unsigned", "missing", "not-its-entry"]
    sequence: int | None = None
    ends: bool = False

    @property
    def ok(self) -> bool:
        return self.state == "anchored"


def anchor_receipt(receipt: Receipt) -> ReceiptAnchor:
    """Check a (validly signed) receipt against the log: see `ReceiptAnchor`."""
    if not receipt.audit_head:
        return ReceiptAnchor("unsigned")
    anchor = _find_anchor(receipt.audit_head)
    if anchor is None:
        return ReceiptAnchor("missing")
    sequence, following = anchor
    own = following.after if following is not None else None
    if not isinstance(own, dict) or own.get("content_sha256") != receipt.content_sha256:
        return ReceiptAnchor("not-its-entry", sequence, ends=following is None)
    return ReceiptAnchor("anchored", sequence)


def export_csv(entries: Iterable[AuditEntry]) -> str:
    """The entries as CSV (UTF-8), one row each, before/after as JSON."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "sequence",
            "at",
            "actor",
            "action",
            "object_type",
            "object_id",
            "object",
            "before",
            "after",
            "entry_hash",
        ]
    )
    for e in entries:
        writer.writerow(
            [
                e.sequence,
                e.at.isoformat(),
                e.actor_label,
                e.action,
                e.target_type,
                e.target_id,
                spreadsheet_cell(e.target_label),
                json.dumps(e.before, ensure_ascii=False, sort_keys=True),
                json.dumps(e.after, ensure_ascii=False, sort_keys=True),
                e.entry_hash,
            ]
        )
    return out.getvalue()
