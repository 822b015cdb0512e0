from __future__ import annotations

from django.urls import path

from hrdialogue.web.dialogues import views

__all__ = ["app_name", "urlpatterns"]

app_name = "dialogues"
urlpatterns = [
    path("", views.dialogue_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.vote, name="vote"),
    path("<int:pk>/statements/", views.add, name="add"),
    path("<int:pk>/moderation/", views.moderation, name="moderation"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/polis.zip", views.export, name="export"),
    path("<int:pk>/import/", views.import_csv, name="import"),
]
