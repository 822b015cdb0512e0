"""The plan of a consultation, worked back from the session its report is for.

The report is due ten weeks before the session opens (the documentation deadline of the
General Assembly); the Secretariat keeps six weeks to draft it, so replies are due six weeks
before that; the call goes out eight weeks before the reply deadline; reminders go two weeks
and three days before it. Every date can be edited; `check_plan` says what is inconsistent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

__all__ = ["Plan", "PlanProblem", "check_plan", "propose_plan"]

REPORT_WEEKS_BEFORE_SESSION = 10
DRAFTING_WEEKS = 6
REPLY_WEEKS = 8
REMINDER_DAYS_BEFORE_DEADLINE = (14, 3)


@dataclass(frozen=True, slots=True)
class Plan:
    session_opens: dt.date
    report_due: dt.date
    opens_on: dt.date
    reply_deadline: dt.date
    reminders: tuple[dt.date, ...]

    @property
    def drafting_days(self) -> int:
        return (self.report_due - self.reply_deadline).days


@dataclass(frozen=True, slots=True)
class PlanProblem:
    field: str
    message: str


def propose_plan(session_opens: dt.date) -> Plan:
    report_due = session_opens - dt.timedelta(weeks=REPORT_WEEKS_BEFORE_SESSION)
    reply_deadline = report_due - dt.timedelta(weeks=DRAFTING_WEEKS)
    return Plan(
        session_opens=session_opens,
        report_due=report_due,
        opens_on=reply_deadline - dt.timedelta(weeks=REPLY_WEEKS),
        reply_deadline=reply_deadline,
        reminders=tuple(
            reply_deadline - dt.timedelta(days=d) for d in REMINDER_DAYS_BEFORE_DEADLINE
        ),
    )


def check_plan(plan: Plan) -> list[PlanProblem]:
    """Every inconsistency, each tied to the field a person must change."""
    problems: list[PlanProblem] = []
    fmt = {
        "deadline": plan.reply_deadline.isoformat(),
        "due": plan.report_due.isoformat(),
        "opens": plan.opens_on.isoformat(),
        "session": plan.session_opens.isoformat(),
    }
    if plan.report_due >= plan.session_opens:
        problems.append(
            PlanProblem(
                "report_due",
                _("The report is due on %(due)s, not before the session opens on %(session)s.")
                % fmt,
            )
        )
    if plan.reply_deadline >= plan.report_due:
        problems.append(
            PlanProblem(
                "reply_deadline",
                _(
                    "The reply deadline (%(deadline)s) is not before the report is due "
                    "(%(due)s): no time is left to draft the report."
                )
                % fmt,
            )
        )
    if plan.opens_on >= plan.reply_deadline:
        problems.append(
            PlanProblem(
                "opens_on",
                _("The call opens on %(opens)s, not before the reply deadline (%(deadline)s).")
                % fmt,
            )
        )
    for reminder in plan.reminders:
        if not plan.opens_on < reminder < plan.reply_deadline:
            problems.append(
                PlanProblem(
                    "reminders",
                    _("The reminder on %(date)s is not between the opening and the deadline.")
                    % {"date": reminder.isoformat()},
                )
            )
    return problems
