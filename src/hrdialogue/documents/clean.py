"""Cleaning: text as extracted from a PDF or a UN HTML page → clean running text with a span map.

Two layers:

* `normalise_text_map` — character normalisation that keeps, for every clean character, the
  `[start, end)` range of source characters it came from: NFKC (except `№`, `ª`, `º`, which
  carry meaning), soft hyphens and invisible format characters dropped, every run of white space
  (line breaks included) made one space, and a hyphen at a line end kept with the line break
  dropped ("государствами-\\nчленами" → "государствами-членами").
* `clean_document` — the page apparatus taken out before normalising: job-number and barcode
  lines, the document's own symbol as a running header, page counters, footnote blocks (after a
  line — or, in collapsed text, a run — of underscores, or old-style `1/ …` entries) and the
  footnote markers in the running text, matched against the numbered entries of the blocks.
  A paragraph interrupted by a footnote block at a page break reads on as one paragraph.

Everything removed is reported: markers become `FootnoteMarker`s (with the clean offset where
they stood), entries become `FootnoteEntry`s, and what cannot be matched becomes a `CleanIssue`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hrdialogue.documents.model import Span

__all__ = [
    "CleanDocument",
    "CleanIssue",
    "CleanText",
    "FootnoteEntry",
    "FootnoteMarker",
    "clean_document",
    "normalise_text_map",
]

# --------------------------------------------------------------------------------------------
# The span-mapped clean text


@dataclass(frozen=True, slots=True, eq=False)
class CleanText:
    """A clean string and, for each of its characters, the source range it came from.

    The map is a table of pieces: piece `k` starts at clean offset `pieces_clean[k]` and came
    from source `[pieces_start[k], pieces_end[k])`, either character for character (a copy) or
    as a whole (a replacement: one space for a run of white space, "fi" for "ﬁ"). Every clean
    character thus has a source range; several share one when a source character expands.
    `line_starts` are the clean offsets that begin a source line; `blank_breaks` those that
    follow a blank line.
    """

    text: str
    pieces_clean: Sequence[int]
    pieces_start: Sequence[int]
    pieces_end: Sequence[int]
    pieces_copy: Sequence[bool]
    source_end: int
    line_starts: tuple[int, ...] = ()
    blank_breaks: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.text)

    def _piece(self, index: int) -> int:
        return bisect_right(self.pieces_clean, index) - 1

    def source_range(self, index: int) -> Span:
        """`[start, end)` in the source of clean character `index`."""
        k = self._piece(index)
        if self.pieces_copy[k]:
            start = self.pieces_start[k] + index - self.pieces_clean[k]
            return (start, start + 1)
        return (self.pieces_start[k], self.pieces_end[k])

    def source_offset(self, index: int) -> int:
        """Source offset of clean offset `index` (the end of the last character at `len`)."""
        if index < len(self.text):
            return self.source_range(index)[0]
        return self.pieces_end[-1] if self.text else self.source_end

    def source_span(self, start: int, end: int) -> Span:
        """The `[start, end)` source span of the clean span `[start, end)`."""
        if end <= start:
            point = self.source_offset(start)
            return (point, point)
        return (self.source_range(start)[0], self.source_range(end - 1)[1])

    def clean_offset(self, source_offset: int) -> int:
        """The first clean offset whose source character starts at or after `source_offset`."""
        k = bisect_right(self.pieces_start, source_offset) - 1
        if k < 0:
            return 0
        start, end = self.pieces_start[k], self.pieces_end[k]
        clean = self.pieces_clean[k]
        if source_offset == start:
            return clean
        next_clean = self.pieces_clean[k + 1] if k + 1 < len(self.pieces_clean) else len(self.text)
        if self.pieces_copy[k] and source_offset < end:
            return clean + source_offset - start
        return next_clean

    @property
    def starts(self) -> list[int]:
        """Source start of every clean character (built on demand)."""
        return [self.source_range(i)[0] for i in range(len(self.text))]

    @property
    def ends(self) -> list[int]:
        """Source end of every clean character (built on demand)."""
        return [self.source_range(i)[1] for i in range(len(self.text))]


# Characters NFKC would change that carry meaning in UN texts and are kept as printed.
_KEEP = frozenset("№ªº")
# Invisible format characters dropped outright (zero-width, bidi marks and embeddings, BOM).
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
_NEWLINES = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_HYPHENS = frozenset("-\u2010\u2011")


@functools.cache
def _normaliser() -> re.Pattern[str]:
    """One regex for white space, dropped characters and runs that NFKC changes.

    Built on first use: the class of NFKC-unstable characters is computed from `unicodedata`
    (each character that NFKC maps to something else, and every combining mark, which may
    compose with the character before it). Characters outside the BMP are all candidates (a
    class that large would be matched range by range); each is then checked on its own.
    """
    ranges: list[tuple[int, int]] = []
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if ch in _KEEP or ch.isspace() or ch == "\u00ad":
            continue
        if 0x200B <= cp <= 0x200F or 0x202A <= cp <= 0x202E or 0x2060 <= cp <= 0x2069:
            continue
        if cp == 0xFEFF:
            continue
        if unicodedata.combining(ch) or unicodedata.normalize("NFKC", ch) != ch:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    cls = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    # A single plain space is already clean: only other runs of white space are matched.
    nfkc = rf"(?P<nf>(?:[{cls}]|[\U00010000-\U0010ffff])+)"
    return re.compile(rf"(?P<ws>[^\S ]\s*| \s+)|(?P<drop>\u00ad\s*|[{_INVISIBLE}]+)|{nfkc}")


class _Builder:
    """Accumulates clean text and its piece table."""

    __slots__ = ("blank", "copy_", "ends", "last", "length", "lines", "parts", "pclean", "starts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pclean: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.copy_: list[bool] = []
        self.lines: list[int] = []
        self.blank: list[int] = []
        self.last = ""
        self.length = 0

    def copy(self, source: str, start: int, end: int) -> None:
        if end <= start:
            return
        self.parts.append(source[start:end])
        if self.copy_ and self.copy_[-1] and self.ends[-1] == start:
            self.ends[-1] = end
        else:
            self.pclean.append(self.length)
            self.starts.append(start)
            self.ends.append(end)
            self.copy_.append(True)
        self.length += end - start
        self.last = source[end - 1]

    def replace(self, text: str, start: int, end: int) -> None:
        if not text:
            return
        self.parts.append(text)
        self.pclean.append(self.length)
        self.starts.append(start)
        self.ends.append(end)
        self.copy_.append(len(text) == 1 and end - start == 1)
        self.length += len(text)
        self.last = text[-1]

    def break_line(self, newlines: int) -> None:
        if not self.lines or self.lines[-1] != self.length:
            self.lines.append(self.length)
        if newlines > 1 and (not self.blank or self.blank[-1] != self.length):
            self.blank.append(self.length)

    def build(self, source_end: int) -> CleanText:
        return CleanText(
            "".join(self.parts),
            self.pclean,
            self.starts,
            self.ends,
            self.copy_,
            source_end,
            tuple(self.lines),
            tuple(self.blank),
        )


_PLAIN = re.compile(rf"(?P<ws>[^\S ]\s*| \s+)|(?P<drop>\u00ad\s*|[{_INVISIBLE}]+)")


def _needs_nfkc(text: str) -> bool:
    for ch in _KEEP:
        if ch in text:
            text = text.replace(ch, "N")
    return not unicodedata.is_normalized("NFKC", text)


def _emit(builder: _Builder, source: str, start: int, end: int, pattern: re.Pattern[str]) -> None:
    """Normalise `source[start:end]` into `builder` (see `normalise_text_map`)."""
    if builder.last == " ":
        while start < end and source[start] == " ":
            start += 1
    pos = start
    for m in pattern.finditer(source, start, end):
        ms, me = m.span()
        kind = m.lastgroup
        if kind == "nf" and ms > pos and unicodedata.combining(source[ms]):
            ms -= 1  # the base character composes with the marks after it
        if ms > pos:
            builder.copy(source, pos, ms)
        pos = me
        if kind == "ws":
            run = m.group()
            newlines = run.count("\n")
            if (not newlines and not run.isascii()) or "\r" in run:
                newlines = sum(1 for ch in run if ch in _NEWLINES) - run.count("\r\n")
            joined = newlines and builder.last in _HYPHENS and me < end and source[me].isalnum()
            if builder.last != " " and not joined:
                builder.replace(" ", ms, me)
            if newlines:
                builder.break_line(newlines)
        elif kind == "nf":
            _emit_nfkc(builder, source, ms, me)
    if pos < end:
        builder.copy(source, pos, end)


def _emit_nfkc(builder: _Builder, source: str, start: int, end: int) -> None:
    """NFKC one run, cluster by cluster (a starter and the combining marks after it)."""
    cluster_start = start
    for i in range(start + 1, end + 1):
        if i < end and unicodedata.combining(source[i]):
            continue
        cluster = source[cluster_start:i]
        normal = unicodedata.normalize("NFKC", cluster)
        if normal == cluster:
            builder.copy(source, cluster_start, i)
        else:
            builder.replace(normal, cluster_start, i)
        cluster_start = i


def normalise_text_map(text: str, keep: Iterable[tuple[int, int]] | None = None) -> CleanText:
    """Normalise `text` (only the `keep` ranges of it, when given) with a span map.

    The normalisation is local: for a clean span whose ends do not fall inside one source
    character's expansion, normalising the source slice it maps to gives that span back.
    """
    builder = _Builder()
    ranges = list(keep) if keep is not None else [(0, len(text))]
    whole = bool(ranges) and ranges[0][0] == 0 and ranges[-1][1] == len(text)
    sample = text if whole else "".join(text[a:b] for a, b in ranges)
    pattern = _normaliser() if _needs_nfkc(sample) else _PLAIN
    for start, end in ranges:
        _emit(builder, text, start, end, pattern)
    return builder.build(len(text))


# --------------------------------------------------------------------------------------------
# Page apparatus and footnotes


@dataclass(frozen=True, slots=True)
class FootnoteEntry:
    """One numbered entry of a footnote block: `1 A/CONF.157/24 (Part I), глава III.`"""

    marker: str
    number: int | None
    text: CleanText
    span: Span


@dataclass(frozen=True, slots=True)
class FootnoteMarker:
    """A footnote marker taken out of the running text."""

    marker: str
    number: int | None
    source: Span
    offset: int = 0
    """Clean offset in `CleanDocument.body` where the marker stood."""
    entry: int | None = None
    """Index of its entry in `CleanDocument.entries`; None when the entry is not in the text."""


@dataclass(frozen=True, slots=True)
class CleanIssue:
    """Something cleaning could not place: an entry without marker, a marker without entry."""

    code: str
    message: str
    offset: int


@dataclass(frozen=True, slots=True)
class CleanDocument:
    body: CleanText
    entries: tuple[FootnoteEntry, ...]
    markers: tuple[FootnoteMarker, ...]
    issues: tuple[CleanIssue, ...] = field(default=())


_JOB = r"\d{2}-\d{5}[ \t]*\([A-Z]\)(?:[ \t]*\d{6}){0,2}"
_BARCODE = r"\*\d{7}\*"
_ARTEFACT_LINE = re.compile(
    rf"(?m)^[ \t]*(?:{_JOB}(?:[ \t]*{_BARCODE})?|{_BARCODE}|GE\.\S[^\n]{{0,60}}|[A-Z]\d{{7}})"
    r"[ \t|]*\r?$\n?"
)
_PAGE_COUNTER = re.compile(r"(?m)^[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*\r?$\n?")
_INLINE_JOB = re.compile(rf"(?:{_JOB}(?:[ \t]*{_BARCODE})?|{_BARCODE})")
_SEPARATOR = re.compile(r"_{5,}")
_OLD_ENTRY_LINE = re.compile(r"(?m)^[ \t]*\d{1,3}/[ \t]+\S")
_LINE = re.compile(r"[^\n]*\n?")
_ENTRY_START = re.compile(r"[ \t]*(\*{1,3}|\d{1,3}/?)(?:[ \t]+(?=\S)|[ \t]*\r?\n?$)")
_INLINE_ENTRY = re.compile(r"(?<!\S)(\*{1,3}|\d{1,3}/?)(?=\s)")
_ENTRY_END = re.compile(r"[.。](?:[\"'”»)]*)\s*$")
# Words that open the text of a footnote even when its number is missing.
_ENTRY_WORDS = re.compile(
    r"[ \t]*(?:See\b|Ibid\b|Official Records|Voir\b|Documents officiels|Véase\b|Documentos "
    r"Oficiales|См\.|Официальные отчеты|Там же|انظر|الوثائق الرسمية|见|同上|[A-Z]{1,2}/)"
)

# Footnote marker candidates: every run of digits is looked at in its context (see `_candidates`).
_DIGITS = re.compile(r"\d+")
_STARS = re.compile(r"(?<=[^\s*])\*{1,3}(?=[\s,.;:])")
_GLUED_AFTER = frozenset(" \t\n\r\u00a0,.;:،؛)]")
_SPACES = frozenset(" \t\u00a0")
_SPACED_END = re.compile(r"(?:/(?=[\s,.;:])|[ \t]*[,;:،؛]|[ \t]*\.(?!\w)|\s+[^\W\d_])")
_LOWER_NEXT = re.compile(r"[ \t]+[a-zà-öø-ÿа-яё]")
_STRONG, _MEDIUM = 3, 2
# A number preceded by one of these words, or followed by a month, is text, not a marker.
_NUMBER_WORDS = re.compile(
    r"(?:article|articles|paragraph|paragraphs|para|paras|chap|chapter|section|sect|item|no|"
    r"nos|annex|part|rule|principle|goal|target|resolution|resolutions|decision|decisions|"
    r"session|meeting|volume|vol|page|pages|p|pp|stat\w*|стать\w*|пункт\w*|глав\w*|"
    r"раздел\w*|приложени\w*|резолюци\w*|решени\w*|сесси\w*|заседани\w*|цел\w*|"
    r"paragraphe|paragraphes|par|chapitre|résolution|résolutions|décision|décisions|séance|"
    r"artículo|artículos|párrafo|párrafos|párr|capítulo|resolución|resoluciones|decisión|"
    r"sesión|tema|objetivo|المادة|الفقرة|القرار|القرارات|المقرر|البند|الهدف|第|№)\Z"
)
_MONTHS = re.compile(
    r"\s*(?:de\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"setiembre|octubre|noviembre|diciembre|января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|"
    r"أيلول|تشرين|يناير|فبراير|مارس|أبريل|مايو|يونيه|يونيو|يوليه|يوليو|أغسطس|سبتمبر|"
    r"أكتوبر|نوفمبر|ديسمبر)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    entries: list[tuple[str, int | None, int, int]]  # marker, number, text start, text end
    orphans: list[tuple[int, int]]


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    marker: str
    number: int | None
    strength: int


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_left(ranges, (pos + 1, -1)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _artefacts(text: str, body_start: int, own_symbols: Sequence[str]) -> list[tuple[int, int]]:
    """Job numbers, barcodes, Geneva job lines, page counters and running headers."""
    found = [m.span() for m in _ARTEFACT_LINE.finditer(text)]
    found += [m.span() for m in _PAGE_COUNTER.finditer(text, body_start)]
    symbols = [s for s in own_symbols if s]
    if symbols:
        alternatives = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
        header = re.compile(rf"(?m)^[ \t]*(?:{alternatives})\*?[ \t|]*\r?$\n?")
        found += [m.span() for m in header.finditer(text, body_start)]
        after_job = re.compile(rf"[ \t]*(?:{alternatives})\*?(?=\s|$)")
    else:
        after_job = None
    for m in _INLINE_JOB.finditer(text):
        end = m.end()
        if after_job is not None:
            follow = after_job.match(text, end)
            if follow:
                end = follow.end()
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        found.append((start, end))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_block(text: str, start: int, expected: int, artefacts: list[tuple[int, int]]) -> _Block:
    """A footnote block laid out in lines, from the line at `start` (separator or entry)."""
    block = _Block(start, len(text), [], [])
    pos = start
    sep = _SEPARATOR.search(text, start, start + 200)
    if sep and not text[start : sep.start()].strip():
        newline = text.find("\n", sep.end())
        pos = len(text) if newline < 0 else newline + 1
    marker: tuple[str, int | None] | None = None
    body = (0, 0)
    complete = True
    for m in _LINE.finditer(text, pos):
        ls, le = m.span()
        if ls == le:
            break
        line = m.group()
        if not line.strip() or _inside(artefacts, ls):
            continue
        entry = _ENTRY_START.match(line)
        if entry:
            token = entry.group(1)
            number = None if token[0] == "*" else int(token.rstrip("/"))
            if number is None or marker is None or number == expected:
                if marker is not None:
                    block.entries.append((*marker, *body))
                marker = (token, number)
                if number is not None:
                    expected = number + 1
                body = _trim(text, ls + entry.end(), le)
                complete = body[0] < body[1] and bool(_ENTRY_END.search(line))
                continue
        if marker is not None and not complete:
            body = (
                body[0] if body[0] < body[1] else _trim(text, ls, le)[0],
                _trim(text, ls, le)[1],
            )
            complete = bool(_ENTRY_END.search(line))
            continue
        if _ENTRY_WORDS.match(line):
            block.orphans.append(_trim(text, ls, le))
            complete = bool(_ENTRY_END.search(line))
            continue
        block.end = ls
        break
    if marker is not None:
        block.entries.append((*marker, *body))
    return block


def _inline_block(text: str, sep_start: int, sep_end: int, expected: int, stop: int) -> _Block:
    """A footnote block inside collapsed text: from the underscores to the page artefact."""
    block = _Block(sep_start, stop, [], [])
    starts: list[tuple[str, int | None, int, int]] = []
    for m in _INLINE_ENTRY.finditer(text, sep_end, stop):
        token = m.group(1)
        number = None if token[0] == "*" else int(token.rstrip("/"))
        before = text[sep_end : m.start()].rstrip()
        first = not starts and not before
        after_stop = bool(re.search(r"[.。][\"'”»)]*$", before))
        if first or (after_stop and (number is None or number == expected)):
            starts.append((token, number, m.start(), m.end()))
            if number is not None:
                expected = number + 1
    for i, (token, number, _, after) in enumerate(starts):
        end = starts[i + 1][2] if i + 1 < len(starts) else stop
        block.entries.append((token, number, *_trim(text, after, end)))
    return block


def _blocks(text: str, body_start: int, artefacts: list[tuple[int, int]]) -> list[_Block]:
    blocks: list[_Block] = []
    expected = 1
    starts = [m.start() for m in _SEPARATOR.finditer(text)]
    starts += [m.start() for m in _OLD_ENTRY_LINE.finditer(text, body_start)]
    starts.sort()
    taken_until = -1
    for pos in starts:
        if pos < taken_until:
            continue
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        sep = _SEPARATOR.match(text, pos)
        alone = sep is not None and not (
            text[line_start:pos].strip() or text[sep.end() : line_end].strip()
        )
        if sep is None or alone:
            block = _line_block(text, line_start, expected, artefacts)
        else:
            stop = line_end
            for a, _ in artefacts:
                if sep.end() <= a < line_end:
                    stop = a
                    break
            block = _inline_block(text, pos, sep.end(), expected, stop)
        for _, number, _, _ in block.entries:
            if number is not None:
                expected = number + 1
        blocks.append(block)
        taken_until = block.end
    return blocks


def _word_before(text: str, end: int) -> str:
    """The word that ends before `end`, skipping white space and one full stop."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i > 0 and text[i - 1] == ".":
        i -= 1
    j = i
    while j > 0 and j > i - 30 and (text[j - 1].isalpha() or text[j - 1] == "№"):
        j -= 1
    return text[j:i]


def _is_year(text: str, end: int) -> bool:
    """True when the four characters before `end` are a year (1800-2099) standing alone."""
    return (
        end >= 4
        and text[end - 4 : end].isdigit()
        and text[end - 4 : end - 2] in ("18", "19", "20")
        and not (end >= 5 and text[end - 5].isdigit())
    )


def _candidate(text: str, s: int, e: int) -> _Candidate | None:
    """The footnote-marker reading of the digit run `text[s:e]`, if it has one."""
    run = text[s:e]
    n = len(text)
    before = text[s - 1] if s else ""
    after = text[e] if e < n else ""
    slash = after == "/" and not (e + 1 < n and text[e + 1].isdigit())
    if len(run) in (5, 6) and _is_year(text, s + 4):
        # "19931/" — a year with the marker glued to it
        if slash or after in (",", ".", ";", ":", ")"):
            digits = run[4:]
            end = e + 1 if slash else e
            return _Candidate(
                s + 4, end, text[s + 4 : end], int(digits), _STRONG if slash else _MEDIUM
            )
        return None
    if len(run) > 2:
        return None
    if before == "(" and after == ")" and s >= 2 and text[s - 2].isalpha():
        return _Candidate(s - 1, e + 1, text[s - 1 : e + 1], int(run), _STRONG)
    if before.isalpha():
        if slash:
            return _Candidate(s, e + 1, run + "/", int(run), _STRONG)
        if not after or after in _GLUED_AFTER:
            return _Candidate(s, e, run, int(run), _STRONG)
        return None
    if before not in _SPACES:
        return None
    h = s - 1
    while h > 0 and s - h <= 3 and text[h - 1] in _SPACES:
        h -= 1
    host = text[h - 1] if h else ""
    if _is_year(text, h):
        strength = _STRONG
    elif (
        host.isalpha() or host in (")", "]") or (host in (",", ";") and _LOWER_NEXT.match(text, e))
    ):
        strength = _MEDIUM
    else:
        return None
    if host not in (",", ";"):
        end_match = _SPACED_END.match(text, e)
        if end_match is None:
            return None
        if slash:
            strength = _STRONG
    if _NUMBER_WORDS.match(_word_before(text, h).lower()):
        return None
    if _MONTHS.match(text, e):
        return None
    end = e + 1 if slash else e
    return _Candidate(h, end, text[s:end], int(run), strength)


def _candidates(text: str, body_start: int, removed: list[tuple[int, int]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _STARS.finditer(text):
        if not _inside(removed, m.start()):
            found.append(_Candidate(m.start(), m.end(), m.group(), None, _STRONG))
    for m in _DIGITS.finditer(text, body_start):
        if _inside(removed, m.start()):
            continue
        candidate = _candidate(text, m.start(), m.end())
        if candidate is not None:
            found.append(candidate)
    found.sort(key=lambda c: c.start)
    return found


def _match_block(
    block: _Block, candidates: list[_Candidate], low: int, used: set[int]
) -> dict[int, int]:
    """Entry index → candidate index: the best-scoring ordered matching before the block."""
    eligible = [
        (i, c) for i, c in enumerate(candidates) if low <= c.start < block.start and i not in used
    ]
    # states: last position → (score, picks)
    states: dict[int, tuple[int, tuple[tuple[int, int], ...]]] = {low - 1: (0, ())}
    for e, (marker, number, _, _) in enumerate(block.entries):
        new_states = dict(states)
        for last, (score, picks) in states.items():
            for i, c in eligible:
                if c.start <= last:
                    continue
                same = c.number == number if number is not None else c.marker == marker
                if not same:
                    continue
                candidate_state = (score + c.strength, (*picks, (e, i)))
                old = new_states.get(c.start)
                if old is None or old[0] < candidate_state[0]:
                    new_states[c.start] = candidate_state
        states = new_states
    best = max(states.values(), key=lambda s: (s[0], -len(s[1])))
    return dict(best[1])


def clean_document(
    text: str, *, body_start: int = 0, own_symbols: Sequence[str] = ()
) -> CleanDocument:
    """Take out the page apparatus and the footnotes; normalise the rest with a span map.

    `body_start` is the source offset where the resolution's body begins (its enacting
    formula): page counters and running headers are only looked for after it, and numeric
    footnote markers only there. `own_symbols` are the document's own symbols (its running
    header).
    """
    artefacts = _merge(_artefacts(text, body_start, own_symbols))
    blocks = _blocks(text, body_start, artefacts)
    removed = _merge(artefacts + [(b.start, b.end) for b in blocks])
    candidates = _candidates(text, body_start, removed)

    entries: list[FootnoteEntry] = []
    issues: list[CleanIssue] = []
    taken: dict[int, int] = {}  # candidate index → entry index
    used: set[int] = set()
    low = 0
    block_numbers: set[int] = set()
    for block in blocks:
        pairs = _match_block(block, candidates, low, used)
        for e, (marker, number, start, end) in enumerate(block.entries):
            entry_index = len(entries)
            entries.append(
                FootnoteEntry(
                    marker, number, _entry_text(text, start, end, artefacts), (start, end)
                )
            )
            if number is not None:
                block_numbers.add(number)
            if e in pairs:
                taken[pairs[e]] = entry_index
                used.add(pairs[e])
            else:
                issues.append(
                    CleanIssue(
                        "unmatched-footnote",
                        f"footnote {marker} has no marker in the running text",
                        start,
                    )
                )
        for start, end in block.orphans:
            issues.append(
                CleanIssue(
                    "unmatched-footnote",
                    f"footnote text without a number: {text[start:end].strip()[:60]!r}",
                    start,
                )
            )
        low = block.end

    accepted: list[tuple[_Candidate, int | None]] = []
    last_number = 0
    for i, c in enumerate(candidates):
        if i in taken:
            accepted.append((c, taken[i]))
            if c.number is not None:
                last_number = c.number
            continue
        if c.number is None or c.number != last_number + 1 or c.number in block_numbers:
            continue
        if c.strength >= _STRONG or (c.strength >= _MEDIUM and last_number > 0):
            accepted.append((c, None))
            last_number = c.number
            issues.append(
                CleanIssue(
                    "unmatched-footnote-marker",
                    f"footnote marker {c.marker} has no footnote text in the document",
                    c.start,
                )
            )

    removed = _merge(removed + [(c.start, c.end) for c, _ in accepted])
    keep: list[tuple[int, int]] = []
    pos = 0
    for start, end in removed:
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        keep.append((pos, len(text)))
    body = normalise_text_map(text, keep)
    markers = tuple(
        FootnoteMarker(c.marker, c.number, (c.start, c.end), body.clean_offset(c.start), entry)
        for c, entry in accepted
    )
    return CleanDocument(body, tuple(entries), markers, tuple(issues))


def _entry_text(text: str, start: int, end: int, artefacts: list[tuple[int, int]]) -> CleanText:
    keep: list[tuple[int, int]] = []
    pos = start
    for a, b in artefacts:
        if b <= start or a >= end:
            continue
        if a > pos:
            keep.append((pos, a))
        pos = max(pos, b)
    if pos < end:
        keep.append((pos, end))
    return normalise_text_map(text, keep)
