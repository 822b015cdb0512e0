from __future__ import annotations

from django.urls import path

from hrdialogue.web.submissions import expiry, views

__all__ = ["app_name", "urlpatterns"]

app_name = "submissions"
urlpatterns = [
    path("consultations/<int:pk>/reply/", views.reply, name="reply"),
    path("consultations/<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    path("consultations/<int:pk>/published/", views.published, name="published"),
    path("consultations/<int:pk>/paragraphs/", views.by_paragraph, name="by_paragraph"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/published-file/", views.published_file, name="published_file"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("versions/<int:pk>/", views.version, name="version"),
    path("versions/<int:pk>/receipt.json", views.receipt, name="receipt"),
    path("versions/<int:pk>/comments.json", views.comments_file, name="comments"),
    path("versions/<int:pk>/content/", views.original, name="original"),
    path("receipts/verify/", views.verify, name="verify"),
    path("receipts/public-key.pem", views.public_key, name="public_key"),
    path("session/extend/", expiry.extend_session, name="extend_session"),
]
