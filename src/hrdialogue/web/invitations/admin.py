from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.invitations.models import ReplyInvitation

__all__ = ["ReplyInvitationAdmin"]


@admin.register(ReplyInvitation)
class ReplyInvitationAdmin(admin.ModelAdmin[ReplyInvitation]):
    list_display = ("reference", "stakeholder", "language", "email", "sent_at", "used_at")
    # Invitations change through `services` (audited); the admin only reads them.
    readonly_fields = ("token_hash", "sent_at", "expires_at", "used_at", "email")
