"""The backup and restore drill (battery E5, small), as `docs/deploy.md` tells an operator to
run it: replies are received (typed and a DOCX file); the database is backed up (`pg_dump -Fc`
on PostgreSQL, SQLite's online backup on SQLite), then the reply store; more replies arrive;
the backup is restored beside the live site. On the restored copy the replies from before the
backup are all there and those after are not (the restore is exact to the backup);
`audit_verify` passes with the receipts given before the backup and refuses one given after
(the log was restored from an older copy); `store_verify` passes, and names a file that was
damaged or lost. Reply texts are hand-written.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.web.reliability.server import ROOT, Site, prepare_site

pytestmark = pytest.mark.slow

RESTORED_DB = "hrdialogue_restored"

# Run in the site's environment: each argument a JSON [key, text, docx path or ""]; prints one
# JSON line per version received: its id, the receipt, the blob key.
_SUBMIT = """
import json, sys
from pathlib import Path
import django
django.setup()
from hrdialogue.web.accounts.models import User
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.submissions.services import submit_reply
consultation = Consultation.objects.get()
focal = User.objects.get(email="fp@example.org")
for argument in sys.argv[1:]:
    key, text, docx = json.loads(argument)
    upload = (Path(docx).read_bytes(), "reply.docx") if docx else None
    version = submit_reply(actor=focal, consultation=consultation, idempotency_key=key,
                           text=text, upload=upload)
    print(json.dumps({"id": version.pk, "receipt": version.receipt, "file": version.file_key}))
"""

TEXTS = [
    "L'État A de démonstration soutient un dialogue régulier entre les États et le Conseil.",
    "L'État A propose des consultations annuelles ouvertes à tous les États et aux ONG.",
    "L'État A demande que le rapport du Secrétaire général reflète chaque contribution reçue.",
    "L'État A ajoute une proposition sur la coopération technique avec le Haut-Commissariat.",
]


def _docx(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_paragraph(
        "L'État A de démonstration transmet sa réponse sous forme de fichier, avec une "
        "proposition sur le dialogue entre les États et les organisations non gouvernementales."
    )
    out = io.BytesIO()
    document.save(out)
    path.write_bytes(out.getvalue())
    return path


def _run(env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *command], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )


def _submit(site: Site, *requests: tuple[str, str, str]) -> list[dict[str, object]]:
    done = _run(site.env, "-c", _SUBMIT, *(json.dumps(list(r)) for r in requests))
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _pg_tool(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}")) or [
        Path(p) for p in [shutil.which(name)] if p
    ]
    if not found:
        pytest.fail(f"{name} is not installed (Debian package postgresql-client)")
    return str(found[-1])


def _back_up_database(url: str, to: Path) -> None:
    if url.startswith("postgres"):
        subprocess.run(
            [_pg_tool("pg_dump"), "--format=custom", f"--file={to}", url],
            check=True,
            capture_output=True,
        )
    else:
        with (
            contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as live,
            contextlib.closing(sqlite3.connect(to)) as copy,
        ):
            live.backup(copy)


@contextlib.contextmanager
def _restored_database(url: str, backup: Path, tmp: Path) -> Iterator[str]:
    if not url.startswith("postgres"):
        restored = tmp / "restored.sqlite3"
        shutil.copyfile(backup, restored)
        yield f"sqlite:///{restored}"
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {RESTORED_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {RESTORED_DB}")
    restored = urlunsplit(urlsplit(url)._replace(path=f"/{RESTORED_DB}"))
    try:
        subprocess.run(
            [_pg_tool("pg_restore"), "--no-owner", f"--dbname={restored}", str(backup)],
            check=True,
            capture_output=True,
        )
        yield restored
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {RESTORED_DB} WITH (FORCE)")


def _version_ids(url: str) -> set[int]:
    query = "SELECT id FROM submissions_replyversion"
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            return {row[0] for row in conn.execute(query)}
    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
        return {row[0] for row in conn.execute(query)}


def _receipt_file(tmp: Path, version: dict[str, object]) -> str:
    path = tmp / f"receipt-{version['id']}.json"
    path.write_text(json.dumps(version["receipt"]), encoding="utf-8")
    return str(path)


def test_a_restored_backup_holds_every_reply_before_it_and_checks_sound(
    tmp_path: Path,
) -> None:
    with prepare_site(tmp_path / "site") as site:
        before = _submit(
            site,
            ("drill-key-0001-abcdefgh", TEXTS[0], ""),
            ("drill-key-0002-abcdefgh", "", str(_docx(tmp_path / "reply.docx"))),
            ("drill-key-0003-abcdefgh", TEXTS[1], ""),
        )
        assert [bool(v["file"]) for v in before] == [False, True, False]

        # The backup: the database first, then the reply store (a file is written before the
        # row that names it commits, so every row in the dump has its file in the copy).
        _back_up_database(site.env["DATABASE_URL"], tmp_path / "backup.db")
        shutil.copytree(site.env["MEDIA_ROOT"], tmp_path / "backup-media")

        after = _submit(
            site,
            ("drill-key-0004-abcdefgh", TEXTS[2], ""),
            ("drill-key-0005-abcdefgh", TEXTS[3], ""),
        )
        live_ids = _version_ids(site.env["DATABASE_URL"])
        assert len(live_ids) == 5

        with _restored_database(
            site.env["DATABASE_URL"], tmp_path / "backup.db", tmp_path
        ) as restored_url:
            media = tmp_path / "restored-media"
            shutil.copytree(tmp_path / "backup-media", media)
            # the receipt key is part of the backup too: the same file here
            env = {**site.env, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(media)}

            assert _version_ids(restored_url) == {int(str(v["id"])) for v in before}

            receipts = [arg for v in before for arg in ("--receipt", _receipt_file(tmp_path, v))]
            checked = _run(env, "-m", "hrdialogue.web", "audit_verify", *receipts)
            assert checked.returncode == 0, checked.stderr
            assert checked.stdout.count(": anchored at entry ") == 3

            late = _run(
                env,
                "-m",
                "hrdialogue.web",
                "audit_verify",
                "--receipt",
                _receipt_file(tmp_path, after[0]),
            )
            assert late.returncode == 1
            assert "restored from a copy made before this reply" in late.stderr

            store = _run(env, "-m", "hrdialogue.web", "store_verify")
            assert store.returncode == 0, store.stderr
            assert store.stdout.startswith("3 reply versions (1 files), 0 published files: all")

            # A damaged file, then a lost one, is named by reply and version.
            blob = next(media.glob(f"replies/*/{before[1]['file']}"))
            blob.write_bytes(blob.read_bytes()[:-1] + b"!")
            damaged = _run(env, "-m", "hrdialogue.web", "store_verify")
            assert damaged.returncode == 1
            assert "version 2" in damaged.stderr
            assert "the receipt was given for" in damaged.stderr
            os.remove(blob)
            lost = _run(env, "-m", "hrdialogue.web", "store_verify")
            assert lost.returncode == 1
            assert "is missing from the reply store" in lost.stderr
