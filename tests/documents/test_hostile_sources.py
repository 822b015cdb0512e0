"""A person gives the reader a file whose text is broken in small ways; it reads what can be read.

A PDF whose fonts map a glyph to NUL, a control character or half of a UTF-16 pair is read with
U+FFFD in its place, counted in `Document.notes`; one whose text layer is mostly such glyphs is
refused, naming the page. A DOCX with a malformed list level is read; one whose XML holds a
character XML forbids is refused as damaged. A text that is not UTF-8 is refused with its line
and column. What pypdf logs while it repairs a damaged PDF becomes a note, not a stray line on
stderr. Every file here is made in the test (hand-written PDF objects, python-docx, zipfile).
"""

from __future__ import annotations

import codecs
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.cli import main
from hrdialogue.documents.errors import NeedsOCR, NotText
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.source import read_document
from tests.documents import hostile

ROOT = Path(__file__).resolve().parents[2]

# --- PDFs whose fonts map glyphs to characters no text may hold -------------------------------


def _cmap_pdf(lines: list[str], cmap: bytes, *, pages: int = 1) -> bytes:
    """A PDF of `pages` identical pages showing `lines` (ASCII) in Helvetica, whose font has
    the ToUnicode map `cmap` (bfchar / bfrange entries); bytes it does not map read as ASCII."""
    stream = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + cmap
        + b"\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
    shown = b" ".join(b"(%s) '" % line.encode("ascii") for line in lines)
    content = b"BT /F1 12 Tf 72 720 Td 14 TL " + shown + b" ET"
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>"
    ] * pages
    return hostile.pdf_from_objects(objects)


def _maps(byte: str, target: str) -> bytes:
    """A ToUnicode entry mapping the character `byte` to the UTF-16 code units `target`."""
    return b"1 beginbfchar <%02X> <%s> endbfchar" % (ord(byte), target.encode())


LINES = ["The General Assembly, zealous", "Recalling its earlier resolutions"]


def _assert_clean(text: str) -> None:
    text.encode("utf-8")  # no lone surrogate: it would raise UnicodeEncodeError
    assert re.search(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]", text) is None


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("D800", id="high-surrogate"),
        pytest.param("DC00", id="low-surrogate"),
        pytest.param("0000", id="NUL"),
        pytest.param("0001", id="C0-control"),
        pytest.param("007F", id="DEL"),
        pytest.param("0085", id="C1-control"),
    ],
)
def test_a_stray_unmapped_glyph_reads_as_a_replacement_character(target: str) -> None:
    # "z" appears once, in "zealous": its glyph maps to `target`
    document = read_document(_cmap_pdf(LINES, _maps("z", target)), name="reply.pdf")
    assert document.text == "The General Assembly, \ufffdealous\nRecalling its earlier resolutions"
    _assert_clean(document.text)
    assert document.notes == (
        "1 character of the PDF's text layer (page 1) could not be mapped to text and is "
        "shown as U+FFFD",
    )


def test_unmapped_glyphs_are_counted_over_the_pages_they_are_on() -> None:
    # "l" in LINES, read letter by letter: generaL, assembLy, zeaLous, recaLLing, earLier,
    # resoLutions: 7 on each page, of its 56 letters and signs
    data = _cmap_pdf(LINES, _maps("l", "D83D"), pages=3)
    document = read_document(data, name="reply.pdf")
    _assert_clean(document.text)
    assert document.text.count("\ufffd") == 21
    assert document.notes == (
        "21 characters of the PDF's text layer (pages 1, 2, 3) could not be mapped to text and "
        "are shown as U+FFFD",
    )


_CODE_UNITS = st.one_of(
    st.integers(0x00, 0x1F), st.integers(0x7F, 0x9F), st.integers(0xD800, 0xDFFF), st.just(0x41)
)


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.sampled_from("aeiouzlrsnt "), _CODE_UNITS, min_size=1, max_size=6))
def test_whatever_the_fonts_map_to_no_nul_or_surrogate_comes_out(mapping: dict[str, int]) -> None:
    cmap = b"%d beginbfchar %s endbfchar" % (
        len(mapping),
        b" ".join(b"<%02X> <%04X>" % (ord(k), v) for k, v in mapping.items()),
    )
    try:
        document = read_document(_cmap_pdf(RESOLUTION, cmap), name="any.pdf")
    except NeedsOCR as error:  # mostly unmapped: refused, naming the page
        refusal = str(error)
    else:
        _assert_clean(document.text)
        assert "\x00" not in document.text
        return
    assert refusal.startswith("any.pdf: the text layer of page 1 cannot be read: ")


def test_a_page_of_only_a_few_unmapped_glyphs_is_read() -> None:
    # 5 glyphs, all unmapped: too few to call the text layer unreadable (the floor is 10)
    document = read_document(_cmap_pdf(["zzzzz"], _maps("z", "0000")), name="figure.pdf")
    assert document.text == "\ufffd" * 5
    assert document.notes[0].startswith("5 characters of the PDF's text layer (page 1) ")


def test_a_well_mapped_pdf_has_no_notes() -> None:
    document = read_document(hostile.text_pdf(["The General Assembly,"]), name="plain.pdf")
    assert document.text == "The General Assembly,"
    assert document.notes == ()


def test_a_text_layer_with_a_nul_before_every_letter_is_refused_naming_the_page() -> None:
    # every printable ASCII byte maps to NUL + itself: what pypdf gives for some CID fonts
    data = _cmap_pdf(LINES, b"1 beginbfrange <20> <7E> <00000020> endbfrange")
    with pytest.raises(NeedsOCR) as error:
        read_document(data, name="scan.pdf")
    message = str(error.value)
    assert message.startswith("scan.pdf: the text layer of page 1 cannot be read: ")
    assert "save the document as DOCX or plain text" in message
    assert "\n" not in message


def test_the_refusal_names_the_first_page_that_is_mostly_unmapped() -> None:
    good = _cmap_pdf(LINES, b"")
    bad = _cmap_pdf(["zzzz zzzz zzz", "Recalling"], _maps("z", "DFFF"))
    # the two one-page PDFs' pages, joined as pages 1 and 2 of one PDF
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [6 0 R 7 0 R] /Count 2 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _object(bad, 4),
        _object(bad, 5),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 8 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 9 0 R >> >> /Contents 5 0 R >>",
        _object(good, 5),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
    ]
    with pytest.raises(NeedsOCR, match=r"^two\.pdf: the text layer of page 2 cannot be read: 11 "):
        read_document(hostile.pdf_from_objects(objects), name="two.pdf")


def _object(pdf: bytes, number: int) -> bytes:
    """The body of object `number` of a PDF made by `hostile.pdf_from_objects`."""
    start = pdf.index(b"\n%d 0 obj\n" % number) + len(b"\n%d 0 obj\n" % number)
    return pdf[start : pdf.index(b"\nendobj\n", start)]


# A hand-written resolution in the layout of reference/un-documents.md (English lead phrases).
RESOLUTION = [
    "The General Assembly,",
    "",
    "Recalling its resolution 62/160 of 18 December 2007 on international cooperation,",
    "",
    "Reaffirming the zeal of Member States for dialogue in the field of human rights,",
    "",
    "1. Requests the Secretary-General to submit a report to the General Assembly;",
    "",
    "2. Decides to continue its consideration of the question at its next session.",
]


def test_a_resolution_with_a_stray_surrogate_parses_and_serialises() -> None:
    document = read_document(_cmap_pdf(RESOLUTION, _maps("z", "D800")), name="res.pdf")
    resolution = parse_resolution(document.text, language="en", source="res.pdf")
    dumped = resolution.model_dump_json()  # raised PydanticSerializationError before
    assert "\\ud800" not in dumped
    assert len(resolution.operative) == 2
    assert len(resolution.preamble) == 2
    assert "\ufffdeal" in resolution.preamble[1].text


def test_parse_prints_json_and_one_warning_for_a_stray_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "res.pdf"
    path.write_bytes(_cmap_pdf(RESOLUTION, _maps("z", "D800")))
    result = _run("parse", str(path), "--format", "json", "--language", "en")
    assert result.returncode == 0, result.stderr
    assert '"operative"' in result.stdout
    assert result.stderr == (
        f"hrdialogue: warning: {path}: 1 character of the PDF's text layer (page 1) could not "
        "be mapped to text and is shown as U+FFFD\n"
    )


# --- pypdf's log -------------------------------------------------------------------------------


def _xref_loop_pdf() -> bytes:
    """A one-page PDF whose trailer's /Prev points back at its own cross-reference table."""
    data = hostile.text_pdf(["The General Assembly,"])
    xref = int(data[data.rindex(b"startxref\n") + 10 :].split(b"\n")[0])
    return data.replace(b"trailer\n<< /Size", b"trailer\n<< /Prev %d /Size" % xref)


def test_a_repair_pypdf_logs_becomes_a_note(caplog: pytest.LogCaptureFixture) -> None:
    handlers = list(logging.getLogger("pypdf").handlers)
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        document = read_document(_xref_loop_pdf(), name="loop.pdf")
    assert document.text == "The General Assembly,"
    assert len(document.notes) == 1
    assert document.notes[0].startswith("pypdf read the PDF despite damage: Circular xref chain")
    # not silenced: an application's own handler (here pytest's) still gets the record
    assert any("Circular xref chain" in r.getMessage() for r in caplog.records)
    assert logging.getLogger("pypdf").handlers == handlers  # the note-taker is gone


def test_a_repaired_pdf_gives_one_warning_line_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "loop.pdf"
    path.write_bytes(_xref_loop_pdf())
    result = _run("parse", str(path), "--language", "en")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(
        f"hrdialogue: warning: {path}: pypdf read the PDF despite damage: Circular xref chain"
    )


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """`hrdialogue ARGS…` in a process of its own, with no logging configured."""
    return subprocess.run(
        [sys.executable, "-m", "hrdialogue", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


# --- DOCX: list levels, forbidden characters --------------------------------------------------

W = f'xmlns:w="{hostile.W_NS}"'

# Hand-written numbering: level 0 "1.", level 1 "(a)"; `{ilvl0}` and `{start1}` are spliced in.
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="{ilvl0}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="{start1}"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def _numbered_docx(levels: list[str], *, ilvl0: str = "0", start1: str = "1") -> bytes:
    """A DOCX of one numbered paragraph ("Decides", "Requests"…) per `w:ilvl` value."""
    words = ["Decides", "Requests", "Invites", "Urges"]
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{word}</w:t></w:r></w:p>"
        for level, word in zip(levels, words, strict=False)
    )
    document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    numbering = NUMBERING.replace("{ilvl0}", ilvl0).replace("{start1}", start1)
    return hostile.docx_with(
        {"word/document.xml": document.encode(), "word/numbering.xml": numbering.encode()}
    )


def test_well_formed_list_levels_are_numbered() -> None:
    text = read_document(_numbered_docx(["0", "1", "1", "0"])).text
    assert text == "1.\tDecides\n(a)\tRequests\n(b)\tInvites\n2.\tUrges"


@pytest.mark.parametrize("level", ["x", "", "-1", "²", "٣", "1.5", "9" * 5000])
def test_a_malformed_paragraph_level_reads_as_level_0(level: str) -> None:
    text = read_document(_numbered_docx(["0", level, "0"]), name="list.docx").text
    assert text == "1.\tDecides\n2.\tRequests\n3.\tInvites"


def test_a_malformed_level_in_the_numbering_is_left_unnumbered() -> None:
    text = read_document(_numbered_docx(["0", "1", "0"], ilvl0="zero"), name="list.docx").text
    assert text == "Decides\n(a)\tRequests\nInvites"


@pytest.mark.parametrize(
    ("start", "first"),
    [("3", "(c)"), ("²", "(a)"), ("x", "(a)"), ("99999", "(99999)"), ("9" * 5000, "(a)")],
)
def test_a_list_start_is_read_safely(start: str, first: str) -> None:
    # a start past 30 rounds of letters (aa…a) is written in digits, never as thousands of letters
    text = read_document(_numbered_docx(["1"], start1=start), name="list.docx").text
    assert text == f"{first}\tDecides"


def test_a_malformed_level_in_a_style_reads_as_level_0() -> None:
    base = _numbered_docx([])
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
        '<w:style w:type="paragraph" w:styleId="Op"><w:pPr><w:numPr><w:ilvl w:val="one"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    body = '<w:p><w:pPr><w:pStyle w:val="Op"/></w:pPr><w:r><w:t>Decides</w:t></w:r></w:p>'
    document = f"<w:document {W}><w:body>{body}</w:body></w:document>"
    data = hostile.docx_with(
        {"word/document.xml": document.encode(), "word/styles.xml": styles.encode()}, base
    )
    assert read_document(data).text == "1.\tDecides"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("De&#0;cides", id="NUL"),
        pytest.param("De&#1;cides", id="C0-control"),
        pytest.param("De&#xD800;cides", id="surrogate"),
        pytest.param("Decides</w:t>", id="not-well-formed"),
    ],
)
def test_a_docx_whose_xml_holds_a_forbidden_character_is_refused_as_damaged(text: str) -> None:
    document = (
        f"<w:document {W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    data = hostile.docx_with({"word/document.xml": document.encode()})
    with pytest.raises(NotText) as error:
        read_document(data, name="reply.docx")
    message = str(error.value)
    assert message.startswith(
        "reply.docx: the DOCX document is damaged and cannot be read (XMLSyntaxError: "
    )
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "read", "note"),
    [
        (
            "De&#x85;cides",
            "De\ufffdcides",
            "1 character of the DOCX document is a control character",
        ),
        (
            "A&#x9F;B&#x80;C",
            "A\ufffdB\ufffdC",
            "2 characters of the DOCX document are control characters",
        ),
    ],
)
def test_a_c1_control_in_a_docx_reads_as_a_replacement_character(
    text: str, read: str, note: str
) -> None:
    # XML 1.0 allows C1 controls as character references; no text of the reader holds them
    document = (
        f"<w:document {W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    result = read_document(hostile.docx_with({"word/document.xml": document.encode()}))
    assert result.text == read
    assert result.notes == (f"{note}, shown as U+FFFD",)


def test_a_plain_docx_has_no_notes() -> None:
    result = read_document(hostile.plain_docx(["Decides to remain seized of the matter."]))
    assert result.text == "Decides to remain seized of the matter."
    assert result.notes == ()


def test_the_cli_reads_a_docx_with_a_malformed_level(tmp_path: Path) -> None:
    path = tmp_path / "list.docx"
    path.write_bytes(_numbered_docx(["x"]))
    result = CliRunner().invoke(main, ["parse", str(path), "--language", "en"])
    assert "unexpected" not in result.output
    assert "ValueError" not in result.output


# --- Text that is not UTF-8: the line and the column ------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        pytest.param(
            "Первая строка\nвторая é".encode() + b"\xff rest\n",
            "line 2, column 9: byte 0xff at byte offset 41 is not UTF-8",
            id="utf-8",
        ),
        pytest.param(
            codecs.BOM_UTF8 + b"one\ntwo\nthree \xc0\x80",
            "line 3, column 7: byte 0xc0 at byte offset 17 is not utf-8-sig",
            id="utf-8-with-bom",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE
            + "ab\ncd".encode("utf-16-le")
            + b"\x00\xd8"
            + "e".encode("utf-16-le"),
            "line 2, column 3: byte 0x00 at byte offset 12 is not utf-16",
            id="utf-16-lone-surrogate",
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + "a\n".encode("utf-32-le") + b"\x00\xdc\x00\x00",
            "line 2, column 1: byte 0x00 at byte offset 12 is not utf-32",
            id="utf-32-surrogate",
        ),
    ],
)
def test_text_that_does_not_decode_is_refused_with_its_line_and_column(
    data: bytes, where: str
) -> None:
    with pytest.raises(NotText) as error:
        read_document(data, name="notes.txt")
    assert str(error.value) == (
        f"notes.txt: binary file: not a PDF, a DOCX document or UTF-8/UTF-16 text ({where})"
    )


def test_the_notes_come_back_from_the_sandbox() -> None:
    # the web platform reads uploads in the child process: what it notes must not be lost there
    from hrdialogue.documents.sandbox import extract_in_sandbox

    document = extract_in_sandbox(_cmap_pdf(LINES, _maps("z", "D800")), name="reply.pdf")
    assert document.text.startswith("The General Assembly, \ufffdealous")
    assert document.notes == (
        "1 character of the PDF's text layer (page 1) could not be mapped to text and is "
        "shown as U+FFFD",
    )
