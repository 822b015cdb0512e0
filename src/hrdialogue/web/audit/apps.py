from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

__all__ = ["Config"]


class Config(AppConfig):
    name = "hrdialogue.web.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from hrdialogue.web.audit.security import connect_receivers  # noqa: PLC0415

        connect_receivers()
