"""Errors the reader raises for input it cannot take. Each names the problem and the place."""

from __future__ import annotations

__all__ = [
    "EmptyInput",
    "ExtractionFailed",
    "ExtractionOutOfMemory",
    "ExtractionTimedOut",
    "InputTooLarge",
    "NeedsOCR",
    "NotAResolution",
    "NotText",
    "ReaderError",
    "TooManyPages",
    "UnsupportedLanguage",
    "one_line",
]


class ReaderError(Exception):
    """Input the reader refuses. `str(error)` is one line for a person: problem, then place."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.source or ""
        if self.line is not None:
            place = f"{place}:{self.line}" if place else f"line {self.line}"
        return f"{place}: {self.message}" if place else self.message


class EmptyInput(ReaderError):
    """The input holds no text at all."""


class InputTooLarge(ReaderError):
    """The input is over the size limit (20 MB)."""


class NotText(ReaderError):
    """The bytes are not text, nor a PDF or DOCX the reader knows."""


class NeedsOCR(ReaderError):
    """A PDF without a text layer: it must go through OCR first."""


class UnsupportedLanguage(ReaderError):
    """The text is in a language that is not one of the six official UN languages."""


class NotAResolution(ReaderError):
    """The text has no enacting formula and no paragraph that opens with a lead phrase."""


class TooManyPages(InputTooLarge):
    """A PDF over the page limit (500 pages unless the caller sets another)."""


class ExtractionFailed(ReaderError):
    """The separate process that reads an upload stopped without a result (see `sandbox`)."""


class ExtractionTimedOut(ExtractionFailed):
    """Reading the file took longer than the time limit: the process was stopped."""


class ExtractionOutOfMemory(ExtractionFailed):
    """Reading the file needed more memory than the limit: the process was stopped."""


def one_line(message: str, most: int = 300) -> str:
    """`message` on one line, cut to `most` characters (a library's message may be long)."""
    line = " ".join(message.split())
    return line if len(line) <= most else line[: most - 1] + "…"
