"""The Secretariat signs in, uploads the seed (A/RES/63/180, Russian), reviews the mandates,
opens a consultation from OP10, sees the plan and opens it for replies; the public page shows
it; the same pages in Arabic are right-to-left with the Arabic names of States; axe-core finds
no serious or critical violation on any of them, in English and in Arabic."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long demo passphrase 2026"
SEED = "seeds/000_8dba0c578e5ca190.txt"


def _axe_problems(axe: Any, page: Any) -> list[str]:
    results = axe.run(page)
    return [
        f"{page.url} [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def secretariat_account(transactional_db: Any) -> Any:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.stakeholders.services import load_registry

    load_registry()
    return User.objects.create_user("sec@un.example", PASSWORD, role="secretariat")


def test_secretariat_opens_a_consultation_from_op10(
    live_server: Any, browser: Any, axe: Any, shared: Path, secretariat_account: Any
) -> None:
    problems: list[str] = []
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    base = live_server.url

    page.goto(f"{base}/accounts/login/")
    problems += _axe_problems(axe, page)
    page.get_by_label("E-mail address").fill("sec@un.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/resolutions/upload/")
    problems += _axe_problems(axe, page)
    page.get_by_label("Resolution (PDF, DOCX or text)").set_input_files(str(shared / SEED))
    page.get_by_label("Language of the text").select_option("ru")
    page.get_by_role("button", name="Upload and read").click()
    page.wait_for_url(re.compile(r"/resolutions/\d+/$"))
    resolution_url = page.url
    assert page.locator("h1").inner_text() == "A/RES/63/180"
    assert page.locator("#OP10").is_visible()
    problems += _axe_problems(axe, page)

    page.get_by_role("link", name="Open a consultation from OP10").click()
    page.wait_for_url(re.compile(r"/consultations/new/\d+/\d+/$"))
    problems += _axe_problems(axe, page)
    page.get_by_role("button", name="Open the consultation as a draft").click()
    page.wait_for_url(re.compile(r"/consultations/\d+/$"))
    consultation_url = page.url
    assert page.locator("#phase").inner_text() == "Draft"
    # The plan, worked back from GA 64 (opens 15 September 2009, read from OP11).
    plan = page.locator("table.plan").inner_text()
    for date in (
        "2009-03-31",
        "2009-05-12",
        "2009-05-23",
        "2009-05-26",
        "2009-07-07",
        "2009-09-15",
    ):
        assert date in plan
    problems += _axe_problems(axe, page)
    page.get_by_role("button", name="Move to “Open for replies”").click()
    page.wait_for_url(consultation_url)
    assert page.locator("#phase").inner_text() == "Open for replies"
    context.close()

    public = browser.new_context(locale="en-GB").new_page()
    public.goto(f"{base}/")
    assert "Resolution 63/180, paragraph OP10" in public.locator("main").inner_text()
    public.goto(consultation_url)
    assert public.locator("#phase").inner_text() == "Open for replies"
    # 193 Member States + 2 observer States + the 12 IGOs of organisations.csv (no NGO loaded)
    assert public.locator("#consultees-heading").inner_text() == "207 consultees"
    problems += _axe_problems(axe, public)
    public.goto(f"{resolution_url}#OP10")
    assert public.locator("#OP10").is_visible()
    problems += _axe_problems(axe, public)

    # The same pages in Arabic, chosen with the language switcher.
    public.goto(consultation_url)
    public.get_by_label("Language").select_option("ar")
    public.get_by_role("button", name="Change language").click()
    public.wait_for_url(consultation_url)
    html = public.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    text = public.locator("main").inner_text()
    assert "فرنسا" in text
    assert "الاتحاد الروسي" in text
    assert "مفتوحة لتلقي الردود" in text
    problems += _axe_problems(axe, public)
    public.goto(resolution_url)
    assert public.locator("html").get_attribute("dir") == "rtl"
    assert public.locator("section.resolution").get_attribute("dir") == "ltr"  # Russian text
    problems += _axe_problems(axe, public)

    arabic_secretariat = browser.new_context(locale="ar").new_page()
    arabic_secretariat.goto(f"{base}/accounts/login/")
    assert arabic_secretariat.locator("html").get_attribute("dir") == "rtl"
    problems += _axe_problems(axe, arabic_secretariat)
    arabic_secretariat.get_by_label("عنوان البريد الإلكتروني").fill("sec@un.example")
    arabic_secretariat.get_by_label("كلمة المرور").fill(PASSWORD)
    arabic_secretariat.get_by_role("button", name="تسجيل الدخول").click()
    for url in (f"{base}/resolutions/upload/", resolution_url, consultation_url):
        arabic_secretariat.goto(url)
        assert arabic_secretariat.locator("html").get_attribute("dir") == "rtl"
        problems += _axe_problems(axe, arabic_secretariat)

    assert problems == []
