"""Forms of accounts: invitation, accepting one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = ["AcceptInvitationForm", "InvitationForm"]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the focal point"))
    stakeholder = forms.ModelChoiceField(
        label=_("Stakeholder the focal point acts for"), queryset=Stakeholder.objects.all()
    )


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html(),
        strip=False,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data
