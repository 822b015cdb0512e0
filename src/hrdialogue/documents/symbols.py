"""UN document symbols: find them in text of any of the six languages, normalise, decode.

A symbol is a root (`A`, `S`, `E`, `ST`, `CCPR`…) followed by `/`-separated components
(`CN.4`, `Sub.2`, `CONF.157`, `RES`, `63`, `L.32`, `Add.1`, `S-28`…), an optional range
(`Add.1-6`), a reissue mark (`*`) and a parenthetical (`(Part I)`, `(Vol. II)`, `(2000)` for
Security Council resolutions, `(III)` for old General Assembly ones). Text extracted from PDFs
bends symbols: Cyrillic letters that look Latin (`А/63/53`), spaces inserted after `/` and
`.` (`A/76/ 462/Add. 2`), full-width punctuation in Chinese (`（A/55/602/Add.2）`). Symbols are
searched in a length-preserving folded view of the text, so every span points into the text
as given, and each symbol found is normalised from its own characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from hrdialogue.documents.model import Body
from hrdialogue.languages import fold_homoglyphs

__all__ = [
    "SymbolParts",
    "find_symbols",
    "fold_width",
    "is_latin1",
    "normalise_symbol",
    "parse_symbol",
    "scan_symbols",
]


def _width_table() -> dict[int, str]:
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    for cp in (0x00A0, 0x3000, 0x202F, 0x205F, *range(0x2000, 0x200B)):
        table[cp] = " "
    for cp in (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63):
        table[cp] = "-"
    for zero in (0x0660, 0x06F0):  # Arabic-Indic and Eastern Arabic-Indic digits
        for i in range(10):
            table[zero + i] = str(i)
    table[0x2044] = table[0x2215] = "/"
    return table


_WIDTH: Final[dict[int, str]] = _width_table()
_WIDE: Final = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]")


def fold_width(text: str) -> str:
    """Full-width forms, dashes, odd spaces and Arabic-Indic digits to ASCII; same length.

    The result has exactly one character for each character of `text`, so offsets found in
    it are offsets into `text`.
    """
    # Speed: a regex scan costs several ns a character; the checks before it cost next to
    # nothing. No character to fold is ASCII, and only the no-break space is Latin-1.
    if text.isascii():
        return text
    if is_latin1(text):
        return text.replace("\xa0", " ")
    first = _WIDE.search(text)
    if first is None:
        return text
    parts = [text[: first.start()]]  # the scan goes on from the first match, not from 0
    last = first.start()
    for m in _WIDE.finditer(text, last):
        parts.append(text[last : m.start()])
        parts.append(_WIDTH[ord(m.group())])
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def is_latin1(text: str) -> bool:
    """Whether every character of `text` is below U+0100: a quick test that lets a caller skip
    a regex scan for characters beyond (a copy for such a string; else the encoder stops at
    the first character beyond)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


_SPACE_AROUND: Final = re.compile(r"\s*([/.\-])\s*")
_SPACES: Final = re.compile(r"\s+")
_PAREN_TAIL: Final = re.compile(r"\s*\(\s*([^()]*?)\s*\)$")
_VOL: Final = re.compile(r"^(Vol\.|Part)\s*", re.IGNORECASE)


def _normalise_once(raw: str) -> str:
    text = fold_homoglyphs(fold_width(unicodedata.normalize("NFKC", raw))).strip()
    paren = ""
    tail = _PAREN_TAIL.search(text)
    if tail is not None and tail.start() > 0:
        inner = _SPACES.sub(" ", tail.group(1))
        inner = _VOL.sub(lambda m: m.group(1) + " ", inner)
        paren = f" ({inner})"
        text = text[: tail.start()]
    if _SPACES.search(text) is not None:  # both subs leave a text without white space as is
        text = _SPACES.sub(" ", _SPACE_AROUND.sub(r"\1", text))
    return text + paren


def _plainly_normal(text: str) -> bool:
    """ASCII with no parenthesis and no space to remove: nothing to fold, its own normal form."""
    return text.isascii() and "(" not in text and _SPACES.search(text) is None


def normalise_symbol(raw: str) -> str:
    """The canonical form of a symbol as printed: `А/63/53` → `A/63/53`.

    NFKC, Cyrillic/Greek look-alikes to Latin, every dash to `-`, spaces that extraction put
    around `/`, `.` and `-` removed (`A/76/ 462/Add. 2` → `A/76/462/Add.2`), other runs of
    space collapsed to one; a trailing parenthetical keeps one space before it
    (`A/CONF.157/24 (Part I)`). Idempotent.
    """
    if _plainly_normal(raw):
        return raw
    text = _normalise_once(raw)
    if _plainly_normal(text):
        return text  # no second pass needed
    for _ in range(4):  # NFKC after removing a space can compose anew; settle to a fixpoint
        again = _normalise_once(text)
        if again == text:
            break
        text = again
    return text


_ROMAN: Final = r"[IVXLC]{1,7}"
# Capitals and small letters, with the Cyrillic and Greek ones that look Latin: symbols are
# searched in the text as printed ("А/63/53"), and normalised once found.
_UP: Final = "A-ZАВСЕНКМОРТХЅІЈΑΒΕΗΚΜΟΡΤΧ"
_LOW: Final = "a-zаеорсх"
_ROOT_MAX: Final = 6
_ROOT_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZАВСЕНКМОРТХЅІЈΑΒΕΗΚΜΟΡΤΧ")
_SYMBOL: Final = re.compile(
    rf"""
    (?<![A-Za-z\u00C0-\u024F\u0370-\u04FF/.])   # not glued to a word, a slash or a dot
    (?P<root>[{_UP}]{{1,6}})
    (?:/\s?(?:
          [EЕΕ]?[SЅ]-[0-9]{{1,2}}(?![0-9])                      # S-28, ES-10 (before numbers)
        | [{_UP}][{_UP}{_LOW}]{{0,9}}                           # CN.4 Sub.2 RES Add.1 L.32
          (?:\.\s?[0-9]{{1,4}}(?:[{_UP}{_LOW}](?![\w/]))?)?
        | [0-9]{{1,5}}(?:\s?[{_UP}](?![^\W\d_]|[/.]))?        # 63 2001 180 | 238 B | 217 A
    ))+
    (?P<range>-[0-9]{{1,3}}(?![0-9]))?
    \*?
    (?P<paren>\s?\((?P<inner>Part\s?{_ROMAN}|Vol\.\s?{_ROMAN}|[0-9]{{4}}|E?S-{_ROMAN}|{_ROMAN})\))?
    """,
    re.VERBOSE,
)
_DIGIT: Final = re.compile(r"[0-9]")
_CYRILLIC_SUFFIX: Final = re.compile(r"\s([\u0400-\u04FF])$")
_COMPANION: Final = re.compile(
    r"""\s*(?:and|et|y|и|و|和|及|、|&)\s*
    (?P<kind>[AА]dd|[CС]orr|Rev|[AА]mend)\.\s?(?P<n>[0-9]{1,3}(?:-[0-9]{1,3})?)
    (?P<more>(?:\s*,\s*[0-9]{1,3}(?:-[0-9]{1,3})?(?![0-9/.]))*
      (?:\s+(?:and|et|y|и)\s+[0-9]{1,3}(?:-[0-9]{1,3})?(?![0-9/.]))?)""",
    re.VERBOSE,
)
_MORE_NUMBER: Final = re.compile(r"[0-9]{1,3}(?:-[0-9]{1,3})?")


def _trim(view: str, text: str, m: re.Match[str]) -> int:
    """End of the symbol in `m`, with parentheticals and suffix letters it may not have."""
    end = m.end()
    paren = m.group("paren")
    if paren is not None:
        inner = m.group("inner")
        core = fold_homoglyphs(view[m.start() : m.start("paren")])
        is_res = "/RES/" in core
        if inner[0].isdigit():
            keep = is_res and core.startswith("S/")
        elif inner.startswith(("Part", "Vol")):
            keep = True
        else:
            keep = is_res
        if not keep:
            end = m.start("paren")
    # A Cyrillic capital after a space is a Russian word ("В докладе"), unless a
    # parenthetical follows it ("217 А (III)").
    if end == m.end() and paren is not None:
        return end
    tail = _CYRILLIC_SUFFIX.search(text, m.start(), end)
    if tail is not None:
        end = tail.start()
    return end


def _companions(
    view: str, start: int, hi: int, base: str
) -> tuple[list[tuple[int, int, str]], int]:
    """`A/62/439 and Add.1-6`, `E/1993/23 and Corr.2, 4 and 5`: symbols after a symbol."""
    m = _COMPANION.match(view, start, hi)
    if m is None:
        return [], start
    kind = fold_homoglyphs(m.group("kind"))
    parts = base.split(" (", maxsplit=1)[0].split("/")
    # "A/61/443/Add.2 and Corr.1" is the corrigendum to Add.2; "…/Add.2 and Add.3" replaces it.
    for i, part in enumerate(parts):
        if part.startswith(kind + "."):
            parts = parts[:i]
            break
    stem = "/".join(parts)
    found = [(m.start("kind"), m.end("n"), f"{stem}/{kind}.{m.group('n')}")]
    for extra in _MORE_NUMBER.finditer(view, m.start("more"), m.end("more")):
        found.append((extra.start(), extra.end(), f"{stem}/{kind}.{extra.group()}"))
    return found, m.end()


def find_symbols(text: str) -> list[tuple[int, int, str]]:
    """Every UN document symbol in `text`: `(start, end, normalised)`, in text order.

    Joint symbols (`E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`) give two entries; companions in
    running text (`A/62/439 and Add.1-6`) give an entry for the companion, with its full
    symbol (`A/62/439/Add.1-6`) and the span of `Add.1-6`.
    """
    if "/" not in text and "／" not in text and "⁄" not in text and "∕" not in text:
        return []
    return scan_symbols(fold_width(text), text, 0, len(text))


def scan_symbols(view: str, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """`find_symbols(text[lo:hi])`, with offsets into `text`, given `view = fold_width(text)`.

    Lets a caller fold a long text once and read many regions of it. Exact when `lo` is 0 or
    `text[lo - 1]` is white space (the patterns' look-behinds then see what they see at the
    start of a string); nothing is read at or after `hi`.
    """
    found: list[tuple[int, int, str]] = []
    pos = lo
    # Every symbol has a "/" right after its root: find slashes (fast), then match from the
    # root's first letter, instead of trying the whole pattern at every character.
    while (slash := view.find("/", pos, hi)) >= 0:
        if slash == pos or view[slash - 1] not in _ROOT_LETTERS:  # "62/160": no root
            pos = slash + 1
            continue
        start = slash
        while start > pos and slash - start < _ROOT_MAX and view[start - 1] in _ROOT_LETTERS:
            start -= 1
        m = _SYMBOL.match(view, start, hi) if start < slash else None
        if m is None:
            pos = slash + 1
            continue
        end = _trim(view, text, m)
        pos = max(end, start + 1)
        if _DIGIT.search(view, start, end) is None:
            continue
        if start > lo and view[start - 1] == "-" and (not found or found[-1][1] != start - 1):
            continue  # "-E/CN.4/…" is joint only right after a symbol ("XXX-O/00" is not)
        symbol = normalise_symbol(text[start:end])
        found.append((start, end, symbol))
        more, after = _companions(view, end, hi, symbol)
        found.extend(more)
        pos = max(pos, after)
    return found


@dataclass(frozen=True, slots=True)
class SymbolParts:
    """A symbol taken apart: `A/HRC/RES/7/3` → root A, body HRC, session 7, number 3."""

    symbol: str
    root: str
    components: tuple[str, ...]
    body: Body | None
    kind: str
    session: str | None
    number: str | None
    modifiers: tuple[str, ...]


_MODIFIER: Final = re.compile(r"^(?:Add|Corr|Rev|Amend)\.[0-9]|^Summary$")
_SESSION: Final = re.compile(r"^(?:E?S-[0-9]+|[0-9]+)$")
_DOTTED: Final = re.compile(r"^(?:L|PV|SR|CRP|WP|R)\.[0-9]")
_KINDS: Final = (
    ("RES", "resolution"),
    ("DEC", "decision"),
    ("PRST", "presidential-statement"),
    ("L.", "draft"),
    ("PV.", "verbatim-record"),
    ("SR.", "summary-record"),
    ("CRP.", "conference-room-paper"),
    ("WP.", "working-paper"),
    ("INF", "information"),
)


def _body_of(root: str, series: tuple[str, ...]) -> Body | None:
    if root == "A":
        return Body.HUMAN_RIGHTS_COUNCIL if series[:1] == ("HRC",) else Body.GENERAL_ASSEMBLY
    if root == "S":
        return Body.SECURITY_COUNCIL
    if root == "E":
        if series[:2] == ("CN.4", "Sub.2"):
            return Body.SUB_COMMISSION
        if series[:1] == ("CN.4",):
            return Body.COMMISSION_ON_HUMAN_RIGHTS
        return Body.ECONOMIC_AND_SOCIAL_COUNCIL
    return None


def parse_symbol(symbol: str) -> SymbolParts:
    """Decode a symbol (normalised first): root, body, kind, session, number, modifiers.

    A guess from the grammar, not a registry look-up: `A/63/53` is a General Assembly
    document of the 63rd session numbered 53; `S/RES/1325 (2000)` a Security Council
    resolution numbered 1325 of 2000. Raises `ValueError` for text that is not a symbol.
    """
    norm = normalise_symbol(symbol)
    core, _, paren = norm.partition(" (")
    paren = paren.rstrip(")")
    parts = core.rstrip("*").split("/")
    if len(parts) < 2 or not parts[0].isalpha() or not parts[0].isupper():
        msg = f"{symbol!r} is not a UN document symbol (expected ROOT/…, e.g. A/63/53)"
        raise ValueError(msg)
    root, comps = parts[0], tuple(parts[1:])
    modifiers = tuple(c for c in comps if _MODIFIER.match(c))
    main = tuple(c for c in comps if not _MODIFIER.match(c))
    series = tuple(c for c in main if not c[:1].isdigit() and not _SESSION.match(c))
    kind = "document"
    for key, name in _KINDS:
        if any(c == key or (key.endswith(".") and c.startswith(key)) for c in series):
            kind = name
            break
    numbers = [c for c in main if _SESSION.match(c) or c[:1].isdigit()]
    session: str | None = None
    number: str | None = None
    dotted = main[-1].split(".", 1) if main and _DOTTED.match(main[-1]) else None
    if dotted is not None:  # A/C.3/66/L.32: session 66, draft 32
        session, number = (numbers[-1] if numbers else None), dotted[1]
    elif len(numbers) >= 2:
        session, number = numbers[-2], numbers[-1]
    elif numbers:
        number = numbers[0]
        session = paren if paren and not paren.startswith(("Part", "Vol")) else None
    body_series = tuple(c for c in series if c not in ("RES", "DEC", "PRST"))
    return SymbolParts(
        symbol=norm,
        root=root,
        components=comps,
        body=_body_of(root, body_series),
        kind=kind,
        session=session,
        number=number,
        modifiers=modifiers,
    )
