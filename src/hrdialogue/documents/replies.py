"""Replies to a consultation: paragraphs with stable anchors, and the resolution's paragraphs
they mention.

`split_reply` cuts a reply's text (typed, or extracted from a DOCX or PDF) into paragraphs
anchored `R{reply_number}.P{n}` (`R12.P4`), each with its `[start, end)` span in the text.
Headings and list items are paragraphs of their own. Typed and DOCX text has one
paragraph a line; PDF text is wrapped, so its lines are joined into paragraphs (a blank
line, a heading or list marker, or a short line ending a sentence ends one), and page
artefacts (page numbers, "Page 3 of 5", "第 3 页", running lines repeated on three or more
pages) are dropped. Text with nothing in it raises `EmptyReplyText`; for a PDF or DOCX its
`needs_review` is true: an extraction that gave no text (a scanned PDF) must go to a person,
never be taken as an empty reply.

Where a reply mentions the resolution's paragraphs: `hrdialogue.documents.mentions`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from hrdialogue.documents.model import Span

__all__ = [
    "EmptyReplyText",
    "ReplyParagraph",
    "ReplySource",
    "SplitReply",
    "split_reply",
]

ReplySource = Literal["typed", "docx", "pdf"]


class EmptyReplyText(ValueError):
    """The reply's text is empty. `needs_review`: it came from a file (PDF, DOCX) whose
    extraction gave no text, so a person must look at the file; it is not an empty reply."""

    def __init__(self, reply_number: int, source: ReplySource) -> None:
        self.reply_number = reply_number
        self.source = source
        self.needs_review = source != "typed"
        if self.needs_review:
            message = (
                f"reply R{reply_number}: the text extracted from the {source.upper()} file is "
                "empty (a scanned or image-only file?); flag it for review, it is not an "
                "empty reply"
            )
        else:
            message = f"reply R{reply_number}: the text is empty"
        super().__init__(message)


class ReplyParagraph(BaseModel):
    """One paragraph of a reply: a heading, a list item or running text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    anchor: str = Field(description="`R12.P4`: reply 12, paragraph 4 (stable, 1-based).")
    number: int = Field(ge=1)
    kind: Literal["heading", "paragraph", "list-item"]
    label: str | None = Field(default=None, description="List or heading label: `1.`, `(a)`.")
    text: str = Field(description="The paragraph's text, label removed, spaces collapsed.")
    span: Span = Field(description="`[start, end)` of the paragraph (label included).")


class SplitReply(BaseModel):
    """A reply's text cut into paragraphs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reply_number: int
    source: ReplySource
    paragraphs: tuple[ReplyParagraph, ...]
    dropped: tuple[Span, ...] = Field(
        default=(), description="Spans of page artefacts left out (PDF only)."
    )


# --- lines and page artefacts ----------------------------------------------------------

_LINE: Final = re.compile(r"[^\r\n\f]*(?:\r\n|[\r\n\f]|$)")
_PAGE_ARTEFACTS: Final = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"[-–—]?\s*\d{1,4}\s*[-–—]?",  # 3, - 3 -
        r"\d{1,4}\s*/\s*\d{1,4}",  # 3/5
        r"(?:page|página|pág\.|p\.|страница|стр\.)\s*\d{1,4}"
        r"(?:\s*(?:of|de|sur|из|/)\s*\d{1,4})?",  # Page 3 of 5, Страница 3 из 5
        r"(?:الصفحة|صفحة)\s*\d{1,4}(?:\s*من\s*\d{1,4})?",  # الصفحة 3 من 5
        r"第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?",  # 第 3 页，共 5 页
    )
)
_TERMINAL: Final = frozenset(".!?;:。！？；：؟؛…")
_CJK: Final = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_MARKER: Final = re.compile(
    r"""\s*(?P<label>
        [-–—•*·▪●○◦]                       # bullets
      | \(?\d{1,3}(?:\.\d{1,3})*[.)]       # 1.  1)  (1)  2.1.
      | \d{1,3}\s+-                        # 1 -  (Arabic numbering)
      | \(?[a-z]\)  | [a-z]\.              # (a)  a)  a.
      | \([ivxlc]+\) | [ivxlc]+\)          # (ii)  ii)
      | [IVXLC]+\.  | [A-Z]\.              # II.  A.
      | [（(][一二三四五六七八九十]+[)）]  # （一）
      | [一二三四五六七八九十]+、           # 一、
      | \([\u0621-\u064a]\)                # (أ)
    )(?:\s+|(?<=[、）]))(?=\S)""",  # a CJK label needs no space after it
    re.VERBOSE,
)
_HEADING_MAX: Final = 80  # characters; a heading is a short line
_HEADING_MAX_CJK: Final = 30


def _lines(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of every line's content, without its line break."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end() and m.start() == len(text) and out:
            break
        content = m.group().rstrip("\r\n\f")
        out.append((m.start(), m.start() + len(content)))
    return out


def _is_artefact(line: str) -> bool:
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in _PAGE_ARTEFACTS)


def _repeated_lines(text: str, lines: list[tuple[int, int]]) -> set[str]:
    """Short lines found three times or more: running headers and footers of a PDF."""
    counts = Counter(" ".join(text[s:e].split()) for s, e in lines)
    return {
        line
        for line, n in counts.items()
        if n >= 3 and line and len(line) <= _HEADING_MAX and not _MARKER.match(line)
    }


# --- paragraphs ------------------------------------------------------------------------


def _short(text: str) -> bool:
    limit = _HEADING_MAX_CJK if _CJK.search(text) else _HEADING_MAX
    return len(text) <= limit


def _classify(text: str) -> tuple[Literal["heading", "paragraph", "list-item"], str | None, str]:
    """Kind, label and text (label removed) of one paragraph's collapsed text."""
    marker = _MARKER.match(text)
    label = marker.group("label") if marker else None
    body = text[marker.end() :] if marker else text
    ends_sentence = text[-1] in _TERMINAL or text[-1] in ",，、،"
    if _short(text) and not ends_sentence and (label is None or label[0] not in "-–—•*·▪●○◦"):
        return "heading", label, body
    if label is not None:
        return "list-item", label, body
    return "paragraph", None, body


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif out.endswith("-") or (_CJK.match(part[0]) and _CJK.match(out[-1])):
            out += part
        else:
            out += " " + part
    return out


def _pdf_blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Lines of wrapped PDF text grouped into paragraphs."""
    widths = sorted(e - s for s, e in lines if e > s)
    full = widths[int(len(widths) * 0.9)] if widths else 0
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if current:
            previous = text[current[-1][0] : current[-1][1]].strip()
            ends = previous[-1] in _TERMINAL
            short = len(previous) < 0.8 * full
            heading = len(current) == 1 and _classify(previous)[0] == "heading" and short
            if _MARKER.match(line) or (ends and short) or heading:
                blocks.append(current)
                current = []
        current.append((start, end))
    if current:
        blocks.append(current)
    return blocks


def split_reply(text: str, *, reply_number: int, source: ReplySource = "typed") -> SplitReply:
    """Cut a reply's text into anchored paragraphs (`R{reply_number}.P{n}`).

    `source` says where the text comes from: `typed` and `docx` text has one paragraph a
    line, `pdf` text is wrapped and carries page artefacts. `EmptyReplyText` when nothing
    is left (with `needs_review` for a file).
    """
    if reply_number < 1:
        raise ValueError(f"reply_number {reply_number} is not a positive number")
    lines = _lines(text)
    dropped: list[Span] = []
    if source == "pdf":
        repeated = _repeated_lines(text, lines)
        kept = []
        for start, end in lines:
            line = text[start:end]
            if line.strip() and (_is_artefact(line) or " ".join(line.split()) in repeated):
                dropped.append((start, end))
                kept.append((start, start))  # an artefact ends the paragraph like a blank line
            else:
                kept.append((start, end))
        blocks = _pdf_blocks(text, kept)
    else:
        blocks = [[(s, e)] for s, e in lines if text[s:e].strip()]
    paragraphs: list[ReplyParagraph] = []
    for block in blocks:
        parts = [" ".join(text[s:e].split()) for s, e in block]
        joined = _join([p for p in parts if p])
        if not joined:
            continue
        kind, label, body = _classify(joined)
        first, last = block[0], block[-1]
        start = first[0] + len(text[first[0] : first[1]]) - len(text[first[0] : first[1]].lstrip())
        end = last[1] - (len(text[last[0] : last[1]]) - len(text[last[0] : last[1]].rstrip()))
        number = len(paragraphs) + 1
        paragraphs.append(
            ReplyParagraph(
                anchor=f"R{reply_number}.P{number}",
                number=number,
                kind=kind,
                label=label,
                text=body,
                span=(start, end),
            )
        )
    if not paragraphs:
        raise EmptyReplyText(reply_number, source)
    return SplitReply(
        reply_number=reply_number,
        source=source,
        paragraphs=tuple(paragraphs),
        dropped=tuple(dropped),
    )
