"""Use cases of invitations: one per consultee, e-mailed with a single-use link, reminders.

Each change runs in one transaction with its audit entry; bad input raises
`ValidationError` and changes nothing. The link's token is returned once and only its hash
is stored. When nobody has an account at the address yet, the link also creates the focal
point's account (through `accounts.services.invite_focal_point` / `accept_invitation`, with
the same token), then leads to the reply form.

Signatures (stable):

- `create_invitations(*, actor, consultation, stakeholders=None) -> int`
- `update_invitation(*, actor, invitation, language, recipient_name) -> ReplyInvitation`
- `send_invitation(*, actor, invitation, email, link_for) -> str` (the token; `link_for`
  turns a token into an absolute URL)
- `find_reply_invitation(token) -> ReplyInvitation | None`
- `use_invitation(*, user, invitation) -> ReplyInvitation`
- `awaited_stakeholders(consultation) -> QuerySet[Stakeholder]`
- `send_due_reminders(*, today=None) -> int`
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import User
from hrdialogue.web.accounts.services import invite_focal_point
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.invitations.models import ReplyInvitation
from hrdialogue.web.invitations.reminders import awaited_stakeholders, send_due_reminders
from hrdialogue.web.invitations.tasks import send_invitation_email
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = [
    "awaited_stakeholders",
    "create_invitations",
    "find_reply_invitation",
    "send_due_reminders",
    "send_invitation",
    "update_invitation",
    "use_invitation",
]

_LANGUAGES = {code for code, _name in UN_LANGUAGE_CHOICES}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_invitations(
    *, actor: Actor, consultation: Consultation, stakeholders: Iterable[Stakeholder] | None = None
) -> int:
    """An invitation for every consultee (or the ones given) that has none yet."""
    if consultation.phase not in (Phase.DRAFT, Phase.OPEN):
        raise ValidationError(
            _("Invitations are prepared while the consultation is a draft or open.")
        )
    consultees = consultation.consultees.prefetch_related("contacts")
    if stakeholders is not None:
        consultees = consultees.filter(pk__in=[s.pk for s in stakeholders])
    invited = set(consultation.invitations.values_list("stakeholder_id", flat=True))
    new = []
    for stakeholder in consultees:
        if stakeholder.pk in invited:
            continue
        contacts = list(stakeholder.contacts.all())
        language = contacts[0].language if contacts and contacts[0].language in _LANGUAGES else "en"
        new.append(
            ReplyInvitation(
                consultation=consultation,
                stakeholder=stakeholder,
                language=language,
                recipient_name=stakeholder.name_in(language),
                reference=f"HRD/C{consultation.pk}/{stakeholder.code.upper()}"[:64],
                email=contacts[0].email if contacts else (stakeholder.email or ""),
                created_by=actor,
            )
        )
    with transaction.atomic():
        ReplyInvitation.objects.bulk_create(new)
        record_change(
            actor=actor,
            action="invitations.create",
            target=consultation,
            after={"created": len(new), "stakeholders": sorted(i.stakeholder.code for i in new)},
        )
    return len(new)


def update_invitation(
    *, actor: User, invitation: ReplyInvitation, language: str, recipient_name: str
) -> ReplyInvitation:
    """The note's language and the recipient's name as it follows “of” in it."""
    recipient_name = " ".join(recipient_name.split())
    errors: dict[str, str] = {}
    if language not in _LANGUAGES:
        errors["language"] = _("Choose one of the six official languages.")
    if not recipient_name:
        errors["recipient_name"] = _("Enter the recipient's name as the note writes it.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(invitation, ["language", "recipient_name"])
        invitation.language = language
        invitation.recipient_name = recipient_name[:300]
        invitation.save(update_fields=["language", "recipient_name"])
        record_change(
            actor=actor,
            action="invitations.update",
            target=invitation,
            before=before,
            after=snapshot(invitation, ["language", "recipient_name"]),
        )
    return invitation


def send_invitation(
    *, actor: User, invitation: ReplyInvitation, email: str, link_for: Callable[[str], str]
) -> str:
    """E-mail the invitation with a new single-use link (an earlier link stops working)."""
    email = email.strip().lower()
    if invitation.consultation.phase != Phase.OPEN:
        raise ValidationError(_("Invitations are sent once the consultation is open for replies."))
    account = User.objects.filter(email__iexact=email).first()
    if account is not None and account.stakeholder_id != invitation.stakeholder_id:
        raise ValidationError(
            {
                "email": _("This address belongs to an account that does not act for %(name)s.")
                % {"name": invitation.stakeholder.name}
            }
        )
    with transaction.atomic():
        if account is None:
            # The account is created through this link: the same token, single-use in both.
            _account_invitation, token = invite_focal_point(
                actor=actor, email=email, stakeholder=invitation.stakeholder
            )
        else:
            token = secrets.token_urlsafe(32)
        before = snapshot(invitation, ["email", "sent_at"])
        invitation.email = email
        invitation.token_hash = _hash(token)
        invitation.sent_at = timezone.now()
        invitation.expires_at = invitation.sent_at + dt.timedelta(
            days=settings.INVITATION_TIMEOUT_DAYS
        )
        invitation.used_at = None
        invitation.save(update_fields=["email", "token_hash", "sent_at", "expires_at", "used_at"])
        record_change(
            actor=actor,
            action="invitations.send",
            target=invitation,
            before=before,
            after=snapshot(invitation, ["email", "sent_at", "expires_at"]),
        )
        link = link_for(token)
        transaction.on_commit(lambda: send_invitation_email.enqueue(invitation.pk, link))
    return token


def find_reply_invitation(token: str) -> ReplyInvitation | None:
    """The invitation whose link this is, when the link is still usable."""
    invitation = (
        ReplyInvitation.objects.select_related("consultation", "stakeholder")
        .filter(token_hash=_hash(token))
        .first()
    )
    return invitation if invitation is not None and invitation.link_is_usable else None


def use_invitation(*, user: User, invitation: ReplyInvitation) -> ReplyInvitation:
    """The link was followed by a focal point of the stakeholder: it cannot be used again."""
    if user.stakeholder_id != invitation.stakeholder_id:
        raise ValidationError(_("This invitation is for another stakeholder."))
    with transaction.atomic():
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
        record_change(
            actor=user,
            action="invitations.use",
            target=invitation,
            after={"used_at": invitation.used_at.isoformat()},
        )
    return invitation
