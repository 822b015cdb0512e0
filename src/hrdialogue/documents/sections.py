"""Sections of a resolution's body, and a second enacting formula (a composite resolution).

Some resolutions divide their body into sections (budget resolutions such as 68/247 with
sections `I`, `II`, …; parts `A`, `B`), each with a label on a line of its own, an optional
heading, then its own preambular paragraphs ("Recalling …,") and operative paragraphs
numbered from 1 again. The labels are printed differently in each language; the section's
`anchor` is the same in all six:

| printed                                   | anchor                      |
|-------------------------------------------|-----------------------------|
| `I`, `II.`, … `XXX` (every language)      | `I`, `II`, … `XXX`          |
| `A`, `B.` (Latin); RU also `А`, `Б`, `В`  | `A`, `B`, `C` (by position) |
| AR ordinals `أولا`, `ثانيا` … with ` -`     | `I`, `II`                   |
| AR letter names `ألف`, `باء` (`بـــاء`)      | `A`, `B`                    |
| ZH `一`, `二、`, `三．`; `甲`, `乙`          | `I`, `II`, `III`; `A`, `B`  |

A label counts only where it stands at the start of a source line (`CleanText.line_starts`)
after text that ends a paragraph (or the enacting formula), alone on its line or followed by
a separator (`.`, ` -`, `、`) and heading text; then at most three heading lines; then a line
that opens with a lead phrase or a paragraph number. Labels of one resolution form one
sequence (`I`, `II`, … or `A`, `B`, …): a label line that fits every other rule but not the
sequence is reported (`StrayLabel`), never read silently as paragraph text.

Cheap where there is no section: one regex scan of the body's source text, led by the line
break, finds the lines that open with a label (a text without sections has none, or very
few: "A" opening a wrapped line), and only those are checked against the line structure.
A composite resolution (69/96 A-B: parts `A`, `B`, each a resolution with its label, title,
enacting formula, paragraphs and closing) is read as sections too (`find_composite`); a
second enacting formula that opens no such part is reported (`body_issues`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, Literal

from hrdialogue.documents.clean import CleanText
from hrdialogue.documents.closing import Closing, find_closing
from hrdialogue.documents.leads import LeadReader
from hrdialogue.documents.segment import _END_PUNCT, _OP_NUMBER, BodyIssue, Formula, _prev_char
from hrdialogue.documents.spans import trim_span

__all__ = [
    "BodyIssue",
    "RawSection",
    "StrayLabel",
    "body_issues",
    "find_composite",
    "find_second_formula",
    "find_sections",
    "is_numbered_section",
    "section_anchors",
    "section_label",
    "section_label_pattern",
]

_Kind = Literal["numeral", "letter"]

_ROMAN: Final = tuple(
    tens + ones
    for tens in ("", "X", "XX", "XXX")
    for ones in ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    if tens + ones
)[:30]
_LATIN_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The Russian alphabet as UN texts letter their parts: no Ё, Й, Ъ, Ы, Ь.
_CYRILLIC_LETTERS: Final = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
_ARABIC_ORDINALS: Final = (
    "أولا",
    "ثانيا",
    "ثالثا",
    "رابعا",
    "خامسا",
    "سادسا",
    "سابعا",
    "ثامنا",
    "تاسعا",
    "عاشرا",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
)
# The letters' names in the abjad order the UN letters Arabic parts by (أ ب ج د هـ و ز …).
_ARABIC_LETTERS: Final = (
    "ألف",
    "باء",
    "جيم",
    "دال",
    "هاء",
    "واو",
    "زاي",
    "حاء",
    "طاء",
    "ياء",
    "كاف",
    "لام",
    "ميم",
    "نون",
    "سين",
    "عين",
    "فاء",
    "صاد",
    "قاف",
    "راء",
)
_HAN_DIGITS: Final = "一二三四五六七八九"
_HAN_NUMERALS: Final[tuple[str, ...]] = tuple(
    [*_HAN_DIGITS, "十"]
    + [f"十{d}" for d in _HAN_DIGITS]
    + ["二十"]
    + [f"二十{d}" for d in _HAN_DIGITS]
    + ["三十"]
)
_HAN_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"

# Tatweel and the short vowels may stand between the letters of an Arabic label.
_ARABIC_MARKS = "\u0640\u064b-\u0652"
_ARABIC_STRIP = re.compile(f"[{_ARABIC_MARKS}]")


def _arabic(word: str) -> str:
    """A regex of `word` as printed: marks after any letter, any alef with hamza as bare."""
    parts = []
    for letter in word:
        if letter == " ":
            parts.append(r"\s+")
            continue
        shown = "[أا]" if letter in "أا" else re.escape(letter)
        parts.append(f"{shown}[{_ARABIC_MARKS}]*")
    return "".join(parts)


def _alternation(words: tuple[str, ...], pattern: Callable[[str], str] = re.escape) -> str:
    return "|".join(pattern(w) for w in sorted(words, key=len, reverse=True))


# The labels each language prints (validated by `_readings`: "XIV" is one, "VX" is not).
_LATIN_LABEL = r"[A-Z][IVX]{0,5}"
_LABELS: Final[dict[str, str]] = {
    "en": _LATIN_LABEL,
    "fr": _LATIN_LABEL,
    "es": _LATIN_LABEL,
    "ru": rf"{_LATIN_LABEL}|[А-Я]",
    "ar": rf"{_alternation(_ARABIC_ORDINALS + _ARABIC_LETTERS, _arabic)}|{_LATIN_LABEL}",
    "zh": rf"[{_HAN_DIGITS}十]{{1,3}}|[{_HAN_STEMS}]|{_LATIN_LABEL}",
}
# A label at a line start of the clean text: the label, then an optional separator ("." or
# " -" before white space; "、", "．" before the heading's words), then white space.
_CANDIDATES: Final[dict[str, re.Pattern[str]]] = {
    language: re.compile(
        rf"(?P<label>{labels})(?P<sep>[、．]|\.(?=\s|$)|\s?[-–](?=\s))?(?:(?<=[、．])|(?=\s|$))"
    )
    for language, labels in _LABELS.items()
}
# The same labels at the start of a line of the source text, where they are looked for:
# led by the line break, so that the engine skips ahead in C from line to line (a scan of
# the clean text led by the labels' first letters would stop at every capital).
_LINE_CANDIDATES: Final[dict[str, re.Pattern[str]]] = {
    language: re.compile(rf"\n[^\S\n]*(?P<label>{labels})(?=[\s.．、\-–]|$)")
    for language, labels in _LABELS.items()
}
_PARAGRAPH_ENDS: Final = frozenset(",;:.،؛。，；：")
_HEADING_LINES = 3
_HEADING_REACH = 300  # characters: a longer "heading" is a paragraph


@dataclass(frozen=True, slots=True)
class RawSection:
    """A section found in the clean text: offsets are clean offsets."""

    anchor: str  # "I", "A": language-independent
    num: str  # the label as printed, without its separator
    start: int  # where the label starts
    heading: tuple[int, int] | None  # the heading's words, trimmed
    body_start: int  # where its first paragraph starts
    end: int  # where the next section starts, or the end of the body
    formula: Formula | None = None  # a composite's part: its own enacting formula
    closing: Closing | None = None  # a composite's part: its own closing, when found


@dataclass(frozen=True, slots=True)
class StrayLabel:
    """A line that looks like a section label but does not continue the sequence."""

    num: str
    start: int
    end: int
    reason: str  # why it is not read as a section: "section B was expected next"


def _readings(label: str) -> list[tuple[_Kind, int]]:
    """What a printed label may be: (kind, 0-based position); several for `I`, `V`, `X`."""
    found: list[tuple[_Kind, int]] = []
    if label in _ROMAN:
        found.append(("numeral", _ROMAN.index(label)))
    if len(label) == 1:
        for letters in (_LATIN_LETTERS, _CYRILLIC_LETTERS):
            if label in letters:
                found.append(("letter", letters.index(label)))
        if label in _HAN_STEMS:
            found.append(("letter", _HAN_STEMS.index(label)))
    if label in _HAN_NUMERALS:
        found.append(("numeral", _HAN_NUMERALS.index(label)))
    bare = " ".join(_ARABIC_STRIP.sub("", label).split())
    if bare.startswith("ا"):
        bare = "أ" + bare[1:]
    for words, kind in ((_ARABIC_ORDINALS, "numeral"), (_ARABIC_LETTERS, "letter")):
        if bare in words:
            found.append((kind, words.index(bare)))  # type: ignore[arg-type]
    return found


def _anchor(kind: _Kind, index: int) -> str:
    return _ROMAN[index] if kind == "numeral" else _LATIN_LETTERS[index]


def section_anchors(label: str) -> list[str]:
    """The anchors a printed label may stand for (`I` → `I`; `بـــاء` → `B`; `甲` → `A`)."""
    return [_anchor(kind, index) for kind, index in _readings(label)]


def section_label_pattern(language: str) -> str:
    """A regex (no groups) of the section labels `language` prints: `II`, `B`, `ثانيا`, `二`."""
    return _LABELS[language]


def is_numbered_section(anchor: str) -> bool:
    """Whether a section's anchor is a number (`II`), not a letter (`B`)."""
    return anchor in _ROMAN


def section_label(anchor: str, language: str) -> str:
    """A section's anchor as a text in `language` prints its label (`II` → `ثانيا`, `二`;
    `B` → `باء`, `乙`, and `Б` in Russian). An anchor that is no section's is returned as is."""
    if anchor in _ROMAN:
        index = _ROMAN.index(anchor)
        if language == "ar" and index < len(_ARABIC_ORDINALS):
            return _ARABIC_ORDINALS[index]
        if language == "zh":
            return _HAN_NUMERALS[index]
        return anchor
    if len(anchor) == 1 and anchor in _LATIN_LETTERS:
        index = _LATIN_LETTERS.index(anchor)
        for code, letters in (
            ("ar", _ARABIC_LETTERS),
            ("zh", _HAN_STEMS),
            ("ru", _CYRILLIC_LETTERS),
        ):
            if language == code and index < len(letters):
                return letters[index]
    return anchor


@dataclass(frozen=True, slots=True)
class _Candidate:
    num: str
    start: int
    label_end: int
    heading: tuple[int, int] | None
    body_start: int


def _title_follows(rest: str) -> bool:
    """Whether the words after a bare label on its line may be a heading: none, or a title
    that opens with a capital (or a letter of a script without case: Arabic, Chinese), as a
    DOCX or HTML rendition joins "II" and "Human rights questions" into one line. A
    lower-case word or a number makes it a sentence."""
    rest = rest.strip()
    return not rest or (rest[0].isalpha() and not rest[0].islower())


def _next_line(lines: tuple[int, ...], pos: int, end: int) -> int:
    i = bisect_right(lines, pos)
    return min(lines[i], end) if i < len(lines) else end


def _opens_paragraph(text: str, pos: int, end: int, leads: LeadReader) -> bool:
    if _OP_NUMBER.match(text, pos, end) is not None:
        return True
    return leads.at(pos, "preambular") is not None or leads.at(pos, "operative") is not None


def _candidate(
    m: re.Match[str], clean: CleanText, end: int, leads: LeadReader
) -> _Candidate | None:
    """The label of `m` checked against the line structure, with its heading and the start
    of its first paragraph; None when it is not a label line."""
    text, lines = clean.text, clean.line_starts
    s = m.start()
    i = bisect_left(lines, s)
    if i == len(lines) or lines[i] != s or _prev_char(text, s) not in _END_PUNCT:
        return None
    line_end = _next_line(lines, s, end)
    after = m.end()
    if m.group("sep") is None and not _title_follows(text[after:line_end]):
        return None  # words after a bare label: a sentence, not a heading
    heading_start = after  # heading words on the label's line (after a separator, or not)
    pos = line_end
    for _ in range(_HEADING_LINES + 1):
        if pos >= end or pos - heading_start > _HEADING_REACH:
            break
        if _opens_paragraph(text, pos, end, leads):
            heading = trim_span(text, heading_start, pos)
            if heading[0] < heading[1] and (
                text[heading[1] - 1] in ",;،؛" or text[heading[0]].isdecimal()
            ):
                # the "heading" ends like a paragraph (one the lexicon does not know), or
                # opens with a number (a footnote entry left in the running text)
                break
            return _Candidate(
                m.group("label"),
                s,
                m.end("label"),
                heading if heading[0] < heading[1] else None,
                pos,
            )
        pos = _next_line(lines, pos, end)
    # No paragraph that opens with a known lead or a number: the first paragraph may open with
    # a lead the lexicon does not know ("Bearing firmly in mind …,"), after a blank line.
    split = _split_at_blank(clean, heading_start, line_end, end)
    if split is not None:
        return _Candidate(m.group("label"), s, m.end("label"), split[0], split[1])
    # A label line, but no paragraph opening found after it: reported, not read.
    return _Candidate(m.group("label"), s, m.end("label"), None, -1)


def _split_at_blank(
    clean: CleanText, heading_start: int, line_end: int, end: int
) -> tuple[tuple[int, int], int] | None:
    """The heading (up to the first blank line after it) and the start of the paragraph after
    that blank line, when the heading reads like one (short, not ending like a paragraph) and
    the paragraph ends like one (with a comma, semicolon, colon or full stop); else None."""
    text, blanks = clean.text, clean.blank_breaks
    breaks = iter(blanks[bisect_left(blanks, line_end) :])
    for b in breaks:
        if b >= end or b - heading_start > _HEADING_REACH:
            return None
        heading = trim_span(text, heading_start, b)
        if heading[0] == heading[1]:
            continue  # (a blank line between the label and its heading)
        if text[heading[1] - 1] in _PARAGRAPH_ENDS or text[heading[0]].isdecimal():
            return None
        stop = next(breaks, end)
        paragraph = trim_span(text, b, min(stop, end))
        if paragraph[0] == paragraph[1] or text[paragraph[1] - 1] not in _PARAGRAPH_ENDS:
            return None
        return (heading, b)
    return None


def _matches(
    clean: CleanText, source: str, start: int, end: int, language: str
) -> list[re.Match[str]]:
    """Candidate labels of the clean text's `[start, end)`: found at line starts of the
    `source` text, then matched again in the clean text (its offsets are the ones kept)."""
    lines = _LINE_CANDIDATES.get(language)
    pattern = _CANDIDATES.get(language)
    if lines is None or pattern is None or not clean.line_starts:
        return []
    text = clean.text
    found = []
    src_start, src_end = clean.source_offset(start), clean.source_offset(end)
    for line in lines.finditer(source, src_start, src_end):
        label = line.start("label")
        at = clean.clean_offset(label)
        if not start <= at < end or clean.source_offset(at) != label:
            continue  # before or after the body, or taken out (a footnote block)
        m = pattern.match(text, at, end)
        if m is not None and _readings(m.group("label")):
            found.append(m)
    return found


def find_sections(
    clean: CleanText, source: str, start: int, end: int, language: str
) -> tuple[list[RawSection], list[StrayLabel]]:
    """The sections of the body `clean.text[start:end]` (empty when it has none), and the
    label lines that do not continue the sequence of its labels; `source` is the text
    `clean` was made from."""
    matches = _matches(clean, source, start, end, language)
    if not matches:
        return [], []
    leads = LeadReader(clean.text, language)
    found: list[tuple[_Candidate, str]] = []
    stray: list[StrayLabel] = []
    kind: _Kind | None = None
    last = -1
    for m in matches:
        candidate = _candidate(m, clean, end, leads)
        if candidate is None:
            continue
        readings = _readings(candidate.num)
        if candidate.body_start < 0:
            reason = "no paragraph that opens with a lead phrase or a number follows its heading"
            stray.append(StrayLabel(candidate.num, candidate.start, candidate.label_end, reason))
            continue
        if kind is None:
            first = [r for r in readings if r[1] == 0]
            if first:
                kind, last = first[0][0], 0
                found.append((candidate, _anchor(kind, 0)))
                continue
        elif (kind, last + 1) in readings:
            last += 1
            found.append((candidate, _anchor(kind, last)))
            continue
        reason = (
            f"section {_anchor(kind, last + 1)} was expected next"
            if kind is not None
            else "no section came before it"
        )
        stray.append(StrayLabel(candidate.num, candidate.start, candidate.label_end, reason))
    if len(found) == 1 and kind is not None:  # a section is one of several
        candidate = found.pop()[0]
        reason = f"no section {_anchor(kind, 1)} follows it"
        stray.append(StrayLabel(candidate.num, candidate.start, candidate.label_end, reason))
        stray.sort(key=lambda label: label.start)
    sections = []
    for k, (candidate, anchor) in enumerate(found):
        stop = found[k + 1][0].start if k + 1 < len(found) else end
        num, at, heading = candidate.num, candidate.start, candidate.heading
        sections.append(RawSection(anchor, num, at, heading, candidate.body_start, stop))
    return sections, stray


def body_issues(
    stray: list[StrayLabel], second: Formula | None, *, parts: Sequence[RawSection] = ()
) -> list[BodyIssue]:
    """The stray label lines, a `second` enacting formula in the body that was not read as a
    composite resolution's part (there are no `parts`), and a composite's part before the last
    that has no closing (the last one's makes the text `truncated`), as issues to report."""
    issues = [
        BodyIssue(
            "section-label",
            f"{label.num!r} stands on a line of its own like a section label, but"
            f" {label.reason}: it is read as paragraph text",
            label.start,
        )
        for label in stray
    ]
    if second is not None and not parts:
        message = (
            f"a second enacting formula ({second.text!r}): the text holds more than one"
            " resolution (a composite resolution such as 69/96 A-B, or a text quoted"
            " whole); what follows it is not read as a resolution of its own"
        )
        issues.append(BodyIssue("composite", message, second.start))
    for part, after in pairwise(parts):
        if part.closing is None:
            message = (
                f"part {part.anchor} has no closing (meeting and date) before part"
                f" {after.anchor}: its adoption is not known"
            )
            issues.append(BodyIssue("part-closing", message, part.end))
    issues.sort(key=lambda issue: issue.start)
    return issues


def find_second_formula(text: str, first: Formula) -> Formula | None:
    """The next enacting formula after `first` that is written as it is (a composite
    resolution's parts are adopted by one body), after white space or `|`; or None.

    A `str.find` of the clean text (white space there is one space): no regex scan of the
    body."""
    at = text.find(first.text, first.end)
    while at >= 0:
        if text[at - 1].isspace() or text[at - 1] == "|":
            return Formula(at, at + len(first.text), first.text, first.body)
        at = text.find(first.text, at + 1)
    return None


def find_composite(
    clean: CleanText, first: Formula, second: Formula, language: str
) -> list[RawSection]:
    """The parts of a composite resolution (69/96 A-B: each part a resolution of its own,
    with its label, title, enacting formula, paragraphs and closing) as sections `A`, `B`,
    … whose heading is the part's title; empty when the text is not laid out so (each
    formula after a label line of the sequence and at most three title lines)."""
    text = clean.text
    formulas = [first, second]
    while (more := find_second_formula(text, formulas[-1])) is not None:
        formulas.append(more)
    labels: list[tuple[int, str, tuple[int, int] | None]] = []
    kind: _Kind | None = None
    floor = 0
    for index, formula in enumerate(formulas):
        found = _label_before(clean, formula.start, floor, language, index)
        if found is None:
            return []
        start, num, heading, readings = found
        if kind is None:
            kind = "letter" if ("letter", 0) in readings else "numeral"
        if (kind, index) not in readings:
            return []
        labels.append((start, num, heading))
        floor = formula.end
    assert kind is not None  # set by the first part
    parts = []
    for index, ((start, num, heading), formula) in enumerate(zip(labels, formulas, strict=True)):
        stop = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        closing = find_closing(text, formula.end, language, masthead=False)
        if closing is not None and formula.end <= closing.start < stop:
            stop = closing.start
        else:
            closing = None  # (the next part's, or none)
        anchor = _anchor(kind, index)
        parts.append(RawSection(anchor, num, start, heading, formula.end, stop, formula, closing))
    return parts


def _label_before(
    clean: CleanText, pos: int, floor: int, language: str, index: int
) -> tuple[int, str, tuple[int, int] | None, list[tuple[_Kind, int]]] | None:
    """A label line among the lines before `pos` (none before `floor`) that may be the
    `index`-th of its sequence: its start, the label, the title after it, its readings."""
    pattern = _CANDIDATES.get(language)
    if pattern is None:
        return None
    text, lines = clean.text, clean.line_starts
    i = bisect_left(lines, pos)
    for k in range(i - 1, max(i - 2 - _HEADING_LINES, -1), -1):
        start = lines[k]
        if start < floor:
            break
        m = pattern.match(text, start, pos)
        if m is None:
            continue
        # (the title may follow on the label's line: "A Information in the service of humanity")
        if m.group("sep") is None and not _title_follows(
            text[m.end() : _next_line(lines, start, pos)]
        ):
            continue
        readings = _readings(m.group("label"))
        if any(position == index for _, position in readings):
            heading = trim_span(text, m.end(), pos)
            return start, m.group("label"), heading if heading[0] < heading[1] else None, readings
    return None
