"""A database that cannot be reached answers 503 with Retry-After on the API, never a 500.

Found by the chaos run (tests/web/reliability/test_chaos.py): while PostgreSQL was crashed and
restarting, every reply sent got a 500. Here the database fails the way psycopg reports it
(django.db.OperationalError or InterfaceError) at two places: while a reply's transaction is
being written, and while the caller's token is looked up. A retry with the same
Idempotency-Key, once the database is back, records the reply once. Reply texts are
hand-written (tests/web/api/conftest.py)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.db import IntegrityError, InterfaceError, OperationalError

from tests.web.api.conftest import FRANCE_TEXT

pytestmark = pytest.mark.django_db

TEXT = f"{FRANCE_TEXT} Envoyée pendant une panne de la base de données."


def _post(client: Any, world: dict[str, Any], key: str) -> Any:
    return client.post(
        f"/api/consultations/{world['consultation'].pk}/replies",
        {"text": TEXT},
        content_type="application/json",
        headers={"Authorization": f"Bearer {world['tokens']['focal_fra']}", "Idempotency-Key": key},
    )


def _versions(key: str) -> int:
    from hrdialogue.web.submissions.models import ReplyVersion

    return ReplyVersion.objects.filter(idempotency_key=key).count()


def _lost_connection(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("server closed the connection unexpectedly")


def test_the_database_lost_while_a_reply_is_written_is_a_503_and_the_retry_records_it_once(
    client: Any, replies_world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = uuid.uuid4().hex
    # lock_head runs inside the reply's transaction, after the reply row is written
    monkeypatch.setattr("hrdialogue.web.submissions.services.lock_head", _lost_connection)
    response = _post(client, replies_world, key)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "same Idempotency-Key" in response.json()["detail"]
    assert _versions(key) == 0  # the transaction was rolled back

    monkeypatch.undo()
    retried = _post(client, replies_world, key)
    assert retried.status_code == 201, retried.content
    assert retried.json()["text"] == TEXT
    again = _post(client, replies_world, key)
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert _versions(key) == 1


def test_a_broken_connection_while_the_token_is_read_is_a_503(
    client: Any, replies_world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def closed(*args: Any, **kwargs: Any) -> Any:
        raise InterfaceError("connection already closed")

    monkeypatch.setattr("hrdialogue.web.api.auth.authenticate_token", closed)
    response = client.get(
        "/api/replies", headers={"Authorization": f"Bearer {replies_world['tokens']['focal_fra']}"}
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


def test_other_database_errors_stay_server_errors(
    client: Any, replies_world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only an unreachable database is "try again": a violated constraint is a bug, and is
    not hidden behind a 503."""

    def violated(*args: Any, **kwargs: Any) -> Any:
        raise IntegrityError("null value in column")

    monkeypatch.setattr("hrdialogue.web.submissions.services.lock_head", violated)
    key = uuid.uuid4().hex
    with pytest.raises(IntegrityError):  # the test client re-raises what became a 500
        _post(client, replies_world, key)
    assert _versions(key) == 0
