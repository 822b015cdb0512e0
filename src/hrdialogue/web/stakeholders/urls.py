from __future__ import annotations

from django.urls import path

from hrdialogue.web.stakeholders import views

__all__ = ["app_name", "urlpatterns"]

app_name = "stakeholders"
urlpatterns = [
    path("", views.stakeholder_list, name="list"),
    path("import/", views.import_csv, name="import"),
    path("<slug:code>/", views.detail, name="detail"),
]
