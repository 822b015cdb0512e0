"""Uploads are held to their limits while they arrive: past the limit nothing more is stored,
and the form names the file, its size and the limit (never a traceback, never a record)."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.test import Client, RequestFactory
from django.test.client import encode_multipart
from django.urls import reverse

from hrdialogue.web.pages.uploads import LimitedUploadHandler, RefusedUpload

pytestmark = pytest.mark.django_db


class _Recorder(MemoryFileUploadHandler):
    """The handler after the limit: records how many bytes of each file reached it."""

    stored: dict[str, int]

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        super().handle_raw_input(*args, **kwargs)
        self.activated = True  # keep every file in memory, whatever its size
        self.stored = {}

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        name = self.file_name or ""
        self.stored[name] = self.stored.get(name, 0) + len(raw_data)
        return super().receive_data_chunk(raw_data, start)


def _parse(settings: Any, files: dict[str, tuple[str, int]], limit: int) -> tuple[Any, _Recorder]:
    settings.UPLOAD_MAX_BYTES = limit
    boundary = "hrdialogue-test-boundary"
    data = {field: SimpleUploadedFile(name, b"x" * size) for field, (name, size) in files.items()}
    body = encode_multipart(boundary, {**data, "note": "kept"})
    request = RequestFactory().post(
        "/", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    recorder = _Recorder(request)
    request.upload_handlers = [LimitedUploadHandler(request), recorder]
    request.FILES  # noqa: B018 - parses the body through the handlers
    return request, recorder


def test_past_the_limit_nothing_more_of_the_file_is_stored(settings: Any) -> None:
    request, recorder = _parse(
        settings, {"big": ("big.pdf", 300_000), "small": ("small.pdf", 1_000)}, limit=100_000
    )
    big, small = request.FILES["big"], request.FILES["small"]
    assert isinstance(big, RefusedUpload)
    assert (big.name, big.size) == ("big.pdf", 300_000)  # the whole file was counted
    # the handler after the limit received at most the limit and one chunk (64 KiB) of it
    assert recorder.stored["big.pdf"] <= 100_000 + 64 * 1024
    assert recorder.stored["big.pdf"] < 300_000
    with pytest.raises(RuntimeError, match="no content"):
        big.read()
    assert not isinstance(small, RefusedUpload)
    assert small.read() == b"x" * 1_000  # a file under the limit is untouched
    assert request.POST["note"] == "kept"


def test_a_file_at_the_limit_is_accepted(settings: Any) -> None:
    request, _ = _parse(settings, {"file": ("exact.docx", 50_000)}, limit=50_000)
    assert not isinstance(request.FILES["file"], RefusedUpload)
    assert request.FILES["file"].size == 50_000


def _is_refused_in_page(response: Any, name: str, limit_mb: str) -> None:
    assert response.status_code == 400
    text = html.unescape(response.text)
    assert f"“{name}” is" in text
    assert f"over the {limit_mb} MB limit for this file" in text


def test_a_resolution_over_the_limit_is_refused_before_the_reader_and_nothing_is_stored(
    client: Client, secretariat: Any, settings: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.resolutions.models import ResolutionDocument

    settings.UPLOAD_MAX_BYTES = 1_000_000
    client.force_login(secretariat)
    response = client.post(
        reverse("resolutions:upload"),
        {"file": SimpleUploadedFile("huge.txt", b"a" * 1_500_000), "language": "en"},
    )
    _is_refused_in_page(response, "huge.txt", "1")
    assert "1.5 MB" in html.unescape(response.text)
    assert not ResolutionDocument.objects.exists()
    assert not AuditEntry.objects.filter(action="resolutions.upload").exists()


def test_a_resolution_over_its_own_limit_is_refused_by_the_form(
    client: Client, secretariat: Any, settings: Any
) -> None:
    from hrdialogue.web.resolutions.models import ResolutionDocument

    settings.RESOLUTION_UPLOAD_MAX_BYTES = 200_000  # the handler's limit stays higher
    client.force_login(secretariat)
    response = client.post(
        reverse("resolutions:upload"),
        {"file": SimpleUploadedFile("long.txt", b"a" * 250_000), "language": "en"},
    )
    _is_refused_in_page(response, "long.txt", "0.2")
    assert not ResolutionDocument.objects.exists()


def test_a_reply_over_the_limit_is_refused_and_no_reply_is_recorded(
    client: Client, consultation: Any, france_focal_point: Any, secretariat: Any, settings: Any
) -> None:
    from hrdialogue.web.consultations.services import advance_phase
    from hrdialogue.web.submissions.models import Reply

    advance_phase(actor=secretariat, consultation=consultation, to="open")
    settings.REPLY_UPLOAD_MAX_BYTES = 100_000
    client.force_login(france_focal_point)
    url = reverse("submissions:reply", args=[consultation.pk])
    page = client.get(url)
    assert page.status_code == 200
    key = page.context["form"].initial["idempotency_key"]
    response = client.post(
        url,
        {
            "idempotency_key": key,
            "text": "",
            "file": SimpleUploadedFile("reply.pdf", b"%PDF-1.7\n" + b"0" * 200_000),
            "visibility": "public",
        },
    )
    _is_refused_in_page(response, "reply.pdf", "0.1")
    assert not Reply.objects.exists()


def test_the_message_is_in_the_users_language(
    client: Client, secretariat: Any, settings: Any
) -> None:
    settings.UPLOAD_MAX_BYTES = 1_000_000
    client.force_login(secretariat)
    client.cookies["django_language"] = "fr"
    response = client.post(
        reverse("resolutions:upload"),
        {"file": SimpleUploadedFile("énorme.txt", b"a" * 1_500_000), "language": "en"},
    )
    assert response.status_code == 400
    # Written from the French catalog entry, not from the page:
    assert "« énorme.txt » fait 1,5 Mo" in html.unescape(response.text)
