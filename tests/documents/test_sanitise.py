"""The Secretariat publishes a reply: the published copy names nobody who wrote or edited it.

Each test plants canary strings (author, editor, company, comments, custom properties,
deleted text) in a file made here, strips it, and reads the result back with pypdf or
python-docx and as raw bytes: no canary may survive, and the text must.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from hrdialogue.documents.errors import NotText
from hrdialogue.documents.sanitise import strip_docx_metadata, strip_pdf_metadata
from hrdialogue.documents.source import read_document
from tests.documents import hostile

TEXT = ["Reply of Demo NGO B", "on operative paragraph 10 of the resolution"]  # hand-written


def _all_bytes(docx: bytes) -> bytes:
    """Every part of a DOCX, uncompressed, one after the other (to search for canaries)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


# --- PDF --------------------------------------------------------------------------------------


def _pdf_with_metadata() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(hostile.text_pdf(TEXT))))
    writer.add_metadata(
        {
            "/Author": "CANARY-Author Jane Defender",
            "/Creator": "CANARY-Creator Word for NGO B",
            "/Producer": "CANARY-Producer",
            "/Title": "CANARY-Title draft 3",
        }
    )
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>'
        b"CANARY-XMP Jane Defender</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
        b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    writer.xmp_metadata = xmp
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_published_pdf_keeps_its_text_and_loses_its_metadata() -> None:
    from pypdf import PdfReader

    original = _pdf_with_metadata()
    assert original.count(b"CANARY") == 5  # planted: four /Info entries and the XMP author
    stripped = strip_pdf_metadata(original, name="reply.pdf")
    assert b"CANARY" not in stripped
    reader = PdfReader(io.BytesIO(stripped))
    assert reader.metadata is None
    assert reader.xmp_metadata is None
    assert [page.extract_text() for page in reader.pages] == TEXT


def test_a_stripped_pdf_still_reads_as_the_same_reply() -> None:
    original = _pdf_with_metadata()
    assert read_document(strip_pdf_metadata(original)).text == read_document(original).text


def test_a_damaged_pdf_is_not_published() -> None:
    with pytest.raises(NotText, match=r"^cut\.pdf: the PDF is damaged and cannot be rewritten"):
        strip_pdf_metadata(hostile.text_pdf(TEXT)[:300], name="cut.pdf")


# --- DOCX -------------------------------------------------------------------------------------

W = hostile.W_NS


def _docx_with_metadata() -> bytes:
    import docx

    document = docx.Document()
    first = document.add_paragraph(TEXT[0])
    document.add_paragraph(TEXT[1])
    core = document.core_properties
    core.author = "CANARY-Author Jane Defender"
    core.last_modified_by = "CANARY-Editor John"
    core.comments = "CANARY-Comments internal note"
    core.title = "CANARY-Title draft 3"
    document.add_comment(
        first.runs,
        text="CANARY-Comment check with lawyer",
        author="CANARY-Commenter",
        initials="CC",
    )
    out = io.BytesIO()
    document.save(out)
    base = out.getvalue()
    # What python-docx cannot write: the company, custom properties, people, a tracked
    # deletion and insertion with their authors, and a remote template.
    app = hostile.read_part(base, "docProps/app.xml").replace(
        b"</Properties>", b"<Company>CANARY-Company NGO B</Company></Properties>"
    )
    custom = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas'
        b'.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-'
        b'101B-9397-08002B2CF9AE}" pid="2" name="Case"><vt:lpwstr>CANARY-Custom case 42'
        b"</vt:lpwstr></property></Properties>"
    )
    people = (
        b'<?xml version="1.0" encoding="UTF-8"?><w15:people xmlns:w15="http://schemas.microsoft.'
        b'com/office/word/2012/wordml"><w15:person w15:author="CANARY-Person"/></w15:people>'
    )
    body = hostile.read_part(base, "word/document.xml")
    tracked = (
        f'<w:p xmlns:w="{W}" w:rsidR="00CA11AB"><w:del w:id="90" w:author="CANARY-Deleter" '
        f'w:date="2026-01-01T00:00:00Z"><w:r><w:delText>CANARY-Deleted sentence</w:delText></w:r>'
        f'</w:del><w:ins w:id="91" w:author="CANARY-Inserter" w:date="2026-01-01T00:00:00Z"><w:r>'
        f"<w:t>Inserted and kept</w:t></w:r></w:ins></w:p>"
    ).encode()
    body = body.replace(b"<w:sectPr", tracked + b"<w:sectPr", 1)
    types = hostile.read_part(base, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.custom-properties+xml"/><Override PartName="/word/people.xml" '
        b'ContentType="application/vnd.ms-word.people+xml"/></Types>',
    )
    rels = hostile.read_part(base, "_rels/.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    )
    with_parts = hostile.docx_with(
        {
            "docProps/app.xml": app,
            "docProps/custom.xml": custom,
            "word/people.xml": people,
            "word/document.xml": body,
            "[Content_Types].xml": types,
            "_rels/.rels": rels,
        },
        base,
    )
    return hostile.with_relationship(
        "attachedTemplate",
        "file:///C:/Users/CANARY-Template/Normal.dotm",
        rels="word/_rels/settings.xml.rels",
        base=with_parts,
    )


def test_the_docx_fixture_holds_every_canary() -> None:
    planted = _all_bytes(_docx_with_metadata())
    for canary in (
        b"CANARY-Author",
        b"CANARY-Editor",
        b"CANARY-Comments",
        b"CANARY-Title",
        b"CANARY-Comment check",
        b"CANARY-Commenter",
        b"CANARY-Company",
        b"CANARY-Custom",
        b"CANARY-Person",
        b"CANARY-Deleter",
        b"CANARY-Deleted sentence",
        b"CANARY-Inserter",
        b"CANARY-Template",
    ):
        assert canary in planted, canary


def test_a_published_docx_keeps_its_text_and_names_nobody() -> None:
    import docx

    stripped = strip_docx_metadata(_docx_with_metadata(), name="reply.docx")
    assert b"CANARY" not in _all_bytes(stripped)
    assert b"rsidR" not in _all_bytes(stripped)
    with zipfile.ZipFile(io.BytesIO(stripped)) as archive:
        names = set(archive.namelist())
    assert not {"docProps/custom.xml", "word/comments.xml", "word/people.xml"} & names
    assert not any(name.startswith(("customXml/", "docProps/thumbnail")) for name in names)
    document = docx.Document(io.BytesIO(stripped))
    core = document.core_properties
    assert (core.author, core.last_modified_by, core.comments, core.title) == ("", "", "", "")
    assert [p.text for p in document.paragraphs] == [*TEXT, "Inserted and kept"]


def test_a_stripped_docx_reads_as_the_same_reply_without_the_deleted_text() -> None:
    stripped = strip_docx_metadata(_docx_with_metadata())
    assert read_document(stripped).text == "\n".join([*TEXT, "Inserted and kept"])


def test_a_docx_without_metadata_keeps_its_text() -> None:
    plain = hostile.plain_docx(TEXT)
    assert read_document(strip_docx_metadata(plain)).text == "\n".join(TEXT)


def test_a_hostile_docx_is_not_published() -> None:
    data = hostile.docx_with({"word/document.xml": hostile.billion_laughs()})
    with pytest.raises(NotText, match=r"^laughs\.docx: the DOCX part word/document\.xml declares"):
        strip_docx_metadata(data, name="laughs.docx")
