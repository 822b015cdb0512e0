"""A database that cannot be reached gives the pages a 503 that says what to do, in the
visitor's language, never the 500 page (the API answers the same case itself:
tests/web/api/test_database_unavailable.py).

Found by the chaos run (tests/web/reliability/test_chaos.py): while PostgreSQL restarted, a
focal point sending the reply form saw "Server error". The database fails here the way psycopg
reports it (django.db.OperationalError), once while the session is read, once inside a reply's
transaction; the form sent again afterwards, with the same key, records the reply once.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEXT = (
    "La France se félicite de la consultation et propose que le dialogue entre les États "
    "soit renforcé. Texte envoyé pendant une panne de la base de données."
)


def _lost_connection(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("server closed the connection unexpectedly\nSELECT secret_column")


@pytest.mark.parametrize(
    ("language", "words", "direction"),
    [
        ("en", "a reply is recorded once, however many times it is sent", "ltr"),
        ("fr", "Réessayez dans un instant", "ltr"),
        ("ar", "أعد المحاولة بعد قليل", "rtl"),
    ],
)
def test_the_session_unreadable_is_a_503_in_the_visitors_language(
    france_focal_point: Any,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    words: str,
    direction: str,
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(france_focal_point)
    client.cookies["django_language"] = language
    monkeypatch.setattr("django.contrib.sessions.backends.db.SessionStore.load", _lost_connection)
    answer = client.get(reverse("home"))
    assert answer.status_code == 503
    assert answer["Retry-After"] == "30"
    assert words in answer.text
    assert f'dir="{direction}"' in answer.text
    for telltale in ("Traceback", "SELECT", "secret_column", "OperationalError"):
        assert telltale not in answer.text


def test_other_database_errors_are_still_the_500_page(
    france_focal_point: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import DataError

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise DataError("value too long")

    client = Client(raise_request_exception=False)
    client.force_login(france_focal_point)
    monkeypatch.setattr("django.contrib.sessions.backends.db.SessionStore.load", broken)
    answer = client.get(reverse("home"))
    assert answer.status_code == 500
    assert "Something went wrong on our side" in answer.text


def test_the_reply_form_sent_during_an_outage_is_recorded_once_when_sent_again(
    open_call: Any,
    france_focal_point: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    client = Client(raise_request_exception=False)
    client.force_login(france_focal_point)
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    form = {"idempotency_key": key, "text": TEXT, "visibility": "public"}
    # lock_head runs inside the reply's transaction, after the reply row is written
    monkeypatch.setattr("hrdialogue.web.submissions.services.lock_head", _lost_connection)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        answer = client.post(url, form)
    assert answer.status_code == 503
    assert "go back and send the same form again" in answer.text
    assert not ReplyVersion.objects.exists()  # the transaction was rolled back
    assert any(r.name == "django.request" and r.exc_info for r in caplog.records)

    monkeypatch.undo()
    sent = client.post(url, form)
    assert sent.status_code == 302
    again = client.post(url, form)  # the browser's resend, once more
    assert again.status_code == 302
    (version,) = ReplyVersion.objects.all()
    assert version.idempotency_key == key
