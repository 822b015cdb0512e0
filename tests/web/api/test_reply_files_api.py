"""Replies sent as files through the API (multipart/form-data): DOCX and PDF go through the one
intake service (read in the sandbox), with the same idempotency, receipts and refusals as
typed replies. Reply texts are hand-written; the files are made here."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.documents.makedocs import make_blank_pdf, make_pdf, split_pages

pytestmark = pytest.mark.django_db

# Hand-written (not from any State's reply).
PARAGRAPHS = [
    "La France remercie le Secrétaire général de cette consultation.",
    "Elle propose que le dialogue avec les organisations régionales soit renforcé et que les "
    "institutions nationales des droits de l'homme soient entendues.",
]


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def post_file(client: Any, replies_world: dict[str, Any]) -> Callable[..., Any]:
    def post(
        role: str,
        data: bytes,
        name: str = "reply.docx",
        key: str | None = None,
        **fields: str,
    ) -> Any:
        headers = {"Idempotency-Key": key or uuid.uuid4().hex}
        if role != "anonymous":
            headers["Authorization"] = f"Bearer {replies_world['tokens'][role]}"
        return client.post(
            f"/api/consultations/{replies_world['consultation'].pk}/replies/file",
            {"file": SimpleUploadedFile(name, data), **fields},
            headers=headers,
        )

    return post


def test_a_docx_reply_is_accepted_with_a_receipt_for_the_files_bytes(
    post_file: Callable[..., Any],
) -> None:
    from hrdialogue.receipts import Receipt, find_receipt_problem
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.submissions.models import ReplyVersion
    from hrdialogue.web.submissions.signing import signing_key

    data = _docx(PARAGRAPHS)
    key = uuid.uuid4().hex
    comments = [{"anchor": "OP10", "text": "Sur la consultation."}]
    response = post_file("focal_fra", data, key=key, comments=json.dumps(comments))
    assert response.status_code == 201, response.content
    reply = response.json()
    # France's on-time reply is R1 (typed in the fixture): the file is its second version.
    assert (reply["label"], reply["version"], reply["source"]) == ("R1", 2, "docx")
    assert reply["language"] == "fr"
    assert reply["needs_review"] is False
    for paragraph in PARAGRAPHS:
        assert paragraph in reply["text"]
    assert reply["comments"] == comments
    receipt = Receipt.model_validate(reply["receipt"])
    assert receipt.content_sha256 == hashlib.sha256(data).hexdigest()
    assert find_receipt_problem(receipt, signing_key().public_key(), data) is None
    version = ReplyVersion.objects.get(idempotency_key=key)
    assert version.file_name == "reply.docx"
    audited = AuditEntry.objects.filter(action="submissions.submit", target_id=str(version.pk))
    assert audited.exists()


def test_a_pdf_reply_is_read_and_a_scan_is_kept_for_review(post_file: Callable[..., Any]) -> None:
    text = "\n".join(PARAGRAPHS)
    response = post_file("focal_fra", make_pdf(split_pages(text)), name="reply.pdf")
    assert response.status_code == 201, response.content
    assert response.json()["source"] == "pdf"
    assert "Secrétaire général" in response.json()["text"]
    scan = post_file("focal_ngo", make_blank_pdf(), name="scan.pdf")
    assert scan.status_code == 201, scan.content
    assert scan.json()["needs_review"] is True
    assert scan.json()["text"] == ""


def test_a_retry_returns_the_same_reply_and_another_file_under_the_key_is_refused(
    post_file: Callable[..., Any],
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    key = uuid.uuid4().hex
    data = _docx(PARAGRAPHS)
    first = post_file("focal_fra", data, key=key)
    again = post_file("focal_fra", data, key=key)
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    other = post_file("focal_fra", _docx([*PARAGRAPHS, "Et encore."]), key=key)
    assert other.status_code == 422
    assert "Idempotency-Key" in other.json()["detail"]
    assert post_file("focal_fra", data, key=key, visibility="confidential").status_code == 422
    assert ReplyVersion.objects.filter(idempotency_key=key).count() == 1


@pytest.mark.parametrize(
    ("data", "name", "says"),
    [
        (b"MZ\x90\x00 not a document at all", "reply.exe", "not a PDF or a DOCX"),
        (b"", "empty.docx", "empty"),
        (b"Plain text is typed, not uploaded.", "reply.txt", "not a PDF or a DOCX"),
    ],
)
def test_a_file_that_is_not_a_docx_or_pdf_is_refused_with_the_reason(
    post_file: Callable[..., Any], data: bytes, name: str, says: str
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    before = ReplyVersion.objects.count()
    response = post_file("focal_fra", data, name=name)
    assert response.status_code == 422
    assert says in response.json()["detail"]
    assert ReplyVersion.objects.count() == before


def test_a_file_over_the_limit_is_refused_and_not_stored(
    post_file: Callable[..., Any], settings: Any
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    settings.REPLY_UPLOAD_MAX_BYTES = 10_000
    data = _docx(PARAGRAPHS * 200)
    assert len(data) > 10_000
    before = ReplyVersion.objects.count()
    response = post_file("focal_fra", data, name="long.docx")
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert "long.docx" in detail
    assert "10000" in detail
    assert ReplyVersion.objects.count() == before


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"comments": "not json"}, "comments"),
        ({"comments": json.dumps([{"anchor": "OP99", "text": "x"}])}, "OP99"),
        ({"visibility": "secret"}, "visibility"),
    ],
)
def test_bad_form_fields_are_refused_with_their_reason(
    post_file: Callable[..., Any], fields: dict[str, str], says: str
) -> None:
    response = post_file("focal_fra", _docx(PARAGRAPHS), **fields)
    assert response.status_code == 422
    assert says in str(response.json()["detail"])


@pytest.mark.parametrize(("role", "status"), [("anonymous", 401), ("focal_other", 403)])
def test_only_a_consultees_focal_point_may_send_a_file(
    post_file: Callable[..., Any], role: str, status: int
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    before = ReplyVersion.objects.count()
    assert post_file(role, _docx(PARAGRAPHS)).status_code == status
    assert ReplyVersion.objects.count() == before
