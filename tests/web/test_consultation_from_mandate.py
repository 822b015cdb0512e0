"""The Secretariat opens a consultation from a mandate: consultees, plan, phases, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_consultees_come_from_the_mandate(consultation: Any) -> None:
    # OP10: States (193 Member + 2 observer), IGOs and NGOs. No NGO is loaded by the registry
    # (they come from CSV), so: 195 States + the IGOs of organisations.csv.
    from hrdialogue.web.stakeholders.models import Kind

    kinds = set(consultation.consultees.values_list("kind", flat=True))
    assert kinds == {Kind.MEMBER_STATE, Kind.OBSERVER_STATE, Kind.IGO}
    assert consultation.consultees.filter(kind=Kind.MEMBER_STATE).count() == 193
    assert consultation.consultees.filter(kind=Kind.OBSERVER_STATE).count() == 2
    assert not consultation.consultees.filter(kind=Kind.UN_ENTITY).exists()


def test_plan_is_worked_back_from_the_session(consultation: Any) -> None:
    # GA 64 opened on Tuesday 15 September 2009 (OP11's session: OP10 names none).
    # Report due 10 weeks before: 7 July 2009; replies due 6 weeks before that: 26 May 2009;
    # call opens 8 weeks before the deadline: 31 March 2009; reminders 12 and 23 May 2009.
    assert consultation.session_opens == dt.date(2009, 9, 15)
    assert consultation.report_due == dt.date(2009, 7, 7)
    assert consultation.reply_deadline == dt.date(2009, 5, 26)
    assert consultation.opens_on == dt.date(2009, 3, 31)
    assert consultation.reminders == ["2009-05-12", "2009-05-23"]
    assert consultation.session_opens_source == "resolution"
    assert consultation.phase == "draft"


def test_a_body_other_than_the_general_assembly_needs_the_session_date(
    registry: None, secretariat: Any
) -> None:
    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.consultations.services import open_consultation
    from hrdialogue.web.resolutions.services import store_resolution
    from tests.web.resolution_fixture import hand_written_resolution

    document = store_resolution(
        actor=secretariat,
        resolution=hand_written_resolution(with_deadline=False),
        text="",
        source_name="x.txt",
        source_format="text",
        source_sha256="1" * 64,
    )
    with pytest.raises(ValidationError) as caught:
        open_consultation(actor=secretariat, document=document, mandate_index=0, title="T")
    assert "session_opens" in caught.value.message_dict
    assert not Consultation.objects.exists()
    opened = open_consultation(
        actor=secretariat,
        document=document,
        mandate_index=0,
        title="T",
        session_opens=dt.date(2027, 6, 14),
    )
    assert opened.report_due == dt.date(2027, 4, 5)
    assert opened.session_opens_source == "entered"


def test_phases_move_forward_one_by_one_and_each_move_is_audited(
    consultation: Any, secretariat: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.consultations.services import advance_phase

    with pytest.raises(ValidationError):
        advance_phase(actor=secretariat, consultation=consultation, to="closed")
    for phase in ("open", "closed", "drafting", "published"):
        advance_phase(actor=secretariat, consultation=consultation, to=phase)
    with pytest.raises(ValidationError):
        advance_phase(actor=secretariat, consultation=consultation, to="published")
    moves = AuditEntry.objects.filter(action="consultations.phase").order_by("at", "id")
    assert [(e.before["phase"], e.after["phase"]) for e in moves] == [
        ("draft", "open"),
        ("open", "closed"),
        ("closed", "drafting"),
        ("drafting", "published"),
    ]
    assert {e.actor_label for e in moves} == {secretariat.email}


def test_the_secretariat_opens_and_advances_through_the_pages(
    client: Any, registry: None, stored_resolution: Any, secretariat: Any
) -> None:
    from hrdialogue.web.consultations.models import Consultation

    client.force_login(secretariat)
    page = client.get(reverse("resolutions:detail", args=[stored_resolution.pk]))
    assert page.status_code == 200
    assert 'id="OP10"' in page.text
    create = reverse("consultations:create", args=[stored_resolution.pk, 0])
    assert create in page.text
    response = client.post(create, {"title": "Consultation OP10", "visibility": "public"})
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("consultations:detail", args=[consultation.pk])
    detail = client.get(response["Location"])
    assert "2009-07-07" in detail.text
    assert "2009-05-26" in detail.text
    client.post(reverse("consultations:advance", args=[consultation.pk]), {"to": "open"})
    consultation.refresh_from_db()
    assert consultation.phase == "open"
    client.logout()
    public = client.get(reverse("consultations:detail", args=[consultation.pk]))
    assert public.status_code == 200
    assert "Consultation OP10" in public.text


def test_a_reply_deadline_after_the_report_is_due_is_refused(
    client: Any, consultation: Any, secretariat: Any
) -> None:
    client.force_login(secretariat)
    url = reverse("consultations:plan", args=[consultation.pk])
    response = client.post(
        url,
        {
            "session_opens": "2009-09-15",
            "report_due": "2009-07-07",
            "opens_on": "2009-03-31",
            "reply_deadline": "2009-07-20",
            "reminder_1": "2009-05-12",
        },
    )
    assert response.status_code == 400
    assert "is not before the report is due" in response.text
    consultation.refresh_from_db()
    assert consultation.reply_deadline == dt.date(2009, 5, 26)


def test_the_refusal_comes_in_the_users_language(
    client: Any, consultation: Any, secretariat: Any
) -> None:
    client.force_login(secretariat)
    client.cookies["django_language"] = "fr"
    response = client.post(
        reverse("consultations:plan", args=[consultation.pk]),
        {
            "session_opens": "2009-09-15",
            "report_due": "2009-07-07",
            "opens_on": "2009-03-31",
            "reply_deadline": "2009-07-20",
        },
    )
    assert response.status_code == 400
    assert 'lang="fr"' in response.text
    assert "rapport" in response.text  # the French sentence names the report
