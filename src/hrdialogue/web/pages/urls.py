from __future__ import annotations

from django.urls import path

from hrdialogue.web.pages import views

__all__ = ["urlpatterns"]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]
