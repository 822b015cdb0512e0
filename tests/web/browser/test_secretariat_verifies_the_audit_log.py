"""The Secretariat, reading the site in Arabic, opens the audit log: the visit checks the new
entries; the page warns that no full check has run; the button runs one and the page says it
passed; the page passes an accessibility scan before and after."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.browser.conftest import signed_in_page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_the_secretariat_runs_a_full_check_of_the_audit_log_in_arabic(
    live_server: Any, browser: Any, axe: Any, make_user: Any
) -> None:
    from django.db import transaction

    from hrdialogue.web.audit.models import ChainCheck
    from hrdialogue.web.audit.services import record_change

    staff = make_user("secretariat", email="secretariat@ohchr.example")
    for i in range(3):
        with transaction.atomic():
            record_change(actor=staff, action="test.browser", target=staff, after={"i": i})
    base = live_server.url
    context, page = signed_in_page(browser, base, "secretariat@ohchr.example", "ar")

    page.goto(f"{base}/audit/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    main = page.locator("main").inner_text()
    assert "لم يُجرَ بعد أي فحص كامل للسجل كله" in main  # no full check yet
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("button", name="تحقق من السجل كله الآن").click()
    page.wait_for_url(f"{base}/audit/**")
    main = page.locator("main").inner_text()
    assert "آخر فحص كامل" in main  # "Last full check, …: passed"
    assert "لم يُجرَ بعد أي فحص كامل للسجل كله" not in main
    full = ChainCheck.objects.filter(kind="full").get()
    assert full.ok
    assert full.requested_by == staff
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
