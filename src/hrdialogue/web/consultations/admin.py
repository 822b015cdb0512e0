from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.consultations.models import Consultation

__all__ = ["ConsultationAdmin"]


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin[Consultation]):
    list_display = ("title", "phase", "visibility", "reply_deadline")
    list_filter = ("phase", "visibility")
    # Phases move by audited actions only (services.advance_phase), not in the admin.
    readonly_fields = ("phase", "mandate")
    filter_horizontal = ("consultees",)
