"""Use cases of API tokens: issue one, find the account behind one, revoke."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import User
from hrdialogue.web.api.models import ApiToken
from hrdialogue.web.audit.services import Actor, record_change

__all__ = [
    "authenticate_token",
    "issue_token",
    "revoke_token",
    "revoke_tokens_of_deactivated",
    "revoke_tokens_of_demoted",
]

TOKEN_PREFIX = "hrd_"  # noqa: S105 (a public marker that says what a string is, not a secret)
MAX_ACTIVE_TOKENS = 10  # per account: one per system that calls the API, with room to rotate
_TOUCH_EVERY = dt.timedelta(minutes=5)  # last use is written at most this often


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(*, actor: Actor, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the token itself is returned once and never stored."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the token a name that says what it is for.")})
    if not user.is_active:
        raise ValidationError(_("A deactivated account cannot have API tokens."))
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        active = ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
        if len(active) >= MAX_ACTIVE_TOKENS:
            raise ValidationError(
                _("An account has at most %(limit)d API tokens: revoke one you no longer use.")
                % {"limit": MAX_ACTIVE_TOKENS}
            )
        token = ApiToken.objects.create(
            user=user, name=name[:100], token_hash=_hash(raw), prefix=raw[:12]
        )
        record_change(
            actor=actor,
            action="api.issue-token",
            target=token,
            after={"user": user.pk, "name": token.name, "prefix": token.prefix},
        )
    return token, raw


def authenticate_token(raw: str) -> User | None:
    """The active account behind a token, or None (unknown, revoked, account deactivated)."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > _TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def revoke_token(*, actor: Actor, token: ApiToken) -> ApiToken:
    with transaction.atomic():
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            record_change(actor=actor, action="api.revoke-token", target=token)
    return token


def revoke_tokens_of_deactivated(
    sender: type[User], *, actor: Actor, user: User, **kwargs: object
) -> int:
    """Receiver of `accounts.signals.user_deactivated`: the account's tokens end with it.

    Runs inside the deactivation's transaction, so both happen or neither.
    """
    return _revoke_all(actor=actor, user=user, after={})


def revoke_tokens_of_demoted(
    sender: type[User], *, actor: Actor, user: User, role: str, **kwargs: object
) -> int:
    """Receiver of `accounts.signals.user_demoted`: a lowered role keeps no token made under the
    higher one (least privilege: a script that ran with the Secretariat's rights stops, and is
    given a new token if the person still needs one). Runs inside the role change's
    transaction, so both happen or neither; returns how many tokens it revoked."""
    return _revoke_all(actor=actor, user=user, after={"reason": "role-lowered", "role": role})


def _revoke_all(*, actor: Actor, user: User, after: dict[str, object]) -> int:
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        record_change(
            actor=actor,
            action="api.revoke-tokens",
            target=user,
            after={"tokens_revoked": revoked, **after},
        )
    return revoked
