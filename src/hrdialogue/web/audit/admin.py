"""Read-only in the admin too: nobody adds, changes or deletes an audit entry there."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from hrdialogue.web.audit.models import AuditEntry

__all__ = ["AuditEntryAdmin"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("sequence", "at", "actor_label", "action", "target_type", "target_label")
    list_filter = ("action", "target_type")

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
