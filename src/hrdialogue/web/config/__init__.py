"""Project configuration: settings, URLs, WSGI/ASGI entry points."""

from __future__ import annotations

__all__: list[str] = []
