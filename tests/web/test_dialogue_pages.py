"""Dialogue pages through the test client: voting one statement at a time (anonymous, by
signed cookie), the honeypot, a statement shown in the reader's language or labelled as
original, the results page with two planted groups, and Polis CSV export → import."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from tests.web.test_dialogue_services import plant_two_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_dialogue(moderator: Any) -> Any:
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue

    dialogue = create_dialogue(
        actor=moderator, title="Open dialogue", participation="anonymous", moderation="strict"
    )
    for text in ("Dialogue helps.", "Cooperation matters.", "Reports should be shorter."):
        add_statement(actor=moderator, dialogue=dialogue, text=text, language="en")
    return dialogue


def test_anonymous_voter_votes_one_statement_at_a_time(client: Any, open_dialogue: Any) -> None:
    from hrdialogue.web.dialogues.models import Participant, Vote

    url = f"/dialogues/{open_dialogue.pk}/"
    seen = []
    for choice in ("agree", "disagree", "pass"):
        page = client.get(url)
        assert page.status_code == 200
        statement = page.context["shown"].statement
        seen.append(statement.text)
        response = client.post(url, {"statement": statement.pk, "vote": choice})
        assert response.status_code == 302
    assert client.get(url).context["shown"] is None
    assert sorted(seen) == ["Cooperation matters.", "Dialogue helps.", "Reports should be shorter."]
    (participant,) = Participant.objects.filter(dialogue=open_dialogue)
    assert participant.anonymous_id
    assert participant.user is None
    assert sorted(Vote.objects.values_list("value", flat=True)) == [-1, 0, 1]


def test_honeypot_vote_is_dropped(client: Any, open_dialogue: Any) -> None:
    from hrdialogue.web.dialogues.models import VoteEvent

    statement = open_dialogue.statements.first()
    client.post(
        f"/dialogues/{open_dialogue.pk}/",
        {"statement": statement.pk, "vote": "agree", "website": "http://spam.example"},
    )
    client.post(
        f"/dialogues/{open_dialogue.pk}/statements/",
        {"text": "Buy now", "website": "http://spam.example"},
    )
    assert not VoteEvent.objects.exists()
    assert not open_dialogue.statements.filter(text="Buy now").exists()


def test_proposal_waits_for_moderation(client: Any, open_dialogue: Any) -> None:
    client.post(f"/dialogues/{open_dialogue.pk}/statements/", {"text": "More hearings."})
    assert open_dialogue.statements.get(text="More hearings.").state == "pending"


def test_participants_statements_are_audited_with_their_author(
    client: Any, open_dialogue: Any, public_user: Any
) -> None:
    """An anonymous participant has no account: the audit entry of their statement names no
    account, says an anonymous participant made it (not "system") and names the participant who
    wrote it; a signed-in participant's entry names the account too."""
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.dialogues.models import Participant

    url = f"/dialogues/{open_dialogue.pk}/statements/"
    client.post(url, {"text": "More hearings."})
    client.force_login(public_user)
    client.post(url, {"text": "Shorter reports."})

    anonymous = Participant.objects.get(dialogue=open_dialogue, user__isnull=True)
    signed_in = Participant.objects.get(dialogue=open_dialogue, user=public_user)
    assert anonymous.anonymous_id
    for text, participant, account in (
        ("More hearings.", anonymous, None),
        ("Shorter reports.", signed_in, public_user),
    ):
        statement = open_dialogue.statements.get(text=text)
        assert statement.author == participant
        entry = AuditEntry.objects.get(action="statement.add", target_id=str(statement.pk))
        assert entry.actor == account
        assert entry.actor_label == (account.email if account else "anonymous participant")
        assert entry.after["author"] == participant.pk


def test_statement_in_reader_language_or_labelled_original(
    client: Any, open_dialogue: Any, moderator: Any
) -> None:
    from hrdialogue.web.dialogues.services import add_translation

    statement = open_dialogue.statements.get(text="Dialogue helps.")
    add_translation(
        actor=moderator,
        statement=statement,
        language="fr",
        text="Le dialogue aide.",
        provenance="Service de traduction (test)",
    )
    client.cookies["django_language"] = "fr"
    page = client.get(f"/dialogues/{open_dialogue.pk}/")
    assert page.context["shown"].text == "Le dialogue aide."
    assert page.context["shown"].note == ""
    client.cookies["django_language"] = "ar"
    page = client.get(f"/dialogues/{open_dialogue.pk}/")
    html = page.content.decode()
    assert 'lang="en" dir="ltr">Dialogue helps.' in html
    assert page.context["shown"].note  # "original in English", in Arabic
    assert 'dir="rtl"' in html


def test_results_page_shows_two_planted_groups(
    client: Any, open_dialogue: Any, moderator: Any, settings: Any
) -> None:
    from hrdialogue.web.dialogues.results import recompute_results
    from hrdialogue.web.dialogues.services import add_statement, exclude_participant

    settings.DIALOGUE_RESULTS_INTERVAL = 3600
    more = [
        add_statement(actor=moderator, dialogue=open_dialogue, text=f"Point {i}", language="en")
        for i in range(5)
    ]
    groups = plant_two_groups(open_dialogue, [*open_dialogue.statements.all()[:3], *more])
    exclude_participant(actor=moderator, participant=groups[1][0])
    recompute_results(open_dialogue)
    page = client.get(f"/dialogues/{open_dialogue.pk}/results/")
    html = page.content.decode()
    assert page.status_code == 200
    assert len(page.context["groups"]) == 2
    assert '<dd id="group-count">2</dd>' in html
    assert '<dd id="excluded">1</dd>' in html
    assert html.count('<circle class="participant') == 19
    fills = {p["fill"] for p in page.context["points"]}
    assert len(fills) == 2
    assert " style=" not in html


def test_polis_export_then_import_keeps_every_vote(
    client: Any, open_dialogue: Any, moderator: Any
) -> None:
    from hrdialogue.web.dialogues.models import Vote, VoteEvent
    from hrdialogue.web.dialogues.services import create_dialogue

    plant_two_groups(open_dialogue, list(open_dialogue.statements.all()), size=3)
    client.force_login(moderator)
    response = client.get(f"/dialogues/{open_dialogue.pk}/polis.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["comments.csv", "participants-votes.csv", "votes.csv"]
    copy = create_dialogue(actor=moderator, title="Copy", participation="anonymous")
    response = client.post(
        f"/dialogues/{copy.pk}/import/",
        {
            "comments": _upload("comments.csv", archive.read("comments.csv")),
            "votes": _upload("votes.csv", archive.read("votes.csv")),
            "language": "en",
        },
    )
    assert response.status_code == 302
    assert copy.statements.count() == 3
    assert copy.participants.count() == 6
    assert VoteEvent.objects.filter(statement__dialogue=copy).count() == 18
    original = sorted(
        Vote.objects.filter(statement__dialogue=open_dialogue).values_list(
            "statement__text", "value"
        )
    )
    imported = sorted(
        Vote.objects.filter(statement__dialogue=copy).values_list("statement__text", "value")
    )
    assert imported == original


def test_import_names_the_bad_line(client: Any, open_dialogue: Any, moderator: Any) -> None:
    client.force_login(moderator)
    response = client.post(
        f"/dialogues/{open_dialogue.pk}/import/",
        {
            "comments": _upload("comments.csv", b"not,a,polis,header\n"),
            "votes": _upload("votes.csv", b"timestamp,datetime,comment-id,voter-id,vote\n"),
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert "comments.csv, line 1" in response.content.decode()


def _upload(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_a_hostile_statement_is_shown_as_text_on_every_page(
    client: Any, open_dialogue: Any, moderator: Any
) -> None:
    # Battery F5: what a participant types is text wherever it is shown (the moderation
    # queue, the voting page, the results), never markup that runs.
    from hrdialogue.web.dialogues.services import moderate_statement

    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> Reports matter.'
    client.post(f"/dialogues/{open_dialogue.pk}/statements/", {"text": hostile})
    statement = open_dialogue.statements.get(text=hostile)
    staff = type(client)()
    staff.force_login(moderator)
    queue = staff.get(f"/dialogues/{open_dialogue.pk}/moderation/").content.decode()
    moderate_statement(actor=moderator, statement=statement, accept=True)
    pages = [queue]
    for _ in range(4):  # the voting page, until the hostile statement comes up
        page = client.get(f"/dialogues/{open_dialogue.pk}/")
        pages.append(page.content.decode())
        shown = page.context["shown"]
        if shown is None or shown.statement.pk == statement.pk:
            break
        client.post(
            f"/dialogues/{open_dialogue.pk}/", {"statement": shown.statement.pk, "vote": "pass"}
        )
    pages.append(staff.get(f"/dialogues/{open_dialogue.pk}/results/").content.decode())
    assert any("&lt;script&gt;alert(" in html for html in pages[1:-1])  # it was shown
    assert "&lt;script&gt;alert(" in queue
    for html in pages:
        assert "<script>alert(" not in html
        assert "<img src=x" not in html
