"""Use cases of dialogues: the only writers of dialogues, statements, participants and votes.

Each change runs in one transaction; the moderators' changes carry their `record_change` audit
entry. A vote's own append-only record is its `VoteEvent` (an audit entry per vote would
repeat it). Bad input raises `ValidationError` and changes nothing.

Signatures (stable):

- `create_dialogue(*, actor, title, consultation=None, description="", moderation="strict",
  participation="login", invitees=()) -> Dialogue`
- `seed_statements_from_mandate(*, actor, dialogue) -> int`
- `add_statement(*, actor, dialogue, text, language, participant=None) -> Statement`
- `add_translation(*, actor, statement, language, text, provenance) -> StatementTranslation`
- `moderate_statement(*, actor, statement, accept) -> Statement`
- `join_dialogue(*, dialogue, user=None, anonymous_id="") -> Participant`
- `start_anonymous_participant(*, dialogue, address) -> Participant`
- `record_vote(*, participant, statement, value) -> Vote`
- `exclude_participant(*, actor, participant, excluded=True) -> Participant`
"""

from __future__ import annotations

import datetime as dt
import math
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from hrdialogue.web.accounts.models import User
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.dialogues.models import (
    Dialogue,
    Moderation,
    Participant,
    Participation,
    ResultSnapshot,
    Statement,
    StatementState,
    StatementTranslation,
    Vote,
    VoteEvent,
    VoteValue,
)
from hrdialogue.web.dialogues.tasks import recompute_results_task
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES

__all__ = [
    "JOIN_WINDOW",
    "RATE_LIMIT",
    "RateLimited",
    "add_statement",
    "add_translation",
    "create_dialogue",
    "exclude_participant",
    "join_dialogue",
    "moderate_statement",
    "record_vote",
    "seed_statements_from_mandate",
    "start_anonymous_participant",
]

_LANGUAGES = {code for code, _name in UN_LANGUAGE_CHOICES}
_FIELDS = ("title", "consultation", "moderation", "participation", "invitees")
MAX_STATEMENT = 1000
RATE_LIMIT = (60, dt.timedelta(minutes=1))  # at most 60 votes a minute per participant
# A visitor who drops the cookie is a new participant: without a limit one machine could vote
# as hundreds. So at most `settings.DIALOGUE_JOIN_LIMIT` new anonymous participants of one
# dialogue start from one client address in this window (0: no limit); signed-in people are
# not counted.
JOIN_WINDOW = dt.timedelta(hours=1)


class RateLimited(ValidationError):
    """Too much too fast: votes from one participant (`RATE_LIMIT`), or new anonymous
    participants from one client address (`JOIN_WINDOW`). `retry_after`: the seconds until the
    window lets one more through (a `Retry-After` header)."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _retry_after(
    newest: Iterable[dt.datetime], limit: int, window: dt.timedelta, now: dt.datetime
) -> int | None:
    """None while fewer than `limit` times (the newest first, at most `limit` of them) fall in
    the window; else the seconds until the oldest of them leaves it, when one more fits."""
    times = list(newest)
    if len(times) < limit:
        return None
    return max(1, math.ceil((times[limit - 1] + window - now).total_seconds()))


def _address_tag(address: str) -> str:
    """Four hex digits of a keyed hash of a client address: what an anonymous participant's id
    starts with, so that the join limit can count the participants started from one address
    without the address being stored. 65,536 values: enough to tell apart the few addresses
    that join a dialogue within an hour, too few to say which address a participant came
    from."""
    return salted_hmac("hrdialogue.dialogues.address", address, algorithm="sha256").hexdigest()[:4]


def _check_language(language: str) -> None:
    if language not in _LANGUAGES:
        raise ValidationError(_("Unknown language: %(code)s.") % {"code": language})


def create_dialogue(
    *,
    actor: Actor,
    title: str,
    consultation: Consultation | None = None,
    description: str = "",
    moderation: str = Moderation.STRICT,
    participation: str = Participation.LOGIN,
    invitees: Iterable[str] = (),
) -> Dialogue:
    title = title.strip()
    if not title:
        raise ValidationError(_("A dialogue needs a title."))
    if moderation not in Moderation.values:
        raise ValidationError(_("Unknown moderation mode: %(mode)s.") % {"mode": moderation})
    if participation not in Participation.values:
        raise ValidationError(_("Unknown participation mode: %(mode)s.") % {"mode": participation})
    emails = sorted({e.strip().lower() for e in invitees if e.strip()})
    if participation == Participation.INVITATION and not emails:
        raise ValidationError(_("An invitation-only dialogue needs at least one address."))
    with transaction.atomic():
        dialogue = Dialogue.objects.create(
            title=title,
            consultation=consultation,
            description=description.strip(),
            moderation=moderation,
            participation=participation,
            invitees=emails,
            created_by=actor,
        )
        record_change(
            actor=actor,
            action="dialogue.create",
            target=dialogue,
            after=snapshot(dialogue, _FIELDS),
        )
    return dialogue


def seed_statements_from_mandate(*, actor: Actor, dialogue: Dialogue) -> int:
    """One accepted statement per operative paragraph of the consultation's resolution."""
    if dialogue.consultation is None:
        raise ValidationError(_("This dialogue belongs to no consultation, so it has no mandate."))
    resolution = dialogue.consultation.resolution.resolution
    language = resolution.language if resolution.language in _LANGUAGES else "en"
    with transaction.atomic():
        seeded = set(dialogue.statements.filter(seeded=True).values_list("anchor", flat=True))
        new = [
            Statement(
                dialogue=dialogue,
                language=language,
                text=paragraph.text,
                anchor=paragraph.anchor,
                seeded=True,
                state=StatementState.ACCEPTED,
            )
            for paragraph in resolution.operative
            if paragraph.anchor not in seeded and paragraph.text.strip()
        ]
        Statement.objects.bulk_create(new)
        record_change(
            actor=actor,
            action="dialogue.seed",
            target=dialogue,
            after={"anchors": [s.anchor for s in new]},
        )
    return len(new)


def add_statement(
    *,
    actor: Actor,
    dialogue: Dialogue,
    text: str,
    language: str,
    participant: Participant | None = None,
) -> Statement:
    """A participant's statement (pending under strict moderation) or a moderator's seed.

    `actor`: the participant's account, None for an anonymous participant (or the platform's
    own seed); the audit entry names the participant as the statement's `author`.
    """
    text = " ".join(text.split())
    if not text:
        raise ValidationError(_("A statement cannot be empty."))
    if len(text) > MAX_STATEMENT:
        raise ValidationError(_("A statement has at most %(n)d characters.") % {"n": MAX_STATEMENT})
    _check_language(language)
    if participant is not None and (participant.dialogue_id != dialogue.pk or participant.excluded):
        raise ValidationError(_("This participant may not add statements here."))
    seeded = participant is None
    accepted = seeded or dialogue.moderation == Moderation.OPEN
    with transaction.atomic():
        statement = Statement.objects.create(
            dialogue=dialogue,
            language=language,
            text=text,
            author=participant,
            seeded=seeded,
            state=StatementState.ACCEPTED if accepted else StatementState.PENDING,
        )
        record_change(
            actor=actor,
            action="statement.add",
            target=statement,
            # The author (the participant; None for a seeded statement) is named: an anonymous
            # participant has no account, so `actor` alone would not say who wrote it.
            after=snapshot(
                statement, ("dialogue", "author", "language", "text", "seeded", "state")
            ),
            anonymous=actor is None and participant is not None,
        )
    return statement


def add_translation(
    *, actor: Actor, statement: Statement, language: str, text: str, provenance: str
) -> StatementTranslation:
    """A human translation of a statement, with who made it."""
    _check_language(language)
    text, provenance = text.strip(), provenance.strip()
    if not text or not provenance:
        raise ValidationError(_("A translation needs its text and who translated it."))
    if language == statement.language:
        raise ValidationError(_("The statement is already in this language."))
    with transaction.atomic():
        translation, _created = StatementTranslation.objects.update_or_create(
            statement=statement,
            language=language,
            defaults={"text": text, "provenance": provenance, "machine": False},
        )
        record_change(
            actor=actor,
            action="statement.translate",
            target=statement,
            after={"language": language, "text": text, "provenance": provenance},
        )
    return translation


def moderate_statement(*, actor: User, statement: Statement, accept: bool) -> Statement:
    with transaction.atomic():
        before = snapshot(statement, ("state",))
        statement.state = StatementState.ACCEPTED if accept else StatementState.REJECTED
        statement.save(update_fields=["state"])
        record_change(
            actor=actor,
            action="statement.moderate",
            target=statement,
            before=before,
            after=snapshot(statement, ("state",)),
        )
    return statement


def join_dialogue(
    *, dialogue: Dialogue, user: User | None = None, anonymous_id: str = ""
) -> Participant:
    """The participant for this user (or anonymous cookie id), created on first visit."""
    if user is not None:
        if dialogue.participation == Participation.INVITATION and (
            user.email.lower() not in dialogue.invitees
        ):
            raise ValidationError(_("This dialogue is open to its invitation list only."))
        lookup: dict[str, Any] = {"user": user}
    elif anonymous_id and dialogue.participation == Participation.ANONYMOUS:
        lookup = {"anonymous_id": anonymous_id}
    else:
        raise ValidationError(_("Sign in to take part in this dialogue."))
    try:
        with transaction.atomic():
            participant, _created = Participant.objects.get_or_create(dialogue=dialogue, **lookup)
    except IntegrityError:  # joined at the same moment from another request
        participant = Participant.objects.get(dialogue=dialogue, **lookup)
    return participant


def start_anonymous_participant(*, dialogue: Dialogue, address: str) -> Participant:
    """A new anonymous participant of `dialogue` for a visitor who has no cookie yet; its
    `anonymous_id` (the cookie to set) starts with the tag of the client `address`.

    Raises `RateLimited` once `settings.DIALOGUE_JOIN_LIMIT` participants were started from
    that address within `JOIN_WINDOW` (who keeps the cookie is never counted again).
    """
    if dialogue.participation != Participation.ANONYMOUS:
        raise ValidationError(_("Sign in to take part in this dialogue."))
    tag = _address_tag(address)
    limit: int = settings.DIALOGUE_JOIN_LIMIT
    now = timezone.now()
    started = Participant.objects.filter(
        dialogue=dialogue, anonymous_id__startswith=f"{tag}.", joined_at__gte=now - JOIN_WINDOW
    )
    newest = started.order_by("-joined_at").values_list("joined_at", flat=True)[:limit]
    retry_after = _retry_after(newest, limit, JOIN_WINDOW, now) if limit > 0 else None
    if retry_after is not None:
        raise RateLimited(
            _(
                "Too many people have joined this dialogue from your network in a short time; "
                "try again later."
            ),
            retry_after=retry_after,
        )
    return join_dialogue(dialogue=dialogue, anonymous_id=f"{tag}.{secrets.token_urlsafe(24)}")


def record_vote(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Upsert the participant's vote and append its event, in one transaction."""
    if value not in VoteValue.values:
        raise ValidationError(_("A vote is agree, disagree or pass."))
    if statement.dialogue_id != participant.dialogue_id:
        raise ValidationError(_("This statement belongs to another dialogue."))
    if statement.state != StatementState.ACCEPTED:
        raise ValidationError(_("This statement is not open for votes."))
    if participant.excluded:
        raise ValidationError(_("A moderator has excluded this participant."))
    limit, window = RATE_LIMIT
    now = timezone.now()
    retry_after = _retry_after(
        VoteEvent.objects.filter(participant=participant, at__gte=now - window)
        .order_by("-at")
        .values_list("at", flat=True)[:limit],
        limit,
        window,
        now,
    )
    if retry_after is not None:
        raise RateLimited(
            _("Too many votes in a short time; wait a minute."), retry_after=retry_after
        )
    with transaction.atomic():
        updated = Vote.objects.filter(participant=participant, statement=statement).update(
            value=value, cast_at=now
        )
        if not updated:
            try:
                with transaction.atomic():
                    Vote.objects.create(
                        participant=participant, statement=statement, value=value, cast_at=now
                    )
            except IntegrityError:  # the same participant's other request won the insert
                Vote.objects.filter(participant=participant, statement=statement).update(
                    value=value, cast_at=now
                )
        VoteEvent.objects.create(participant=participant, statement=statement, value=value, at=now)
        transaction.on_commit(lambda: _request_results(participant.dialogue_id))
    return Vote.objects.get(participant=participant, statement=statement)


def _request_results(dialogue_pk: int) -> None:
    """Enqueue a recomputation unless the results are younger than the settings' interval."""
    interval = dt.timedelta(seconds=getattr(settings, "DIALOGUE_RESULTS_INTERVAL", 10))
    fresh = ResultSnapshot.objects.filter(
        dialogue_id=dialogue_pk, computed_at__gt=timezone.now() - interval
    ).exists()
    if not fresh:
        recompute_results_task.enqueue(dialogue_pk)


def exclude_participant(
    *, actor: User, participant: Participant, excluded: bool = True
) -> Participant:
    """Leave a participant's votes out of the results (or bring them back)."""
    with transaction.atomic():
        before = snapshot(participant, ("excluded",))
        participant.excluded = excluded
        participant.save(update_fields=["excluded"])
        record_change(
            actor=actor,
            action="participant.exclude",
            target=participant,
            before=before,
            after=snapshot(participant, ("excluded",)),
        )
    transaction.on_commit(lambda: _request_results(participant.dialogue_id))
    return participant
