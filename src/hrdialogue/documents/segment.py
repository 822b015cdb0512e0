"""Segmentation of a clean resolution text: enacting formula, preambular and operative
paragraphs (with subparagraphs in four degrees: `(a)`, `(i)`, `a.`, `i.`, anchored `OP8(a)`,
`OP8(a)(ii)`, `OP8(a)(ii)(b)`, `OP8(a)(ii)(b)(iii)`); the masthead (number line, title) is
`masthead`, the closing formula `closing`.

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
from typing import Final

from hrdialogue.documents.clean import CleanText
from hrdialogue.documents.leads import LeadMatch, LeadReader
from hrdialogue.documents.model import Body
from hrdialogue.documents.spans import trim_span

__all__ = [
    "Formula",
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
class RawSubparagraph:
    anchor: str  # "(a)", "(a)(ii)", "(a)(ii)(b)", "(a)(ii)(b)(iii)" — after the paragraph's anchor
    label_start: int
    label_end: int
    start: int
    end: int
    children: list[RawSubparagraph] = field(default_factory=list)


@dataclass(slots=True)
class RawParagraph:
    operative: bool
    start: int  # clean offsets of the text (number excluded), trimmed
    end: int
    number: int | None
    lead: LeadMatch | None
    subparagraphs: list[RawSubparagraph] = field(default_factory=list)


_END_PUNCT = frozenset(",;:.،؛，；。")
_OP_NUMBER = re.compile(r"(?P<n>\d{1,3})(?:\s*\.(?!\d)\s*|\s+[-–]\s+|\s*[-–]\s+)(?=\S)")
# Every `_OP_NUMBER` has one of these after its digits and the spaces after them.
_OP_SEPARATORS = ".-–"
# `[,،，;؛](?=\s)\s*`: where a paragraph may start after a comma or semicolon mid-line.
_SPLIT_MARKS = ",،，;؛"
_SPLIT_ANY = tuple((m, re.compile(rf"{m}(?=\s)\s*")) for m in _SPLIT_MARKS)
_SPLIT_CASED = tuple((m, re.compile(rf"{m}(?=\s)\s*+(?![a-z])")) for m in _SPLIT_MARKS)
_CASED = frozenset(("en", "fr", "es"))


def _prev_char(text: str, pos: int) -> str:
    """The last character before `pos` that is not white space ("" if none)."""
    if pos > 1:  # the usual case, one space (a line break) before: no loop
        c = text[pos - 2]
        if text[pos - 1].isspace() and not c.isspace():
            return c
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text[i - 1] if i > 0 else ""


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


def _operative_numbers(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(number, number start, text start) of each operative paragraph, in sequence."""
    found: list[tuple[int, int, int]] = []
    expected = 1
    first_text = trim_span(text, start, end)[0]  # text before a number: it must end a sentence
    for s in _number_starts(text, start, end):
        m = _OP_NUMBER.match(text, s, end)
        if m is None or int(m.group("n")) != expected:
            continue
        if first_text < s and _prev_char(text, s) not in _END_PUNCT:
            continue
        found.append((expected, s, m.end()))
        expected += 1
    return found


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


def split_paragraphs(
    clean: CleanText, start: int, end: int, language: str, *, fragment: bool = False
) -> tuple[list[RawParagraph], int | None]:
    """Preambular and operative paragraphs of `clean.text[start:end]`.

    Returns the paragraphs and, for a fragment (no enacting formula), the offset where the
    first recognised paragraph begins (text before it is a cut-off paragraph).
    """
    text = clean.text
    leads = LeadReader(text, language)
    numbers = _operative_numbers(text, start, end)
    preamble_end = numbers[0][1] if numbers else end
    lines = clean.line_starts
    i0, i1 = bisect_left(lines, start), bisect_left(lines, preamble_end)
    region_lines = lines[i0:i1]
    blanks = clean.blank_breaks
    region_blanks = blanks[bisect_left(blanks, start) : bisect_left(blanks, preamble_end)]
    blank_separates = 0 < len(region_blanks) < 0.5 * len(region_lines)
    collapsed = len(region_lines) < 3 and preamble_end - start > 400
    blank_set = set(region_blanks)

    cuts: dict[int, LeadMatch | None] = {}
    for pos in region_lines:
        if pos >= preamble_end or _prev_char(text, pos) not in _END_PUNCT:
            continue
        lead = leads.at(pos, "preambular") or leads.at(pos, "operative")
        if lead is not None or (blank_separates and pos in blank_set):
            cuts[pos] = lead
    mid_line = language in _CASED or collapsed
    if mid_line:
        for pos in _split_after(text, start, preamble_end, language in _CASED):
            if pos in cuts or pos >= preamble_end:
                continue
            if language in _CASED and not text[pos : pos + 1].isupper():
                continue
            lead = leads.at(pos, "preambular")
            if lead is not None:
                cuts[pos] = lead
    first_start, _ = trim_span(text, start, preamble_end)
    fragment_start: int | None = None
    if fragment:
        first_lead = leads.at(first_start, "preambular")
        if first_lead is None and cuts:
            fragment_start = min(cuts)
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
            last.subparagraphs = _subparagraphs(
                text, last.start, last.end, language, clean.line_starts
            )
    for k, (number, _, text_start) in enumerate(numbers):
        stop = numbers[k + 1][1] if k + 1 < len(numbers) else end
        s, e = trim_span(text, text_start, stop)
        lead = leads.at(s, "operative")
        subs = _subparagraphs(text, s, e, language, clean.line_starts)
        paragraphs.append(RawParagraph(True, s, e, number, lead, subs))
    return paragraphs, fragment_start


# --------------------------------------------------------------------------------------------
# Subparagraphs

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_ABJAD = [
    "أ",
    "ب",
    "ج",
    "د",
    "هـ",
    "و",
    "ز",
    "ح",
    "ط",
    "ي",
    "ك",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
]
_ROMAN = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
]
_HAN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
_LABEL = re.compile(
    r"\((?P<p>[a-z]{1,2}|[ivx]{1,5}|[\u0621-\u064a]{1,2}ـ?|[一二三四五六七八九十]{1,2})\)"
    r"|(?<![\w(])(?P<b>[a-z]{1,2}|[ivx]{1,5})\)"
)
_LABEL_REACH = 7  # "(" + five letters + ")"
_DOT_REACH = 4  # the longest third- or fourth-degree label before its ".": "viii", "xiii"
# One letter and "." after a label's white space: an abbreviation ("a. m.", "i. e."), except
# "i." (a third-degree item that opens with its first fourth-degree label).
_ABBREVIATION = re.compile(r"\s+(?!i\.\s)[a-z]\.")


def _level1(value: str) -> int | None:
    if len(value) == 1 and value in _LATIN:
        return _LATIN.index(value)
    if value in _ABJAD:
        return _ABJAD.index(value)
    if value in {"هـ", "ه"}:
        return 4
    return None


def _level2(value: str) -> int | None:
    if value in _ROMAN:
        return _ROMAN.index(value)
    if value in _HAN:
        return _HAN.index(value)
    return None


def _subparagraphs(
    text: str, start: int, end: int, language: str, line_starts: Sequence[int] = ()
) -> list[RawSubparagraph]:
    """Subparagraphs of an operative paragraph, in four degrees: "(a)", "a)", "(أ)"; "(i)",
    "i)", "(一)"; then, inside a second-degree item, "a."; inside a third-degree one, "i.".

    Anchors go one parenthesised label per degree, letters for the first and third degrees,
    Roman numerals for the second and fourth: `(a)`, `(a)(ii)`, `(a)(ii)(b)`,
    `(a)(ii)(b)(iii)`. `line_starts` (clean offsets that begin a source line) let a third-
    or fourth-degree label that continues its sequence stand at a line start with no end
    punctuation before it (`_dot_labels`).
    """
    del language
    # Every first- or second-degree label ends with ")": most paragraphs have none.
    first_paren = text.find(")", start, end)
    if first_paren < 0:
        return []
    labels = _paren_labels(text, start, end, first_paren)
    if any(level == 2 for level, _, _, _ in labels):
        labels = _with_dot_labels(text, end, labels, line_starts)
    items: list[RawSubparagraph] = []
    # The open item of each degree, in order: a label closes those of its degree and deeper
    # (each ends where the next label of its degree or a shallower one starts) and is the
    # child of the open item one degree up. One pass: a hostile text's many labels cost
    # no more than its length.
    open_items: list[tuple[int, RawSubparagraph]] = []
    for level, index, ls, le in labels:
        while open_items and open_items[-1][0] >= level:
            _close(text, open_items.pop()[1], ls)
        name = _LATIN[index] if level % 2 else _ROMAN[index]
        if level == 1:
            item = RawSubparagraph(f"({name})", ls, le, le, le)
            items.append(item)
        elif open_items and open_items[-1][0] == level - 1:
            parent = open_items[-1][1]
            item = RawSubparagraph(f"{parent.anchor}({name})", ls, le, le, le)
            parent.children.append(item)
        else:  # no open item one degree up (not produced by the label readers): not read
            continue
        open_items.append((level, item))
    for _, item in open_items:
        _close(text, item, end)
    return items


def _close(text: str, item: RawSubparagraph, stop: int) -> None:
    """Set `item`'s text: from its label to `stop`, trimmed."""
    item.start, item.end = trim_span(text, item.label_end, stop)


def _paren_labels(
    text: str, start: int, end: int, first_paren: int
) -> list[tuple[int, int, int, int]]:
    """(degree, index, label start, label end) of the first- and second-degree labels;
    `first_paren`: where the first ")" of `text[start:end]` is."""
    labels: list[tuple[int, int, int, int]] = []
    level1: int | None = None
    level2: int | None = None
    # Every label ends with ")" and is at most `_LABEL_REACH` long: scan only from there (the
    # pattern has no fixed first letter, so the engine would try every position).
    scan_from = max(start, first_paren + 1 - _LABEL_REACH)
    for m in _LABEL.finditer(text, scan_from, text.rfind(")", start, end) + 1):
        s = m.start()
        before = _prev_char(text, s)
        if s > start and before not in _END_PUNCT:
            continue
        if m.end() < end and not text[m.end()].isspace():
            continue
        value = m.group("p") or m.group("b") or ""
        first, second = _level1(value), _level2(value)
        if (
            first is not None
            and ((level1 is None and first == 0) or (level1 is not None and first == level1 + 1))
            and not (second == 0 and level1 is not None and level1 != 7)
        ):
            labels.append((1, first, s, m.end()))
            level1, level2 = first, None
        elif (
            second is not None
            and level1 is not None
            and ((level2 is None and second == 0) or (level2 is not None and second == level2 + 1))
        ):
            labels.append((2, second, s, m.end()))
            level2 = second
    return labels


def _with_dot_labels(
    text: str,
    end: int,
    labels: list[tuple[int, int, int, int]],
    line_starts: Sequence[int],
) -> list[tuple[int, int, int, int]]:
    """`labels` with the third- and fourth-degree labels read inside each second-degree item
    (from its label to the next first- or second-degree label), in text order."""
    merged: list[tuple[int, int, int, int]] = []
    for k, label in enumerate(labels):
        merged.append(label)
        if label[0] == 2:
            stop = labels[k + 1][2] if k + 1 < len(labels) else end
            merged.extend(_dot_labels(text, label[3], stop, line_starts))
    return merged


def _dot_labels(
    text: str, start: int, end: int, line_starts: Sequence[int]
) -> list[tuple[int, int, int, int]]:
    """(degree, index, label start, label end) of the labels "a.", "b." (third degree) and
    "i.", "ii." (fourth) in `text[start:end]`, the text of one second-degree item after its
    label.

    A label is one Latin letter (third degree) or a Roman numeral up to "xv" (fourth), then
    "." and white space, then text; no letter, digit or "." before it ("e.g.", "para.",
    "Smith."); not followed by one letter and "." ("a. m.", "i. e."; "a. i." may open a
    fourth degree). It counts when it continues the sequence of its degree or starts one
    ("a." under the second-degree item, "i." under a third-degree one; "i." is a third-degree
    label only after "h.", like "(i)" after "(h)"), and when it stands right after its
    parent's label, or after end punctuation, or, continuing a sequence, at a line start
    (a starting "a." at a line start with no punctuation before is a wrapped sentence's).
    Costs one `str.find` per "." of the item.
    """
    found: list[tuple[int, int, int, int]] = []
    level3: int | None = None
    level4: int | None = None
    first_text = trim_span(text, start, end)[0]  # a label here follows its parent's
    at = text.find(".", start, end)
    while at >= 0:
        s = at
        while s > start and at - s <= _DOT_REACH and "a" <= text[s - 1] <= "z":
            s -= 1
        value = text[s:at]
        after = at + 1
        if (
            0 < at - s <= _DOT_REACH
            and after < end
            and text[after].isspace()
            and (s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "."))
            and _ABBREVIATION.match(text, after, end) is None
            and trim_span(text, after, end)[0] < end
        ):
            third = _LATIN.find(value) if len(value) == 1 else -1
            fourth = _ROMAN.index(value) if value in _ROMAN else -1
            level, index = 0, 0
            if (
                third >= 0
                and third == (0 if level3 is None else level3 + 1)
                and not (fourth == 0 and level3 is not None and level3 != 7)
            ):
                level, index = 3, third
            elif (
                fourth >= 0
                and level3 is not None
                and fourth == (-1 if level4 is None else level4) + 1
            ):
                level, index = 4, fourth
            if level and _dot_label_placed(text, s, first_text, index > 0, line_starts):
                found.append((level, index, s, after))
                if level == 3:
                    level3, level4 = index, None
                else:
                    level4 = index
        at = text.find(".", after, end)
    return found


def _dot_label_placed(
    text: str, s: int, first_text: int, continues: bool, line_starts: Sequence[int]
) -> bool:
    """Whether a third- or fourth-degree label at `s` stands where a label may: first in its
    second-degree item, after end punctuation (a fourth-degree label right after its parent's
    "a." is), or, when it `continues` its sequence, at a line start."""
    if s == first_text or _prev_char(text, s) in _END_PUNCT:
        return True
    if not continues:
        return False
    gap = s
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    i = bisect_left(line_starts, gap)
    return i < len(line_starts) and line_starts[i] <= s
