"""Invitations to reply are read-only in the admin: they are made, corrected, sent and used
through `services` (audited); their link and recipient are security state."""

from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.audit.admin import ReadOnlyAdmin
from hrdialogue.web.invitations.models import ReplyInvitation

__all__ = ["ReplyInvitationAdmin"]


@admin.register(ReplyInvitation)
class ReplyInvitationAdmin(ReadOnlyAdmin[ReplyInvitation]):
    list_display = ("reference", "stakeholder", "language", "email", "sent_at", "used_at")
    exclude = ("token_hash",)
