"""A reply's content seen from the platform: typed text or an uploaded DOCX/PDF → text.

Uploads are read by the reader in a resource-limited child process (`_extract`, the one
place that calls it). The format comes
from the bytes, never from the name; only DOCX and PDF are taken. A PDF without a text
layer, or a file whose text comes out empty, is ACCEPTED and flagged for review (a person
must read it): it is never taken as an empty reply. Everything else the reader refuses
becomes `RefusedReply`, with a message in the user's language and the reader's line kept
as the detail; so does an exception the reader did not mean (fail closed: the file is
refused, the traceback logged).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hrdialogue.documents import errors
from hrdialogue.documents.language import detect_language
from hrdialogue.documents.replies import EmptyReplyText, ReplySource, SplitReply, split_reply
from hrdialogue.documents.sandbox import extract_in_sandbox
from hrdialogue.documents.source import Document

__all__ = [
    "MAX_TEXT_CHARS",
    "Content",
    "RefusedReply",
    "count_words",
    "detect_reply_language",
    "read_typed",
    "read_upload",
    "split_content",
]

_log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 200_000
"""A typed reply may be this long (about 30,000 words); longer ones come as a file."""


class RefusedReply(Exception):
    """Content that cannot be taken: `message` is translated, `detail` is the reader's line."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Content:
    """What was received (`data`, the bytes the receipt is given for) and its text."""

    data: bytes
    source: ReplySource
    text: str
    file_name: str = ""
    needs_review: bool = False
    review_reason: str = ""


def _extract(data: bytes, name: str) -> Document:
    """Read an upload in a child process limited in memory, CPU and time (the one call)."""
    return extract_in_sandbox(data, name=name)


def _refusals() -> list[tuple[type[errors.ReaderError], str]]:
    return [
        (errors.EmptyInput, _("The file is empty.")),
        (errors.InputTooLarge, _("The file is larger than 20 MB.")),
        (errors.NotText, _("The file is not a PDF or a DOCX document.")),
        (
            errors.ExtractionFailed,
            _("The file could not be read within the time and memory limits."),
        ),
    ]


def read_typed(text: str) -> Content:
    """Typed text, line ends made `\\n`; `RefusedReply` when empty or too long."""
    clean = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not clean:
        raise RefusedReply(_("Type your reply or upload it as a DOCX or PDF file."))
    if len(clean) > MAX_TEXT_CHARS:
        raise RefusedReply(
            _("The reply is longer than %(limit)d characters: upload it as a file instead.")
            % {"limit": MAX_TEXT_CHARS}
        )
    return Content(data=clean.encode("utf-8"), source="typed", text=clean)


def read_upload(data: bytes, name: str) -> Content:
    """An uploaded DOCX or PDF. Empty text (a scan) is flagged for review, not refused."""
    display_name = _display_name(name)
    try:
        document = _extract(data, display_name)
    except errors.NeedsOCR as error:
        return Content(data, "pdf", "", display_name, True, str(error))
    except errors.ReaderError as error:
        for kind, message in _refusals():
            if isinstance(error, kind):
                raise RefusedReply(message, str(error)) from error
        raise RefusedReply(_("The file could not be read."), str(error)) from error
    except Exception as error:
        # Fail closed: a reader that breaks refuses the file. Not the sender's fault, nor a
        # refusal the reader names: the traceback goes to the operators' log, the sender gets
        # the plain refusal, and nothing is stored.
        _log.exception("the reader failed on an upload (%s, %d bytes)", display_name, len(data))
        detail = f"the reader failed: {type(error).__name__}"
        raise RefusedReply(_("The file could not be read."), detail) from error
    if document.format not in ("docx", "pdf"):
        raise RefusedReply(
            _("The file is not a PDF or a DOCX document."),
            f"{display_name}: read as {document.format}",
        )
    text = document.text.strip()
    if not text:
        reason = str(EmptyReplyText(0, document.format))
        return Content(data, document.format, "", display_name, True, reason)
    return Content(data, document.format, document.text, display_name)


def split_content(content: Content, reply_number: int) -> SplitReply | None:
    """The reply's paragraphs (`R{n}.P{m}`); None for content flagged for review."""
    if content.needs_review:
        return None
    return split_reply(content.text, reply_number=reply_number, source=content.source)


def detect_reply_language(text: str, accepted: list[str]) -> str:
    """The reply's language among `accepted`; `RefusedReply` when it is another one."""
    try:
        language = detect_language(text)
    except errors.UnsupportedLanguage as error:
        raise RefusedReply(
            _("The reply is not in one of the languages this consultation accepts."), str(error)
        ) from error
    if language not in accepted:
        raise RefusedReply(
            _("The reply is not in one of the languages this consultation accepts."),
            f"detected: {language}",
        )
    return language


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """Words of a reply; a Chinese character counts as a word (UN practice counts characters)."""
    cjk = len(_CJK.findall(text))
    return cjk + len(_WORD.findall(_CJK.sub(" ", text)))


def _display_name(name: str) -> str:
    """The file's name as sent, for display only: no path, no control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in "\u202e\u202d")
    return cleaned[:200] or "upload"
