"""Invitations are the Secretariat's; a note verbale is also read by the stakeholder invited."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.accounts.rules import is_focal_point, is_secretariat, is_staff_member
from hrdialogue.web.invitations.models import ReplyInvitation

__all__ = ["is_invited_focal_point"]


@rules.predicate
def is_invited_focal_point(user: Visitor, invitation: ReplyInvitation | None) -> bool:
    return (
        invitation is not None
        and user.is_authenticated
        and user.stakeholder_id is not None
        and invitation.stakeholder_id == user.stakeholder_id
    )


rules.add_perm("invitations.view_invitations", is_staff_member)
rules.add_perm("invitations.manage_invitations", is_secretariat)
rules.add_perm("invitations.view_note", is_staff_member | (is_focal_point & is_invited_focal_point))
