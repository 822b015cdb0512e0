from __future__ import annotations

from django.urls import path

from hrdialogue.web.audit import views

__all__ = ["app_name", "urlpatterns"]

app_name = "audit"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("export.csv", views.export, name="export"),
    path("verify/", views.verify, name="verify"),
]
