"""UN document symbols and cited resolutions and decisions in a paragraph's text.

Symbols come from `symbols.find_symbols`. Resolutions and decisions are found by an anchor
keyword ("resolution", "резолюции", "résolution", "resolución", "قرار", "决议") and a scan of
the clause after it: the first number close to the keyword, then every further number that
follows a list separator (", and 3362 (S-VII) of 16 September 1975"), each with the date
printed after it. Chinese puts the date and the number before the keyword
("1996年10月25日第51/7号决议"). The adopting body is read from the words around the keyword
("Human Rights Council resolution", "резолюции 7/3 Совета по правам человека", "its
resolution" = the body that adopts the text) or, failing that, from the form of the number
(`1325 (2000)` is a Security Council resolution, `62/160` one of the General Assembly).

Speed: every pattern that is tried at each character starts with a literal or a character
class and has no group or look-behind in front, so the regex engine skips ahead in C; the
rest runs only in short windows around what those found.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple

from hrdialogue.documents.dates import DATE_PATTERNS, parse_date_match
from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.documents.model import Body, Reference, Span
from hrdialogue.documents.reference_lexicon import ARABIC_LETTERS, REFERENCE_WORDS, ReferenceWords
from hrdialogue.documents.symbols import fold_width, scan_symbols
from hrdialogue.languages import fold_homoglyphs

__all__ = ["Citation", "find_references", "scan_references"]

_ZH_NUMBER: Final = (
    r"(?:E?S-)?[0-9]{1,4}\s?/\s?[0-9]{1,4}(?:\s?[A-Z])?(?:\s?\([^()]{1,8}\))?"
    r"|[0-9]{1,4}(?:\s?[A-Z])?\s?\([^()]{1,8}\)"
)
_ZH_ITEM: Final = re.compile(
    rf"(?:{DATE_PATTERNS['zh']}\s*(?:的\s*)?)?(?P<di>第)?\s*(?P<n>{_ZH_NUMBER})\s*号?"
    r"\s*(?P<kw>决议|决定)?"
)
_ZH_START: Final = re.compile(r"[0-9]+|第")


@dataclass(frozen=True, slots=True)
class _Rules:
    """The compiled patterns for one language."""

    lang: str
    keyword: re.Pattern[str]
    bodies: re.Pattern[str]
    body_hint: re.Pattern[str]
    body_after: re.Pattern[str]
    possessive: re.Pattern[str]
    date_link: re.Pattern[str]
    separator: re.Pattern[str]
    conjunction: re.Pattern[str]
    first_stop: re.Pattern[str]  # `_GAP_STOP_SOURCE` or the language's gap words: one search
    stems: tuple[str, ...]
    lead: int


# What ends the gap before a first number: a bracket, bar, semicolon or digit, a blank line, a
# full stop before a capital. One character class leads, so that the engine skips ahead in C;
# what follows depends on the character it took. Only whether one occurs is read.
_GAP_STOP_SOURCE: Final = (
    r"[\[\]|;0-9\n.](?:(?<=[\[\]|;0-9])|(?<=\n)\s*\n|(?<=\.)\s+(?=[A-ZÀ-ÞА-ЯЁ]))"
)
_LEADING_EXTRAS: Final = re.compile(r"(?<=[(:|])(?:\(\?<!-\)|\(\?:ال\)\?)")


def _compile(lang: str, words: ReferenceWords) -> _Rules:
    named = "|".join(f"(?P<{key}>{alt})" for key, alt in words.bodies)
    plain = "|".join(alt for _, alt in words.bodies)
    return _Rules(
        lang=lang,
        keyword=re.compile(words.keyword),
        bodies=re.compile(f"{words.body_prefix}(?:{named})"),
        # Only a quick test before `bodies` (whether one may occur): looser, with no
        # look-behind or optional article in front, so that the engine skips ahead in C.
        body_hint=re.compile(_LEADING_EXTRAS.sub("", f"(?:{plain})")),
        body_after=re.compile(f"{words.body_link}(?P<b>{words.body_prefix}(?:{plain}))"),
        possessive=re.compile(words.possessive),
        date_link=re.compile(words.date_link + DATE_PATTERNS[lang]),
        separator=re.compile(words.separator),
        conjunction=re.compile(words.conjunction),
        first_stop=re.compile(f"{_GAP_STOP_SOURCE}|{words.gap_stop}"),
        stems=words.stems,
        lead=words.lead,
    )


_RULES: Final[dict[str, _Rules]] = {lang: _compile(lang, w) for lang, w in REFERENCE_WORDS.items()}

_GA, _HRC, _SC = Body.GENERAL_ASSEMBLY, Body.HUMAN_RIGHTS_COUNCIL, Body.SECURITY_COUNCIL
_ECOSOC, _CHR, _SUB = (
    Body.ECONOMIC_AND_SOCIAL_COUNCIL,
    Body.COMMISSION_ON_HUMAN_RIGHTS,
    Body.SUB_COMMISSION,
)
_BODY_KEYS: Final[dict[str, Body]] = {
    "GA": _GA,
    "HRC": _HRC,
    "SC": _SC,
    "ECOSOC": _ECOSOC,
    "CHR": _CHR,
    "SUB": _SUB,
}
# Which bodies number their texts in each form.
_COMPATIBLE: Final[dict[str, frozenset[Body]]] = {
    "session": frozenset({_GA, _HRC}),  # 62/160, 7/3, S-8/1, ES-10/19
    "year": frozenset({_ECOSOC, _CHR, _SUB}),  # 2000/22
    "year-paren": frozenset({_SC}),  # 1325 (2000)
    "roman": frozenset({_GA, _ECOSOC, _CHR}),  # 217 A (III), 1503 (XLVIII)
}
_COUNCIL_FOR: Final[dict[str, Body]] = {
    "session": _HRC,
    "year": _ECOSOC,
    "year-paren": _SC,
    "roman": _ECOSOC,
}

_ARABIC_LETTER_NAMES: Final = "|".join(ARABIC_LETTERS)
_NUMBER: Final = re.compile(
    rf"""
    (?<![0-9/.\-])
    (?:
        (?P<sess>(?:E?S-)?[0-9]{{1,4}})\s?/\s?(?P<num>[0-9]{{1,4}})(?![0-9]|/[0-9]|\.[0-9])
      | (?P<old>[0-9]{{1,4}})(?=\s?(?:[A-ZА-Я]\s?)?\()
    )
    (?:\s?(?P<letter>[A-Z]|[А-Я]|{_ARABIC_LETTER_NAMES})(?![^\W\d_]|[/.]))?
    (?:\s?\((?P<paren>E?S-[IVXLC]{{1,7}}|[IVXLC]{{1,7}}|[0-9]{{4}})\))?
    """,
    re.VERBOSE,
)
_DIGITS: Final = re.compile(r"[0-9]+")
_ANY_DIGIT: Final = re.compile(r"[0-9]")  # searched in the folded view: every citation has one
_DECISION: Final = re.compile(r"[EeÉé][Cc][Ii][Ss][Ii]|ешени|مقرر")
_AR_PREFIX: Final = re.compile(r"[وفبل]{0,2}(?:ال)?")
_WINDOW: Final = 120  # characters before a keyword searched for the body that adopted it
_FIRST_GAP: Final = 60  # most characters between a keyword and its first number
_NEXT_GAP: Final = 250  # most characters between two numbers of one list
_LONGEST_NUMBER: Final = 32  # "3362 (S-VII)", "40 / 152 سين": room for the number itself
_TAIL: Final = 24  # a separator or possessive ends a gap: only its tail is searched
# What ends a gap between two numbers of a list: as `_GAP_STOP_SOURCE`, less the digit.
_LIST_STOP: Final = re.compile(
    r"[\[\]|;\n.](?:(?<=[\[\]|;])|(?<=\n)\s*\n|(?<=\.)\s+(?=[A-ZÀ-ÞА-ЯЁ]))"
)
_CLAUSE_ENDS: Final = ("; ", ";\n", ". ", ".\n", "。", "；", "\n\n")


class _Spans:
    """The symbols' spans, sorted and disjoint, for look-ups by bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self, symbols: list[tuple[int, int, str]]) -> None:
        self.starts = [s for s, _, _ in symbols]
        self.ends = [e for _, e, _ in symbols]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def next_from(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The first symbol starting in `[pos, limit)`."""
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] < limit:
            return self.starts[i], self.ends[i]
        return None


_NO_SPANS: Final = _Spans([])


class _Number(NamedTuple):  # a tuple: built in C, unlike a frozen dataclass
    start: int
    end: int
    text: str  # "62/160", "40/152 O", "217 A (III)", "1325 (2000)"
    form: str  # a key of _COMPATIBLE


@dataclass(slots=True)
class Citation:
    """A symbol, resolution or decision found by `scan_references`: offsets into its text."""

    kind: Literal["symbol", "resolution", "decision"]
    start: int
    end: int
    symbol: str | None = None
    number: str | None = None
    body: Body | None = None
    date: dt.date | None = None

    def reference(
        self, text: str, span: Span, *, anchor: str | None = None, footnote: str | None = None
    ) -> Reference:
        """The `Reference`, printed as `text[start:end]`, placed at `span`."""
        return Reference.model_validate(self.fields(text, span, anchor=anchor, footnote=footnote))

    def fields(
        self, text: str, span: Span, *, anchor: str | None = None, footnote: str | None = None
    ) -> dict[str, Any]:
        """The `Reference`'s fields, for a caller that validates many values in one call."""
        return {
            "kind": self.kind,
            "text": text[self.start : self.end],
            "symbol": self.symbol,
            "body": self.body,
            "number": self.number,
            "date": self.date,
            "anchor": anchor,
            "footnote": footnote,
            "span": span,
        }


def _next_number(view: str, pos: int, limit: int) -> re.Match[str] | None:
    """The first match of `_NUMBER` in `view[pos:limit]`, tried only where digits start."""
    while (digits := _DIGITS.search(view, pos, limit)) is not None:
        i = start = digits.start()
        # "S-28/1", "ES-10/19": index tests, cheaper than two `startswith` calls a number.
        if i >= 2 and view[i - 1] == "-" and view[i - 2] == "S":
            start = i - 3 if i >= 3 and view[i - 3] == "E" else i - 2
        m = _NUMBER.match(view, start, limit)
        if m is not None:
            return m
        pos = digits.end()
    return None


def _parse_number(m: re.Match[str]) -> _Number | None:
    sess, num, old, letter, paren = m.groups()  # by position: no look-up of each name
    if letter is not None:
        letter = ARABIC_LETTERS.get(letter, fold_homoglyphs(letter))
    if old is not None:
        if paren is None:
            return None
        form = "year-paren" if paren[0].isdigit() else "roman"
        text = old
    else:
        if sess[0].isdigit() and len(sess) == 4:
            if not 1946 <= int(sess) <= 2099:
                return None
            form = "year"
        else:
            form = "session"
        text = f"{sess}/{num}"
        if paren is not None and not paren[0].isdigit():
            return None  # "62/160 (III)" is no UN number
    if letter is not None:
        text += f" {letter}"
    if paren is not None:
        text += f" ({paren})"
    return _Number(m.start(), m.end(), text, form)


def _resolve(target: str | None, form: str, body: Body | None) -> Body | None:
    """The body a number of `form` belongs to, from the words around it and the text's body."""
    allowed = _COMPATIBLE[form]
    if target == "OWN" and body in allowed:
        return body
    if target == "COUNCIL":
        if body in allowed and body in (_HRC, _ECOSOC, _SC):
            return body
        return _COUNCIL_FOR[form]
    named = _BODY_KEYS.get(target or "")
    if named is not None and named in allowed:
        return named
    if form == "year-paren":
        return _SC
    if form == "session":  # a bare "resolution 55/2" in a GA text is a GA resolution
        return body if body in (_GA, _HRC) else _GA
    if form == "year":
        return body if body in allowed else None
    return body if body in allowed else _GA


def _last_body(view: str, rules: _Rules, lo: int, hi: int) -> re.Match[str] | None:
    if rules.body_hint.search(view, lo, hi) is None:
        return None
    last = None
    for m in rules.bodies.finditer(view, lo, hi):
        last = m
    return last


def _before(view: str, rules: _Rules, floor: int, start: int) -> tuple[str | None, bool]:
    """The body named before a keyword, in its clause: `(key, adjacent)`; `(None, False)`."""
    lo = max(floor, start - _WINDOW)
    # One slice and an `in` test for each end (no argument parsing, unlike `rfind(end, lo,
    # start)`): most windows hold none of them.
    window = view[lo:start]
    base = lo
    for end in _CLAUSE_ENDS:
        if end in window:
            lo = max(lo, base + window.rfind(end) + len(end))
    if rules.possessive.search(view, max(lo, start - _TAIL), start):
        return "OWN", True
    last = _last_body(view, rules, lo, start)
    if last is None:
        return None, False
    return last.lastgroup, not view[last.end() : start].strip()


def _after(view: str, rules: _Rules, pos: int, hi: int) -> tuple[str | None, int]:
    m = rules.body_after.match(view, pos, hi)
    if m is None:
        return None, pos
    named = rules.bodies.fullmatch(m.group("b"))
    return (named.lastgroup if named else None), m.end()


def _describe(
    view: str, rules: _Rules, number: _Number, hi: int
) -> tuple[str | None, dt.date | None, int]:
    """Body named and date printed after a number, before `hi`: `(key, date, end)`."""
    key, end = _after(view, rules, number.end, hi)
    date = None
    dated = rules.date_link.match(view, end, hi)
    if dated is not None:
        date = parse_date_match(dated)
        end = dated.end()
        if key is None:
            key, end = _after(view, rules, end, hi)
    return key, date, end


def _stands_alone(view: str, start: int) -> bool:
    """No word runs into the keyword at `start` (in Arabic only a prefix: و، ب، ل، ال)."""
    if not start:
        return True
    before = view[start - 1]
    if not "\u0621" <= before <= "\u064a":  # the common case: no Arabic letter before
        return not (before.isalnum() or before == "-")
    word = start - 1
    while word > 0 and "\u0621" <= view[word - 1] <= "\u064a" and start - word < 4:
        word -= 1
    glued = word > 0 and view[word - 1].isalnum()
    return not glued and _AR_PREFIX.fullmatch(view, word, start) is not None


def _scan_keyword(
    view: str,
    rules: _Rules,
    kw: re.Match[str],
    *,
    stop: int,
    hi: int,
    floor: int,
    body: Body | None,
    symbols: _Spans,
) -> list[Citation]:
    """The numbers a keyword cites: the first close to it, then each joined by a separator."""
    word = kw.group()
    kind: Literal["resolution", "decision"] = "decision" if _DECISION.search(word) else "resolution"
    found: list[Citation] = []
    pending: list[Citation] = []  # undated numbers joined by "and" to the next one
    anchor_key: str | None = None
    listed = False  # a symbol cited in the list ("resolutions A/RES/63/180 and 64/171")
    prev_end = pos = kw.end()
    cited = bool(symbols.starts)  # most paragraphs hold no symbol: no look-ups then
    while True:
        first = not found and not listed
        limit = min(stop, prev_end + (_FIRST_GAP if first else _NEXT_GAP) + _LONGEST_NUMBER)
        m = _next_number(view, pos, limit)
        sym = symbols.next_from(prev_end, limit) if cited else None
        if sym is not None and m is not None and m.start() < sym[0]:
            sym = None
        if sym is None and m is None:
            break
        at = sym[0] if sym is not None else m.start() if m is not None else limit
        gap = view[prev_end:at]
        if first:
            if len(gap) > _FIRST_GAP or rules.first_stop.search(gap):
                break
            # Who adopted it: "its"/a body right before the keyword, a body between keyword
            # and number (RU "резолюции Совета 6/3"), else a body earlier in the clause.
            before: str | None = "OWN"
            adjacent = True
            if not word.endswith(("ها", "هما")):  # Arabic "قرارها": its resolution
                before, adjacent = _before(view, rules, floor, kw.start())
            # A gap of white space names no body: no call for the common "resolution 62/160".
            named = _last_body(view, rules, prev_end, at) if gap and not gap.isspace() else None
            anchor_key = (
                (before if adjacent else None) or (named.lastgroup if named else None) or before
            )
        elif (  # the short separator window first: it fails most often
            len(gap) > _NEXT_GAP
            or rules.separator.search(view, max(prev_end, at - _TAIL), at) is None
            or _LIST_STOP.search(gap)
        ):
            break
        if sym is not None:
            listed, prev_end, pos = True, sym[1], max(pos, sym[1])
            continue
        assert m is not None
        pos = m.end()
        number = _parse_number(m)
        if number is None:
            continue
        if cited and symbols.overlaps(number.start, number.end):
            continue
        key, date, end = _describe(view, rules, number, hi)
        start = number.start if found or listed else kw.start()
        body_of = _resolve(key or anchor_key, number.form, body)
        item = Citation(kind, start, end, None, number.text, body_of, date)
        if pending and not rules.conjunction.fullmatch(gap):
            pending = []
        if date is None:
            pending.append(item)
        else:
            for earlier in pending:  # "resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974"
                earlier.date = date
            pending = []
        found.append(item)
        prev_end = pos = end
    return found


def _scan_chinese(
    view: str, rules: _Rules, lo: int, hi: int, *, body: Body | None, symbols: _Spans
) -> list[Citation]:
    """ "1996年10月25日第51/7号决议", "第54/181和55/109号决议": numbers before the keyword."""
    found: list[Citation] = []
    group: list[tuple[_Number, dt.date | None, int, int]] = []
    key: str | None = None
    floor = pos = lo
    while (cand := _ZH_START.search(view, pos, hi)) is not None:
        m = _ZH_ITEM.match(view, cand.start(), hi)
        if m is None:
            pos = cand.end()
            continue
        pos = m.end()
        num = _NUMBER.fullmatch(view, m.start("n"), m.end("n"))
        number = _parse_number(num) if num is not None else None
        if number is None or symbols.overlaps(m.start(), m.end()):
            group = []
            continue
        if group and not rules.conjunction.fullmatch(view, group[-1][3], m.start()):
            group = []
        if not group and m.group("di") is None:
            continue
        if not group:
            key, _ = _before(view, rules, floor, m.start())
        date = parse_date_match(m) if m.group("y") else None
        group.append((number, date, m.start(), m.end()))
        if m.group("kw") is None:
            continue
        kind: Literal["resolution", "decision"] = (
            "decision" if m.group("kw") == "决定" else "resolution"
        )
        for number, date, start, end in group:
            body_of = _resolve(key, number.form, body)
            found.append(Citation(kind, start, end, None, number.text, body_of, date))
        floor = m.end()
        group = []
    return found


def _rules(language: str) -> _Rules:
    rules = _RULES.get(language)
    if rules is None:
        msg = f"references: {language!r} is not an official UN language (ar, zh, en, fr, ru, es)"
        raise UnsupportedLanguage(msg)
    return rules


def find_references(text: str, language: str, *, body: Body | None = None) -> tuple[Reference, ...]:
    """Every document symbol and every resolution or decision cited in `text`.

    `span` of each result is relative to `text`; `anchor` and `footnote` are left None for
    the caller to fill. `body` is the adopting body, which "its resolution" refers to.
    Raises `UnsupportedLanguage` for a language that is not one of the six.
    """
    (found,) = scan_references(text, language, [(0, len(text))], body=body)
    return tuple(c.reference(text, (c.start, c.end)) for c in found)


def scan_references(
    text: str, language: str, regions: Sequence[Span], *, body: Body | None = None
) -> list[list[Citation]]:
    """What `find_references` finds in each region `text[start:end]`, offsets into `text`.

    One list per region, each in `find_references` order. Folds `text` once and finds the
    places where a citation may start once, so that a reader can scan every paragraph of a
    document in one call. Raises `UnsupportedLanguage`.
    """
    rules = _rules(language)
    view = fold_width(text)
    if _ANY_DIGIT.search(view) is None:
        return [[] for _ in regions]
    # Every citation holds a "/" (a symbol) or starts with a keyword: a region with neither
    # is skipped. Chinese has no keyword: each of its regions is scanned.
    keywords = _keyword_starts(view, rules)
    # A region with no keyword start (one bisection) and no slash (`find` in C) is skipped.
    bisect_left, find = bisect.bisect_left, view.find
    found: list[list[Citation]] = []
    for lo, hi in regions:
        if lo == 0 or view[lo - 1].isspace():
            if keywords is not None:
                i = bisect_left(keywords, lo)
                if (i == len(keywords) or keywords[i] >= hi) and find("/", lo, hi) < 0:
                    found.append([])
                    continue
            found.append(_scan(view, text, lo, hi, rules=rules, body=body, starts=keywords))
            continue
        # A look-behind at `lo` would see the character before: scan the region on its own.
        part = _scan(view[lo:hi], text[lo:hi], 0, hi - lo, rules=rules, body=body, starts=None)
        for c in part:
            c.start += lo
            c.end += lo
        found.append(part)
    return found


def _find_all(view: str, needle: str) -> list[int]:
    found = []
    pos = view.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = view.find(needle, pos + 1)
    return found


def _keyword_starts(view: str, rules: _Rules) -> list[int] | None:
    """Sorted offsets where a keyword may start (its stem's, less `lead`); None for Chinese."""
    if not rules.stems:
        return None
    starts = [pos - rules.lead for stem in rules.stems for pos in _find_all(view, stem)]
    starts.sort()
    return starts


def _keywords(
    view: str, rules: _Rules, lo: int, hi: int, starts: list[int] | None
) -> list[re.Match[str]]:
    """`rules.keyword.finditer(view, lo, hi)`, tried only at `starts` when they are known."""
    if starts is None:
        return list(rules.keyword.finditer(view, lo, hi))
    found = []
    end = lo
    i = bisect.bisect_left(starts, lo)
    while i < len(starts) and starts[i] < hi:
        if starts[i] >= end and (m := rules.keyword.match(view, starts[i], hi)) is not None:
            found.append(m)
            end = m.end()
        i += 1
    return found


def _scan(
    view: str,
    text: str,
    lo: int,
    hi: int,
    *,
    rules: _Rules,
    body: Body | None,
    starts: list[int] | None,
) -> list[Citation]:
    """The citations in `view[lo:hi]` (`view = fold_width(text)`; `lo` is 0 or follows white
    space, so that the look-behinds at `lo` see what they would at the start of a string)."""
    # Every citation holds a digit. Only Chinese, with no keyword to look for, is tested
    # first: elsewhere the test would scan as far as the number after the keyword, which
    # the keyword's own scan reads anyway.
    if starts is None and _ANY_DIGIT.search(view, lo, hi) is None:
        return []
    symbols = scan_symbols(view, text, lo, hi)
    if symbols:
        found = [Citation("symbol", s, e, sym) for s, e, sym in symbols]
        spans = _Spans(symbols)
    else:  # most paragraphs cite no symbol: one shared empty index (never changed)
        found, spans = [], _NO_SPANS
    if rules.lang == "zh":
        found.extend(_scan_chinese(view, rules, lo, hi, body=body, symbols=spans))
    else:
        keywords = [
            kw for kw in _keywords(view, rules, lo, hi, starts) if _stands_alone(view, kw.start())
        ]
        floor = lo
        for i, kw in enumerate(keywords):
            stop = keywords[i + 1].start() if i + 1 < len(keywords) else hi
            items = _scan_keyword(
                view, rules, kw, stop=stop, hi=hi, floor=floor, body=body, symbols=spans
            )
            if items:
                floor = items[-1].end
            found.extend(items)
    if len(found) > 1:
        found.sort(key=lambda c: (c.start, c.end))
    return found
