"""A reply's comments on paragraphs and its visibility are covered by the signed receipt: the
focal point downloads the receipt and the comments, and the public verification page checks
both. Reply and comment texts are hand-written for the tests."""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEXT = "La France soutient un dialogue régulier avec les procédures spéciales du Conseil."
COMMENTS = [
    ("OP10", "Nous proposons des consultations annuelles."),
    ("PP1", "Référence bienvenue à la Charte."),
]


def _reply(open_call: Any, focal_point: Any) -> Any:
    from hrdialogue.web.submissions.services import submit_reply

    return submit_reply(
        actor=focal_point,
        consultation=open_call,
        idempotency_key="test-key-receipt-comments-01",
        text=TEXT,
        comments=COMMENTS,
        visibility="confidential",
    )


def _verify(client: Client, receipt: bytes, comments: bytes | None) -> Any:
    data: dict[str, Any] = {"receipt": SimpleUploadedFile("receipt.json", receipt)}
    if comments is not None:
        data["comments"] = SimpleUploadedFile("comments.json", comments)
    return client.post(reverse("submissions:verify"), data)


def test_the_receipt_covers_the_comments_and_the_visibility(
    client: Client, open_call: Any, france_focal_point: Any
) -> None:
    from hrdialogue.receipts import Receipt, load_public_key, verify_receipt
    from hrdialogue.web.submissions.signing import public_key_pem

    anchors = {a for a, _ in COMMENTS}
    version = _reply(open_call, france_focal_point)
    assert {c.anchor for c in version.comments.all()} == anchors
    receipt = Receipt.model_validate(version.receipt)
    assert (receipt.comments_count, receipt.visibility) == (2, "confidential")
    key = load_public_key(public_key_pem())
    assert verify_receipt(receipt, key, TEXT.encode("utf-8"), COMMENTS)

    client.force_login(france_focal_point)
    page = client.get(reverse("submissions:version", args=[version.pk]))
    assert receipt.comments_sha256 in page.text
    downloaded = client.get(reverse("submissions:comments", args=[version.pk]))
    assert downloaded.status_code == 200
    assert "attachment" in downloaded["Content-Disposition"]
    assert json.loads(downloaded.content) == [{"anchor": a, "text": t} for a, t in COMMENTS]
    receipt_file = client.get(reverse("submissions:receipt", args=[version.pk])).content

    client.logout()  # anyone may verify a receipt
    ok = _verify(client, receipt_file, downloaded.content)
    assert ok.status_code == 200
    assert "The comments given are the ones the receipt was issued for." in html.unescape(ok.text)
    edited = json.loads(downloaded.content)
    edited[0]["text"] = "Nous ne proposons rien."
    bad = _verify(client, receipt_file, json.dumps(edited).encode())
    text = html.unescape(bad.text)
    assert "This receipt is NOT valid." in text
    assert "the comments' SHA-256 differs" in text
    broken = _verify(client, receipt_file, b"not json")
    assert broken.status_code == 400
    assert "comments.json: not JSON" in html.unescape(broken.text)


def test_another_stakeholder_cannot_download_the_comments(
    client: Client, open_call: Any, france_focal_point: Any, russia_focal_point: Any
) -> None:
    version = _reply(open_call, france_focal_point)
    client.force_login(russia_focal_point)
    response = client.get(reverse("submissions:comments", args=[version.pk]))
    assert response.status_code in (403, 404)
    assert "Nous proposons" not in response.content.decode("utf-8", "replace")
