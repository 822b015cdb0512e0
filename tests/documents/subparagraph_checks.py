"""Helpers the subparagraph tests share: the subparagraphs under a paragraph, and the check
that their spans nest and sit right after their labels."""

from __future__ import annotations

from hrdialogue.documents.model import OperativeParagraph, Subparagraph

__all__ = ["all_subs", "check_spans", "flat"]


def all_subs(paragraph: OperativeParagraph | Subparagraph) -> list[Subparagraph]:
    """Every subparagraph under `paragraph`, depth first."""
    found: list[Subparagraph] = []
    for sub in paragraph.subparagraphs:
        found += [sub, *all_subs(sub)]
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


def check_spans(
    source: str, paragraph: OperativeParagraph | Subparagraph, *, same_text: bool = True
) -> None:
    """Each subparagraph's span sits right after its label, and children nest inside; with
    `same_text`, the span's source words are its text's (not where the clean text normalised
    full-width forms: "（一）", "；")."""
    for sub in paragraph.subparagraphs:
        start, end = sub.span
        assert paragraph.span[0] <= start <= end <= paragraph.span[1], sub.anchor
        if same_text:
            assert flat(source[start:end]) == flat(sub.text), sub.anchor
        assert source[:start].rstrip().endswith(sub.label), sub.anchor
        check_spans(source, sub, same_text=same_text)
