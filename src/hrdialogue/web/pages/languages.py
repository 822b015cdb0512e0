"""The six UN languages as the interface names them, and the active one as a UN code."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hrdialogue.languages import LANGUAGES

__all__ = ["UN_LANGUAGE_CHOICES", "current_un_language", "text_direction"]

UN_LANGUAGE_CHOICES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]


def current_un_language() -> str:
    """The active interface language as an ISO 639-1 code (`zh-hans` → `zh`)."""
    code = (get_language() or "en").lower()
    return "zh" if code.startswith("zh") else code.split("-")[0]


def text_direction(code: str) -> str:
    """`rtl` for Arabic, `ltr` for the others (and for unknown codes)."""
    language = LANGUAGES.get(code)
    return language.direction if language is not None else "ltr"
