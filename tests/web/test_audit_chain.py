"""The Secretariat can show that the audit log was not changed behind the platform's back:
every entry is numbered without a gap and hashed with the one before it; a changed, deleted
or inserted row is named by `verify_chain`, by `audit_verify` and on the audit page; each
receipt signs the head of the log as it stood, and the migration links existing entries.

Tampering is done in raw SQL, as a database administrator would: on PostgreSQL the session
runs with `session_replication_role = replica` (the append-only trigger does not fire; it
needs a superuser, which the throwaway cluster of `.ci/with-postgres` gives), on SQLite the
trigger is dropped and created again. Reply texts are hand-written for these tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import itertools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.urls import reverse

FRENCH = (
    "La France se félicite de la coopération entre les États et le Haut-Commissariat.\n"
    "Elle soutient un dialogue régulier avec les procédures spéciales du Conseil."
)
RUSSIAN = (
    "Российская Федерация поддерживает диалог и сотрудничество в правозащитном механизме.\n"
    "Следует уважать принципы универсальности, объективности и неизбирательности."
)
_APPEND_ONLY = importlib.import_module("hrdialogue.web.audit.migrations.0002_append_only")


@contextmanager
def _as_a_dba() -> Iterator[Any]:
    """A cursor that writes to the audit table with the append-only trigger out of the way."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
            try:
                yield cursor
            finally:
                cursor.execute("SET LOCAL session_replication_role = DEFAULT")
        else:
            cursor.execute(_APPEND_ONLY._SQLITE_DOWN)
            try:
                yield cursor
            finally:
                cursor.execute(_APPEND_ONLY._SQLITE_UP)


def _submit(actor: Any, consultation: Any, key: str, text: str) -> Any:
    from hrdialogue.web.submissions.services import submit_reply

    return submit_reply(actor=actor, consultation=consultation, idempotency_key=key, text=text)


def _entries() -> list[Any]:
    from hrdialogue.web.audit.models import AuditEntry

    return list(AuditEntry.objects.order_by("sequence"))


@pytest.fixture
def busy_log(open_call: Any, france_focal_point: Any, russia_focal_point: Any) -> list[Any]:
    """A consultation opened (resolution stored, consultation drafted, phase moved), two
    replies submitted and one published: every entry written by the services."""
    from hrdialogue.web.submissions.services import publish_reply

    _submit(france_focal_point, open_call, "test-key-00000001-abcdef", FRENCH)
    version = _submit(russia_focal_point, open_call, "test-key-00000002-abcdef", RUSSIAN)
    publish_reply(actor=open_call.created_by, reply=version.reply)
    return _entries()


@pytest.mark.django_db
def test_entries_written_by_the_services_are_numbered_and_linked(busy_log: list[Any]) -> None:
    from hrdialogue.auditchain import GENESIS
    from hrdialogue.web.audit.models import AuditHead
    from hrdialogue.web.audit.services import verify_chain

    actions = [e.action for e in busy_log]
    assert actions[0] == "resolutions.upload"
    assert actions[-3:] == ["submissions.submit", "submissions.submit", "submissions.publish"]
    assert [e.sequence for e in busy_log] == list(range(1, len(busy_log) + 1))
    assert busy_log[0].prev_hash == GENESIS
    for before, entry in itertools.pairwise(busy_log):
        assert entry.prev_hash == before.entry_hash
    assert len({e.entry_hash for e in busy_log}) == len(busy_log)
    head = AuditHead.objects.get()
    assert (head.sequence, head.entry_hash) == (len(busy_log), busy_log[-1].entry_hash)
    report = verify_chain()
    assert report.ok, report.message
    assert (report.count, report.head) == (len(busy_log), busy_log[-1].entry_hash)


@pytest.mark.django_db
def test_a_row_changed_in_the_database_is_named(busy_log: list[Any]) -> None:
    from hrdialogue.web.audit.services import verify_chain

    with _as_a_dba() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET actor_label = %s WHERE sequence = %s",
            ["someone-else@example.org", 3],
        )
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence, report.count) == ("changed", 3, 2)


@pytest.mark.django_db
def test_a_row_deleted_from_the_middle_or_the_end_is_named(busy_log: list[Any]) -> None:
    from hrdialogue.web.audit.services import verify_chain

    last = len(busy_log)
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence = %s", [last])
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.missing) == ("deleted", (last, last))
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence IN (2, 3)")
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("deleted", 4)
    assert report.problem.missing == (2, 3)


@pytest.mark.django_db
def test_a_row_inserted_behind_the_platforms_back_is_named(busy_log: list[Any]) -> None:
    from hrdialogue.auditchain import hash_entry
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.audit.services import verify_chain

    last = busy_log[-1]
    fields = {
        "sequence": last.sequence + 1,
        "at": last.at + dt.timedelta(seconds=1),
        "actor": None,
        "actor_label": "system",
        "action": "accounts.role",
        "target_type": "accounts.user",
        "target_id": "1",
        "target_label": "someone@example.org",
        "before": None,
        "after": {"role": "secretariat"},
    }
    # Chained to the entry before the last: a fork, hashed correctly.
    forged = hash_entry(fields, busy_log[-2].entry_hash)
    del fields["actor"]
    AuditEntry.objects.create(**fields, prev_hash=busy_log[-2].entry_hash, entry_hash=forged)
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("inserted", last.sequence + 1)


@pytest.mark.django_db
def test_a_row_appended_without_moving_the_head_is_caught(busy_log: list[Any]) -> None:
    from hrdialogue.auditchain import hash_entry
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.audit.services import verify_chain

    last = busy_log[-1]
    fields = {
        **{name: getattr(last, name) for name in ("actor_label", "target_type", "target_id")},
        "sequence": last.sequence + 1,
        "at": last.at + dt.timedelta(seconds=1),
        "actor": None,
        "action": "submissions.withdraw",
        "target_label": last.target_label,
        "before": None,
        "after": None,
    }
    entry_hash = hash_entry(fields, last.entry_hash)
    del fields["actor"]
    AuditEntry.objects.create(**fields, prev_hash=last.entry_hash, entry_hash=entry_hash)
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("head", last.sequence + 1)


@pytest.mark.django_db
def test_the_receipt_signs_the_head_before_the_replys_own_entry(
    open_call: Any, france_focal_point: Any, client: Any
) -> None:
    from hrdialogue.receipts import Receipt, verify_receipt
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.audit.services import verify_chain
    from hrdialogue.web.submissions.signing import signing_key

    version = _submit(france_focal_point, open_call, "test-key-00000003-abcdef", FRENCH)
    receipt = Receipt.model_validate(version.receipt)
    public = signing_key().public_key()
    assert verify_receipt(receipt, public, FRENCH.encode())
    own = AuditEntry.objects.get(action="submissions.submit", target_id=str(version.pk))
    before = AuditEntry.objects.get(sequence=own.sequence - 1)
    assert receipt.audit_head == before.entry_hash == own.prev_hash
    # The head is signed: a receipt naming another head does not verify.
    other = receipt.model_copy(update={"audit_head": own.entry_hash})
    assert not verify_receipt(other, public, FRENCH.encode())
    assert f"Audit log head:   {before.entry_hash}" in receipt.to_text()
    client.force_login(france_focal_point)
    page = client.get(reverse("submissions:version", args=[version.pk])).content.decode()
    assert f'id="audit-head">{before.entry_hash}<' in page

    with _as_a_dba() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET target_label = %s WHERE sequence = %s",
            ["OP10 consultation (edited)", before.sequence],
        )
    report = verify_chain()
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("changed", before.sequence)


@pytest.mark.django_db(transaction=True)
def test_lock_head_outside_a_transaction_is_refused() -> None:
    from hrdialogue.web.audit.services import lock_head

    # In autocommit the lock would end with the statement: the receipt would sign a head
    # another writer may have moved before the reply's own entry.
    with pytest.raises(RuntimeError, match=r"inside transaction\.atomic"):
        lock_head()


@pytest.mark.django_db
def test_audit_verify_says_one_line_each_way(
    busy_log: list[Any], capsys: Any, monkeypatch: Any
) -> None:
    from django.db import connections

    from hrdialogue.web.audit.management.commands.audit_verify import Command

    # run_from_argv closes the connections when it ends: not the test's own.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    Command().run_from_argv(["python -m hrdialogue.web", "audit_verify"])
    out, err = capsys.readouterr()
    head = busy_log[-1].entry_hash
    assert out == f"audit log verified: {len(busy_log)} entries, head {head}\n"
    assert err == ""
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence = 2")
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["python -m hrdialogue.web", "audit_verify"])
    assert exit_.value.code == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "CommandError: audit log NOT verified: entry 2 is missing: deleted from the log\n"
    )


@pytest.mark.django_db
def test_a_kept_receipt_shows_a_log_restored_from_an_older_copy(
    open_call: Any, france_focal_point: Any, tmp_path: Any, capsys: Any, monkeypatch: Any
) -> None:
    from django.db import connections

    from hrdialogue.web.audit.management.commands.audit_verify import Command
    from hrdialogue.web.audit.models import AuditEntry, AuditHead

    monkeypatch.setattr(connections, "close_all", lambda: None)
    version = _submit(france_focal_point, open_call, "test-key-00000004-abcdef", FRENCH)
    kept = tmp_path / "receipt.json"
    kept.write_text(json.dumps(version.receipt))
    own = AuditEntry.objects.get(action="submissions.submit", target_id=str(version.pk))
    argv = ["python -m hrdialogue.web", "audit_verify", "--receipt", str(kept)]
    Command().run_from_argv(argv)
    out, _err = capsys.readouterr()
    assert out.splitlines()[1] == (
        f"receipt {version.receipt['reply_id']}: anchored at entry {own.sequence - 1},"
        f" its reply at {own.sequence}"
    )
    # The database comes back from a copy taken two entries before the reply: a sound chain,
    # but the head the receipt signed is not in it.
    restored = AuditEntry.objects.get(sequence=own.sequence - 2)
    with _as_a_dba() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE sequence > %s", [restored.sequence])
    AuditHead.objects.update(sequence=restored.sequence, entry_hash=restored.entry_hash)
    with pytest.raises(SystemExit):
        Command().run_from_argv(argv)
    out, err = capsys.readouterr()
    assert out == f"audit log verified: {restored.sequence} entries, head {restored.entry_hash}\n"
    assert err.startswith(f"CommandError: {kept}: receipt {version.receipt['reply_id']}: the ")
    assert "is not in the log: the log was rewritten or restored from an older copy" in err


@pytest.mark.django_db
def test_a_receipt_that_does_not_read_or_verify_is_one_line(
    open_call: Any, france_focal_point: Any, tmp_path: Any
) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    version = _submit(france_focal_point, open_call, "test-key-00000005-abcdef", FRENCH)
    missing = tmp_path / "none.json"
    with pytest.raises(CommandError, match=r"none\.json: No such file or directory"):
        call_command("audit_verify", receipt=[missing])
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**version.receipt, "content_length": 1}))
    with pytest.raises(CommandError, match=r"forged\.json: receipt NOT valid: "):
        call_command("audit_verify", receipt=[forged])
    garbled = tmp_path / "garbled.json"
    garbled.write_text("{")
    with pytest.raises(CommandError, match=r"garbled\.json: "):
        call_command("audit_verify", receipt=[garbled])


@pytest.mark.django_db
def test_the_audit_page_shows_the_state_of_the_chain(
    busy_log: list[Any], client: Any, secretariat: Any
) -> None:
    client.force_login(secretariat)
    page = client.get(reverse("audit:list")).content.decode()
    assert "The audit log is intact." in page
    assert (
        f"Entries up to number {len(busy_log)} verified: {len(busy_log)} new entries checked"
        " on this visit, linked to the ones before it."
    ) in page
    assert f'title="{busy_log[-1].entry_hash}">{busy_log[-1].entry_hash[:16]}…' in page
    with _as_a_dba() as cursor:
        cursor.execute("UPDATE audit_auditentry SET after = NULL WHERE sequence = 4")
    # Entry 4 was verified on the first visit: the visit reads only what is new since.
    page = client.get(reverse("audit:list")).content.decode()
    assert "The audit log is intact." in page
    response = client.post(reverse("audit:verify"))
    assert (response.status_code, response["Location"]) == (302, reverse("audit:list"))
    page = client.get(reverse("audit:list")).content.decode()
    assert "The audit log is NOT intact." in page
    assert "Entry 4 was changed after it was written: its hash no longer matches." in page
    client.cookies["django_language"] = "fr"
    page = client.get(reverse("audit:list"), headers={"accept-language": "fr"}).content.decode()
    assert "L'entrée 4 a été modifiée après son écriture" in page.replace("&#x27;", "'")


@pytest.mark.django_db
def test_the_csv_export_carries_number_and_hash(busy_log: list[Any], client: Any) -> None:
    client.force_login(busy_log[0].actor)
    response = client.get(reverse("audit:export"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["sequence"], r["entry_hash"]) for r in reversed(rows)] == [
        (str(e.sequence), e.entry_hash) for e in busy_log
    ]


def _migrate(target: list[tuple[str, str]]) -> Any:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_the_migration_links_the_entries_already_written(make_user: Any) -> None:
    from django.db import DatabaseError, connection, transaction
    from django.db.migrations.loader import MigrationLoader

    from hrdialogue.web.audit.models import AuditEntry, AuditHead
    from hrdialogue.web.audit.services import record_change, verify_chain

    user = make_user("secretariat", "backfill@example.org")
    latest = MigrationLoader(connection).graph.leaf_nodes("audit")
    old = _migrate([("audit", "0002_append_only")])
    try:
        entries = old.get_model("audit", "AuditEntry")
        t = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
        # Written out of time order, two at the same instant: (at, id) decides.
        for label, minutes, after in [
            ("third", 2, {"n": 1.0, "nested": {"b": [1, 2], "a": "é"}}),
            ("first", 0, None),
            ("fourth", 2, {"n": 2}),
            ("second", 1, {"text": "Консультация"}),
        ]:
            entries.objects.create(
                at=t + dt.timedelta(minutes=minutes),
                actor_id=user.pk if label != "second" else None,
                actor_label="backfill@example.org",
                action="test.backfill",
                target_type="accounts.user",
                target_id=str(user.pk),
                target_label=label,
                after=after,
            )
        with pytest.raises(DatabaseError), transaction.atomic():
            entries.objects.filter(target_label="first").update(target_label="edited")
    finally:
        _migrate(latest)

    rows = list(AuditEntry.objects.order_by("sequence"))
    assert [(r.sequence, r.target_label) for r in rows] == [
        (1, "first"),
        (2, "second"),
        (3, "third"),
        (4, "fourth"),
    ]
    report = verify_chain()
    assert report.ok, report.message
    assert (AuditHead.objects.get().sequence, report.head) == (4, rows[-1].entry_hash)
    with transaction.atomic():
        fifth = record_change(actor=user, action="test.after", target=user)
    assert (fifth.sequence, fifth.prev_hash) == (5, rows[-1].entry_hash)
    assert verify_chain().count == 5
    # The append-only trigger is back after the migration.
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(sequence=1).update(target_label="edited")


@pytest.mark.django_db(transaction=True)
def test_the_migration_goes_back_and_keeps_the_log_append_only(make_user: Any) -> None:
    from django.db import DatabaseError, connection, transaction
    from django.db.migrations.loader import MigrationLoader

    from hrdialogue.web.audit.services import record_change

    user = make_user("secretariat", "reverse@example.org")
    with transaction.atomic():
        record_change(actor=user, action="test.before-going-back", target=user)
    latest = MigrationLoader(connection).graph.leaf_nodes("audit")
    old = _migrate([("audit", "0002_append_only")])
    try:
        entries = old.get_model("audit", "AuditEntry")
        assert [e.action for e in entries.objects.all()] == ["test.before-going-back"]
        assert "sequence" not in {f.name for f in entries._meta.get_fields()}
        with pytest.raises(DatabaseError), transaction.atomic():
            entries.objects.update(target_label="edited")
    finally:
        _migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_share_a_number_nor_fork_the_chain(make_user: Any) -> None:
    """N threads, each with its own PostgreSQL connection, append at once (odd ones first take
    the head as a receipt does) while another thread verifies the log again and again. The
    numbers are 1..N×rounds, every link holds, and no verification raised a false alarm."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: the in-memory SQLite test database is one connection shared by"
            " the threads (SQLite writers are serialised by BEGIN IMMEDIATE, see settings)"
        )
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.audit.services import lock_head, record_change, verify_chain

    writers, rounds = 16, 5
    user = make_user("secretariat", "concurrent@example.org")
    start = threading.Barrier(writers + 1)
    done = threading.Event()
    anchors: list[tuple[str, str]] = []
    alarms: list[str] = []
    verified: list[int] = []
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            start.wait(timeout=30)
            for r in range(rounds):
                with transaction.atomic():
                    head = lock_head() if i % 2 else None
                    entry = record_change(
                        actor=user, action=f"test.concurrent.{i}.{r}", target=user
                    )
                if head is not None:
                    anchors.append((head, entry.prev_hash))
        except BaseException as error:  # reported below, with the others
            errors.append(error)
            start.abort()
        finally:
            connection.close()

    def verify() -> None:
        try:
            start.wait(timeout=30)
            while not done.is_set():
                report = verify_chain()
                verified.append(report.count)
                if not report.ok:
                    alarms.append(report.message)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    reader = threading.Thread(target=verify)
    reader.start()
    threads = [threading.Thread(target=write, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    done.set()
    reader.join(timeout=60)
    assert not errors, errors[:3]
    assert alarms == []
    assert verified, "the log was never verified while it was written"
    sequences = sorted(AuditEntry.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, writers * rounds + 1))
    assert len(anchors) == writers // 2 * rounds
    assert all(head == prev for head, prev in anchors)
    report = verify_chain()
    assert report.ok, report.message
    assert report.count == writers * rounds


def test_the_public_verify_page_checks_a_receipt_against_the_log(
    open_call: Any, france_focal_point: Any, client: Any
) -> None:
    """The page anyone can use says whether the log still holds the state a valid receipt
    signed; after a restore from an older copy it says that it does not."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hrdialogue.web.audit.models import AuditEntry, AuditHead

    version = _submit(france_focal_point, open_call, "test-key-00000009-abcdef", FRENCH)
    own = AuditEntry.objects.get(action="submissions.submit", target_id=str(version.pk))
    receipt = json.dumps(version.receipt).encode()

    def verify() -> str:
        upload = SimpleUploadedFile("receipt.json", receipt)
        response = client.post(reverse("submissions:verify"), {"receipt": upload})
        assert response.status_code == 200
        return str(response.content.decode())

    page = verify()
    assert "The receipt is valid" in page
    assert (
        f"still holds the state this receipt signed (entry {own.sequence - 1}), followed by"
        f" this reply's own entry ({own.sequence})"
    ) in page

    def restore_to(sequence: int) -> Any:
        """The log as a copy ending at entry `sequence` left it: later entries gone."""
        last = AuditEntry.objects.get(sequence=sequence)
        with _as_a_dba() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE sequence > %s", [last.sequence])
        AuditHead.objects.update(sequence=last.sequence, entry_hash=last.entry_hash)
        return last

    # Restored from a copy taken just before the reply: the log ends at the state it signed.
    head = restore_to(own.sequence - 1)
    page = verify()
    assert "The receipt is valid" in page
    assert "The audit log does not hold this reply's entry." in page
    assert f"The log ends at the state this receipt signed (entry {head.sequence})" in page

    # Restored from a copy taken before the reply: the receipt still verifies, the log fails it.
    restore_to(own.sequence - 2)
    page = verify()
    assert "The receipt is valid" in page
    assert "The audit log does not hold the state this receipt signed." in page
    assert 'role="alert" id="anchor-result"' in page
