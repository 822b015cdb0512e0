"""Lead phrases of preambular and operative paragraphs, in six languages, to language-free keys.

A key is the English phrase in lowercase kebab-case without its modifiers: "Recalling also" →
`recalling` with modifiers `("also",)`; "Strongly urges" → `urges`, `("strongly",)`;
RU "напоминая также" → `recalling`, `("also",)`; ZH "又回顾" → `recalling`, `("also",)`;
AR "وإذ تشير أيضا" → `recalling`, `("also",)`. Matching is by longest prefix on a folded form
of the text (lower case, `ё` → `е`, one apostrophe); the phrases and modifiers are in
`lexicon`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

from hrdialogue.documents.lexicon import (
    INNER_MODIFIERS,
    OPERATIVE_LEADS,
    PREAMBULAR_LEADS,
    PREFIX_MODIFIERS,
    SUFFIX_MODIFIERS,
)

__all__ = ["LeadKind", "LeadMatch", "find_operative_leads", "match_lead"]

LeadKind = Literal["preambular", "operative"]


@dataclass(frozen=True, slots=True)
class LeadMatch:
    """A lead phrase found in a text: `text[start:end]` is the phrase as printed."""

    start: int
    end: int
    lead: str
    key: str
    modifiers: tuple[str, ...]
    kind: LeadKind


def _fold(text: str) -> str:
    """Lower case and fold the few variants lexicons ignore; same length as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered.replace("ё", "е").replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    key: str
    modifiers: tuple[str, ...]
    stem: bool


def _expand(phrase: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Variants of a phrase with and without each `[optional]` modifier word."""
    match = re.search(r"\[([^\]]+)\] ?", phrase)
    if match is None:
        yield phrase, ()
        return
    word = match.group(1)
    head, tail = phrase[: match.start()], phrase[match.end() :]
    for rest, mods in _expand(head + tail):
        yield rest, mods
    for rest, mods in _expand(head + word + " " + tail):
        yield rest, (INNER_MODIFIERS.get(word, word), *mods)


def _first(text: str, language: str) -> str:
    return text[:1] if language == "zh" else text.split(" ", 1)[0]


def _build(source: str, language: str) -> dict[str, list[_Phrase]]:
    index: dict[str, list[_Phrase]] = {}
    for line in source.strip().splitlines():
        key, _, alternatives = line.partition(":")
        for raw in alternatives.split("|"):
            for variant, mods in _expand(raw.strip()):
                forms = [variant]
                if language == "ar":
                    if variant.startswith("و"):
                        forms.append(variant[1:])
                    else:
                        forms.append("و" + variant)
                for form in forms:
                    stem = form.endswith("*")
                    text = _fold(form.rstrip("*"))
                    phrase = _Phrase(text, key.strip(), mods, stem)
                    index.setdefault(_first(text, language), []).append(phrase)
    for phrases in index.values():
        phrases.sort(key=lambda p: len(p.text), reverse=True)
    return index


_TABLES: Final[tuple[tuple[LeadKind, dict[str, str]], ...]] = (
    ("preambular", PREAMBULAR_LEADS),
    ("operative", OPERATIVE_LEADS),
)
_INDEX: Final[dict[tuple[str, LeadKind], dict[str, list[_Phrase]]]] = {
    (language, kind): _build(source, language)
    for kind, table in _TABLES
    for language, source in table.items()
}
_SORTED_PREFIX = {
    lang: sorted(((_fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    for lang, table in PREFIX_MODIFIERS.items()
}
_SORTED_SUFFIX = {
    lang: sorted(((_fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    for lang, table in SUFFIX_MODIFIERS.items()
}
_WINDOW = 120


def _opening(language: str, kind: LeadKind) -> re.Pattern[str]:
    """What a lead of `kind` can open with: any phrase or prefix modifier, as printed (folded).

    Matching it at a position rejects most positions that open no lead in one C call.
    """
    words = {phrase.text for phrases in _INDEX[language, kind].values() for phrase in phrases}
    words |= {word for word, _ in _SORTED_PREFIX.get(language, ())}
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_OPENINGS: Final[dict[tuple[str, LeadKind], re.Pattern[str]]] = {
    key: _opening(*key) for key in _INDEX
}
# The longest text an opening can be: only that much is folded to reject a position.
_OPENING_REACH: Final = max(
    len(word)
    for (language, kind) in _INDEX
    for word in (
        *(p.text for phrases in _INDEX[language, kind].values() for p in phrases),
        *(w for w, _ in _SORTED_PREFIX.get(language, ())),
    )
)


def _boundary(folded: str, end: int, language: str) -> bool:
    return language == "zh" or end >= len(folded) or not folded[end].isalnum()


def _word_end(folded: str, end: int) -> int:
    while end < len(folded) and folded[end].isalpha():
        end += 1
    return end


def _phrase_at(folded: str, pos: int, language: str, kind: LeadKind) -> tuple[_Phrase, int] | None:
    index = _INDEX.get((language, kind))
    if index is None:
        return None
    head = folded[pos : pos + 1] if language == "zh" else _first(folded[pos:], language)
    phrases = index.get(head, ()) if language == "zh" else _candidates(language, kind, head)
    for phrase in phrases:
        if folded.startswith(phrase.text, pos):
            end = pos + len(phrase.text)
            if phrase.stem:
                return phrase, _word_end(folded, end)
            if _boundary(folded, end, language):
                return phrase, end
    return None


@functools.lru_cache(maxsize=4096)
def _candidates(language: str, kind: LeadKind, head: str) -> tuple[_Phrase, ...]:
    """Phrases whose first word is `head` (or, for stems, a prefix of it), longest first."""
    index = _INDEX[language, kind]
    found = list(index.get(head, ()))
    stripped = head.rstrip(",;:.،")
    if stripped != head:
        found += index.get(stripped, ())
    # stems of one word ("préoccupé*") are indexed under their stem
    for cut in range(len(stripped) - 1, 2, -1):
        for phrase in index.get(stripped[:cut], ()):
            if phrase.stem:
                found.append(phrase)
    return tuple(sorted(found, key=lambda p: len(p.text), reverse=True))


def _skip_space(folded: str, pos: int, language: str) -> int:
    if language == "zh":
        return pos
    return pos + 1 if pos < len(folded) and folded[pos] == " " else pos


def match_lead(text: str, pos: int, language: str, kind: LeadKind) -> LeadMatch | None:
    """The lead phrase of `kind` that opens `text` at `pos`, if the lexicon knows it."""
    opening = _OPENINGS.get((language, kind))
    if opening is None:
        return None
    if opening.match(_fold(text[pos : pos + _OPENING_REACH])) is None:
        return None
    window = text[pos : pos + _WINDOW]
    folded = _fold(window)
    modifiers: list[str] = []
    at = 0
    found = _phrase_at(folded, at, language, kind)
    while found is None:
        for word, modifier in _SORTED_PREFIX.get(language, ()):
            if folded.startswith(word, at) and _boundary(folded, at + len(word), language):
                modifiers.append(modifier)
                at = _skip_space(folded, at + len(word), language)
                break
        else:
            return None
        found = _phrase_at(folded, at, language, kind)
    phrase, end = found
    modifiers.extend(phrase.modifiers)
    suffixes = _SORTED_SUFFIX.get(language, ())
    for _ in range(2):
        after = _skip_space(folded, end, language)
        for word, modifier in suffixes:
            if folded.startswith(word, after) and _boundary(folded, after + len(word), language):
                modifiers.append(modifier)
                end = after + len(word)
                break
        else:
            break
    return LeadMatch(pos, pos + end, window[:end], phrase.key, tuple(modifiers), kind)


_CONJUNCTIONS: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"(?:,|;)? and (?:also |further )?"),
    "fr": re.compile(r"(?:,|;)? et "),
    "es": re.compile(r"(?:,|;)? [ye] "),
    "ru": re.compile(r"(?:,|;)? и "),
    "ar": re.compile(r"[،؛]? و"),
    "zh": re.compile(r"并"),
}


def find_operative_leads(text: str, language: str) -> list[LeadMatch]:
    """Every operative lead verb in an operative paragraph's text, in order.

    The first opens the paragraph; others follow a conjunction ("… и рекомендует …",
    "… and requests …", "… et prie …", AR "… وتطلب …", ZH "…并请…").
    """
    leads: list[LeadMatch] = []
    start = len(text) - len(text.lstrip())
    first = match_lead(text, start, language, "operative")
    if first is not None:
        leads.append(first)
    pattern = _CONJUNCTIONS.get(language)
    if pattern is None:
        return leads
    for m in pattern.finditer(text, first.end if first else start):
        at = m.end()
        if language == "ar":
            at -= 1  # the conjunction is the first letter of the verb ("وتطلب")
        found = match_lead(text, at, language, "operative")
        if found is not None and (not leads or found.start >= leads[-1].end):
            leads.append(found)
    return leads
