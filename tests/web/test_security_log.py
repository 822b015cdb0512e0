"""Security events (battery H1, H2): each event driven for real gives exactly one JSON line on
the `hrdialogue.security` logger with its time (UTC), request id, actor, organisation, object
and outcome; no password, session key, token or file content is ever in a line; a name with
CR/LF stays on its line. Reply texts are hand-written for the tests."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hrdialogue.web.audit.security import SECURITY_LOGGER, JsonLinesFormatter
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
FIELDS = {
    "time",
    "event",
    "outcome",
    "actor",
    "org",
    "object",
    "request_id",
    "method",
    "path",
    "detail",
}
REPLY = "La France soutient un dialogue régulier avec les procédures spéciales du Conseil."


class _Lines:
    """The formatted lines the security logger wrote during a test."""

    def __init__(self, stream: io.StringIO) -> None:
        self.stream = stream

    def all(self) -> list[str]:
        return self.stream.getvalue().splitlines()

    def events(self, name: str | None = None) -> list[dict[str, Any]]:
        found = [json.loads(line) for line in self.all()]
        return [e for e in found if name is None or e["event"] == name]


@pytest.fixture
def security_lines() -> Iterator[_Lines]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    SECURITY_LOGGER.addHandler(handler)
    try:
        yield _Lines(stream)
    finally:
        SECURITY_LOGGER.removeHandler(handler)


def _login(client: Client, email: str, password: str) -> Any:
    return client.post(LOGIN, {"username": email, "password": password})


def test_a_sign_in_is_one_line_with_every_field(
    client: Client, secretariat: Any, security_lines: _Lines
) -> None:
    response = _login(client, secretariat.email, PASSWORD)
    assert response.status_code == 302
    (event,) = security_lines.events()
    assert set(event) == FIELDS
    assert event["event"] == "login"
    assert event["outcome"] == "success"
    assert event["actor"] == secretariat.email
    assert event["method"] == "POST"
    assert event["path"] == LOGIN
    # the id the response gives the person is the one in the line
    assert event["request_id"] == response["X-Request-ID"]
    assert len(event["request_id"]) == 32
    at = dt.datetime.fromisoformat(event["time"].replace("Z", "+00:00"))
    assert at.utcoffset() == dt.timedelta(0)
    assert abs((dt.datetime.now(dt.UTC) - at).total_seconds()) < 60
    assert client.cookies["sessionid"].value not in security_lines.all()[0]
    assert PASSWORD not in security_lines.all()[0]


def test_failures_then_the_lockout_then_sign_out(
    client: Client, secretariat: Any, security_lines: _Lines
) -> None:
    for _ in range(5):
        _login(client, secretariat.email, "canary-wrong-password-71")
    failed = security_lines.events("login.failed")
    assert len(failed) == 5
    assert {(e["outcome"], e["actor"], e["detail"]["account"]) for e in failed} == {
        ("failure", "anonymous", secretariat.email)
    }
    assert len({e["request_id"] for e in failed}) == 5
    (locked,) = security_lines.events("login.locked-out")
    assert locked["outcome"] == "denied"
    assert locked["detail"]["account"] == secretariat.email

    other = Client()
    other.force_login(secretariat)
    other.post("/accounts/logout/")
    (out,) = security_lines.events("logout")
    assert out["actor"] == secretariat.email
    assert "canary-wrong-password-71" not in "\n".join(security_lines.all())


def test_a_refusal_is_logged_as_denied(
    client: Client, public_user: Any, security_lines: _Lines
) -> None:
    client.force_login(public_user)
    response = client.get(reverse("accounts:users"))
    assert response.status_code == 403
    (event,) = security_lines.events("access.denied")
    assert (event["actor"], event["outcome"], event["path"]) == (
        public_user.email,
        "denied",
        reverse("accounts:users"),
    )


def test_a_refused_upload_names_the_file_the_reason_and_the_organisation(
    open_call: Any, france_focal_point: Any, security_lines: _Lines
) -> None:
    from django.core.exceptions import ValidationError

    from hrdialogue.web.submissions.services import submit_reply

    with pytest.raises(ValidationError):
        submit_reply(
            actor=france_focal_point,
            consultation=open_call,
            idempotency_key="test-key-00000001-abcdef",
            upload=(b"plain words, not a document", "reply\r\nforged.docx"),
        )
    (event,) = security_lines.events("upload.refused")
    assert event["outcome"] == "failure"
    assert event["actor"] == france_focal_point.email
    assert event["org"] == str(france_focal_point.stakeholder)
    assert event["object"] == f"consultations.consultation:{open_call.pk}"
    assert event["detail"]["file"] == "reply\r\nforged.docx"
    assert event["detail"]["bytes"] == len(b"plain words, not a document")
    assert event["detail"]["reason"]
    # CR/LF in the name is escaped: the event is still one line
    assert len(security_lines.all()) == 1
    assert "plain words" not in security_lines.all()[0]  # never the file's content


def test_publication_and_a_confidential_download_and_an_export(
    open_call: Any,
    france_focal_point: Any,
    secretariat: Any,
    security_lines: _Lines,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    version = submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="test-key-00000002-abcdef",
        text=REPLY,
    )
    assert security_lines.events() == []  # a reply received is audited, not a security event

    client = Client()
    client.force_login(secretariat)
    assert client.get(reverse("submissions:original", args=[version.pk])).status_code == 200
    (download,) = security_lines.events("download")
    assert download["object"] == f"submissions.replyversion:{version.pk}"
    assert download["detail"] == {"file": "original"}
    assert download["actor"] == secretariat.email
    assert REPLY not in "\n".join(security_lines.all())

    from hrdialogue.web.api.services import issue_token

    with django_capture_on_commit_callbacks(execute=True):
        _, token = issue_token(actor=secretariat, user=secretariat, name="export")
    (issued,) = security_lines.events("api.issue-token")
    assert issued["actor"] == secretariat.email
    response = client.get("/api/exports/replies.json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.content[:300]
    (export,) = security_lines.events("export")
    assert export["detail"] == {"replies": 1, "unpublished": 1}
    assert export["actor"] == secretariat.email
    assert token not in "\n".join(security_lines.all())

    with django_capture_on_commit_callbacks(execute=True):
        publish_reply(actor=secretariat, reply=version.reply)
    (published,) = security_lines.events("submissions.publish")
    assert published["object"] == f"submissions.reply:{version.reply.pk}"
    assert published["actor"] == secretariat.email
    assert isinstance(published["detail"]["audit_sequence"], int)


def test_a_change_rolled_back_is_not_logged(secretariat: Any, security_lines: _Lines) -> None:
    from django.db import transaction

    from hrdialogue.web.audit.services import record_change

    class _Undone(Exception):
        pass

    def change_then_fail() -> None:
        with transaction.atomic():
            record_change(actor=secretariat, action="accounts.deactivate", target=secretariat)
            raise _Undone

    with pytest.raises(_Undone):
        change_then_fail()
    assert security_lines.events() == []


def test_the_api_is_answered_with_a_request_id(client: Client) -> None:
    response = client.get("/api/consultations")
    assert len(response["X-Request-ID"]) == 32
    assert client.get("/api/consultations")["X-Request-ID"] != response["X-Request-ID"]
