"""A PDF's text layer, read with pypdf (which keeps Arabic in logical order): pages capped, no
stream decoded past `MAX_PDF_STREAM` (decompression bombs), encrypted or damaged files refused
in one line; a blank line where the gap between two lines is wide (a paragraph break). A
glyph its fonts map to no text (a NUL, a control character, a lone surrogate) is replaced with
U+FFFD and counted in the notes; a page mostly made of them is refused (`NeedsOCR`). What pypdf
logs while it repairs a damaged file is collected in the notes, never printed.
`source.read_document` calls `read_pdf` when the bytes open with `%PDF-`."""

from __future__ import annotations

import io
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Final

from hrdialogue.documents.controls import UNMAPPED
from hrdialogue.documents.errors import NeedsOCR, NotText, TooManyPages, one_line

__all__ = ["MAX_PDF_STREAM", "Progress", "read_pdf"]

MAX_PDF_STREAM: Final = 25_000_000
"""No PDF stream may decode to more bytes than this (a page's text takes a few kilobytes)."""

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while the pages of a PDF are read."""


_ENCRYPTED: Final = "the PDF is encrypted with a password; save an unprotected copy first"


def read_pdf(
    data: bytes, name: str | None, progress: Progress | None, max_pages: int, limit: int
) -> tuple[str, int, tuple[str, ...]]:
    """The text of the PDF `data` (pages joined by newlines), its page count, and the notes.

    `limit`: the most bytes of input the caller takes; no stream may declare more. Raises
    `TooManyPages`, `NeedsOCR` or `NotText` (encrypted, damaged), each naming `name`.
    """
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
                maximum_declared_stream_length=limit,
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
        raise NotText(one_line(msg), source=name) from None
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
            message = one_line(record.getMessage(), 200)
        except Exception:  # a message whose arguments do not format is still a note
            message = one_line(str(record.msg), 200)
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


_MOSTLYUNMAPPED: Final = 5
"""A page of which more than one character in 5 (white space aside) is unmapped is refused,"""
_FEWUNMAPPED: Final = 10
"""unless it holds no more than 10 (a page of drawings with a few stray glyphs is read)."""


def _replace_unmapped(texts: list[str], name: str | None) -> tuple[list[str], str | None]:
    """The pages' texts with each unmapped glyph (`UNMAPPED`) as U+FFFD, and a note counting
    them (None when there were none).

    Raises `NeedsOCR` for the first page whose text is mostly such characters: a text layer
    pypdf cannot read (it gives a NUL before every letter of some embedded CID fonts).
    """
    pages: dict[int, int] = {}
    out: list[str] = []
    for number, page in enumerate(texts, start=1):
        text = page
        if UNMAPPED.search(page) is not None:
            text, count = UNMAPPED.subn("\ufffd", page)
            visible = len("".join(text.split()))
            if count > _FEWUNMAPPED and count * _MOSTLYUNMAPPED > visible:
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
