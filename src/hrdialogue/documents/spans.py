"""Spans of text, `[start, end)` character offsets: merged, looked up, trimmed of white space.

The reader's stages keep every element as a span into the text it was read from; these are the
few operations on spans that more than one stage needs.
"""

from __future__ import annotations

from bisect import bisect_left

from hrdialogue.documents.model import Span

__all__ = ["END_PUNCT", "merge_spans", "prev_char", "span_contains", "trim_span"]

# What ends a paragraph or a clause before the next one (or a subparagraph label) begins.
END_PUNCT = frozenset(",;:.،؛，；。")


def merge_spans(spans: list[Span]) -> list[Span]:
    """`spans` sorted, with overlapping and touching ones merged (sorts `spans` in place)."""
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def span_contains(spans: list[Span], pos: int) -> bool:
    """Whether one of `spans` (sorted, not overlapping: `merge_spans`) contains offset `pos`."""
    i = bisect_left(spans, (pos + 1, -1)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def trim_span(text: str, start: int, end: int) -> Span:
    """`[start, end)` without the white space at either end (empty spans stay at `start`)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def prev_char(text: str, pos: int) -> str:
    """The last character before `pos` that is not white space ("" if none)."""
    if pos > 1:  # the usual case, one space (a line break) before: no loop
        c = text[pos - 2]
        if text[pos - 1].isspace() and not c.isspace():
            return c
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > 0 else ""
