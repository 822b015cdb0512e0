"""The URL map: one namespace per app; `/i18n/setlang/` for the language switcher."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

__all__ = ["urlpatterns"]

admin.site.site_header = "hrdialogue"

urlpatterns = [
    path("", include("hrdialogue.web.pages.urls")),
    path("accounts/", include("hrdialogue.web.accounts.urls")),
    path("two-factor/", include("hrdialogue.web.twofactor.urls")),
    path("stakeholders/", include("hrdialogue.web.stakeholders.urls")),
    path("resolutions/", include("hrdialogue.web.resolutions.urls")),
    path("consultations/", include("hrdialogue.web.consultations.urls")),
    path("audit/", include("hrdialogue.web.audit.urls")),
    path("invitations/", include("hrdialogue.web.invitations.urls")),
    path("replies/", include("hrdialogue.web.submissions.urls")),
    path("api/", include("hrdialogue.web.api.urls")),
    path("account/api-tokens/", include("hrdialogue.web.api.page_urls")),
    path("dialogues/", include("hrdialogue.web.dialogues.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler403 = "hrdialogue.web.pages.views.forbidden"
handler404 = "hrdialogue.web.pages.views.not_found"
handler500 = "hrdialogue.web.pages.views.server_error"
