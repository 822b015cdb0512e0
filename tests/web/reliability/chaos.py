"""The chaos run (battery E3): submitters send replies through the API while the server, and
the database when it is a throwaway PostgreSQL cluster, are crashed on a seeded schedule.

Each client thread sends replies one after another (typed text, a DOCX or a PDF file, made
here, in hand-written French), each with a fresh Idempotency-Key, and retries the SAME key
with a growing pause after a lost connection, a timeout or a 5xx, until a receipt arrives or
`give_up_s` has passed (then the reply is "unacknowledged", not "lost": the client never had
a receipt for it). What each attempt got is recorded for the checks of `test_chaos.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import io
import itertools
import json
import os
import random
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.web.reliability.postgres import Cluster
from tests.web.reliability.server import Site, start_gunicorn, wait_ready

__all__ = ["QUIET_END_S", "App", "ChaosLog", "Sent", "run_chaos", "run_clients"]

SENTENCES = [
    "L'État de démonstration se félicite de la consultation ouverte par le Secrétariat.",
    "Il propose que le dialogue entre les États et les organisations soit renforcé.",
    "Il demande que le rapport du Secrétaire général reflète chaque contribution reçue.",
    "Il soutient des consultations annuelles ouvertes à tous les États et aux ONG.",
    "Il ajoute une proposition sur la coopération technique avec le Haut-Commissariat.",
]


@dataclass
class Sent:
    """One reply a client sent, and what became of it."""

    key: str
    kind: str  # typed, docx, pdf
    sha256: str  # of the bytes the receipt must be given for
    attempts: int = 0
    answers: list[str] = field(default_factory=list)  # status code or error name, per attempt
    receipt: dict[str, Any] | None = None
    reply: tuple[int, int] | None = None  # the reply's id and the version's number
    latency_s: float | None = None  # first attempt to receipt


def _content(rng: random.Random, client: int, number: int) -> tuple[str, bytes, str]:
    """(kind, bytes to send, what the receipt's SHA-256 is of): a typed reply, a DOCX or a PDF."""
    sentences = rng.sample(SENTENCES, 3)
    text = " ".join([*sentences, f"Réponse {number} du client {client}."])
    roll = rng.random()
    if roll < 0.6:
        data = text.encode("utf-8")
        return "typed", data, hashlib.sha256(data).hexdigest()
    if roll < 0.8:
        from docx import Document

        document = Document()
        document.add_paragraph(text)
        out = io.BytesIO()
        document.save(out)
        data = out.getvalue()
        return "docx", data, hashlib.sha256(data).hexdigest()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    # helvetica is Latin-1: the accents are kept, the typographic apostrophe is not used
    pdf.multi_cell(0, 8, text)
    data = bytes(pdf.output())
    return "pdf", data, hashlib.sha256(data).hexdigest()


def _multipart(data: bytes, name: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass
class _Client:
    """One submitter: a focal point's token, its own seeded random numbers."""

    port: int
    consultation: int
    token: str
    rng: random.Random
    give_up_s: float

    def attempt(self, sent: Sent, data: bytes) -> tuple[int, dict[str, Any]]:
        """One POST; raises OSError or http.client.HTTPException when the connection fails."""
        path = f"/api/consultations/{self.consultation}/replies"
        if sent.kind == "typed":
            body = json.dumps({"text": data.decode("utf-8")}).encode()
            content_type = "application/json"
        else:
            path += "/file"
            body, content_type = _multipart(data, f"reply.{sent.kind}")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(
                "POST",
                path,
                body=body,
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Idempotency-Key": sent.key,
                    "Content-Type": content_type,
                },
            )
            response = conn.getresponse()
            raw = response.read()
        finally:
            conn.close()
        try:
            answer = json.loads(raw or b"{}")
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            answer = {"detail": raw[:300].decode("utf-8", "replace")}
        return response.status, answer

    def send(self, sent: Sent, data: bytes) -> None:
        """Send until a receipt comes, a refusal (4xx, kept for the checks) or `give_up_s`."""
        start = time.monotonic()
        pause = 0.05
        while True:
            sent.attempts += 1
            try:
                status, answer = self.attempt(sent, data)
            except (OSError, http.client.HTTPException) as error:
                sent.answers.append(type(error).__name__)
            else:
                sent.answers.append(str(status))
                if status == 201:
                    sent.receipt = answer.get("receipt")
                    sent.reply = (int(answer["id"]), int(answer["version"]))
                    sent.latency_s = time.monotonic() - start
                    return
                if status < 500:
                    sent.answers[-1] += f" {answer.get('detail', '')}"[:300]
                    return
            if time.monotonic() - start > self.give_up_s:
                return
            time.sleep(pause * (0.5 + self.rng.random()))  # jitter: clients do not retry in step
            pause = min(pause * 2, 1.0)


def run_clients(
    site: Site, port: int, *, clients: int, until: threading.Event, seed: int, give_up_s: float
) -> list[Sent]:
    """`clients` threads (focal points of the site's States, in turn) sending replies until
    `until` is set; each finishes the reply under way before it stops. Every reply sent."""
    results: list[list[Sent]] = [[] for _ in range(clients)]

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        token = site.focal_tokens[number % len(site.focal_tokens)]
        me = _Client(port, site.consultation, token, rng, give_up_s)
        count = 0
        while not until.is_set():
            count += 1
            kind, data, sha256 = _content(rng, number, count)
            sent = Sent(key=uuid.uuid4().hex, kind=kind, sha256=sha256)
            results[number].append(sent)
            me.send(sent, data)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [sent for per_client in results for sent in per_client]


class App:
    """gunicorn (2 sync workers) on a fixed loopback port, killed and started again."""

    def __init__(self, site: Site, port: int, workers: int = 2) -> None:
        self.site, self.port, self.workers = site, port, workers
        self.master: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.master = start_gunicorn(self.site, self.port, workers=self.workers)
        wait_ready(self.base, self.master)

    def kill(self) -> None:
        """SIGKILL to the master and its workers (its process group): nothing finishes."""
        if self.master is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.master.pid, signal.SIGKILL)
        self.master.wait(timeout=30)
        self.master = None

    def kill_worker(self, rng: random.Random) -> bool:
        """SIGKILL to one worker (the master forks another); False when none was found."""
        if self.master is None:
            return False
        pid = self.master.pid
        deadline = time.monotonic() + 10  # a worker just killed is forked again at once
        while not (workers := Path(f"/proc/{pid}/task/{pid}/children").read_text().split()):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(rng.choice(workers)), signal.SIGKILL)
        return True


QUIET_END_S = 2.0
"""The load goes on this long at least after the last event: replies sent during it must
go through a recovered app and database."""


@dataclass
class ChaosLog:
    """What the schedule did: the counts of the figure line and a line per event."""

    worker_kills: int = 0
    app_kills: int = 0
    db_crashes: int = 0
    db_stalls: int = 0
    events: list[str] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)  # the load may stop


def _schedule(
    rng: random.Random, kinds: list[str], gap: tuple[float, float]
) -> Iterator[tuple[float, str]]:
    """Seeded (pause, kind) pairs, each pause counted from the end of the event before (a
    restart takes seconds): every kind once (shuffled), then kinds drawn at random."""
    first = rng.sample(kinds, len(kinds))
    for n in itertools.count():
        yield rng.uniform(*gap), (first[n] if n < len(first) else rng.choice(kinds))


@contextlib.contextmanager
def run_chaos(
    app: App, cluster: Cluster | None, *, seconds: float, seed: int
) -> Iterator[ChaosLog]:
    """While inside: the seeded schedule runs in a thread (the app's worker killed, the whole
    app killed and started again on the same port; with `cluster`, the database crashed and
    started, and stalled for a few seconds): each kind of event at least once, then more
    until `seconds` have passed; then `done` is set (the load stops). On leaving, after the
    schedule's end, everything is running again."""
    rng = random.Random(seed)
    kinds = ["worker", "app"] + (["db-crash", "db-stall"] if cluster is not None else [])
    gap = (1.0, 2.0) if seconds < 60 else (10.0, 40.0)
    log = ChaosLog()
    failures: list[BaseException] = []

    def crash_database() -> None:
        assert cluster is not None
        cluster.crash()
        time.sleep(rng.uniform(0.3, 1.0))
        cluster.start()
        log.db_crashes += 1

    def stall_database() -> None:
        assert cluster is not None
        with cluster.stalled():
            time.sleep(rng.uniform(1.0, 2.0) if seconds < 60 else rng.uniform(3.0, 8.0))
        log.db_stalls += 1

    def kill_app() -> None:
        app.kill()
        log.app_kills += 1
        app.start()

    def kill_worker() -> None:
        if app.kill_worker(rng):
            log.worker_kills += 1

    actions: dict[str, Callable[[], None]] = {
        "worker": kill_worker,
        "app": kill_app,
        "db-crash": crash_database,
        "db-stall": stall_database,
    }

    def schedule() -> None:
        start = time.monotonic()
        try:
            for n, (pause, kind) in enumerate(_schedule(rng, kinds, gap)):
                # every kind once, however long the restarts take; then until `seconds`
                if n >= len(kinds) and time.monotonic() - start + pause + gap[0] > seconds:
                    break
                time.sleep(pause)
                log.events.append(f"{time.monotonic() - start:6.1f} s {kind}")
                actions[kind]()
            # the load goes on until `seconds`, and a while after the last event
            time.sleep(max(seconds - (time.monotonic() - start), QUIET_END_S))
        except BaseException as error:  # reported by the test, not lost in the thread
            failures.append(error)
        finally:
            log.done.set()

    thread = threading.Thread(target=schedule, daemon=True)
    thread.start()
    try:
        yield log
    finally:
        thread.join(timeout=600)
        if app.master is None or app.master.poll() is not None:
            app.kill()
            app.start()
    if failures:
        raise RuntimeError(f"the chaos schedule failed: {failures[0]!r}") from failures[0]
