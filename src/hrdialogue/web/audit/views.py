"""The audit log for the Secretariat: read, filter, export as CSV."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.audit.forms import AuditFilterForm
from hrdialogue.web.audit.models import AuditEntry
from hrdialogue.web.audit.services import export_csv

__all__ = ["entry_list", "export"]


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    elif form.is_bound:
        entries = AuditEntry.objects.none()
    return form, entries


@require_safe
@require_perm("audit.view_log")
def entry_list(request: HttpRequest) -> HttpResponse:
    form, entries = _filtered(request)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/list.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@require_safe
@require_perm("audit.view_log")
def export(request: HttpRequest) -> HttpResponse:
    _form, entries = _filtered(request)
    response = HttpResponse(export_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
