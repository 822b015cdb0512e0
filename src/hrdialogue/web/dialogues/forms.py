"""Forms of dialogues. The honeypot field `website` is hidden from people and left empty."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.dialogues.models import Moderation, Participation
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES
from hrdialogue.web.pages.uploads import UploadLimitsMixin

__all__ = ["DialogueForm", "ImportForm", "StatementForm", "TranslationForm"]


class _Honeypot(forms.Form):
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class DialogueForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=Consultation.objects.all(), required=False
    )
    moderation = forms.ChoiceField(label=_("Moderation"), choices=Moderation.choices)
    participation = forms.ChoiceField(label=_("Who may take part"), choices=Participation.choices)
    invitees = forms.CharField(
        label=_("Invited e-mail addresses (one per line)"), required=False, widget=forms.Textarea
    )
    seed = forms.BooleanField(
        label=_("Seed one statement per operative paragraph of the resolution"), required=False
    )

    def invitee_list(self) -> list[str]:
        return [line for line in self.cleaned_data["invitees"].splitlines() if line.strip()]


class StatementForm(_Honeypot):
    text = forms.CharField(label=_("Your statement"), max_length=1000, widget=forms.Textarea)


class TranslationForm(forms.Form):
    statement = forms.IntegerField(widget=forms.HiddenInput)
    language = forms.ChoiceField(label=_("Language"), choices=UN_LANGUAGE_CHOICES)
    text = forms.CharField(label=_("Translation"), widget=forms.Textarea)
    provenance = forms.CharField(label=_("Translated by"), max_length=200)


class ImportForm(UploadLimitsMixin):
    comments = forms.FileField(label=_("comments.csv"))
    votes = forms.FileField(label=_("votes.csv"))
    language = forms.ChoiceField(label=_("Language of the comments"), choices=UN_LANGUAGE_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = "en"
