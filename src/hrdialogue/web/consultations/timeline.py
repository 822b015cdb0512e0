"""The plan drawn as a timeline: positions in percent, for an SVG without inline styles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hrdialogue.web.consultations.plan import Plan

__all__ = ["Milestone", "Timeline", "build_timeline"]


@dataclass(frozen=True, slots=True)
class Milestone:
    key: str
    label: str
    date: dt.date
    position: float  # 0–100 along the line


@dataclass(frozen=True, slots=True)
class Timeline:
    milestones: list[Milestone]
    replies_from: float
    replies_width: float
    drafting_from: float
    drafting_width: float


def build_timeline(plan: Plan) -> Timeline:
    start, end = plan.opens_on, plan.session_opens
    span = max((end - start).days, 1)

    def at(date: dt.date) -> float:
        return round(min(max((date - start).days / span, 0.0), 1.0) * 100, 2)

    milestones = [
        Milestone("opens", _("Call for replies opens"), plan.opens_on, at(plan.opens_on)),
        *(Milestone("reminder", _("Reminder"), day, at(day)) for day in sorted(plan.reminders)),
        Milestone("deadline", _("Reply deadline"), plan.reply_deadline, at(plan.reply_deadline)),
        Milestone("report", _("Report due"), plan.report_due, at(plan.report_due)),
        Milestone("session", _("The session opens"), plan.session_opens, at(plan.session_opens)),
    ]
    return Timeline(
        milestones=milestones,
        replies_from=at(plan.opens_on),
        replies_width=round(at(plan.reply_deadline) - at(plan.opens_on), 2),
        drafting_from=at(plan.reply_deadline),
        drafting_width=round(at(plan.report_due) - at(plan.reply_deadline), 2),
    )
