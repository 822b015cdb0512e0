from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.dialogues.models import Dialogue, Statement

__all__ = ["DialogueAdmin", "StatementAdmin"]


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin[Dialogue]):
    list_display = ("title", "consultation", "moderation", "participation", "created_at")
    # Dialogues change through `services` (audited); the admin only reads them.
    readonly_fields = ("created_by", "created_at", "consultation", "moderation", "participation")


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin[Statement]):
    list_display = ("pk", "dialogue", "state", "seeded", "language")
    list_filter = ("state", "seeded")
    readonly_fields = ("dialogue", "state", "seeded", "author", "language", "text")
