"""The database refuses to change or delete an audit entry, not only the model.

PostgreSQL: a trigger rejects UPDATE and DELETE (TRUNCATE, an operator's act, stays possible,
and the test runner's flush uses it). SQLite: a trigger rejects UPDATE; DELETE stays possible
because the test runner's flush uses it there, and the model refuses it.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

__all__ = ["Migration"]

_PG_UP = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit entries are append-only'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
_PG_DOWN = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""
_SQLITE_UP = """
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE ON audit_auditentry
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
"""
_SQLITE_DOWN = "DROP TRIGGER IF EXISTS audit_entry_append_only;"


def _run(sql: dict[str, str]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        statement = sql.get(schema_editor.connection.vendor)
        if statement:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"postgresql": _PG_UP, "sqlite": _SQLITE_UP}),
            _run({"postgresql": _PG_DOWN, "sqlite": _SQLITE_DOWN}),
        )
    ]
