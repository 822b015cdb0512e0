"""Sessions: "at its sixty-fourth session" in six languages → 64, and when a session opens.

Deadlines in resolutions are session ordinals written in words: EN "at its sixty-fourth
session", RU "на своей шестьдесят четвертой сессии", FR "à sa soixante-quatrième session",
ES "en su sexagésimo cuarto período de sesiones", AR "في دورتها الرابعة والستين", ZH
"第六十四届会议"; digits too ("64th session", "第64届会议"). The number words for 1–99 are
generated here from units and tens, in every grammatical form the session noun takes.

`ga_session_opens(n)`: the General Assembly's N-th regular session opens on the Tuesday of the
third week of September of 1945+N, counting weeks from the first week with at least one
working day (Monday to Friday) in September.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Final

from hrdialogue.documents.folding import fold_text
from hrdialogue.documents.model import Body, Deadline
from hrdialogue.documents.ordinals import RUSSIAN_ENDINGS, ordinal_words
from hrdialogue.documents.patterns import pattern_openings, trie

__all__ = [
    "SessionMatch",
    "build_deadline",
    "find_session",
    "find_sessions",
    "ga_session_opens",
    "mentions_session",
]

SessionMatch = tuple[int, int, int]
"""`(start, end, n)`: the `[start, end)` span of the session phrase and the session number."""

# --- patterns ------------------------------------------------------------------------------------


def _alternation(words: Mapping[str, int], separator: str = r"[-\s]+") -> str:
    """One regex alternative per spelling, longest first; spaces and hyphens interchangeable."""
    spellings = sorted(words, key=len, reverse=True)
    return "|".join(separator.join(map(re.escape, _key(w).split(" "))) for w in spellings)


def _table(language: str) -> dict[str, int]:
    """`ordinal_words(language)` (both genders) keyed as the folded text is matched."""
    return {_key(fold_text(word)): n for word, n in ordinal_words(language).items()}


_SEPARATOR: Final = re.compile(r"[-\s]+")


def _key(word: str) -> str:
    """A spelling's lookup key: separators (spaces, hyphens) collapsed to one space."""
    return _SEPARATOR.sub(" ", word.strip())


@cache
def _grammar(language: str) -> tuple[tuple[re.Pattern[str], dict[str, int]], ...]:
    """`(pattern, table)` pairs; a match's group `w` looks up in the table, `d` is digits."""
    if language == "en":
        words = _table("en")
        return (
            (
                re.compile(
                    rf"(?<!\w)(?P<w>{_alternation(words)})\s+(?:regular\s+)?sessions?(?!\w)"
                ),
                words,
            ),
            (re.compile(r"(?<!\w)(?P<d>\d{1,3})(?:st|nd|rd|th)\s+(?:regular\s+)?session"), {}),
        )
    if language == "ru":
        stems = _table("ru")
        endings = "|".join(
            sorted(fold_text(" ".join(RUSSIAN_ENDINGS)).split(), key=len, reverse=True)
        )
        session = r"\s+(?:очередн\w*\s+)?сесси\w*"
        return (
            (
                re.compile(rf"(?<!\w)(?P<w>{_alternation(stems)})(?:{endings})(?!\w){session}"),
                stems,
            ),
            (re.compile(rf"(?<!\w)(?P<d>\d{{1,3}})(?:\s*-\s*[а-я]{{1,3}})?{session}"), {}),
        )
    if language == "fr":
        words = _table("fr")
        session = r"\s+session(?!\w)"
        return (
            (re.compile(rf"(?<!\w)(?P<w>{_alternation(words)})(?!\w){session}"), words),
            (re.compile(rf"(?<!\w)(?P<d>\d{{1,3}})\s*(?:e|eme|ieme|er|ere){session}"), {}),
        )
    if language == "es":
        words = _table("es")
        session = r"\s+per[ií]odo\s+(?:ordinario\s+)?de\s+sesiones"
        spellings = _alternation(words, r"[-\s]*")
        return (
            (re.compile(rf"(?<!\w)(?P<w>{spellings})(?!\w){session}"), words),
            (re.compile(rf"(?<!\w)(?P<d>\d{{1,3}})\s*\.?\s*[oa°]?{session}"), {}),
        )
    if language == "ar":
        words = _table("ar")
        session = r"(?<!\w)(?:و|ف)?(?:ب|ل)?(?:دورت\w*|الدورة|دورة)\s+(?:العادية\s+)?"
        words_pattern = _alternation(words).replace(r"[-\s]+و", r"\s*و\s*")
        return (
            (re.compile(rf"{session}(?P<w>{words_pattern})(?!\w)"), words),
            (re.compile(rf"{session}(?:ال\s*-?\s*)?(?P<d>\d{{1,3}})(?!\d)"), {}),
        )
    if language == "zh":
        words = _table("zh")
        return (
            (
                re.compile(
                    r"第\s*(?:(?P<w>[一二三四五六七八九十]{1,3})|(?P<d>\d{1,3}))\s*届\s*"
                    r"(?:会议|常会|会(?!员))"
                ),
                words,
            ),
        )
    msg = f"no session grammar for language {language!r} (expected ar, zh, en, fr, ru or es)"
    raise ValueError(msg)


# The session noun every pattern of a language contains (folded): a text without it names no
# session, and is not scanned.
_NOUNS: Final[dict[str, str]] = {
    "en": "session",
    "fr": "session",
    "es": "sesiones",
    "ru": "сесси",
    "ar": "دور",
    "zh": "届",
}


# Where every session phrase ends with the noun's word (the number before it): the digit
# patterns of these languages open with a digit.
_NOUN_ENDS: Final = frozenset({"en", "fr", "es", "ru"})
_WORD: Final = re.compile(r"\w*")
_DIGIT: Final = re.compile(r"\d")
_AR_AND: Final = re.compile(r"\s*و\s*(?=ال)")  # "و" before an Arabic ordinal's article


_WORD_START: Final = r"(?<!\w)"
_DIGITS: Final = r"(?<!\w)(?P<d>\d"

_Scan = tuple[re.Pattern[str], re.Pattern[str]]
"""`(scan, opening)`: `scan` finds a non-letter followed by an opening of a pattern that starts
a word, with the engine's fast scan for the non-letter; `opening` is the opening alone, for
offset 0."""


@cache
def _scans(language: str) -> tuple[_Scan | None, ...]:
    """For each pattern of `_grammar(language)` that starts a word, where it may match: each
    offset after a non-letter where one of its openings (or, for a number in digits, a digit)
    starts. Searched for a match at every offset, a pattern that opens with a lookbehind or an
    alternation of many words costs the engine a try at each letter. `None`: searched whole."""
    out: list[_Scan | None] = []
    for pattern, _ in _grammar(language):
        openings = pattern_openings(pattern)
        if not pattern.pattern.startswith(_WORD_START):
            head = None
        elif openings is not None and "" not in openings:
            head = trie(sorted(openings))
        else:
            head = r"\d" if pattern.pattern.startswith(_DIGITS) else None
        out.append(None if head is None else (re.compile(rf"[^\w]{head}"), re.compile(head)))
    return tuple(out)


def _matches(
    pattern: re.Pattern[str], scan: _Scan | None, text: str, start: int, end: int
) -> list[re.Match[str]]:
    """`pattern.finditer(text, start, end)`: with `scan`, tried only where it may match."""
    if scan is None:
        return list(pattern.finditer(text, start, end))
    search, opening = scan[0].search, scan[1]
    found: list[re.Match[str]] = []
    if start == 0 and opening.match(text, 0, end) is not None:
        at = 0
    else:  # the non-letter before an offset at `start` or after
        hit = search(text, max(start - 1, 0), end)
        at = -1 if hit is None else hit.start() + 1
    while at >= 0:
        match = pattern.match(text, at, end)
        if match is not None:  # as `finditer`: the next match starts at its end or after
            found.append(match)
            at = match.end() - 1
        hit = search(text, at, end)
        at = -1 if hit is None else hit.start() + 1
    return found


def mentions_session(folded: str, language: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `folded[start:end]` (`fold_text`'s output) holds the session noun every session
    phrase of `language` holds: `find_sessions` finds none in a text without it."""
    return folded.find(_NOUNS[language], start, len(folded) if end is None else end) >= 0


def find_sessions(text: str, language: str, *, folded: bool = False) -> list[SessionMatch]:
    """Every session named in `text`, left to right, as `(start, end, n)`.

    `folded`: `text` is already `fold_text`'s output (folding it again is skipped).
    """
    grammar = _grammar(language)
    if not folded:
        text = fold_text(text)
    last = text.rfind(_NOUNS[language])
    if last < 0:
        return []
    end = len(text)
    if language in _NOUN_ENDS:  # no match ends after the word that holds the last noun
        run = _WORD.match(text, last)
        end = run.end() if run is not None else end  # `\w*` always matches
    found: list[SessionMatch] = []
    for (pattern, words), scan in zip(grammar, _scans(language), strict=True):
        start = 0
        if not words and language in _NOUN_ENDS:  # a digit opens the phrase: start at one
            digit = _DIGIT.search(text, 0, end)
            if digit is None:
                continue
            start = digit.start()
        for match in _matches(pattern, scan, text, start, end):
            n = _session_number(match, words, language)
            if n is not None:
                found.append((match.start(), match.end(), n))
    found.sort()
    return found


def _session_number(match: re.Match[str], words: dict[str, int], language: str) -> int | None:
    """The session a `_grammar` pattern's match names (its digits, or its words looked up in
    `words`), or None when the words are no ordinal or the number is below 1."""
    digits = match.group("d") if "d" in match.re.groupindex else None
    if digits:
        n = int(digits)
    else:
        word = _key(match.group("w"))
        if language == "ar":
            word = _AR_AND.sub(" و", word)
        if word not in words:
            return None
        n = words[word]
    return n if n >= 1 else None


def find_session(text: str, language: str) -> SessionMatch | None:
    """The first session named in `text` (ISO 639-1 `language`), or None.

    `ValueError` for a language that is not one of the six.
    """
    sessions = find_sessions(text, language)
    return sessions[0] if sessions else None


def ga_session_opens(n: int) -> dt.date:
    """Opening date of the General Assembly's `n`-th regular session, by the rule.

    Tuesday of the third week of September of 1945+n, weeks counted from the first week
    (Monday to Sunday) that has at least one working day in September.
    """
    if n < 1:
        msg = f"a General Assembly session number is 1 or more, not {n}"
        raise ValueError(msg)
    first = dt.date(1945 + n, 9, 1)
    monday = first - dt.timedelta(days=first.weekday())
    if first.weekday() >= 5:  # 1 September on a weekend: that week has no working day in it
        monday += dt.timedelta(days=7)
    return monday + dt.timedelta(days=14 + 1)


def build_deadline(session: int, body: Body | None) -> Deadline:
    """The deadline for a session of `body`: year and opening date are known for the GA only."""
    if body is Body.GENERAL_ASSEMBLY:
        return Deadline(session=session, year=1945 + session, opens=ga_session_opens(session))
    return Deadline(session=session, year=None, opens=None)
