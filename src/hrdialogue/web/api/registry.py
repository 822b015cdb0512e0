"""Consultations, stakeholders and resolutions, read through the pages' own rules."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from hrdialogue.web.api.auth import PUBLIC
from hrdialogue.web.api.schemas import (
    Code,
    ConsultationDetail,
    ConsultationSummary,
    Id,
    ResolutionDetail,
    ResolutionSummary,
    StakeholderDetail,
    StakeholderPage,
    answers,
)
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.consultations.services import visible_consultations
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.stakeholders.models import Kind, RegionalGroup, Stakeholder

__all__ = ["consultation_detail", "router"]

router = Router()


def _consultation_summary(c: Consultation) -> dict[str, Any]:
    return {
        "id": c.pk,
        "title": c.title,
        "phase": c.phase,
        "visibility": c.visibility,
        "resolution_id": c.resolution_id,
        "resolution_symbol": c.resolution.symbol,
        "mandate_anchor": c.mandate_anchor,
        "reply_deadline": c.reply_deadline,
        "languages": list(c.languages),
    }


@router.get(
    "/consultations",
    response=answers(list[ConsultationSummary]),
    tags=["consultations"],
    url_name="consultations",
    **PUBLIC,
)
def list_consultations(request: HttpRequest) -> list[dict[str, Any]]:
    """The consultations the caller may see (the same rule as the consultation pages)."""
    consultations = visible_consultations(request.user).select_related("resolution")
    return [_consultation_summary(c) for c in consultations]


@router.get(
    "/consultations/{pk}",
    response=answers(ConsultationDetail, 404),
    tags=["consultations"],
    url_name="consultation",
    **PUBLIC,
)
def get_consultation(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """One consultation with its mandate, plan, phase and consultees."""
    return consultation_detail(consultation_for(request, pk))


def consultation_detail(c: Consultation) -> dict[str, Any]:
    """A consultation as `ConsultationDetail` (also the head of the consultation export)."""
    plan = c.plan
    return {
        **_consultation_summary(c),
        "session_label": c.session_label,
        "plan": {
            "session_opens": plan.session_opens,
            "report_due": plan.report_due,
            "opens_on": plan.opens_on,
            "reply_deadline": plan.reply_deadline,
            "reminders": list(plan.reminders),
            "drafting_days": plan.drafting_days,
        },
        "mandate": c.mandate_value,
        "questions": list(c.questions),
        "word_limit": c.word_limit,
        "consultees": [
            {"code": code, "kind": kind, "name": name}
            for code, kind, name in c.consultees.order_by("kind", "name").values_list(
                "code", "kind", "name"
            )
        ],
    }


class StakeholderFilter(Schema):
    kind: Kind | None = None
    regional_group: RegionalGroup | None = None
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=2**31)


_STAKEHOLDER_FIELDS = (
    "code",
    "kind",
    "name",
    "names",
    "acronym",
    "regional_group",
    "country",
    "ecosoc_status",
    "nhri_status",
)


@router.get(
    "/stakeholders",
    response=answers(StakeholderPage),
    tags=["stakeholders"],
    url_name="stakeholders",
    **PUBLIC,
)
def list_stakeholders(request: HttpRequest, filters: Query[StakeholderFilter]) -> dict[str, Any]:
    """The registry (public), filtered by type and regional group; 100 a page by default."""
    stakeholders = Stakeholder.objects.order_by("name", "pk")
    if filters.kind:
        stakeholders = stakeholders.filter(kind=filters.kind)
    if filters.regional_group:
        stakeholders = stakeholders.filter(regional_group=filters.regional_group)
    page = stakeholders.values(*_STAKEHOLDER_FIELDS)[
        filters.offset : filters.offset + filters.limit
    ]
    return {"count": stakeholders.count(), "items": list(page)}


@router.get(
    "/stakeholders/{code}",
    response=answers(StakeholderDetail, 404),
    tags=["stakeholders"],
    url_name="stakeholder",
    **PUBLIC,
)
def get_stakeholder(request: HttpRequest, code: Code) -> dict[str, Any]:
    """One stakeholder; its addresses and focal points only for the staff (as on the page)."""
    s = get_object_or_404(Stakeholder, code=code)
    row: dict[str, Any] = {field: getattr(s, field) for field in _STAKEHOLDER_FIELDS}
    if request.user.has_perm("stakeholders.view_contacts"):
        row["email"] = s.email
        row["contacts"] = [
            {"name": c.name, "email": c.email, "title": c.title, "language": c.language}
            for c in s.contacts.all()
        ]
        row["focal_points"] = [
            {"name": u.get_full_name(), "email": u.email, "active": u.is_active}
            for u in s.focal_points.all()
        ]
    else:
        row.update(email=None, contacts=None, focal_points=None)
    return row


def _resolution_summary(d: ResolutionDocument) -> dict[str, Any]:
    return {
        "id": d.pk,
        "symbol": d.symbol,
        "number": d.number,
        "title": d.title,
        "language": d.language,
        "body": d.body,
        "session": d.session,
        "uploaded_at": d.uploaded_at,
    }


@router.get(
    "/resolutions",
    response=answers(list[ResolutionSummary]),
    tags=["resolutions"],
    url_name="resolutions",
    **PUBLIC,
)
def list_resolutions(request: HttpRequest) -> list[dict[str, Any]]:
    """The resolutions uploaded (public documents)."""
    return [_resolution_summary(d) for d in ResolutionDocument.objects.defer("text", "data")]


@router.get(
    "/resolutions/{pk}",
    response=answers(ResolutionDetail, 404),
    tags=["resolutions"],
    url_name="resolution",
    **PUBLIC,
)
def get_resolution(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """One resolution with the reader's structured result (paragraphs, anchors, mandates)."""
    d = get_object_or_404(ResolutionDocument.objects.defer("text"), pk=pk)
    return {**_resolution_summary(d), "resolution": d.data}
