"""The audit log for the Secretariat: read, filter, export as CSV; whether its chain holds.

Each visit checks the entries written since the last check (`check_on_visit`); the full
check of every entry runs with `audit_verify` on a schedule, or with the page's button.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from hrdialogue.auditchain import ChainProblem
from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest
from hrdialogue.web.audit.checks import ChainState, check_on_visit, run_full_check
from hrdialogue.web.audit.forms import AuditFilterForm
from hrdialogue.web.audit.models import AuditEntry, ChainCheck, CheckKind
from hrdialogue.web.audit.services import export_csv

__all__ = ["entry_list", "export", "verify"]


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, QuerySet[AuditEntry]]:
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
    state = check_on_visit()
    return render(
        request,
        "audit/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "state": state,
            **_chain_texts(state),
        },
    )


@require_POST
@require_perm("audit.view_log")
def verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Run the full check now, then back to the log (with its filters)."""
    check = run_full_check(actor=request.user)
    if check.problem_kind:
        messages.error(request, _full_status(check))
    else:
        messages.success(request, _full_status(check))
    query = request.GET.urlencode()
    return redirect(reverse("audit:list") + (f"?{query}" if query else ""))


def _when(at: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(at), "Y-m-d H:i")


def _chain_texts(state: ChainState) -> dict[str, str]:
    """The page's sentences about the chain, translated."""
    visit = state.visit
    if visit.ok and visit.last_sequence == 0:
        visit_status = _("The audit log has no entry yet.")
    elif visit.ok and visit.count == 0:
        visit_status = _(
            "Entries up to number %(number)s verified; no new entry since the previous check."
        ) % {"number": visit.last_sequence}
    elif visit.ok:
        visit_status = ngettext(
            "Entries up to number %(number)s verified: %(count)s new entry checked on this"
            " visit, linked to the ones before it.",
            "Entries up to number %(number)s verified: %(count)s new entries checked on this"
            " visit, linked to the ones before it.",
            visit.count,
        ) % {"number": visit.last_sequence, "count": visit.count}
    else:
        visit_status = _problem_text(visit.report.problem)
    texts = {
        "visit_status": visit_status,
        "full_status": _full_status(state.last_full),
        "problem_status": "",
        "problem_found": "",
        "overdue": "",
    }
    problem = state.problem
    if problem is not None:
        texts["problem_status"] = _problem_text(problem.report.problem)
        if problem.kind == CheckKind.FULL:
            found = _("Found by the full check of %(when)s.")
        else:
            found = _("Found by the check of new entries of %(when)s.")
        texts["problem_found"] = " ".join(
            [
                found % {"when": _when(problem.at)},
                _("It stays reported here until a full check passes."),
            ]
        )
    if state.last_full is None:
        texts["overdue"] = _(
            "No full check of the whole log has run yet. Run one now, and schedule the"
            " audit_verify command (its --help shows how)."
        )
    elif state.full_check_overdue:
        hours = round(state.max_age.total_seconds() / 3600)
        texts["overdue"] = ngettext(
            "No full check of the whole log has run for more than %(hours)s hour. Run one now,"
            " and make sure the audit_verify command runs on its schedule.",
            "No full check of the whole log has run for more than %(hours)s hours. Run one now,"
            " and make sure the audit_verify command runs on its schedule.",
            hours,
        ) % {"hours": hours}
    return texts


def _full_status(check: ChainCheck | None) -> str:
    if check is None:
        return _("No full check of the whole log has run yet.")
    problem = check.report.problem
    if problem is None:
        return ngettext(
            "Last full check, %(when)s: passed, %(count)s entry verified.",
            "Last full check, %(when)s: passed, %(count)s entries verified.",
            check.count,
        ) % {"when": _when(check.at), "count": check.count}
    return _("Last full check, %(when)s: it found a problem. %(problem)s") % {
        "when": _when(check.at),
        "problem": _problem_text(problem),
    }


def _problem_text(problem: ChainProblem | None) -> str:
    """A problem of the chain in one translated sentence."""
    if problem is None:
        return ""
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
