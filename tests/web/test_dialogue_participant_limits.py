"""One client cannot stuff an anonymous dialogue: dropping the cookie makes a new participant,
so at most `DIALOGUE_JOIN_LIMIT` new participants start from one client address in an hour;
the next gets 429 with Retry-After (so does a participant voting too fast), in the page's
language. Another address still joins; a signed-in person is never counted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LIMIT = 3
HOUR = 3600


@pytest.fixture(autouse=True)
def _limit(settings: Any) -> None:
    settings.DIALOGUE_JOIN_LIMIT = LIMIT


@pytest.fixture
def open_dialogue(moderator: Any) -> Any:
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue

    dialogue = create_dialogue(
        actor=moderator, title="Open dialogue", participation="anonymous", moderation="strict"
    )
    add_statement(actor=moderator, dialogue=dialogue, text="Dialogue helps.", language="en")
    return dialogue


def _vote(dialogue: Any, client: Client, value: str = "agree") -> Any:
    statement = dialogue.statements.get()
    return client.post(f"/dialogues/{dialogue.pk}/", {"statement": statement.pk, "vote": value})


def _participants(dialogue: Any) -> int:
    return int(dialogue.participants.count())


def _refused(response: Any, low: int, high: int) -> None:
    assert response.status_code == 429
    assert low <= int(response["Retry-After"]) <= high


def test_the_participant_after_the_limit_from_one_address_is_refused_with_retry_after(
    open_dialogue: Any,
) -> None:
    for _ in range(LIMIT):
        assert _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7")).status_code == 302
    refused = _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    _refused(refused, HOUR - 60, HOUR)
    assert "Too many people have joined this dialogue from your network" in refused.content.decode()
    assert "hrdialogue_participant" not in refused.cookies
    assert _participants(open_dialogue) == LIMIT
    assert open_dialogue.statements.get().votes.count() == LIMIT


def test_another_address_a_kept_cookie_and_a_signed_in_person_still_take_part(
    open_dialogue: Any, public_user: Any
) -> None:
    kept = Client(REMOTE_ADDR="203.0.113.7")
    assert _vote(open_dialogue, kept).status_code == 302
    for _ in range(LIMIT - 1):
        _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    assert _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7")).status_code == 429

    assert _vote(open_dialogue, Client(REMOTE_ADDR="198.51.100.20")).status_code == 302
    assert _vote(open_dialogue, kept, "disagree").status_code == 302  # the same participant
    signed_in = Client(REMOTE_ADDR="203.0.113.7")
    signed_in.force_login(public_user)
    assert _vote(open_dialogue, signed_in).status_code == 302
    assert _participants(open_dialogue) == LIMIT + 2
    assert open_dialogue.participants.filter(user=public_user).exists()


def test_an_address_joins_again_once_the_hour_has_passed(open_dialogue: Any) -> None:
    from django.utils import timezone

    for _ in range(LIMIT):
        _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    oldest = open_dialogue.participants.order_by("pk").first()
    open_dialogue.participants.filter(pk=oldest.pk).update(
        joined_at=timezone.now() - dt.timedelta(minutes=61)
    )
    assert _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7")).status_code == 302
    _refused(_vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7")), HOUR - 60, HOUR)


def test_the_limit_is_per_dialogue(open_dialogue: Any, moderator: Any) -> None:
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue

    other = create_dialogue(actor=moderator, title="Other", participation="anonymous")
    add_statement(actor=moderator, dialogue=other, text="Another statement.", language="en")
    for _ in range(LIMIT):
        _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    assert _vote(other, Client(REMOTE_ADDR="203.0.113.7")).status_code == 302


def test_proposing_a_statement_is_refused_too(open_dialogue: Any) -> None:
    for _ in range(LIMIT):
        _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    response = Client(REMOTE_ADDR="203.0.113.7").post(
        f"/dialogues/{open_dialogue.pk}/statements/", {"text": "Stuffed statement."}
    )
    _refused(response, HOUR - 60, HOUR)
    assert not open_dialogue.statements.filter(text="Stuffed statement.").exists()


def test_the_refusal_speaks_the_pages_language(open_dialogue: Any) -> None:
    for _ in range(LIMIT):
        _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7"))
    client = Client(REMOTE_ADDR="203.0.113.7")
    client.cookies["django_language"] = "fr"
    page = _vote(open_dialogue, client).content.decode()
    assert "Trop de personnes ont rejoint ce dialogue depuis votre réseau" in page
    assert "Too many people" not in page


def test_a_participant_voting_too_fast_gets_retry_after(
    open_dialogue: Any, monkeypatch: Any
) -> None:
    from hrdialogue.web.dialogues import services

    monkeypatch.setattr(services, "RATE_LIMIT", (3, dt.timedelta(minutes=1)))
    client = Client()
    for value in ("agree", "disagree", "pass"):
        assert _vote(open_dialogue, client, value).status_code == 302
    refused = _vote(open_dialogue, client)
    _refused(refused, 1, 60)
    assert "Too many votes in a short time" in refused.content.decode()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "counted_as_one"),
    [
        # No proxy trusted: X-Forwarded-For is the client's to write, and ignored.
        (0, ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"], True),
        # One proxy: the last entry is the address it saw; what the client put before it
        # (forged, varied) does not make it someone else.
        (1, [f"10.0.0.{i}, 203.0.113.7" for i in range(1, 5)], True),
        # One proxy, four real clients behind it: four addresses.
        (1, [f"203.0.113.{i}" for i in range(1, 5)], False),
        # Two proxies: the second entry from the right.
        (2, [f"10.0.0.{i}, 203.0.113.7, 192.0.2.1" for i in range(1, 5)], True),
    ],
)
def test_the_address_behind_trusted_proxies(
    open_dialogue: Any, settings: Any, proxies: int, forwarded: list[str], counted_as_one: bool
) -> None:
    settings.TRUSTED_PROXY_COUNT = proxies
    codes = [
        _vote(
            open_dialogue, Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)
        ).status_code
        for header in forwarded
    ]
    assert codes == ([302] * LIMIT + [429] if counted_as_one else [302] * (LIMIT + 1))


def test_no_limit_when_the_setting_is_zero(open_dialogue: Any, settings: Any) -> None:
    settings.DIALOGUE_JOIN_LIMIT = 0
    for _ in range(LIMIT + 2):
        assert _vote(open_dialogue, Client(REMOTE_ADDR="203.0.113.7")).status_code == 302
