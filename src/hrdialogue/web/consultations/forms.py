"""Forms of a consultation. Each validates fully and reports problems in the user's language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.consultations.models import Visibility
from hrdialogue.web.consultations.plan import Plan, check_plan
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = ["ConsulteesForm", "DetailsForm", "OpenForm", "PlanForm"]


class _DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class OpenForm(forms.Form):
    title = forms.CharField(label=_("Title of the consultation"), max_length=300)
    session_opens = forms.DateField(
        label=_("Opening date of the session the report is for"),
        required=False,
        widget=_DateInput(),
        help_text=_(
            "Read from the resolution for the General Assembly; enter it for other bodies."
        ),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )


class PlanForm(forms.Form):
    session_opens = forms.DateField(label=_("The session opens"), widget=_DateInput())
    report_due = forms.DateField(label=_("Report due"), widget=_DateInput())
    opens_on = forms.DateField(label=_("Call for replies opens"), widget=_DateInput())
    reply_deadline = forms.DateField(label=_("Reply deadline"), widget=_DateInput())
    reminder_1 = forms.DateField(label=_("First reminder"), required=False, widget=_DateInput())
    reminder_2 = forms.DateField(label=_("Second reminder"), required=False, widget=_DateInput())

    @classmethod
    def initial_from(cls, plan: Plan) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "session_opens": plan.session_opens,
            "report_due": plan.report_due,
            "opens_on": plan.opens_on,
            "reply_deadline": plan.reply_deadline,
        }
        for number, date in enumerate(plan.reminders[:2], start=1):
            initial[f"reminder_{number}"] = date
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        for problem in check_plan(self.plan()):
            field = "reminder_1" if problem.field == "reminders" else problem.field
            self.add_error(field, problem.message)
        return data

    def plan(self) -> Plan:
        data = self.cleaned_data
        reminders = tuple(d for d in (data.get("reminder_1"), data.get("reminder_2")) if d)
        return Plan(
            session_opens=data["session_opens"],
            report_due=data["report_due"],
            opens_on=data["opens_on"],
            reply_deadline=data["reply_deadline"],
            reminders=reminders,
        )


class DetailsForm(forms.Form):
    title = forms.CharField(label=_("Title of the consultation"), max_length=300)
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    questions = forms.CharField(
        label=_("Guiding questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One question per line; twenty at most."),
    )
    word_limit = forms.IntegerField(
        label=_("Word limit per reply"),
        required=False,
        min_value=100,
        max_value=20000,
        help_text=_("Leave empty for no limit."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages accepted"),
        choices=UN_LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Accept at least one language.")},
    )

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines()]
        questions = [line for line in lines if line]
        if len(questions) > 20:
            raise forms.ValidationError(_("Twenty questions at most."))
        for number, question in enumerate(questions, start=1):
            if len(question) > 500:
                raise forms.ValidationError(
                    _("Question %(number)d is longer than 500 characters.") % {"number": number}
                )
        return questions


class ConsulteesForm(forms.Form):
    stakeholders = forms.ModelMultipleChoiceField(
        label=_("Consultees"),
        queryset=Stakeholder.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one consultee.")},
    )
