"""An invitation of one stakeholder to reply to one consultation, and the reminders sent.

The invitation carries the note verbale's language, reference and the recipient's name as
it follows "of" in that language (the Secretariat can correct it: "la France",
"Российской Федерации"). Its link is single-use: only a hash of the token is stored.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES

__all__ = ["Reminder", "ReplyInvitation"]


class ReplyInvitation(models.Model):
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    stakeholder = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="reply_invitations",
    )
    language = models.CharField(
        _("language of the note verbale"), max_length=2, choices=UN_LANGUAGE_CHOICES
    )
    recipient_name = models.CharField(
        _("name of the recipient in the note"),
        max_length=300,
        help_text=_(
            "As it follows “of” in the note's language: “la France”, “Российской Федерации”."
        ),
    )
    reference = models.CharField(_("reference"), max_length=64, unique=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(_("link used"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("invitation to reply")
        verbose_name_plural = _("invitations to reply")
        ordering = ("consultation", "stakeholder__name")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["consultation", "stakeholder"], name="one_invitation_per_consultee"
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def link_is_usable(self) -> bool:
        return (
            self.token_hash is not None
            and self.used_at is None
            and self.expires_at is not None
            and self.expires_at > timezone.now()
        )


class Reminder(models.Model):
    """A reminder sent for an invitation on one of the plan's reminder dates (once per date)."""

    invitation = models.ForeignKey(
        ReplyInvitation, on_delete=models.CASCADE, related_name="reminders"
    )
    on = models.DateField(_("reminder date"))
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ("invitation", "on")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["invitation", "on"], name="one_reminder_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.invitation} {self.on.isoformat() if isinstance(self.on, dt.date) else ''}"
