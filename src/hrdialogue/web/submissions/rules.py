"""Who may reply, read, publish: declared predicates, tested as a matrix.

A reply is read by the Secretariat and moderators, by the focal points of its own
stakeholder, and — once published, and never when confidential — by whoever may see the
consultation. Nobody else learns that it exists (the views answer 404).

"Published" and "confidential" are the PUBLISHED version's: a later version sent with
another visibility changes nothing public until the Secretariat publishes it (and a
confidential one is never published). The Secretariat may always withdraw a publication.
"""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.accounts.rules import is_focal_point, is_secretariat, is_staff_member
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.consultations.rules import is_consultee_focal_point
from hrdialogue.web.submissions.models import Reply, ReplyVisibility

__all__ = [
    "is_latest_not_confidential",
    "is_own_reply",
    "is_published_reply",
    "is_reply_phase",
]


@rules.predicate
def is_reply_phase(user: Visitor, consultation: Consultation | None) -> bool:
    return consultation is not None and consultation.phase in (
        Phase.OPEN,
        Phase.CLOSED,
        Phase.DRAFTING,
    )


@rules.predicate
def is_own_reply(user: Visitor, reply: Reply | None) -> bool:
    return (
        reply is not None
        and user.is_authenticated
        and user.stakeholder_id is not None
        and reply.stakeholder_id == user.stakeholder_id
    )


@rules.predicate
def is_published_reply(user: Visitor, reply: Reply | None) -> bool:
    return (
        reply is not None
        and reply.public_visibility not in (None, ReplyVisibility.CONFIDENTIAL)
        and user.has_perm("consultations.view_consultation", reply.consultation)
    )


@rules.predicate
def is_latest_not_confidential(user: Visitor, reply: Reply | None) -> bool:
    """The version the Secretariat would publish (the latest) was not sent confidential."""
    return reply is not None and reply.visibility != ReplyVisibility.CONFIDENTIAL


rules.add_perm(
    "submissions.submit_reply", is_focal_point & is_consultee_focal_point & is_reply_phase
)
rules.add_perm(
    "submissions.view_reply", is_staff_member | (is_focal_point & is_own_reply) | is_published_reply
)
# The record of a reply: every version, the original file, the receipts, who sent it.
rules.add_perm("submissions.view_reply_record", is_staff_member | (is_focal_point & is_own_reply))
rules.add_perm("submissions.publish_reply", is_secretariat & is_latest_not_confidential)
rules.add_perm("submissions.withdraw_reply", is_secretariat)
rules.add_perm("submissions.view_dashboard", is_staff_member)
