"""The results of a dialogue: vote events → `hrdialogue.dialogue` → a `ResultSnapshot`.

The snapshot's `data` is the math's `as_json()` object (participant and statement ids are the
database's primary keys, as strings) with `votes`, `participants`, `excluded` and
`participation` (per day: votes cast and participants who voted) added.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from hrdialogue.dialogue import VoteEvents, analyse_votes
from hrdialogue.web.dialogues.models import (
    Dialogue,
    ResultSnapshot,
    StatementState,
    VoteEvent,
)

__all__ = ["dialogue_events", "latest_results", "recompute_results"]


def dialogue_events(dialogue: Dialogue, *, with_excluded: bool = False) -> VoteEvents:
    """Every vote event of the dialogue, in order, timed in milliseconds as Polis does
    (excluded participants left out unless asked)."""
    rows = VoteEvent.objects.filter(statement__dialogue=dialogue).order_by("at", "pk")
    if not with_excluded:
        rows = rows.filter(participant__excluded=False)
    return VoteEvents.from_records(
        (p, s, v, at.timestamp() * 1000)
        for p, s, v, at in rows.values_list("participant_id", "statement_id", "value", "at")
    )


def _participation(dialogue: Dialogue) -> list[dict[str, Any]]:
    votes: dict[str, int] = defaultdict(int)
    voters: dict[str, set[int]] = defaultdict(set)
    rows = VoteEvent.objects.filter(statement__dialogue=dialogue).values_list(
        "participant_id", "at"
    )
    for participant, at in rows:
        day = at.date().isoformat()
        votes[day] += 1
        voters[day].add(participant)
    return [{"day": d, "votes": votes[d], "participants": len(voters[d])} for d in sorted(votes)]


def recompute_results(dialogue: Dialogue) -> ResultSnapshot:
    """Run the opinion math on every vote (a cold start) and store the result."""
    events = dialogue_events(dialogue)
    statements = list(dialogue.statements.values_list("pk", "state"))
    data: dict[str, Any] = {
        "participants": {},
        "groups": [],
        "consensus": [],
        "group_informed_consensus": {},
        "priority": {},
    }
    if len(events):
        result = analyse_votes(
            events,
            statements=[pk for pk, _state in statements],
            moderated_out=[pk for pk, state in statements if state != StatementState.ACCEPTED],
        )
        data = result.as_json()
        data["priority"] = {
            str(s): float(v)
            for s, v in zip(result.statement_ids, result.priority.tolist(), strict=True)
        }
    data["votes"] = len(events)
    data["voters"] = (
        dialogue.participants.filter(excluded=False, events__isnull=False).distinct().count()
    )
    data["excluded"] = dialogue.participants.filter(excluded=True).count()
    data["participation"] = _participation(dialogue)
    return ResultSnapshot.objects.create(dialogue=dialogue, data=data, votes_counted=len(events))


def latest_results(dialogue: Dialogue) -> ResultSnapshot | None:
    return dialogue.snapshots.first()
