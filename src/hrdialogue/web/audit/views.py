"""The audit log for the Secretariat: read, filter, export as CSV; whether its chain holds."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from hrdialogue.auditchain import ChainReport
from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.audit.forms import AuditFilterForm
from hrdialogue.web.audit.models import AuditEntry
from hrdialogue.web.audit.services import export_csv, verify_chain

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
    chain = verify_chain()
    return render(
        request,
        "audit/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "chain": chain,
            "chain_status": _chain_status(chain),
        },
    )


def _chain_status(report: ChainReport) -> str:
    """The chain's state in one translated sentence."""
    problem = report.problem
    if problem is None:
        return ngettext(
            "%(count)s entry verified, each linked to the one before it.",
            "%(count)s entries verified, each linked to the one before it.",
            report.count,
        ) % {"count": report.count}
    if problem.kind == "changed":
        text = _("Entry %(number)s was changed after it was written: its hash no longer matches.")
    elif problem.kind == "deleted" and problem.missing is not None:
        first, last = problem.missing
        if first == last:
            return _("Entry %(number)s is missing: it was deleted from the log.") % {
                "number": first
            }
        return _("Entries %(first)s to %(last)s are missing: they were deleted from the log.") % {
            "first": first,
            "last": last,
        }
    elif problem.kind == "inserted":
        text = _(
            "Entry %(number)s does not follow the entry before it: an entry was inserted"
            " or the order was changed."
        )
    else:
        text = _(
            "The last entry (%(number)s) is not the head the platform recorded: the log was"
            " rewritten."
        )
    return text % {"number": problem.sequence}


@require_safe
@require_perm("audit.view_log")
def export(request: HttpRequest) -> HttpResponse:
    _form, entries = _filtered(request)
    response = HttpResponse(export_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
