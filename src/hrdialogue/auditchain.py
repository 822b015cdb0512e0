"""The audit log as a hash chain: each entry commits to its content and to the entry before it.

An entry's hash is the SHA-256 (hex) of a canonical JSON of its fields — `sequence`, `at`
(ISO 8601 UTC with microseconds, `Z`), `actor` (the account's id or null), `actor_label`,
`action`, `target_type`, `target_id`, `target_label`, `before`, `after` — and of `prev_hash`,
the hash of the entry before it (`GENESIS`, 64 zeros, for the first). The JSON has its keys
sorted, no spaces, UTF-8 (not escaped), and is prefixed with the domain tag
`hrdialogue-audit-v1`. `before` and `after` are read as the database gives them back: a float
with an integral value is written as the integer (PostgreSQL's `jsonb` gives `1e20` back as
`100000000000000000000`), and a value JSON cannot hold (NaN, infinity) is refused.

`hash_entry` computes a hash; `verify_links` walks the entries in sequence order and stops at
the first one that is wrong: its content no longer matches its hash (`changed`), sequence
numbers are missing before it (`deleted`), or its `prev_hash` is not the hash of the entry
before it (`inserted`: an entry put in or the order changed). `check_head` compares the end
of the chain with the head the platform records apart (entries deleted from the end, or a
chain rewritten). Whoever can rewrite every row and the head can forge a consistent chain:
hashes the Secretariat signed elsewhere (each receipt's `audit_head`) anchor it.

Nothing here needs Django: the entries are plain mappings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

__all__ = [
    "GENESIS",
    "HASHED_FIELDS",
    "ChainProblem",
    "ChainReport",
    "canonical_entry",
    "check_head",
    "hash_entry",
    "verify_links",
]

GENESIS: Final = "0" * 64
HASHED_FIELDS: Final = (
    "sequence",
    "at",
    "actor",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "before",
    "after",
)
_DOMAIN: Final = b"hrdialogue-audit-v1\n"

ProblemKind = Literal["changed", "deleted", "inserted", "head"]


@dataclass(frozen=True)
class ChainProblem:
    """The first entry found wrong, and why.

    `kind`: `changed` (the entry's content or hash was edited), `deleted` (entries `missing`
    are gone: before `sequence`, or after it at the end of the log), `inserted` (its
    `prev_hash` does not name the entry before it), `head` (the last entry is not the head the
    platform recorded). `sequence` is the entry's number (for `head`, the last entry's; 0
    when the log is empty).
    """

    kind: ProblemKind
    sequence: int
    missing: tuple[int, int] | None = None

    @property
    def message(self) -> str:
        """One line in English (the web page writes its own, translated)."""
        if self.kind == "changed":
            return f"entry {self.sequence} was changed: its hash does not match its content"
        if self.kind == "deleted" and self.missing is not None:
            first, last = self.missing
            gone = f"entry {first} is" if first == last else f"entries {first}-{last} are"
            return f"{gone} missing: deleted from the log"
        if self.kind == "inserted":
            return (
                f"entry {self.sequence} does not follow the entry before it:"
                " an entry was inserted or the order changed"
            )
        return (
            f"the last entry ({self.sequence}) is not the recorded head of the log:"
            " the log was rewritten or the head changed"
        )


@dataclass(frozen=True)
class ChainReport:
    """`count` entries read in order up to the first problem (all when `ok`); `head` is the
    hash of the last entry read that was sound (`GENESIS` for none)."""

    count: int
    head: str
    last_sequence: int
    problem: ChainProblem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def message(self) -> str:
        """One line: the chain verified with its count and head, or the first problem."""
        if self.problem is None:
            return f"audit log verified: {self.count} entries, head {self.head}"
        return f"audit log NOT verified: {self.problem.message}"


def _plain_json(value: Any, where: str) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: {value!r} cannot be written in JSON")
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(k): _plain_json(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_json(v, f"{where}[{i}]") for i, v in enumerate(value)]
    raise ValueError(f"{where}: {type(value).__name__} is not a JSON value")


def _timestamp(value: Any) -> str:
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise ValueError("at: a date and time with a time zone is expected")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def canonical_entry(fields: Mapping[str, Any], prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken of (domain tag, then canonical JSON).

    `fields` holds every name of `HASHED_FIELDS` (`at` a time-zone-aware datetime);
    other keys are ignored. A missing field or a value JSON cannot hold raises `ValueError`.
    """
    missing = [name for name in HASHED_FIELDS if name not in fields]
    if missing:
        raise ValueError(f"audit entry: missing field(s) {', '.join(missing)}")
    document = {
        name: _timestamp(fields[name]) if name == "at" else _plain_json(fields[name], name)
        for name in HASHED_FIELDS
    }
    document["prev_hash"] = prev_hash
    text = json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return _DOMAIN + text.encode("utf-8")


def hash_entry(fields: Mapping[str, Any], prev_hash: str) -> str:
    """The entry's hash: SHA-256 (hex) of `canonical_entry(fields, prev_hash)`."""
    return hashlib.sha256(canonical_entry(fields, prev_hash)).hexdigest()


def verify_links(
    entries: Iterable[Mapping[str, Any]], *, after: tuple[int, str] = (0, GENESIS)
) -> ChainReport:
    """Walk `entries` in ascending `sequence` order (each with `HASHED_FIELDS`, `prev_hash`
    and `entry_hash`) and report the first problem, or the count and head when all hold.

    The gap is looked at first (a deleted entry also breaks the next one's link), then the
    entry's own hash (an edited entry), then its link to the entry before it.

    `after` (`sequence`, `entry_hash`) continues a chain verified before up to that entry:
    `entries` are then the ones after it, the first linked to that hash (an incremental
    check; the entries up to it are not read again, so a change among them is not seen).
    `count` is then the number of entries read in this walk.
    """
    count, (last_sequence, head) = 0, after
    for entry in entries:
        sequence = int(entry["sequence"])
        problem: ChainProblem | None = None
        if sequence > last_sequence + 1:
            problem = ChainProblem("deleted", sequence, (last_sequence + 1, sequence - 1))
        elif sequence <= last_sequence:
            problem = ChainProblem("inserted", sequence)
        elif hash_entry(entry, str(entry["prev_hash"])) != entry["entry_hash"]:
            problem = ChainProblem("changed", sequence)
        elif entry["prev_hash"] != head:
            problem = ChainProblem("inserted", sequence)
        if problem is not None:
            return ChainReport(count, head, last_sequence, problem)
        count, last_sequence, head = count + 1, sequence, str(entry["entry_hash"])
    return ChainReport(count, head, last_sequence)


def check_head(report: ChainReport, sequence: int, entry_hash: str) -> ChainReport:
    """`report` (of a sound chain) against the head recorded apart (`sequence`, `entry_hash`;
    `0, GENESIS` for an empty log): entries missing at the end, or a different last entry."""
    if not report.ok:
        return report
    if sequence > report.last_sequence:
        missing = (report.last_sequence + 1, sequence)
        return replace(report, problem=ChainProblem("deleted", report.last_sequence, missing))
    if sequence != report.last_sequence or entry_hash != report.head:
        return replace(report, problem=ChainProblem("head", report.last_sequence))
    return report
