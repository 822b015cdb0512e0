"""The site's frame: home page, layout, language switcher, error pages, health check."""

from __future__ import annotations

__all__: list[str] = []
