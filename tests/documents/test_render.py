"""A user reads a resolution as a text summary or as Markdown with anchors.

The resolutions are hand-built (`tests/documents/factories.py`); expected strings are written
from those factories and from how the UN writes dates and meetings in each language.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.model import Body, Footnote, Reference
from hrdialogue.documents.render import (
    InlinePiece,
    format_date,
    format_meeting,
    split_inline,
    to_markdown,
    to_summary,
)
from tests.documents import factories
from tests.documents.factories import Draft


def _note(offset: int | None, marker: str = "1") -> Footnote:
    return Footnote(marker=marker, text="note", anchor="PP1", offset=offset, span=(0, 4))


def _ref(text: str) -> Reference:
    return Reference(kind="symbol", text=text, symbol=text, span=(0, len(text)))


# --- summary --------------------------------------------------------------------------------


def test_summary_header_and_counts() -> None:
    lines = to_summary(factories.english_full()).splitlines()
    assert lines[:6] == [
        "A/RES/70/901  resolution",
        "  body      General Assembly",
        "  language  English (en)",
        "  session   70",
        "  title     Cooperation written for the tests",
        "  adopted   meeting 80, 2015-12-17",
    ]
    assert (
        "3 preambular, 4 operative (5 subparagraphs), 3 footnotes, 6 references, "
        "2 mandates, 0 warnings"
    ) in lines


def test_summary_lists_every_paragraph_with_its_lead_key_and_clips_long_text() -> None:
    lines = to_summary(factories.english_full()).splitlines()
    by_anchor = {line.split()[0]: line for line in lines if line.strip()[:2] in ("PP", "OP")}
    assert list(by_anchor) == [
        "PP1",
        "PP2",
        "PP3",
        "OP1",
        "OP2",
        "OP3",
        "OP3(a)",
        "OP3(b)",
        "OP3(b)(i)",
        "OP3(b)(ii)",
        "OP3(c)",
        "OP4",
    ]
    assert "[recalling] Recalling the commitments" in by_anchor["PP1"]
    assert (
        "[calls-upon] Calls upon all States to cooperate with the mechanisms;" in (by_anchor["OP2"])
    )
    # PP1 is longer than 80 characters: cut, with an ellipsis.
    shown = by_anchor["PP1"].split("[recalling] ", 1)[1]
    assert shown.endswith("…")
    assert len(shown) <= 80
    # Subparagraphs are indented under their paragraph, one level deeper each.
    indent = {a: len(line) - len(line.lstrip()) for a, line in by_anchor.items()}
    assert indent["OP3"] < indent["OP3(b)"] < indent["OP3(b)(i)"]
    assert indent["OP3(a)"] == indent["OP3(c)"]
    assert "(ii) the practice of the treaty bodies;" in by_anchor["OP3(b)(ii)"]


def test_summary_footnotes_references_mandates() -> None:
    text = to_summary(factories.english_full())
    lines = [line.split() for line in text.splitlines()]
    assert ["1", "PP1@67", "See", "A/CONF.157/24", "(Part", "I),", "chap.", "III."] in lines
    assert ["3", "OP3(b)(ii)@33", "As", "described", "in", "the", "annex."] in lines
    assert ["kind", "number/symbol", "body", "date", "anchor"] in lines
    assert ["resolution", "62/160", "general-assembly", "2007-12-18", "PP2"] in lines
    assert ["symbol", "A/63/53", "-", "-", "PP2", "(footnote", "2)"] in lines
    assert ["OP3", "requests", "→", "secretary-general"] in lines
    assert ["consultees", "states,", "non-governmental-organizations"] in lines
    assert ["deadline", "session", "71", "(2016,", "opens", "2016-09-13)"] in lines
    assert text.endswith("Warnings\n  (none)\n")


def test_summary_of_an_excerpt_shows_its_warning_and_unplaced_footnote() -> None:
    text = to_summary(factories.truncated_excerpt())
    assert "  adopted   not stated" in text
    assert "truncated: The text stops before the operative paragraphs." in text
    assert "unplaced" in text
    assert "Operative\n  (none)" in text


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_has_heading_formula_anchors_and_closing() -> None:
    md = to_markdown(factories.english_full())
    assert md.startswith("# A/RES/70/901. Cooperation written for the tests\n\nThe General")
    for anchor in ("PP1", "PP2", "PP3", "OP1", "OP3", "OP3(b)(ii)", "OP4"):
        assert f'<a id="{anchor}"></a>' in md
    assert '<a id="OP4"></a>**OP4** 4. *Decides* to continue its consideration' in md
    assert "\n*80th plenary meeting, 17 December 2015*\n" in md


def test_markdown_footnotes_at_their_markers() -> None:
    md = to_markdown(factories.english_full())
    assert "world conference held in 1993[^1] and its resolution 48/141" in md
    assert "taking note of the report[^2] on resolution 62/160" in md
    assert "[^1]: See A/CONF.157/24 (Part I), chap. III.\n" in md
    assert "[^3]: As described in the annex.\n" in md


def test_markdown_subparagraphs_are_nested_lists() -> None:
    lines = to_markdown(factories.english_full()).splitlines()
    assert '- <a id="OP3(a)"></a>(a) To consult States and non-governmental organizations;' in lines
    assert '  - <a id="OP3(b)(i)"></a>(i) the replies received;' in lines
    assert '- <a id="OP3(c)"></a>(c) To keep the Assembly informed;' in lines


def test_markdown_arabic_is_wrapped_right_to_left_in_logical_order() -> None:
    resolution = factories.arabic()
    md = to_markdown(resolution)
    assert md.startswith('<div dir="rtl" lang="ar">\n\n# A/RES/52/901.')
    assert md.rstrip().endswith("</div>")
    assert "*إذ تشير* إلى قرارها 51/45[^1] المتخذ في دورتها السابقة،" in md
    assert "*الجلسة العامة 58، 9 كانون الأول/ديسمبر 1997*" in md
    assert "dir=" not in to_markdown(factories.chinese())


def test_markdown_escapes_markup_in_the_text_and_lists_unplaced_footnotes() -> None:
    d = Draft(title="A *bold* [claim]")
    d.preambular("Noting", "noting", " the_underscored <tag> text,")
    d.footnote(None, None, "*", "A note on the title.")
    md = to_markdown(d.build())
    assert "# A/RES/70/901. A \\*bold\\* \\[claim\\]" in md
    assert "*Noting* the\\_underscored \\<tag\\> text," in md
    assert "Footnotes not attached to a paragraph:\n\n- \\* A note on the title." in md


def test_renderings_are_deterministic() -> None:
    assert to_markdown(factories.english_full()) == to_markdown(factories.english_full())
    assert to_summary(factories.chinese()) == to_summary(factories.chinese())


# --- dates and meetings in six languages ----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "18 December 2008"),
        ("fr", "18 décembre 2008"),
        ("es", "18 de diciembre de 2008"),
        ("ru", "18 декабря 2008 года"),
        ("ar", "18 كانون الأول/ديسمبر 2008"),
        ("zh", "2008年12月18日"),
    ],
)
def test_format_date(language: str, expected: str) -> None:
    assert format_date(dt.date(2008, 12, 18), language) == expected


def test_format_date_first_of_the_month_in_french() -> None:
    assert format_date(dt.date(2000, 5, 1), "fr") == "1er mai 2000"


@pytest.mark.parametrize(
    ("meeting", "body", "language", "expected"),
    [
        (70, Body.GENERAL_ASSEMBLY, "en", "70th plenary meeting"),
        (81, Body.GENERAL_ASSEMBLY, "en", "81st plenary meeting"),
        (112, Body.GENERAL_ASSEMBLY, "en", "112th plenary meeting"),
        (43, Body.HUMAN_RIGHTS_COUNCIL, "en", "43rd meeting"),
        (70, Body.GENERAL_ASSEMBLY, "ru", "70-е пленарное заседание"),
        (1, Body.GENERAL_ASSEMBLY, "fr", "1re séance plénière"),
        (70, Body.SECURITY_COUNCIL, "fr", "70e séance"),
        (70, Body.GENERAL_ASSEMBLY, "es", "70ª sesión plenaria"),
        (70, Body.GENERAL_ASSEMBLY, "ar", "الجلسة العامة 70"),
        (37, Body.GENERAL_ASSEMBLY, "zh", "第37次全体会议"),
        (37, Body.HUMAN_RIGHTS_COUNCIL, "zh", "第37次会议"),
    ],
)
def test_format_meeting(meeting: int, body: Body, language: str, expected: str) -> None:
    assert format_meeting(meeting, body, language) == expected


# --- inline pieces --------------------------------------------------------------------------


def test_split_inline_lead_note_and_reference() -> None:
    text = "Recalling document A/1 of 2000, and more"
    ref = _ref("A/1")
    pieces = split_inline(text, lead="Recalling", footnotes=[_note(22)], references=[(19, 22, ref)])
    assert pieces == [
        InlinePiece("lead", "Recalling"),
        InlinePiece("text", " document "),
        InlinePiece("ref", "A/1", reference=ref),
        InlinePiece("note", footnote=_note(22)),
        InlinePiece("text", " of 2000, and more"),
    ]


def test_split_inline_drops_what_would_cut_the_lead_or_a_reference() -> None:
    note = _note(3)
    assert [p.kind for p in split_inline("Recalling x", lead="Recalling", footnotes=[note])] == [
        "text",
        "note",
        "text",
    ]
    ref = _ref("A/12")
    pieces = split_inline("see A/12 now", footnotes=[_note(6)], references=[(4, 8, ref)])
    assert [p.kind for p in pieces] == ["text", "note", "text"]


def test_split_inline_clamps_offsets_and_puts_unknown_ones_last() -> None:
    pieces = split_inline("abc", footnotes=[_note(99, "2"), _note(None, "3"), _note(-4, "1")])
    assert [(p.kind, p.footnote.marker if p.footnote else p.text) for p in pieces] == [
        ("note", "1"),
        ("text", "abc"),
        ("note", "2"),
        ("note", "3"),
    ]


@given(
    text=st.text(max_size=60),
    lead_size=st.integers(0, 10),
    offsets=st.lists(st.integers(-3, 70) | st.none(), max_size=5),
    refs=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5),
)
def test_split_inline_keeps_the_text_and_every_footnote(
    text: str, lead_size: int, offsets: list[int | None], refs: list[tuple[int, int]]
) -> None:
    notes = [_note(o, str(i)) for i, o in enumerate(offsets)]
    spans = [(min(s, e), max(s, e), _ref("x")) for s, e in refs]
    pieces = split_inline(text, lead=text[:lead_size] or None, footnotes=notes, references=spans)
    assert "".join(p.text for p in pieces) == text
    assert sorted(p.footnote.marker for p in pieces if p.footnote) == sorted(
        n.marker for n in notes
    )
    assert all(p.text for p in pieces if p.kind != "note")
