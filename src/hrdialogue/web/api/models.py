"""An API token: one person's key to the API, stored only as its SHA-256.

The API speaks English and codes (its labels are not in the six catalogs).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["ApiToken"]


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="account",
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField("name", max_length=100, help_text="What the token is for.")
    # The token is shown once; only its hash is kept, so a copy of the database gives no key.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("first characters", max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API token"
        verbose_name_plural = "API tokens"
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
