"""Subparagraphs of an operative paragraph, in four degrees: first `(a)`, `a)`, `(أ)`, then
`(i)`, `i)`, `(一)`, then `a.`, then `i.`; anchored after the paragraph's anchor as `(a)`,
`(a)(ii)`, `(a)(ii)(b)`, `(a)(ii)(b)(iii)`, the same in all six languages.

Works on `CleanText` offsets: `segment` finds the paragraphs, this module the labels inside one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from hrdialogue.documents.spans import END_PUNCT, prev_char, trim_span

__all__ = ["RawSubparagraph", "find_subparagraphs"]


@dataclass(slots=True)
class RawSubparagraph:
    anchor: str  # "(a)", "(a)(ii)", "(a)(ii)(b)", "(a)(ii)(b)(iii)" — after the paragraph's anchor
    label_start: int
    label_end: int
    start: int
    end: int
    children: list[RawSubparagraph] = field(default_factory=list)


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


def find_subparagraphs(
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
        before = prev_char(text, s)
        if s > start and before not in END_PUNCT:
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
    if s == first_text or prev_char(text, s) in END_PUNCT:
        return True
    if not continues:
        return False
    gap = s
    while gap > 0 and text[gap - 1].isspace():
        gap -= 1
    i = bisect_left(line_starts, gap)
    return i < len(line_starts) and line_starts[i] <= s
