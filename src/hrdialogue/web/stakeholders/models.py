"""A stakeholder (who can be consulted) and its contact addresses."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES

__all__ = ["Contact", "EcosocStatus", "Kind", "NhriStatus", "RegionalGroup", "Stakeholder"]


class Kind(models.TextChoices):
    MEMBER_STATE = "member-state", _("Member State")
    OBSERVER_STATE = "observer-state", _("Observer State")
    UN_ENTITY = "un-entity", _("United Nations entity")
    SPECIALIZED_AGENCY = "specialized-agency", _("Specialized agency")
    IGO = "igo", _("Intergovernmental organization")
    NHRI = "nhri", _("National human rights institution")
    NGO = "ngo", _("Non-governmental organization")


STATE_KINDS = (Kind.MEMBER_STATE, Kind.OBSERVER_STATE)


class RegionalGroup(models.TextChoices):
    AFRICAN = "african", _("African States")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern-european", _("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = "latin-american-caribbean", _("Latin American and Caribbean States")
    WESTERN_EUROPEAN_OTHERS = "western-european-others", _("Western European and other States")


class EcosocStatus(models.TextChoices):
    GENERAL = "general", pgettext_lazy("ECOSOC consultative status", "General")
    SPECIAL = "special", pgettext_lazy("ECOSOC consultative status", "Special")
    ROSTER = "roster", pgettext_lazy("ECOSOC consultative status", "Roster")
    NONE = "none", pgettext_lazy("ECOSOC consultative status", "None")


class NhriStatus(models.TextChoices):
    A = "A", pgettext_lazy("GANHRI accreditation", "A (fully compliant with the Paris Principles)")
    B = "B", pgettext_lazy("GANHRI accreditation", "B (partially compliant)")


class Stakeholder(models.Model):
    """A State or an organisation that a consultation can invite."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=24, choices=Kind.choices, db_index=True)
    name = models.CharField(_("name"), max_length=300, help_text=_("In English; for sorting."))
    names = models.JSONField(
        _("names"), default=dict, blank=True, help_text=_("Name per UN language code.")
    )
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    regional_group = models.CharField(
        _("regional group"), max_length=32, choices=RegionalGroup.choices, blank=True
    )
    group_observer = models.BooleanField(
        _("observer in its group"),
        default=False,
        help_text=_("Attends the group as an observer (the United States in WEOG)."),
    )
    country = models.CharField(
        _("country"), max_length=3, blank=True, help_text="ISO 3166-1 alpha-3"
    )
    ecosoc_status = models.CharField(
        _("ECOSOC status"), max_length=10, choices=EcosocStatus.choices, blank=True
    )
    nhri_status = models.CharField(
        _("accreditation status"), max_length=1, choices=NhriStatus.choices, blank=True
    )
    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ("name",)
        indexes: ClassVar = [models.Index(fields=["kind", "name"])]

    def __str__(self) -> str:
        return self.name

    def name_in(self, language: str) -> str:
        """The name in a UN language (`ar`, `zh`, …), English when there is none."""
        return str(self.names.get(language) or self.name)

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS


class Contact(models.Model):
    """An address to write to: a permanent mission, a focal point's office."""

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    title = models.CharField(_("title or office"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=UN_LANGUAGE_CHOICES,
        default="en",
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ("name",)
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["stakeholder", "email"], name="one_contact_per_address")
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"
