"""Fail closed (reliability battery, H3): an exception inside the permission check of a reply
denies, never allows; the 500 page says nothing of the code, the database or the settings,
and the error is logged; an exception inside the upload reader refuses the file and stores
nothing.

The exceptions are forced by replacing the functions of the reply predicates
(`submissions.rules`) and the reader call (`submissions.intake._extract`) for one test.
Reply texts are hand-written.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEXT = "Texte écrit pour ce test : la France soutient un dialogue annuel entre les États."
# What the forced error says: SQL, a settings name and a path, none of which may reach a page.
LEAK = (
    'relation "submissions_reply" does not exist LINE 1: SELECT "submissions_reply"."id" '
    "FROM submissions_reply (SECRET_KEY, DATABASES, /srv/hrdialogue/settings.py)"
)
# Marks of a debug page, a traceback or settings (Django's technical 500 page shows them all).
TELLTALES = [
    "Traceback",
    "DatabaseError",
    "RuntimeError",
    "SELECT",
    "submissions_reply",
    "SECRET_KEY",
    "DATABASES",
    "settings.py",
    "site-packages",
    "hrdialogue/web",
    "Request Method",
    "Django Version",
]


@pytest.fixture
def published(open_call: Any, france_focal_point: Any, secretariat: Any) -> Any:
    """France's reply, typed, public and published."""
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    version = submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="a" * 32,
        text=TEXT,
        visibility="public",
    )
    publish_reply(actor=secretariat, reply=version.reply)
    return version


@pytest.fixture
def broken_predicates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every reply predicate that a visitor who is not staff reaches raises: the permission
    store is down, or a bug in a predicate."""
    from hrdialogue.web.submissions import rules as reply_rules

    def fail(*args: Any) -> bool:
        raise DatabaseError(LEAK)

    for name in ("is_own_reply", "is_published_reply"):
        predicate = getattr(reply_rules, name)
        monkeypatch.setattr(predicate, "fn", fail)


def _visitor(who: str, request: Any) -> Client:
    client = Client(raise_request_exception=False)  # as a browser sees it
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def _pages(version: Any) -> dict[str, str]:
    return {
        "detail": reverse("submissions:detail", args=[version.reply_id]),
        "published file": reverse("submissions:published_file", args=[version.reply_id]),
        "version": reverse("submissions:version", args=[version.pk]),
        "original": reverse("submissions:original", args=[version.pk]),
        "receipt": reverse("submissions:receipt", args=[version.pk]),
        "comments": reverse("submissions:comments", args=[version.pk]),
        "API reply": f"/api/replies/{version.reply_id}",
    }


@pytest.mark.parametrize("who", ["anonymous", "public_user", "russia_focal_point"])
def test_an_exception_in_the_permission_check_denies(
    who: str,
    request: pytest.FixtureRequest,
    published: Any,
    broken_predicates: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Before the failure each of these visitors reads the published reply (the first two
    pages); with it, every page of the reply answers 404 or 500, never the reply."""
    client = _visitor(who, request)
    answers = {}
    with caplog.at_level(logging.ERROR, logger="django.request"):
        for page, url in _pages(published).items():
            answers[page] = client.get(url)
    for page, answer in answers.items():
        body = answer.content.decode("utf-8", "replace")
        assert answer.status_code in (403, 404, 500), (page, answer.status_code)
        assert "la France soutient un dialogue annuel" not in body, page
        for telltale in TELLTALES:
            assert telltale not in body, (page, telltale)
    failed = [page for page, answer in answers.items() if answer.status_code == 500]
    assert failed, "the predicates were never reached"
    logged = [r for r in caplog.records if r.name == "django.request" and r.levelno >= 40]
    assert len(logged) == len(failed)
    for record in logged:
        assert record.exc_info is not None
        assert isinstance(record.exc_info[1], DatabaseError)  # the cause, for the operators


@pytest.mark.parametrize("who", ["anonymous", "public_user", "russia_focal_point"])
def test_without_the_failure_the_same_visitors_read_the_published_reply(
    who: str, request: pytest.FixtureRequest, published: Any
) -> None:
    """The control: the test above is not passing because these visitors are refused anyway."""
    client = _visitor(who, request)
    detail = client.get(reverse("submissions:detail", args=[published.reply_id]))
    assert detail.status_code == 200
    assert "la France soutient un dialogue annuel" in detail.text
    api = client.get(f"/api/replies/{published.reply_id}")
    assert api.status_code == 200


def test_the_500_page_is_generic_and_carries_the_request_id(
    published: Any, broken_predicates: None, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        answer = client.get(reverse("submissions:detail", args=[published.reply_id]))
    assert answer.status_code == 500
    assert "Something went wrong on our side. The error was recorded" in answer.text
    assert re.fullmatch(r"[0-9a-f]{32}", answer["X-Request-ID"])
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == f"Internal Server Error: /replies/{published.reply_id}/"


# --- an exception in the upload reader ---------------------------------------------------------


def _minimal_pdf() -> bytes:
    """A hand-written one-page PDF (its bytes are never read: the reader is replaced)."""
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def broken_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdialogue.web.submissions import intake

    def crash(data: bytes, name: str) -> Any:
        raise RuntimeError(LEAK)

    monkeypatch.setattr(intake, "_extract", crash)


def _stored() -> tuple[bool, set[Path]]:
    """Whether any reply row exists, and the files under MEDIA_ROOT (shared by the run's tests:
    compared before and after)."""
    from django.conf import settings

    from hrdialogue.web.submissions.models import Reply, ReplyVersion

    rows = Reply.objects.exists() or ReplyVersion.objects.exists()
    return rows, {p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}


def test_an_exception_in_the_upload_reader_refuses_the_file_and_stores_nothing(
    open_call: Any,
    france_focal_point: Any,
    broken_reader: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hrdialogue.web.audit.models import AuditEntry

    entries = AuditEntry.objects.count()
    _rows, files = _stored()
    client = Client(raise_request_exception=False)
    client.force_login(france_focal_point)
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    upload = SimpleUploadedFile("reply.pdf", _minimal_pdf(), content_type="application/pdf")
    with caplog.at_level(logging.ERROR):
        answer = client.post(
            url, {"idempotency_key": key, "text": "", "visibility": "public", "file": upload}
        )
    assert answer.status_code == 400
    assert "The file could not be read." in answer.text
    for telltale in TELLTALES:
        assert telltale not in answer.text, telltale
    assert _stored() == (False, files)
    assert AuditEntry.objects.count() == entries  # no submission entry
    crashed = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert crashed, "the reader's failure is logged with its traceback for the operators"


def test_an_exception_in_the_upload_reader_refuses_the_api_upload_too(
    open_call: Any, france_focal_point: Any, broken_reader: None
) -> None:
    import uuid

    from django.core.files.uploadedfile import SimpleUploadedFile

    from hrdialogue.web.api.services import issue_token

    _token, raw = issue_token(actor=None, user=france_focal_point, name="tests")
    _rows, files = _stored()
    answer = Client(raise_request_exception=False).post(
        f"/api/consultations/{open_call.pk}/replies/file",
        {
            "file": SimpleUploadedFile("reply.pdf", _minimal_pdf(), "application/pdf"),
            "visibility": "public",
        },
        headers={"Authorization": f"Bearer {raw}", "Idempotency-Key": uuid.uuid4().hex},
    )
    assert answer.status_code in (400, 422), answer.content
    assert "The file could not be read." in answer.text
    for telltale in TELLTALES:
        assert telltale not in answer.text, telltale
    assert _stored() == (False, files)
