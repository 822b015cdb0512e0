"""The resolution reader seen from the platform: bytes → (text, format, `Resolution`).

The file is read (PDF, DOCX or text → text) in a child process limited in memory, CPU and
time (`sandbox.extract_in_sandbox`), as every upload is: a hostile or merely pathological
file stops there, not in a web worker. The text is then structured here.

The reader's errors are one English line for a person; users get the same refusal in their
own language, with the reader's line kept as the detail. An exception the reader did not mean
refuses the file too (fail closed): the traceback goes to the operators' log, nothing is
stored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.utils.translation import gettext as _

from hrdialogue.documents import errors
from hrdialogue.documents.model import ParseWarning, Resolution
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.sandbox import extract_in_sandbox

__all__ = ["ReadResult", "RefusedDocument", "read_resolution"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadResult:
    text: str
    format: str
    resolution: Resolution


class RefusedDocument(Exception):
    """An upload the reader refused: `message` is translated, `detail` is the reader's line."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


def _messages() -> list[tuple[type[errors.ReaderError], str]]:
    return [
        (errors.EmptyInput, _("The file is empty.")),
        (errors.InputTooLarge, _("The file is larger than 20 MB.")),
        (errors.NotText, _("The file is not a PDF, a DOCX document or text.")),
        (errors.NeedsOCR, _("The PDF has no text layer: it must go through OCR first.")),
        (
            errors.ExtractionFailed,
            _("The file could not be read within the time and memory limits."),
        ),
        (
            errors.UnsupportedLanguage,
            _("The text is not in one of the six official languages of the United Nations."),
        ),
        (
            errors.NotAResolution,
            _(
                "This document is not a resolution: it has no enacting formula and no "
                "paragraph that opens with a lead phrase."
            ),
        ),
    ]


def read_resolution(data: bytes, *, name: str, language: str | None = None) -> ReadResult:
    """Read and structure an upload; `RefusedDocument` when it is not a readable resolution."""
    try:
        document = extract_in_sandbox(data, name=name)
        resolution = parse_resolution(document.text, language=language or None, source=name)
    except errors.ReaderError as error:
        for kind, message in _messages():
            if isinstance(error, kind):
                raise RefusedDocument(message, str(error)) from error
        raise RefusedDocument(_("The file could not be read."), str(error)) from error
    except Exception as error:
        _log.exception("the reader failed on a resolution upload (%s, %d bytes)", name, len(data))
        detail = f"the reader failed: {type(error).__name__}"
        raise RefusedDocument(_("The file could not be read."), detail) from error
    if not resolution.operative:
        raise RefusedDocument(
            _("No operative paragraph was found: this does not look like a resolution."),
            name,
        )
    if document.notes:  # how the file was read (glyphs a PDF maps to no text): kept with it
        notes = tuple(ParseWarning(code="source", message=note) for note in document.notes)
        resolution = resolution.model_copy(update={"warnings": (*notes, *resolution.warnings)})
    return ReadResult(document.text, str(document.format), resolution)
