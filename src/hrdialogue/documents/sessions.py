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
from collections.abc import Iterator
from functools import cache
from typing import Final

from hrdialogue.documents.folding import fold_text
from hrdialogue.documents.model import Body, Deadline
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

_MAX: Final = 99

# --- number words, generated ---------------------------------------------------------------------


def _english() -> Iterator[tuple[str, int]]:
    units = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    irregular = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth"}
    irregular[12] = "twelfth"
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def unit_ordinal(n: int) -> str:
        return irregular.get(n, units[n - 1] + "th")

    for n in range(1, _MAX + 1):
        t, u = divmod(n, 10)
        if n < 20:
            yield unit_ordinal(n), n
        elif u == 0:
            yield tens[t - 2][:-1] + "ieth", n
        else:
            yield f"{tens[t - 2]}-{unit_ordinal(u)}", n


def _russian_stems() -> Iterator[tuple[str, int]]:
    """Ordinal stems ("шестьдесят четверт") that take adjective endings; 3 is apart (трет-)."""
    units = ["перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят"]
    teens = [
        "десят",
        "одиннадцат",
        "двенадцат",
        "тринадцат",
        "четырнадцат",
        "пятнадцат",
        "шестнадцат",
        "семнадцат",
        "восемнадцат",
        "девятнадцат",
    ]
    tens_ordinal = "двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност"
    tens_cardinal = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто"
    for n in range(1, _MAX + 1):
        t, u = divmod(n, 10)
        if n < 10:
            yield units[n - 1], n
        elif n < 20:
            yield teens[n - 10], n
        elif u == 0:
            yield tens_ordinal.split()[t - 2], n
        else:
            yield f"{tens_cardinal.split()[t - 2]} {units[u - 1]}", n


_RU_ENDINGS: Final = "ый ой ая ое ого ому ым ом ую ые ых ыми"
_RU_THIRD_ENDINGS: Final = "ий ья ье ьего ьему ьим ьем ью ьей ьи ьих ьими"


def _russian() -> Iterator[tuple[str, int]]:
    for stem, n in _russian_stems():
        endings = _RU_THIRD_ENDINGS if stem.endswith("трет") else _RU_ENDINGS
        for ending in endings.split():
            yield stem + ending, n


def _french_cardinal(n: int) -> str:
    units = [
        "zéro",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
    ]
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if n <= 16:
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    t, u = divmod(n, 10)
    if t in tens:
        if u == 0:
            return tens[t]
        return f"{tens[t]} et un" if u == 1 else f"{tens[t]}-{units[u]}"
    if t == 7:
        return "soixante et onze" if u == 1 else "soixante-" + _french_cardinal(10 + u)
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _french_cardinal(n - 80)


def _french() -> Iterator[tuple[str, int]]:
    special = {"un": "unième", "cinq": "cinquième", "neuf": "neuvième"}
    yield "premier", 1
    yield "première", 1
    yield "second", 2
    yield "seconde", 2
    for n in range(2, _MAX + 1):
        cardinal = _french_cardinal(n)
        if cardinal.endswith("quatre-vingts"):
            yield cardinal[:-1] + "ième", n
            continue
        cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
        head, last = cardinal[:cut], cardinal[cut:]
        if last in special:
            last = special[last]
        else:
            last = (last[:-1] if last.endswith("e") else last) + "ième"
        yield head + last, n


def _spanish() -> Iterator[tuple[str, int]]:
    units: tuple[tuple[str, ...], ...] = (
        ("primero", "primer"),
        ("segundo",),
        ("tercero", "tercer"),
        ("cuarto",),
        ("quinto",),
        ("sexto",),
        ("séptimo", "sétimo"),
        ("octavo",),
        ("noveno", "nono"),
    )
    tens = [
        "décimo",
        "vigésimo",
        "trigésimo",
        "cuadragésimo",
        "quincuagésimo",
        "sexagésimo",
        "septuagésimo",
        "octogésimo",
        "nonagésimo",
    ]
    masculine: list[tuple[str, int]] = [
        (form, n) for n, forms in enumerate(units, 1) for form in forms
    ]
    masculine += [("undécimo", 11), ("duodécimo", 12)]
    for n in range(10, _MAX + 1):
        t, u = divmod(n, 10)
        if u == 0:
            masculine.append((tens[t - 1], n))
            continue
        for unit in units[u - 1]:
            masculine.append((f"{tens[t - 1]} {unit}", n))
            if t == 1:  # decimotercero: the RAE's one-word spelling of the teens
                masculine.append((tens[0].replace("é", "e") + unit, n))
    for form, n in masculine:
        yield form, n
        feminine = " ".join(w[:-1] + "a" if w.endswith("o") else w for w in form.split())
        if feminine != form and not form.endswith(("primer", "tercer")):
            yield feminine, n


_AR_UNITS_F: Final = "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة"
_AR_UNITS_M: Final = "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع"
_AR_TENS: Final = "العشر الثلاث الأربع الخمس الست السبع الثمان التسع"


def _arabic() -> Iterator[tuple[str, int]]:
    for units, ten, one in ((_AR_UNITS_F, "العاشرة", "الحادية"), (_AR_UNITS_M, "العاشر", "الحادي")):
        unit_words = units.split()
        teen_suffix = "عشرة" if ten.endswith("ة") else "عشر"
        for n in range(1, _MAX + 1):
            t, u = divmod(n, 10)
            unit = one if u == 1 and n > 10 else (unit_words[u - 1] if u else "")
            if n < 10:
                yield unit, n
            elif n == 10:
                yield ten, n
            elif n < 20:
                yield f"{unit} {teen_suffix}", n
            else:
                for case in ("ين", "ون"):
                    tens_word = _AR_TENS.split()[t - 2] + case
                    yield (f"{unit} و{tens_word}" if u else tens_word), n


def _chinese() -> Iterator[tuple[str, int]]:
    digits = "一二三四五六七八九"
    for n in range(1, _MAX + 1):
        t, u = divmod(n, 10)
        tens = "" if t == 0 else ("十" if t == 1 else digits[t - 1] + "十")
        yield tens + (digits[u - 1] if u else ""), n


# --- patterns ------------------------------------------------------------------------------------


def _alternation(words: dict[str, int], separator: str = r"[-\s]+") -> str:
    """One regex alternative per spelling, longest first; spaces and hyphens interchangeable."""
    spellings = sorted(words, key=len, reverse=True)
    return "|".join(separator.join(map(re.escape, _key(w).split(" "))) for w in spellings)


def _table(pairs: Iterator[tuple[str, int]]) -> dict[str, int]:
    return {_key(fold_text(word)): n for word, n in pairs}


_SEPARATOR: Final = re.compile(r"[-\s]+")


def _key(word: str) -> str:
    """A spelling's lookup key: separators (spaces, hyphens) collapsed to one space."""
    return _SEPARATOR.sub(" ", word.strip())


@cache
def _grammar(language: str) -> tuple[tuple[re.Pattern[str], dict[str, int]], ...]:
    """`(pattern, table)` pairs; a match's group `w` looks up in the table, `d` is digits."""
    if language == "en":
        words = _table(_english())
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
        stems = _table(_russian_stems())
        endings = "|".join(
            sorted(fold_text(f"{_RU_ENDINGS} {_RU_THIRD_ENDINGS}").split(), key=len, reverse=True)
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
        words = _table(_french())
        session = r"\s+session(?!\w)"
        return (
            (re.compile(rf"(?<!\w)(?P<w>{_alternation(words)})(?!\w){session}"), words),
            (re.compile(rf"(?<!\w)(?P<d>\d{{1,3}})\s*(?:e|eme|ieme|er|ere){session}"), {}),
        )
    if language == "es":
        words = _table(_spanish())
        session = r"\s+per[ií]odo\s+(?:ordinario\s+)?de\s+sesiones"
        spellings = _alternation(words, r"[-\s]*")
        return (
            (re.compile(rf"(?<!\w)(?P<w>{spellings})(?!\w){session}"), words),
            (re.compile(rf"(?<!\w)(?P<d>\d{{1,3}})\s*\.?\s*[oa°]?{session}"), {}),
        )
    if language == "ar":
        words = _table(_arabic())
        session = r"(?<!\w)(?:و|ف)?(?:ب|ل)?(?:دورت\w*|الدورة|دورة)\s+(?:العادية\s+)?"
        words_pattern = _alternation(words).replace(r"[-\s]+و", r"\s*و\s*")
        return (
            (re.compile(rf"{session}(?P<w>{words_pattern})(?!\w)"), words),
            (re.compile(rf"{session}(?:ال\s*-?\s*)?(?P<d>\d{{1,3}})(?!\d)"), {}),
        )
    if language == "zh":
        words = _table(_chinese())
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
