"""WSGI entry point (`gunicorn hrdialogue.web.config.wsgi`)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

__all__ = ["application"]

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdialogue.web.config.settings.production")
application = get_wsgi_application()
