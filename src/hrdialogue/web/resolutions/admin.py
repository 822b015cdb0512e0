"""Resolutions in the admin: what the reader took from the header (symbol, number, title,
adopting body, session) may be corrected, audited. The text, the file and the reader's
result are read-only; a resolution is added by upload (audited) and never deleted here
(consultations stand on it)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from hrdialogue.web.audit.admin import AuditedAdmin
from hrdialogue.web.resolutions.models import ResolutionDocument

__all__ = ["ResolutionDocumentAdmin"]


@admin.register(ResolutionDocument)
class ResolutionDocumentAdmin(AuditedAdmin[ResolutionDocument]):
    list_display = ("symbol", "title", "language", "uploaded_at")
    readonly_fields = (
        "language",
        "source_name",
        "source_format",
        "source_sha256",
        "text",
        "data",
        "uploaded_by",
        "uploaded_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(
        self, request: HttpRequest, obj: ResolutionDocument | None = None
    ) -> bool:
        return False
