"""The registry in the admin: stakeholders and their contacts may be added and corrected,
each change audited (contacts may be removed too, audited). A stakeholder is never deleted
here: accounts, invitations and replies name it."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from hrdialogue.web.audit.admin import AuditedAdmin
from hrdialogue.web.stakeholders.models import Contact, Stakeholder

__all__ = ["StakeholderAdmin"]


class ContactInline(admin.TabularInline[Contact, Stakeholder]):
    """Audited by `StakeholderAdmin.save_formset`."""

    model = Contact
    extra = 0


@admin.register(Stakeholder)
class StakeholderAdmin(AuditedAdmin[Stakeholder]):
    list_display = ("name", "kind", "regional_group", "country")
    list_filter = ("kind", "regional_group")
    search_fields = ("name", "acronym", "code")
    inlines = (ContactInline,)

    def has_delete_permission(self, request: HttpRequest, obj: Stakeholder | None = None) -> bool:
        return False
