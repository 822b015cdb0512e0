"""An accepted reply is never lost and never doubled: the server is killed between the commit
and the answer, and the same Idempotency-Key arrives twice at once.

The server is real (gunicorn on a loopback port) over a scratch database: a SQLite file, or
PostgreSQL when DATABASE_URL points at one (CI's second pass). The reply texts are
hand-written.
"""

from __future__ import annotations

import http.client
import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.web.reliability.server import Site, prepare_site, running_gunicorn

pytestmark = pytest.mark.slow

TEXT = (
    "L'État A de démonstration se félicite de la consultation et propose que le dialogue "
    "entre les États et les organisations soit renforcé au Conseil des droits de l'homme."
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp: Path = tmp_path_factory.mktemp("reliability")
    with prepare_site(tmp) as prepared:
        yield prepared


def _post(base: str, site: Site, key: str, text: str = TEXT) -> tuple[int, dict[str, Any], Any]:
    """POST a reply; raises ConnectionError (or http.client's subclasses) if the server dies."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.request(
            "POST",
            f"/api/consultations/{site.consultation}/replies",
            body=json.dumps({"text": text}).encode(),
            headers={
                "Authorization": f"Bearer {site.focal_token}",
                "Idempotency-Key": key,
                "Content-Type": "application/json",
            },
        )
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}"), response.headers
    finally:
        conn.close()


def _get_replies(base: str, token: str) -> dict[str, Any]:
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        conn.request("GET", "/api/replies", headers={"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        assert response.status == 200
        return dict(json.loads(response.read()))
    finally:
        conn.close()


def test_killed_between_commit_and_answer_the_reply_is_there_once(site: Site) -> None:
    key = uuid.uuid4().hex
    text = f"{TEXT} Envoyée avant la panne."
    before = site.count(key)["all_versions"]
    crash = {"HRDIALOGUE_CRASH_AFTER_REPLY_COMMIT": "1"}
    # The worker commits the reply, then dies before answering: the client gets no answer.
    with (
        running_gunicorn(site, workers=1, extra_env=crash) as (base, _server),
        pytest.raises((ConnectionError, http.client.HTTPException)),
    ):
        _post(base, site, key, text)
    # The whole server was killed (SIGKILL, master and workers) on leaving the block.
    assert site.count(key) == {"versions": 1, "audit": 1, "all_versions": before + 1}

    with running_gunicorn(site, workers=1) as (base, _server):
        # The Secretariat sees it: the stakeholder's reply, its latest version is this text.
        replies = _get_replies(base, site.staff_token)["items"]
        assert [r["text"] for r in replies] == [text]
        seen = replies[0]
        # The client retries with the same key, as it must after a lost answer: it gets the
        # reply that was accepted, with its receipt, and nothing is written twice.
        status, body, headers = _post(base, site, key, text)
        assert status == 201
        assert headers["Idempotent-Replayed"] == "true"
        assert (body["id"], body["version"], body["text"]) == (seen["id"], seen["version"], text)
        assert body["receipt"]["reply_id"].endswith(f"-{seen['label']}-v{seen['version']}")
    assert site.count(key) == {"versions": 1, "audit": 1, "all_versions": before + 1}


def test_the_same_key_sent_concurrently_gives_one_reply(site: Site) -> None:
    rounds, threads_per_round = 2, 4
    with running_gunicorn(site, workers=2) as (base, _server):
        before = site.count("none")["all_versions"]
        for round_number in range(rounds):
            key = uuid.uuid4().hex
            text = f"{TEXT} Version {round_number + 2}."
            barrier = threading.Barrier(threads_per_round)
            answers: list[tuple[int, dict[str, Any]]] = []

            def send(
                key: str = key, text: str = text, barrier: Any = barrier, answers: Any = answers
            ) -> None:
                barrier.wait()
                status, body, _headers = _post(base, site, key, text)
                answers.append((status, body))  # list.append is atomic

            workers = [threading.Thread(target=send) for _ in range(threads_per_round)]
            for t in workers:
                t.start()
            for t in workers:
                t.join(timeout=120)
            assert [status for status, _body in answers] == [201] * threads_per_round, answers
            assert len({(body["id"], body["version"]) for _status, body in answers}) == 1
            assert site.count(key)["versions"] == 1
        assert site.count("none")["all_versions"] == before + rounds
