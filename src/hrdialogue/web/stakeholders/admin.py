from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.stakeholders.models import Contact, Stakeholder

__all__ = ["StakeholderAdmin"]


class ContactInline(admin.TabularInline[Contact, Stakeholder]):
    model = Contact
    extra = 0


@admin.register(Stakeholder)
class StakeholderAdmin(admin.ModelAdmin[Stakeholder]):
    list_display = ("name", "kind", "regional_group", "country")
    list_filter = ("kind", "regional_group")
    search_fields = ("name", "acronym", "code")
    inlines = (ContactInline,)
