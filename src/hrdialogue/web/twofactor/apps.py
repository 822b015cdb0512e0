from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

__all__ = ["Config"]


class Config(AppConfig):
    name = "hrdialogue.web.twofactor"
    label = "twofactor"
    verbose_name = _("Second factor")
