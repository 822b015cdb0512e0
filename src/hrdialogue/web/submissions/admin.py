"""Replies in the admin are read-only: they change only through `services` (audited)."""

from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.audit.admin import ReadOnlyAdmin
from hrdialogue.web.submissions.models import Reply, ReplyVersion

__all__ = ["ReplyAdmin", "ReplyVersionAdmin"]


@admin.register(Reply)
class ReplyAdmin(ReadOnlyAdmin[Reply]):
    list_display = ("consultation", "number", "stakeholder", "late", "visibility", "published_at")
    list_filter = ("late", "visibility", "needs_review")


@admin.register(ReplyVersion)
class ReplyVersionAdmin(ReadOnlyAdmin[ReplyVersion]):
    list_display = ("reply", "number", "source", "language", "needs_review", "submitted_at")
