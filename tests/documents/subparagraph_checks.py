"""Helpers the subparagraph tests share: the subparagraphs under a paragraph, the check that
their spans nest and sit right after their labels, and a short resolution in each of the six
languages (HAND-WRITTEN from `reference/un-documents.md` §1.1-1.2: a preambular paragraph,
operative paragraph 1 as the test gives it, and a closing operative paragraph 2)."""

from __future__ import annotations

from hrdialogue.documents.model import OperativeParagraph, Subparagraph
from hrdialogue.documents.parse import parse_resolution

__all__ = ["CLOSES", "HEADS", "all_subs", "check_spans", "flat", "read_op1"]

# What comes before operative paragraph 1's text, and after it.
HEADS = {
    "en": "The General Assembly,\n\nRecalling its resolutions,\n\n1. ",
    "fr": "L'Assemblée générale,\n\nRappelant ses résolutions,\n\n1. ",
    "es": "La Asamblea General,\n\nRecordando sus resoluciones,\n\n1. ",
    "ru": "Генеральная Ассамблея,\n\nссылаясь на свои резолюции,\n\n1. ",
    "ar": "إن الجمعية العامة،\n\nإذ تشير إلى قراراتها،\n\n1 - ",
    "zh": "大会,\n\n回顾其各项决议,\n\n1. ",
}
CLOSES = {
    "en": "\n\n2. Decides to remain seized of the matter.\n",
    "fr": "\n\n2. Décide de rester saisie de la question.\n",
    "es": "\n\n2. Decide seguir ocupándose de la cuestión.\n",
    "ru": "\n\n2. постановляет продолжить.\n",
    "ar": "\n\n2 - تقرر مواصلة النظر في المسألة.\n",
    "zh": "\n\n2. 决定继续审议。\n",
}


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


def read_op1(language: str, paragraph: str) -> list[tuple[str, str, str]]:
    """(anchor, label, text) of every subparagraph of operative paragraph 1, depth first, in
    a resolution whose paragraph 1 is `paragraph` (`HEADS`, `CLOSES`); checks their spans
    (not their source words: the clean text normalises full-width forms)."""
    source = HEADS[language] + paragraph + CLOSES[language]
    resolution = parse_resolution(source, language=language)
    op1, op2 = resolution.operative
    assert op2.subparagraphs == ()
    check_spans(source, op1, same_text=False)
    return [(s.anchor, s.label, s.text) for s in all_subs(op1)]
