from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.resolutions.models import ResolutionDocument

__all__ = ["ResolutionDocumentAdmin"]


@admin.register(ResolutionDocument)
class ResolutionDocumentAdmin(admin.ModelAdmin[ResolutionDocument]):
    list_display = ("symbol", "title", "language", "uploaded_at")
    readonly_fields = ("source_sha256", "data")
