"""Accessibility as reliability (battery I1): axe-core (shipped inside axe-playwright-python,
nothing downloaded) scans the pages each kind of user works in — the public's, a focal
point's and the Secretariat's — in each of the six languages (Arabic right-to-left), after a
reply was received; no violation of impact "serious" or "critical" (WCAG 2.0–2.2 A and AA
rules) may remain. The consultation, the dialogue and the reply are hand-written fixtures."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.conftest import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}


def _problems(axe: Any, page: Any) -> list[str]:
    results = axe.run(page, options=WCAG)
    return [
        f"{page.url} [{v['impact']}] {v['id']}: {v['help']} "
        f"({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def site(open_call: Any, france_focal_point: Any, secretariat: Any, moderator: Any) -> Any:
    """An open consultation with one reply received, and an open dialogue."""
    from hrdialogue.web.dialogues.services import add_statement, create_dialogue
    from hrdialogue.web.submissions.services import submit_reply

    version = submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="sweep-key-0001-abcdefgh",
        text="La France soutient un dialogue régulier entre les États et le Conseil.",
    )
    dialogue = create_dialogue(
        actor=moderator, title="Dialogue", participation="anonymous", moderation="strict"
    )
    add_statement(actor=moderator, dialogue=dialogue, text="Dialogue helps.", language="en")
    return {
        "consultation": open_call.pk,
        "resolution": open_call.resolution_id,
        "version": version.pk,
        "dialogue": dialogue.pk,
    }


def _visit_all(axe: Any, page: Any, base: str, paths: list[str]) -> list[str]:
    problems: list[str] = []
    for path in paths:
        response = page.goto(f"{base}{path}")
        assert response is not None
        assert response.status == 200, f"{path}: {response.status}"
        problems += _problems(axe, page)
    return problems


LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]  # the codes of settings.LANGUAGES


def _in_each_language(axe: Any, context: Any, base: str, paths: list[str]) -> list[str]:
    """Every page of `paths` in each language (the language cookie switched in one signed-in
    context), scanned; the html element is right-to-left in Arabic only."""
    page = context.new_page()
    problems: list[str] = []
    for language in LANGUAGES:
        context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        problems += _visit_all(axe, page, base, paths)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    return problems


def test_no_serious_accessibility_violation_on_the_main_pages(
    live_server: Any, browser: Any, axe: Any, site: Any
) -> None:
    base = live_server.url
    c, d, r, v = site["consultation"], site["dialogue"], site["resolution"], site["version"]

    public = browser.new_context()
    problems = _in_each_language(
        axe,
        public,
        base,
        [
            "/",
            "/accounts/login/",
            f"/consultations/{c}/",
            f"/replies/consultations/{c}/published/",
            "/replies/receipts/verify/",
            f"/dialogues/{d}/",
        ],
    )
    public.close()

    context, _ = signed_in_page(browser, base, "fp-france@example.org", "en")
    problems += _in_each_language(
        axe, context, base, [f"/replies/consultations/{c}/reply/", f"/replies/versions/{v}/"]
    )
    context.close()

    context, _ = signed_in_page(browser, base, "secretariat@example.org", "en")
    problems += _in_each_language(
        axe,
        context,
        base,
        [
            f"/resolutions/{r}/",
            f"/replies/consultations/{c}/dashboard/",
            f"/replies/consultations/{c}/paragraphs/",
            "/accounts/users/",
            "/audit/",
        ],
    )
    context.close()
    assert problems == []
