"""A focal point replies: versions, late replies as addenda, idempotency, empty PDFs flagged,
receipts that verify, visibility and publication. Reply texts are hand-written for the tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db

FRENCH = (
    "La France se félicite de la coopération entre les États et le Haut-Commissariat.\n"
    "Elle soutient un dialogue régulier avec les procédures spéciales du Conseil."
)
FRENCH_REVISED = FRENCH + "\nElle propose des consultations annuelles ouvertes à tous les États."
RUSSIAN = (
    "Российская Федерация поддерживает диалог и сотрудничество в правозащитном механизме.\n"
    "Следует уважать принципы универсальности, объективности и неизбирательности."
)


def _key(n: int) -> str:
    return f"test-key-{n:08d}-abcdef"


def _submit(actor: Any, consultation: Any, key: str, **kwargs: Any) -> Any:
    from hrdialogue.web.submissions.services import submit_reply

    kwargs.setdefault("text", FRENCH)
    return submit_reply(actor=actor, consultation=consultation, idempotency_key=key, **kwargs)


def _counts() -> tuple[int, int, int, int]:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.submissions.models import ParagraphComment, Reply, ReplyVersion

    return (
        Reply.objects.count(),
        ReplyVersion.objects.count(),
        ParagraphComment.objects.count(),
        AuditEntry.objects.filter(action__startswith="submissions.").count(),
    )


def test_revision_before_the_deadline_keeps_every_version(
    open_call: Any, france_focal_point: Any
) -> None:
    first = _submit(france_focal_point, open_call, _key(1), comments=[("OP10", "Soutien.")])
    second = _submit(france_focal_point, open_call, _key(2), text=FRENCH_REVISED)
    assert first.reply_id == second.reply_id
    assert (first.number, second.number) == (1, 2)
    reply = second.reply
    reply.refresh_from_db()
    assert reply.current_id == second.pk
    assert reply.late is False
    assert reply.language == "fr"
    assert [v.text for v in reply.versions.order_by("number")] == [FRENCH, FRENCH_REVISED]
    assert [c.anchor for c in first.comments.all()] == ["OP10"]
    # The typed text has three lines: three paragraphs, anchored R1.P1 … R1.P3.
    assert [p["anchor"] for p in second.paragraphs] == ["R1.P1", "R1.P2", "R1.P3"]
    assert _counts() == (1, 2, 1, 2)


def test_after_the_deadline_a_reply_is_accepted_as_a_late_addendum(
    open_call: Any, france_focal_point: Any
) -> None:
    on_time = _submit(france_focal_point, open_call, _key(1))
    after = dt.datetime.combine(
        open_call.reply_deadline + dt.timedelta(days=1), dt.time(9), tzinfo=dt.UTC
    )
    late = _submit(france_focal_point, open_call, _key(2), text=FRENCH_REVISED, now=after)
    assert late.reply_id != on_time.reply_id
    assert late.reply.late is True
    assert (on_time.reply.number, late.reply.number) == (1, 2)
    # The deadline day itself is on time.
    deadline_evening = dt.datetime.combine(open_call.reply_deadline, dt.time(23, 0), tzinfo=dt.UTC)
    third = _submit(france_focal_point, open_call, _key(3), now=deadline_evening)
    assert third.reply_id == on_time.reply_id


def test_the_same_idempotency_key_twice_gives_one_reply(
    open_call: Any, france_focal_point: Any
) -> None:
    first = _submit(france_focal_point, open_call, _key(7))
    again = _submit(france_focal_point, open_call, _key(7))
    assert again.pk == first.pk
    assert again.receipt == first.receipt
    assert _counts()[:2] == (1, 1)
    # the same key with other text (a form edited after it was sent) is refused, not taken
    # for the first version: the edit would look received and be lost
    from django.utils import translation

    with (
        translation.override("en"),
        pytest.raises(ValidationError, match="already sent, with other content"),
    ):
        _submit(france_focal_point, open_call, _key(7), text=FRENCH_REVISED)
    assert _counts()[:2] == (1, 1)


def test_another_stakeholder_cannot_reuse_a_key(
    open_call: Any, france_focal_point: Any, russia_focal_point: Any
) -> None:
    _submit(france_focal_point, open_call, _key(7))
    with pytest.raises(ValidationError):
        _submit(russia_focal_point, open_call, _key(7), text=RUSSIAN)
    assert _counts()[:2] == (1, 1)


@pytest.mark.django_db(transaction=True)
def test_the_same_key_sent_concurrently_gives_one_reply(
    open_call: Any, france_focal_point: Any
) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's shared in-memory test database locks out concurrent writers")
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def send() -> None:
        try:
            barrier.wait()
            results.append(_submit(france_focal_point, open_call, _key(9)).pk)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1
    assert _counts()[:2] == (1, 1)


def _blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # a drawing, no text: what a scanned page gives the reader
    return bytes(pdf.output())


def test_a_pdf_without_text_is_flagged_for_review_never_an_empty_reply(
    open_call: Any, france_focal_point: Any
) -> None:
    data = _blank_pdf()
    version = _submit(france_focal_point, open_call, _key(1), text="", upload=(data, "scan.pdf"))
    assert version.needs_review is True
    assert version.reply.needs_review is True
    assert version.source == "pdf"
    assert version.text == ""
    assert version.content_sha256 == hashlib.sha256(data).hexdigest()
    assert version.file_name == "scan.pdf"


def test_the_receipt_verifies_with_the_public_key_and_the_content(
    open_call: Any, france_focal_point: Any
) -> None:
    from hrdialogue.receipts import Receipt, load_public_key, verify_receipt
    from hrdialogue.web.submissions.signing import public_key_pem

    version = _submit(france_focal_point, open_call, _key(1))
    receipt = Receipt.model_validate(version.receipt)
    key = load_public_key(public_key_pem())
    assert receipt.stakeholder == "fra"
    assert verify_receipt(receipt, key, FRENCH.encode("utf-8"))
    assert not verify_receipt(receipt, key, FRENCH_REVISED.encode("utf-8"))


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = "Canary Author 4711"
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_reply_is_split_into_anchored_paragraphs(
    open_call: Any, russia_focal_point: Any
) -> None:
    data = _docx(RUSSIAN.split("\n"))
    version = _submit(russia_focal_point, open_call, _key(1), text="", upload=(data, "ответ.docx"))
    assert version.source == "docx"
    assert version.language == "ru"
    assert [p["anchor"] for p in version.paragraphs] == ["R1.P1", "R1.P2"]
    assert version.paragraphs[1]["text"].startswith("Следует уважать")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "   "}, "text"),
        ({"text": FRENCH, "upload": (b"%PDF-1.4", "x.pdf")}, "text"),
        ({"text": "", "upload": (b"", "empty.docx")}, "file"),
        ({"text": "", "upload": (b"plain words, not a document", "reply.docx")}, "file"),
        ({"comments": [("OP99", "Nothing there.")]}, "comments"),
        ({"comments": [("OP10", "")]}, "comments"),
        ({"visibility": "secret"}, "visibility"),
        ({"text": "Die Bundesregierung begrüßt den Dialog und die Zusammenarbeit sehr."}, "text"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    open_call: Any, france_focal_point: Any, kwargs: dict[str, Any], field: str
) -> None:
    before = _counts()
    with pytest.raises(ValidationError) as refused:
        _submit(france_focal_point, open_call, _key(1), **kwargs)
    assert field in refused.value.message_dict
    assert _counts() == before


def test_who_is_not_a_consultee_focal_point_cannot_reply(
    open_call: Any, public_user: Any, make_user: Any
) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    stranger = make_user(
        "focal-point",
        "fp-ngo@example.org",
        Stakeholder.objects.create(code="demo-ngo-x", kind="ngo", name="Demo NGO X (fictional)"),
    )
    open_call.consultees.remove(stranger.stakeholder)
    for actor in (public_user, stranger):
        with pytest.raises(ValidationError):
            _submit(actor, open_call, _key(1))
    assert _counts() == (0, 0, 0, 0)


def test_visibility_two_focal_points_and_publication(
    open_call: Any, france_focal_point: Any, russia_focal_point: Any, secretariat: Any
) -> None:
    from django.contrib.auth.models import AnonymousUser

    from hrdialogue.web.submissions.services import (
        publish_reply,
        published_replies,
        visible_replies,
    )

    french = _submit(france_focal_point, open_call, _key(1), visibility="confidential").reply
    russian = _submit(russia_focal_point, open_call, _key(2), text=RUSSIAN).reply
    assert set(visible_replies(france_focal_point)) == {french}
    assert set(visible_replies(russia_focal_point)) == {russian}
    assert set(visible_replies(secretariat)) == {french, russian}
    assert list(visible_replies(AnonymousUser())) == []
    with pytest.raises(ValidationError):
        publish_reply(actor=secretariat, reply=french)  # confidential: never published
    publish_reply(actor=secretariat, reply=russian)
    assert set(visible_replies(france_focal_point)) == {french, russian}
    assert list(visible_replies(AnonymousUser())) == [russian]
    assert list(published_replies(open_call)) == [russian]
    # A new version after publication is not public until published again.
    _submit(russia_focal_point, open_call, _key(3), text=RUSSIAN + "\nДополнение.")
    russian.refresh_from_db()
    assert russian.published_version.number == 1
    assert russian.current.number == 2


def test_published_docx_has_its_metadata_stripped(
    open_call: Any, russia_focal_point: Any, secretariat: Any
) -> None:
    from hrdialogue.web.submissions.blobs import read_blob
    from hrdialogue.web.submissions.services import publish_reply

    data = _docx(RUSSIAN.split("\n"))
    version = _submit(russia_focal_point, open_call, _key(1), text="", upload=(data, "r.docx"))
    assert b"Canary Author 4711" in _core_xml(read_blob(version.file_key))
    reply = publish_reply(actor=secretariat, reply=version.reply)
    published = read_blob(reply.published_file)
    assert b"Canary Author 4711" not in _core_xml(published)
    assert b"Canary Author 4711" in _core_xml(read_blob(version.file_key))  # the record stays


def _core_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("docProps/core.xml")
