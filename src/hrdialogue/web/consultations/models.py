"""A consultation: one mandate of one resolution, its consultees, plan and phase."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hrdialogue.documents.model import Mandate
from hrdialogue.web.consultations.plan import Plan

__all__ = ["Consultation", "Phase", "Visibility", "default_languages"]

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def default_languages() -> list[str]:
    return list(UN_LANGUAGES)


class Phase(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("consultation phase", "Draft")
    OPEN = "open", pgettext_lazy("consultation phase", "Open for replies")
    CLOSED = "closed", pgettext_lazy("consultation phase", "Closed")
    DRAFTING = "drafting", pgettext_lazy("consultation phase", "Report drafting")
    PUBLISHED = "published", pgettext_lazy("consultation phase", "Published")


PHASE_ORDER = [Phase.DRAFT, Phase.OPEN, Phase.CLOSED, Phase.DRAFTING, Phase.PUBLISHED]


class Visibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("visibility", "Public")
    RESTRICTED = "restricted", pgettext_lazy("visibility", "Consultees only")


class Consultation(models.Model):
    resolution = models.ForeignKey(
        "resolutions.ResolutionDocument",
        verbose_name=_("resolution"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    mandate_index = models.PositiveIntegerField()
    mandate_anchor = models.CharField(_("paragraph"), max_length=32)
    mandate = models.JSONField(help_text="Mandate.model_dump(mode='json') as read")
    title = models.CharField(_("title"), max_length=300)
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.DRAFT)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    consultees = models.ManyToManyField(
        "stakeholders.Stakeholder", verbose_name=_("consultees"), related_name="consultations"
    )
    session_label = models.CharField(_("session"), max_length=200, blank=True)
    session_opens = models.DateField(_("the session opens"))
    session_opens_source = models.CharField(max_length=16, blank=True)
    report_due = models.DateField(_("report due"))
    opens_on = models.DateField(_("call opens"))
    reply_deadline = models.DateField(_("reply deadline"))
    reminders = models.JSONField(_("reminders"), default=list)
    questions = models.JSONField(_("guiding questions"), default=list, blank=True)
    word_limit = models.PositiveIntegerField(_("word limit per reply"), null=True, blank=True)
    languages = models.JSONField(_("languages accepted"), default=default_languages)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self) -> Plan:
        return Plan(
            session_opens=self.session_opens,
            report_due=self.report_due,
            opens_on=self.opens_on,
            reply_deadline=self.reply_deadline,
            reminders=tuple(dt.date.fromisoformat(d) for d in self.reminders),
        )

    @property
    def mandate_value(self) -> Mandate:
        return Mandate.model_validate(self.mandate)

    @property
    def next_phase(self) -> Phase | None:
        position = PHASE_ORDER.index(Phase(self.phase))
        return Phase(PHASE_ORDER[position + 1]) if position + 1 < len(PHASE_ORDER) else None
