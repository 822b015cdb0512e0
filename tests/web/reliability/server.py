"""A real server for reliability tests: a scratch database (a SQLite file, or a PostgreSQL
database beside DATABASE_URL when it points at one), migrated and seeded in a subprocess, and
gunicorn on a loopback port that a test may kill and start again."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "Site",
    "free_port",
    "prepare_site",
    "running_gunicorn",
    "start_gunicorn",
    "wait_ready",
]

SCRATCH_DB = "hrdialogue_reliability"

# Run in the server's environment: migrate (unless the database is a copy of one migrated
# already), keep a copy of the migrated database if a path is given (SQLite), then seed:
# consultees (demo States, as many as the first argument says, each with a focal point), the
# consultation open with its deadline ahead, an API token for each focal point and one for the
# Secretariat. Prints them as JSON.
_SEED = """
import datetime as dt, json, shutil, sys
import django
django.setup()
from django.core.management import call_command
from django.db import connection
if sys.argv[2] != "migrated":
    call_command("migrate", verbosity=0)
if sys.argv[2] not in ("migrated", ""):
    connection.close()
    shutil.copyfile(connection.settings_dict["NAME"], sys.argv[2])
from django.utils import timezone
from hrdialogue.web.accounts.models import User
from hrdialogue.web.api.services import issue_token
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.consultations.services import open_consultation
from hrdialogue.web.resolutions.services import store_resolution
from hrdialogue.web.stakeholders.models import Stakeholder
from tests.web.resolution_fixture import hand_written_resolution

focals = []
for i in range(int(sys.argv[1])):
    suffix = "" if i == 0 else str(i + 1)
    state = Stakeholder.objects.create(code=f"demo-state-a{suffix}", kind="member-state",
                                       name=f"Demo State A{suffix}")
    focals.append(User.objects.create_user(f"fp{suffix}@example.org", None, role="focal-point",
                                           stakeholder=state))
staff = User.objects.create_user("sec@example.org", None, role="secretariat")
document = store_resolution(actor=None, resolution=hand_written_resolution(), text="",
    source_name="r.txt", source_format="text", source_sha256="4" * 64)
consultation = open_consultation(actor=None, document=document, mandate_index=0, title="C")
today = timezone.localdate()
Consultation.objects.filter(pk=consultation.pk).update(phase="open",
    opens_on=today - dt.timedelta(days=1), reply_deadline=today + dt.timedelta(days=30))
print(json.dumps({
    "consultation": consultation.pk,
    "focal_tokens": [issue_token(actor=None, user=f, name="reliability")[1] for f in focals],
    "staff_token": issue_token(actor=None, user=staff, name="reliability")[1],
}))
"""

# Read from the database itself, not through the server (plain SQL: no Django start-up).
_COUNT_SQL = (
    "SELECT"
    " (SELECT count(*) FROM submissions_replyversion WHERE idempotency_key = {p}),"
    " (SELECT count(*) FROM audit_auditentry a JOIN submissions_replyversion v"
    "   ON a.target_id = CAST(v.id AS TEXT)"
    "  WHERE a.action = 'submissions.submit' AND v.idempotency_key = {p}),"
    " (SELECT count(*) FROM submissions_replyversion)"
)


ROOT = Path(__file__).resolve().parents[3]

# A migrated, empty SQLite database made by this test process: later SQLite sites start from
# a copy of it instead of migrating again (each migration run costs seconds).
_MIGRATED_SQLITE: list[Path] = []


class Site:
    """The environment of a scratch site and what was seeded in it."""

    def __init__(self, env: dict[str, str], seeded: Mapping[str, Any], database: str) -> None:
        self.env = env
        self.consultation = int(seeded["consultation"])
        self.focal_tokens = [str(token) for token in seeded["focal_tokens"]]
        self.focal_token = self.focal_tokens[0]
        self.staff_token = str(seeded["staff_token"])
        self.database = database

    def count(self, key: str) -> dict[str, int]:
        """Versions written under an idempotency key, their audit entries, all versions."""
        url = self.env["DATABASE_URL"]
        if url.startswith("postgres"):
            import psycopg

            with psycopg.connect(url) as conn:
                row = conn.execute(_COUNT_SQL.format(p="%s"), (key, key)).fetchone()
        else:
            with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
                row = conn.execute(_COUNT_SQL.format(p="?"), (key, key)).fetchone()
        assert row is not None
        return {"versions": row[0], "audit": row[1], "all_versions": row[2]}


def _scratch_postgres(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {SCRATCH_DB}")
    return urlunsplit(urlsplit(url)._replace(path=f"/{SCRATCH_DB}"))


@contextlib.contextmanager
def prepare_site(
    tmp: Path, *, source: str | None = None, states: int = 1, pycache: Path | None = None
) -> Iterator[Site]:
    """A migrated, seeded site with `states` consultees: its scratch database beside `source`
    (a PostgreSQL URL; by default DATABASE_URL), or a SQLite file in `tmp` when that is not
    PostgreSQL. Bytecode is cached in `pycache` (tests may share one), else in `tmp`."""
    if source is None:
        source = os.environ.get("DATABASE_URL", "")
    tmp.mkdir(parents=True, exist_ok=True)
    if source.startswith("postgres"):
        url, database = _scratch_postgres(source), "PostgreSQL"
    else:
        url, database = f"sqlite:///{tmp}/site.sqlite3", "SQLite"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "hrdialogue.web.config.settings.test",
        "HRDIALOGUE_VAR_DIR": str(tmp),
        "MEDIA_ROOT": str(tmp / "media"),
        "RECEIPT_KEY_PATH": str(tmp / "keys" / "receipt.pem"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("HRDIALOGUE_CRASH_AFTER_REPLY_COMMIT", None)
    # Each server start imports Django and the platform again: bytecode cached under tmp
    # (not in the tree) makes every start after the first one several seconds faster.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache or tmp / "pycache")
    migration = ""  # migrate, keep no copy
    if database == "SQLite" and _MIGRATED_SQLITE:
        shutil.copyfile(_MIGRATED_SQLITE[0], tmp / "site.sqlite3")
        migration = "migrated"
    elif database == "SQLite":
        migration = str(tmp / "migrated.sqlite3")
    try:
        out = subprocess.run(
            [sys.executable, "-c", _SEED, str(states), migration],
            env=env,
            cwd=ROOT,
            check=False,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            raise RuntimeError(f"the site could not be seeded:\n{out.stderr[-3000:]}")
        if migration not in ("", "migrated"):
            _MIGRATED_SQLITE.append(Path(migration))
        yield Site(env, json.loads(out.stdout.strip().splitlines()[-1]), database)
    finally:
        if database == "PostgreSQL":
            import psycopg

            with psycopg.connect(source, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DB} WITH (FORCE)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_gunicorn(
    site: Site, *, workers: int = 1, extra_env: Mapping[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """gunicorn on a free loopback port; yields its base URL and the master process.

    On leaving, the master and its workers are killed (SIGKILL: nothing is flushed or
    finished politely, as in a crash)."""
    port = free_port()
    server = start_gunicorn(site, port, workers=workers, extra_env=extra_env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, server)
        yield base, server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def start_gunicorn(
    site: Site, port: int, *, workers: int = 1, extra_env: Mapping[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """gunicorn's master on 127.0.0.1:`port`, in a process group of its own (its workers die
    with it when the group is killed); not yet answering (see `wait_ready`)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "hrdialogue.web.config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
            "--timeout",
            "60",
            "-c",
            str(Path(__file__).with_name("gunicorn_conf.py")),
        ],
        env={**site.env, **(extra_env or {})},
        cwd=ROOT,
        start_new_session=True,  # its own process group: the workers die with it
    )


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    """Until gunicorn at `base` answers; `RuntimeError` if it exits or takes over 90 s."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{base}/api/openapi.json", timeout=30) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 90 s")
