"""Segmentation of a clean resolution text: enacting formula, preambular and operative
paragraphs (their subparagraphs, `OP8(a)` … `OP8(a)(ii)(b)(iii)`, are `subparagraphs`'); the
masthead (number line, title) is `masthead`, the closing formula `closing`.

Works on `CleanText` offsets; paragraph boundaries come from the text itself (a lead phrase
after paragraph-final punctuation, the next operative number in sequence), with the source's
line breaks as hints, so that line-per-line PDF text, double-spaced text and text whose line
breaks were lost all segment alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from hrdialogue.documents.clean import CleanText
from hrdialogue.documents.leads import LeadMatch, LeadReader
from hrdialogue.documents.model import Body
from hrdialogue.documents.spans import END_PUNCT, prev_char, trim_span
from hrdialogue.documents.subparagraphs import (
    RawSubparagraph,
    find_stray_labels,
    find_subparagraphs,
)

__all__ = [
    "BodyIssue",
    "Formula",
    "Paragraphs",
    "RawParagraph",
    "RawSubparagraph",
    "find_enacting_formula",
    "split_paragraphs",
]

_APOS = "['’]"
_FORMULAS: Final[dict[Body, dict[str, str]]] = {
    Body.GENERAL_ASSEMBLY: {
        "en": "The General Assembly",
        "fr": f"L{_APOS}Assemblée générale",
        "es": "La Asamblea General",
        "ru": "Генеральная Ассамблея",
        "ar": "إن الجمعية العامة",
        "zh": "大会",
    },
    Body.HUMAN_RIGHTS_COUNCIL: {
        "en": "The Human Rights Council",
        "fr": f"Le Conseil des droits de l{_APOS}homme",
        "es": "El Consejo de Derechos Humanos",
        "ru": "Совет по правам человека",
        "ar": "إن مجلس حقوق الإنسان",
        "zh": "人权理事会",
    },
    Body.ECONOMIC_AND_SOCIAL_COUNCIL: {
        "en": "The Economic and Social Council",
        "fr": "Le Conseil économique et social",
        "es": "El Consejo Económico y Social",
        "ru": "Экономический и Социальный Совет",
        "ar": "إن المجلس الاقتصادي والاجتماعي",
        "zh": "经济及社会理事会",
    },
    Body.SECURITY_COUNCIL: {
        "en": "The Security Council",
        "fr": "Le Conseil de sécurité",
        "es": "El Consejo de Seguridad",
        "ru": "Совет Безопасности",
        "ar": "إن مجلس الأمن",
        "zh": "安全理事会",
    },
    Body.COMMISSION_ON_HUMAN_RIGHTS: {
        "en": "The Commission on Human Rights",
        "fr": f"La Commission des droits de l{_APOS}homme",
        "es": "La Comisión de Derechos Humanos",
        "ru": "Комиссия по правам человека",
        "ar": "إن لجنة حقوق الإنسان",
        "zh": "人权委员会",
    },
    Body.SUB_COMMISSION: {
        "en": "The Sub-Commission on (?:the )?(?:Promotion and Protection of Human Rights"
        "|Prevention of Discrimination and Protection of Minorities)",
        "fr": f"La Sous-Commission de la promotion et de la protection des droits de l{_APOS}homme",
        "es": "La Subcomisión de Promoción y Protección de los Derechos Humanos",
        "ru": "Подкомиссия по поощрению и защите прав человека",
        "ar": "إن اللجنة الفرعية لتعزيز وحماية حقوق الإنسان",
        "zh": "促进和保护人权小组委员会",
    },
}


@dataclass(frozen=True, slots=True)
class _FormulaPatterns:
    """The enacting formulas of one language (or of all): any of them, then each body's."""

    any: re.Pattern[str]
    bodies: tuple[tuple[re.Pattern[str], Body], ...]


def _formula_patterns(language: str | None, *, other: bool = False) -> _FormulaPatterns:
    """The formulas in `language` (all for None), or with `other`, in every other language."""
    bodies = []
    flat: list[str] = []
    for body, phrases in _FORMULAS.items():
        alternatives = [
            p for lang, p in phrases.items() if language is None or (lang == language) != other
        ]
        flexible = [a.replace(" ", r"\s+") for a in alternatives]
        bodies.append((re.compile(rf"(?:{'|'.join(flexible)})\s*[,،，]"), body))
        flat.extend(flexible)
    # One flat alternation, no group in front: the engine skips ahead in C to the phrases'
    # first letters (nested alternations would make it try every position).
    return _FormulaPatterns(re.compile(rf"(?:{'|'.join(flat)})\s*[,،，]"), tuple(bodies))


_FORMULA_PATTERNS: Final[dict[str | None, _FormulaPatterns]] = {
    lang: _formula_patterns(lang) for lang in (None, "en", "fr", "es", "ru", "ar", "zh")
}
# Where no formula of the language is, the first formula of all the languages is one of the
# other languages': found by a scan that does not stop at the language's own first letters.
_OTHER_FORMULA_PATTERNS: Final[dict[str, _FormulaPatterns]] = {
    lang: _formula_patterns(lang, other=True) for lang in ("en", "fr", "es", "ru", "ar", "zh")
}


@dataclass(frozen=True, slots=True)
class Formula:
    start: int
    end: int
    text: str
    body: Body


def find_enacting_formula(text: str, language: str | None = None) -> Formula | None:
    """The enacting formula ("The General Assembly,", "Генеральная Ассамблея,", "大会,"): the
    first one at the start of the text or after white space or `|`; in `language` first."""
    tables = [_FORMULA_PATTERNS.get(language, _FORMULA_PATTERNS[None])]
    if language in _OTHER_FORMULA_PATTERNS:
        tables.append(_OTHER_FORMULA_PATTERNS[language])
    for table in tables:
        pos = 0
        while (m := table.any.search(text, pos)) is not None:
            start = m.start()
            if start == 0 or text[start - 1].isspace() or text[start - 1] == "|":
                for pattern, body in table.bodies:
                    found = pattern.match(text, start)
                    if found is not None:
                        return Formula(start, found.end(), found.group(), body)
            pos = start + 1
    return None


# --------------------------------------------------------------------------------------------
# Paragraphs


@dataclass(slots=True)
class RawParagraph:
    operative: bool
    start: int  # clean offsets of the text (number excluded), trimmed
    end: int
    number: int | None
    lead: LeadMatch | None
    subparagraphs: list[RawSubparagraph] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BodyIssue:
    """Something in the body the reader does not place: a `ParseWarning` to be."""

    code: str  # "section-label", "composite", "operative-numbering", "subparagraph-label", …
    message: str
    start: int  # clean offset


# Kept under their former names: `sections` reads them from here.
_END_PUNCT = END_PUNCT
_prev_char = prev_char
_OP_NUMBER = re.compile(r"(?P<n>\d{1,3})(?:\s*\.(?!\d)\s*|\s+[-–]\s+|\s*[-–]\s+)(?=\S)")
# Every `_OP_NUMBER` has one of these after its digits and the spaces after them.
_OP_SEPARATORS = ".-–"
# `[,،，;؛](?=\s)\s*`: where a paragraph may start after a comma or semicolon mid-line.
_SPLIT_MARKS = ",،，;؛"
_SPLIT_ANY = tuple((m, re.compile(rf"{m}(?=\s)\s*")) for m in _SPLIT_MARKS)
_SPLIT_CASED = tuple((m, re.compile(rf"{m}(?=\s)\s*+(?![a-z])")) for m in _SPLIT_MARKS)
_CASED = frozenset(("en", "fr", "es"))


def _number_starts(text: str, start: int, end: int) -> list[int]:
    """Where an `_OP_NUMBER` may begin in `text[start:end]` after white space or end
    punctuation: at a run of one to three digits before a separator, in order.

    Found from the separators (a few `str.find` calls) rather than by scanning for digits
    with a regex, which tries every digit of every date and symbol. A match that starts
    inside a run of digits, which `finditer` would also see, follows a digit: rejected.
    """
    starts: set[int] = set()
    for separator in _OP_SEPARATORS:
        at = text.find(separator, start, end)
        while at >= 0:
            before_at = text[at - 1] if at > start else ""
            # Most separators end a word or a sentence: no digit or space before, no number.
            if not (before_at.isdecimal() or before_at.isspace()):
                at = text.find(separator, at + 1, end)
                continue
            digits_end = at
            while digits_end > start and text[digits_end - 1].isspace():
                digits_end -= 1
            s = digits_end
            while s > start and digits_end - s < 4 and text[s - 1].isdecimal():
                s -= 1
            if 0 < digits_end - s < 4 and (s == 0 or not text[s - 1].isdecimal()):
                before = text[s - 1] if s > 0 else " "
                if before.isspace() or before in _END_PUNCT:
                    starts.add(s)
            at = text.find(separator, at + 1, end)
    return sorted(starts)


def _operative_numbers(
    text: str, start: int, end: int, starts: list[int] | None = None
) -> list[tuple[int, int, int]]:
    """(number, number start, text start) of each operative paragraph, in sequence;
    `starts`: `_number_starts(text, start, end)` when the caller has it already."""
    found: list[tuple[int, int, int]] = []
    expected = 1
    first_text = trim_span(text, start, end)[0]  # text before a number: it must end a sentence
    for s in _number_starts(text, start, end) if starts is None else starts:
        m = _OP_NUMBER.match(text, s, end)
        if m is None or int(m.group("n")) != expected:
            continue
        if first_text < s and _prev_char(text, s) not in _END_PUNCT:
            continue
        found.append((expected, s, m.end()))
        expected += 1
    return found


_MAX_GAP: Final = 5
"""The most operative paragraphs a numbering may skip and still be read on past (a page lost
from a PDF, paragraphs left out of an excerpt); a larger jump is taken for a number in the
text."""


def _is_line_start(lines: Sequence[int], pos: int) -> bool:
    k = bisect_left(lines, pos)
    return k < len(lines) and lines[k] == pos


def _resumed_numbers(
    text: str,
    end: int,
    found: list[tuple[int, int, int]],
    starts: list[int],
    lines: Sequence[int],
) -> tuple[list[tuple[int, int, int]], list[BodyIssue]]:
    """`found` (`_operative_numbers`: 1, 2, … in sequence) read on past a gap in the numbering,
    and what is out of sequence, reported; `starts` are the candidates it was found among
    (`_number_starts`).

    After the last number in sequence, a number at the start of a source line after
    paragraph-final punctuation, at most `_MAX_GAP` above the one expected, opens the next
    paragraph: the numbers skipped are reported, and the sequence goes on from it. Any other
    number there (printed twice, or too far ahead) stays in the paragraph before it, reported.
    """
    if not found:
        return found, []
    numbers = list(found)
    issues: list[BodyIssue] = []
    in_sequence = {s: n for n, s, _ in found}
    last = found[-1][1]
    current = 0  # the number of the paragraph the scan is in
    expected = found[-1][0] + 1
    for s in starts[bisect_left(starts, found[0][1]) :]:
        if s in in_sequence:
            current = in_sequence[s]
            continue
        m = _OP_NUMBER.match(text, s, end)
        if m is None or _prev_char(text, s) not in _END_PUNCT or not _is_line_start(lines, s):
            continue
        n = int(m.group("n"))
        if s < last or n < expected or n > expected + _MAX_GAP:
            message = (
                f"the paragraph number {n} stands out of sequence after operative paragraph"
                f" {current}: it is read as part of that paragraph"
            )
            issues.append(BodyIssue("operative-numbering", message, s))
            continue
        if n > expected:
            skipped = (
                f"paragraph {expected} is"
                if n == expected + 1
                else f"paragraphs {expected} to {n - 1} are"
            )
            message = f"operative {skipped} missing: the numbering goes from {current} to {n}"
            issues.append(BodyIssue("operative-numbering", message, m.end()))
        numbers.append((n, s, m.end()))
        current, expected = n, n + 1
    return numbers, issues


def _unplaced_in(
    clean: CleanText,
    leads: LeadReader,
    start: int,
    end: int,
    *,
    number: int,
    subparagraphs: list[RawSubparagraph],
) -> list[BodyIssue]:
    """What operative paragraph `number` (`clean.text[start:end]`) holds that looks like the
    start of something it does not read as one: a subparagraph label out of sequence at a
    line's start, and, after a blank line, a paragraph that opens with an operative lead but
    has no number (lost from the text, or never printed)."""
    text = clean.text
    issues = [
        BodyIssue(
            "subparagraph-label",
            f"{label!r} opens a line like a subparagraph label of operative paragraph"
            f" {number}, but does not continue its sequence of labels: it is read as text of"
            " the subparagraph (or paragraph) before it",
            at,
        )
        for at, label in find_stray_labels(text, start, end, subparagraphs, clean.line_starts)
    ]
    blanks = clean.blank_breaks
    for at in blanks[bisect_left(blanks, start + 1) : bisect_left(blanks, end)]:
        if _prev_char(text, at) not in _END_PUNCT:
            continue
        lead = leads.at(at, "operative")
        if lead is not None:
            message = (
                f"a paragraph opens with the operative lead {lead.lead!r} but has no number:"
                f" it is read as part of operative paragraph {number}"
            )
            issues.append(BodyIssue("unnumbered-paragraph", message, at))
    return issues


def _split_after(text: str, start: int, end: int, cased: bool) -> list[int]:
    """Offsets after each comma or semicolon of `text[start:end]` that white space follows,
    and that white space; `cased`: only where no lower-case Latin letter ("a"–"z") follows
    (the caller wants an upper-case letter there). One literal-led regex per mark: a class
    of marks would make the engine test every character."""
    found: list[int] = []
    for mark, pattern in _SPLIT_CASED if cased else _SPLIT_ANY:
        # Most marks are absent from a text of one language: a `find` is cheaper than
        # starting a regex scan, which then starts at the first mark.
        first = text.find(mark, start, end)
        if first >= 0:
            found.extend(m.end() for m in pattern.finditer(text, first, end))
    return found


# The shape of a preambular lead the lexicon may not know, where the language has one: a
# capitalised participle or gerund ("Heeding", "Soulignant", "Reiterando"), Arabic's "وإذ"
# ("and whereas") before its verb. Words of that shape that never open a paragraph are left
# out. Russian leads (adverbial participles) look like adjectives, Chinese ones like any
# verb: for those only the layout tells.
_LEAD_SHAPES: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"(?!(?:During|Including|Regarding|Concerning|Beijing)\b)[A-Z][a-z]{2,}ing\b"),
    "fr": re.compile(
        r"(?!(?:Durant|Pendant|Cependant|Maintenant|Auparavant)\b)"
        r"[A-ZÀ-Ý][a-zà-ÿ]{2,}ant\b"
    ),
    "es": re.compile(
        r"(?!(?:Fernando|Orlando|Rolando|Armando|Hernando)\b)"
        r"[A-ZÁÉÍÓÚ][a-záéíóúñ]{2,}(?:ando|iendo|yendo)\b"
    ),
    "ar": re.compile(r"و?إذ\s"),
}


def _indented(clean: CleanText, source: str, pos: int) -> bool:
    """Whether the source line that clean line start `pos` comes from opens with white space
    (the first line of a paragraph, indented, in some PDFs' text). Not a page's first line,
    after the footnotes or running header left out of `clean`: that may be indented whatever
    it continues."""
    at = clean.source_offset(pos)
    line = source.rfind("\n", 0, at) + 1
    if not (line < at and source[line:at].isspace()):
        return False
    before = clean.source_range(pos - 1)[1] if pos else 0
    return before >= line or source[before:line].isspace()


def _indented_starts(
    clean: CleanText,
    source: str,
    region_lines: Sequence[int],
    cuts: dict[int, LeadMatch | None],
    uncut: list[int],
) -> list[int]:
    """The lines of `uncut` that open a paragraph by their indentation, where indentation
    marks paragraphs: (nearly) every line that opens with a known lead is indented, and
    (nearly) no line that continues a sentence is. Empty otherwise."""
    known = [pos for pos, lead in cuts.items() if lead is not None]
    if len(known) < 2:
        return []
    if sum(_indented(clean, source, pos) for pos in known) < 0.9 * len(known):
        return []
    ended = set(uncut)
    ended.update(cuts)
    rest = [pos for pos in region_lines if pos not in ended]
    if sum(_indented(clean, source, pos) for pos in rest) > 0.1 * len(rest):
        return []
    return [pos for pos in uncut if _indented(clean, source, pos)]


def _lines_are_paragraphs(lines: int, ended: int) -> bool:
    """Whether a preamble of `lines` source lines, `ended` of which follow paragraph-final
    punctuation, has one paragraph a line: at least three lines, and (nearly) every line
    break after a paragraph's end. Text wrapped to a page's width breaks mid-sentence."""
    return lines >= 3 and ended >= 0.9 * lines


class Paragraphs(NamedTuple):
    paragraphs: list[RawParagraph]
    fragment_start: int | None
    """For a fragment (no enacting formula), where the first recognised paragraph begins
    (text before it is a cut-off paragraph)."""
    issues: list[BodyIssue]
    """What the operative paragraphs hold that they do not place: numbers skipped or out of
    sequence, stray subparagraph labels, a paragraph with a lead and no number."""


def split_paragraphs(
    clean: CleanText,
    start: int,
    end: int,
    language: str,
    *,
    fragment: bool = False,
    source: str | None = None,
) -> Paragraphs:
    """Preambular and operative paragraphs of `clean.text[start:end]`.

    `source`, the text `clean` was made from, lets its indentation tell where paragraphs
    begin. Operative paragraphs are numbered 1, 2, …; the sequence reads on past a gap of a
    few numbers at a line's start (see `_resumed_numbers`), which is reported.

    A preambular paragraph whose lead the lexicon does not know is found all the same (and
    reported by the caller as an unknown lead) where the text shows it: one paragraph a line;
    a lead's shape (`_LEAD_SHAPES`) after paragraph-final punctuation; or its first line
    indented where only paragraphs' first lines are.
    """
    text = clean.text
    leads = LeadReader(text, language)
    lines = clean.line_starts
    starts = _number_starts(text, start, end)  # one scan for both readings of the numbers
    found = _operative_numbers(text, start, end, starts)
    numbers, issues = _resumed_numbers(text, end, found, starts, lines)
    preamble_end = numbers[0][1] if numbers else end
    i0, i1 = bisect_left(lines, start), bisect_left(lines, preamble_end)
    region_lines = lines[i0:i1]
    blanks = clean.blank_breaks
    region_blanks = blanks[bisect_left(blanks, start) : bisect_left(blanks, preamble_end)]
    blank_separates = 0 < len(region_blanks) < 0.5 * len(region_lines)
    collapsed = len(region_lines) < 3 and preamble_end - start > 400
    blank_set = set(region_blanks)

    cuts: dict[int, LeadMatch | None] = {}
    uncut: list[int] = []  # line starts after paragraph-final punctuation, no lead there
    for pos in region_lines:
        if pos >= preamble_end or _prev_char(text, pos) not in _END_PUNCT:
            continue
        lead = leads.at(pos, "preambular") or leads.at(pos, "operative")
        if lead is not None or (blank_separates and pos in blank_set):
            cuts[pos] = lead
        else:
            uncut.append(pos)
    shape = _LEAD_SHAPES.get(language)
    if uncut and _lines_are_paragraphs(len(region_lines), len(cuts) + len(uncut)):
        # One paragraph a line (a UN HTML rendition): a line whose lead phrase the lexicon
        # does not know is a paragraph all the same (reported as an unknown lead), not a
        # continuation of the paragraph before it.
        cuts.update(dict.fromkeys(uncut))
    elif uncut:
        if shape is not None:
            shaped = [pos for pos in uncut if shape.match(text, pos)]
            cuts.update(dict.fromkeys(shaped))
            uncut = [pos for pos in uncut if pos not in cuts]
        if uncut and source is not None:
            cuts.update(dict.fromkeys(_indented_starts(clean, source, region_lines, cuts, uncut)))
    mid_line = language in _CASED or collapsed
    if mid_line:
        for pos in _split_after(text, start, preamble_end, language in _CASED):
            if pos in cuts or pos >= preamble_end:
                continue
            if language in _CASED and not text[pos : pos + 1].isupper():
                continue
            lead = leads.at(pos, "preambular")
            if lead is not None or (shape is not None and shape.match(text, pos)):
                cuts[pos] = lead
    first_start, _ = trim_span(text, start, preamble_end)
    fragment_start: int | None = None
    if fragment:
        first_lead = leads.at(first_start, "preambular")
        if first_lead is None and cuts:
            # the first paragraph a known lead opens (text before it is the cut-off one, which
            # may have an indented or lead-shaped line of its own), else the first found
            led = [pos for pos, lead in cuts.items() if lead is not None]
            fragment_start = min(led or cuts)
            first_start = fragment_start
    elif first_start < preamble_end:
        cuts.setdefault(first_start, None)
    if first_start < preamble_end:
        cuts.setdefault(first_start, None)
    positions = sorted(p for p in cuts if p >= first_start)
    paragraphs: list[RawParagraph] = []
    for k, pos in enumerate(positions):
        stop = positions[k + 1] if k + 1 < len(positions) else preamble_end
        s, e = trim_span(text, pos, stop)
        if s >= e:
            continue
        lead = cuts[pos] or leads.at(s, "preambular")
        if lead is None:
            lead = leads.at(s, "operative")
        paragraphs.append(RawParagraph(False, s, e, None, lead))

    if not numbers and paragraphs:
        last = paragraphs[-1]
        operative_lead = leads.at(last.start, "operative")
        preambular_lead = leads.at(last.start, "preambular")
        if operative_lead is not None and preambular_lead is None:
            last.operative = True
            last.lead = operative_lead
            last.subparagraphs = find_subparagraphs(
                text, last.start, last.end, language, clean.line_starts
            )
    for k, (number, _, text_start) in enumerate(numbers):
        stop = numbers[k + 1][1] if k + 1 < len(numbers) else end
        s, e = trim_span(text, text_start, stop)
        lead = leads.at(s, "operative")
        subs = find_subparagraphs(text, s, e, language, lines)
        paragraphs.append(RawParagraph(True, s, e, number, lead, subs))
        issues += _unplaced_in(clean, leads, s, e, number=number, subparagraphs=subs)
    return Paragraphs(paragraphs, fragment_start, issues)
