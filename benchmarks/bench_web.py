"""The web platform under load: the resolution page and the consultation page with the full
registry (195 States + 300 organisations), against the smallest Django view, measured in the
same run by a small threaded HTTP client on loopback.

The server is gunicorn (2 sync workers) in front of PostgreSQL when DATABASE_URL points at one
(a scratch database `hrdialogue_bench` is created there and dropped), else SQLite (said so in
the notes). `make bench` runs it inside `.ci/with-postgres` when PostgreSQL is installed.
"""

from __future__ import annotations

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from benchmarks.harness import Measurement, Report

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_8dba0c578e5ca190.txt"
REQUESTS = int(os.environ.get("BENCH_WEB_REQUESTS", "300"))
CONCURRENCY = 4
ORGANISATIONS = 300

_SETUP = """
import django, sys
django.setup()
from hrdialogue.web.stakeholders.models import Stakeholder
from hrdialogue.web.stakeholders.services import load_registry
from hrdialogue.web.resolutions.services import upload_resolution
from hrdialogue.web.consultations.services import open_consultation, advance_phase, set_consultees
load_registry()
kinds = ["ngo"] * 200 + ["nhri"] * 60 + ["igo"] * 40
existing = Stakeholder.objects.exclude(kind__in=["member-state", "observer-state"]).count()
Stakeholder.objects.bulk_create([
    Stakeholder(code=f"bench-{i:03d}", kind=kinds[i], name=f"Bench organisation {i:03d}",
                names={"en": f"Bench organisation {i:03d}"}, country="FRA")
    for i in range(max(0, %(orgs)d - existing))
])
document = upload_resolution(actor=None, data=open(sys.argv[1], "rb").read(), name="seed.txt")
index = next(i for i, m in enumerate(document.resolution.mandates) if m.anchor == "OP10")
consultation = open_consultation(actor=None, document=document, mandate_index=index, title="Bench")
set_consultees(actor=None, consultation=consultation, stakeholders=Stakeholder.objects.all())
advance_phase(actor=None, consultation=consultation, to="open")
print(document.pk, consultation.pk, Stakeholder.objects.count())
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _scratch_postgres(url: str) -> str:
    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS hrdialogue_bench")
        conn.execute("CREATE DATABASE hrdialogue_bench")
    return urlunsplit(parts._replace(path="/hrdialogue_bench"))


def _drop_postgres(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS hrdialogue_bench WITH (FORCE)")


def _load(port: int, path: str, total: int) -> list[float]:
    """`total` GETs of `path` over CONCURRENCY keep-alive connections; latencies in seconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = total // CONCURRENCY

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(per_thread):
            t0 = time.perf_counter()
            conn.request("GET", path, headers={"Accept-Language": "en"})
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200:
                raise RuntimeError(f"GET {path}: {response.status}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def _measure(report: Report, port: int, name: str, path: str, *, baseline: bool, db: str) -> None:
    _load(port, path, 40)  # warm-up
    t0 = time.perf_counter()
    latencies = sorted(_load(port, path, REQUESTS))
    elapsed = time.perf_counter() - t0
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    row = Measurement(
        "web",
        name,
        statistics.median(latencies),
        p95,
        len(latencies),
        None,
        {"req/s": f"{len(latencies) / elapsed:.0f}", "db": db, "concurrency": str(CONCURRENCY)},
    )
    report.add(row, baseline=baseline)


def run(report: Report) -> None:
    shared = Path(os.environ.get("HRDIALOGUE_SHARED", ROOT.parent / "shared"))
    if not (shared / SEED).is_file():
        print(f"bench_web: skipped, the seed is missing at {shared / SEED}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source_url = os.environ.get("DATABASE_URL", "")
        if source_url.startswith("postgres"):
            url, db = _scratch_postgres(source_url), "PostgreSQL"
        else:
            url, db = f"sqlite:///{tmp}/bench.sqlite3", "SQLite (DATABASE_URL not set)"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "hrdialogue.web.config.settings.dev",
            "DEBUG": "false",
            "HRDIALOGUE_VAR_DIR": tmp,
            "ALLOWED_HOSTS": "127.0.0.1",
        }
        python = sys.executable
        try:
            subprocess.run(
                [python, "-m", "hrdialogue.web", "migrate", "-v", "0"], env=env, check=True
            )
            subprocess.run(
                [python, "-m", "hrdialogue.web", "collectstatic", "--noinput", "-v", "0"],
                env=env,
                check=True,
            )
            out = subprocess.run(
                [python, "-c", _SETUP % {"orgs": ORGANISATIONS}, str(shared / SEED)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            resolution, consultation, stakeholders = out[-3:]
            port = _free_port()
            server = subprocess.Popen(
                [
                    python,
                    "-m",
                    "gunicorn",
                    "hrdialogue.web.config.wsgi",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    "2",
                    "--log-level",
                    "warning",
                ],
                env=env,
            )
            try:
                _wait(port)
                _measure(report, port, "minimal Django view", "/healthz", baseline=True, db=db)
                _measure(
                    report,
                    port,
                    "resolution page (A/RES/63/180)",
                    f"/resolutions/{resolution}/",
                    baseline=False,
                    db=db,
                )
                _measure(
                    report,
                    port,
                    f"consultation page ({stakeholders} stakeholders)",
                    f"/consultations/{consultation}/",
                    baseline=False,
                    db=db,
                )
            finally:
                server.terminate()
                server.wait(timeout=30)
        finally:
            if db == "PostgreSQL":
                _drop_postgres(source_url)


def _wait(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start within 60 s")
