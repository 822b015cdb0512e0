"""Consultation pages: public page with plan, and the Secretariat's forms and phase actions.

Someone who may not see a consultation gets 404 (no hint that it exists); someone who may
see it but not change it gets 403.
"""

from __future__ import annotations

from itertools import groupby

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest, acting_account
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.consultations.forms import ConsulteesForm, DetailsForm, OpenForm, PlanForm
from hrdialogue.web.consultations.mandates import describe_mandates
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.consultations.services import (
    advance_phase,
    open_consultation,
    set_consultees,
    update_details,
    update_plan,
    visible_consultations,
)
from hrdialogue.web.consultations.timeline import build_timeline
from hrdialogue.web.pages.languages import (
    UN_LANGUAGE_CHOICES,
    current_un_language,
    text_direction,
)
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.stakeholders.models import Kind, Stakeholder

__all__ = [
    "advance",
    "consultation_list",
    "create",
    "detail",
    "edit_consultees",
    "edit_details",
    "edit_plan",
]


def _apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _mandate_text(consultation: Consultation) -> str:
    try:
        return consultation.resolution.resolution.paragraph(consultation.mandate_anchor).text
    except KeyError:
        return consultation.mandate_value.subject


@require_safe
def consultation_list(request: HttpRequest) -> HttpResponse:
    consultations = visible_consultations(request.user).select_related("resolution")
    return render(request, "consultations/list.html", {"consultations": consultations})


@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("consultations.add_consultation")
def create(request: AuthenticatedHttpRequest, resolution_pk: int, index: int) -> HttpResponse:
    document = get_object_or_404(ResolutionDocument, pk=resolution_pk)
    mandates = describe_mandates(document.resolution)
    if index >= len(mandates):
        raise Http404
    view = mandates[index]
    title = _("Consultation under paragraph %(anchor)s of resolution %(number)s") % {
        "anchor": view.mandate.anchor,
        "number": document.number or document.symbol or document.source_name,
    }
    form = OpenForm(initial={"title": title})
    status = 200
    if request.method == "POST":
        form = OpenForm(request.POST)
        if form.is_valid():
            try:
                consultation = open_consultation(
                    actor=request.user,
                    document=document,
                    mandate_index=index,
                    title=form.cleaned_data["title"],
                    session_opens=form.cleaned_data["session_opens"],
                    visibility=form.cleaned_data["visibility"],
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The consultation was created as a draft."))
                return redirect("consultations:detail", pk=consultation.pk)
        status = 400
    return render(
        request,
        "consultations/create.html",
        {"document": document, "view": view, "form": form},
        status=status,
    )


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    language = current_un_language()
    kind_order = {k: i for i, k in enumerate(Kind.values)}
    rows = sorted(
        (
            (kind_order.get(kind, 99), kind, str(names.get(language) or name))
            for kind, name, names in consultation.consultees.values_list("kind", "name", "names")
        ),
    )
    groups = [
        (Kind(kind).label, [name for _order, _kind, name in members])
        for kind, members in groupby(rows, key=lambda row: row[1])
    ]
    consultee_count = len(rows)
    user = request.user
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "mandate": consultation.mandate_value,
            "timeline": build_timeline(consultation.plan),
            "consultee_groups": groups,
            "consultee_count": consultee_count,
            "can_change": user.has_perm("consultations.change_consultation", consultation),
            "can_advance": user.has_perm("consultations.advance_phase", consultation),
            "next_phase": consultation.next_phase,
            "language_names": [
                str(name) for code, name in UN_LANGUAGE_CHOICES if code in consultation.languages
            ],
            "mandate_text": _mandate_text(consultation),
            "text_dir": text_direction(consultation.resolution.language),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, "consultations.change_consultation")
    form = PlanForm(initial=PlanForm.initial_from(consultation.plan))
    status = 200
    if request.method == "POST":
        form = PlanForm(request.POST)
        if form.is_valid():
            try:
                update_plan(
                    actor=acting_account(request), consultation=consultation, plan=form.plan()
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The plan was saved."))
                return redirect("consultations:detail", pk=consultation.pk)
        status = 400
    return render(
        request,
        "consultations/plan_form.html",
        {"consultation": consultation, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit_details(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, "consultations.change_consultation")
    form = DetailsForm(
        initial={
            "title": consultation.title,
            "visibility": consultation.visibility,
            "questions": "\n".join(consultation.questions),
            "word_limit": consultation.word_limit,
            "languages": consultation.languages,
        }
    )
    status = 200
    if request.method == "POST":
        form = DetailsForm(request.POST)
        if form.is_valid():
            try:
                update_details(
                    actor=acting_account(request), consultation=consultation, **form.cleaned_data
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The consultation was saved."))
                return redirect("consultations:detail", pk=consultation.pk)
        status = 400
    return render(
        request,
        "consultations/details_form.html",
        {"consultation": consultation, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit_consultees(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, "consultations.change_consultation")
    selected = set(consultation.consultees.values_list("pk", flat=True))
    form = ConsulteesForm()
    status = 200
    if request.method == "POST":
        form = ConsulteesForm(request.POST)
        if form.is_valid():
            try:
                set_consultees(
                    actor=acting_account(request),
                    consultation=consultation,
                    stakeholders=form.cleaned_data["stakeholders"],
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The consultees were saved."))
                return redirect("consultations:detail", pk=consultation.pk)
        status = 400
    language = current_un_language()
    groups = []
    for kind, label in Kind.choices:
        members = [
            (s.pk, s.name_in(language), s.pk in selected)
            for s in Stakeholder.objects.filter(kind=kind)
        ]
        if members:
            members.sort(key=lambda m: m[1])
            groups.append((kind, label, members))
    return render(
        request,
        "consultations/consultees_form.html",
        {"consultation": consultation, "form": form, "groups": groups},
        status=status,
    )


@require_POST
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk, "consultations.advance_phase")
    try:
        advance_phase(
            actor=acting_account(request), consultation=consultation, to=request.POST.get("to", "")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("The consultation is now “%(phase)s”.") % {"phase": Phase(consultation.phase).label},
        )
    return redirect("consultations:detail", pk=consultation.pk)
