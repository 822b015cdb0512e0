"""The reply store is full (ENOSPC from the kernel as the file is written and synced): the
visitor gets a 503 with `Retry-After` and a message that says nothing was recorded, in their
language; no reply, version or audit entry is written, and no temporary file is left."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

REPLY = "La France se félicite de la coopération entre les États et le Haut-Commissariat."


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """`fsync` of a new blob answers as a full disk does (the write itself may be buffered)."""
    from hrdialogue.web.submissions import blobs

    def no_room(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(blobs.os, "fsync", no_room)


def _docx() -> bytes:
    from tests.documents.hostile import plain_docx

    return plain_docx([REPLY, REPLY])


def _nothing_recorded(settings: Any, audit_before: int) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.submissions.models import Reply, ReplyVersion

    assert not ReplyVersion.objects.exists()
    assert not Reply.objects.exists()
    assert AuditEntry.objects.count() == audit_before
    # neither this file's blob nor a temporary file is left in the store (other tests' blobs
    # may be there: the store is shared by the run)
    root = Path(settings.MEDIA_ROOT) / "replies"
    key = hashlib.sha256(_docx()).hexdigest()
    left = [p.name for p in root.rglob("*") if p.name.startswith(".incoming-") or p.name == key]
    assert left == []


def test_a_reply_upload_to_a_full_store_is_a_503_and_nothing_is_recorded(
    client: Client, open_call: Any, france_focal_point: Any, settings: Any, full_disk: None
) -> None:
    from hrdialogue.web.audit.models import AuditEntry

    client.force_login(france_focal_point)
    client.cookies["django_language"] = "fr"
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    before = AuditEntry.objects.count()
    response = client.post(
        url,
        {
            "idempotency_key": key,
            "text": "",
            "file": SimpleUploadedFile("reponse.docx", _docx()),
            "visibility": "public",
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "600"
    assert "Rien n’a été enregistré" in response.text
    _nothing_recorded(settings, before)


def test_the_api_answers_a_full_store_with_json(
    client: Client, open_call: Any, france_focal_point: Any, settings: Any, full_disk: None
) -> None:
    from hrdialogue.web.api.services import issue_token
    from hrdialogue.web.audit.models import AuditEntry

    _token, raw = issue_token(actor=france_focal_point, user=france_focal_point, name="system")
    before = AuditEntry.objects.count()
    response = client.post(
        f"/api/consultations/{open_call.pk}/replies/file",
        {"file": SimpleUploadedFile("reply.docx", _docx()), "visibility": "public"},
        headers={"Authorization": f"Bearer {raw}", "Idempotency-Key": "k" * 32},
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "600"
    assert "Nothing was recorded" in response.json()["detail"]
    _nothing_recorded(settings, before)
