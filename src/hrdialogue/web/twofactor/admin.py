"""The authenticator devices in the Django admin: who has one, confirmed or not, last used;
never the secret key, and no change (a lost phone: `second_factor_reset`, audited).

django-otp registers an admin of its own that shows and edits the key; it is imported here
first (so that the admin's autodiscovery finds it done) and replaced."""

from __future__ import annotations

from django.contrib import admin
from django_otp.plugins.otp_totp import admin as _otp_totp_admin  # noqa: F401  registers it
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdialogue.web.audit.admin import ReadOnlyAdmin

__all__ = ["DeviceAdmin"]

admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class DeviceAdmin(ReadOnlyAdmin[TOTPDevice]):
    list_display = ("user", "name", "confirmed", "last_used_at")
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields
    search_fields = ("user__email",)
