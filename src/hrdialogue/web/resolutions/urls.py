from __future__ import annotations

from django.urls import path

from hrdialogue.web.resolutions import views

__all__ = ["app_name", "urlpatterns"]

app_name = "resolutions"
urlpatterns = [
    path("", views.resolution_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.detail, name="detail"),
]
