"""A person's account and role; invitations that create an account: a focal point's (for a
stakeholder) or a staff member's (Secretariat or moderator)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = ["STAFF_ROLES", "Invitation", "Role", "User"]


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", pgettext_lazy("role", "Secretariat")
    MODERATOR = "moderator", pgettext_lazy("role", "Moderator")
    FOCAL_POINT = "focal-point", pgettext_lazy("role", "Focal point")
    PUBLIC = "public", pgettext_lazy("role", "Member of the public")


STAFF_ROLES = (Role.SECRETARIAT, Role.MODERATOR)
"""The roles an invitation without a stakeholder gives."""


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("an account needs an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True, role=Role.SECRETARIAT)
        return self.create_user(email, password, **fields)


class User(AbstractUser):
    """An account, identified by its e-mail address."""

    # No username: the e-mail is the login (USERNAME_FIELD). Django's documented way to drop an
    # inherited field, which django-stubs types as `str` on AbstractUser.
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PUBLIC)
    stakeholder = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_points",
        help_text=_("The stakeholder a focal point acts for."),
    )
    # Rotated on deactivation and password change: every session and token made before dies.
    security_stamp = models.UUIDField(default=uuid.uuid4, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    # Our manager creates accounts by e-mail; django-stubs types AbstractUser.objects as Django's
    # username-based UserManager, whose create_user(username, …) this one does not extend.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=~models.Q(role="focal-point") | models.Q(stakeholder__isnull=False),
                name="focal_point_has_stakeholder",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_session_auth_hash(self) -> str:
        """Sessions are bound to the password hash and to the security stamp."""
        return salted_hmac(
            "hrdialogue.accounts.session",
            f"{self.password}|{self.security_stamp}",
            algorithm="sha256",
        ).hexdigest()


class Invitation(models.Model):
    """A link the Secretariat sends so that someone can create an account with `role`: a focal
    point of `stakeholder`, or a staff member (Secretariat, moderator), who has no stakeholder."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.FOCAL_POINT
    )
    stakeholder = models.ForeignKey(
        "stakeholders.Stakeholder",
        on_delete=models.CASCADE,
        related_name="invitations",
        null=True,
        blank=True,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="invitations_sent", null=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at",)
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    models.Q(role="focal-point", stakeholder__isnull=False)
                    | models.Q(role__in=["secretariat", "moderator"], stakeholder__isnull=True)
                ),
                name="invitation_role_matches_stakeholder",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.stakeholder_id or self.role}"

    @property
    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
