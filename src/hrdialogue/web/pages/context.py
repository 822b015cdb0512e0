"""Template context every page gets: the languages for the switcher, the user's role."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

__all__ = ["site"]


def site(request: HttpRequest) -> dict[str, Any]:
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append({"code": code, "name_local": info["name_local"], "bidi": info["bidi"]})
    return {"site_languages": languages}
