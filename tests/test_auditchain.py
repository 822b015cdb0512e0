"""The audit log's hash chain, without Django: the hash of an entry pinned to its canonical
bytes, and a verifier that names the first entry changed, deleted or inserted.

The entries are hand-written for these tests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.auditchain import (
    GENESIS,
    HASHED_FIELDS,
    ChainReport,
    canonical_entry,
    check_head,
    hash_entry,
    verify_links,
)

AT = dt.datetime(2026, 11, 27, 9, 30, 5, 120000, tzinfo=dt.UTC)
ENTRY: dict[str, Any] = {
    "sequence": 1,
    "at": AT,
    "actor": 7,
    "actor_label": "secretariat@example.org",
    "action": "consultations.phase",
    "target_type": "consultations.consultation",
    "target_id": "3",
    "target_label": "Консультация по пункту 10",
    "before": {"phase": "draft"},
    "after": {"phase": "open"},
}


def test_the_hash_is_sha256_of_the_tagged_canonical_json() -> None:
    # Written out by hand from the rule: domain tag, keys sorted, no spaces, UTF-8 unescaped.
    expected = (
        "hrdialogue-audit-v1\n"
        '{"action":"consultations.phase","actor":7,"actor_label":"secretariat@example.org",'
        '"after":{"phase":"open"},"at":"2026-11-27T09:30:05.120000Z","before":{"phase":"draft"},'
        '"prev_hash":"' + "0" * 64 + '","sequence":1,'
        '"target_id":"3","target_label":"Консультация по пункту 10",'
        '"target_type":"consultations.consultation"}'
    ).encode()
    assert canonical_entry(ENTRY, GENESIS) == expected
    assert hash_entry(ENTRY, GENESIS) == hashlib.sha256(expected).hexdigest()
    assert GENESIS == "0" * 64


@pytest.mark.parametrize("name", HASHED_FIELDS)
def test_every_field_is_covered_by_the_hash(name: str) -> None:
    changed = {
        "sequence": 2,
        "at": AT + dt.timedelta(microseconds=1),
        "actor": None,
        "actor_label": "system",
        "action": "consultations.edit",
        "target_type": "resolutions.document",
        "target_id": "4",
        "target_label": "Консультация по пункту 11",
        "before": None,
        "after": {"phase": "closed"},
    }[name]
    assert hash_entry({**ENTRY, name: changed}, GENESIS) != hash_entry(ENTRY, GENESIS)


def test_the_previous_hash_is_covered_too() -> None:
    assert hash_entry(ENTRY, "a" * 64) != hash_entry(ENTRY, GENESIS)


def test_the_same_instant_in_another_time_zone_hashes_the_same() -> None:
    geneva = dt.timezone(dt.timedelta(hours=1))
    assert hash_entry({**ENTRY, "at": AT.astimezone(geneva)}, GENESIS) == hash_entry(ENTRY, GENESIS)


def test_json_as_the_database_gives_it_back_hashes_the_same() -> None:
    written = {"ids": (1, 2), "score": 1e20, "ratio": 0.5, "b": True, "a": None}
    # PostgreSQL's jsonb: keys reordered, tuples as lists, 1e20 as an integer.
    read_back = {"a": None, "b": True, "ratio": 0.5, "score": 10**20, "ids": [1, 2]}
    assert hash_entry({**ENTRY, "after": written}, GENESIS) == hash_entry(
        {**ENTRY, "after": read_back}, GENESIS
    )


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(), _json, max_size=5))
def test_a_json_round_trip_never_changes_the_hash(after: dict[str, Any]) -> None:
    round_trip = json.loads(json.dumps(after, ensure_ascii=False))
    assert hash_entry({**ENTRY, "after": round_trip}, GENESIS) == hash_entry(
        {**ENTRY, "after": after}, GENESIS
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**ENTRY, "at": AT.replace(tzinfo=None)}, "at: a date and time with a time zone"),
        ({**ENTRY, "after": {"x": float("nan")}}, r"after.x: nan cannot be written in JSON"),
        ({**ENTRY, "before": {"when": AT}}, "before.when: datetime is not a JSON value"),
        ({k: v for k, v in ENTRY.items() if k != "action"}, r"missing field\(s\) action"),
    ],
)
def test_what_cannot_be_hashed_is_refused_with_its_place(entry: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        hash_entry(entry, GENESIS)


def _chain(n: int) -> list[dict[str, Any]]:
    """n entries linked from GENESIS, one minute apart."""
    entries, prev = [], GENESIS
    for sequence in range(1, n + 1):
        fields = {
            **ENTRY,
            "sequence": sequence,
            "at": AT + dt.timedelta(minutes=sequence),
            "target_id": str(sequence),
        }
        entry_hash = hash_entry(fields, prev)
        entries.append({**fields, "prev_hash": prev, "entry_hash": entry_hash})
        prev = entry_hash
    return entries


def test_a_sound_chain_verifies_with_its_count_and_head() -> None:
    entries = _chain(5)
    report = verify_links(entries)
    assert report == ChainReport(5, entries[-1]["entry_hash"], 5)
    assert report.ok
    assert report.message == f"audit log verified: 5 entries, head {entries[-1]['entry_hash']}"


def test_an_empty_log_verifies() -> None:
    assert verify_links([]) == ChainReport(0, GENESIS, 0)


def test_a_changed_entry_is_named() -> None:
    entries = _chain(5)
    entries[2] = {**entries[2], "after": {"phase": "closed"}}
    report = verify_links(entries)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("changed", 3)
    assert (report.count, report.head) == (2, entries[1]["entry_hash"])
    assert report.message == (
        "audit log NOT verified: entry 3 was changed: its hash does not match its content"
    )


def test_a_changed_entry_whose_hash_was_recomputed_breaks_the_next_link() -> None:
    entries = _chain(5)
    forged = {**entries[2], "after": {"phase": "closed"}}
    forged["entry_hash"] = hash_entry(forged, forged["prev_hash"])
    entries[2] = forged
    report = verify_links(entries)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("inserted", 4)


@pytest.mark.parametrize(
    ("deleted", "at", "missing", "text"),
    [
        ([2], 3, (2, 2), "entry 2 is missing"),
        ([2, 3], 4, (2, 3), "entries 2-3 are missing"),
        ([1], 2, (1, 1), "entry 1 is missing"),
    ],
)
def test_deleted_entries_are_named(
    deleted: list[int], at: int, missing: tuple[int, int], text: str
) -> None:
    entries = [e for e in _chain(5) if e["sequence"] not in deleted]
    report = verify_links(entries)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence, report.problem.missing) == (
        "deleted",
        at,
        missing,
    )
    assert text in report.message


def test_an_entry_linked_to_another_than_the_one_before_it_is_inserted() -> None:
    entries = _chain(5)
    # A fourth entry hashed correctly, but chained to the second: a fork.
    fields = {**entries[3], "action": "accounts.role"}
    entries[3] = {**fields, "prev_hash": entries[1]["entry_hash"]}
    entries[3]["entry_hash"] = hash_entry(fields, entries[1]["entry_hash"])
    report = verify_links(entries)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("inserted", 4)
    assert "does not follow the entry before it" in report.message


def test_entries_out_of_order_are_reported() -> None:
    entries = _chain(3)
    report = verify_links([entries[0], entries[1], entries[1]])
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("inserted", 2)


def test_the_recorded_head_catches_entries_deleted_from_the_end() -> None:
    entries = _chain(7)
    report = check_head(verify_links(entries[:5]), 7, entries[6]["entry_hash"])
    assert report.problem is not None
    assert (report.problem.kind, report.problem.missing) == ("deleted", (6, 7))
    assert "entries 6-7 are missing" in report.message


def test_the_recorded_head_catches_a_rewritten_or_extended_chain() -> None:
    entries = _chain(5)
    sound = verify_links(entries)
    assert check_head(sound, 5, entries[4]["entry_hash"]) == sound
    for sequence, entry_hash in [(5, "f" * 64), (4, entries[3]["entry_hash"])]:
        report = check_head(sound, sequence, entry_hash)
        assert report.problem is not None
        assert (report.problem.kind, report.problem.sequence) == ("head", 5)
        assert "not the recorded head" in report.message


def test_the_head_check_keeps_an_earlier_problem() -> None:
    entries = _chain(3)
    broken = verify_links([entries[0], entries[2]])
    assert check_head(broken, 3, entries[2]["entry_hash"]) == broken


def test_an_empty_log_matches_an_empty_head_only() -> None:
    assert check_head(verify_links([]), 0, GENESIS).ok
    report = check_head(verify_links([]), 2, "e" * 64)
    assert report.problem is not None
    assert report.problem.missing == (1, 2)


def test_a_chain_verified_up_to_an_entry_is_continued_from_its_hash() -> None:
    entries = _chain(6)
    start = (3, entries[2]["entry_hash"])
    report = verify_links(entries[3:], after=start)
    assert report == ChainReport(3, entries[5]["entry_hash"], 6)
    # Nothing new: the point it started from, nothing read.
    assert verify_links([], after=start) == ChainReport(0, entries[2]["entry_hash"], 3)


def test_a_continued_check_names_what_follows_the_point_but_not_what_precedes_it() -> None:
    entries = _chain(6)
    entries[1] = {**entries[1], "after": {"phase": "closed"}}  # before the point: not read
    start = (3, entries[2]["entry_hash"])
    assert verify_links(entries[3:], after=start).ok
    entries[4] = {**entries[4], "after": {"phase": "closed"}}
    report = verify_links(entries[3:], after=start)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("changed", 5)
    assert (report.count, report.last_sequence) == (1, 4)
    # A gap right after the point, and a first entry linked to another hash than the point's.
    report = verify_links(entries[4:], after=start)
    assert report.problem is not None
    assert (report.problem.kind, report.problem.missing) == ("deleted", (4, 4))
    report = verify_links(entries[3:], after=(3, "c" * 64))
    assert report.problem is not None
    assert (report.problem.kind, report.problem.sequence) == ("inserted", 4)
