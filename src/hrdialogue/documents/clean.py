"""Cleaning: text as extracted from a PDF or a UN HTML page → clean running text with a span map.

Two layers:

* `normalise_text_map` — character normalisation that keeps, for every clean character, the
  `[start, end)` range of source characters it came from: NFKC (except `№`, `ª`, `º`, which
  carry meaning), soft hyphens and invisible format characters dropped, every run of white space
  (line breaks included) made one space, and a hyphen at a line end kept with the line break
  dropped ("государствами-\\nчленами" → "государствами-членами").
* `clean_document` — the page apparatus taken out before normalising: job-number and barcode
  lines, the document's own symbol as a running header, page counters, and the footnote blocks
  and markers that `footnotes.find_footnotes` finds. A paragraph interrupted by a footnote
  block at a page break reads on as one paragraph.

Everything removed is reported: markers become `FootnoteMarker`s (with the clean offset where
they stood), entries become `FootnoteEntry`s, and what cannot be matched becomes a `CleanIssue`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from hrdialogue.documents.footnotes import CleanIssue, FootnoteMarker, find_footnotes
from hrdialogue.documents.model import Span
from hrdialogue.documents.normalise import CleanText, normalise_text_map
from hrdialogue.documents.spans import merge_spans

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
# Page apparatus; footnotes are found by `footnotes.find_footnotes`


@dataclass(frozen=True, slots=True)
class FootnoteEntry:
    """One numbered entry of a footnote block: `1 A/CONF.157/24 (Part I), глава III.`"""

    marker: str
    number: int | None
    text: CleanText
    span: Span


@dataclass(frozen=True, slots=True)
class CleanDocument:
    body: CleanText
    entries: tuple[FootnoteEntry, ...]
    markers: tuple[FootnoteMarker, ...]
    issues: tuple[CleanIssue, ...] = field(default=())


_JOB = r"\d\d-\d{5}[ \t]*\([A-Z]\)(?:[ \t]*\d{6}){0,2}"
_BARCODE = r"\*\d{7}\*"
_ARTEFACT = (
    rf"[ \t]*(?:{_JOB}(?:[ \t]*{_BARCODE})?|{_BARCODE}|GE\.\S[^\n]{{0,60}}|[A-Z]\d{{7}})[ \t|]*\r?"
)
_PAGE_COUNTER = r"[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}[ \t]*\r?"
# Job numbers and barcodes inside a line. A job number is found from its "(E)", a literal in
# front, so that the engine skips ahead in C (a class of digits in front would be tried at every
# character); a barcode opens with a literal "*". A barcode inside a job's span is merged into it.
_INLINE_JOB = re.compile(rf"{_JOB}(?:[ \t]*{_BARCODE})?")
_JOB_LANGUAGE = re.compile(r"\([A-Z]\)")
_INLINE_BARCODE = re.compile(_BARCODE)


@functools.lru_cache(maxsize=256)  # keyed on a document's own symbols: bounded for a server
def _line_patterns(
    symbols: tuple[str, ...],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    """Whole lines of page apparatus, given the document's own symbols (longest first).

    One pattern at the start of the text and one after a line break (the break leads it, so the
    engine skips from line break to line break in C, and a look at the line's first character
    passes over most lines at once); each line is a job line, barcode or Geneva job line
    (anywhere), or (group `body`: only looked for after the body's start) a page counter or a
    running header. The third pattern is a running header after a job number.
    """
    alternatives = "|".join(map(re.escape, symbols))
    firsts = "".join(re.escape(s[0]) for s in symbols)
    body = rf"{_PAGE_COUNTER}|[ \t]*(?:{alternatives})\*?[ \t|]*\r?" if symbols else _PAGE_COUNTER
    line = rf"(?:{_ARTEFACT}|(?P<body>{body}))(?=\n|\Z)"
    after_job = re.compile(rf"[ \t]*(?:{alternatives})\*?(?=\s|$)") if symbols else None
    after_break = re.compile(rf"\n(?=[ \t]*[\d*A-Z{firsts}])({line})")
    return re.compile(line), after_break, after_job


def _inline_jobs(text: str) -> list[re.Match[str]]:
    """`_INLINE_JOB.finditer(text)`, found from the "(E)" of each job number."""
    jobs: list[re.Match[str]] = []
    taken = 0
    for m in _JOB_LANGUAGE.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        start -= 8  # "08-48327"
        if start >= taken and (job := _INLINE_JOB.match(text, start)) is not None:
            jobs.append(job)
            taken = job.end()
    return jobs


def _artefacts(text: str, body_start: int, own_symbols: Sequence[str]) -> list[Span]:
    """Job numbers, barcodes, Geneva job lines, page counters and running headers."""
    symbols = tuple(sorted((s for s in own_symbols if s), key=len, reverse=True))
    first, after_break, after_job = _line_patterns(symbols)
    # each line ends before a line break or at the end of the text: with its line break, it
    # ends one further, but not past the end
    n = len(text)
    found: list[Span] = []
    if (m := first.match(text)) is not None and (body_start == 0 or m.group("body") is None):
        found.append((0, min(m.end() + 1, n)))
    low = body_start - 1  # a page counter or header line starts at `body_start` or later
    found += [
        (m.start() + 1, min(m.end() + 1, n))  # (group 1: after the line break that leads)
        for m in after_break.finditer(text)
        if m.start() >= low or not m["body"]
    ]
    for m in [*_inline_jobs(text), *_INLINE_BARCODE.finditer(text)]:
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


def clean_document(
    text: str, *, body_start: int = 0, own_symbols: Sequence[str] = ()
) -> CleanDocument:
    """Take out the page apparatus and the footnotes; normalise the rest with a span map.

    `body_start` is the source offset where the resolution's body begins (its enacting
    formula): page counters and running headers are only looked for after it, and numeric
    footnote markers only there. `own_symbols` are the document's own symbols (its running
    header).
    """
    artefacts = merge_spans(_artefacts(text, body_start, own_symbols))
    layout = find_footnotes(text, body_start=body_start, artefacts=artefacts)
    removed = merge_spans(artefacts + list(layout.blocks) + [m.source for m in layout.markers])
    keep: list[Span] = []
    pos = 0
    for start, end in removed:
        if start > pos:
            keep.append((pos, start))
        pos = max(pos, end)
    if pos < len(text):
        keep.append((pos, len(text)))
    body = normalise_text_map(text, keep)
    entries = tuple(
        FootnoteEntry(marker, number, _entry_text(text, start, end, artefacts), (start, end))
        for marker, number, start, end in layout.entries
    )
    markers = tuple(
        FootnoteMarker(m.marker, m.number, m.source, body.clean_offset(m.source[0]), m.entry)
        for m in layout.markers
    )
    return CleanDocument(body, entries, markers, layout.issues)


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
