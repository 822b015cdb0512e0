"""`/api/…`: the django-ninja API, namespace `api`."""

from __future__ import annotations

from hrdialogue.web.api.api import api

__all__ = ["app_name", "urlpatterns"]

app_name = "api"
urlpatterns = list(api.urls[0])
