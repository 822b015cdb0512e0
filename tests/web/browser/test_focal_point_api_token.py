"""A focal point, reading the site in Arabic, creates an API token in the browser, copies it and
uses it; the page passes an accessibility scan; revoking it closes the API to it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.web.browser.conftest import signed_in_page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def _api_status(base: str, token: str) -> int:
    request = urllib.request.Request(
        f"{base}/api/consultations", headers={"Authorization": f"Bearer {token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            json.load(response)
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_a_focal_point_creates_uses_and_revokes_a_token_in_arabic(
    live_server: Any, browser: Any, axe: Any, make_user: Any, registry: None
) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    make_user(
        "focal-point",
        email="focal@mission-egypt.example",
        stakeholder=Stakeholder.objects.get(code="egy"),
    )
    base = live_server.url
    context, page = signed_in_page(browser, base, "focal@mission-egypt.example", "ar")

    page.goto(f"{base}/account/api-tokens/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "رموز واجهة البرمجة"
    page.locator("#id_name").fill("نظام الردود في الوزارة")
    page.locator("main form button[type=submit]").first.click()
    token = page.locator("code.token").inner_text()
    assert token.startswith("hrd_")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()

    assert _api_status(base, token) == 200
    page.goto(f"{base}/account/api-tokens/")  # the token is not shown again
    assert page.locator("code.token").count() == 0
    page.locator("table form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/account/api-tokens/")
    assert _api_status(base, token) == 401
    context.close()
