"""Mandates: who must do what, with whom, reporting when, from the operative paragraphs.

(Placeholder signature; the implementation lands with the mandates work.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hrdialogue.documents.model import Body, Mandate, OperativeParagraph, Span

__all__ = ["SourceSpan", "extract_mandates"]

SourceSpan = Callable[[str, int, int], Span]
"""Maps `(anchor, start, end)` in a paragraph's clean text to a span in the source text."""


def extract_mandates(
    operative: Sequence[OperativeParagraph],
    *,
    language: str,
    body: Body | None,
    to_source: SourceSpan,
) -> tuple[Mandate, ...]:
    """One `Mandate` per lead verb and addressee set in a paragraph that asks someone to act."""
    del operative, language, body, to_source
    return ()
