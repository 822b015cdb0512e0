"""Timeouts never lose work (reliability battery I4; WCAG 2.2.1 Timing Adjustable).

A focal point types a long reply in six languages (5 000 characters), a comment and a
confidential visibility; the session ends on the server; the person sends the form, lands on
the sign-in page, signs in and is back on the form, every character there and a polite live
notice saying so. Another focal point signed in later in the same tab does not see it. Once the
reply is received the draft is gone. And a warning comes before the session ends, whose button
renews the session's expiry on the server. The texts are hand-written for this test.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from tests.web.browser.conftest import signed_in_page
from tests.web.browser.test_accessibility_sweep import _problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Hand-written, one sentence per language; Arabic is right to left, Chinese has no spaces.
SENTENCES = [
    "The Government supports regular consultations with all States on the resolution.\n",
    "Le Gouvernement appuie des consultations régulières avec tous les États.\n",
    "El Gobierno apoya la celebración de consultas periódicas con todos los Estados.\n",
    "Правительство поддерживает регулярные консультации со всеми государствами.\n",
    "تؤيد الحكومة إجراء مشاورات منتظمة مع جميع الدول بشأن هذا القرار.\n",
    "政府支持就本决议与所有国家定期进行协商。\n",
]
TYPED = 5000
TEXT = ("".join(SENTENCES) * (TYPED // len("".join(SENTENCES)) + 1))[:TYPED]
COMMENT = "第10段：协商应向所有国家开放。"
RESTORED = "Your unsent reply was restored from this browser tab. Check it before you send it."


def _sign_in(page: Any, base: str, email: str) -> None:
    from tests.web.conftest import PASSWORD

    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()


def _switch_account(page: Any, base: str, email: str) -> None:
    """Signs out with the header's button, then in as `email`, in the same tab."""
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/accounts/login/")
    _sign_in(page, base, email)
    page.wait_for_url(f"{base}/")


def _end_session(context: Any) -> None:
    """The server forgets the tab's session, as when it expires (the cookie stays)."""
    from django.conf import settings
    from django.contrib.sessions.models import Session

    (cookie,) = [c for c in context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    assert Session.objects.filter(session_key=cookie["value"]).delete()[0] == 1


def _draft_keys(page: Any) -> list[str]:
    keys: list[str] = page.evaluate(
        "Object.keys(sessionStorage).filter(k => k.startsWith('hrdialogue.reply-draft.'))"
    )
    return keys


@pytest.mark.usefixtures("france_focal_point", "russia_focal_point")
def test_a_reply_typed_when_the_session_ended_is_back_after_signing_in(
    live_server: Any, browser: Any, axe: Any, open_call: Any
) -> None:
    from playwright.sync_api import expect

    from hrdialogue.web.submissions.models import ReplyVersion

    base = live_server.url
    form = f"{base}/replies/consultations/{open_call.pk}/reply/"
    context, page = signed_in_page(browser, base, "fp-france@example.org", "en")
    page.goto(form)
    page.locator("#id_comment_anchor_1").select_option("OP10")
    page.locator("#id_comment_text_1").fill(COMMENT)
    page.locator("input[name=visibility][value=confidential]").check()
    text = page.locator("#id_text")
    # Most of it pasted, the end typed key by key, and sent at once: the last keys are in
    # the draft though the pause that saves it after typing has not come.
    text.fill(TEXT[:-40])
    text.press("Control+End")
    _end_session(context)
    page.keyboard.type(TEXT[-40:])
    assert text.input_value() == TEXT
    page.get_by_role("button", name="Send the reply").click()
    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    assert ReplyVersion.objects.count() == 0
    _sign_in(page, base, "fp-france@example.org")
    page.wait_for_url(form)

    recovered = text.input_value()
    same = sum(typed == got for typed, got in zip(TEXT, recovered, strict=False))  # in place
    print(f"FIGURE I4: chars typed / chars recovered = {len(TEXT)} / {same}")
    assert recovered == TEXT
    assert page.locator("#id_comment_anchor_1").input_value() == "OP10"
    assert page.locator("#id_comment_text_1").input_value() == COMMENT
    assert page.locator("input[name=visibility][value=confidential]").is_checked()
    status = page.locator("#draft-status")
    expect(status).to_have_text(RESTORED)
    assert status.get_attribute("aria-live") == "polite"
    expect(page.get_by_role("button", name="Discard the restored text")).to_be_visible()
    assert _problems(axe, page) == []

    # Another focal point, signed in afterwards in the same tab: the draft is in the tab's
    # storage, under France's account, and the form shows none of it.
    (france_key,) = _draft_keys(page)
    _switch_account(page, base, "fp-russia@example.org")
    page.goto(form)
    assert text.input_value() == ""
    assert page.locator("#id_comment_text_1").input_value() == ""
    assert page.locator("input[name=visibility][value=public]").is_checked()
    page.wait_for_timeout(500)  # the notice would come 150 ms after the page
    expect(status).to_have_text("")
    expect(page.get_by_role("button", name="Discard the restored text")).to_be_hidden()
    assert _draft_keys(page) == [france_key]

    # France again: the draft is there still; sent, it is received and then gone.
    _switch_account(page, base, "fp-france@example.org")
    page.goto(form)
    assert text.input_value() == TEXT
    page.get_by_role("button", name="Send the reply").click()
    page.wait_for_url(re.compile(r"/replies/versions/\d+/$"))
    (version,) = ReplyVersion.objects.all()
    assert version.text.replace("\r\n", "\n") == TEXT
    assert version.reply.visibility == "confidential"
    assert [(c.anchor, c.text) for c in version.comments.all()] == [("OP10", COMMENT)]
    assert _draft_keys(page) == []
    page.goto(form)
    assert text.input_value() == ""
    page.wait_for_timeout(500)
    expect(status).to_have_text("")
    context.close()


@pytest.mark.usefixtures("france_focal_point")
def test_in_arabic_the_notice_and_the_discard_button_work_and_pass_axe(
    live_server: Any, browser: Any, axe: Any, open_call: Any
) -> None:
    """The site in Arabic (right to left): the notice and the button speak Arabic (the
    catalog's sentences, read there), axe finds nothing serious, and discarding empties the
    form and forgets the draft."""
    from playwright.sync_api import expect

    base = live_server.url
    form = f"{base}/replies/consultations/{open_call.pk}/reply/"
    context, page = signed_in_page(browser, base, "fp-france@example.org", "ar")
    page.goto(form)
    page.locator("#id_text").fill(SENTENCES[4])
    page.wait_for_timeout(700)  # the save after the last keystroke
    page.reload()
    status = page.locator("#draft-status")
    expect(status).to_have_text(
        "تمت استعادة ردك غير المرسل من علامة تبويب المتصفح هذه. راجعه قبل إرساله."
    )
    assert page.locator("#id_text").input_value() == SENTENCES[4]
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert _problems(axe, page) == []
    page.get_by_role("button", name="حذف النص المستعاد").click()
    expect(status).to_have_text("تم حذف النص المستعاد.")
    assert page.locator("#id_text").input_value() == ""
    expect(page.locator("#id_text")).to_be_focused()
    assert _draft_keys(page) == []
    page.reload()
    assert page.locator("#id_text").input_value() == ""
    context.close()


@pytest.mark.usefixtures("france_focal_point")
def test_a_warning_before_the_session_ends_offers_to_extend_it(
    live_server: Any, browser: Any, axe: Any, open_call: Any, settings: Any
) -> None:
    """Sessions of 45 s, the warning 42 s before their end: it shows about 3 s after sign-in."""
    from django.contrib.sessions.models import Session
    from playwright.sync_api import expect

    settings.SESSION_COOKIE_AGE = 45
    settings.SESSION_EXPIRY_WARNING_SECONDS = 42
    base = live_server.url
    context, page = signed_in_page(browser, base, "fp-france@example.org", "en")
    page.goto(f"{base}/replies/consultations/{open_call.pk}/reply/")
    warning = page.locator("#session-warning")
    expect(warning).to_be_hidden()
    expect(warning).to_be_visible(timeout=10_000)
    expect(warning).to_contain_text("Your session is about to end. It ends at:")
    assert warning.get_attribute("role") == "alert"
    assert re.fullmatch(r"\d\d:\d\d( [AP]M)?", page.locator("#session-end").inner_text())
    assert _problems(axe, page) == []

    (session,) = Session.objects.all()
    before = session.expire_date
    page.locator("#id_text").focus()
    page.get_by_role("button", name="Extend the session").click()
    expect(page.locator("#session-status")).to_have_text("The session is extended.")
    expect(warning).to_be_hidden()
    expect(page.locator("#id_text")).to_be_focused()
    session.refresh_from_db()
    assert session.expire_date - before >= dt.timedelta(seconds=1)

    # The session ended on the server before the button was pressed: said so, text kept.
    session.delete()
    expect(warning).to_be_visible(timeout=10_000)
    page.get_by_role("button", name="Extend the session").click()
    expect(warning).to_contain_text("The session could not be extended.")
    expect(warning).to_contain_text("What you typed is kept in this browser tab")
    context.close()
