"""A reader of the site in Arabic opens a sectioned resolution (a hand-written Arabic text,
tests/documents/sectioned.py): each section's heading stands before its paragraphs, a link
to a paragraph of a section scrolls to it, and the page passes an accessibility scan."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.sectioned import HEADINGS, sectioned
from tests.web.browser.conftest import arabic_resolution_page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_sectioned_resolution_reads_in_arabic_with_its_section_headings(
    live_server: Any, browser: Any, axe: Any, make_user: Any
) -> None:
    context, page = arabic_resolution_page(
        live_server,
        browser,
        make_user,
        text=sectioned("ar"),
        name="a-res-68-247-ar.txt",
        anchor="II.OP2",
    )
    assert page.locator("html").get_attribute("dir") == "rtl"
    headings = page.locator("h3.section-heading")
    assert headings.count() == 2
    assert HEADINGS["ar"][1] in headings.nth(1).inner_text()
    # the second section's heading comes before its own paragraphs, after the first's
    order = page.evaluate(
        "() => [...document.querySelectorAll('h3.section-heading, p.paragraph[id]')].map(e => e.id)"
    )
    assert order.index("sec_II") == order.index("II.PP1") - 1
    assert order.index("I.OP2") < order.index("sec_II")
    assert page.locator('[id="II.OP2"]').is_visible()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
