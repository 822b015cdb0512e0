"""The footnote digit scan (`footnotes._DIGITS`, `_DIGITS_BMP`) against the plain scan it replaces.

Hand-written and generated inputs only (no UN text is copied here).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents import footnotes
from hrdialogue.documents.dates import MONTH_NAMES

_HOST = footnotes._HOST
# The scan as first written: the first digit of a run found by `\d`, its branches tried one
# after the other, each with its own end of run test, and the month test without a prefilter.
_PLAIN = re.compile(
    r"\d(?<!\d\d)(?:"
    r"(?<=[^\W\d_]\d)\d?(?!\d)(?=[/ \t\n\r\u00a0,.;:،؛)\]]|\Z)"
    r"|(?<=[^\W\d_]\(\d)\d?(?=\))"
    rf"|(?<=[ \t\u00a0]\d)(?:(?<={_HOST}[ \t\u00a0]\d)|(?<={_HOST}[ \t\u00a0]{{2}}\d)"
    rf"|(?<={_HOST}[ \t\u00a0]{{3}}\d)|(?<={_HOST}[ \t\u00a0]{{4}}\d))"
    rf"\d?(?!\d)(?={footnotes._SPACED_END.pattern})"
    rf"(?!(?i:\s*(?:de\s+)?(?:{MONTH_NAMES})))"
    r"|\d{4,5}(?!\d)(?=[/,.;:)])"
    r")"
)

# Text rich in what the scan looks at: digits (ASCII, Arabic-Indic, astral), letters before
# and after them, spaces, brackets and punctuation, month names; and any character.
_PIECES = [
    *"0123456789",
    "١",
    "٢",
    "\U000104a1",  # OSMANYA DIGIT ONE: an astral decimal digit
    "\U0001d7cf",  # MATHEMATICAL BOLD DIGIT ONE
    "\U0001d400",  # an astral letter
    *"aZяД",
    *" \t\n\u00a0",
    *"()[],.;:/",
    "،",
    " декабря",
    " de mayo",
    " DECEMBER",
    "1993",
    "19931/",
]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.characters(), max_size=30).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@given(_TEXTS)
@settings(max_examples=1500)
def test_digit_scan_finds_what_the_plain_scan_finds(text: str) -> None:
    assert _spans(footnotes._DIGITS, text) == _spans(_PLAIN, text)


@given(_TEXTS)
@settings(max_examples=1500)
def test_bmp_digit_scan_finds_the_same_in_text_without_astral_characters(text: str) -> None:
    bmp = "".join(ch for ch in text if ord(ch) < 0x10000)
    assert _spans(footnotes._DIGITS_BMP, bmp) == _spans(_PLAIN, bmp)


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        # hand-written: a marker glued to a word, in text with and without astral characters
        ("принятой в 1993 году1, и", "1"),
        ("принятой в 1993 году1, и \U0001d400", "1"),
        ("the Declaration\U000104a1, and", "\U000104a1"),
        ("the Declaration 2 and the \U0001f600 Programme", "2"),
    ],
)
def test_candidates_read_markers_in_text_with_or_without_astral_characters(
    text: str, marker: str
) -> None:
    found = footnotes._candidates(text, 0, [])
    assert [c.marker for c in found] == [marker]


@given(_TEXTS)
@settings(max_examples=1500)
def test_ascii_digit_scan_finds_the_same_in_ascii_text(text: str) -> None:
    ascii_text = "".join(ch for ch in text if ch.isascii())
    assert _spans(footnotes._DIGITS_ASCII, ascii_text) == _spans(_PLAIN, ascii_text)
