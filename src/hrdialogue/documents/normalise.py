"""Span-mapped normalisation: text → clean text with, for every clean character, its source range.

`normalise_text_map` does the character normalisation of `clean.clean_document`: NFKC (except
`№`, `ª`, `º`, which carry meaning), soft hyphens and invisible format characters dropped,
every run of white space (line breaks included) made one space, and a hyphen at a line end kept
with the line break dropped ("государствами-\\nчленами" → "государствами-членами").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hrdialogue.documents.model import Span

__all__ = ["CleanText", "normalise_text_map"]

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
        # `(source_range(start)[0], source_range(end - 1)[1])`, inlined: it is called for
        # every paragraph, reference, footnote and mandate.
        clean = self.pieces_clean
        k = bisect_right(clean, start) - 1
        first = (
            self.pieces_start[k] + start - clean[k] if self.pieces_copy[k] else self.pieces_start[k]
        )
        k = bisect_right(clean, end - 1) - 1
        last = self.pieces_start[k] + end - clean[k] if self.pieces_copy[k] else self.pieces_end[k]
        return (first, last)

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
    return re.compile(rf"{_WS}|{_DROPPED}|{nfkc}")


_LINE_FEED = re.compile("\n")
_END = re.Match.end


class _Builder:
    """Accumulates clean text and its piece table.

    The flat fast path (`_emit_flat`) writes a space that starts a line as a line feed (none
    is left in clean text otherwise; it notes a blank line's by itself): `build` reads those
    line starts off the joined text and makes them spaces.
    """

    __slots__ = (
        "blank",
        "copy_",
        "ends",
        "last",
        "length",
        "lines",
        "marked",
        "parts",
        "pclean",
        "starts",
    )

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
        self.marked = False

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

    def build(self, source_end: int) -> CleanText:
        text = "".join(self.parts)
        lines, blank = self.lines, self.blank
        if self.marked:  # (and the line starts `_emit_flat` adds one by one may repeat)
            marks: list[int] = []  # (the offsets after the marks: rising, none twice)
            if "\n" in text:
                # the line starts are the ends of the marks (one C-level map over the scan), and
                # the marks are made spaces
                marks = list(map(_END, _LINE_FEED.finditer(text)))
                text = text.replace("\n", " ")
            lines = sorted({*lines, *marks}) if lines else marks
            blank = sorted(set(blank))
        return CleanText(
            text,
            self.pclean,
            self.starts,
            self.ends,
            self.copy_,
            source_end,
            tuple(lines),
            tuple(blank),
        )


# The plain normaliser (text that NFKC leaves alone) finds what it changes in two scans, each
# led by a character class or a literal so that the regex engine skips ahead in C: white space
# other than a plain space (with the plain spaces before it), soft hyphens and invisible
# characters; then runs of plain spaces alone.
_OTHER_SPACE = "".join(
    re.escape(chr(cp)) for cp in range(0x10000) if chr(cp).isspace() and cp != 0x20
)
_RARE = re.compile(
    rf"[{_OTHER_SPACE}\u00ad{_INVISIBLE}](?:(?<=[{_OTHER_SPACE}\u00ad])\s*|[{_INVISIBLE}]*)"
)
_SPACES = re.compile(r"  ++(?!\s)")
# The flat fast path (`_emit_flat`): runs of two or more spaces (line feeds made spaces), led
# by a two-space literal; a lone line feed after a hyphen, led by the line feed.
_RUN = re.compile("   *")
_HYPHEN_BREAK = re.compile("\n(?<=[-\u2010\u2011]\n)(?![ \n])")
# ASCII's printable characters, as bytes (see `_flat`).
_ASCII_PRINTABLE = bytes(range(0x20, 0x7F))


def _printable(text: str) -> bool:
    """`text.isprintable()`; for ASCII, one delete-translate of its bytes (a few times faster)."""
    if text.isascii():
        return not text.encode().translate(None, _ASCII_PRINTABLE)
    return text.isprintable()


def _has_hyphen_feed(source: str) -> bool:
    return "-\n" in source or "\u2010\n" in source or "\u2011\n" in source


_DROP = frozenset("\u00ad") | frozenset(
    chr(cp) for cp in range(0x10000) if re.fullmatch(f"[{_INVISIBLE}]", chr(cp))
)
# The normaliser for text that NFKC changes: the same, and NFKC runs (see `_normaliser`).
_WS = r"(?P<ws>[^\S ]\s*| \s+)"
_DROPPED = rf"(?P<drop>\u00ad\s*|[{_INVISIBLE}]+)"

Change = tuple[int, int, str]
"""`(start, end, kind)`: a run the normaliser changes; kind `ws`, `drop` or `nf`."""


def _needs_nfkc(text: str) -> bool:
    for ch in _KEEP:
        if ch in text:
            text = text.replace(ch, "N")
    return not unicodedata.is_normalized("NFKC", text)


def _plain_changes(source: str, start: int, end: int) -> list[Change]:
    """The runs `_WS` and `_DROPPED` match in `source[start:end]`, by two fast scans."""
    changes: list[Change] = []
    append = changes.append
    low = start
    for m in _RARE.finditer(source, start, end):
        ms, me = m.span()
        if source[ms] in _DROP:
            append((ms, me, "drop"))
        else:
            while ms > low and source[ms - 1] == " ":
                ms -= 1
            append((ms, me, "ws"))
        low = me
    if source.find("  ", start, end) < 0:
        return changes
    spaces = [(m.start(), m.end(), "ws") for m in _SPACES.finditer(source, start, end)]
    if not spaces:
        return changes
    merged: list[Change] = []
    for change in sorted(changes + spaces):
        if not merged or change[0] >= merged[-1][1]:
            merged.append(change)
    return merged


def _nfkc_changes(source: str, start: int, end: int) -> list[Change]:
    changes: list[Change] = []
    for m in _normaliser().finditer(source, start, end):
        ms, me = m.span()
        kind = m.lastgroup or "ws"
        if kind == "nf" and ms > start and unicodedata.combining(source[ms]):
            ms -= 1  # the base character composes with the marks after it
        changes.append((ms, me, kind))
    return changes


def _emit(
    builder: _Builder, source: str, start: int, end: int, nfkc: bool, *, flat: _Flat | None
) -> None:
    """Normalise `source[start:end]` into `builder` (see `normalise_text_map`).

    The loop runs once a change (a run of white space, a dropped character, an NFKC run), with
    the builder's lists held in locals; a run of one white-space character made one space
    extends the copy piece before it, so that a line-per-line text keeps few pieces. Plain
    text goes to `_emit_flat` instead, with `flat` (found for all ranges) or by itself.
    """
    if builder.last == " ":
        while start < end and source[start] == " ":
            start += 1
    if start < end and not nfkc and (flat is not None or (flat := _flat(source, start, end))):
        _emit_flat(builder, source, start, end, flat)
        return
    last = builder.last
    parts, pclean, starts, ends, copies = (
        builder.parts,
        builder.pclean,
        builder.starts,
        builder.ends,
        builder.copy_,
    )
    lines, blank = builder.lines, builder.blank
    length = builder.length
    pos = start
    for change_start, me, kind in (_nfkc_changes if nfkc else _plain_changes)(source, start, end):
        ms = max(change_start, pos)  # a combining mark's base character may be copied already
        if ms > pos:
            parts.append(source[pos:ms])
            if copies and copies[-1] and ends[-1] == pos:
                ends[-1] = ms
            else:
                pclean.append(length)
                starts.append(pos)
                ends.append(ms)
                copies.append(True)
            length += ms - pos
            last = source[ms - 1]
        pos = me
        if kind == "ws":
            run = source[ms:me]
            newlines = run.count("\n")
            if (not newlines and not run.isascii()) or "\r" in run:
                newlines = sum(1 for ch in run if ch in _NEWLINES) - run.count("\r\n")
            joined = newlines and last in _HYPHENS and me < end and source[me].isalnum()
            if last != " " and not joined:
                parts.append(" ")
                if me - ms == 1 and copies and copies[-1] and ends[-1] == ms:
                    ends[-1] = me
                else:
                    pclean.append(length)
                    starts.append(ms)
                    ends.append(me)
                    copies.append(me - ms == 1)
                length += 1
                last = " "
            if newlines:
                if not lines or lines[-1] != length:
                    lines.append(length)
                if newlines > 1 and (not blank or blank[-1] != length):
                    blank.append(length)
        elif kind == "nf":
            builder.length, builder.last = length, last
            _emit_nfkc(builder, source, ms, me)
            length, last = builder.length, builder.last
    builder.length, builder.last = length, last
    if pos < end:
        builder.copy(source, pos, end)


_Flat = tuple[list[tuple[int, int]], list[int]]
"""What `_emit_flat` needs of plain text: its runs of two or more white-space characters, and
its lone line feeds after a hyphen, as source offsets."""


def _flat(source: str, start: int, end: int) -> _Flat | None:
    """The runs and breaks of `source[start:end]`, or None unless its only white space is
    spaces and line feeds and it has nothing to drop (with line feeds made spaces, it is
    printable: every other white-space character, the soft hyphen and every invisible format
    character is not)."""
    flat = source[start:end].replace("\n", " ")
    if not _printable(flat):
        return None
    if start:
        runs = [(m.start() + start, m.end() + start) for m in _RUN.finditer(flat)]
    else:
        runs = [m.span() for m in _RUN.finditer(flat)]
    # (a hyphen before a line feed is rare: three literal searches spare a regex attempt at
    # every line feed)
    if source.find("\n", start, end) < 0 or not _has_hyphen_feed(source):
        return runs, []
    return runs, [m.start() for m in _HYPHEN_BREAK.finditer(source, start, end)]


def _emit_flat(builder: _Builder, source: str, start: int, end: int, flat: _Flat) -> None:
    """`_emit` for plain text, whose runs and breaks `flat` holds (for a span around
    `start:end`).

    A lone line feed (between two non-space characters, not after a hyphen) is one space that
    extends the copy piece before it, so the text between the other changes is copied in bulk,
    its line feeds kept as marks of line starts (see `_Builder`). Only the runs of two or more
    white-space characters (cut to `start:end`), a lone line feed after a hyphen and one at
    `start` (where `last` comes from before) go through the loop, which takes the steps of
    `_emit`.
    """
    runs, breaks = flat
    i = bisect_left(runs, (start,))  # the first run from `start` on, or the one across it
    if i and runs[i - 1][1] > start:
        i -= 1
    changes = runs[i : bisect_left(runs, (end,))]
    if changes and (changes[0][0] < start or changes[-1][1] > end):
        # runs that go on outside `start:end`: cut, and dropped when one character is left
        cut = [(max(a, start), min(b, end)) for a, b in (changes[0], changes[-1])]
        changes = [*cut[:1], *changes[1:-1], *cut[1:]] if len(changes) > 1 else cut[:1]
        changes = [(a, b) for a, b in changes if b - a > 1]
    extra = set(breaks[bisect_left(breaks, start) : bisect_left(breaks, end)]) if breaks else set()
    if source[start] == "\n" and not (changes and changes[0][0] == start):
        extra.add(start)
    if extra:
        changes = sorted(changes + [(b, b + 1) for b in extra])
    parts, pclean, starts, ends, copies = (
        builder.parts,
        builder.pclean,
        builder.starts,
        builder.ends,
        builder.copy_,
    )
    length, last = builder.length, builder.last
    pos = start
    for ms, me in changes:
        if ms > pos:
            parts.append(source[pos:ms])
            if copies and copies[-1] and ends[-1] == pos:
                ends[-1] = ms
            else:
                pclean.append(length)
                starts.append(pos)
                ends.append(ms)
                copies.append(True)
            length += ms - pos
            last = source[ms - 1]  # not a line feed: a change starts at white space
        pos = me
        newlines = source.count("\n", ms, me)
        joined = newlines and last in _HYPHENS and me < end and source[me].isalnum()
        if last != " " and not joined:
            parts.append("\n" if newlines else " ")
            if me - ms == 1 and copies and copies[-1] and ends[-1] == ms:
                ends[-1] = me
            else:
                pclean.append(length)
                starts.append(ms)
                ends.append(me)
                copies.append(me - ms == 1)
            length += 1
            last = " "
            if newlines > 1:
                builder.blank.append(length)
        elif newlines:
            builder.lines.append(length)
            if newlines > 1:
                builder.blank.append(length)
    if pos < end:
        parts.append(source[pos:end])
        if copies and copies[-1] and ends[-1] == pos:
            ends[-1] = end
        else:
            pclean.append(length)
            starts.append(pos)
            ends.append(end)
            copies.append(True)
        length += end - pos
        last = " " if source[end - 1] == "\n" else source[end - 1]
    builder.length, builder.last, builder.marked = length, last, True


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
    ranges = list(keep) if keep is not None else [(0, len(text))]
    if len(ranges) == 1:
        # one plain range without a line break or a run of spaces (a footnote entry, mostly)
        # is its own clean text: one copy piece
        start, end = ranges[0]
        sample = text[start:end]
        if sample.isprintable() and "  " not in sample and sample and not _needs_nfkc(sample):
            return CleanText(sample, [0], [start], [end], [True], len(text))
    builder = _Builder()
    if text.isascii():  # (ASCII is NFKC's own: its ranges need not be joined to be checked)
        nfkc = False
    else:
        whole = bool(ranges) and ranges[0][0] == 0 and ranges[-1][1] == len(text)
        nfkc = _needs_nfkc(text if whole else "".join(text[a:b] for a, b in ranges))
    # plain text: its runs and breaks found once for all ranges (else range by range)
    flat = _flat(text, ranges[0][0], ranges[-1][1]) if ranges and not nfkc else None
    for start, end in ranges:
        _emit(builder, text, start, end, nfkc, flat=flat)
    return builder.build(len(text))
