"""Lead phrases of preambular and operative paragraphs, in six languages, to language-free keys.

A key is the English phrase in lowercase kebab-case without its modifiers: "Recalling also" →
`recalling` with modifiers `("also",)`; "Strongly urges" → `urges`, `("strongly",)`;
RU "напоминая также" → `recalling`, `("also",)`; ZH "又回顾" → `recalling`, `("also",)`;
AR "وإذ تشير أيضا" → `recalling`, `("also",)`. Matching is by longest prefix on a folded form
of the text (lower case, `ё` → `е`, one apostrophe); the phrases and modifiers are in
`lexicon`.
"""

from __future__ import annotations

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

__all__ = ["LeadKind", "LeadMatch", "LeadReader", "find_operative_leads", "match_lead"]

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
    """Lower case and fold the few variants lexicons ignore; same length as `text`.

    Offsets agree with `text`, and folding a whole text then slicing matches as folding the
    slice: "İ" is the only character that lowers to two ("i̇", kept as "i"), and the only
    other difference, final sigma, is no letter of a lexicon.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.replace("İ", "I").lower()
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


# Not alphanumeric next (`str.isalnum`: `\w` is alphanumeric or "_").
_BOUNDARY = r"(?![^\W_])"


def _phrase_pattern(phrase: _Phrase, language: str) -> str:
    """A phrase after its first letter, as a regex (see `_alternation`) of where it is accepted.

    A stem matches as printed (the rest of its word is taken after); a phrase of several
    words ends at a word boundary; a phrase of one word must be the whole first word, bar
    trailing ",;:.،" (the first word is what runs up to the next space).
    """
    literal = re.escape(phrase.text[1:])
    if language == "zh" or phrase.stem:
        return literal
    if " " in phrase.text:
        return literal + _BOUNDARY
    return literal + r"(?=[,;:.،]*+(?: |\Z))"


def _alternation(alternatives: list[tuple[str, str]]) -> tuple[str, list[int]]:
    """A regex trying `(text, pattern)` alternatives in order, and the order of its groups.

    Alternatives are bucketed by their first letter, which stays outside the capturing group
    of each: the engine then rejects a bucket on one letter compare in C (a group in front
    would cost a full try per alternative). Alternatives of different buckets never match at
    one position, so their order across buckets does not matter. The returned list maps
    group k (1-based) to the index of its alternative in `alternatives`.
    """
    buckets: dict[str, list[int]] = {}
    for k, (text, _) in enumerate(alternatives):
        buckets.setdefault(text[0], []).append(k)
    parts: list[str] = []
    order: list[int] = []
    for first, members in buckets.items():
        inner = "|".join(f"({alternatives[k][1]})" for k in members)
        parts.append(f"{re.escape(first)}(?:{inner})")
        order.extend(members)
    return "|".join(parts), order


@dataclass(frozen=True, slots=True)
class _Matcher:
    """The lead phrases of one language and kind, compiled: `phrase` matches the phrase (group
    k is `phrases[k - 1]`), `prefix` one prefix modifier and the space after it, `suffix` a
    space and one suffix modifier. Alternatives are longest first, as `_phrase_at` tries."""

    phrase: re.Pattern[str]
    phrases: tuple[_Phrase, ...]
    prefix: re.Pattern[str] | None
    prefixes: tuple[str, ...]
    suffix: re.Pattern[str] | None
    suffixes: tuple[str, ...]


def _matcher(language: str, kind: LeadKind) -> _Matcher:
    index = _INDEX[language, kind]
    phrases = sorted(
        (phrase for bucket in index.values() for phrase in bucket),
        key=lambda p: len(p.text),
        reverse=True,
    )
    phrase, order = _alternation([(p.text, _phrase_pattern(p, language)) for p in phrases])
    boundary = "" if language == "zh" else _BOUNDARY
    space = "" if language == "zh" else " ?+"
    prefixes = _SORTED_PREFIX.get(language, [])
    prefix, prefix_order = _alternation([(w, re.escape(w[1:]) + boundary) for w, _ in prefixes])
    suffixes = _SORTED_SUFFIX.get(language, [])
    suffix, suffix_order = _alternation([(w, re.escape(w[1:]) + boundary) for w, _ in suffixes])
    return _Matcher(
        re.compile(phrase),
        tuple(phrases[k] for k in order),
        re.compile(f"(?:{prefix}){space}") if prefixes else None,
        tuple(prefixes[k][1] for k in prefix_order),
        re.compile(f"{space}(?:{suffix})") if suffixes else None,
        tuple(suffixes[k][1] for k in suffix_order),
    )


_MATCHERS: Final[dict[tuple[str, LeadKind], _Matcher]] = {key: _matcher(*key) for key in _INDEX}


def _taken(match: re.Match[str]) -> int:
    """Which alternative of an `_alternation` matched (0-based)."""
    return (match.lastindex or 1) - 1


def _word_end(folded: str, end: int, stop: int) -> int:
    stop = min(stop, len(folded))
    while end < stop and folded[end].isalpha():
        end += 1
    return end


def _match(
    text: str, folded: str, base: int, pos: int, of: tuple[str, LeadKind]
) -> LeadMatch | None:
    """The lead of `of` (language, kind) at `text[base + pos]`; `folded[pos]` is `_fold` of
    that character.

    The phrase is tried first; failing it, a prefix modifier ("Also", "настоятельно", "又")
    and the phrase after it; then up to two suffix modifiers ("also", "с озабоченностью").
    Only `_WINDOW` characters are looked at.
    """
    matcher = _MATCHERS.get(of)
    if matcher is None:
        return None
    stop = pos + _WINDOW
    modifiers: list[str] = []
    at = pos
    found = matcher.phrase.match(folded, at, stop)
    while found is None:
        prefix = matcher.prefix.match(folded, at, stop) if matcher.prefix else None
        if prefix is None:
            return None
        modifiers.append(matcher.prefixes[_taken(prefix)])
        at = prefix.end()
        found = matcher.phrase.match(folded, at, stop)
    phrase = matcher.phrases[_taken(found)]
    end = _word_end(folded, found.end(), stop) if phrase.stem else found.end()
    modifiers.extend(phrase.modifiers)
    if matcher.suffix is not None:
        for _ in range(2):
            suffix = matcher.suffix.match(folded, end, stop)
            if suffix is None:
                break
            modifiers.append(matcher.suffixes[_taken(suffix)])
            end = suffix.end()
    start, end = base + pos, base + end
    return LeadMatch(start, end, text[start:end], phrase.key, tuple(modifiers), of[1])


def match_lead(text: str, pos: int, language: str, kind: LeadKind) -> LeadMatch | None:
    """The lead phrase of `kind` that opens `text` at `pos`, if the lexicon knows it."""
    return _match(text, _fold(text[pos : pos + _WINDOW]), pos, 0, (language, kind))


class LeadReader:
    """`match_lead` on one text, folded once; each (offset, kind) is asked once (paragraphs
    are often probed again where a line already was; `LeadMatch` is frozen)."""

    __slots__ = ("folded", "language", "seen", "text")

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.folded = _fold(text)
        self.language = language
        self.seen: dict[tuple[int, LeadKind], LeadMatch | None] = {}

    def at(self, pos: int, kind: LeadKind) -> LeadMatch | None:
        key = (pos, kind)
        try:
            return self.seen[key]
        except KeyError:
            lead = _match(self.text, self.folded, 0, pos, (self.language, kind))
            self.seen[key] = lead
            return lead


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
