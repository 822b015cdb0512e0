"""Two participants vote in a dialogue, one in Arabic (right to left, by keyboard: focus on
Agree, Enter), one in French (by mouse: Disagree); the results page shows two opinion groups.
The math needs at least 15 participants, so 16 more vote through the service first: half like
the Arabic participant, half like the French one. Statements and their Arabic translations
are hand-written."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STATEMENTS = [
    ("Dialogue among States strengthens human rights.", "الحوار بين الدول يعزز حقوق الإنسان."),
    ("Cooperation should be voluntary.", "ينبغي أن يكون التعاون طوعياً."),
    ("Reports should name good practices.", "ينبغي أن تذكر التقارير الممارسات الجيدة."),
    ("Civil society should take part.", "ينبغي أن يشارك المجتمع المدني."),
    ("Technical assistance needs more funds.", "تحتاج المساعدة التقنية إلى مزيد من الأموال."),
    ("The Council should meet more often.", "ينبغي أن يجتمع المجلس بصورة أكثر تواتراً."),
    ("Consultations should be public.", "ينبغي أن تكون المشاورات علنية."),
]


@pytest.fixture
def dialogue(transactional_db: Any, settings: Any) -> Any:
    from hrdialogue.web.dialogues.services import (
        add_statement,
        add_translation,
        create_dialogue,
        join_dialogue,
        record_vote,
    )

    settings.DIALOGUE_RESULTS_INTERVAL = 3600  # no recomputation while the others vote
    dialogue = create_dialogue(actor=None, title="Cooperation", participation="anonymous")
    statements = []
    for english, arabic in STATEMENTS:
        statement = add_statement(actor=None, dialogue=dialogue, text=english, language="en")
        add_translation(
            actor=None,
            statement=statement,
            language="ar",
            text=arabic,
            provenance="hand-written for the test",
        )
        statements.append(statement)
    for g, value in enumerate((1, -1)):
        for i in range(8):
            participant = join_dialogue(dialogue=dialogue, anonymous_id=f"other-{g}-{i}")
            for j, statement in enumerate(statements):
                noisy = -value if (i + j) % 5 == 0 else value
                record_vote(participant=participant, statement=statement, value=noisy)
    settings.DIALOGUE_RESULTS_INTERVAL = 0  # every browser vote recomputes
    return dialogue


def _vote_all(page: Any, press: str | None, button: str | None) -> int:
    votes = 0
    while page.locator("#all-voted").count() == 0:
        assert votes < len(STATEMENTS)
        text = page.locator("#statement-text").inner_text()
        if press:
            page.locator(f".vote-buttons button[value={press}]").focus()
            page.keyboard.press("Enter")
        else:
            page.get_by_role("button", name=button).click()
        page.wait_for_function(
            "t => !document.querySelector('#statement-text') || "
            "document.querySelector('#statement-text').innerText !== t",
            arg=text,
        )
        votes += 1
    return votes


def test_two_languages_vote_and_results_show_two_groups(
    live_server: Any, browser: Any, dialogue: Any
) -> None:
    from hrdialogue.web.dialogues.models import Participant, Vote

    url = f"{live_server.url}/dialogues/{dialogue.pk}/"

    arabic = browser.new_context(locale="ar").new_page()
    arabic.goto(url)
    assert arabic.locator("html").get_attribute("dir") == "rtl"
    statement = arabic.locator("#statement-text")
    assert statement.get_attribute("lang") == "ar"
    assert statement.get_attribute("dir") == "rtl"
    assert statement.inner_text() in {a for _e, a in STATEMENTS}
    assert arabic.locator("#statement-note").count() == 0  # a human translation: no label
    assert _vote_all(arabic, "agree", None) == len(STATEMENTS)

    french = browser.new_context(locale="fr-FR").new_page()
    french.goto(url)
    assert french.locator("html").get_attribute("dir") == "ltr"
    assert french.locator("#statement-text").get_attribute("lang") == "en"
    assert french.locator("#statement-note").inner_text()  # original in English, labelled
    disagree = french.locator(".vote-buttons button[value=disagree]").inner_text().split("\n")[0]
    assert _vote_all(french, None, disagree) == len(STATEMENTS)

    browsers = Participant.objects.filter(dialogue=dialogue, anonymous_id__regex=r"^(?!other-)")
    assert browsers.count() == 2
    values = {
        p.pk: set(Vote.objects.filter(participant=p).values_list("value", flat=True))
        for p in browsers
    }
    assert sorted(map(sorted, values.values())) == [[-1], [1]]
    where = dialogue.snapshots.first().data["participants"]
    assert len({where[str(pk)]["group"] for pk in values}) == 2  # they differ, so do their groups

    results = french.context.new_page()
    results.goto(f"{url}results/")
    assert results.locator("#group-count").inner_text() == "2"
    assert results.locator("#opinion-map circle.participant").count() == 18
    assert results.locator("#voters").inner_text() == "18"
    assert results.locator("#votes-since").inner_text() == "0"
    first, second = (int(results.locator(f"#group-{g} h3").count()) for g in (0, 1))
    assert (first, second) == (1, 1)
