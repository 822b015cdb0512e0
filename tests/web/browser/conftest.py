"""Playwright against pytest-django's `live_server`, driving Debian's Chromium (no download).

Playwright's sync API runs an event loop in the test thread; Django's guard against ORM calls
from async code must be lifted for the test's own fixtures (the server thread is unaffected).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Session-wide: the session-scoped browser's loop is running when pytest-django creates the
# test database. Subprocesses that run `check --deploy` drop it (test_security_settings.py).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives Chromium: marked `browser` (CI's PostgreSQL pass
    leaves them out: they ran in the SQLite pass)."""
    for item in items:
        if item.path.resolve().is_relative_to(_HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (Debian package chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def signed_in_page(browser: Any, base: str, email: str, language: str) -> tuple[Any, Any]:
    """A new browser context reading the site in `language` (its cookie set), signed in as
    `email` (password `PASSWORD`): (context, page). Close the context at the end."""
    from tests.web.conftest import PASSWORD

    context = browser.new_context(locale=language)
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/**")
    return context, page


def arabic_resolution_page(
    live_server: Any, browser: Any, make_user: Any, *, text: str, name: str, anchor: str
) -> tuple[Any, Any]:
    """The Arabic `text`, uploaded by a Secretariat account, open at `#anchor` for that account
    reading the site in Arabic: (context, page). Close the context at the end."""
    from hrdialogue.web.resolutions.services import upload_resolution

    staff = make_user("secretariat", email="secretariat@ohchr.example")
    document = upload_resolution(actor=staff, data=text.encode(), name=name, language="ar")
    base = live_server.url
    context, page = signed_in_page(browser, base, "secretariat@ohchr.example", "ar")
    page.goto(f"{base}/resolutions/{document.pk}/#{anchor}")
    return context, page
