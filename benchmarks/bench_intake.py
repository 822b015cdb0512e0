"""Reply intake and the Secretariat's dashboard under load, each against the smallest Django
view measured in the same run, from a threaded client on loopback.

- Intake: focal points of 200 stakeholders POST typed replies to the API, each with a fresh
  Idempotency-Key (each POST goes through `submit_reply`: reading, language detection, the
  signed receipt and the audit entry, committed in one transaction).
- Dashboard: the consultation's dashboard page with 200 stakeholders and 500 replies
  (200 on time, then late ones until there are 500), as the Secretariat sees it.

The server is gunicorn (2 sync workers) on PostgreSQL when DATABASE_URL points at one (a
scratch database, dropped afterwards), else SQLite (said so in the notes). `make bench` runs
it inside `.ci/with-postgres` when PostgreSQL is installed.
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_web import _drop_postgres, _free_port, _scratch_postgres, _wait
from benchmarks.harness import Measurement, Report

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
STAKEHOLDERS = 200
REPLIES = 500
INTAKE_REQUESTS = int(os.environ.get("BENCH_INTAKE_REQUESTS", "200"))
PAGE_REQUESTS = int(os.environ.get("BENCH_WEB_REQUESTS", "300"))
CONCURRENCY = 4

# Hand-written reply texts (fictional stakeholders: "Demo State 001"…).
TEXTS = {
    "fr": "L'État de démonstration se félicite de la consultation et propose que le dialogue "
    "entre les États et les organisations soit renforcé au Conseil des droits de l'homme.",
    "en": "The demonstration organization welcomes the consultation and proposes that the "
    "dialogue between States and civil society be strengthened in the Council.",
}

_SETUP = """
import datetime as dt, json
import django
django.setup()
from django.test import Client
from django.utils import timezone
from hrdialogue.web.accounts.models import User
from hrdialogue.web.api.services import issue_token
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.consultations.services import open_consultation
from hrdialogue.web.resolutions.services import upload_resolution
from hrdialogue.web.stakeholders.models import Stakeholder

kinds = ["member-state"] * 120 + ["ngo"] * 50 + ["igo"] * 20 + ["nhri"] * 10
groups = ["african", "asia-pacific", "eastern-european", "latin-american-caribbean",
          "western-european-others"]
Stakeholder.objects.bulk_create([
    Stakeholder(code=f"demo-{i:03d}", kind=kinds[i], name=f"Demo {kinds[i]} {i:03d}",
                regional_group=groups[i %% 5] if kinds[i] == "member-state" else "")
    for i in range(%(stakeholders)d)
])
document = upload_resolution(actor=None, data=open(%(seed)r, "rb").read(), name="seed.txt")
index = next(i for i, m in enumerate(document.resolution.mandates) if m.anchor == "OP10")
consultation = open_consultation(actor=None, document=document, mandate_index=index, title="B")
consultation.consultees.set(Stakeholder.objects.all())
today = timezone.localdate()
Consultation.objects.filter(pk=consultation.pk).update(phase="open",
    opens_on=today - dt.timedelta(days=1), reply_deadline=today + dt.timedelta(days=30))
tokens = []
for s in Stakeholder.objects.order_by("code"):
    user = User.objects.create_user(f"fp-{s.code}@example.org", None, role="focal-point",
                                    stakeholder=s)
    tokens.append(issue_token(actor=None, user=user, name="bench")[1])
staff = User.objects.create_user("secretariat@example.org", None, role="secretariat")
client = Client()
client.force_login(staff)
print(json.dumps({"consultation": consultation.pk, "tokens": tokens,
                  "session": client.cookies["sessionid"].value}))
"""

# Late replies (after the deadline each submission is a reply of its own) up to REPLIES.
_TOP_UP = """
import datetime as dt, json, sys, uuid
import django
django.setup()
from hrdialogue.web.accounts.models import User
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.submissions.models import Reply
from hrdialogue.web.submissions.services import submit_reply
consultation = Consultation.objects.get(pk=int(sys.argv[1]))
texts = json.loads(sys.argv[2])
late = dt.datetime.combine(consultation.reply_deadline + dt.timedelta(days=1), dt.time(12),
                           tzinfo=dt.timezone.utc)
focal = list(User.objects.filter(role="focal-point").order_by("email"))
i = 0
while Reply.objects.filter(consultation=consultation).count() < %(replies)d:
    actor = focal[i %% len(focal)]
    submit_reply(actor=actor, consultation=consultation, idempotency_key=uuid.uuid4().hex,
                 text=texts[i %% 2], now=late)
    i += 1
print(Reply.objects.filter(consultation=consultation).count())
"""


def _load(
    port: int, request: Callable[[http.client.HTTPConnection, int], int], total: int
) -> list[float]:
    """`total` requests over CONCURRENCY keep-alive connections; latencies in seconds."""
    latencies: list[float] = []
    lock = threading.Lock()
    per_thread = total // CONCURRENCY

    def worker(thread: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for n in range(per_thread):
            t0 = time.perf_counter()
            status = request(conn, thread * per_thread + n)
            mine.append(time.perf_counter() - t0)
            if status not in (200, 201):
                raise RuntimeError(f"request {n} of thread {thread}: HTTP {status}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def _get(path: str, headers: dict[str, str]) -> Callable[[http.client.HTTPConnection, int], int]:
    def request(conn: http.client.HTTPConnection, _n: int) -> int:
        conn.request("GET", path, headers={"Accept-Language": "en", **headers})
        response = conn.getresponse()
        response.read()
        return response.status

    return request


def _post_reply(
    consultation: int, tokens: list[str]
) -> Callable[[http.client.HTTPConnection, int], int]:
    bodies = [json.dumps({"text": text}).encode() for text in TEXTS.values()]

    def request(conn: http.client.HTTPConnection, n: int) -> int:
        conn.request(
            "POST",
            f"/api/consultations/{consultation}/replies",
            body=bodies[n % 2],
            headers={
                "Authorization": f"Bearer {tokens[n % len(tokens)]}",
                "Idempotency-Key": uuid.uuid4().hex,
                "Content-Type": "application/json",
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status

    return request


@dataclass(frozen=True)
class _Server:
    port: int
    db: str


def _measure(
    report: Report,
    server: _Server,
    group: str,
    name: str,
    request: Callable[[http.client.HTTPConnection, int], int],
    *,
    total: int,
    baseline: bool = False,
    warmup: int = 40,
) -> None:
    if warmup:
        _load(server.port, request, warmup)
    t0 = time.perf_counter()
    latencies = sorted(_load(server.port, request, total))
    elapsed = time.perf_counter() - t0
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    extra = {
        "req/s": f"{len(latencies) / elapsed:.0f}",
        "db": server.db,
        "concurrency": str(CONCURRENCY),
    }
    row = Measurement(group, name, statistics.median(latencies), p95, len(latencies), None, extra)
    report.add(row, baseline=baseline)


def run(report: Report) -> None:
    shared = Path(os.environ.get("HRDIALOGUE_SHARED", ROOT.parent / "shared"))
    seed = shared / "seeds/000_8dba0c578e5ca190.txt"
    if not seed.is_file():
        print(f"bench_intake: skipped, the seed is missing at {seed}")
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
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
        }
        env.pop("HRDIALOGUE_CRASH_AFTER_REPLY_COMMIT", None)
        python = sys.executable
        try:
            for command in (["migrate", "-v", "0"], ["collectstatic", "--noinput", "-v", "0"]):
                subprocess.run([python, "-m", "hrdialogue.web", *command], env=env, check=True)
            setup = subprocess.run(
                [python, "-c", _SETUP % {"stakeholders": STAKEHOLDERS, "seed": str(seed)}],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            seeded = json.loads(setup.stdout.strip().splitlines()[-1])
            _serve_and_measure(report, env, seeded, db)
        finally:
            if db == "PostgreSQL":
                _drop_postgres(source_url)


def _serve_and_measure(
    report: Report, env: dict[str, str], seeded: dict[str, object], db: str
) -> None:
    python = sys.executable
    consultation = int(str(seeded["consultation"]))
    tokens = [str(t) for t in seeded["tokens"]]  # type: ignore[attr-defined]
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
    target = _Server(port, db)
    try:
        _wait(port)
        healthz = _get("/healthz", {})
        _measure(
            report,
            target,
            "reply intake",
            "minimal Django view",
            healthz,
            total=PAGE_REQUESTS,
            baseline=True,
        )
        # No warm-up POSTs: every reply counts towards the dashboard's 500.
        _load(port, _get(f"/api/consultations/{consultation}", {}), 8)
        _measure(
            report,
            target,
            "reply intake",
            "POST /api/…/replies (typed, new key each)",
            _post_reply(consultation, tokens),
            total=INTAKE_REQUESTS,
            warmup=0,
        )
        subprocess.run(
            [
                python,
                "-c",
                _TOP_UP % {"replies": REPLIES},
                str(consultation),
                json.dumps(list(TEXTS.values())),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
        _measure(
            report,
            target,
            "dashboard",
            "minimal Django view",
            healthz,
            total=PAGE_REQUESTS,
            baseline=True,
        )
        dashboard = _get(
            f"/replies/consultations/{consultation}/dashboard/",
            {"Cookie": f"sessionid={seeded['session']}"},
        )
        _measure(
            report,
            target,
            "dashboard",
            f"dashboard ({STAKEHOLDERS} stakeholders, {REPLIES} replies)",
            dashboard,
            total=PAGE_REQUESTS // 3,
            warmup=8,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
