"""A mission downloads its note verbale as DOCX: opened back with python-docx.

The notes are the hand-written `samples`; what is checked is what Word reads: the
paragraphs, right-to-left (`w:bidi`, `w:rtl`) in Arabic, the East-Asian font in Chinese,
and metadata that names no person and no tool.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from hrdialogue.drafting.docx_writer import write_docx
from hrdialogue.drafting.layout import Block, Document
from hrdialogue.drafting.notes_verbales import NoteVerbale
from tests.drafting.samples import LANGUAGES, OP10, state_note


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("language", LANGUAGES)
def test_docx_has_the_notes_paragraphs_in_order(
    language: str, notes: dict[str, NoteVerbale]
) -> None:
    note = notes[language]
    opened = _open(write_docx(note))
    texts = [p.text for p in opened.paragraphs]
    expected = [f"{p.label}\t{p.text}" if p.label else p.text for p in note.paragraphs]
    assert texts == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_arabic_is_right_to_left_and_the_others_are_not(
    language: str, notes: dict[str, NoteVerbale]
) -> None:
    opened = _open(write_docx(notes[language]))
    rtl = language == "ar"
    for paragraph in opened.paragraphs:
        ppr = paragraph._p.pPr
        assert (ppr is not None and ppr.find(qn("w:bidi")) is not None) is rtl
        for run in paragraph.runs:
            assert (run._r.rPr.find(qn("w:rtl")) is not None) is rtl
    assert (opened.sections[0]._sectPr.find(qn("w:bidi")) is not None) is rtl


def test_arabic_runs_carry_complex_script_font_size_and_language(
    notes: dict[str, NoteVerbale],
) -> None:
    opened = _open(write_docx(notes["ar"]))
    run = opened.paragraphs[1].runs[0]
    rpr = run._r.rPr
    assert rpr.find(qn("w:rFonts")).get(qn("w:cs")) == "Arial"
    assert rpr.find(qn("w:szCs")).get(qn("w:val")) == "24"
    assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    # Word reads `left` as the start of a right-to-left paragraph: the reference line is
    # written `left` and shows on the right; the closing date is written `right`.
    assert opened.paragraphs[0].paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    assert (
        opened.paragraphs[-1].paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    )


def test_chinese_runs_use_an_east_asian_font(notes: dict[str, NoteVerbale]) -> None:
    opened = _open(write_docx(notes["zh"]))
    rpr = opened.paragraphs[1].runs[0]._r.rPr
    assert rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "SimSun"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_quotation_in_another_language_keeps_its_own_direction() -> None:
    note = state_note("ar", mandate_text=OP10["en"], mandate_language="en")
    opened = _open(write_docx(note))
    quote = next(p for p in opened.paragraphs if p.text == OP10["en"])
    assert quote._p.pPr.find(qn("w:bidi")) is None
    assert quote.runs[0]._r.rPr.find(qn("w:rtl")) is None
    intro = next(p for p in opened.paragraphs if p.text.startswith("وتنص الفقرة 10"))
    assert intro._p.pPr.find(qn("w:bidi")) is not None


def test_metadata_names_no_person_and_no_tool(notes: dict[str, NoteVerbale]) -> None:
    data = write_docx(notes["en"])
    props = _open(data).core_properties
    assert props.author == ""
    assert props.last_modified_by == ""
    assert props.comments == ""
    assert props.title == "Note verbale G/SO 214 (52-1)"
    assert props.created == dt.datetime(2009, 3, 2, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        core = package.read("docProps/core.xml").decode()
    assert "docProps/thumbnail.jpeg" not in names
    assert "<Application>hrdialogue</Application>" in app
    assert "python-docx" not in core + app
    assert "Microsoft" not in app


def test_headings_quotes_and_list_items_of_a_generic_document() -> None:
    document = Document(
        language="en",
        title="A report written for the tests",
        blocks=(
            Block(kind="heading", text="I. Introduction", level=1),
            Block(text="Running text."),
            Block(kind="quote", text="A quotation."),
            Block(kind="list-item", label="(a)", text="An item."),
        ),
    )
    opened = _open(write_docx(document))
    heading, body, quote, item = opened.paragraphs
    assert heading.runs[0].bold is True
    assert heading._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    assert body.runs[0].bold is None
    assert quote.paragraph_format.left_indent == quote.paragraph_format.right_indent > 0
    assert item.text == "(a)\tAn item."
    assert item.paragraph_format.first_line_indent < 0
