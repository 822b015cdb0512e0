"""The web platform: Django 5.2 LTS, one app per bounded context.

The only package of hrdialogue that imports Django. Apps call the domain packages
(`hrdialogue.documents`, …); the domain never calls back. `python -m hrdialogue.web` is
Django's `manage.py`.
"""

from __future__ import annotations

__all__: list[str] = []
