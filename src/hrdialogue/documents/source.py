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
import itertools
import logging
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, Literal

from lxml import etree

from hrdialogue.documents.errors import EmptyInput, InputTooLarge, NeedsOCR, NotText, TooManyPages
from hrdialogue.documents.ooxml import ZIP_ERRORS, check_docx_package, parse_xml

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

MAX_PDF_STREAM: Final = 25_000_000
"""No PDF stream may decode to more bytes than this (a page's text takes a few kilobytes)."""

_CHUNK: Final = 1 << 16

FOOTNOTE_RULE: Final = "_______________"
"""The line a DOCX document's footnotes are appended after, as in text from a UN PDF."""

Format = Literal["text", "pdf", "docx"]
Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while the pages of a PDF are read."""

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


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
        text, pages, notes = _read_pdf(data, name, progress, max_pages)
        return Document(text, "pdf", pages, name, notes)
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        text, notes = _read_docx(data, name)
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
# Control characters (category Cc) other than the white space of text files and ESC.
_CONTROLS: Final = r"\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{_CONTROLS}]")
# The same, counted in UTF-8 bytes (a scan led by a class costs ~8 ns a character; these are
# ~1 ns a byte): C0 controls and DEL are single bytes, and no other character's UTF-8 holds
# them; C1 controls are "\xc2" (always a lead byte) and one byte 0x80-0x9f.
_CONTROL_BYTES: Final = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
# What a PDF's text layer holds for a glyph its font does not map to text: those controls, or
# a lone surrogate (half of a UTF-16 pair, which no UTF-8 encoder or database takes).
_UNMAPPED = re.compile(rf"[{_CONTROLS}\ud800-\udfff]")


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
        controls = len(_CONTROL.findall(text))
    else:
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES))
        controls += len(_C1_UTF8.findall(utf8))
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


# --- PDF --------------------------------------------------------------------------------------


_ENCRYPTED: Final = "the PDF is encrypted with a password; save an unprotected copy first"


def _read_pdf(
    data: bytes, name: str | None, progress: Progress | None, max_pages: int
) -> tuple[str, int, tuple[str, ...]]:
    # pypdf takes a second to import: only when a PDF comes (`hrdialogue --help` stays quick)
    from pypdf import PdfReader, apply_configuration  # noqa: PLC0415
    from pypdf.errors import (  # noqa: PLC0415
        DependencyError,
        FileNotDecryptedError,
        LimitReachedError,
        PyPdfError,
    )

    # pypdf's own caps are 75 MB a stream; a page's text needs far less. External programs
    # (jbig2dec) are never run on an upload.
    caps: dict[str, Any] = {
        f"{kind}_maximum_output_length": MAX_PDF_STREAM
        for kind in ("zlib", "lzw", "run_length", "jbig2", "brotli")
    }
    try:
        with (
            _pypdf_log() as log,
            apply_configuration(
                **caps,
                array_based_stream_maximum_output_length=MAX_PDF_STREAM,
                maximum_declared_stream_length=MAX_BYTES,
                stream_decoding_work_maximum_length=4 * MAX_PDF_STREAM,
                image_maximum_buffer_size=MAX_PDF_STREAM,
                jbig2dec_binary=None,
            ),
        ):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                # Many PDFs are encrypted with an empty user password (printing restrictions
                # only); those open. Any other password the person must remove first.
                try:
                    opened = bool(reader.decrypt(""))
                except (DependencyError, NotImplementedError):
                    opened = False
                if not opened:
                    raise NotText(_ENCRYPTED, source=name)
            _check_page_count(_declared_pages(reader), max_pages, name, "declares")
            pages = reader.pages
            total = len(pages)
            _check_page_count(total, max_pages, name, "has")
            texts = []
            for number, page in enumerate(pages, start=1):
                texts.append(_page_text(page))
                if progress is not None:
                    progress(number, total)
    except FileNotDecryptedError:
        raise NotText(_ENCRYPTED, source=name) from None
    except LimitReachedError as error:
        if "decompress" in str(error).lower():
            msg = (
                f"the PDF holds a stream that expands past {MAX_PDF_STREAM // 1_000_000} MB; "
                "refused as a possible decompression bomb"
            )
        else:
            msg = f"the PDF goes past a safety limit of the reader ({error}); refused"
        raise NotText(msg, source=name) from None
    except RecursionError:
        msg = "the PDF nests its objects too deeply to be read; refused as a possibly hostile file"
        raise NotText(msg, source=name) from None
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        # pypdf reports a damaged file with its own errors and with built-in ones alike.
        msg = f"the PDF is damaged and cannot be read ({type(error).__name__}: {error})"
        raise NotText(_one_line(msg), source=name) from None
    texts, replaced = _replace_unmapped(texts, name)
    text = "\n".join(texts)
    if not text.strip():
        noun = "page" if total == 1 else "pages"
        msg = f"the PDF has no text layer ({total} {noun} of images or drawings); run OCR first"
        raise NeedsOCR(msg, source=name)
    notes = log.notes() + ((replaced,) if replaced else ())
    return text, total, notes


class _PypdfLog(logging.Handler):
    """What pypdf logs, in this thread, while it reads a PDF: kept for `Document.notes`.

    pypdf logs the repairs it makes to a damaged file ("Circular xref chain detected…") to
    the `pypdf` logger. With no handler configured (the command line), Python prints them on
    stderr; with this one attached for the read, they are kept instead, and still reach the
    handlers of an application that configured logging.
    """

    _MOST: Final = 5

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._thread = threading.get_ident()
        self._messages: dict[str, None] = {}  # in order, each once
        self._more = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread is not None and record.thread != self._thread:
            return  # another thread's read
        try:
            message = _one_line(record.getMessage(), 200)
        except Exception:  # a message whose arguments do not format is still a note
            message = _one_line(str(record.msg), 200)
        if message in self._messages:
            return
        if len(self._messages) < self._MOST:
            self._messages[message] = None
        else:
            self._more += 1

    def notes(self) -> tuple[str, ...]:
        """One note naming what pypdf repaired, or none."""
        if not self._messages:
            return ()
        more = f" (and {self._more:,} more)" if self._more else ""
        return (f"pypdf read the PDF despite damage: {'; '.join(self._messages)}{more}",)


@contextmanager
def _pypdf_log() -> Iterator[_PypdfLog]:
    logger = logging.getLogger("pypdf")
    handler = _PypdfLog()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


_MOSTLY_UNMAPPED: Final = 5
"""A page of which more than one character in 5 (white space aside) is unmapped is refused,"""
_FEW_UNMAPPED: Final = 10
"""unless it holds no more than 10 (a page of drawings with a few stray glyphs is read)."""


def _replace_unmapped(texts: list[str], name: str | None) -> tuple[list[str], str | None]:
    """The pages' texts with each unmapped glyph (`_UNMAPPED`) as U+FFFD, and a note counting
    them (None when there were none).

    Raises `NeedsOCR` for the first page whose text is mostly such characters: a text layer
    pypdf cannot read (it gives a NUL before every letter of some embedded CID fonts).
    """
    pages: dict[int, int] = {}
    out: list[str] = []
    for number, page in enumerate(texts, start=1):
        text = page
        if _UNMAPPED.search(page) is not None:
            text, count = _UNMAPPED.subn("\ufffd", page)
            visible = len("".join(text.split()))
            if count > _FEW_UNMAPPED and count * _MOSTLY_UNMAPPED > visible:
                msg = (
                    f"the text layer of page {number} cannot be read: {count:,} of its "
                    f"{visible:,} characters are glyphs its fonts do not map to text (NUL, "
                    "control characters or lone surrogates); save the document as DOCX or "
                    "plain text and read that, or run OCR on the PDF"
                )
                raise NeedsOCR(msg, source=name)
            pages[number] = count
        out.append(text)
    if not pages:
        return out, None
    total = sum(pages.values())
    listed = ", ".join(map(str, itertools.islice(pages, 10))) + (", …" if len(pages) > 10 else "")
    noun, verb = ("character", "is") if total == 1 else ("characters", "are")
    where = f"page {listed}" if len(pages) == 1 else f"pages {listed}"
    return out, (
        f"{total:,} {noun} of the PDF's text layer ({where}) could not be mapped to text "
        f"and {verb} shown as U+FFFD"
    )


def _declared_pages(reader: Any) -> int:
    """The page count the PDF's page tree declares (checked before the tree is walked)."""
    try:
        count = reader.trailer["/Root"]["/Pages"]["/Count"]
    except (KeyError, TypeError, AttributeError):
        return 0
    return count if isinstance(count, int) else 0


def _check_page_count(pages: int, max_pages: int, name: str | None, verb: str) -> None:
    if pages > max_pages:
        msg = f"the PDF {verb} {pages:,} pages, over the {max_pages:,}-page limit"
        raise TooManyPages(msg, source=name)


def _one_line(message: str, most: int = 300) -> str:
    """`message` on one line, cut to `most` characters (a library's message may be long)."""
    line = " ".join(message.split())
    return line if len(line) <= most else line[: most - 1] + "…"


_PARAGRAPH_GAP: Final = 1.6
"""A vertical gap this many times the usual line spacing is a blank line (a paragraph break)."""


def _page_text(page: Any) -> str:
    """pypdf's text of a page (logical order kept), with a blank line where a gap is wide.

    pypdf writes one line per printed line but no blank lines: the space between paragraphs,
    and above a page's footnote block, is lost. Its text pieces come with their position, so
    a line that starts lower than 1.6 times the page's usual line spacing below the line
    before it is preceded by a blank line, as in the text a UN PDF gives other tools.
    """
    lines: list[list[str]] = [[]]
    heights: list[float | None] = [None]

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        for i, chunk in enumerate(text.split("\n")):
            if i:
                lines.append([])
                heights.append(None)
            lines[-1].append(chunk)
            if heights[-1] is None and chunk.strip():
                heights[-1] = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]

    page.extract_text(visitor_text=visit)
    texts = ["".join(line) for line in lines]
    placed = [y for y in heights if y is not None]
    steps = sorted(a - b for a, b in itertools.pairwise(placed) if a - b > 0)
    if not steps:
        return "\n".join(texts)
    usual = steps[len(steps) // 2]
    out: list[str] = []
    above: float | None = None
    for text, y in zip(texts, heights, strict=True):
        if y is not None:
            if above is not None and above - y > _PARAGRAPH_GAP * usual and out and out[-1]:
                out.append("")
            above = y
        out.append(text)
    return "\n".join(out)


# --- DOCX -------------------------------------------------------------------------------------


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, ValueError, *ZIP_ERRORS):
        return False


def _read_docx(data: bytes, name: str | None) -> tuple[str, tuple[str, ...]]:
    check_docx_package(data, name=name)
    import docx  # noqa: PLC0415  (imported when a DOCX comes, as pypdf is)
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, *ZIP_ERRORS) as error:
        # XMLSyntaxError: a part that is not well-formed, or holds a character XML forbids
        # (`&#0;`, a lone surrogate): no NUL or surrogate ever comes out of a DOCX
        msg = f"the DOCX document is damaged and cannot be read ({type(error).__name__}: {error})"
        raise NotText(_one_line(msg), source=name) from None
    footnote_numbers: dict[str, int] = {}
    numbering = _Numbering(document.part)
    lines = list(_block_lines(document.element.body, footnote_numbers, numbering))
    notes = _footnote_texts(document.part, footnote_numbers)
    if notes:
        lines.append(FOOTNOTE_RULE)
        lines.extend(f"{number} {text}" for number, text in notes)
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyInput("the DOCX document holds no text", source=name)
    if _UNMAPPED.search(text) is None:
        return text, ()
    # XML forbids C0 controls and surrogates, not C1 controls (`&#x85;`): shown as in a PDF
    text, count = _UNMAPPED.subn("\ufffd", text)
    noun, verb = ("character", "is a") if count == 1 else ("characters", "are")
    return text, (f"{count:,} {noun} of the DOCX document {verb} control {noun}, shown as U+FFFD",)


def _block_lines(
    container: Any, footnotes: dict[str, int], numbering: _Numbering | None = None
) -> Iterator[str]:
    """One line per paragraph of a body, table cell or content control, in reading order.

    A paragraph Word numbers itself (a list style, `w:numPr`) starts with its number as Word
    shows it ("1.", "(a)") and the tab after it, as if typed.
    """
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            label = numbering.label(child) if numbering is not None else ""
            yield label + _paragraph_text(child, footnotes)
        elif tag in {f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt", f"{_W}sdtContent"}:
            yield from _block_lines(child, footnotes, numbering)


_SKIPPED: Final = frozenset(
    {f"{_W}{t}" for t in ("del", "moveFrom", "instrText", "delInstrText", "pPr", "rPr")}
    | {_MC_FALLBACK}
)


def _paragraph_text(paragraph: Any, footnotes: dict[str, int]) -> str:
    """A paragraph's text with a footnote reference written as its number (`года1,`)."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in {f"{_W}br", f"{_W}cr"}:
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}footnoteReference":
                ident = child.get(f"{_W}id")
                if ident is not None:
                    number = footnotes.setdefault(ident, len(footnotes) + 1)
                    parts.append(str(number))
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _related_xml(part: Any, reltype: str) -> Any | None:
    """The root element of the part related to `part` by `reltype`, parsed without entities."""
    target = next((rel.target_part for rel in part.rels.values() if rel.reltype == reltype), None)
    if target is None:
        return None
    return parse_xml(target.blob)


_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_ABJAD: Final = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_CHINESE_DIGITS: Final = "〇一二三四五六七八九"
_ROMAN: Final = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str


class _Numbering:
    """Word's automatic paragraph numbers: the label each numbered paragraph shows."""

    def __init__(self, part: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # numId → level → definition
        self._abstract: dict[str, str] = {}  # numId → abstractNumId (counters are shared)
        self._counts: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        root = _related_xml(part, _REL + "numbering")
        if root is None:
            return
        abstract = {
            a.get(f"{_W}abstractNumId"): _levels(a) for a in root.iterchildren(f"{_W}abstractNum")
        }
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                num_id = num.get(f"{_W}numId", "")
                self._abstract[num_id] = ref.get(f"{_W}val", "")
                self._levels[num_id] = abstract[ref.get(f"{_W}val")]
        styles = _related_xml(part, _REL + "styles")
        if styles is not None:
            self._style_num = _style_numbering(styles)

    def label(self, paragraph: Any) -> str:
        num_id, level = self._numbering_of(paragraph)
        levels = self._levels.get(num_id or "")
        if num_id is None or levels is None or level not in levels:
            return ""
        counts = self._counts.setdefault(self._abstract[num_id], {})
        counts[level] = counts[level] + 1 if level in counts else levels[level].start
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        definition = levels[level]
        if definition.fmt in {"bullet", "none"}:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at)
            if shown is None:
                return ""
            return _format_number(counts.get(at, shown.start), shown.fmt)

        return re.sub(r"%(\d)", number, definition.text) + definition.suffix

    def _numbering_of(self, paragraph: Any) -> tuple[str | None, int]:
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        num_id, level = self._style_num.get(
            style.get(f"{_W}val", "") if style is not None else "", (None, 0)
        )
        if num_pr is not None:
            ilvl = num_pr.find(f"{_W}ilvl")
            ident = num_pr.find(f"{_W}numId")
            if ident is not None:
                num_id = ident.get(f"{_W}val")
            if ilvl is not None:
                level = _whole(ilvl.get(f"{_W}val"), 0)
        return (None if num_id == "0" else num_id), level


def _levels(abstract: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in abstract.iterchildren(f"{_W}lvl"):

        def val(tag: str, default: str, lvl: Any = lvl) -> str:
            found = lvl.find(f"{_W}{tag}")
            return default if found is None else found.get(f"{_W}val", default)

        level = _whole(lvl.get(f"{_W}ilvl", "0"), -1)
        if level < 0:
            continue  # a level Word could not number either: its paragraphs get no label
        suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(val("suff", "tab"), "\t")
        levels[level] = _Level(
            _whole(val("start", "1"), 1),
            val("numFmt", "decimal"),
            val("lvlText", "")[:_MOST_LEVEL_TEXT],
            suffix,
        )
    return levels


_MOST_LEVEL_TEXT: Final = 100
"""A level's text ("%1.", "(%2)") is cut here: it is written before every paragraph."""


def _whole(value: str | None, default: int) -> int:
    """`value` as a number of at most 5 ASCII digits (Word's levels are 0-8, starts under
    32 768), else `default`: a malformed attribute never makes a document unreadable."""
    if value is not None and _DIGITS.fullmatch(value):
        return int(value)
    return default


_DIGITS: Final = re.compile(r"[0-9]{1,5}")


def _style_numbering(styles: Any) -> dict[str, tuple[str, int]]:
    """Paragraph style id → (numId, level) for styles that number, following `basedOn`."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(f"{_W}style"):
        ident = style.get(f"{_W}styleId", "")
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            own[ident] = (
                None if num is None else num.get(f"{_W}val"),
                None if ilvl is None else _whole(ilvl.get(f"{_W}val"), 0),
            )
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[ident] = parent.get(f"{_W}val", "")
    result: dict[str, tuple[str, int]] = {}
    for ident in set(own) | set(based):
        num_id: str | None = None
        level: int | None = None
        seen: set[str] = set()
        current: str | None = ident
        while current is not None and current not in seen:
            seen.add(current)
            mine = own.get(current, (None, None))
            num_id = num_id if num_id is not None else mine[0]
            level = level if level is not None else mine[1]
            current = based.get(current)
        if num_id is not None:
            result[ident] = (num_id, level or 0)
    return result


_MOST_LETTERED: Final = 26 * 30
"""Letters repeat past z (aa, bb…); past 30 repeats a number is written in digits."""


def _format_number(n: int, fmt: str) -> str:
    """`n` as Word shows it in a list of format `fmt` (decimal for formats not known here)."""
    if fmt in {"lowerLetter", "upperLetter"} and 0 < n <= _MOST_LETTERED:
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"} and 0 < n < 4000:
        roman = ""
        for value, digits in _ROMAN:
            while n >= value:
                roman, n = roman + digits, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in {"arabicAbjad", "arabicAlpha"} and 0 < n <= len(_ABJAD):
        return _ABJAD[n - 1]
    if fmt.startswith(("chineseCounting", "ideograph", "taiwaneseCounting")) and 0 < n < 100:
        tens, units = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
        return head + (_CHINESE_DIGITS[units] if units else "") if n >= 10 else _CHINESE_DIGITS[n]
    return str(n)


def _footnote_texts(part: Any, numbers: dict[str, int]) -> list[tuple[int, str]]:
    """The texts of the footnotes referenced in the body, by their number, in order."""
    if not numbers:
        return []
    root = _related_xml(part, _REL + "footnotes")
    if root is None:
        return []
    notes: list[tuple[int, str]] = []
    for note in root.iterchildren(f"{_W}footnote"):
        number = numbers.get(note.get(f"{_W}id", ""))
        if number is None:
            continue
        lines = (line.strip().replace("\n", " ") for line in _block_lines(note, {}))
        text = " ".join(line for line in lines if line)
        notes.append((number, text))
    notes.sort()
    return notes
