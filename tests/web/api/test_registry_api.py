"""Consultations, stakeholders and resolutions through the API: what each answers, read from
the hand-written resolution (tests/web/resolution_fixture.py) and the plan rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def _open(world: dict[str, Any], visibility: str = "public") -> Any:
    from hrdialogue.web.consultations.models import Consultation

    consultation = world["consultation"]
    Consultation.objects.filter(pk=consultation.pk).update(phase="open", visibility=visibility)
    return consultation


def test_consultation_detail_has_mandate_plan_phase_and_consultees(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    consultation = _open(world)
    body = api_get(f"/api/consultations/{consultation.pk}").json()
    assert body["phase"] == "open"
    assert body["mandate_anchor"] == "OP10"
    assert body["resolution_symbol"] == "A/RES/63/180"
    assert body["mandate"]["anchor"] == "OP10"
    assert body["mandate"]["action"] == "consult"
    # The 64th session opens on 15 September 2009 (OP11): the report is due ten weeks before,
    # replies six weeks before that, the call eight weeks before the deadline.
    assert body["plan"] == {
        "session_opens": "2009-09-15",
        "report_due": "2009-07-07",
        "opens_on": "2009-03-31",
        "reply_deadline": "2009-05-26",
        "reminders": ["2009-05-12", "2009-05-23"],
        "drafting_days": 42,
    }
    assert body["reply_deadline"] == "2009-05-26"
    assert {c["code"] for c in body["consultees"]} == {"fra", "demo-ngo-b"}
    assert sorted(body["languages"]) == ["ar", "en", "es", "fr", "ru", "zh"]


def test_a_draft_is_hidden_from_all_but_the_staff(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    pk = world["consultation"].pk
    for role in ("anonymous", "public", "focal_fra", "focal_other"):
        assert api_get(f"/api/consultations/{pk}", role).status_code == 404, role
        assert api_get("/api/consultations", role).json() == [], role
    for role in ("moderator", "secretariat"):
        assert api_get(f"/api/consultations/{pk}", role).status_code == 200, role
        assert [c["id"] for c in api_get("/api/consultations", role).json()] == [pk]


def test_a_restricted_consultation_is_for_its_consultees(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    pk = _open(world, "restricted").pk
    seen = {
        role: api_get(f"/api/consultations/{pk}", role).status_code
        for role in ("anonymous", "public", "focal_fra", "focal_ngo", "focal_other", "moderator")
    }
    assert seen == {
        "anonymous": 404,
        "public": 404,
        "focal_fra": 200,
        "focal_ngo": 200,
        "focal_other": 404,
        "moderator": 200,
    }


def test_unknown_or_out_of_range_ids_are_404_or_422(api_get: Callable[..., Any]) -> None:
    assert api_get("/api/consultations/999999").status_code == 404
    assert api_get("/api/consultations/0").status_code == 422
    assert api_get(f"/api/consultations/{2**64}").status_code == 422
    assert api_get("/api/consultations/abc").status_code == 422
    assert api_get("/api/stakeholders/NOT%20A%20CODE").status_code == 422
    assert api_get("/api/stakeholders/nul%00").status_code == 422


def test_stakeholder_registry_filters_and_pages(api_get: Callable[..., Any]) -> None:
    everyone = api_get("/api/stakeholders").json()
    assert everyone["count"] == 3
    assert [s["code"] for s in everyone["items"]] == ["demo-ngo-b", "fra", "undp"]  # by name
    states = api_get("/api/stakeholders", kind="member-state").json()
    assert [s["code"] for s in states["items"]] == ["fra"]
    assert states["items"][0]["names"]["ru"] == "Франция"
    weog = api_get("/api/stakeholders", regional_group="western-european-others").json()
    assert weog["count"] == 1
    page = api_get("/api/stakeholders", limit=1, offset=1).json()
    assert page["count"] == 3
    assert [s["code"] for s in page["items"]] == ["fra"]
    assert api_get("/api/stakeholders", kind="nation").status_code == 422
    assert api_get("/api/stakeholders", limit=501).status_code == 422


@pytest.mark.parametrize(
    ("role", "sees_contacts"),
    [
        ("anonymous", False),
        ("public", False),
        ("focal_fra", False),  # not even its own stakeholder's addresses: the page shows none
        ("focal_other", False),
        ("moderator", True),  # the page's rule `stakeholders.view_contacts`: the staff
        ("secretariat", True),
    ],
)
def test_contacts_only_for_the_staff(
    api_get: Callable[..., Any], role: str, sees_contacts: bool
) -> None:
    body = api_get("/api/stakeholders/fra", role).json()
    assert body["name"] == "France"
    if sees_contacts:
        assert body["email"] == "mission.fra@example.org"
        assert body["contacts"] == [
            {
                "name": "Mission of France",
                "email": "contact.fra@example.org",
                "title": "",
                "language": "en",
            }
        ]
        assert body["focal_points"] == [{"name": "", "email": "f@example.org", "active": True}]
    else:
        assert (body["email"], body["contacts"], body["focal_points"]) == (None, None, None)
        assert "example.org" not in str(body)


def test_resolution_is_the_structured_json(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    from hrdialogue.documents.model import Resolution
    from tests.web.resolution_fixture import hand_written_resolution

    listed = api_get("/api/resolutions").json()
    assert [(r["id"], r["symbol"], r["language"]) for r in listed] == [
        (world["document"].pk, "A/RES/63/180", "ru")
    ]
    body = api_get(f"/api/resolutions/{world['document'].pk}").json()
    assert Resolution.model_validate(body["resolution"]) == hand_written_resolution()
    op10 = next(p for p in body["resolution"]["operative"] if p["anchor"] == "OP10")
    assert op10["text"].startswith("просит Генерального секретаря")
    assert dt.datetime.fromisoformat(body["uploaded_at"]).tzinfo is not None
    assert api_get("/api/resolutions/424242").status_code == 404


def test_schema_and_docs_are_served(client: Any, db: Any) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    listing = schema["paths"]["/api/consultations"]["get"]
    assert listing["security"] == [{"TokenAuth": []}, {}]  # a token, or none
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html  # served here, not from a CDN
    assert "cdn" not in html.lower()
    assert "script-src 'self'" in docs["Content-Security-Policy"]


def test_signed_in_answers_are_never_cached(api_get: Callable[..., Any]) -> None:
    response = api_get("/api/consultations", "focal_fra")
    assert "no-store" in response["Cache-Control"]
