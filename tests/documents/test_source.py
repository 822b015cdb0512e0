"""Reading a file a person gives: text encodings, size limit, and what is refused, and why."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.errors import (
    EmptyInput,
    InputTooLarge,
    NeedsOCR,
    NotText,
    ReaderError,
)
from hrdialogue.documents.source import (
    FOOTNOTE_RULE,
    MAX_BYTES,
    Document,
    read_document,
    read_path,
    read_stream,
)

# A hand-written opening of a resolution, in the seed's style.
RU = "Генеральная Ассамблея,\n\n подтверждая свою приверженность развитию сотрудничества,\n"


def test_the_seed_file_reads_as_text(shared: Path, seed_text: str) -> None:
    document = read_path(shared / "seeds" / "000_8dba0c578e5ca190.txt")
    assert document == Document(
        seed_text, "text", None, str(shared / "seeds" / "000_8dba0c578e5ca190.txt")
    )


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (RU.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + RU.encode("utf-8"), "UTF-8 with BOM"),
        (RU.encode("utf-16"), "UTF-16 with BOM"),
        (codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), "UTF-16 big-endian with BOM"),
        (RU.encode("utf-32"), "UTF-32 with BOM"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_text_in_unicode_encodings_decodes_to_the_same_text(encoded: bytes, label: str) -> None:
    document = read_document(encoded, name="a.txt")
    assert document.text == RU, label
    assert document.format == "text"
    assert document.pages is None


def test_the_name_never_decides_the_format() -> None:
    # Text bytes named .docx and .pdf are read as the text they are.
    assert read_document(RU.encode(), name="resolution.docx").format == "text"
    assert read_document(RU.encode(), name="resolution.pdf").text == RU


def test_bytes_named_docx_that_are_not_a_docx_say_so() -> None:
    with pytest.raises(NotText) as error:
        read_document(b"\x00\x01\x02garbage\xff", name="resolution.docx")
    assert str(error.value).startswith(
        "resolution.docx: the file is named .docx but its bytes are not a DOCX document"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image
        b"text\x00with a NUL",
        "латиница".encode("cp1251"),  # a legacy 8-bit encoding
        b"\xff\xfe\x00\xd8",  # a UTF-16 BOM before an unpaired surrogate
        bytes(range(1, 32)) * 10,  # control characters, no NUL
    ],
    ids=["png", "nul", "cp1251", "bad-utf16", "controls"],
)
def test_binary_bytes_are_refused_as_not_text(data: bytes) -> None:
    with pytest.raises(NotText) as error:
        read_document(data, name="upload.bin")
    assert str(error.value).startswith("upload.bin: binary file: ")
    assert "\n" not in str(error.value)


def test_random_bytes_with_nuls_are_refused() -> None:
    data = os.urandom(4096) + b"\x00"
    with pytest.raises(NotText, match=r"binary file: .*\(a NUL byte at offset \d+\)"):
        read_document(data, name="random.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff \n".encode()])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInput) as error:
        read_document(data, name="empty.txt")
    assert str(error.value).startswith("empty.txt: the file ")


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # a sparse 50 MB file: made at once, never read
        f.truncate(50_000_000)
    with pytest.raises(InputTooLarge) as error:
        read_path(path)
    assert str(error.value) == f"{path}: the file is 50.0 MB, over the 20 MB limit"


def test_a_stream_over_the_limit_is_read_only_to_the_limit() -> None:
    class Endless(io.RawIOBase):
        """A stream that never ends, counting what it gave."""

        given = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            self.given += len(buffer)
            return len(buffer)

    endless = Endless()
    with pytest.raises(InputTooLarge, match="<stdin>: the input is over the 20 MB limit"):
        read_stream(io.BufferedReader(endless), name="<stdin>")
    assert MAX_BYTES < endless.given <= MAX_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_bytes_at_the_limit_are_read() -> None:
    data = b"a " * (MAX_BYTES // 2)
    assert len(read_document(data).text) == MAX_BYTES
    with pytest.raises(InputTooLarge):
        read_document(data + b"a")


def test_a_missing_file_is_an_os_error_for_the_caller(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_path(tmp_path / "absent.txt")


def test_errors_without_a_name_name_no_place() -> None:
    with pytest.raises(EmptyInput) as error:
        read_document(b"")
    assert str(error.value) == "the file is empty (0 bytes)"


# --- PDF refusals (readable PDFs are in test_pdf_docx.py) -----------------------------------


def test_a_pdf_without_a_text_layer_needs_ocr() -> None:
    from tests.documents.makedocs import make_blank_pdf

    with pytest.raises(NeedsOCR) as error:
        read_document(make_blank_pdf(pages=2), name="scan.pdf")
    assert str(error.value) == (
        "scan.pdf: the PDF has no text layer (2 pages of images or drawings); run OCR first"
    )


def test_a_damaged_pdf_is_refused_clearly() -> None:
    from tests.documents.makedocs import make_blank_pdf

    damaged = make_blank_pdf()[:300]
    with pytest.raises(NotText, match=r"^cut\.pdf: the PDF is damaged and cannot be read \("):
        read_document(damaged, name="cut.pdf")


def test_a_password_protected_pdf_is_refused_clearly() -> None:
    from fpdf import FPDF

    from tests.documents.makedocs import LATIN_FONT

    if not LATIN_FONT.exists():
        pytest.skip(f"font {LATIN_FONT} missing (apt-get install fonts-noto-core)")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("body", fname=str(LATIN_FONT))
    pdf.set_font("body", size=12)
    pdf.cell(text="Secret")
    pdf.set_encryption(owner_password="owner", user_password="user")  # RC4: no extra library
    with pytest.raises(NotText) as error:
        read_document(bytes(pdf.output()), name="locked.pdf")
    assert str(error.value) == (
        "locked.pdf: the PDF is encrypted with a password; save an unprotected copy first"
    )


# --- DOCX guards --------------------------------------------------------------------------


def _zip(parts: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_named_docx_is_refused() -> None:
    data = _zip({"word/document.xml": b"<w:document/>", "word/media/filler.bin": bytes(60_000_000)})
    assert len(data) < 200_000
    with pytest.raises(NotText, match=r"^bomb\.docx: .*refused as a possible zip bomb$"):
        read_document(data, name="bomb.docx")


def test_a_highly_compressed_docx_is_refused_even_under_50_mb() -> None:
    data = _zip({"word/document.xml": b"<w:document/>", "word/media/a.bin": bytes(5_000_000)})
    with pytest.raises(NotText, match="zip bomb"):
        read_document(data, name="ratio.docx")


def test_a_docx_that_declares_entities_is_refused() -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(NotText) as error:
        read_document(_zip({"word/document.xml": xml}), name="xxe.docx")
    assert str(error.value).startswith(
        "xxe.docx: the DOCX part word/document.xml declares a DOCTYPE or XML entities"
    )


def test_a_zip_without_a_word_document_is_not_a_docx() -> None:
    data = _zip({"content.xml": b"<office:document/>"})  # e.g. an ODF file
    with pytest.raises(NotText, match=r"^report\.docx: the file is named \.docx but"):
        read_document(data, name="report.docx")


def test_a_docx_package_without_its_parts_is_refused_as_damaged() -> None:
    data = _zip({"word/document.xml": b"<w:document/>"})  # no [Content_Types].xml
    with pytest.raises(NotText, match=r"^bare\.docx: the DOCX document is damaged"):
        read_document(data, name="bare.docx")


def test_a_docx_without_text_is_empty() -> None:
    from tests.documents.makedocs import make_docx

    with pytest.raises(EmptyInput, match=r"^blank\.docx: the DOCX document holds no text$"):
        read_document(make_docx([[""], ["   "]]), name="blank.docx")


def test_footnote_rule_matches_the_pdf_layout() -> None:
    assert set(FOOTNOTE_RULE) == {"_"}
    assert len(FOOTNOTE_RULE) >= 10


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_give_a_document_or_a_reader_error(data: bytes) -> None:
    refusal: ReaderError | None = None
    try:
        document = read_document(data, name="fuzz")
    except ReaderError as error:
        refusal = error
    if refusal is None:
        assert document.text.strip()
    else:
        assert str(refusal).startswith("fuzz: ")
        assert "\n" not in str(refusal)


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
def test_any_utf8_text_reads_back_unchanged(text: str) -> None:
    try:
        read = read_document(text.encode("utf-8")).text
    except NotText as error:  # only texts full of control characters are refused
        read = str(error)
        assert "control characters" in read
    else:
        assert read == text
