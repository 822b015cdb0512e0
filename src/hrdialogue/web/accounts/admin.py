"""Accounts in the admin: names are audited; security state is read-only.

Role, stakeholder, e-mail (the login), staff and superuser flags, activity and the password
are not changed here: an account's access changes through audited services (an invitation
makes a focal point or a staff member; the Secretariat's accounts page changes a role;
deactivation ends every session and token). Accounts are never deleted (deactivate them: the
record stays). Adding an account is audited. Invitations to create an
account are read-only: they are made and used through the Secretariat's audited pages.
Django's groups are not in the admin: roles and `rules` decide who may do what, and a group
would be a way to grant rights that no audit entry records. The sign-in lockout's records
(django-axes): deleting an attempt unlocks an account, an audited change; the access logs are
read-only.
"""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from hrdialogue.web.accounts.models import Invitation, User
from hrdialogue.web.audit.admin import AuditedAdmin, ReadOnlyAdmin

__all__ = ["AccessAttemptAdmin", "AccessLogAdmin", "InvitationAdmin", "UserAdmin"]

admin.site.unregister(Group)  # registered by django.contrib.auth.admin, imported above

_SECURITY_STATE = (
    "email",
    "role",
    "stakeholder",
    "is_active",
    "is_staff",
    "is_superuser",
    "last_login",
    "date_joined",
)


@admin.register(User)
class UserAdmin(AuditedAdmin[User], BaseUserAdmin[User]):
    ordering = ("email",)
    list_display = ("email", "role", "stakeholder", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("email", "first_name", "last_name")
    # No password here, not even its hash.
    fieldsets = (
        (None, {"fields": ("email",)}),
        ("Profile", {"fields": ("first_name", "last_name", "role", "stakeholder")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "password1", "password2", "role", "stakeholder")}),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> Any:
        return _SECURITY_STATE if obj is not None else ()

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        return False

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        raise PermissionDenied  # a password changes by its owner's reset link only


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin[Invitation]):
    list_display = ("email", "role", "stakeholder", "created_at", "accepted_at", "revoked_at")
    exclude = ("token_hash",)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AuditedAdmin[AccessAttempt]):
    """Failed sign-ins that lock an account out: deleting one unlocks it, audited."""

    list_display = ("attempt_time", "username", "ip_address", "failures_since_start")
    search_fields = ("username", "ip_address")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AccessLog, AccessFailureLog)
class AccessLogAdmin(ReadOnlyAdmin[Any]):
    """Who signed in and who failed to: a record, never edited."""

    list_display = ("attempt_time", "username", "ip_address")
