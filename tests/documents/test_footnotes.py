"""Footnote blocks and markers, found in source offsets.

Every text here is HAND-WRITTEN for these tests from the footnote layout in
`reference/un-documents.md` (§4.4): they are not UN documents.
"""

from __future__ import annotations

import pytest

from hrdialogue.documents.footnotes import find_footnotes

PAGE = (
    "Recalling the Vienna Declaration adopted on 25 June 19931,\n"
    "Noting the report of 2000 2  and the resolutions of the Council,\n"
    "_______________\n"
    "1 A/CONF.157/24 (Part I), chap. III.\n"
    "2 A/55/302.\n"
    "Reaffirming article 3 of the Charter,\n"
)


def test_block_entries_and_their_markers() -> None:
    layout = find_footnotes(PAGE, body_start=0, artefacts=[])
    assert [(m, n, PAGE[s:e]) for m, n, s, e in layout.entries] == [
        ("1", 1, "A/CONF.157/24 (Part I), chap. III."),
        ("2", 2, "A/55/302."),
    ]
    assert [(m.marker, m.number, m.entry) for m in layout.markers] == [("1", 1, 0), ("2", 2, 1)]
    glued, spaced = layout.markers
    assert PAGE[glued.source[0] - 4 : glued.source[1]] == "19931"
    assert PAGE[slice(*spaced.source)].strip() == "2"
    block_start, block_end = layout.blocks[0]
    assert PAGE[block_start:block_end].startswith("_____")
    assert PAGE[block_end:].startswith("Reaffirming")
    assert layout.issues == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "adopted on 18 December 2007,",
        "adoptée le 18 décembre 2007,",
        "aprobada el 18 de diciembre de 2007,",
        "принятой 18 декабря 2007 года,",
        "المؤرخ 18 كانون الأول/ديسمبر 2007،",
    ],
)
def test_a_day_before_a_month_is_text_not_a_marker(sentence: str) -> None:
    text = f"Recalling its resolution {sentence}\n"
    assert find_footnotes(text, body_start=0, artefacts=[]).markers == ()


def test_an_entry_without_a_marker_is_an_issue() -> None:
    text = "Recalling the resolution,\n_______________\n1 A/55/302.\n"
    layout = find_footnotes(text, body_start=0, artefacts=[])
    assert [issue.code for issue in layout.issues] == ["unmatched-footnote"]
    assert layout.markers == ()
