"""The audit page checks only the entries written since the last check; the full check
(`audit_verify` on a schedule, or the page's button) reads them all, and what it finds stays
on the page until a later full check passes.

The log is written through `record_change`; tampering is done in raw SQL as a database
administrator would (`_as_a_dba` of test_audit_chain.py).
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.web.test_audit_chain import _as_a_dba

pytestmark = pytest.mark.django_db


def _write(user: Any, n: int) -> None:
    from django.db import transaction

    from hrdialogue.web.audit.services import record_change

    for i in range(n):
        with transaction.atomic():
            record_change(actor=user, action=f"test.check.{i}", target=user, after={"i": i})


def _page(client: Any) -> str:
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    return str(response.content.decode()).replace("&#x27;", "'")


def _checks() -> list[tuple[str, int, int, int, bool, str]]:
    """The check records, oldest first: (kind, after entry, count, up to, passed, problem)."""
    from hrdialogue.web.audit.models import ChainCheck

    return [
        (c.kind, c.from_sequence, c.count, c.last_sequence, c.ok, c.problem_kind)
        for c in ChainCheck.objects.order_by("id")
    ]


@pytest.fixture
def log(secretariat: Any, client: Any) -> Any:
    """Five entries, the Secretariat signed in."""
    _write(secretariat, 5)
    client.force_login(secretariat)
    return secretariat


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sequence numbers of the entries whose hash is computed again, as they are."""
    from hrdialogue import auditchain

    seen: list[int] = []
    real = auditchain.hash_entry

    def counting(fields: Any, prev_hash: str) -> str:
        seen.append(int(fields["sequence"]))
        return real(fields, prev_hash)

    monkeypatch.setattr(auditchain, "hash_entry", counting)
    return seen


def test_a_visit_reads_only_the_entries_written_since_the_last_check(
    log: Any, client: Any, hashed: list[int]
) -> None:
    page = _page(client)
    assert hashed == [1, 2, 3, 4, 5]  # no check before: from the first entry
    assert "The audit log is intact." in page
    assert (
        "Entries up to number 5 verified: 5 new entries checked on this visit, linked to the"
        " ones before it."
    ) in page
    assert _checks() == [("incremental", 0, 5, 5, True, "")]
    hashed.clear()
    page = _page(client)
    assert hashed == []
    assert "Entries up to number 5 verified; no new entry since the previous check." in page
    assert len(_checks()) == 1  # nothing new: nothing recorded
    _write(log, 2)
    hashed.clear()  # record_change hashes the new entries too
    page = _page(client)
    assert hashed == [6, 7]
    assert "Entries up to number 7 verified: 2 new entries checked on this visit" in page
    assert _checks()[-1] == ("incremental", 5, 2, 7, True, "")


def test_an_entry_changed_before_the_verified_point_is_found_by_the_next_full_check(
    log: Any, client: Any
) -> None:
    _page(client)  # entries 1-5 verified
    with _as_a_dba() as cursor:
        cursor.execute("UPDATE audit_auditentry SET target_label = 'edited' WHERE sequence = 2")
    _write(log, 1)
    page = _page(client)
    # Not read again on a visit: the page says so, and the full check finds it.
    assert "The audit log is intact." in page
    assert "Entries up to number 6 verified: 1 new entry checked on this visit" in page
    assert "an entry changed before that point is not read again" in page
    response = client.post(reverse("audit:verify"))
    assert response.status_code == 302
    page = _page(client)
    assert "The audit log is NOT intact." in page
    assert 'role="alert"' in page
    assert "Entry 2 was changed after it was written: its hash no longer matches." in page
    assert "Found by the full check of" in page
    assert "It stays reported here until a full check passes." in page
    assert _checks()[-1] == ("full", 0, 1, 1, False, "changed")

    # New entries that verify do not hide it.
    _write(log, 2)
    page = _page(client)
    assert "Entries up to number 8 verified: 2 new entries checked on this visit" in page
    assert "The audit log is NOT intact." in page
    assert "Entry 2 was changed after it was written" in page

    # Put back as it was, a later full check passes: the alarm ends.
    with _as_a_dba() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET target_label = %s WHERE sequence = 2", [str(log)]
        )
    client.post(reverse("audit:verify"))
    page = _page(client)
    assert "The audit log is intact." in page
    assert "The audit log is NOT intact." not in page
    assert "passed, 8 entries verified." in page


def test_an_entry_changed_after_the_verified_point_is_found_on_the_next_visit(
    log: Any, client: Any
) -> None:
    _page(client)
    _write(log, 3)  # entries 6-8
    with _as_a_dba() as cursor:
        cursor.execute("UPDATE audit_auditentry SET after = NULL WHERE sequence = 7")
    page = _page(client)
    assert "The audit log is NOT intact." in page
    assert "Entry 7 was changed after it was written: its hash no longer matches." in page
    assert "Found by the check of new entries of" in page
    assert _checks()[-1] == ("incremental", 5, 1, 6, False, "changed")
    # Visited again, still broken: still reported, one record for it, from when it was found.
    from django.utils import timezone

    from hrdialogue.web.audit.models import ChainCheck

    found = ChainCheck.objects.get(ok=False)
    found.at = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)
    found.save(update_fields=["at"])
    page = _page(client)
    assert "Entry 7 was changed after it was written" in page
    when = timezone.localtime(found.at).strftime("%Y-%m-%d %H:%M")
    assert f"Found by the check of new entries of {when}." in page
    assert len(_checks()) == 2


@pytest.mark.parametrize(
    ("sql", "text"),
    [
        ("DELETE FROM audit_auditentry WHERE sequence = 6", "Entry 6 is missing"),
        ("DELETE FROM audit_auditentry WHERE sequence >= 7", "Entries 7 to 8 are missing"),
    ],
)
def test_entries_deleted_after_the_verified_point_are_found_on_the_next_visit(
    log: Any, client: Any, sql: str, text: str
) -> None:
    _page(client)
    _write(log, 3)
    with _as_a_dba() as cursor:
        cursor.execute(sql)
    page = _page(client)
    assert "The audit log is NOT intact." in page
    assert text in page


def test_a_log_restored_from_an_older_copy_is_found_on_the_next_visit(
    log: Any, client: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry, AuditHead

    _page(client)  # entries 1-5 verified
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence > 3")
    third = AuditEntry.objects.get(sequence=3)
    AuditHead.objects.update(sequence=3, entry_hash=third.entry_hash)
    page = _page(client)
    assert "The audit log is NOT intact." in page
    assert "The last entry (5) is not the head the platform recorded" in page


def test_the_page_warns_when_no_full_check_ran_lately(log: Any, client: Any, settings: Any) -> None:
    from hrdialogue.web.audit.models import ChainCheck

    page = _page(client)
    assert "No full check of the whole log has run yet. Run one now" in page
    assert 'id="full-check">No full check of the whole log has run yet.</dd>' in page
    client.post(reverse("audit:verify"))
    page = _page(client)
    assert 'id="full-check-overdue"' not in page
    assert "Last full check, " in page
    assert ": passed, 5 entries verified." in page
    ChainCheck.objects.filter(kind="full").update(
        at=ChainCheck.objects.get(kind="full").at - dt.timedelta(hours=25)
    )
    page = _page(client)
    assert 'id="full-check-overdue"' in page
    assert "No full check of the whole log has run for more than 24 hours." in page
    settings.AUDIT_FULL_CHECK_MAX_AGE_HOURS = 48
    page = _page(client)
    assert 'id="full-check-overdue"' not in page
    settings.AUDIT_FULL_CHECK_MAX_AGE_HOURS = 1
    assert "for more than 1 hour." in _page(client)


def test_a_visit_after_a_full_check_goes_on_from_where_it_ended(
    log: Any, client: Any, hashed: list[int]
) -> None:
    client.post(reverse("audit:verify"))
    _write(log, 1)
    hashed.clear()
    page = _page(client)
    assert hashed == [6]
    assert "Entries up to number 6 verified: 1 new entry checked on this visit" in page
    assert _checks() == [("full", 0, 5, 5, True, ""), ("incremental", 5, 1, 6, True, "")]


def test_a_full_check_that_passes_drops_the_records_of_the_checks_it_covers(
    log: Any, client: Any
) -> None:
    """The table does not grow by a record per visit for ever: a full check that passes covers
    the checks of new entries before it; a check that found a problem stays on record."""
    from django.core.management import call_command

    _page(client)
    _write(log, 1)
    _page(client)
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence = 6")
    client.post(reverse("audit:verify"))  # fails: entry 6 is missing
    assert [c[0] for c in _checks()] == ["incremental", "incremental", "full"]
    _write(log, 1)  # (a new entry does not mend the gap: the chain stays broken)
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
        cursor.execute("DELETE FROM audit_audithead")
    _write(log, 2)  # a log started again: the full check passes
    call_command("audit_verify")
    assert _checks() == [
        ("full", 0, 5, 5, False, "deleted"),
        ("full", 0, 2, 2, True, ""),
    ]


def test_the_button_posts_with_csrf_and_comes_back_to_the_filtered_log(log: Any) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(log)
    assert strict.post(reverse("audit:verify")).status_code == 403
    assert _checks() == []
    page = strict.get(reverse("audit:list"), {"action": "test.check"}).content.decode()
    assert f'action="{reverse("audit:verify")}?action=test.check"' in page
    assert "Verify the whole log now" in page
    token = strict.cookies["csrftoken"].value
    response = strict.post(
        reverse("audit:verify") + "?action=test.check", {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("audit:list") + "?action=test.check"
    assert strict.get(reverse("audit:verify")).status_code == 405
    follow = strict.get(response["Location"]).content.decode()
    assert "passed, 5 entries verified." in follow
    assert _checks()[-1][:2] == ("full", 0)


def test_audit_verify_records_a_full_check_each_way(log: Any) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from hrdialogue.web.audit.models import ChainCheck

    call_command("audit_verify")
    assert _checks() == [("full", 0, 5, 5, True, "")]
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence = 3")
    with pytest.raises(CommandError, match="entry 3 is missing"):
        call_command("audit_verify")
    failed = ChainCheck.objects.first()
    assert failed is not None
    assert _checks()[-1] == ("full", 0, 2, 2, False, "deleted")
    assert (failed.missing_first, failed.missing_last, failed.requested_by) == (3, 3, None)


def test_an_empty_log_says_so(client: Any, secretariat: Any) -> None:
    client.force_login(secretariat)
    page = _page(client)
    assert "The audit log is intact. The audit log has no entry yet." in page
    assert _checks() == []


def test_the_command_help_shows_a_schedule() -> None:
    from hrdialogue.web.audit.management.commands.audit_verify import Command

    assert "15 2 * * *" in Command.help
    assert "audit_verify" in Command.help.split("15 2 * * *")[1]


def test_checking_never_takes_the_head_lock(log: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdialogue.web.audit import services
    from hrdialogue.web.audit.checks import check_on_visit, run_full_check

    def refuse() -> Any:
        raise AssertionError("a check took the head lock")

    monkeypatch.setattr(services, "_locked_head", refuse)
    assert run_full_check().ok
    assert check_on_visit().visit.ok


@pytest.mark.django_db(transaction=True)
def test_a_check_does_not_wait_for_a_writer_holding_the_head(make_user: Any) -> None:
    """A writer holds the head lock (a reply being submitted) while the page's check and a
    full check run and record their results on another connection: neither waits."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: the in-memory SQLite test database is one connection shared by"
            " the threads (SQLite writers are serialised by BEGIN IMMEDIATE, see settings)"
        )
    from hrdialogue.web.audit.checks import check_on_visit, run_full_check
    from hrdialogue.web.audit.services import lock_head, record_change

    user = make_user("secretariat", "holder@example.org")
    _write(user, 3)
    held, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def hold() -> None:
        try:
            with transaction.atomic():
                lock_head()
                record_change(actor=user, action="test.held", target=user)
                held.set()
                release.wait(timeout=30)
        except BaseException as error:  # reported below
            errors.append(error)
            held.set()
        finally:
            connection.close()

    writer = threading.Thread(target=hold)
    writer.start()
    try:
        assert held.wait(timeout=30)
        result: list[Any] = []
        checker = threading.Thread(
            target=lambda: (
                result.extend([run_full_check(), check_on_visit()]),
                connection.close(),
            )
        )
        checker.start()
        checker.join(timeout=10)
        assert not checker.is_alive(), "a check waited for the writer's lock"
    finally:
        release.set()
        writer.join(timeout=30)
    assert not errors, errors
    full, visit = result
    assert (full.ok, full.count) == (True, 3)  # the writer's entry was not committed yet
    assert visit.visit.ok
    assert check_on_visit().visit.last_sequence == 4  # committed now: the next visit reads it
