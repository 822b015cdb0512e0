from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

__all__ = ["Config"]


class Config(AppConfig):
    name = "hrdialogue.web.pages"
    label = "pages"
    verbose_name = _("Site")

    def ready(self) -> None:
        # The site's own system checks (the database server's durability, with --deploy).
        from hrdialogue.web.config import checks  # noqa: F401, PLC0415
