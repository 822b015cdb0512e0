"""Forms of accounts: invitation, accepting one, an account's new role."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.accounts.models import STAFF_ROLES, Role
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = ["AcceptInvitationForm", "InvitationForm", "RoleForm"]


class InvitationForm(forms.Form):
    """An invitation as focal point of a stakeholder (the default: a form sent without a role
    is one), as moderator or as member of the Secretariat (no stakeholder)."""

    email = forms.EmailField(label=_("E-mail address"))
    role = forms.TypedChoiceField(
        label=_("Role"),
        choices=[(role.value, role.label) for role in (Role.FOCAL_POINT, *STAFF_ROLES)],
        initial=Role.FOCAL_POINT,
        required=False,
        empty_value=Role.FOCAL_POINT.value,
        widget=forms.RadioSelect,
    )
    stakeholder = forms.ModelChoiceField(
        label=_("Stakeholder the focal point acts for"),
        queryset=Stakeholder.objects.all(),
        required=False,
        help_text=_("For a focal point only: a staff member acts for no stakeholder."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, stakeholder = data.get("role"), data.get("stakeholder")
        if role == Role.FOCAL_POINT and stakeholder is None and "stakeholder" not in self.errors:
            self.add_error("stakeholder", _("Choose the stakeholder the focal point will act for."))
        if role in STAFF_ROLES and stakeholder is not None:
            self.add_error(
                "stakeholder", _("A staff member acts for no stakeholder: leave this empty.")
            )
        return data


class RoleForm(forms.Form):
    """The new role of an account (the service says which changes are allowed)."""

    role = forms.ChoiceField(label=_("New role"), choices=Role.choices)


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
