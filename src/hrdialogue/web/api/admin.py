"""API tokens in the admin: only the name changes (audited); revoking goes through
`revoke_token` (audited). The owner, the hash and the revocation are read-only: a revoked
token is never brought back, nor handed to another account. Tokens are issued on the account's
page (the token is shown once) and never deleted here (the record stays)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from hrdialogue.web.accounts.requests import acting_account
from hrdialogue.web.api.models import ApiToken
from hrdialogue.web.api.services import revoke_token
from hrdialogue.web.audit.admin import AuditedAdmin

__all__ = ["ApiTokenAdmin"]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin[ApiToken]):
    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    fields = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at", "revoked_at")
    search_fields = ("user__email", "name", "prefix")
    actions = ("revoke",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.filter(revoked_at__isnull=True):
            revoke_token(actor=acting_account(request), token=token)
