"""Who may see and act on a consultation, by role, phase and visibility.

Tested as a matrix in `tests/web/test_permission_matrix.py`.
"""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.accounts.rules import is_focal_point, is_secretariat, is_staff_member
from hrdialogue.web.consultations.models import Consultation, Phase, Visibility

__all__ = [
    "is_consultee_focal_point",
    "is_editable_phase",
    "is_not_draft",
    "is_public_consultation",
]


@rules.predicate
def is_not_draft(user: Visitor, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.phase != Phase.DRAFT


@rules.predicate
def is_public_consultation(user: Visitor, consultation: Consultation | None) -> bool:
    return (
        consultation is not None
        and consultation.phase != Phase.DRAFT
        and consultation.visibility == Visibility.PUBLIC
    )


@rules.predicate
def is_consultee_focal_point(user: Visitor, consultation: Consultation | None) -> bool:
    if consultation is None or not user.is_authenticated or user.stakeholder_id is None:
        return False
    return bool(consultation.consultees.filter(pk=user.stakeholder_id).exists())


@rules.predicate
def is_editable_phase(user: Visitor, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.phase in (Phase.DRAFT, Phase.OPEN)


@rules.predicate
def has_next_phase(user: Visitor, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.phase != Phase.PUBLISHED


rules.add_perm(
    "consultations.view_consultation",
    is_staff_member
    | is_public_consultation
    | (is_focal_point & is_not_draft & is_consultee_focal_point),
)
rules.add_perm("consultations.add_consultation", is_secretariat)
rules.add_perm("consultations.change_consultation", is_secretariat & is_editable_phase)
rules.add_perm("consultations.advance_phase", is_secretariat & has_next_phase)
