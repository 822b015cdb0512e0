"""A deploy check of the database server's durability: a reply acknowledged with a signed
receipt must survive a crash of the server (reliability battery, E4).

`python -m hrdialogue.web check --deploy --database default` asks PostgreSQL for the settings
that decide it and refuses, as errors, the ones that can lose a committed transaction or
corrupt a page in a crash: `fsync=off`, `synchronous_commit=off`, `full_page_writes=off`.
`wal_level=minimal` is a warning (no WAL archive, so no point-in-time recovery), and
`data_checksums=off` is reported (a silent disk corruption is not detected; it is chosen at
`initdb` and cannot be switched on by the application). SQLite has none of these: nothing is
checked there.

The check is a database check (`Tags.database`): Django runs it only when `--database` names
the connection, never on a plain `check` or at start-up. CI's throwaway PostgreSQL turns the
first three off for speed (`.ci/with-postgres`), so that server fails this check on purpose
(tests/web/test_durability.py shows it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core import checks
from django.core.checks import CheckMessage, Error, Info, Tags, register
from django.db import DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

__all__ = [
    "DURABILITY_SETTINGS",
    "check_database_durability",
    "durability_issues",
    "read_durability",
]

DURABILITY_SETTINGS = (
    "fsync",
    "synchronous_commit",
    "full_page_writes",
    "wal_level",
    "data_checksums",
)
"""The server settings the check reads, in the order reports give them."""

# synchronous_commit: every value but `off` flushes the commit record to the local disk before
# the commit is acknowledged (`local`, `remote_write`, `remote_apply` and `on` differ only in
# what a standby must have done too).
_LOSSY = (
    (
        "fsync",
        "off",
        "hrdialogue.E001",
        "nothing waits for the disk: a crash of the machine can lose committed replies or"
        " corrupt the database",
    ),
    (
        "synchronous_commit",
        "off",
        "hrdialogue.E002",
        "a commit is acknowledged before it is on disk: a crash can lose a reply whose receipt"
        " was already given",
    ),
    (
        "full_page_writes",
        "off",
        "hrdialogue.E003",
        "a page half-written in a crash cannot be repaired from the WAL",
    ),
)
_ARCHIVABLE_WAL = {"replica", "logical"}


def read_durability(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """The server's values of `DURABILITY_SETTINGS` (PostgreSQL: `SHOW`, readable by any
    role)."""
    values: dict[str, str] = {}
    with connection.cursor() as cursor:
        for name in DURABILITY_SETTINGS:
            cursor.execute(f"SHOW {name}")  # a fixed name from the tuple above, never input
            row = cursor.fetchone()
            values[name] = str(row[0]) if row else ""
    return values


def durability_issues(values: Mapping[str, str], *, alias: str = "default") -> list[CheckMessage]:
    """The messages for one server's values (a missing value counts as not durable)."""
    issues: list[CheckMessage] = []
    for name, lossy, check_id, why in _LOSSY:
        value = values.get(name, "").lower()
        if not value or value == lossy:
            issues.append(
                Error(
                    f"database {alias!r}: PostgreSQL runs with {name}={value or '?'}: {why}.",
                    hint=f"Set {name} = on in postgresql.conf (its default) and reload.",
                    id=check_id,
                )
            )
    wal_level = values.get("wal_level", "").lower()
    if wal_level not in _ARCHIVABLE_WAL:
        issues.append(
            checks.Warning(
                f"database {alias!r}: PostgreSQL runs with wal_level={wal_level or '?'}: the WAL "
                "cannot be archived, so there is no point-in-time recovery.",
                hint="Set wal_level = replica (the default) and archive the WAL.",
                id="hrdialogue.W001",
            )
        )
    if values.get("data_checksums", "").lower() != "on":
        issues.append(
            Info(
                f"database {alias!r}: data_checksums is off: a page damaged on disk is not "
                "detected when it is read.",
                hint="Choose it when the cluster is made (initdb --data-checksums) or switch it "
                "on with pg_checksums while the server is stopped.",
                id="hrdialogue.I001",
            )
        )
    return issues


@register(Tags.database, deploy=True)
def check_database_durability(
    app_configs: Iterable[Any] | None = None,
    databases: Iterable[str] | None = None,
    **kwargs: Any,
) -> list[CheckMessage]:
    """Each PostgreSQL connection named with `--database`; nothing without one."""
    issues: list[CheckMessage] = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            values = read_durability(connection)
        except DatabaseError as error:
            issues.append(
                checks.Warning(
                    f"database {alias!r}: its durability settings could not be read ({error}).",
                    id="hrdialogue.W002",
                )
            )
            continue
        issues.extend(durability_issues(values, alias=alias))
    return issues
