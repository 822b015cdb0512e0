"""`parse_resolution`: decoded text → `Resolution`.

(Placeholder; the implementation lands with the reader's core.)
"""

from __future__ import annotations

from hrdialogue.documents.model import Resolution

__all__ = ["parse_resolution"]


def parse_resolution(
    text: str, *, language: str | None = None, source: str | None = None
) -> Resolution:
    """Structure a resolution from text as extracted from a PDF, DOCX or UN HTML page.

    `language` (ISO 639-1) is detected when not given. `source` names the input in errors.
    Raises `ReaderError` subclasses for input that is not a resolution.
    """
    raise NotImplementedError
