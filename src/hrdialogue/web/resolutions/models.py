"""A resolution as uploaded: its text, and the reader's structured result (kept as JSON).

The domain value is `hrdialogue.documents.model.Resolution`; this model is an adapter that
stores it and gives it back (`.resolution`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrdialogue.documents.model import Resolution

__all__ = ["ResolutionDocument"]


class ResolutionDocument(models.Model):
    symbol = models.CharField(_("symbol"), max_length=64, blank=True, db_index=True)
    number = models.CharField(_("number"), max_length=32, blank=True)
    title = models.TextField(_("title"), blank=True)
    language = models.CharField(_("language"), max_length=2)
    body = models.CharField(_("adopted by"), max_length=40, blank=True)
    session = models.PositiveIntegerField(_("session"), null=True, blank=True)
    source_name = models.CharField(_("file name"), max_length=255)
    source_format = models.CharField(_("file format"), max_length=16)
    source_sha256 = models.CharField(max_length=64, db_index=True)
    text = models.TextField()
    data = models.JSONField(help_text="Resolution.model_dump(mode='json')")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ("-uploaded_at",)

    def __str__(self) -> str:
        return self.symbol or self.number or self.source_name

    @property
    def resolution(self) -> Resolution:
        cached: Resolution | None = getattr(self, "_resolution", None)
        if cached is None:
            cached = Resolution.model_validate(self.data)
            self._resolution = cached
        return cached
