"""A simple document model the writers set: headings, paragraphs, quotes and list items.

A `Document` is what `write_docx` and `write_pdf` take. It knows its language, and through it
its writing direction; blocks carry *logical* alignment (`start`, `end`), so the same
document is set flush right in Arabic and flush left in the other five languages. Notes
verbales (`NoteVerbale.to_document()`) and, later, the Secretary-General's report are
turned into this model before they are written.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from hrdialogue.languages import LanguageCode, get_language

__all__ = [
    "Alignment",
    "Block",
    "BlockKind",
    "Document",
    "SupportsDocument",
]

BlockKind = Literal["heading", "paragraph", "quote", "list-item"]
Alignment = Literal["start", "end", "center", "justify"]


class Block(BaseModel):
    """One block of text: a heading, a paragraph, an indented quote or a numbered list item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: BlockKind = "paragraph"
    text: str = Field(description="The text, one paragraph; no line breaks.")
    level: int = Field(default=1, ge=1, le=3, description="Heading level (1 is the highest).")
    label: str | None = Field(
        default=None, description="Label printed before a list item: `1.`, `(a)`."
    )
    align: Alignment = Field(
        default="justify", description="Logical alignment: `start` is the right edge in Arabic."
    )
    bold: bool = False
    language: LanguageCode | None = Field(
        default=None,
        description="The block's language when it is not the document's (a quotation): "
        "the writers then use that language's direction and fonts for the block.",
    )
    space_before: float = Field(
        default=0.0, ge=0.0, description="Extra space before, in points (beyond the default)."
    )


class Document(BaseModel):
    """A short document in one of the six languages, ready for `write_docx` / `write_pdf`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: LanguageCode
    title: str = Field(description="Document title for the file's metadata.")
    blocks: tuple[Block, ...]
    date: dt.date | None = Field(
        default=None,
        description="Date written as the file's creation date (keeps output reproducible).",
    )

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        """`rtl` for Arabic, `ltr` for the other five languages."""
        return get_language(self.language).direction

    def to_document(self) -> Document:
        """The document itself (so a `Document` is accepted wherever a note verbale is)."""
        return self


class SupportsDocument(Protocol):
    """Anything the writers can set: a `Document`, a `NoteVerbale`, later a report."""

    def to_document(self) -> Document: ...
