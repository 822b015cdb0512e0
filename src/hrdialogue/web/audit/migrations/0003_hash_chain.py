"""The audit log becomes a hash chain: `sequence`, `prev_hash`, `entry_hash`, and the head row.

Existing entries are numbered and linked in (at, id) order, and the head row records the last.
The append-only trigger of 0002 refuses the UPDATE this needs: on PostgreSQL it is disabled
for the backfill and enabled again (in this migration's transaction); on SQLite it is dropped
and created again (SQLite rebuilds the table to add these columns, which drops its triggers).
Both directions work; going back removes the chain and leaves the trigger as 0002 made it.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.db import migrations, models

from hrdialogue.auditchain import GENESIS, HASHED_FIELDS, hash_entry

__all__ = ["Migration"]

_APPEND_ONLY = importlib.import_module("hrdialogue.web.audit.migrations.0002_append_only")
_BATCH = 500


def _suspend_append_only(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only"
        )
    elif vendor == "sqlite":
        schema_editor.execute(_APPEND_ONLY._SQLITE_DOWN)


def _resume_append_only(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")
    elif vendor == "sqlite":
        schema_editor.execute(_APPEND_ONLY._SQLITE_DOWN)
        schema_editor.execute(_APPEND_ONLY._SQLITE_UP)


def _backfill(apps: Any, schema_editor: Any) -> None:
    entries = apps.get_model("audit", "AuditEntry").objects.using(schema_editor.connection.alias)
    heads = apps.get_model("audit", "AuditHead").objects.using(schema_editor.connection.alias)
    ids = list(entries.order_by("at", "id").values_list("id", flat=True))
    sequence, prev_hash = 0, GENESIS
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        by_id = entries.in_bulk(chunk)
        batch = []
        for pk in chunk:
            entry = by_id[pk]
            sequence += 1
            entry.sequence, entry.prev_hash = sequence, prev_hash
            fields = {name: getattr(entry, name) for name in HASHED_FIELDS if name != "actor"}
            prev_hash = entry.entry_hash = hash_entry(
                {**fields, "actor": entry.actor_id}, prev_hash
            )
            batch.append(entry)
        entries.bulk_update(batch, ["sequence", "prev_hash", "entry_hash"])
    heads.create(pk=1, sequence=sequence, entry_hash=prev_hash)
    if schema_editor.connection.vendor == "postgresql":
        # Deferred foreign-key checks of these updates run now, so that the ALTER TABLEs
        # that follow in this transaction do not meet pending trigger events.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [
        migrations.RunPython(_suspend_append_only, _resume_append_only),
        migrations.AlterModelOptions(
            name="auditentry",
            options={
                "ordering": ("-sequence",),
                "verbose_name": "audit entry",
                "verbose_name_plural": "audit entries",
            },
        ),
        migrations.AddField(
            model_name="auditentry",
            name="sequence",
            field=models.PositiveBigIntegerField(null=True, verbose_name="number"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(max_length=64, null=True, verbose_name="previous hash"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="entry_hash",
            field=models.CharField(max_length=64, null=True, verbose_name="hash"),
        ),
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sequence", models.PositiveBigIntegerField(default=0)),
                ("entry_hash", models.CharField(default=GENESIS, max_length=64)),
            ],
            options={
                "constraints": [
                    models.CheckConstraint(condition=models.Q(("id", 1)), name="audit_head_one_row")
                ],
            },
        ),
        migrations.RunPython(_backfill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditentry",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True, verbose_name="number"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(max_length=64, verbose_name="previous hash"),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="entry_hash",
            field=models.CharField(max_length=64, unique=True, verbose_name="hash"),
        ),
        migrations.RunPython(_resume_append_only, _suspend_append_only),
    ]
