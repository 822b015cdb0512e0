"""`/account/api-tokens/`: the page of one's own API tokens (namespace `api_tokens`)."""

from __future__ import annotations

from django.urls import path

from hrdialogue.web.api import pages

__all__ = ["app_name", "urlpatterns"]

app_name = "api_tokens"
urlpatterns = [
    path("", pages.token_list, name="list"),
    path("<int:pk>/revoke/", pages.revoke, name="revoke"),
]
