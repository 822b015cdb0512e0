from __future__ import annotations

from django.urls import path

from hrdialogue.web.twofactor import views

__all__ = ["app_name", "urlpatterns"]

app_name = "twofactor"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("set-up/", views.setup, name="setup"),
    path("set-up/code.svg", views.qr_code, name="qr"),
]
