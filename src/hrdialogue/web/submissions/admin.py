"""Replies in the admin are read-only: they change only through `services` (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from hrdialogue.web.submissions.models import Reply, ReplyVersion

__all__ = ["ReplyAdmin", "ReplyVersionAdmin"]


class _ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Reply)
class ReplyAdmin(_ReadOnly):
    list_display = ("consultation", "number", "stakeholder", "late", "visibility", "published_at")
    list_filter = ("late", "visibility", "needs_review")


@admin.register(ReplyVersion)
class ReplyVersionAdmin(_ReadOnly):
    list_display = ("reply", "number", "source", "language", "needs_review", "submitted_at")
