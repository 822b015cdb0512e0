"""Replies through the API: submission through the one intake service, idempotency, what each
caller reads, filters and exports. Reply texts are hand-written (tests/web/api/conftest.py)."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.web.api.conftest import FRANCE_TEXT, NGO_TEXT_V1

pytestmark = pytest.mark.django_db

FRANCE_NEW = (
    "La France remercie le Secrétaire général. Elle propose que les consultations "
    "régionales soient ouvertes aux institutions nationales des droits de l'homme."
)


@pytest.fixture
def post_reply(client: Any, replies_world: dict[str, Any]) -> Callable[..., Any]:
    def post(role: str, body: dict[str, Any], key: str | None = None) -> Any:
        headers = {"Authorization": f"Bearer {replies_world['tokens'][role]}"}
        if key is not None:
            headers["Idempotency-Key"] = key
        return client.post(
            f"/api/consultations/{replies_world['consultation'].pk}/replies",
            body,
            content_type="application/json",
            headers=headers,
        )

    return post


def test_a_reply_sent_through_the_api_is_accepted_with_a_receipt(
    replies_world: dict[str, Any], post_reply: Callable[..., Any]
) -> None:
    from hrdialogue.receipts import Receipt, find_receipt_problem
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.submissions.models import ReplyVersion
    from hrdialogue.web.submissions.signing import signing_key

    key = uuid.uuid4().hex
    body = {"text": FRANCE_NEW, "comments": [{"anchor": "OP11", "text": "Sur la session."}]}
    response = post_reply("focal_fra", body, key)
    assert response.status_code == 201, response.content
    reply = response.json()
    # France's on-time reply is R1: this is its second version.
    assert (reply["label"], reply["version"], reply["versions"]) == ("R1", 2, 2)
    assert reply["stakeholder"]["code"] == "fra"
    assert reply["language"] == "fr"
    assert reply["text"] == FRANCE_NEW
    assert reply["paragraphs"][0]["anchor"] == "R1.P1"
    assert reply["comments"] == [{"anchor": "OP11", "text": "Sur la session."}]
    assert "Idempotent-Replayed" not in response
    version = ReplyVersion.objects.get(idempotency_key=key)
    receipt = Receipt.model_validate(reply["receipt"])
    assert receipt.reply_id.endswith("-R1-v2")
    public = signing_key().public_key()
    assert find_receipt_problem(receipt, public, FRANCE_NEW.encode()) is None
    assert find_receipt_problem(receipt, public, FRANCE_TEXT.encode()) is not None
    assert (
        AuditEntry.objects.filter(action="submissions.submit", target_id=str(version.pk)).count()
        == 1
    )


def test_a_retry_with_the_same_key_returns_the_same_reply(
    post_reply: Callable[..., Any],
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    key = uuid.uuid4().hex
    first = post_reply("focal_fra", {"text": FRANCE_NEW}, key)
    again = [post_reply("focal_fra", {"text": FRANCE_NEW}, key) for _ in range(3)]
    assert first.status_code == 201
    for response in again:
        assert response.status_code == 201
        assert response["Idempotent-Replayed"] == "true"
        assert response.json() == first.json()
    assert ReplyVersion.objects.filter(idempotency_key=key).count() == 1
    assert ReplyVersion.objects.filter(reply__stakeholder__code="fra").count() == 2


def test_the_same_key_for_another_reply_is_refused(post_reply: Callable[..., Any]) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    key = uuid.uuid4().hex
    assert post_reply("focal_fra", {"text": FRANCE_NEW}, key).status_code == 201
    other_text = post_reply("focal_fra", {"text": FRANCE_NEW + " Et encore."}, key)
    assert other_text.status_code == 422
    assert "Idempotency-Key" in other_text.json()["detail"]
    other_visibility = post_reply(
        "focal_fra", {"text": FRANCE_NEW, "visibility": "confidential"}, key
    )
    assert other_visibility.status_code == 422
    # Another stakeholder's focal point cannot read or take over a key either.
    assert post_reply("focal_ngo", {"text": FRANCE_NEW}, key).status_code == 422
    assert ReplyVersion.objects.filter(idempotency_key=key).count() == 1


@pytest.mark.parametrize("key", [None, "short", "x" * 65, "has spaces in it 12345", "é" * 20])
def test_a_missing_or_malformed_key_is_refused(post_reply: Callable[..., Any], key: Any) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    before = ReplyVersion.objects.count()
    assert post_reply("focal_fra", {"text": FRANCE_NEW}, key).status_code == 422
    assert ReplyVersion.objects.count() == before


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"text": FRANCE_NEW, "comments": [{"anchor": "OP99", "text": "x"}]}, "OP99"),
        ({"text": FRANCE_NEW, "visibility": "secret"}, "visibility"),
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({}, "text"),
    ],
)
def test_bad_input_is_refused_with_its_reason(
    post_reply: Callable[..., Any], body: dict[str, Any], says: str
) -> None:
    response = post_reply("focal_fra", body, uuid.uuid4().hex)
    assert response.status_code == 422
    assert says in str(response.json()["detail"])


def test_a_reply_without_attribution_hides_its_author_from_others(
    replies_world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    pk = replies_world["r2"].pk
    as_france = api_get(f"/api/replies/{pk}", "focal_fra").json()
    assert as_france["stakeholder"] is None
    assert (as_france["version"], as_france["text"]) == (1, NGO_TEXT_V1)  # the published one
    assert as_france["receipt"] is None
    assert as_france["versions"] is None
    for role in ("focal_ngo", "secretariat"):
        body = api_get(f"/api/replies/{pk}", role).json()
        assert body["stakeholder"]["code"] == "demo-ngo-b"
        assert body["version"] == 2
        assert body["receipt"] is not None
    # Filtering by the stakeholder does not reveal it either.
    listed = api_get("/api/replies", "focal_fra", stakeholder="demo-ngo-b").json()
    assert listed == {"count": 0, "items": []}
    assert api_get("/api/replies", "secretariat", stakeholder="demo-ngo-b").json()["count"] == 1


def test_reply_filters(api_get: Callable[..., Any], replies_world: dict[str, Any]) -> None:
    def labels(**params: Any) -> list[str]:
        return [
            r["label"] for r in api_get("/api/replies", "secretariat", **params).json()["items"]
        ]

    assert labels() == ["R1", "R2"]
    assert labels(language="fr") == ["R1"]
    assert labels(language="en") == ["R2"]
    assert labels(published=True) == ["R2"]
    assert labels(published=False) == ["R1"]
    assert labels(visibility="anonymous") == ["R2"]
    assert labels(late=True) == []
    assert labels(consultation=replies_world["consultation"].pk) == ["R1", "R2"]
    assert labels(consultation=424242) == []
    assert labels(stakeholder="fra", limit=1) == ["R1"]
    assert api_get("/api/replies", "secretariat", language="de").status_code == 422


def test_csv_export_is_filtered_and_defused(
    replies_world: dict[str, Any], post_reply: Callable[..., Any], api_get: Callable[..., Any]
) -> None:
    formula = '=HYPERLINK("x") ' + FRANCE_NEW
    assert post_reply("focal_fra", {"text": formula}, uuid.uuid4().hex).status_code == 201
    response = api_get("/api/exports/replies.csv", "focal_fra")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="replies.csv"'
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeffreply,consultation,stakeholder,")
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert [(r["reply"], r["version"], r["stakeholder"]) for r in rows] == [
        ("R1", "2", "fra"),
        ("R2", "1", ""),  # published without attribution: no name
    ]
    assert rows[0]["text"] == "'" + formula
    assert rows[1]["text"] == NGO_TEXT_V1
    assert rows[0]["comments_on"] == ""  # the new version has no comments


def test_json_export_has_paragraphs_and_comments(
    replies_world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    body = api_get("/api/exports/replies.json", "focal_fra").json()
    assert body["count"] == 2
    r1 = body["replies"][0]
    assert r1["comments"] == [{"anchor": "OP10", "text": "Commentaire sur le paragraphe."}]
    assert [p["anchor"] for p in r1["paragraphs"]] == ["R1.P1"]
    assert api_get("/api/exports/replies.json").json()["count"] == 1  # anonymous: published


def test_consultation_export_for_the_report(
    replies_world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    pk = replies_world["consultation"].pk
    body = api_get(f"/api/consultations/{pk}/export", "secretariat").json()
    assert body["consultation"]["mandate"]["anchor"] == "OP10"
    assert body["resolution"]["symbol"] == "A/RES/63/180"
    assert body["mandate_text"].startswith("просит Генерального секретаря")
    assert body["stakeholders"] == [
        {
            "code": "fra",
            "kind": "member-state",
            "name": "France",
            "regional_group": "western-european-others",
            "replies": ["R1"],
        },
        {
            "code": "demo-ngo-b",
            "kind": "ngo",
            "name": "Demo NGO B",
            "regional_group": "",
            "replies": ["R2"],
        },
    ]
    assert [(r["label"], r["version"]) for r in body["replies"]] == [("R1", 1), ("R2", 2)]
    assert body["replies"][1]["stakeholder"]["code"] == "demo-ngo-b"  # the Secretariat knows
    assert body["comments_by_paragraph"] == {
        "OP10": [{"reply": "R1", "stakeholder": "fra", "text": "Commentaire sur le paragraphe."}]
    }
    for role in ("moderator", "focal_fra"):
        assert api_get(f"/api/consultations/{pk}/export", role).status_code == 403
