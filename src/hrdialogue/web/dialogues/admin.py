"""Dialogues in the admin: the title and description may be corrected (audited); how a
dialogue is moderated, who may take part and its invitation list change nowhere but through
`services`. Statements are read-only (moderation is audited on the dialogue's pages)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from hrdialogue.web.audit.admin import AuditedAdmin, ReadOnlyAdmin
from hrdialogue.web.dialogues.models import Dialogue, Statement

__all__ = ["DialogueAdmin", "StatementAdmin"]


@admin.register(Dialogue)
class DialogueAdmin(AuditedAdmin[Dialogue]):
    list_display = ("title", "consultation", "moderation", "participation", "created_at")
    readonly_fields = (
        "created_by",
        "created_at",
        "consultation",
        "moderation",
        "participation",
        "invitees",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # `create_dialogue`, on the dialogues' page

    def has_delete_permission(self, request: HttpRequest, obj: Dialogue | None = None) -> bool:
        return False  # its statements, votes and results are part of the record


@admin.register(Statement)
class StatementAdmin(ReadOnlyAdmin[Statement]):
    list_display = ("pk", "dialogue", "state", "seeded", "language")
    list_filter = ("state", "seeded")
