"""Forms of invitations."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES

__all__ = ["SendForm"]


class SendForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the note verbale"), choices=UN_LANGUAGE_CHOICES
    )
    recipient_name = forms.CharField(
        label=_("Name of the recipient in the note"),
        max_length=300,
        help_text=_(
            "As it follows “of” in the note's language: “la France”, “Российской Федерации”."
        ),
    )
    email = forms.EmailField(label=_("E-mail address of the focal point"))
