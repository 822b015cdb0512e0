from __future__ import annotations

from django.urls import path

from hrdialogue.web.invitations import views

__all__ = ["app_name", "urlpatterns"]

app_name = "invitations"
urlpatterns = [
    path("consultations/<int:pk>/", views.invitation_list, name="list"),
    path("consultations/<int:pk>/prepare/", views.create, name="create"),
    path("<int:pk>/send/", views.send, name="send"),
    path("<int:pk>/note.<str:fmt>", views.note, name="note"),
    path("link/<str:token>/", views.follow, name="follow"),
]
