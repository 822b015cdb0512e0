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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple, TypeVar

from hrdialogue.documents.lexicon import (
    INNER_MODIFIERS,
    OPERATIVE_LEADS,
    PREAMBULAR_LEADS,
    PREFIX_MODIFIERS,
    SUFFIX_MODIFIERS,
)

__all__ = ["LeadKind", "LeadMatch", "LeadReader", "find_operative_leads", "match_lead"]

LeadKind = Literal["preambular", "operative"]


class LeadMatch(NamedTuple):
    """A lead phrase found in a text: `text[start:end]` is the phrase as printed.

    A named tuple rather than a frozen dataclass: as immutable, and several times cheaper to
    make (a few hundred per resolution)."""

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


# What `_fold` replaces after lowering, and the characters whose lower case is not the lower
# case of their upper or title case (found by a scan of all code points: the test repeats it).
_REPLACED: Final = {"е": "ё", "'": "’ʼ"}
_ODD_CASES: Final = (
    "\u0130\u01c5\u01c8\u01cb\u01f2\u03f4\u1e9e\u2126\u212a\u212b"  # İ, ǅ, …, Kelvin K, Å
)


def _printed(letter: str) -> str:
    """A regex of every character that `_fold` folds to `letter` (folded itself).

    The lead patterns match the text as printed with these classes, so that no text is
    folded as a whole: folding (`str.lower` on text outside ASCII) costs more per character
    than the whole lead search. `_fold` is per character (same length), so a phrase matches
    the printed text where it matches the folded one.
    """
    sources = letter + _REPLACED.get(letter, "")
    candidates = {c for s in sources for c in (s, s.upper(), s.title())} | set(_ODD_CASES)
    printed = sorted(c for c in candidates if len(c) == 1 and _fold(c) == letter)
    if printed == [letter]:
        return re.escape(letter)
    return "[" + "".join(re.escape(c) for c in printed) + "]"


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


# Not alphanumeric next (`str.isalnum`: `\w` is alphanumeric or "_") in the folded text: as
# printed, "ʼ" (a letter that folds to "'") is the one character that `_fold` takes out of
# the letters (the test scans every code point).
_BOUNDARY = r"(?![^\W_ʼ])"


def _tail(phrase: _Phrase, language: str) -> str:
    """Where a phrase is accepted, as a regex to follow it.

    A stem matches as printed (the rest of its word is taken after); a phrase of several
    words ends at a word boundary; a phrase of one word must be the whole first word, bar
    trailing ",;:.،" (the first word is what runs up to the next space).
    """
    if language == "zh" or phrase.stem:
        return ""
    if " " in phrase.text:
        return _BOUNDARY
    return r"(?=[,;:.،]*+(?: |\Z))"


def _trie(words: dict[str, str], letter: Callable[[str], str] = _printed) -> str:
    """A regex of the `words` (folded text → regex its end must meet) that prefers the
    longest, matching them as printed (`_printed`).

    A trie: the engine rejects a branch on one letter compare in C, instead of trying each
    word. At each node the longer words are tried first, then the word ending there, which
    is the lexicon's longest-first order (words of one length never both match).
    """

    def node(items: list[tuple[str, str]]) -> str:
        children: dict[str, list[tuple[str, str]]] = {}
        ends: list[str] = []
        for rest, tail in items:
            if rest:
                children.setdefault(rest[0], []).append((rest[1:], tail))
            else:
                ends.append(tail)
        branches = [letter(first) + node(below) for first, below in children.items()]
        branches += ends[:1]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return node(list(words.items()))


@dataclass(frozen=True, slots=True)
class _Matcher:
    """The lead phrases of one language and kind, compiled: `phrase` matches a phrase (its
    text folded is a key of `phrases`), `prefix` a prefix modifier (group 1, folded a key of
    `prefixes`) and the space after it, `suffix` a space and a suffix modifier (group 1).
    `phrases` and `prefixes` also hold their keys capitalised (`_with_capitals`)."""

    kind: LeadKind
    phrase: re.Pattern[str]
    phrases: dict[str, _Phrase]
    prefix: re.Pattern[str] | None
    prefixes: dict[str, str]
    suffix: re.Pattern[str] | None
    suffixes: dict[str, str]


_T = TypeVar("_T")


def _with_capitals(table: dict[str, _T]) -> dict[str, _T]:
    """`table` with its keys also as printed at the start of a sentence (the first letter in
    upper case), where that folds back to the key: most matches are looked up unfolded."""
    out = dict(table)
    for key, value in table.items():
        capital = key[:1].upper() + key[1:]
        if _fold(capital) == key:
            out.setdefault(capital, value)
    return out


def _matcher(language: str, kind: LeadKind, letter: Callable[[str], str] = _printed) -> _Matcher:
    phrases: dict[str, _Phrase] = {}
    for bucket in _INDEX[language, kind].values():
        for phrase in bucket:  # the first of a text wins (the same text is the same phrase)
            phrases.setdefault(phrase.text, phrase)
    boundary = "" if language == "zh" else _BOUNDARY
    space = "" if language == "zh" else " ?+"
    prefixes = dict(reversed(_SORTED_PREFIX.get(language, [])))
    suffixes = dict(reversed(_SORTED_SUFFIX.get(language, [])))
    return _Matcher(
        kind,
        re.compile(_trie({text: _tail(p, language) for text, p in phrases.items()}, letter)),
        _with_capitals(phrases),
        re.compile(f"({_trie(dict.fromkeys(prefixes, boundary), letter)}){space}")
        if prefixes
        else None,
        _with_capitals(prefixes),
        re.compile(f"{space}({_trie(dict.fromkeys(suffixes, boundary), letter)})")
        if suffixes
        else None,
        suffixes,
    )


_MATCHERS: Final[dict[tuple[str, LeadKind], _Matcher]] = {key: _matcher(*key) for key in _INDEX}


def _word_end(text: str, end: int, stop: int) -> int:
    stop = min(stop, len(text))
    while end < stop and text[end].isalpha() and text[end] != "ʼ":  # as `_BOUNDARY`
        end += 1
    return end


def _match(text: str, pos: int, matcher: _Matcher) -> LeadMatch | None:
    """The lead of `matcher` at `text[pos]`, matched as printed (`_printed`); what a match
    spans is folded to look it up.

    The phrase is tried first; failing it, a prefix modifier ("Also", "настоятельно", "又")
    and the phrase after it; then up to two suffix modifiers ("also", "с озабоченностью").
    Only `_WINDOW` characters are looked at.
    """
    stop = pos + _WINDOW
    modifiers: list[str] = []
    at = pos
    found = matcher.phrase.match(text, at, stop)
    while found is None:
        prefix = matcher.prefix.match(text, at, stop) if matcher.prefix else None
        if prefix is None:
            return None
        printed = prefix.group(1)
        modifiers.append(matcher.prefixes.get(printed) or matcher.prefixes[_fold(printed)])
        at = prefix.end()
        found = matcher.phrase.match(text, at, stop)
    printed = found.group()
    phrase = matcher.phrases.get(printed) or matcher.phrases[_fold(printed)]
    end = _word_end(text, found.end(), stop) if phrase.stem else found.end()
    modifiers.extend(phrase.modifiers)
    if matcher.suffix is not None:
        for _ in range(2):
            suffix = matcher.suffix.match(text, end, stop)
            if suffix is None:
                break
            printed = suffix.group(1)
            modifiers.append(matcher.suffixes.get(printed) or matcher.suffixes[_fold(printed)])
            end = suffix.end()
    return LeadMatch(pos, end, text[pos:end], phrase.key, tuple(modifiers), matcher.kind)


def match_lead(text: str, pos: int, language: str, kind: LeadKind) -> LeadMatch | None:
    """The lead phrase of `kind` that opens `text` at `pos`, if the lexicon knows it."""
    matcher = _MATCHERS.get((language, kind))
    if matcher is None:
        return None
    return _match(text, pos, matcher)


class LeadReader:
    """`match_lead` on one text; each (offset, kind) is asked once (paragraphs are often
    probed again where a line already was; `LeadMatch` is immutable)."""

    __slots__ = ("matchers", "seen", "text")

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.matchers = {kind: _MATCHERS.get((language, kind)) for kind, _ in _TABLES}
        self.seen: dict[tuple[int, LeadKind], LeadMatch | None] = {}

    def at(self, pos: int, kind: LeadKind) -> LeadMatch | None:
        key = (pos, kind)
        if key in self.seen:
            return self.seen[key]
        matcher = self.matchers[kind]
        lead = None if matcher is None else _match(self.text, pos, matcher)
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
