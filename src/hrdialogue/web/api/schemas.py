"""The shapes the API answers with (pydantic, through django-ninja): the OpenAPI schema.

Codes, not translated labels: `phase` is `open`, `kind` is `member-state`. Domain values
(`Mandate`, `Resolution`) are the reader's own models, so their JSON is the same as
`hrdialogue schema resolution` publishes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema

from hrdialogue.documents.model import Mandate, Resolution

__all__ = [
    "Code",
    "ConsultationDetail",
    "ConsultationSummary",
    "ContactOut",
    "Error",
    "FocalPointOut",
    "Id",
    "PlanOut",
    "ResolutionDetail",
    "ResolutionSummary",
    "StakeholderDetail",
    "StakeholderPage",
    "StakeholderRef",
    "StakeholderSummary",
    "answers",
]

# Primary keys fit a signed 64-bit integer in both databases; a larger number is a 422, not a
# database overflow.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
# A stakeholder code as stored (a slug): anything else is refused before a query is made.
Code = Annotated[str, Field(pattern=r"^[-a-z0-9_]{1,80}$")]


class Error(Schema):
    """Every refusal: 401, 403, 404, 409, 422; `detail` names the problem."""

    detail: str | list[dict[str, Any]]


def answers(ok: Any, *refusals: int, status: int = 200) -> dict[int, Any]:
    """The documented responses of an operation: its answer, and the refusals it can give
    (401 for a bad token and 422 for malformed input, always)."""
    return {status: ok, 401: Error, 422: Error, **dict.fromkeys(refusals, Error)}


class PlanOut(Schema):
    session_opens: dt.date
    report_due: dt.date
    opens_on: dt.date
    reply_deadline: dt.date
    reminders: list[dt.date]
    drafting_days: int


class StakeholderRef(Schema):
    code: str
    kind: str
    name: str


class ConsultationSummary(Schema):
    id: int
    title: str
    phase: str = Field(description="draft, open, closed, drafting, published")
    visibility: str = Field(description="public, or restricted (consultees only)")
    resolution_id: int
    resolution_symbol: str
    mandate_anchor: str = Field(description="The paragraph of the mandate: `OP10`.")
    reply_deadline: dt.date
    languages: list[str]


class ConsultationDetail(ConsultationSummary):
    session_label: str
    plan: PlanOut
    mandate: Mandate
    questions: list[str]
    word_limit: int | None
    consultees: list[StakeholderRef]


class StakeholderSummary(Schema):
    code: str
    kind: str
    name: str = Field(description="In English; `names` has the six languages.")
    names: dict[str, str]
    acronym: str
    regional_group: str
    country: str
    ecosoc_status: str
    nhri_status: str


class StakeholderPage(Schema):
    count: int = Field(description="How many match the filters, over all pages.")
    items: list[StakeholderSummary]


class ContactOut(Schema):
    name: str
    email: str
    title: str
    language: str


class FocalPointOut(Schema):
    name: str
    email: str
    active: bool


class StakeholderDetail(StakeholderSummary):
    email: str | None = Field(description="Staff only; null for everyone else.")
    contacts: list[ContactOut] | None = Field(description="Staff only; null for everyone else.")
    focal_points: list[FocalPointOut] | None = Field(
        description="Staff only; null for everyone else."
    )


class ResolutionSummary(Schema):
    id: int
    symbol: str
    number: str
    title: str
    language: str
    body: str
    session: int | None
    uploaded_at: dt.datetime


class ResolutionDetail(ResolutionSummary):
    resolution: Resolution = Field(description="The reader's structured result, whole.")
