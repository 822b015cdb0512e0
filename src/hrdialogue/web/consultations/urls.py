from __future__ import annotations

from django.urls import path

from hrdialogue.web.consultations import views

__all__ = ["app_name", "urlpatterns"]

app_name = "consultations"
urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("new/<int:resolution_pk>/<int:index>/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/plan/", views.edit_plan, name="plan"),
    path("<int:pk>/details/", views.edit_details, name="details"),
    path("<int:pk>/consultees/", views.edit_consultees, name="consultees"),
    path("<int:pk>/advance/", views.advance, name="advance"),
]
