"""Use cases of accounts: invite a focal point, accept an invitation, deactivate an account."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import Invitation, Role, User
from hrdialogue.web.accounts.signals import user_deactivated
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = [
    "accept_invitation",
    "create_account",
    "deactivate_user",
    "find_invitation",
    "invite_focal_point",
]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_account(
    *,
    actor: Actor,
    email: str,
    password: str,
    role: str,
    stakeholder: Stakeholder | None = None,
    first_name: str = "",
    last_name: str = "",
) -> User:
    """An account made by the Secretariat or by `make run` (demo accounts)."""
    with transaction.atomic():
        user = User.objects.create_user(
            email,
            password,
            role=role,
            stakeholder=stakeholder,
            first_name=first_name,
            last_name=last_name,
        )
        record_change(
            actor=actor,
            action="accounts.create",
            target=user,
            after=snapshot(user, ["email", "role", "stakeholder"]),
        )
    return user


def invite_focal_point(
    *, actor: User, email: str, stakeholder: Stakeholder
) -> tuple[Invitation, str]:
    """A single-use invitation; the token is returned once and only its hash is stored."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            stakeholder=stakeholder,
            token_hash=_hash(token),
            created_by=actor,
            expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_TIMEOUT_DAYS),
        )
        record_change(
            actor=actor,
            action="accounts.invite",
            target=invitation,
            after=snapshot(invitation, ["email", "stakeholder", "expires_at"]),
        )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    """The usable invitation for this token, or None (unknown, used, revoked or expired)."""
    invitation = (
        Invitation.objects.select_related("stakeholder").filter(token_hash=_hash(token)).first()
    )
    return invitation if invitation is not None and invitation.is_usable else None


def accept_invitation(*, token: str, first_name: str, last_name: str, password: str) -> User:
    """Create the focal point's account; the invitation cannot be used again."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(token_hash=_hash(token)).first()
        if invitation is None or not invitation.is_usable:
            raise ValidationError(_("This invitation link is not valid any more."))
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(_("An account with this e-mail address already exists."))
        user = User(
            email=invitation.email,
            first_name=first_name,
            last_name=last_name,
            role=Role.FOCAL_POINT,
            stakeholder=invitation.stakeholder,
        )
        validate_password(password, user)
        user.set_password(password)
        user.save()
        invitation.accepted_at = timezone.now()
        invitation.user = user
        invitation.save(update_fields=["accepted_at", "user"])
        record_change(
            actor=user,
            action="accounts.accept-invitation",
            target=user,
            after=snapshot(user, ["email", "role", "stakeholder"]),
        )
    return user


def deactivate_user(*, actor: User, user: User) -> User:
    """End every session and token of `user`; the account stays for the record."""
    if user.pk == actor.pk:
        raise ValidationError(_("You cannot deactivate your own account."))
    with transaction.atomic():
        before = snapshot(user, ["is_active"])
        user.is_active = False
        user.security_stamp = uuid.uuid4()  # sessions and reset links made before die
        user.save(update_fields=["is_active", "security_stamp"])
        revoked = Invitation.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        user_deactivated.send(sender=User, actor=actor, user=user)  # API tokens end here too
        # The audit entry last: appending locks the audit log's head until the commit, and
        # every writer takes its other locks (the account's tokens here) before it.
        record_change(
            actor=actor,
            action="accounts.deactivate",
            target=user,
            before=before,
            after={"is_active": False, "invitations_revoked": revoked},
        )
    return user
