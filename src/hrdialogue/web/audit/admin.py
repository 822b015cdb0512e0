"""Read-only in the admin too: nobody adds, changes or deletes an audit entry (nor a record
of a check of the chain) there."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from hrdialogue.web.audit.models import AuditEntry, ChainCheck

__all__ = ["AuditEntryAdmin", "ChainCheckAdmin"]

_M = TypeVar("_M", bound=models.Model)


class _ReadOnly(admin.ModelAdmin[_M]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(_ReadOnly[AuditEntry]):
    list_display = ("sequence", "at", "actor_label", "action", "target_type", "target_label")
    list_filter = ("action", "target_type")


@admin.register(ChainCheck)
class ChainCheckAdmin(_ReadOnly[ChainCheck]):
    list_display = ("at", "kind", "from_sequence", "count", "last_sequence", "ok", "problem_kind")
    list_filter = ("kind", "ok")
