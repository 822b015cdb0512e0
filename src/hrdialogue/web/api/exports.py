"""Exports: the replies a caller may read as CSV or JSON, and the consultation export the
report is drafted from (Secretariat only).

The reply exports go through the same filter and the same per-reply view as `GET /replies`:
a focal point gets its own stakeholder's replies and the published ones, nothing else.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from hrdialogue.web.api.auth import PUBLIC
from hrdialogue.web.api.registry import consultation_detail
from hrdialogue.web.api.replies import ReplyFilter, ReplyOut, filtered_replies, reply_view
from hrdialogue.web.api.schemas import ConsultationDetail, Error, Id, answers
from hrdialogue.web.audit.security import log_event
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.pages.spreadsheets import spreadsheet_cell
from hrdialogue.web.submissions.models import Reply

__all__ = ["router"]

router = Router(tags=["exports"])

CSV_COLUMNS = [
    "reply",
    "consultation",
    "stakeholder",
    "stakeholder_name",
    "stakeholder_kind",
    "visibility",
    "late",
    "published",
    "language",
    "version",
    "submitted_at",
    "word_count",
    "comments_on",
    "text",
]


def _rows(request: HttpRequest, filters: ReplyFilter) -> list[dict[str, Any]]:
    """The rows of an export (a security event: it may hold replies not yet published)."""
    rows = (reply_view(request.user, r) for r in filtered_replies(request.user, filters))
    found = [row for row in rows if row is not None]
    unpublished = sum(1 for row in found if not row["published"])
    log_event(
        "export",
        outcome="success",
        actor=request.user,
        detail={"replies": len(found), "unpublished": unpublished},
    )
    return found


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _file_answer(content_type: str) -> dict[str, Any]:
    return {
        "responses": {
            200: {
                "description": "A file to download.",
                "content": {content_type: {"schema": {"type": "string"}}},
            }
        }
    }


@router.get(
    "/exports/replies.csv",
    response={401: Error, 422: Error},
    url_name="export_replies_csv",
    auth=PUBLIC["auth"],
    openapi_extra={**PUBLIC["openapi_extra"], **_file_answer("text/csv")},
)
def export_replies_csv(request: HttpRequest, filters: Query[ReplyFilter]) -> HttpResponse:
    """The replies the caller may read as CSV (UTF-8 with a byte-order mark, for
    spreadsheets), one row per reply, the text of the version they may read."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in _rows(request, filters):
        stakeholder = row["stakeholder"] or {}
        writer.writerow(
            spreadsheet_cell(v)
            for v in (
                row["label"],
                row["consultation_id"],
                stakeholder.get("code", ""),
                stakeholder.get("name", ""),
                stakeholder.get("kind", ""),
                row["visibility"],
                "yes" if row["late"] else "no",
                "yes" if row["published"] else "no",
                row["language"],
                row["version"],
                row["submitted_at"],
                row["word_count"],
                " ".join(c["anchor"] for c in row["comments"]),
                row["text"],
            )
        )
    return _download(
        ("\ufeff" + out.getvalue()).encode("utf-8"), "text/csv; charset=utf-8", "replies.csv"
    )


class ReplyExport(Schema):
    exported_at: str
    count: int
    replies: list[ReplyOut]


@router.get(
    "/exports/replies.json",
    response=answers(ReplyExport),
    url_name="export_replies_json",
    **PUBLIC,
)
def export_replies_json(request: HttpRequest, filters: Query[ReplyFilter]) -> dict[str, Any]:
    """The replies the caller may read as JSON, with their paragraphs and comments."""
    rows = _rows(request, filters)
    return {"exported_at": timezone.now().isoformat(), "count": len(rows), "replies": rows}


class ResolutionRef(Schema):
    id: int
    symbol: str
    title: str
    language: str


class ConsulteeOut(Schema):
    code: str
    kind: str
    name: str
    regional_group: str
    replies: list[str] = Field(description="Labels of its replies (`R3`); empty: awaited.")


class PassageComment(Schema):
    reply: str
    stakeholder: str
    text: str


class ConsultationExport(Schema):
    exported_at: str
    consultation: ConsultationDetail
    resolution: ResolutionRef
    mandate_text: str = Field(description="The text of the mandate's paragraph.")
    stakeholders: list[ConsulteeOut]
    replies: list[ReplyOut] = Field(
        description="Every reply, its latest version, confidential "
        "ones included (their visibility says so)."
    )
    comments_by_paragraph: dict[str, list[PassageComment]] = Field(
        description="The replies' comments, by paragraph of the resolution."
    )


@router.get(
    "/consultations/{pk}/export",
    response=answers(ConsultationExport, 403, 404),
    url_name="export_consultation",
)
def export_consultation(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """Everything the report is drafted from: mandate, consultees (and who has not replied),
    every reply with its paragraphs (`R3.P2`) and comments. The Secretariat's alone."""
    consultation = consultation_for(request, pk)
    if not request.user.has_perm("api.export_consultation", consultation):
        raise PermissionDenied
    replies = (
        Reply.objects.filter(consultation=consultation)
        .select_related("consultation", "stakeholder", "current", "published_version")
        .prefetch_related("current__comments")
        .order_by("number")
    )
    pairs = [(reply, reply_view(request.user, reply)) for reply in replies]
    labels: dict[int, list[str]] = defaultdict(list)
    comments: dict[str, list[dict[str, str]]] = defaultdict(list)
    rows = []
    for reply, row in pairs:
        if row is None:  # no accepted version (cannot happen through submit_reply)
            continue
        rows.append(row)
        labels[reply.stakeholder_id].append(reply.label)
        for comment in row["comments"]:
            comments[comment["anchor"]].append(
                {
                    "reply": reply.label,
                    "stakeholder": reply.stakeholder.code,
                    "text": comment["text"],
                }
            )
    document = consultation.resolution
    try:
        mandate_text = document.resolution.paragraph(consultation.mandate_anchor).text
    except KeyError:
        mandate_text = consultation.mandate_value.subject
    return {
        "exported_at": timezone.now().isoformat(),
        "consultation": consultation_detail(consultation),
        "resolution": {
            "id": document.pk,
            "symbol": document.symbol,
            "title": document.title,
            "language": document.language,
        },
        "mandate_text": mandate_text,
        "stakeholders": [
            {
                "code": s.code,
                "kind": s.kind,
                "name": s.name,
                "regional_group": s.regional_group,
                "replies": labels.get(s.pk, []),
            }
            for s in consultation.consultees.order_by("kind", "name")
        ],
        "replies": rows,
        "comments_by_paragraph": dict(comments),
    }
