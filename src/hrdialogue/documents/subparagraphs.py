"""Subparagraphs of an operative paragraph, in four degrees, anchored after the paragraph's
anchor as `(a)`, `(a)(ii)`, `(a)(ii)(b)`, `(a)(ii)(b)(iii)`, the same in all six languages.

The forms read (`reference/un-documents.md` §1.2, and what PDF extraction makes of them):

* first degree: `(a)`, `a)` (French, Spanish, Russian), `(أ)` (Arabic abjad), `（a）`; Latin
  labels printed with Cyrillic look-alikes (`а)`, `с)`); the Russian alphabetical numbering
  `а) б) в)`, read by position (`в)` is `(c)`);
* second degree: `(i)`, `i)` (look-alikes too: `іі)`), `(一)`/`（一）`/`㈠` (Chinese); under
  an Arabic letter, `` `1` `` (back-ticks or single quotes), `(1)`, `(١)`;
* third degree `a.` inside a second-degree item; fourth degree `i.` inside a third-degree one;
  both with Cyrillic look-alikes too (`а.`, `с.`, `і.`), not where they are abbreviations
  (`с. 12`, page 12; `с. Ивановка`, village); the Russian alphabetical numbering `а. б. в.`,
  read by position (`в.` is `(c)`), one label a line.

A first- or second-degree label stands at the start of the paragraph or after end punctuation;
the first label of a sequence may also stand after a word ("…as follows (a) …; (b) …", Chinese
"如下(a)…；(b)…" with no space) when the next label continues the sequence, or when the item
it opens holds its own second degree and the first degree goes on after it ("(a) …, including
(i) …; (ii) …; (b) …"), and the word names no part of a text ("subparagraph (a)", "第4段(a)").

Works on `CleanText` offsets (NFKC: `（一）` and `㈠` read `(一)`): `segment` finds the
paragraphs, this module the labels inside one.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from hrdialogue.documents.spans import END_PUNCT, prev_char, trim_span

__all__ = ["RawSubparagraph", "find_stray_labels", "find_subparagraphs"]


@dataclass(slots=True)
class RawSubparagraph:
    anchor: str  # "(a)", "(a)(ii)", "(a)(ii)(b)", "(a)(ii)(b)(iii)" — after the paragraph's anchor
    label_start: int
    label_end: int
    start: int
    end: int
    children: list[RawSubparagraph] = field(default_factory=list)


_LATIN = "abcdefghijklmnopqrstuvwxyz"
# The Russian alphabetical numbering "а) б) в)" (Russian legal drafting; a UN text prints Latin
# "a) b)"), without ё, й, ъ, ы, ь: read by position, "в)" is `(c)`, so that anchors are the same
# in every language version.
_CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя"
# Cyrillic letters that look Latin, as PDF extraction puts them in Latin labels ("а)", "іі)"):
# read as the Latin letter. A Cyrillic letter that is also in `_CYRILLIC` (а, е, о, р, с, у, х)
# keeps both readings; the label sequence decides.
_LOOK_ALIKE_LETTERS: Final = "асеорхуіјѕһԁѵ"
_LOOK_ALIKES: Final = str.maketrans(_LOOK_ALIKE_LETTERS, "aceopxyijshdv")
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
_HAN = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
]
_LETTERS = "a-zа-яіјѕһԁѵ"  # Latin, Cyrillic and the look-alikes above
_NUMERALS = "ivxіхѵ"  # Roman numerals, look-alikes included
_DIGITS = "0-9\u0660-\u0669"  # ASCII and Arabic-Indic: "(1)", "(١)"
_LABEL = re.compile(
    rf"\((?P<p>[{_LETTERS}]{{1,2}}|[{_NUMERALS}]{{1,5}}|[\u0621-\u064a]{{1,2}}ـ?"
    rf"|[一二三四五六七八九十]{{1,2}}|[{_DIGITS}]{{1,2}})\)"
    rf"|(?<![\w(])(?P<b>[{_LETTERS}]{{1,2}}|[{_NUMERALS}]{{1,5}})\)"
)
# The Arabic second degree: a numeral between back-ticks or single quotes, "`1`", "’1‘" (either
# way round, as right-to-left text is extracted).
_QUOTE_MARKS = "`‘’"
_QUOTE_LABEL = re.compile(
    rf"(?<![\w{_QUOTE_MARKS}])[{_QUOTE_MARKS}](?P<q>[{_DIGITS}]{{1,2}})[{_QUOTE_MARKS}]"
)
_LABEL_REACH = 7  # "(" + five letters + ")"
_DOT_REACH = 4  # the longest third- or fourth-degree label before its ".": "viii", "xiii"
# One letter and "." after a label's white space: an abbreviation ("a. m.", "i. e."), except
# "i." (a third-degree item that opens with its first fourth-degree label).
_ABBREVIATION = re.compile(r"\s+(?!i\.\s)[a-z]\.")
# After a label printed with Cyrillic look-alikes ("а.", "с.", "і."), in Russian text: a digit
# ("с. 12", page 12) or one letter of either script and "." ("с. г.", "т. е."), except "i."
# or "і." (a third-degree item that opens with its first fourth-degree label).
_NOT_AFTER_CYRILLIC = re.compile(r"\s+(?:\d|(?![iі]\.\s)[^\W\d_]\.)")

# The numberings ("schemes") a first- or second-degree label may belong to. A sequence keeps
# to the numberings its labels share: "a) б)" is no sequence.
_Reading = tuple[int, str, int]  # (degree, numbering, index)


@functools.lru_cache(maxsize=512)
def _readings(value: str) -> tuple[_Reading, ...]:
    """Every way `value`, a label without its brackets (or its "."), may be read: first
    degree in Latin letters (look-alikes folded), the Russian alphabet or the Arabic abjad;
    second degree in Roman numerals, Chinese numerals or digits. The third and fourth degrees
    read as the first and second (letters, then Roman numerals)."""
    found: list[_Reading] = []
    latin = value.translate(_LOOK_ALIKES)
    if len(latin) == 1 and latin in _LATIN:
        found.append((1, "latin", _LATIN.index(latin)))
    if len(value) == 1 and value in _CYRILLIC and _CYRILLIC.index(value) < len(_LATIN):
        found.append((1, "cyrillic", _CYRILLIC.index(value)))
    if value in _ABJAD:
        found.append((1, "abjad", _ABJAD.index(value)))
    elif value == "ه":
        found.append((1, "abjad", 4))
    if latin in _ROMAN:
        found.append((2, "roman", _ROMAN.index(latin)))
    if value in _HAN:
        found.append((2, "han", _HAN.index(value)))
    if value.isdecimal() and 0 < int(value) <= len(_ROMAN):
        found.append((2, "digits", int(value) - 1))
    return tuple(found)


@dataclass(slots=True)
class _Sequence:
    """Where the first- and second-degree label sequences of one paragraph stand (or the
    third and fourth degrees of one second-degree item: `_dot_labels`): the last index of
    each degree and the numberings it may be in."""

    level1: int | None = None
    schemes1: frozenset[str] = frozenset()
    level2: int | None = None
    schemes2: frozenset[str] = frozenset()

    def copy(self) -> _Sequence:
        return _Sequence(self.level1, self.schemes1, self.level2, self.schemes2)

    def opens(self, value: str) -> bool:
        """Whether `value` would start the first-degree sequence, or a second-degree one under
        the open first-degree item."""
        read = self.copy().read(value)
        return read is not None and read[1] == 0

    def read(self, value: str) -> tuple[int, int] | None:
        """(degree, index) of the label `value` if it continues (or starts) a sequence; a
        first-degree reading first, except "i" (only after "h")."""
        readings = _readings(value)
        roman_first = (2, "roman", 0) in readings
        if not (roman_first and self.level1 is not None and self.level1 != 7):
            index = 0 if self.level1 is None else self.level1 + 1
            schemes = frozenset(
                s
                for d, s, i in readings
                if d == 1 and i == index and (self.level1 is None or s in self.schemes1)
            )
            if schemes:
                self.level1, self.schemes1, self.level2 = index, schemes, None
                return 1, index
        if self.level1 is None:
            return None
        index = 0 if self.level2 is None else self.level2 + 1
        schemes = frozenset(
            s
            for d, s, i in readings
            if d == 2
            and i == index
            and (self.level2 is None or s in self.schemes2)
            # Digits number the second degree under Arabic letters only.
            and (s != "digits" or "abjad" in self.schemes1)
        )
        if not schemes:
            return None
        self.level2, self.schemes2 = index, schemes
        return 2, index


def find_subparagraphs(
    text: str, start: int, end: int, language: str, line_starts: Sequence[int] = ()
) -> list[RawSubparagraph]:
    """Subparagraphs of an operative paragraph, in four degrees: "(a)", "a)", "(أ)", "а)";
    "(i)", "i)", "(一)", "`1`"; then, inside a second-degree item, "a."; inside a third-degree
    one, "i." (the forms: the module's docstring).

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


def find_stray_labels(
    text: str,
    start: int,
    end: int,
    items: Sequence[RawSubparagraph],
    line_starts: Sequence[int],
) -> list[tuple[int, str]]:
    """The first- and second-degree labels that open a source line after end punctuation in
    `text[start:end]`, as subparagraph labels do, but that no sequence of `items` (what
    `find_subparagraphs` read there) takes: a label skipped ("(b)" then "(d)") or printed
    twice. (where, the label as printed), each read as text of the item before it."""
    first_paren = text.find(")", start, end)
    if first_paren < 0 or not line_starts:
        return []
    taken: set[int] = set()
    stack = list(items)
    while stack:
        item = stack.pop()
        taken.add(item.label_start)
        stack.extend(item.children)
    return [
        (s, text[s:e])
        for s, e, value, placed in _candidates(text, start, end, first_paren)
        if placed
        and s not in taken
        and _readings(value)
        and _opens_line(text, s, line_starts, punctuated=True)
    ]


def _close(text: str, item: RawSubparagraph, stop: int) -> None:
    """Set `item`'s text: from its label to `stop`, trimmed."""
    item.start, item.end = trim_span(text, item.label_end, stop)


_Label = tuple[int, int, int, int]  # (degree, index, label start, label end)


def _paren_labels(text: str, start: int, end: int, first_paren: int) -> list[_Label]:
    """(degree, index, label start, label end) of the first- and second-degree labels;
    `first_paren`: where the first ")" of `text[start:end]` is.

    A label that stands after a word, not after end punctuation ("…as follows (a) …"), may
    open a sequence: it counts when the next label that stands where labels do continues it
    ("(a) … ; (b)"), or when the first degree it opens goes on after the opener's own second
    degree ("(a) … including (i) …; (ii) …; (b)": `_nested_opening`). The last such opener
    before that label is the one.
    """
    labels: list[_Label] = []
    sequence = _Sequence()
    opener: int | None = None  # where the pending opener is in `found`
    found = _candidates(text, start, end, first_paren)
    k = 0
    while k < len(found):
        s, e, value, placed = found[k]
        if not placed:
            if sequence.opens(value) and _may_open(text, s, e):
                opener = k
            k += 1
            continue
        if opener is not None:
            trial = sequence.copy()
            o_start, o_end, o_value, _ = found[opener]
            first, then = trial.read(o_value), trial.read(value)
            if first is not None and then is not None and then == (first[0], 1):
                labels.append((first[0], 0, o_start, o_end))
                labels.append((then[0], 1, s, e))
                sequence, opener = trial, None
                k += 1
                continue
            nested = _nested_opening(text, found, opener, sequence) if first == (1, 0) else None
            opener = None
            if nested is not None:
                # The opener and its second degree are read; the label that continues the
                # first degree is read next, as any.
                sequence, opened, k = nested
                labels.extend(opened)
                continue
        read = sequence.read(value)
        if read is not None:
            labels.append((read[0], read[1], s, e))
        k += 1
    return labels


def _nested_opening(
    text: str,
    found: list[tuple[int, int, str, bool]],
    opener: int,
    sequence: _Sequence,
) -> tuple[_Sequence, list[_Label], int] | None:
    """The labels of a first-degree opener, `found[opener]`, whose item holds its own second
    degree ("as follows (a) x, including (i) y; (ii) z; (b) w"): the opener, then the second
    degree under it up to the label that continues the first degree (`(b)`), with the
    sequence as it stands before that label and where that label is in `found`.

    The second degree's first label may stand after a word (`_may_open`: "including (i)");
    every other label counted stands where labels do. None when the labels after the opener
    do not run so, or when a later label after a word could open the first degree instead
    (the last opener is the one).
    """
    trial = sequence.copy()
    s, e, value, _ = found[opener]
    trial.read(value)
    read: list[_Label] = [(1, 0, s, e)]
    for j in range(opener + 1, len(found)):
        s, e, value, placed = found[j]
        if not placed:
            if len(read) == 1 and trial.opens(value) and _may_open(text, s, e):
                trial.read(value)
                read.append((2, 0, s, e))
            elif sequence.opens(value) and _may_open(text, s, e):
                return None
            continue
        step = trial.copy().read(value)
        if step == (1, 1) and len(read) > 1:
            return trial, read, j
        if step is None or step[0] != 2:
            return None
        trial.read(value)
        read.append((2, step[1], s, e))
    return None


def _candidates(
    text: str, start: int, end: int, first_paren: int
) -> list[tuple[int, int, str, bool]]:
    """(start, end, value, placed) of each bracketed label before white space (or, in
    Chinese text, before an ideograph: "(a)在国家一级"); `placed`: at the start of
    `text[start:end]` or after end punctuation (a label elsewhere may at most open a
    sequence: `_paren_labels`, `_may_open`)."""
    found: list[tuple[int, int, str, bool]] = []
    # Every label ends with ")" and is at most `_LABEL_REACH` long: scan only from there (the
    # pattern has no fixed first letter, so the engine would try every position).
    scan_from = max(start, first_paren + 1 - _LABEL_REACH)
    for m in _LABEL.finditer(text, scan_from, text.rfind(")", start, end) + 1):
        where = _placement(text, start, end, m.start(), m.end())
        if where is not None:
            found.append((m.start(), m.end(), m.group("p") or m.group("b") or "", where))
    # "`1`" numbers the second degree under an Arabic letter label: looked for after the
    # first one, where the text has a back-tick or a single quote.
    arabic = next((s for s, _, v, _ in found if "\u0621" <= v[0] <= "\u064a"), -1)
    if arabic >= 0 and any(text.find(q, arabic, end) >= 0 for q in _QUOTE_MARKS):
        for m in _QUOTE_LABEL.finditer(text, arabic, end):
            where = _placement(text, start, end, m.start(), m.end())
            if where is not None:
                found.append((m.start(), m.end(), m.group("q"), where))
        found.sort()
    return found


def _placement(text: str, start: int, end: int, s: int, e: int) -> bool | None:
    """True where a label at `text[s:e]` stands as labels do, False where it may at most open
    a sequence (`_may_open`), None where it is no label (see `_candidates`)."""
    if not (e >= end or text[e].isspace() or "\u3400" <= text[e] <= "\u9fff"):
        return None
    return s == start or prev_char(text, s) in END_PUNCT


# Words that name a part of a text: a label after one is a cross-reference ("subparagraph
# (a)", "l'alinéa a)", "подпункт а)", "الفقرة (أ)"). The word before the label must be one of
# them, whole, in one of the forms listed: a verb or another word that holds one ("разделяя",
# sharing; "المتفرعة", derived; "particular", "частности", "главным", "pointed") is none. Not
# "parte", "partie": "Estados partes", "États parties" (States parties) may stand before a list
# of what they are to do.
_PART_FORMS: Final = (
    # English
    r"(?:sub)?(?:paragraph|section|item|part)s?|articles?|annex(?:es)?|rules?|chapters?|points?",
    # French (article, section, point above): (sous-)alinéa, paragraphe, annexe, chapitre
    r"alinéas?|paragraphes?|annexes?|chapitres?",
    # Spanish: (sub)apartado, inciso, párrafo, artículo, sección, anexo, capítulo
    r"(?:sub)?(?:apartado|inciso|párrafo)s?|artículos?|(?:sub)?secci(?:ón|ones)|anexos?|capítulos?",
    # Russian, in every case: (под)пункт, (под)раздел, абзац, глава, статья, часть, приложение
    r"(?:под)?(?:пункт|раздел)(?:а|у|ом|е|ы|ов|ам|ами|ах)?|абзац(?:а|у|ем|е|ы|ев|ам|ами|ах)?",
    r"глав(?:а|ы|е|у|ой|ою|ам|ами|ах)?|стать(?:я|и|е|ю|ей|ёй|ям|ями|ях)|статей",
    r"част(?:ь|и|ью|ей|ям|ями|ях)|приложени(?:е|я|ю|ем|и|й|ям|ями|ях)",
    # Arabic, after the clitics و ف, ب ك ل, ال (للفقرة, والفقرة, بالمادة): فقرة (paragraph) and
    # مادة (article), their dual, plural and suffixed forms (فقرتين, فقرات, فقرته), مواد; بند,
    # بنود (item); فرع, فروع (section), فرعي, فرعية (sub-: الفقرة الفرعية, subparagraph); مرفق
    # (annex). Not "الفقر" (poverty), "اعتماد" (adoption), "المتفرعة" (derived).
    r"(?:[وف]?(?:[بك]?ال|لل|[بلك]))?"
    r"(?:(?:فقر|ماد)(?:ة|ات|ت(?:ين|ان|ا|ي)?)|مواد|بنو?د|فرو?ع|مرفق(?:ات)?"
    r"|(?:بند|فرع|مرفق)(?:ا|ين|ان)|فرعي(?:ة|ين|ان|ات|تين|تان)?)(?:ه|ها|هما|هم)?",
)
_PART_WORD: Final = re.compile("|".join(_PART_FORMS))
# Chinese names the part around the number or label: "第4段(a)", "第(a)段", "分段(a)",
# "第3条(a)款", "第二节", "第一章", "第三部分", "附件". A label after one of these, or right
# after "第", is a cross-reference; so is one followed by "段" or "分段" ("(a)分段").
_HAN_PART_WORDS: Final = frozenset("段项条款节章第")
_HAN_PART_PAIRS: Final = frozenset(("部分", "附件"))
_HAN_PART_AFTER: Final = ("段", "分段")


def _may_open(text: str, s: int, e: int) -> bool:
    """Whether a label at `text[s:e]`, after a word, may open a sequence: the word is letters
    (white space between, or none after a Chinese ideograph: "如下(a)") and names no part of
    a text (`_PART_FORMS`, `_HAN_PART_WORDS`)."""
    k = s
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == 0 or not text[k - 1].isalpha():
        return False
    if "\u3400" <= text[k - 1] <= "\u9fff":
        return not (
            text[k - 1] in _HAN_PART_WORDS
            or (k > 1 and text[k - 2 : k] in _HAN_PART_PAIRS)
            or text.startswith(_HAN_PART_AFTER, e)
        )
    if k == s:
        return False
    w = k
    while w > 0 and k - w < 30 and text[w - 1].isalpha():
        w -= 1
    word = text[w:k].lower()
    return _PART_WORD.fullmatch(word) is None


def _with_dot_labels(
    text: str, end: int, labels: list[_Label], line_starts: Sequence[int]
) -> list[_Label]:
    """`labels` with the third- and fourth-degree labels read inside each second-degree item
    (from its label to the next first- or second-degree label), in text order."""
    merged: list[_Label] = []
    for k, label in enumerate(labels):
        merged.append(label)
        if label[0] == 2:
            stop = labels[k + 1][2] if k + 1 < len(labels) else end
            merged.extend(_dot_labels(text, label[3], stop, line_starts))
    return merged


def _dot_labels(text: str, start: int, end: int, line_starts: Sequence[int]) -> list[_Label]:
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
    The two degrees run as the first two do (`_Sequence`).

    Its letters may be Cyrillic look-alikes, as a Russian text out of a PDF prints them ("а.",
    "с.", "і.", "іі."): read as the Latin letters, with more care, since a Russian text has
    one-letter abbreviations (`_not_cyrillic_dot_label`: "с. 12", page 12; "т. е."; "с.
    Ивановка", village). The third degree may also be the Russian alphabet, "а. б. в.", read
    by position like the first degree's "а) б) в)" ("в." is `(c)`, "е." `(f)`): each label
    after "а." at a line start after end punctuation, where Russian drafting prints it (in
    a line, "б.", "в.", "г." are abbreviations: бывший, век, год).
    Costs one `str.find` per "." of the item.
    """
    found: list[_Label] = []
    sequence = _Sequence()  # level1: the third degree, level2: the fourth
    first_text = trim_span(text, start, end)[0]  # a label here follows its parent's
    at = text.find(".", start, end)
    while at >= 0:
        s = at
        while (
            s > start
            and at - s <= _DOT_REACH
            and ("a" <= text[s - 1] <= "z" or text[s - 1] in _LOOK_ALIKE_LETTERS)
        ):
            s -= 1
        if s == at and s > start and text[s - 1] in _CYRILLIC:  # "б.", "в.": the alphabet
            s -= 1
        value = text[s:at]
        cyrillic = not value.isascii()  # look-alikes or the Russian alphabet
        after = at + 1
        if (
            0 < at - s <= _DOT_REACH
            and after < end
            and text[after].isspace()
            and (s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "."))
            and _ABBREVIATION.match(text, after, end) is None
            and (opening := trim_span(text, after, end)[0]) < end  # where its text opens
            and not (cyrillic and _not_cyrillic_dot_label(text, s, after, end, found))
        ):
            trial = sequence.copy()
            read = trial.read(value)
            level, index = (read[0] + 2, read[1]) if read is not None else (0, 0)
            if (
                level
                and _dot_label_placed(text, s, first_text, index > 0, line_starts)
                and not (
                    level == 3
                    and index > 0
                    and trial.schemes1 == _ALPHABET_ONLY
                    and not _opens_line(text, s, line_starts, punctuated=True)
                )
                and not (cyrillic and index > 0 and _breaks_the_run(text, opening, level, found))
            ):
                found.append((level, index, s, after))
                sequence = trial
        at = text.find(".", after, end)
    return found


_ALPHABET_ONLY: Final = frozenset(("cyrillic",))


def _breaks_the_run(text: str, opening: int, level: int, found: list[_Label]) -> bool:
    """Whether a label printed in Cyrillic that continues a sequence of its degree (`level`),
    whose text opens at `opening`, is rather an abbreviation before a name ("с. Ивановка",
    village; "г. Тверь", town): its text opens with a capital Cyrillic letter where the item
    before it in the sequence opens with a small letter."""
    c = text[opening]
    if not ("А" <= c <= "Я" or c == "Ё"):
        return False
    for degree, _, _, label_end in reversed(found):
        if degree == level:
            return text[trim_span(text, label_end, opening)[0]].islower()
    return False


def _not_cyrillic_dot_label(text: str, s: int, after: int, end: int, found: list[_Label]) -> bool:
    """Whether what looks like a third- or fourth-degree label printed with Cyrillic
    look-alikes, `text[s:after]`, is an abbreviation: a digit follows ("с. 12", page 12), or
    one letter and "." ("с. г."), or it follows one letter and "." ("т. е.": that "." ends no
    clause) that is not the label found before ("а. і.")."""
    if _NOT_AFTER_CYRILLIC.match(text, after, end) is not None:
        return True
    p = s
    while p > 0 and text[p - 1].isspace():
        p -= 1
    if p < 2 or text[p - 1] != "." or (found and found[-1][3] == p):
        return False
    return text[p - 2].isalpha() and (p < 3 or not text[p - 3].isalpha())


def _dot_label_placed(
    text: str, s: int, first_text: int, continues: bool, line_starts: Sequence[int]
) -> bool:
    """Whether a third- or fourth-degree label at `s` stands where a label may: first in its
    second-degree item, after end punctuation (a fourth-degree label right after its parent's
    "a." is), or, when it `continues` its sequence, at a line start."""
    if s == first_text or prev_char(text, s) in END_PUNCT:
        return True
    return continues and _opens_line(text, s, line_starts)


def _opens_line(text: str, s: int, line_starts: Sequence[int], *, punctuated: bool = False) -> bool:
    """Whether `s` is the first character of a source line but for white space (a line start
    in `line_starts` between it and the text before); with `punctuated`, after end
    punctuation too."""
    if punctuated and prev_char(text, s) not in END_PUNCT:
        return False
    gap = s
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    i = bisect_left(line_starts, gap)
    return i < len(line_starts) and line_starts[i] <= s
