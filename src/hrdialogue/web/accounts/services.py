"""Use cases of accounts: invite a focal point or a staff member, accept an invitation, change an
account's role, deactivate an account."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import STAFF_ROLES, Invitation, Role, User
from hrdialogue.web.accounts.signals import user_deactivated, user_demoted
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = [
    "ASSIGNABLE_ROLES",
    "RoleChange",
    "accept_invitation",
    "change_role",
    "create_account",
    "deactivate_user",
    "find_invitation",
    "invite_focal_point",
    "invite_staff_member",
]

ASSIGNABLE_ROLES = (Role.SECRETARIAT, Role.MODERATOR, Role.PUBLIC)
"""The roles the Secretariat gives on its accounts page (a focal point's comes with its
stakeholder, through an invitation)."""

# Rank of the roles `change_role` moves between: a change to a lower rank is a demotion.
_RANK = {Role.PUBLIC: 0, Role.MODERATOR: 1, Role.SECRETARIAT: 2}


@dataclass(frozen=True)
class RoleChange:
    """What `change_role` did: the account with its new role; whether that was a demotion
    (sessions ended); how many API tokens the demotion revoked."""

    user: User
    demotion: bool
    tokens_revoked: int


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
    return _invite(actor=actor, email=email, role=Role.FOCAL_POINT, stakeholder=stakeholder)


def invite_staff_member(*, actor: User, email: str, role: str) -> tuple[Invitation, str]:
    """A single-use invitation to join as a member of the Secretariat or as a moderator (no
    stakeholder); the token is returned once and only its hash is stored."""
    if role not in STAFF_ROLES:
        raise ValidationError(
            {
                "role": _(
                    "A staff member is invited as a member of the Secretariat or as a moderator."
                )
            }
        )
    return _invite(actor=actor, email=email, role=role, stakeholder=None)


def _invite(
    *, actor: User, email: str, role: str, stakeholder: Stakeholder | None
) -> tuple[Invitation, str]:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            role=role,
            stakeholder=stakeholder,
            token_hash=_hash(token),
            created_by=actor,
            expires_at=timezone.now() + dt.timedelta(days=settings.INVITATION_TIMEOUT_DAYS),
        )
        record_change(
            actor=actor,
            action="accounts.invite",
            target=invitation,
            after=snapshot(invitation, ["email", "role", "stakeholder", "expires_at"]),
        )
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    """The usable invitation for this token, or None (unknown, used, revoked or expired)."""
    invitation = (
        Invitation.objects.select_related("stakeholder").filter(token_hash=_hash(token)).first()
    )
    return invitation if invitation is not None and invitation.is_usable else None


def accept_invitation(*, token: str, first_name: str, last_name: str, password: str) -> User:
    """Create the account with the invitation's role (a focal point's with its stakeholder; a
    staff member's without one, never with the admin's staff or superuser flags); the
    invitation cannot be used again."""
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
            role=invitation.role,
            stakeholder=invitation.stakeholder,
            is_staff=False,
            is_superuser=False,
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


def change_role(*, actor: Actor, user: User, role: str) -> RoleChange:
    """Give `user` the role `role` (Secretariat, moderator or member of the public).

    Refused: one's own role; a focal point's (it belongs to the stakeholder), and making anyone
    a focal point; the demotion of the last active member of the Secretariat. A demotion ends
    the person's sessions and reset links (a new security stamp), clears the admin's staff
    and superuser flags and revokes the person's API tokens (`user_demoted`), all in one
    transaction. Audited, with the role and the flags before and after.
    """
    if actor is not None and actor.pk == user.pk:
        raise ValidationError(_("You cannot change your own role."))
    if role not in _RANK:
        raise ValidationError(
            _("No one becomes a focal point here: a focal point is invited for a stakeholder.")
        )
    with transaction.atomic():
        # The account and every active member of the Secretariat, locked in one order (by key)
        # by every role change: two members who demote each other at once are serialised, and
        # the second sees that the first is no longer in the Secretariat.
        locked = {
            account.pk: account
            for account in User.objects.select_for_update()
            .filter(Q(pk=user.pk) | Q(role=Role.SECRETARIAT, is_active=True))
            .order_by("pk")
        }
        account = locked[user.pk]
        if account.role == Role.FOCAL_POINT:
            raise ValidationError(
                _(
                    "%(email)s is a focal point of %(stakeholder)s: that role belongs to the "
                    "stakeholder and is not changed here."
                )
                % {"email": account.email, "stakeholder": account.stakeholder}
            )
        if account.role == role:
            raise ValidationError(_("%(email)s already has this role.") % {"email": account.email})
        others = [
            pk
            for pk, other in locked.items()
            if pk != account.pk and other.role == Role.SECRETARIAT and other.is_active
        ]
        if account.role == Role.SECRETARIAT and account.is_active and not others:
            raise ValidationError(
                _(
                    "%(email)s is the last active member of the Secretariat, who runs the "
                    "platform: give another account the Secretariat role first."
                )
                % {"email": account.email}
            )
        fields = ["role", "is_staff", "is_superuser"]
        before = snapshot(account, fields)
        demotion = _RANK[Role(role)] < _RANK[Role(account.role)]
        account.role = role
        if demotion:
            account.is_staff = account.is_superuser = False  # no admin access is kept
            account.security_stamp = uuid.uuid4()  # sessions and reset links made before die
        account.save(update_fields=[*fields, "security_stamp"] if demotion else ["role"])
        tokens_revoked = 0
        if demotion:  # API tokens end here too, each receiver saying how many grants it ended
            answers: list[object] = [
                answer
                for _receiver, answer in user_demoted.send(
                    sender=User, actor=actor, user=account, role=role
                )
            ]
            tokens_revoked = sum(count for count in answers if isinstance(count, int))
        # The audit entry last (see `deactivate_user`): the accounts are locked above.
        record_change(
            actor=actor,
            action="accounts.change-role",
            target=account,
            before=before,
            after={
                **snapshot(account, fields),
                "sessions_ended": demotion,
                "tokens_revoked": tokens_revoked,
            },
        )
    return RoleChange(user=account, demotion=demotion, tokens_revoked=tokens_revoked)
