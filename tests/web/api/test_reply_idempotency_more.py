"""An Idempotency-Key stands for the request it was first used with: the consultation, the
text (or file), the visibility and the comments. An exact retry replays the version that
request was accepted as, even after later versions changed the reply; any difference is
refused with 422 naming it, never replayed with the difference dropped.

And text no database can store (NUL, which PostgreSQL refuses, a lone surrogate, which
UTF-8 cannot encode) is refused with 422 naming the field, not accepted on SQLite and a 500
on PostgreSQL. Reply texts are hand-written (tests/web/api/conftest.py and here)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from tests.web.api.conftest import FRANCE_TEXT
from tests.web.api.test_reply_files_api import PARAGRAPHS, _docx

pytestmark = pytest.mark.django_db

FRANCE_V2 = (
    "La France remercie le Secrétaire général. Elle propose que les consultations "
    "régionales soient ouvertes aux institutions nationales des droits de l'homme."
)


@pytest.fixture
def post_reply(client: Any, replies_world: dict[str, Any]) -> Callable[..., Any]:
    def post(role: str, body: dict[str, Any] | str, key: str, consultation: Any = None) -> Any:
        pk = (consultation or replies_world["consultation"]).pk
        return client.post(
            f"/api/consultations/{pk}/replies",
            body,
            content_type="application/json",
            headers={
                "Authorization": f"Bearer {replies_world['tokens'][role]}",
                "Idempotency-Key": key,
            },
        )

    return post


def _versions(code: str = "fra") -> int:
    from hrdialogue.web.submissions.models import ReplyVersion

    return ReplyVersion.objects.filter(reply__stakeholder__code=code).count()


def test_a_retry_of_a_first_version_after_a_second_changed_the_visibility_is_replayed(
    post_reply: Callable[..., Any],
) -> None:
    first_key, second_key = uuid.uuid4().hex, uuid.uuid4().hex
    first_body = {"text": FRANCE_V2, "visibility": "public"}
    first = post_reply("focal_fra", first_body, first_key)
    second = post_reply("focal_fra", {"text": FRANCE_TEXT, "visibility": "anonymous"}, second_key)
    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json()["version"], second.json()["version"]) == (2, 3)  # v1 in the fixture
    before = _versions()

    retry = post_reply("focal_fra", first_body, first_key)
    assert retry.status_code == 201, retry.content
    assert retry["Idempotent-Replayed"] == "true"
    # The answer is the one the first request got: its version, its visibility, its text
    # (only the count of versions has grown since).
    assert {**retry.json(), "versions": 2} == first.json()
    assert retry.json()["versions"] == 3
    assert (retry.json()["version"], retry.json()["visibility"]) == (2, "public")
    assert _versions() == before


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"comments": [{"anchor": "OP10", "text": "Un autre commentaire."}]}, "comments"),
        ({"comments": []}, "comments"),
        ({"visibility": "confidential"}, "visibility"),
        ({"text": FRANCE_V2 + " Et encore."}, "text"),
    ],
)
def test_the_same_key_with_a_difference_is_refused_naming_it(
    post_reply: Callable[..., Any], change: dict[str, Any], named: str
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    key = uuid.uuid4().hex
    body = {
        "text": FRANCE_V2,
        "visibility": "anonymous",
        "comments": [{"anchor": "OP11", "text": "Sur la session."}],
    }
    assert post_reply("focal_fra", body, key).status_code == 201
    before = _versions()
    refused = post_reply("focal_fra", {**body, **change}, key)
    assert refused.status_code == 422, refused.content
    detail = refused.json()["detail"]
    assert "Idempotency-Key" in detail
    assert f"another {named}:" in detail
    assert "Idempotent-Replayed" not in refused
    assert _versions() == before
    stored = ReplyVersion.objects.get(idempotency_key=key)
    assert [(c.anchor, c.text) for c in stored.comments.all()] == [("OP11", "Sur la session.")]


def test_every_difference_is_named(post_reply: Callable[..., Any]) -> None:
    key = uuid.uuid4().hex
    assert post_reply("focal_fra", {"text": FRANCE_V2}, key).status_code == 201
    changed = {
        "text": FRANCE_TEXT,
        "visibility": "anonymous",
        "comments": [{"anchor": "OP10", "text": "Sur le paragraphe."}],
    }
    refused = post_reply("focal_fra", changed, key)
    assert refused.status_code == 422
    assert "another text, visibility, comments:" in refused.json()["detail"]


def test_a_retry_whose_comments_differ_only_in_spacing_is_replayed(
    post_reply: Callable[..., Any],
) -> None:
    """The service keeps a comment stripped, as the receipt signs it: a retry with the same
    comments spaced otherwise, or with an empty pair, asks for the same reply."""
    key = uuid.uuid4().hex
    body = {"text": FRANCE_V2, "comments": [{"anchor": "OP10", "text": "Sur le dialogue."}]}
    first = post_reply("focal_fra", body, key)
    assert first.status_code == 201
    spaced = {
        "text": FRANCE_V2 + "\n",
        "comments": [
            {"anchor": " OP10", "text": "Sur le dialogue.  "},
            {"anchor": "", "text": " "},
        ],
    }
    retry = post_reply("focal_fra", spaced, key)
    assert retry.status_code == 201, retry.content
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()


def test_the_same_key_on_another_consultation_is_refused(
    post_reply: Callable[..., Any], replies_world: dict[str, Any]
) -> None:
    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.consultations.services import open_consultation

    other = open_consultation(
        actor=None, document=replies_world["document"], mandate_index=0, title="C2"
    )
    first = replies_world["consultation"]
    Consultation.objects.filter(pk=other.pk).update(
        phase="open", opens_on=first.opens_on, reply_deadline=first.reply_deadline
    )
    key = uuid.uuid4().hex
    assert post_reply("focal_fra", {"text": FRANCE_V2}, key).status_code == 201
    refused = post_reply("focal_fra", {"text": FRANCE_V2}, key, consultation=other)
    assert refused.status_code == 422
    assert "another consultation:" in refused.json()["detail"]
    assert not other.replies.exists()


def test_another_stakeholders_key_is_refused_without_saying_what_it_was_for(
    post_reply: Callable[..., Any],
) -> None:
    key = uuid.uuid4().hex
    assert post_reply("focal_fra", {"text": FRANCE_V2}, key).status_code == 201
    refused = post_reply("focal_ngo", {"text": FRANCE_V2 + " Autre."}, key)
    assert refused.status_code == 422
    assert refused.json()["detail"] == "This Idempotency-Key was already used for another reply."


def test_a_file_retried_with_other_comments_is_refused_and_an_exact_retry_replayed(
    client: Any, replies_world: dict[str, Any]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = _docx(PARAGRAPHS)
    key = uuid.uuid4().hex
    url = f"/api/consultations/{replies_world['consultation'].pk}/replies/file"
    headers = {
        "Authorization": f"Bearer {replies_world['tokens']['focal_fra']}",
        "Idempotency-Key": key,
    }

    def post(comments: list[dict[str, str]]) -> Any:
        fields = {"visibility": "anonymous", "comments": json.dumps(comments)}
        upload = SimpleUploadedFile("reply.docx", data)
        return client.post(url, {"file": upload, **fields}, headers=headers)

    comments = [{"anchor": "OP10", "text": "Sur la consultation."}]
    first = post(comments)
    assert first.status_code == 201, first.content
    refused = post([{"anchor": "OP10", "text": "Un autre."}])
    assert refused.status_code == 422
    assert "another comments:" in refused.json()["detail"]
    again = post(comments)
    assert again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()


# Text no database can store.

FRENCH = "La France se félicite de la coopération entre les États et le Haut-Commissariat."
TEXT_BODY = {"text": f"{FRENCH} @@ fin."}
COMMENT_BODY = {"text": FRENCH, "comments": [{"anchor": "OP10", "text": "a@@b"}]}


def _escaped(body: dict[str, Any], escape: str) -> str:
    """`body` as JSON with the JSON escape `escape` (`\\u0000`) where `@@` stands."""
    return json.dumps(body, ensure_ascii=False).replace("@@", escape)


@pytest.mark.parametrize(("body", "field"), [(TEXT_BODY, "text"), (COMMENT_BODY, "comments")])
def test_a_nul_in_a_typed_reply_is_refused_naming_the_field(
    post_reply: Callable[..., Any], body: dict[str, Any], field: str
) -> None:
    before = _versions()
    refused = post_reply("focal_fra", _escaped(body, "\\u0000"), uuid.uuid4().hex)
    assert refused.status_code == 422
    assert refused["Content-Type"].startswith("application/json")
    detail = refused.json()["detail"]
    assert detail.startswith(f"{field}: ")
    assert "U+0000" in detail
    assert _versions() == before


@pytest.mark.parametrize(("body", "escape"), [(TEXT_BODY, "\\ud800"), (COMMENT_BODY, "\\udfff")])
def test_a_lone_surrogate_in_a_typed_reply_is_refused(
    post_reply: Callable[..., Any], body: dict[str, Any], escape: str
) -> None:
    before = _versions()
    refused = post_reply("focal_fra", _escaped(body, escape), uuid.uuid4().hex)
    assert refused.status_code == 422
    assert refused["Content-Type"].startswith("application/json")
    assert _versions() == before


def test_the_refusal_speaks_the_users_language(replies_world: dict[str, Any]) -> None:
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from hrdialogue.web.submissions.services import submit_reply

    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        submit_reply(
            actor=replies_world["users"]["focal_fra"],
            consultation=replies_world["consultation"],
            idempotency_key=uuid.uuid4().hex,
            text="Bonjour\x00",
        )
    # Django's own message, as its French catalog has it; the place after it.
    assert refused.value.message_dict == {
        "text": ["Le caractère nul n\u2019est pas autorisé. (U+0000, character 8)"]
    }


def test_a_nul_in_a_files_comments_is_refused(client: Any, replies_world: dict[str, Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    refused = client.post(
        f"/api/consultations/{replies_world['consultation'].pk}/replies/file",
        {
            "file": SimpleUploadedFile("reply.docx", _docx(PARAGRAPHS)),
            "comments": '[{"anchor": "OP10", "text": "x\\u0000y"}]',
        },
        headers={
            "Authorization": f"Bearer {replies_world['tokens']['focal_fra']}",
            "Idempotency-Key": uuid.uuid4().hex,
        },
    )
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("comments: ")
    assert _versions() == 1  # the fixture's


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_the_service_refuses_unstorable_text_whoever_calls_it(
    replies_world: dict[str, Any], bad: str
) -> None:
    from django.core.exceptions import ValidationError

    from hrdialogue.web.submissions.services import submit_reply

    with pytest.raises(ValidationError) as refused:
        submit_reply(
            actor=replies_world["users"]["focal_fra"],
            consultation=replies_world["consultation"],
            idempotency_key=uuid.uuid4().hex,
            text=f"{FRENCH} {bad} fin.",
        )
    assert list(refused.value.message_dict) == ["text"]
    assert _versions() == 1


def test_the_reply_form_refuses_a_nul(replies_world: dict[str, Any]) -> None:
    from django.urls import reverse

    browser = Client()
    browser.force_login(replies_world["users"]["focal_fra"])
    response = browser.post(
        reverse("submissions:reply", args=[replies_world["consultation"].pk]),
        {
            "text": f"{FRENCH} \x00 fin.",
            "visibility": "public",
            "idempotency_key": uuid.uuid4().hex,
            "comment_anchor_1": "OP10",
            "comment_text_1": "a\x00b",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) >= {"text", "comment_text_1"}
    assert _versions() == 1
