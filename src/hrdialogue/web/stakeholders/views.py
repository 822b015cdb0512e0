"""The registry: list, detail (contacts for staff), CSV import, contacts."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest, acting_account
from hrdialogue.web.pages.languages import current_un_language
from hrdialogue.web.stakeholders.forms import ContactForm, ImportForm
from hrdialogue.web.stakeholders.models import Kind, RegionalGroup, Stakeholder
from hrdialogue.web.stakeholders.services import add_contact, import_organisations

__all__ = ["detail", "import_csv", "stakeholder_list"]


@require_safe
def stakeholder_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    group = request.GET.get("group", "")
    stakeholders = Stakeholder.objects.all()
    if kind in Kind.values:
        stakeholders = stakeholders.filter(kind=kind)
    if group in RegionalGroup.values:
        stakeholders = stakeholders.filter(regional_group=group)
    page = Paginator(stakeholders, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "stakeholders/list.html",
        {
            "page": page,
            "rows": [(s, s.name_in(current_un_language())) for s in page],
            "kinds": Kind.choices,
            "groups": RegionalGroup.choices,
            "kind": kind,
            "group": group,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def detail(request: HttpRequest, code: str) -> HttpResponse:
    stakeholder = get_object_or_404(Stakeholder, code=code)
    form = ContactForm()
    if request.method == "POST":
        if not request.user.has_perm("stakeholders.add_contact"):
            return render(request, "403.html", status=403)
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                add_contact(
                    actor=acting_account(request), stakeholder=stakeholder, **form.cleaned_data
                )
            except IntegrityError:
                form.add_error("email", _("This address is already a contact of this stakeholder."))
            else:
                messages.success(request, _("The contact was added."))
                return redirect("stakeholders:detail", code=stakeholder.code)
    return render(
        request,
        "stakeholders/detail.html",
        {
            "stakeholder": stakeholder,
            "display_name": stakeholder.name_in(current_un_language()),
            "form": form,
            "can_view_contacts": request.user.has_perm("stakeholders.view_contacts"),
            "can_add_contact": request.user.has_perm("stakeholders.add_contact"),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("stakeholders.import_stakeholders")
def import_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    report = None
    form = ImportForm()
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(settings.STAKEHOLDER_CSV_MAX_BYTES + 1)
            report = import_organisations(
                actor=request.user, kind=form.cleaned_data["kind"], data=data
            )
            if report.ok:
                messages.success(
                    request,
                    _("Imported: %(created)d new, %(updated)d updated.")
                    % {"created": report.created, "updated": report.updated},
                )
                return redirect("stakeholders:import")
    status = 400 if report is not None or form.errors else 200
    return render(
        request, "stakeholders/import.html", {"form": form, "report": report}, status=status
    )
