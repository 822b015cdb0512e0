"""Replies in the admin are read-only: they change only through `services` (audited)."""

from __future__ import annotations

from typing import TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from hrdialogue.web.submissions.models import Reply, ReplyVersion

__all__ = ["ReplyAdmin", "ReplyVersionAdmin"]

_M = TypeVar("_M", bound=models.Model)


class _ReadOnly(admin.ModelAdmin[_M]):
    def has_add_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


@admin.register(Reply)
class ReplyAdmin(_ReadOnly[Reply]):
    list_display = ("consultation", "number", "stakeholder", "late", "visibility", "published_at")
    list_filter = ("late", "visibility", "needs_review")


@admin.register(ReplyVersion)
class ReplyVersionAdmin(_ReadOnly[ReplyVersion]):
    list_display = ("reply", "number", "source", "language", "needs_review", "submitted_at")
