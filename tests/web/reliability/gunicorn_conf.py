"""gunicorn settings of the reliability tests: the URL map (and every view it imports) is
loaded once in the master before the workers fork, so no worker spends seconds on its first
request."""

from __future__ import annotations

from typing import Any

__all__ = ["preload_app", "when_ready"]

preload_app = True


def when_ready(server: Any) -> None:
    from django.urls import get_resolver  # Django is set up by now

    get_resolver().url_patterns  # noqa: B018 (evaluated for its imports)
