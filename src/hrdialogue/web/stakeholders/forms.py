"""Forms of the registry: CSV import and a contact."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.pages.uploads import UploadLimitsMixin
from hrdialogue.web.stakeholders.models import Contact, Kind

__all__ = ["ContactForm", "ImportForm"]


class ImportForm(UploadLimitsMixin):
    upload_limits: ClassVar[dict[str, str]] = {"file": "STAKEHOLDER_CSV_MAX_BYTES"}

    kind = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[(Kind.NGO.value, Kind.NGO.label), (Kind.NHRI.value, Kind.NHRI.label)],
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, with the columns name, acronym, country (ISO 3166-1 alpha-3), email, status "
            "(NGOs: general, special, roster or none; NHRIs: A or B)."
        ),
    )


class ContactForm(forms.ModelForm[Contact]):
    class Meta:
        model = Contact
        fields = ("name", "email", "title", "language")
