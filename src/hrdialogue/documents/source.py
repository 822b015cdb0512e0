"""`read_document`: the bytes of a file a person gives → the text the reader parses.

The format is told from the bytes, never from the file name: `%PDF-` is a PDF (its text layer,
read with pypdf, which keeps Arabic in logical order), a ZIP archive holding
`word/document.xml` is a DOCX (read with python-docx), anything else must be UTF-8 or UTF-16
text. Input over 20 MB is refused before it is read in full, and so are empty files, binary
files, PDFs without a text layer (they need OCR first), encrypted or damaged PDFs, and DOCX
archives that would expand to more than 50 MB or declare XML entities (hostile uploads).
Every refusal is a `ReaderError` whose one-line message names the file.

Uploads are treated as hostile: a PDF over 500 pages is refused before its text is read, and
no PDF stream may decode to more than 25 MB (a "decompression bomb" of a few kilobytes that
expands to gigabytes is refused, as are objects nested too deeply). A DOCX package may hold at
most 1 000 parts; every XML part, in UTF-8 or UTF-16, is checked for a DOCTYPE or entities;
macro-enabled documents are refused; relationships to outside resources are never fetched
(links to web pages are kept as text, and a template, image or object that Word would fetch
from the network when opening the file makes the file refused); embedded objects are ignored.
`sandbox.extract_in_sandbox` runs all this in a separate process with limits on time and
memory, which is how the web platform reads uploads.

A DOCX document's footnotes are appended after a line of underscores, one per line with its
number, and the number is written where the footnote is referenced: the same layout as the
footnote block of text extracted from a PDF, so that the parser treats both alike. Paragraphs
that Word numbers itself (list styles: "1.", "(a)", "(أ)", "（一）") start with their number,
as if it were typed. A PDF's text gets a blank line where the space between two lines is wide
(a paragraph break), which pypdf's text leaves out.

No NUL and no lone surrogate leaves `read_document`. A text file is decoded strictly (a
surrogate does not decode) and refused as binary if it holds a NUL, or control characters
(white space and ESC aside) more often than 1 in 100. A DOCX cannot hold NULs, C0 controls or
surrogates (its XML forbids them: such a file is refused as damaged); the C1 controls XML
allows are replaced with U+FFFD and counted in `Document.notes`. In a PDF's text layer, a NUL,
a control character or a lone surrogate stands for a glyph its fonts do not map to text: each
is replaced with U+FFFD and counted in `Document.notes`; a page of which more than a fifth is
such characters, more than 10 of them (pypdf reading some embedded fonts gives a NUL before
every letter), is refused with `NeedsOCR`. What pypdf logs while it repairs a damaged PDF
("circular xref chain") is collected in `Document.notes` too, never printed.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final, Literal

from hrdialogue.documents.controls import C1_UTF8, CONTROL, CONTROL_BYTES
from hrdialogue.documents.docx_text import FOOTNOTE_RULE, is_docx, read_docx
from hrdialogue.documents.errors import EmptyInput, InputTooLarge, NotText
from hrdialogue.documents.pdf_text import MAX_PDF_STREAM, Progress, read_pdf

__all__ = [
    "FOOTNOTE_RULE",
    "MAX_BYTES",
    "MAX_PAGES",
    "MAX_PDF_STREAM",
    "Document",
    "Progress",
    "read_document",
    "read_limited",
    "read_path",
    "read_stream",
]

MAX_BYTES: Final = 20_000_000
"""Inputs over 20 MB are refused."""

MAX_PAGES: Final = 500
"""PDFs with more pages are refused before their text is read (callers may set another)."""


_CHUNK: Final = 1 << 16


Format = Literal["text", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one input, with what it was read from."""

    text: str
    format: Format
    pages: int | None
    """Number of pages of a PDF; None for text and DOCX."""
    name: str | None
    """The name the input was given by (a path, `<stdin>`), used in error messages."""
    notes: tuple[str, ...] = ()
    """What a person should know about how the text was read, one sentence each: glyphs of
    a PDF that could not be mapped to text, repairs pypdf made to a damaged PDF."""


def read_path(
    path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    limit: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """Read the file at `path`, refusing one over `limit` bytes before reading it.

    `OSError` (missing file, a directory, no permission) passes through to the caller.
    """
    path = Path(path)
    size = path.stat().st_size
    if size > limit:
        raise InputTooLarge(_too_large(size, limit), source=str(path))
    with path.open("rb") as stream:
        return read_stream(
            stream, name=str(path), progress=progress, limit=limit, max_pages=max_pages
        )


def read_stream(
    stream: IO[bytes] | Iterable[bytes],
    *,
    name: str | None = None,
    progress: Progress | None = None,
    limit: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """Read a binary stream (stdin, an upload) or the chunks of one, at most `limit` + 1 bytes.

    A stream longer than `limit` is refused as soon as its `limit + 1`th byte is read: a
    200 MB upload costs the memory of `limit` bytes, never of the upload. `stream` is a
    file-like object with `read(n)`, or any iterable of byte chunks (Django's
    `UploadedFile.chunks()`); of an iterable, at most one chunk beyond the limit is taken.
    """
    data = read_limited(stream, name=name, limit=limit)
    return read_document(data, name=name, progress=progress, limit=limit, max_pages=max_pages)


def read_limited(
    stream: IO[bytes] | Iterable[bytes], *, name: str | None = None, limit: int = MAX_BYTES
) -> bytes:
    """The bytes of `stream`, refused with `InputTooLarge` once more than `limit` come.

    What `read_stream` does before it reads the text: the web platform calls it on an upload,
    then hands the bytes to `sandbox.extract_in_sandbox`.
    """
    data = _read_at_most(stream, limit + 1)
    if len(data) > limit:
        raise InputTooLarge(_too_large(None, limit), source=name)
    return data


def read_document(
    data: bytes,
    *,
    name: str | None = None,
    progress: Progress | None = None,
    limit: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """The text of a PDF, a DOCX document or a plain-text file, told apart by their bytes.

    Raises `InputTooLarge` (over `limit` bytes), `TooManyPages` (a PDF over `max_pages`),
    `EmptyInput`, `NotText` or `NeedsOCR`, each naming `name`.
    """
    if len(data) > limit:
        raise InputTooLarge(_too_large(len(data), limit), source=name)
    if not data:
        raise EmptyInput("the file is empty (0 bytes)", source=name)
    if b"%PDF-" in data[:1024]:
        text, pages, notes = read_pdf(data, name, progress, max_pages, limit)
        return Document(text, "pdf", pages, name, notes)
    if data.startswith(b"PK\x03\x04") and is_docx(data):
        text, notes = read_docx(data, name)
        return Document(text, "docx", None, name, notes)
    kind = _binary_kind(data)
    if kind is not None:
        raise _not_text(name, kind)
    text = _decode_text(data, name)
    if not text.strip():
        raise EmptyInput("the file holds only white space, no text", source=name)
    return Document(text, "text", None, name)


def _read_at_most(stream: IO[bytes] | Iterable[bytes], most: int) -> bytes:
    """The first `most` bytes of `stream` (fewer if it ends first), never holding more."""
    buffer = io.BytesIO()  # getvalue() hands over its buffer without a copy
    read = getattr(stream, "read", None)
    if callable(read):
        while buffer.tell() < most:
            chunk = read(min(_CHUNK, most - buffer.tell()))
            if not chunk:
                break
            buffer.write(chunk)
    else:
        for chunk in stream:
            buffer.write(chunk[: most - buffer.tell()])
            if buffer.tell() >= most:
                break
    return buffer.getvalue()


def _too_large(size: int | None, limit: int = MAX_BYTES) -> str:
    shown = f"{limit // 1_000_000} MB" if limit % 1_000_000 == 0 else f"{limit:,}-byte"
    if size is None:
        return f"the input is over the {shown} limit"
    return f"the file is {size / 1_000_000:.1f} MB, over the {shown} limit"


# --- Text -------------------------------------------------------------------------------------

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_MAGIC: Final = (
    (b"PK\x03\x04", "a ZIP archive that holds no Word document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc or other OLE2 file; save it as DOCX"),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
    (b"\x7fELF", "an executable program"),
    (b"MZ\x90\x00", "an executable program"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


def _binary_kind(data: bytes) -> str | None:
    """What known non-text bytes are (an image, a program, an archive), or None."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _decode_text(data: bytes, name: str | None) -> str:
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    try:
        if encoding is None:
            if b"\x00" in data:
                raise _not_text(name, f"a NUL byte at offset {data.index(0)}")
            return _check_controls(data.decode("utf-8"), name, data)
        if encoding == "utf-8-sig":  # (its BOM holds no control byte)
            return _check_controls(data.decode(encoding), name, data)
        return _check_controls(data.decode(encoding), name)
    except UnicodeDecodeError as error:
        # utf-8-sig counts from after its BOM; the other codecs from the first byte
        offset = error.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        line, column = _line_and_column(data, offset, encoding or "utf-8")
        where = (
            f"line {line}, column {column}: byte 0x{data[offset]:02x} at byte offset {offset} "
            f"is not {encoding or 'UTF-8'}"
        )
        raise _not_text(name, where) from None


def _line_and_column(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte `offset` of `data`."""
    before = data[:offset].decode(encoding, "replace").removeprefix("\ufeff")
    start = before.rfind("\n") + 1
    return before.count("\n") + 1, len(before) - start + 1


def _check_controls(text: str, name: str | None, utf8: bytes | None = None) -> str:
    """`text`, unless it holds a NUL or more control characters than 1 in 100 (at least 3).

    `utf8`, when given, is `text` in UTF-8 (valid: it was decoded), where they are counted.
    """
    if utf8 is None:
        controls = len(CONTROL.findall(text))
    else:
        controls = len(utf8) - len(utf8.translate(None, CONTROL_BYTES))
        controls += len(C1_UTF8.findall(utf8))
    if "\x00" in text or controls > max(2, len(text) // 100):
        raise _not_text(name, f"{controls} control characters")
    return text


def _not_text(name: str | None, detail: str) -> NotText:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in {".docx", ".pdf"}:
        kind = suffix[1:].upper()
        message = f"the file is named {suffix} but its bytes are not a {kind} document ({detail})"
    else:
        message = f"binary file: not a PDF, a DOCX document or UTF-8/UTF-16 text ({detail})"
    return NotText(message, source=name)
