"""Polis CSV export and import of a dialogue, through `hrdialogue.dialogue.polis_csv`.

Export: a ZIP of comments.csv, votes.csv and participants-votes.csv (every vote event, so
the last one counts where Polis reads them). Participant ids are the database's. Import:
comments become statements (accepted, rejected or pending as Polis's `moderated` says),
each Polis voter an anonymous participant `polis-<id>`, each vote a vote event.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.dialogue import build_vote_store
from hrdialogue.dialogue.polis_csv import (
    PolisComment,
    PolisCsvError,
    read_polis_comments,
    read_polis_votes,
    write_polis_comments,
    write_polis_participants_votes,
    write_polis_votes,
)
from hrdialogue.web.accounts.models import User
from hrdialogue.web.audit.services import record_change
from hrdialogue.web.dialogues.models import (
    Dialogue,
    Participant,
    Statement,
    StatementState,
    Vote,
    VoteEvent,
)
from hrdialogue.web.dialogues.results import dialogue_events, latest_results

__all__ = ["export_polis", "import_polis"]

_MODERATED = {StatementState.ACCEPTED: 1, StatementState.PENDING: 0, StatementState.REJECTED: -1}
_STATE = {1: StatementState.ACCEPTED, 0: StatementState.PENDING, -1: StatementState.REJECTED}


def export_polis(dialogue: Dialogue) -> bytes:
    """The dialogue as a ZIP of the three Polis CSVs."""
    events = dialogue_events(dialogue, with_excluded=True)
    store = build_vote_store(events)
    statements = list(dialogue.statements.order_by("pk"))
    ids = [s.pk for s in statements]
    comments = []
    for s in statements:
        votes = list(Vote.objects.filter(statement=s).values_list("value", flat=True))
        comments.append(
            PolisComment(
                comment_id=s.pk,
                author_id=s.author_id,
                agrees=votes.count(1),
                disagrees=votes.count(-1),
                moderated=_MODERATED[StatementState(s.state)],
                body=s.text,
                timestamp=int(s.created_at.timestamp() * 1000),
            )
        )
    snapshot = latest_results(dialogue)
    groups: dict[Any, int | None] = {}
    if snapshot is not None:
        for pid, where in snapshot.data.get("participants", {}).items():
            groups[int(pid)] = where["group"]
    authored: dict[Any, int] = {}
    for author in dialogue.statements.exclude(author=None).values_list("author_id", flat=True):
        authored[author] = authored.get(author, 0) + 1
    out = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w") as archive:
        folder = Path(tmp)
        write_polis_comments(folder / "comments.csv", comments)
        write_polis_votes(folder / "votes.csv", events)
        write_polis_participants_votes(
            folder / "participants-votes.csv", store, ids, groups, authored
        )
        for name in ("comments.csv", "votes.csv", "participants-votes.csv"):
            archive.write(folder / name, name)
    return out.getvalue()


def import_polis(
    *, actor: User, dialogue: Dialogue, comments: bytes, votes: bytes, language: str
) -> tuple[int, int, int]:
    """Statements, participants and votes from Polis CSVs; returns their counts.

    A file that cannot be read raises `ValidationError` naming the file and line; nothing
    is stored then.
    """
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "comments.csv").write_bytes(comments)
        (folder / "votes.csv").write_bytes(votes)
        try:
            rows = read_polis_comments(folder / "comments.csv")
            events = read_polis_votes(folder / "votes.csv")
        except PolisCsvError as error:
            raise ValidationError(
                _("%(file)s, line %(line)d: %(problem)s")
                % {"file": Path(error.path).name, "line": error.line, "problem": error.problem}
            ) from None
    known = {c.comment_id for c in rows}
    unknown = set(events.statement.tolist()) - known
    if unknown:
        raise ValidationError(
            _("votes.csv names comments that comments.csv lacks: %(ids)s")
            % {"ids": ", ".join(map(str, sorted(unknown)[:10]))}
        )
    now = timezone.now()
    with transaction.atomic():
        statements = {
            c.comment_id: Statement.objects.create(
                dialogue=dialogue,
                language=language,
                text=c.body,
                seeded=c.author_id is None,
                state=_STATE.get(c.moderated, StatementState.PENDING),
                created_at=_when(c.timestamp, now),
            )
            for c in rows
        }
        voters = {
            pid: Participant.objects.get_or_create(dialogue=dialogue, anonymous_id=f"polis-{pid}")[
                0
            ]
            for pid in sorted(set(events.participant.tolist()))
        }
        new_events = [
            VoteEvent(
                participant=voters[p], statement=statements[c], value=int(v), at=_when(t, now)
            )
            for p, c, v, t in zip(
                events.participant.tolist(),
                events.statement.tolist(),
                events.vote.tolist(),
                events.time.tolist(),
                strict=True,
            )
        ]
        VoteEvent.objects.bulk_create(new_events, batch_size=2000)
        last: dict[tuple[int, int], VoteEvent] = {}
        for event in sorted(new_events, key=lambda e: e.at):
            last[(event.participant.pk, event.statement.pk)] = event
        Vote.objects.bulk_create(
            [
                Vote(participant=e.participant, statement=e.statement, value=e.value, cast_at=e.at)
                for e in last.values()
            ],
            batch_size=2000,
        )
        record_change(
            actor=actor,
            action="dialogue.import_polis",
            target=dialogue,
            after={"statements": len(statements), "participants": len(voters), "votes": len(last)},
        )
    return len(statements), len(voters), len(new_events)


def _when(milliseconds: float | int | None, default: dt.datetime) -> dt.datetime:
    if milliseconds is None:
        return default
    return dt.datetime.fromtimestamp(float(milliseconds) / 1000, tz=dt.UTC)
