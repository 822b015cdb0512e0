"""The invariant checker of the chaos run (battery E1/E3), read from the database and the
platform's own commands after the run:

- every acknowledged reply (a receipt came back) is there: one version under its key, with
  the receipt the client got, the SHA-256 of the bytes the client sent, and one audit entry;
- no Idempotency-Key gave two versions, and no version was written under a key no client sent;
- `store_verify`: every version's file or text matches its signed receipt;
- `audit_verify --receipt …`: the chain is valid and every receipt is signed by the platform
  and anchored in the log, followed by its reply's own entry.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.web.reliability.chaos import Sent
from tests.web.reliability.server import ROOT, Site

__all__ = ["Verdict", "check_invariants"]

_VERSIONS_SQL = (
    "SELECT v.id, v.idempotency_key, v.number, v.reply_id, v.content_sha256, v.receipt,"
    " (SELECT count(*) FROM audit_auditentry a"
    "   WHERE a.action = 'submissions.submit' AND a.target_id = CAST(v.id AS TEXT))"
    " FROM submissions_replyversion v ORDER BY v.id"
)


@dataclass
class Verdict:
    """What the checker found: counts for the figure line, one line per broken invariant."""

    acknowledged: int = 0
    unacknowledged: int = 0
    committed_unanswered: int = 0  # a version is there, the client never got its receipt
    lost: int = 0
    duplicates: int = 0
    receipts_verified: int = 0
    store_summary: str = ""
    problems: list[str] = field(default_factory=list)


def _rows(url: str) -> list[tuple[Any, ...]]:
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url) as conn:
            return list(conn.execute(_VERSIONS_SQL).fetchall())
    with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as conn:
        return list(conn.execute(_VERSIONS_SQL).fetchall())


# `store_verify`, then `audit_verify` with the receipt files given as arguments, in one
# Django process (each start costs seconds); prints each command's output and exit status.
_VERIFY = """
import sys
import django
django.setup()
from django.core.management import call_command
from django.core.management.base import CommandError
for name, args in (("store_verify", []), ("audit_verify", sys.argv[1:])):
    try:
        call_command(name, *args, stderr=sys.stdout)
        status = 0
    except CommandError as error:
        print(error)
        status = 1
    print(f"== {name} exit {status}", flush=True)
"""


def _verify(site: Site, receipts: list[str]) -> dict[str, tuple[int, str]]:
    """{command: (exit status, its output)} for store_verify and audit_verify."""
    done = subprocess.run(
        [sys.executable, "-c", _VERIFY, *receipts],
        env=site.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    results: dict[str, tuple[int, str]] = {}
    lines: list[str] = []
    for line in done.stdout.splitlines():
        if line.startswith("== ") and " exit " in line:
            name, status = line[3:].split(" exit ")
            results[name] = (int(status), "\n".join(lines))
            lines = []
        else:
            lines.append(line)
    for name in ("store_verify", "audit_verify"):
        results.setdefault(name, (1, f"did not run: {done.stderr[-2000:]}"))
    return results


def _check_rows(sent: list[Sent], rows: list[tuple[Any, ...]], verdict: Verdict) -> None:
    keys = Counter(row[1] for row in rows)
    verdict.duplicates = sum(n - 1 for n in keys.values() if n > 1)
    for key, n in keys.items():
        if n > 1:
            verdict.problems.append(f"key {key}: {n} versions")
    by_key = {row[1]: row for row in rows}
    sent_keys = {s.key for s in sent}
    for key in keys.keys() - sent_keys:
        verdict.problems.append(f"version {by_key[key][0]} under key {key}, which no client sent")
    for s in sent:
        row = by_key.get(s.key)
        if s.receipt is None:
            verdict.unacknowledged += 1
            verdict.committed_unanswered += row is not None
            continue
        verdict.acknowledged += 1
        if row is None:
            verdict.lost += 1
            verdict.problems.append(f"LOST: key {s.key} was acknowledged, no version has it")
            continue
        version_id, _key, number, reply_id, sha256, receipt, audited = row
        stored = json.loads(receipt) if isinstance(receipt, str) else receipt
        checks = {
            "the reply and version the client was told": (reply_id, number) == s.reply,
            "the receipt the client got": stored == s.receipt,
            "the SHA-256 of the bytes sent": sha256 == s.sha256 == s.receipt["content_sha256"],
            "one audit entry": audited == 1,
        }
        for what, holds in checks.items():
            if not holds:
                verdict.problems.append(f"key {s.key} (version {version_id}): not {what}")


def check_invariants(site: Site, sent: list[Sent], tmp: Path) -> Verdict:
    """Every check of the module docstring; `tmp` receives the receipt files."""
    verdict = Verdict()
    _check_rows(sent, _rows(site.env["DATABASE_URL"]), verdict)

    receipts: list[str] = []
    tmp.mkdir(parents=True, exist_ok=True)
    for s in sent:
        if s.receipt is not None:
            path = tmp / f"receipt-{s.key}.json"
            path.write_text(json.dumps(s.receipt), encoding="utf-8")
            receipts += ["--receipt", str(path)]
    results = _verify(site, receipts)
    status, output = results["store_verify"]
    verdict.store_summary = output.strip().splitlines()[0] if output.strip() else ""
    if status != 0:
        verdict.problems.append(f"store_verify: {output[-3000:]}")
    status, output = results["audit_verify"]
    verdict.receipts_verified = output.count(": anchored at entry ")
    if status != 0:
        verdict.problems.append(f"audit_verify: {output[-3000:]}")
    return verdict
