"""Consultations in the admin are read-only: their details, plan, consultees and phase change
on the consultation's own pages, through audited services that also check the phase and the
plan (`update_details`, `update_plan`, `set_consultees`, `advance_phase`)."""

from __future__ import annotations

from django.contrib import admin

from hrdialogue.web.audit.admin import ReadOnlyAdmin
from hrdialogue.web.consultations.models import Consultation

__all__ = ["ConsultationAdmin"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin[Consultation]):
    list_display = ("title", "phase", "visibility", "reply_deadline")
    list_filter = ("phase", "visibility")
