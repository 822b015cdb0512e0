"""Verifications of the audit log's hash chain, each kept as a `ChainCheck` record.

`run_full_check` reads every entry: `audit_verify` runs it (on a schedule) and so does the
button on the audit page. `check_on_visit` runs on each visit of the audit page: an
incremental check of the entries written after the last sound check, continued from the
hash that check left (`verify_chain(after=…)`), so that a visit costs what was written
since, not the whole log. An entry changed before that point is not read again: only the
next full check finds it, and the page says so.

A problem found stays reported (`ChainState.problem`) until a later full check passes: a
check of new entries that passes never hides it.

Locking: a check reads the entries and the head in one statement, without a lock, then
writes its record (a row of another table, not an audit entry) in a short statement of its
own. It never takes the head lock of `record_change`, so neither waits for the other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from hrdialogue.auditchain import GENESIS, ChainReport
from hrdialogue.web.audit.models import ChainCheck, CheckKind
from hrdialogue.web.audit.services import Actor, verify_chain

__all__ = ["ChainState", "check_on_visit", "full_check_max_age", "run_full_check"]


def full_check_max_age() -> dt.timedelta:
    """How old the last full check may be before the audit page warns: the setting
    `AUDIT_FULL_CHECK_MAX_AGE_HOURS` (hours, default 24)."""
    return dt.timedelta(hours=float(settings.AUDIT_FULL_CHECK_MAX_AGE_HOURS))


def run_full_check(*, actor: Actor = None) -> ChainCheck:
    """Verify every entry and the recorded head; record and return the result.

    A full check that passes covers what the checks of new entries before it passed, so their
    records go (the table keeps the full checks, every check that found a problem, and the
    checks of new entries since the last full one that passed).
    """
    check = _record_of(verify_chain(), CheckKind.FULL, 0, actor)
    check.save()
    if check.ok:
        ChainCheck.objects.filter(kind=CheckKind.INCREMENTAL, ok=True, pk__lt=check.pk).delete()
    return check


@dataclass(frozen=True)
class ChainState:
    """What the audit page shows of the chain.

    `visit`: the check of this visit (saved when it verified new entries or found a new
    problem; the earlier record when it found the same problem again); `last_full`: the
    latest full check (None: never); `problem`: the latest check that found a problem since
    the last full check that passed (this visit's first), None when there is none;
    `full_check_overdue`: no full check ever, or none within `max_age`.
    """

    visit: ChainCheck
    last_full: ChainCheck | None
    problem: ChainCheck | None
    full_check_overdue: bool
    max_age: dt.timedelta


def check_on_visit() -> ChainState:
    """Verify the entries written since the last sound check (all of them when there is
    none) and gather what the page shows."""
    start = ChainCheck.objects.filter(ok=True).only("last_sequence", "head").first()
    after = (start.last_sequence, start.head) if start is not None else (0, GENESIS)
    visit = _record_of(verify_chain(after=after), CheckKind.INCREMENTAL, after[0])
    if not visit.ok:
        visit = _same_as_latest(visit) or visit
    if visit.pk is None and (visit.count or not visit.ok):
        visit.save()
    last_full = ChainCheck.objects.filter(kind=CheckKind.FULL).first()
    problem = visit if not visit.ok else _problem_since_last_pass()
    max_age = full_check_max_age()
    overdue = last_full is None or timezone.now() - last_full.at > max_age
    return ChainState(visit, last_full, problem, overdue, max_age)


def _same_as_latest(check: ChainCheck) -> ChainCheck | None:
    """The latest record when it already says what `check` says (a broken chain visited
    again: one record, from when it was first found, not one per visit)."""
    latest = ChainCheck.objects.first()
    if (
        latest is not None
        and latest.kind == check.kind
        and latest.from_sequence == check.from_sequence
        and latest.report == check.report
    ):
        return latest
    return None


def _problem_since_last_pass() -> ChainCheck | None:
    failed = ChainCheck.objects.filter(ok=False)
    passed = ChainCheck.objects.filter(kind=CheckKind.FULL, ok=True).values_list("pk").first()
    if passed is not None:
        failed = failed.filter(pk__gt=passed[0])
    return failed.first()


def _record_of(
    report: ChainReport, kind: CheckKind, from_sequence: int, actor: Actor = None
) -> ChainCheck:
    """A (not yet saved) record of `report`."""
    problem = report.problem
    missing = problem.missing if problem is not None else None
    return ChainCheck(
        kind=kind,
        requested_by=actor,
        from_sequence=from_sequence,
        count=report.count,
        last_sequence=report.last_sequence,
        head=report.head,
        ok=problem is None,
        problem_kind=problem.kind if problem is not None else "",
        problem_sequence=problem.sequence if problem is not None else None,
        missing_first=missing[0] if missing else None,
        missing_last=missing[1] if missing else None,
    )
