"""A reader of the site in Arabic opens a composite resolution (69/96 A-B, a hand-written Arabic
text, tests/documents/test_sections.py): each part's heading, formula, paragraphs and closing
stand in order, the closing at the end of its line (the left in Arabic), and the page passes an
accessibility scan."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documents.test_sections import COMPOSITE_AR
from tests.web.browser.conftest import arabic_resolution_page

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_composite_resolution_reads_in_arabic_part_by_part(
    live_server: Any, browser: Any, axe: Any, make_user: Any
) -> None:
    context, page = arabic_resolution_page(
        live_server,
        browser,
        make_user,
        text=COMPOSITE_AR,
        name="a-res-69-96-ar.txt",
        anchor="B.OP2",
    )
    assert page.locator("html").get_attribute("dir") == "rtl"
    order = page.evaluate(
        "() => [...document.querySelectorAll('h3.section-heading, p.paragraph')]"
        ".map(e => e.id || e.className)"
    )
    start = order.index("sec_A")
    assert order[start:] == [
        "sec_A",
        "paragraph",  # the formula
        "A.PP1",
        "A.OP1",
        "A.OP2",
        "paragraph closing",
        "sec_B",
        "paragraph",
        "B.PP1",
        "B.OP1",
        "B.OP2",
        "paragraph closing",
    ]
    closings = page.locator("p.closing")
    assert closings.count() == 2
    assert "الجلسة العامة" in closings.nth(1).inner_text()
    # the closing stands at the end of the line: in a right-to-left page, at the left
    box = closings.nth(1).locator("em").bounding_box()
    text = page.locator('[id="B.OP2"]').bounding_box()
    assert box is not None
    assert text is not None
    assert box["x"] <= text["x"] + 1
    assert page.locator('[id="B.OP2"]').is_visible()
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()
