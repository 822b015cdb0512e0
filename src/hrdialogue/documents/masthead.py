"""The masthead of a resolution: symbol, number, session, title, kind and body, read from the
text before the enacting formula (`segment` finds the formula and the paragraphs)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Final

from hrdialogue.documents.clean import CleanText
from hrdialogue.documents.model import Body, DocumentKind
from hrdialogue.documents.sessions import find_session
from hrdialogue.languages import fold_homoglyphs

__all__ = ["Masthead", "read_masthead"]

_NUMBER_LINE = re.compile(
    r"\s*(?P<number>(?:(?:S|ES)-)?\d{1,4}\s?/\s?\d{1,4}(?:\s?[A-Z](?![\w/]))?)(?=[\s.|]|$)\.?"
)
_SYMBOL = re.compile(r"(?<![\w/(\[])((?:A|E|S)(?:/[A-Za-z0-9.\-]+)+(?: \(\d{4}\))?\*?)")
# Every alternative led by a letter (no group): the engine skips ahead in C to those letters.
_ADOPTED_BY = (
    "(?:General Assembly|Human Rights Council|Economic and Social Council|Security Council)"
)
_ADOPTED = re.compile(
    rf"(?:Resolution adopted by the {_ADOPTED_BY}|Decision adopted by the {_ADOPTED_BY}"
    r"|Résolution adoptée par l['’](?:Assemblée générale|Conseil [\w' ]+?)(?=\s*[\[\n|])"
    r"|Resolución aprobada por (?:la Asamblea General|el Consejo [\w ]+?(?=\s*[\[|]))"
    r"|Резолюция, принятая [\w ]+?(?:Ассамблеей|Советом)|draft resolution|projet de résolution"
    r"|proyecto de resolución|проект резолюции)"
    r"(?:\s*\[[^\]]*\])?(?=\s)",
)
# "/L.5", "draft resolution", "projet de résolution", "proyecto de resolución", "проект
# резолюции", "مشروع قرار", "决议草案", in any case. Each is led by a character that has no case
# (the space before the last word, then the words before it looked behind for), so that
# the engine skips ahead in C: a pattern led by a letter under IGNORECASE tries every place.
_DRAFT = re.compile(
    r"/L\.\d| (?:resolution(?<=draft resolution)|résolution(?<=projet de résolution)"
    r"|resolución(?<=proyecto de resolución)|резолюции(?<=проект резолюции))"
    r"|مشروع قرار|决议草案",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"/DEC/|Decision adopted|Décision adoptée|Decisión adoptada|Решение, принятое"
)


def _decision_words(text: str) -> bool:
    """`_DECISION.search(text)`, tried only where a literal of each alternative occurs."""
    return ("/DEC/" in text or "adopt" in text or "Решение, принятое" in text) and _DECISION.search(
        text
    ) is not None


_SYMBOL_PREFIX: Final[dict[Body, str]] = {
    Body.GENERAL_ASSEMBLY: "A/RES/",
    Body.HUMAN_RIGHTS_COUNCIL: "A/HRC/RES/",
    Body.ECONOMIC_AND_SOCIAL_COUNCIL: "E/RES/",
    Body.SECURITY_COUNCIL: "S/RES/",
    Body.COMMISSION_ON_HUMAN_RIGHTS: "E/CN.4/RES/",
    Body.SUB_COMMISSION: "E/CN.4/Sub.2/RES/",
}
_MASTHEAD_BODY: Final[list[tuple[re.Pattern[str], Body]]] = [
    (
        re.compile(r"Human Rights Council|Совет по правам человека|Conseil des droits de l"),
        Body.HUMAN_RIGHTS_COUNCIL,
    ),
    (re.compile(r"Security Council|Совет Безопасности|Conseil de sécurité"), Body.SECURITY_COUNCIL),
    (
        re.compile(r"Economic and Social Council|Экономический и Социальный"),
        Body.ECONOMIC_AND_SOCIAL_COUNCIL,
    ),
    (
        re.compile(
            r"General Assembly|Генеральная Ассамблея|Assemblée générale|Asamblea General"
            r"|الجمعية العامة|大会"
        ),
        Body.GENERAL_ASSEMBLY,
    ),
]


@dataclass(frozen=True, slots=True)
class Masthead:
    symbol: str | None
    number: str | None
    session: int | None
    title: str | None
    title_span: tuple[int, int] | None
    kind: DocumentKind
    body: Body | None


_SYMBOL_REACH = 64
# The characters that are, or that `fold_homoglyphs` turns into, a symbol's first letter (A, E,
# S; it folds only Greek and Cyrillic letters, below U+0530): a "/" after any other character
# (a digit, as in "63/180") starts no symbol, and no window is folded and tried there.
_SYMBOL_FIRSTS: Final = frozenset(
    c for c in map(chr, range(0x530)) if fold_homoglyphs(c) in ("A", "E", "S")
)


def _fold_nonascii(text: str) -> str:
    # Every homoglyph is outside ASCII; `isascii` is a flag read, `translate` a dict look-up
    # per character.
    return text if text.isascii() else fold_homoglyphs(text)


def _first_symbol(text: str) -> str | None:
    """The first `_SYMBOL` with a digit in `text`, homoglyphs folded.

    As `_SYMBOL.finditer` would find it, but tried only before each "/" (every symbol has one
    after its first letter) on a folded window, rather than at every character of a folded
    text. The window is widened to the whole rest when a match reaches its end.
    """
    taken_to = 0  # end of the last match: `finditer` matches do not overlap
    slash = text.find("/", 1)
    while slash >= 0:
        start = slash - 1
        if start >= taken_to and text[start] in _SYMBOL_FIRSTS:
            low = max(start - 1, 0)  # the character looked behind at
            window = _fold_nonascii(text[low : slash + _SYMBOL_REACH])
            m = _SYMBOL.match(window, start - low)
            if m is not None and m.end() == len(window) and low + len(window) < len(text):
                window = _fold_nonascii(text[low:])
                m = _SYMBOL.match(window, start - low)
            if m is not None:
                if any(ch.isdigit() for ch in m.group(1)):
                    return m.group(1)
                taken_to = low + m.end()
        slash = text.find("/", slash + 1)
    return None


_SLASH_SPACES = re.compile(r"\s*/\s*")
_RES_OR_DEC = re.compile(r"/(?:RES|DEC)/")
_SYMBOL_SESSION = re.compile(r"A/(?:C\.\d/|HRC/)?(\d{1,2})/")


def _squash(number: str) -> str:
    return _SLASH_SPACES.sub("/", number).strip()


def read_masthead(clean: CleanText, end: int, body: Body | None, language: str) -> Masthead:
    """Symbol, number, session, title and kind from the text before the enacting formula.

    The session comes from the number ("63/180") or the symbol ("A/C.3/66/L.32"), else from
    the session the masthead names in words ("Sixty-first session", "Пятьдесят седьмая
    сессия"; `sessions.find_session`, in `language`).
    """
    text = clean.text[:end]
    number: str | None = None
    title_start: int | None = None
    for start in (0, *clean.line_starts[: bisect_left(clean.line_starts, end)]):
        # A number line opens with white space, a digit or "S-"/"ES-": a line that opens with
        # anything else is not tried (`"" in "SE"`: the end of the text is tried, and fails).
        first = text[start : start + 1]
        if not (first.isdecimal() or first in "SE" or first.isspace()):
            continue
        m = _NUMBER_LINE.match(text, start)
        if m is not None:
            number = _squash(m.group("number"))
            title_start = m.end()
            break
    symbol = _first_symbol(text)
    if body is None:
        body = next((b for pattern, b in _MASTHEAD_BODY if pattern.search(text)), None)
    kind = DocumentKind.RESOLUTION
    if _DRAFT.search(text) or (symbol is not None and "/L." in symbol):
        kind = DocumentKind.DRAFT_RESOLUTION
    elif _decision_words(text) or (symbol is not None and "/DEC/" in symbol):
        kind = DocumentKind.DECISION
    if number is None and symbol is not None and ("/RES/" in symbol or "/DEC/" in symbol):
        number = _RES_OR_DEC.split(symbol, maxsplit=1)[1]
    own = symbol is not None and ("/RES/" in symbol or "/DEC/" in symbol or "/L." in symbol)
    if number is not None and body is not None and not own:
        prefix = _SYMBOL_PREFIX[body]
        if kind is DocumentKind.DECISION:
            prefix = "A/HRC/DEC/" if body is Body.HUMAN_RIGHTS_COUNCIL else ""
        symbol = prefix + number if prefix else None
    if title_start is None:
        ends = [m.end() for m in _ADOPTED.finditer(text)]
        title_start = ends[-1] if ends else None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    if title_start is not None and body is not Body.SECURITY_COUNCIL:
        while title_start < end and text[title_start] in " |":
            title_start += 1
        title_end = text.find("|", title_start)
        title_end = end if title_end < 0 else title_end
        raw = text[title_start:title_end]
        stripped = raw.strip(" .|").lstrip("-–— ")  # (Arabic prints "69/96 - title")
        if stripped:
            s = title_start + raw.index(stripped)
            title, title_span = stripped, (s, s + len(stripped))
    session: int | None = None
    if number is not None and body in (Body.GENERAL_ASSEMBLY, Body.HUMAN_RIGHTS_COUNCIL):
        head = number.split("/", 1)[0]
        if head.isdigit() and int(head) < 1000:
            session = int(head)
    elif symbol is not None:
        m = _SYMBOL_SESSION.match(symbol)
        session = int(m.group(1)) if m else None
    if session is None:
        named = find_session(text, language)
        session = named[2] if named else None
    return Masthead(symbol, number, session, title, title_span, kind, body)
