"""Footnotes in text as extracted from a PDF or a UN HTML page: blocks, entries and markers.

A footnote block follows a line — or, in collapsed text, a run — of underscores, or is a run of
old-style `1/ …` entries; its numbered entries are read line by line (or, collapsed, from
sentence end to sentence end). Markers are looked for in the running text: every run of digits
(and `*`) is read in its context — glued to a word ("1993 года1,"), spaced after a year or a
word ("2000 года 2  и"), `(1)` after a word, `1/` — and numbers that belong to the text
("в пункте 3 статьи 1", "18 декабря") are left alone. Entries are then matched to markers in
order, best score first; what cannot be matched becomes a `CleanIssue`.

Everything here works on source offsets; `clean.clean_document` takes the blocks and markers
out of the running text and normalises what is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrdialogue.documents.dates import MONTH_NAMES
from hrdialogue.documents.model import Span
from hrdialogue.documents.spans import merge_spans, span_contains, trim_span

__all__ = ["CleanIssue", "FootnoteLayout", "FootnoteMarker", "find_footnotes"]


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
class FootnoteLayout:
    """The footnotes of a source text, in source offsets."""

    blocks: tuple[Span, ...]
    """Source ranges of the footnote blocks (separator and entries)."""
    entries: tuple[tuple[str, int | None, int, int], ...]
    """`(marker, number, text start, text end)` of each entry, in order."""
    markers: tuple[FootnoteMarker, ...]
    """Markers found in the running text (`offset` not yet known: 0)."""
    issues: tuple[CleanIssue, ...]


_SEPARATOR = re.compile(r"_____+")  # a literal in front: the engine skips ahead in C
_OLD_ENTRY = r"[ \t]*\d{1,3}/[ \t]+\S"
# A line that opens with an old-style entry: the first line, or a line break and the entry.
_OLD_ENTRY_FIRST = re.compile(_OLD_ENTRY)
_OLD_ENTRY_LINE = re.compile(rf"\n({_OLD_ENTRY})")
_LINE = re.compile(r"[^\n]*\n?")
_ENTRY_START = re.compile(r"[ \t]*(\*{1,3}|\d{1,3}/?)(?:[ \t]+(?=\S)|[ \t]*\r?\n?$)")
_INLINE_ENTRY = re.compile(r"(?<!\S)(\*{1,3}|\d{1,3}/?)(?=\s)")
_CLOSERS = "\"'”»)"
# Words that open the text of a footnote even when its number is missing.
_ENTRY_WORDS = re.compile(
    r"[ \t]*(?:See\b|Ibid\b|Official Records|Voir\b|Documents officiels|Véase\b|Documentos "
    r"Oficiales|См\.|Официальные отчеты|Там же|انظر|الوثائق الرسمية|见|同上|[A-Z]{1,2}/)"
)

_SPACED_END = re.compile(r"(?:/(?=[\s,.;:])|[ \t]*[,;:،؛]|[ \t]*\.(?!\w)|\s+[^\W\d_])")


# A number followed by a month is text, not a marker ("18 декабря", "5 de mayo").
def _by_first_letter(names: str) -> str:
    """The alternation `names` with its branches grouped by first letter ("д(?:екабря|...)"):
    under IGNORECASE the engine compares case-folded, branch by branch, so 32 branches cost
    far less than 78 (a number followed by a space and a word is checked for a month)."""
    groups: dict[str, list[str]] = {}
    for name in names.split("|"):
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


# The class of first letters in front (one test under IGNORECASE) turns most words away before
# the branches, each of which the engine enters and compares case-folded.
_MONTH_FIRSTS = "".join(sorted({re.escape(name[0]) for name in MONTH_NAMES.split("|")} | {"d"}))
_MONTH = rf"\s*(?=[{_MONTH_FIRSTS}])(?:de\s+)?(?:{_by_first_letter(MONTH_NAMES)})"

_MONTH_AFTER = re.compile(_MONTH, re.IGNORECASE)
# Footnote marker candidates: every run of digits is looked at in its context (see `_candidates`).
# The regex finds the only runs `_candidate` can read as a marker, with the context it needs
# checked as far as a regex can (`_candidate` decides): one or two digits glued to a letter and
# followed by "/", a space or punctuation; "(1)" after a letter; one or two digits after one to
# four spaces that follow a letter, a digit, ")", "]", "," or ";", and followed by what
# `_SPACED_END` takes but not by a month; five or six digits (a year with a marker glued to it)
# followed by "/" or punctuation. It opens with a digit class: the engine skips ahead in C.
_HOST = r"[\w)\],;]"
# Its first digit is found by a class of the BMP's digits (`\d` is `str.isdecimal`) and, in a
# text with astral characters, every astral character (then checked as `\d`): the engine tests
# a class of BMP code points faster than the category `\d`, and twice as fast without the
# astral range (`_DIGITS_BMP`, for the text that has none: nearly all).
_DIGIT_LEAD = "".join(chr(cp) for cp in range(0x10000) if chr(cp).isdecimal())
_DIGIT_REST = (
    r"(?<!\d\d)(?:"  # the first digit of a run (a cheap test that most digits fail)
    # a run of one or two digits (a test that most longer runs fail, before the branches)
    r"(?=\d?(?!\d))(?:"
    r"(?<=[^\W\d_]\d)\d?(?=[/ \t\n\r\u00a0,.;:،؛)\]]|\Z)"
    r"|(?<=[^\W\d_]\(\d)\d?(?=\))"
    rf"|(?<=[ \t\u00a0]\d)(?:(?<={_HOST}[ \t\u00a0]\d)|(?<={_HOST}[ \t\u00a0]{{2}}\d)"
    rf"|(?<={_HOST}[ \t\u00a0]{{3}}\d)|(?<={_HOST}[ \t\u00a0]{{4}}\d))"
    rf"\d?(?={_SPACED_END.pattern})(?!(?i:{_MONTH}))"
    r")|\d{4,5}(?!\d)(?=[/,.;:)])"
    r")"
)
_DIGITS = re.compile(rf"[{_DIGIT_LEAD}\U00010000-\U0010ffff](?<=\d){_DIGIT_REST}")
_DIGITS_BMP = re.compile(rf"[{_DIGIT_LEAD}]{_DIGIT_REST}")
# ASCII text has no other digits: a class of ten is tested faster still (about 10% less).
_DIGITS_ASCII = re.compile(rf"[0-9]{_DIGIT_REST}")
_STARS = re.compile(r"\*(?<=[^\s*]\*)\*{0,2}(?=[\s,.;:])")
_GLUED_AFTER = frozenset(" \t\n\r\u00a0,.;:،؛)]")
_SPACES = frozenset(" \t\u00a0")
_LOWER_NEXT = re.compile(r"[ \t]+[a-zà-öø-ÿа-яё]")
_STRONG, _MEDIUM = 3, 2
# A number preceded by one of these words is text, not a marker.
_NUMBER_WORDS = re.compile(
    r"(?:article|articles|paragraph|paragraphs|para|paras|chap|chapter|section|sect|item|no|"
    r"nos|annex|part|rule|principle|goal|target|resolution|resolutions|decision|decisions|"
    r"session|meeting|volume|vol|page|pages|p|pp|stat\w*|стать\w*|пункт\w*|глав\w*|"
    r"раздел\w*|приложени\w*|резолюци\w*|решени\w*|сесси\w*|заседани\w*|цел\w*|"
    r"paragraphe|paragraphes|par|chapitre|résolution|résolutions|décision|décisions|séance|"
    r"artículo|artículos|párrafo|párrafos|párr|capítulo|resolución|resoluciones|decisión|"
    r"sesión|tema|objetivo|المادة|الفقرة|القرار|القرارات|المقرر|البند|الهدف|第|№)\Z"
)


@dataclass(slots=True)
class _Block:
    start: int
    end: int
    entries: list[tuple[str, int | None, int, int]]  # marker, number, text start, text end
    orphans: list[Span]


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    marker: str
    number: int | None
    strength: int


def _ends_sentence(line: str) -> bool:
    """Whether `line` ends with a full stop, then closing quotes or brackets and white space
    (`[.。][\"'”»)]*\\s*$`, by `str` methods: a regex search would try every character)."""
    return line.rstrip().rstrip(_CLOSERS).endswith((".", "。"))


def _line_block(text: str, start: int, expected: int, artefacts: list[Span]) -> _Block:
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
        if not line.strip() or span_contains(artefacts, ls):
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
                body = trim_span(text, ls + entry.end(), le)
                complete = body[0] < body[1] and _ends_sentence(line)
                continue
        if marker is not None and not complete:
            body = (
                body[0] if body[0] < body[1] else trim_span(text, ls, le)[0],
                trim_span(text, ls, le)[1],
            )
            complete = _ends_sentence(line)
            continue
        if _ENTRY_WORDS.match(line):
            block.orphans.append(trim_span(text, ls, le))
            complete = _ends_sentence(line)
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
        after_stop = _ends_sentence(before)
        if first or (after_stop and (number is None or number == expected)):
            starts.append((token, number, m.start(), m.end()))
            if number is not None:
                expected = number + 1
    for i, (token, number, _, after) in enumerate(starts):
        end = starts[i + 1][2] if i + 1 < len(starts) else stop
        block.entries.append((token, number, *trim_span(text, after, end)))
    return block


def _blocks(text: str, body_start: int, artefacts: list[Span]) -> list[_Block]:
    blocks: list[_Block] = []
    expected = 1
    starts = [m.start() for m in _SEPARATOR.finditer(text)]
    if body_start == 0 and _OLD_ENTRY_FIRST.match(text):
        starts.append(0)
    starts += [m.start(1) for m in _OLD_ENTRY_LINE.finditer(text, max(body_start - 1, 0))]
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
    if _MONTH_AFTER.match(text, e):
        return None
    end = e + 1 if slash else e
    return _Candidate(h, end, text[s:end], int(run), strength)


def _candidates(text: str, body_start: int, removed: list[Span]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _STARS.finditer(text):
        if not span_contains(removed, m.start()):
            found.append(_Candidate(m.start(), m.end(), m.group(), None, _STRONG))
    if text.isascii():
        digits = _DIGITS_ASCII
    # (UTF-16 is two bytes a character unless the text has astral characters: one fast C pass)
    elif len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        digits = _DIGITS_BMP
    else:
        digits = _DIGITS
    for m in digits.finditer(text, body_start):
        if span_contains(removed, m.start()):
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


def find_footnotes(text: str, *, body_start: int, artefacts: list[Span]) -> FootnoteLayout:
    """Footnote blocks, their entries and the markers that point at them in `text`.

    `body_start` is the source offset where the resolution's body begins: numeric markers are
    only looked for after it. `artefacts` are the page artefacts (merged, sorted): lines of a
    block that are artefacts are skipped, and no marker is looked for inside one.
    """
    blocks = _blocks(text, body_start, artefacts)
    removed = merge_spans(artefacts + [(b.start, b.end) for b in blocks])
    candidates = _candidates(text, body_start, removed)

    entries: list[tuple[str, int | None, int, int]] = []
    issues: list[CleanIssue] = []
    taken: dict[int, int] = {}  # candidate index → entry index
    used: set[int] = set()
    low = 0
    block_numbers: set[int] = set()
    for block in blocks:
        pairs = _match_block(block, candidates, low, used)
        for e, (marker, number, start, end) in enumerate(block.entries):
            entry_index = len(entries)
            entries.append((marker, number, start, end))
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

    markers: list[FootnoteMarker] = []
    last_number = 0
    for i, c in enumerate(candidates):
        if i in taken:
            markers.append(FootnoteMarker(c.marker, c.number, (c.start, c.end), 0, taken[i]))
            if c.number is not None:
                last_number = c.number
            continue
        if c.number is None or c.number != last_number + 1 or c.number in block_numbers:
            continue
        if c.strength >= _STRONG or (c.strength >= _MEDIUM and last_number > 0):
            markers.append(FootnoteMarker(c.marker, c.number, (c.start, c.end)))
            last_number = c.number
            issues.append(
                CleanIssue(
                    "unmatched-footnote-marker",
                    f"footnote marker {c.marker} has no footnote text in the document",
                    c.start,
                )
            )
    return FootnoteLayout(
        tuple((b.start, b.end) for b in blocks), tuple(entries), tuple(markers), tuple(issues)
    )
