"""Use cases of a consultation; views, commands and tests all go through these functions.

Each change runs in one transaction with its audit entry. Invalid input raises Django's
`ValidationError` (a dict keyed by field) and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import User
from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.consultations.mandates import consultee_kinds, session_deadline
from hrdialogue.web.consultations.models import Consultation, Phase, Visibility
from hrdialogue.web.consultations.plan import Plan, check_plan, propose_plan
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = [
    "advance_phase",
    "open_consultation",
    "set_consultees",
    "update_details",
    "update_plan",
    "visible_consultations",
]

_PLAN_FIELDS = ["session_opens", "report_due", "opens_on", "reply_deadline", "reminders"]
_DETAIL_FIELDS = ["title", "visibility", "questions", "word_limit", "languages"]


def visible_consultations(user: Visitor) -> QuerySet[Consultation]:
    """The consultations `user` may see (the same rule as `consultations.view_consultation`)."""
    consultations = Consultation.objects.all()
    if user.has_perm("consultations.add_consultation") or (
        user.is_authenticated and user.is_active and user.role == "moderator"
    ):
        return consultations
    public = Q(visibility=Visibility.PUBLIC)
    if user.is_authenticated and user.is_active and user.role == "focal-point":
        public |= Q(consultees=user.stakeholder_id)
    return consultations.exclude(phase=Phase.DRAFT).filter(public).distinct()


def _raise_plan_problems(plan: Plan) -> None:
    problems = check_plan(plan)
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(problem.field, []).append(problem.message)
        raise ValidationError(errors)


def open_consultation(
    *,
    actor: Actor,
    document: ResolutionDocument,
    mandate_index: int,
    title: str,
    session_opens: dt.date | None = None,
    session_label: str = "",
    visibility: str = Visibility.PUBLIC,
) -> Consultation:
    """Open a consultation (in draft) from one mandate of a stored resolution."""
    resolution = document.resolution
    if not 0 <= mandate_index < len(resolution.mandates):
        raise ValidationError({"mandate": _("This resolution has no such mandate.")})
    mandate = resolution.mandates[mandate_index]
    kinds = consultee_kinds(mandate)
    if not kinds:
        raise ValidationError({"mandate": _("This mandate names nobody the platform can consult.")})
    deadline, source = session_deadline(resolution, mandate)
    if session_opens is None and deadline is not None and deadline.opens is not None:
        session_opens, source = deadline.opens, source or "reader"
    elif session_opens is not None:
        source = "entered"
    if session_opens is None:
        raise ValidationError(
            {"session_opens": _("Enter the date on which the session the report is for opens.")}
        )
    if not session_label and deadline is not None:
        session_label = _("Session %(number)d") % {"number": deadline.session}
    plan = propose_plan(session_opens)
    _raise_plan_problems(plan)
    with transaction.atomic():
        consultation = Consultation.objects.create(
            resolution=document,
            mandate_index=mandate_index,
            mandate_anchor=mandate.anchor,
            mandate=mandate.model_dump(mode="json"),
            title=title,
            visibility=visibility,
            session_label=session_label,
            session_opens=plan.session_opens,
            session_opens_source=source,
            report_due=plan.report_due,
            opens_on=plan.opens_on,
            reply_deadline=plan.reply_deadline,
            reminders=[d.isoformat() for d in plan.reminders],
            created_by=actor,
        )
        consultation.consultees.set(Stakeholder.objects.filter(kind__in=kinds))
        record_change(
            actor=actor,
            action="consultations.open",
            target=consultation,
            after={
                **snapshot(consultation, ["resolution", "mandate_anchor", "phase", *_PLAN_FIELDS]),
                "consultees": consultation.consultees.count(),
            },
        )
    return consultation


def _require_editable(consultation: Consultation) -> None:
    if consultation.phase not in (Phase.DRAFT, Phase.OPEN):
        raise ValidationError(
            _("This consultation is %(phase)s: its plan and consultees can no longer change.")
            % {"phase": consultation.get_phase_display()}
        )


def update_plan(*, actor: User, consultation: Consultation, plan: Plan) -> Consultation:
    _require_editable(consultation)
    _raise_plan_problems(plan)
    with transaction.atomic():
        before = snapshot(consultation, _PLAN_FIELDS)
        consultation.session_opens = plan.session_opens
        consultation.report_due = plan.report_due
        consultation.opens_on = plan.opens_on
        consultation.reply_deadline = plan.reply_deadline
        consultation.reminders = sorted(d.isoformat() for d in plan.reminders)
        consultation.save(update_fields=_PLAN_FIELDS)
        record_change(
            actor=actor,
            action="consultations.plan",
            target=consultation,
            before=before,
            after=snapshot(consultation, _PLAN_FIELDS),
        )
    return consultation


def update_details(*, actor: User, consultation: Consultation, **values: Any) -> Consultation:
    """Title, visibility, guiding questions, word limit, languages accepted."""
    _require_editable(consultation)
    unknown = set(values) - set(_DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"not a detail of a consultation: {sorted(unknown)}")
    with transaction.atomic():
        before = snapshot(consultation, _DETAIL_FIELDS)
        for name, value in values.items():
            setattr(consultation, name, value)
        consultation.save(update_fields=list(values))
        record_change(
            actor=actor,
            action="consultations.details",
            target=consultation,
            before=before,
            after=snapshot(consultation, _DETAIL_FIELDS),
        )
    return consultation


def set_consultees(
    *, actor: User, consultation: Consultation, stakeholders: Iterable[Stakeholder]
) -> Consultation:
    _require_editable(consultation)
    chosen = {s.pk for s in stakeholders}
    if not chosen:
        raise ValidationError({"stakeholders": _("Choose at least one consultee.")})
    with transaction.atomic():
        before = set(consultation.consultees.values_list("pk", flat=True))
        consultation.consultees.set(chosen)
        record_change(
            actor=actor,
            action="consultations.consultees",
            target=consultation,
            before={"count": len(before)},
            after={
                "count": len(chosen),
                "added": sorted(
                    Stakeholder.objects.filter(pk__in=chosen - before).values_list(
                        "code", flat=True
                    )
                ),
                "removed": sorted(
                    Stakeholder.objects.filter(pk__in=before - chosen).values_list(
                        "code", flat=True
                    )
                ),
            },
        )
    return consultation


def advance_phase(*, actor: Actor, consultation: Consultation, to: str) -> Consultation:
    """Move to the next phase only; opening needs consultees and a consistent plan."""
    expected = consultation.next_phase
    if expected is None or to != expected:
        raise ValidationError(
            _("A consultation in the phase “%(phase)s” cannot move to “%(to)s”.")
            % {"phase": consultation.get_phase_display(), "to": to}
        )
    if expected == Phase.OPEN:
        if not consultation.consultees.exists():
            raise ValidationError(_("Choose the consultees before opening the consultation."))
        _raise_plan_problems(consultation.plan)
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.phase != consultation.phase:
            raise ValidationError(_("Someone else changed the phase meanwhile; reload the page."))
        before = {"phase": locked.phase}
        locked.phase = expected
        locked.save(update_fields=["phase"])
        record_change(
            actor=actor,
            action="consultations.phase",
            target=locked,
            before=before,
            after={"phase": locked.phase},
        )
    consultation.phase = locked.phase
    return consultation
