"""Actors: who a resolution addresses, as language-independent keys, found in six languages.

`find_actors(text, language)` finds the names of UN organs, officials and stakeholder groups in
a paragraph, in the grammatical forms the six languages give them (Russian cases, Arabic
prefixes و ب ل ال, French and Spanish articles, Chinese), and returns `(start, end, key)` with
offsets into `text`. Keys are the English name in lowercase kebab-case (`secretary-general`,
`non-governmental-organizations`); `ACTOR_KEYS` lists them all, for the web platform to map
keys to stakeholder types.

An elliptic phrase that names two actors at once ("межправительственными и
неправительственными организациями", "intergovernmental and non-governmental organizations")
gives two tuples with the same span, one per key.

Matching runs on `fold_text(text)`, a same-length fold (lower case, accents and hamza taken
off, dashes and spaces unified), so offsets in the folded text are offsets in the original.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from hrdialogue.documents.actor_lexicon import ACTOR_LEXICON
from hrdialogue.documents.folding import compile_folded, fold_text
from hrdialogue.documents.patterns import HEAD, pattern_openings, trie

__all__ = [
    "ACTOR_KEYS",
    "ActorMatch",
    "ActorText",
    "Introducer",
    "find_actors",
]

ActorMatch = tuple[int, int, str]
"""`(start, end, key)`: `[start, end)` offsets into the text searched, and the actor key."""

_LANGS: Final = ("ar", "zh", "en", "fr", "ru", "es")


ACTOR_KEYS: Final[tuple[str, ...]] = tuple(
    sorted({key for combined in ACTOR_LEXICON for key in combined.split("+")})
)
"""Every actor key `find_actors` can return."""


_WORD_START: Final = "(?<!\\w)"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """One language's patterns, and what lets one scan of a text find where any of them starts.

    `patterns` holds `(pattern, keys, starts_a_word)` in lexicon order. A leading "not after a
    letter" assertion is checked after matching: kept in the pattern, it would cost the regex
    engine its fast scan for the first letters (50× slower). `scan` is a trie of the first
    `HEAD` letters every pattern can start with: it finds each offset where one may match
    (and a few where none does), in one pass. `by_head` maps each opening (`pattern_openings`)
    to the patterns that have it, and `lengths` are the openings' lengths: the patterns worth
    trying at an offset are read off the text's prefixes there, a dictionary look-up per
    length (nothing about the texts read is kept between calls).

    When every pattern starts a word (all languages but Chinese), `skip` is 1 and `scan`
    matches the character before an opening too, a non-letter: the engine then calls its
    matcher at spaces and punctuation only, not at most letters; `opening` (the bare trie) is
    tried at offset 0.
    """

    patterns: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]
    scan: re.Pattern[str]
    opening: re.Pattern[str]
    skip: int
    by_head: dict[str, tuple[int, ...]]
    lengths: tuple[int, ...]


@cache
def _lexicon(language: str) -> _Lexicon:
    if language not in _LANGS:
        msg = f"no actor lexicon for language {language!r} (expected one of {', '.join(_LANGS)})"
        raise ValueError(msg)
    patterns: list[tuple[re.Pattern[str], tuple[str, ...], bool]] = []
    for combined, by_language in ACTOR_LEXICON.items():
        keys = tuple(combined.split("+"))
        for pattern in by_language.get(language, ()):
            word_start = pattern.startswith(_WORD_START)
            patterns.append((compile_folded(pattern.removeprefix(_WORD_START)), keys, word_start))
    heads: list[frozenset[str]] = []
    for compiled, _, _ in patterns:
        openings = pattern_openings(compiled)
        letters = openings or frozenset()
        if openings is None or "" in letters:
            msg = f"actor pattern {compiled.pattern!r} has no opening letters to scan for"
            raise ValueError(msg)
        heads.append(letters)
    opening_trie = trie(sorted(set().union(*heads)))
    skip = int(all(word_start for _, _, word_start in patterns))
    scan = re.compile(rf"[^\w]{opening_trie}" if skip else opening_trie)
    by_head: dict[str, list[int]] = {}
    for index, letters in enumerate(heads):
        for head in letters:
            by_head.setdefault(head, []).append(index)
    return _Lexicon(
        tuple(patterns),
        scan,
        re.compile(opening_trie),
        skip,
        {head: tuple(indices) for head, indices in by_head.items()},
        tuple(sorted({len(head) for head in by_head})),
    )


def _tried(lexicon: _Lexicon, window: str) -> tuple[int, ...]:
    """The patterns one of whose openings `window` starts with, in lexicon order."""
    by_head = lexicon.by_head
    found = [by_head.get(window[:length]) for length in lexicon.lengths]
    picked = [indices for indices in found if indices]
    if len(picked) == 1:
        return picked[0]
    return tuple(sorted({index for indices in picked for index in indices}))


def find_actors(text: str, language: str) -> list[ActorMatch]:
    """Actors named in `text` (ISO 639-1 `language`), left to right, longest match first.

    Overlapping names resolve to the one that starts first, then the longest ("Office of the
    High Commissioner" is the office, not the High Commissioner). An elliptic phrase gives
    one tuple per actor it names, with the same span. `ValueError` for a language that is not
    one of the six.
    """
    return ActorText(text, language).spans


# --- lists of actors -----------------------------------------------------------------------------

# Between actors of one list: spaces, commas, conjunctions, quantifiers, a few adjectives.
_FILLERS: Final[dict[str, str]] = {
    "en": r"\s+|,|(?:and|or|as well as|all|the|relevant|concerned|interested|other|"
    r"in particular)(?!\w)",
    "ru": r"\s+|,|(?:и|а также|также|все\w*|соответствующ\w*|заинтересованн\w*|други\w*|"
    r"в частности)(?!\w)",
    "fr": r"\s+|,|(?:et|ainsi que|tous|toutes|les|autres|compétent\w*|intéressé\w*|"
    r"concerné\w*|en particulier)(?!\w)",
    "es": r"\s+|,|(?:y|e|así como|tod[oa]s|los|las|a|al|demás|otr[oa]s|pertinentes|"
    r"competentes|interesad\w*|en particular)(?!\w)",
    "ar": r"\s+|،|,|(?:إلى|و|جميع|كافة|سائر|ذات الصلة|المعنية|المهتمة|لا سيما)(?!\w)",
    "zh": r"\s+|、|，|,|和|及|以及|所有|各|有关|相关",
}


Introducer = tuple[re.Pattern[str], re.Pattern[str] | None]
"""`(prefix, suffix)` around a list of actors ("in cooperation with" …; "与" … "协商")."""


@cache
def _fillers(language: str) -> re.Pattern[str]:
    return compile_folded(_FILLERS[language])


class ActorText:
    """A text with the actors named in it located, to read lists of actors from it.

    Actors are found as far as they are read (most texts are read for one list of actors near
    their start), left to right: one scan of the lexicon's `scan` finds each offset where some
    pattern may start; there, each pattern that can start with the letters there is tried, as
    its own left-to-right scan would (not inside its last match), and the longest name (the
    first in lexicon order among equals) is taken unless it starts inside the last one taken.
    Offsets come in increasing order, so this resolves overlaps as a sort of all names by
    start, then length, would.
    """

    __slots__ = (
        "_by_start",
        "_from",
        "_lexicon",
        "_reach",
        "_reached",
        "_resume",
        "_spans",
        "folded",
        "language",
        "text",
    )

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.folded = fold_text(text)
        self._lexicon = _lexicon(language)
        # `_reach`: every actor that starts at or before it is known; `_from`: where the scan
        # for the next offset resumes (-1: not started); `_reached`: the end of the last name
        # taken; `_resume[i]`: the end of pattern i's last match.
        self._reach = -1
        self._from = -1
        self._reached = 0
        self._resume: list[int] | None = None
        self._spans: list[ActorMatch] = []
        self._by_start: dict[int, tuple[int, tuple[str, ...]]] = {}

    @property
    def spans(self) -> list[ActorMatch]:
        """The actors named in the text, as `find_actors` gives them."""
        if self._reach < sys.maxsize:
            self._scan_to(sys.maxsize)
        return self._spans

    def spans_to(self, pos: int) -> list[ActorMatch]:
        """`spans` as far as `pos`: every actor that starts at or before it, and perhaps a few
        more after it (in order, as in `spans`)."""
        if self._reach < pos:
            self._scan_to(pos)
        return self._spans

    def _scan_to(self, pos: int) -> None:
        """Find the actors that start at or before `pos` (and those at the first offset after
        it where one may start)."""
        # One loop, no generator: the state lives in the slots between calls.
        lexicon = self._lexicon
        folded = self.folded
        patterns = lexicon.patterns
        scan = lexicon.scan.search
        skip = lexicon.skip
        spans = self._spans
        by_start = self._by_start
        reached = self._reached
        resume = self._resume
        if resume is None:  # not started: perhaps an opening at 0, with nothing before it
            resume = self._resume = [0] * len(patterns)
            at = lexicon.opening.match(folded) if skip else None
            start = 0 if at is not None else -1
        else:
            start = -1
        if start < 0:
            at = scan(folded, self._from) if self._from >= 0 else scan(folded)
            start = at.start() + skip if at is not None else -1
        while start >= 0:
            window = folded[start : start + HEAD]
            best_end = -1
            best_keys: tuple[str, ...] = ()
            for index in _tried(lexicon, window):
                if start < resume[index]:
                    continue
                pattern, keys, word_start = patterns[index]
                match = pattern.match(folded, start)
                if match is None:
                    continue
                end = match.end()
                resume[index] = end
                if (
                    word_start
                    and start
                    and (folded[start - 1].isalnum() or folded[start - 1] == "_")
                ):
                    continue
                if end > best_end:  # the longest; the first in lexicon order among equals
                    best_end, best_keys = end, keys
            if best_keys and start >= reached:
                for key in best_keys:
                    spans.append((start, best_end, key))
                by_start[start] = (best_end, best_keys)
                reached = best_end
            if start >= pos:
                self._reach = start
                self._from = start + 1 - skip
                self._reached = reached
                return
            at = scan(folded, start + 1 - skip)
            start = at.start() + skip if at is not None else -1
        self._reach = sys.maxsize
        self._reached = reached

    def read_list(
        self, pos: int, limit: int, *, partners: Sequence[Introducer] = ()
    ) -> tuple[list[str], list[str], int]:
        """The actors listed from `pos` ("States, and intergovernmental and …").

        Returns `(actors, partners, end)`: `partners` are lists that one of `partners`
        introduces inside the list ("…, in consultation with X, …"), `end` is the end of the
        last actor read (`pos` when there is none). Spaces, commas, conjunctions, quantifiers
        and a few adjectives ("all", "relevant", "соответствующим") may stand between actors.
        """
        actors: list[str] = []
        found_partners: list[str] = []
        end = pos
        fillers = _fillers(self.language)
        while pos < limit:
            actor = self._actor_at(pos)
            if actor is not None:
                actor_end, keys = actor
                actors.extend(keys)
                pos = end = actor_end
                continue
            introduced = self.read_introduced(partners, pos, limit) if partners else None
            if introduced is not None:
                listed, pos = introduced
                found_partners.extend(listed)
                end = pos
                continue
            filler = fillers.match(self.folded, pos, limit)
            if filler is None or filler.end() == pos:
                break
            pos = filler.end()
        return actors, found_partners, end

    def _actor_at(self, pos: int) -> tuple[int, tuple[str, ...]] | None:
        """The actor named from `pos`, or one whose article began before it ("de los Estados")."""
        if self._reach < pos:
            self._scan_to(pos)
        by_start = self._by_start
        if pos in by_start:
            return by_start[pos]
        if self.folded[pos - 1] != " ":
            return None
        for start, (end, keys) in by_start.items():
            if start < pos < end:
                return end, keys
        return None

    def read_introduced(
        self, introducers: Sequence[Introducer], pos: int, limit: int
    ) -> tuple[list[str], int] | None:
        """At `pos`, a prefix, a list of actors and the suffix if any: `(actors, end)`."""
        for prefix, suffix in introducers:
            head = prefix.match(self.folded, pos, limit)
            if head is None:
                continue
            actors, _, end = self.read_list(head.end(), limit)
            if not actors:
                continue
            if suffix is not None:
                tail = suffix.match(self.folded, end, limit)
                if tail is None:
                    continue
                end = tail.end()
            return actors, end
        return None

    def find_introduced(self, introducers: Sequence[Introducer], start: int, end: int) -> list[str]:
        """Every actor that one of `introducers` introduces between `start` and `end`."""
        found: list[str] = []
        for prefix, _ in introducers:
            for match in prefix.finditer(self.folded, start, end):
                listed = self.read_introduced(introducers, match.start(), end)
                if listed is not None:
                    found.extend(listed[0])
        return list(dict.fromkeys(found))
