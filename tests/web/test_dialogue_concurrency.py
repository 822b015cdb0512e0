"""200 voters vote at once over loopback against the threaded live server: every vote is
counted exactly once (one Vote row and one VoteEvent per voter and statement).

On the test suite's in-memory SQLite, Django hands the live server's threads one shared
connection, whose transactions would interleave: there the application is entered by one
request at a time (the 200 clients still connect and wait concurrently). On PostgreSQL
(`DATABASE_URL`) each thread has its own connection and requests run in parallel: the unique
constraint and `record_vote`'s upsert do the work. As in a deployment, where a fixed number of
workers (and a connection pool) stands between the clients and the database, at most
`IN_FLIGHT` requests are inside the application at once, so the test does not depend on the
server's `max_connections` (100 by default, less where shared memory is short).
"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request
from typing import Any

import pytest

VOTERS = 200
IN_FLIGHT = 32
CHOICES = ("agree", "disagree", "pass")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _vote_as_one_voter(base: str, statements: list[int], start: threading.Barrier) -> list[int]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    with opener.open(base, timeout=60) as response:
        page = response.read().decode()
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert match is not None
    token = match.group(1)
    start.wait(timeout=60)
    codes = []
    for i, statement in enumerate(statements):
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "statement": statement, "vote": CHOICES[i % 3]}
        ).encode()
        request = urllib.request.Request(base, data=body, headers={"Referer": base})
        try:
            with opener.open(request, timeout=60) as response:
                codes.append(response.status)
        except urllib.error.HTTPError as error:  # the 302 back to the page, not followed
            codes.append(error.code)
    return codes


def _bound_requests_in_flight(live_server: Any) -> None:
    """One request at a time on a shared SQLite connection, else at most `IN_FLIGHT`, each
    giving its connection back before the next one enters (as a pool would)."""
    from django.db import connection, connections

    shared = connection.vendor == "sqlite" and connection.is_in_memory_db()
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    lock = threading.BoundedSemaphore(1 if shared else IN_FLIGHT)

    def bounded(environ: Any, start_response: Any) -> list[bytes]:
        with lock:
            result = app(environ, start_response)
            try:
                return list(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
                if not shared:
                    connections.close_all()

    httpd.set_app(bounded)


@pytest.mark.slow
def test_200_concurrent_voters_each_vote_counted_once(
    transactional_db: Any, live_server: Any, settings: Any
) -> None:
    from hrdialogue.web.dialogues.models import Participant, Vote, VoteEvent
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue

    settings.DIALOGUE_RESULTS_INTERVAL = 3600  # one recomputation while the votes pour in
    dialogue = create_dialogue(actor=None, title="Busy", participation="anonymous")
    statements = [
        add_statement(actor=None, dialogue=dialogue, text=f"Statement {i}", language="en").pk
        for i in range(3)
    ]
    # The live server listens with a backlog of 10; 200 clients connecting at once need more.
    live_server.thread.httpd.socket.listen(VOTERS + 16)
    _bound_requests_in_flight(live_server)
    base = f"{live_server.url}/dialogues/{dialogue.pk}/"
    start = threading.Barrier(VOTERS)
    results: list[list[int]] = [[] for _ in range(VOTERS)]
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            results[i] = _vote_as_one_voter(base, statements, start)
        except BaseException as error:  # reported below, with the others
            errors.append(error)
            start.abort()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(VOTERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors[:3]
    assert all(codes == [302, 302, 302] for codes in results), results[:3]
    assert Participant.objects.filter(dialogue=dialogue).count() == VOTERS
    assert Vote.objects.filter(statement__dialogue=dialogue).count() == VOTERS * 3
    assert VoteEvent.objects.filter(statement__dialogue=dialogue).count() == VOTERS * 3
    for statement, choice in zip(statements, (1, -1, 0), strict=True):
        assert set(Vote.objects.filter(statement_id=statement).values_list("value", flat=True)) == {
            choice
        }
