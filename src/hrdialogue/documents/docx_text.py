"""A DOCX document's text, read with python-docx after `ooxml.check_docx_package` has checked
the package (zip bombs, entities, macros, outside resources). Paragraphs and tables in order;
a paragraph Word numbers itself starts with its number, as if typed ("1.", "(a)", "(أ)",
"（一）"); footnotes are appended after `FOOTNOTE_RULE`, one a line with its number, and the
number is written where each is referenced: the layout of a UN PDF's footnote block, so the
parser treats both alike. C1 controls (which XML allows) become U+FFFD, counted in the notes.
`source.read_document` calls `read_docx` when the bytes are a ZIP archive holding
`word/document.xml`."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from lxml import etree

from hrdialogue.documents.controls import UNMAPPED
from hrdialogue.documents.errors import EmptyInput, NotText, one_line
from hrdialogue.documents.ooxml import ZIP_ERRORS, check_docx_package, parse_xml

__all__ = ["FOOTNOTE_RULE", "is_docx", "read_docx"]

FOOTNOTE_RULE: Final = "_______________"
"""The line a DOCX document's footnotes are appended after, as in text from a UN PDF."""

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (OSError, ValueError, *ZIP_ERRORS):
        return False


def read_docx(data: bytes, name: str | None) -> tuple[str, tuple[str, ...]]:
    check_docx_package(data, name=name)
    import docx  # noqa: PLC0415  (imported when a DOCX comes, as pypdf is)
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, *ZIP_ERRORS) as error:
        # XMLSyntaxError: a part that is not well-formed, or holds a character XML forbids
        # (`&#0;`, a lone surrogate): no NUL or surrogate ever comes out of a DOCX
        msg = f"the DOCX document is damaged and cannot be read ({type(error).__name__}: {error})"
        raise NotText(one_line(msg), source=name) from None
    footnote_numbers: dict[str, int] = {}
    numbering = _Numbering(document.part)
    lines = list(_block_lines(document.element.body, footnote_numbers, numbering))
    notes = _footnote_texts(document.part, footnote_numbers)
    if notes:
        lines.append(FOOTNOTE_RULE)
        lines.extend(f"{number} {text}" for number, text in notes)
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyInput("the DOCX document holds no text", source=name)
    if UNMAPPED.search(text) is None:
        return text, ()
    # XML forbids C0 controls and surrogates, not C1 controls (`&#x85;`): shown as in a PDF
    text, count = UNMAPPED.subn("\ufffd", text)
    noun, verb = ("character", "is a") if count == 1 else ("characters", "are")
    return text, (f"{count:,} {noun} of the DOCX document {verb} control {noun}, shown as U+FFFD",)


def _block_lines(
    container: Any, footnotes: dict[str, int], numbering: _Numbering | None = None
) -> Iterator[str]:
    """One line per paragraph of a body, table cell or content control, in reading order.

    A paragraph Word numbers itself (a list style, `w:numPr`) starts with its number as Word
    shows it ("1.", "(a)") and the tab after it, as if typed.
    """
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            label = numbering.label(child) if numbering is not None else ""
            yield label + _paragraph_text(child, footnotes)
        elif tag in {f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt", f"{_W}sdtContent"}:
            yield from _block_lines(child, footnotes, numbering)


_SKIPPED: Final = frozenset(
    {f"{_W}{t}" for t in ("del", "moveFrom", "instrText", "delInstrText", "pPr", "rPr")}
    | {_MC_FALLBACK}
)


def _paragraph_text(paragraph: Any, footnotes: dict[str, int]) -> str:
    """A paragraph's text with a footnote reference written as its number (`года1,`)."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in {f"{_W}br", f"{_W}cr"}:
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{_W}footnoteReference":
                ident = child.get(f"{_W}id")
                if ident is not None:
                    number = footnotes.setdefault(ident, len(footnotes) + 1)
                    parts.append(str(number))
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _related_xml(part: Any, reltype: str) -> Any | None:
    """The root element of the part related to `part` by `reltype`, parsed without entities."""
    target = next((rel.target_part for rel in part.rels.values() if rel.reltype == reltype), None)
    if target is None:
        return None
    return parse_xml(target.blob)


_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_ABJAD: Final = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_CHINESE_DIGITS: Final = "〇一二三四五六七八九"
_ROMAN: Final = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass
class _Level:
    start: int
    fmt: str
    text: str
    suffix: str


class _Numbering:
    """Word's automatic paragraph numbers: the label each numbered paragraph shows."""

    def __init__(self, part: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}  # numId → level → definition
        self._abstract: dict[str, str] = {}  # numId → abstractNumId (counters are shared)
        self._counts: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str, int]] = {}
        root = _related_xml(part, _REL + "numbering")
        if root is None:
            return
        abstract = {
            a.get(f"{_W}abstractNumId"): _levels(a) for a in root.iterchildren(f"{_W}abstractNum")
        }
        for num in root.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None and ref.get(f"{_W}val") in abstract:
                num_id = num.get(f"{_W}numId", "")
                self._abstract[num_id] = ref.get(f"{_W}val", "")
                self._levels[num_id] = abstract[ref.get(f"{_W}val")]
        styles = _related_xml(part, _REL + "styles")
        if styles is not None:
            self._style_num = _style_numbering(styles)

    def label(self, paragraph: Any) -> str:
        num_id, level = self._numbering_of(paragraph)
        levels = self._levels.get(num_id or "")
        if num_id is None or levels is None or level not in levels:
            return ""
        counts = self._counts.setdefault(self._abstract[num_id], {})
        counts[level] = counts[level] + 1 if level in counts else levels[level].start
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        definition = levels[level]
        if definition.fmt in {"bullet", "none"}:
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at)
            if shown is None:
                return ""
            return _format_number(counts.get(at, shown.start), shown.fmt)

        return re.sub(r"%(\d)", number, definition.text) + definition.suffix

    def _numbering_of(self, paragraph: Any) -> tuple[str | None, int]:
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        num_id, level = self._style_num.get(
            style.get(f"{_W}val", "") if style is not None else "", (None, 0)
        )
        if num_pr is not None:
            ilvl = num_pr.find(f"{_W}ilvl")
            ident = num_pr.find(f"{_W}numId")
            if ident is not None:
                num_id = ident.get(f"{_W}val")
            if ilvl is not None:
                level = _whole(ilvl.get(f"{_W}val"), 0)
        return (None if num_id == "0" else num_id), level


def _levels(abstract: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in abstract.iterchildren(f"{_W}lvl"):

        def val(tag: str, default: str, lvl: Any = lvl) -> str:
            found = lvl.find(f"{_W}{tag}")
            return default if found is None else found.get(f"{_W}val", default)

        level = _whole(lvl.get(f"{_W}ilvl", "0"), -1)
        if level < 0:
            continue  # a level Word could not number either: its paragraphs get no label
        suffix = {"tab": "\t", "space": " ", "nothing": ""}.get(val("suff", "tab"), "\t")
        levels[level] = _Level(
            _whole(val("start", "1"), 1),
            val("numFmt", "decimal"),
            val("lvlText", "")[:_MOST_LEVEL_TEXT],
            suffix,
        )
    return levels


_MOST_LEVEL_TEXT: Final = 100
"""A level's text ("%1.", "(%2)") is cut here: it is written before every paragraph."""


def _whole(value: str | None, default: int) -> int:
    """`value` as a number of at most 5 ASCII digits (Word's levels are 0-8, starts under
    32 768), else `default`: a malformed attribute never makes a document unreadable."""
    if value is not None and _DIGITS.fullmatch(value):
        return int(value)
    return default


_DIGITS: Final = re.compile(r"[0-9]{1,5}")


def _style_numbering(styles: Any) -> dict[str, tuple[str, int]]:
    """Paragraph style id → (numId, level) for styles that number, following `basedOn`."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(f"{_W}style"):
        ident = style.get(f"{_W}styleId", "")
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num = num_pr.find(f"{_W}numId")
            ilvl = num_pr.find(f"{_W}ilvl")
            own[ident] = (
                None if num is None else num.get(f"{_W}val"),
                None if ilvl is None else _whole(ilvl.get(f"{_W}val"), 0),
            )
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[ident] = parent.get(f"{_W}val", "")
    result: dict[str, tuple[str, int]] = {}
    for ident in set(own) | set(based):
        num_id: str | None = None
        level: int | None = None
        seen: set[str] = set()
        current: str | None = ident
        while current is not None and current not in seen:
            seen.add(current)
            mine = own.get(current, (None, None))
            num_id = num_id if num_id is not None else mine[0]
            level = level if level is not None else mine[1]
            current = based.get(current)
        if num_id is not None:
            result[ident] = (num_id, level or 0)
    return result


_MOST_LETTERED: Final = 26 * 30
"""Letters repeat past z (aa, bb…); past 30 repeats a number is written in digits."""


def _format_number(n: int, fmt: str) -> str:
    """`n` as Word shows it in a list of format `fmt` (decimal for formats not known here)."""
    if fmt in {"lowerLetter", "upperLetter"} and 0 < n <= _MOST_LETTERED:
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in {"lowerRoman", "upperRoman"} and 0 < n < 4000:
        roman = ""
        for value, digits in _ROMAN:
            while n >= value:
                roman, n = roman + digits, n - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in {"arabicAbjad", "arabicAlpha"} and 0 < n <= len(_ABJAD):
        return _ABJAD[n - 1]
    if fmt.startswith(("chineseCounting", "ideograph", "taiwaneseCounting")) and 0 < n < 100:
        tens, units = divmod(n, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
        return head + (_CHINESE_DIGITS[units] if units else "") if n >= 10 else _CHINESE_DIGITS[n]
    return str(n)


def _footnote_texts(part: Any, numbers: dict[str, int]) -> list[tuple[int, str]]:
    """The texts of the footnotes referenced in the body, by their number, in order."""
    if not numbers:
        return []
    root = _related_xml(part, _REL + "footnotes")
    if root is None:
        return []
    notes: list[tuple[int, str]] = []
    for note in root.iterchildren(f"{_W}footnote"):
        number = numbers.get(note.get(f"{_W}id", ""))
        if number is None:
            continue
        lines = (line.strip().replace("\n", " ") for line in _block_lines(note, {}))
        text = " ".join(line for line in lines if line)
        notes.append((number, text))
    notes.sort()
    return notes
