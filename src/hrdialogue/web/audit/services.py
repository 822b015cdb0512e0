"""`record_change`: the one way an audit entry is written; `export_csv` for the Secretariat."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from django.db import models

from hrdialogue.web.audit.models import AuditEntry
from hrdialogue.web.pages.spreadsheets import spreadsheet_cell

__all__ = ["export_csv", "record_change", "snapshot"]


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The named fields of `instance` as JSON-ready values (dates as ISO strings)."""
    values: dict[str, Any] = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = value.pk
        elif isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        values[name] = value
    return json.loads(json.dumps(values, default=str))


def record_change(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry. Call it inside the transaction that makes the change."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = str(user.email) if user is not None else "system"
    return AuditEntry.objects.create(
        actor=user,
        actor_label=label,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:300],
        before=before,
        after=after,
    )


def export_csv(entries: Iterable[AuditEntry]) -> str:
    """The entries as CSV (UTF-8), one row each, before/after as JSON."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["at", "actor", "action", "object_type", "object_id", "object", "before", "after"]
    )
    for e in entries:
        writer.writerow(
            [
                e.at.isoformat(),
                e.actor_label,
                e.action,
                e.target_type,
                e.target_id,
                spreadsheet_cell(e.target_label),
                json.dumps(e.before, ensure_ascii=False, sort_keys=True),
                json.dumps(e.after, ensure_ascii=False, sort_keys=True),
            ]
        )
    return out.getvalue()
