"""Dialogue services: votes (last one wins, history kept, one row each), moderation, exclusion,
seeding from the mandate, and results where two planted groups vote opposite ways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """The messages are matched in English, whatever language an earlier test left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def dialogue(moderator: Any) -> Any:
    from hrdialogue.web.dialogues.services import create_dialogue

    return create_dialogue(actor=moderator, title="Dialogue", participation="anonymous")


def _statements(dialogue: Any, moderator: Any, n: int) -> list[Any]:
    from hrdialogue.web.dialogues.services import add_statement

    return [
        add_statement(actor=moderator, dialogue=dialogue, text=f"Statement {i}", language="en")
        for i in range(n)
    ]


def test_last_vote_wins_and_history_is_kept(dialogue: Any, moderator: Any) -> None:
    from hrdialogue.web.dialogues.models import Vote, VoteEvent
    from hrdialogue.web.dialogues.services import join_dialogue, record_vote

    (statement,) = _statements(dialogue, moderator, 1)
    participant = join_dialogue(dialogue=dialogue, anonymous_id="cookie-1")
    record_vote(participant=participant, statement=statement, value=1)
    record_vote(participant=participant, statement=statement, value=-1)
    record_vote(participant=participant, statement=statement, value=0)
    assert list(Vote.objects.values_list("value", flat=True)) == [0]
    assert list(VoteEvent.objects.values_list("value", flat=True)) == [1, -1, 0]
    assert join_dialogue(dialogue=dialogue, anonymous_id="cookie-1") == participant


def test_one_vote_row_per_participant_and_statement(dialogue: Any, moderator: Any) -> None:
    from django.db import IntegrityError, transaction

    from hrdialogue.web.dialogues.models import Vote
    from hrdialogue.web.dialogues.services import join_dialogue, record_vote

    (statement,) = _statements(dialogue, moderator, 1)
    participant = join_dialogue(dialogue=dialogue, anonymous_id="cookie-1")
    record_vote(participant=participant, statement=statement, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(participant=participant, statement=statement, value=-1)


def test_bad_votes_change_nothing(dialogue: Any, moderator: Any) -> None:
    from django.core.exceptions import ValidationError

    from hrdialogue.web.dialogues.models import VoteEvent
    from hrdialogue.web.dialogues.services import (
        add_statement,
        create_dialogue,
        join_dialogue,
        record_vote,
    )

    (statement,) = _statements(dialogue, moderator, 1)
    participant = join_dialogue(dialogue=dialogue, anonymous_id="cookie-1")
    with pytest.raises(ValidationError, match="agree, disagree or pass"):
        record_vote(participant=participant, statement=statement, value=2)
    other = create_dialogue(actor=moderator, title="Other", participation="anonymous")
    elsewhere = add_statement(actor=moderator, dialogue=other, text="Elsewhere", language="fr")
    with pytest.raises(ValidationError, match="another dialogue"):
        record_vote(participant=participant, statement=elsewhere, value=1)
    assert not VoteEvent.objects.exists()


def test_strict_moderation_holds_participant_statements(dialogue: Any, moderator: Any) -> None:
    from django.core.exceptions import ValidationError

    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.dialogues.services import (
        add_statement,
        join_dialogue,
        moderate_statement,
        record_vote,
    )

    participant = join_dialogue(dialogue=dialogue, anonymous_id="cookie-1")
    proposal = add_statement(
        actor=None,
        dialogue=dialogue,
        text="  A   proposal ",
        language="fr",
        participant=participant,
    )
    assert (proposal.state, proposal.seeded, proposal.text) == ("pending", False, "A proposal")
    with pytest.raises(ValidationError, match="not open for votes"):
        record_vote(participant=participant, statement=proposal, value=1)
    moderate_statement(actor=moderator, statement=proposal, accept=True)
    record_vote(participant=participant, statement=proposal, value=1)
    moderate_statement(actor=moderator, statement=proposal, accept=False)
    proposal.refresh_from_db()
    assert proposal.state == "rejected"
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions.count("statement.moderate") == 2


def test_open_moderation_accepts_at_once(moderator: Any) -> None:
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue, join_dialogue

    dialogue = create_dialogue(
        actor=moderator, title="Open", moderation="open", participation="anonymous"
    )
    participant = join_dialogue(dialogue=dialogue, anonymous_id="c")
    proposal = add_statement(
        actor=None, dialogue=dialogue, text="Yes", language="es", participant=participant
    )
    assert proposal.state == "accepted"


def test_participation_modes(moderator: Any, public_user: Any) -> None:
    from django.core.exceptions import ValidationError

    from hrdialogue.web.dialogues.services import create_dialogue, join_dialogue

    by_login = create_dialogue(actor=moderator, title="Login")
    with pytest.raises(ValidationError, match="Sign in"):
        join_dialogue(dialogue=by_login, anonymous_id="cookie")
    assert join_dialogue(dialogue=by_login, user=public_user).user == public_user
    invited = create_dialogue(
        actor=moderator,
        title="Invited",
        participation="invitation",
        invitees=["Someone@Example.org"],
    )
    with pytest.raises(ValidationError, match="invitation list"):
        join_dialogue(dialogue=invited, user=public_user)
    public_user.email = "someone@example.org"
    assert join_dialogue(dialogue=invited, user=public_user).dialogue == invited


def test_rate_limit(dialogue: Any, moderator: Any, monkeypatch: Any) -> None:
    import datetime as dt

    from hrdialogue.web.dialogues import services

    monkeypatch.setattr(services, "RATE_LIMIT", (3, dt.timedelta(minutes=1)))
    statements = _statements(dialogue, moderator, 4)
    participant = services.join_dialogue(dialogue=dialogue, anonymous_id="fast")
    for statement in statements[:3]:
        services.record_vote(participant=participant, statement=statement, value=1)
    with pytest.raises(services.RateLimited):
        services.record_vote(participant=participant, statement=statements[3], value=1)


def test_seed_from_mandate_one_statement_per_operative_paragraph(
    consultation: Any, moderator: Any
) -> None:
    from hrdialogue.web.dialogues.services import create_dialogue, seed_statements_from_mandate

    dialogue = create_dialogue(actor=moderator, title="Seeded", consultation=consultation)
    # The hand-written resolution (tests/web/resolution_fixture.py) has OP10 and OP11.
    assert seed_statements_from_mandate(actor=moderator, dialogue=dialogue) == 2
    assert seed_statements_from_mandate(actor=moderator, dialogue=dialogue) == 0
    rows = list(dialogue.statements.values_list("anchor", "language", "state", "seeded"))
    assert rows == [("OP10", "ru", "accepted", True), ("OP11", "ru", "accepted", True)]
    assert dialogue.statements.get(anchor="OP10").text.startswith("просит Генерального секретаря")


def plant_two_groups(dialogue: Any, statements: list[Any], size: int = 10) -> list[list[Any]]:
    """`size` participants agree with every statement, `size` others disagree with every one."""
    from hrdialogue.web.dialogues.services import join_dialogue, record_vote

    groups: list[list[Any]] = [[], []]
    for g, value in enumerate((1, -1)):
        for i in range(size):
            participant = join_dialogue(dialogue=dialogue, anonymous_id=f"planted-{g}-{i}")
            for j, statement in enumerate(statements):
                # a little noise so that the map has two dimensions to spread along
                record_vote(
                    participant=participant,
                    statement=statement,
                    value=-value if (i + j) % 7 == 0 else value,
                )
            groups[g].append(participant)
    return groups


def test_two_planted_groups_are_found(
    dialogue: Any, moderator: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from hrdialogue.web.dialogues.results import latest_results, recompute_results
    from hrdialogue.web.dialogues.services import exclude_participant

    settings.DIALOGUE_RESULTS_INTERVAL = 3600  # one recomputation while votes come in
    statements = _statements(dialogue, moderator, 8)
    with django_capture_on_commit_callbacks(execute=True):
        groups = plant_two_groups(dialogue, statements)
    assert latest_results(dialogue) is not None  # the task ran after the first vote
    data = recompute_results(dialogue).data
    assert (data["votes"], data["voters"], data["excluded"]) == (160, 20, 0)
    assert len(data["groups"]) == 2
    found = {
        frozenset(str(p.pk) for p in group): {
            data["participants"][str(p.pk)]["group"] for p in group
        }
        for group in groups
    }
    assert sorted(len(v) for v in found.values()) == [1, 1]  # each planted group is one group
    assert len(set().union(*found.values())) == 2
    exclude_participant(actor=moderator, participant=groups[0][0])
    data = recompute_results(dialogue).data
    assert (data["excluded"], data["voters"], data["votes"]) == (1, 19, 152)
    assert str(groups[0][0].pk) not in data["participants"]
