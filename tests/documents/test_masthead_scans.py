"""The masthead's quick tests against the plain ways they stand in for.

`_first_symbol` tries a "/" only after a character in `_SYMBOL_FIRSTS`; `read_masthead` tries
the number line only at a line that opens with white space, a decimal digit or "S"/"E". Each is
checked against the plain way: every code point that folds to a symbol's first letter, and the
number-line pattern at line starts of generated heads (hand-written alphabets, no shared data).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents import masthead
from hrdialogue.languages import fold_homoglyphs


def test_symbol_firsts_are_every_code_point_that_folds_to_a_e_or_s() -> None:
    plain = {chr(cp) for cp in range(0x110000) if fold_homoglyphs(chr(cp)) in ("A", "E", "S")}
    assert plain == masthead._SYMBOL_FIRSTS
    assert {"A", "E", "S", "А", "Е", "Ѕ"} <= plain  # Latin, and Cyrillic look-alikes


def _plain_first_symbol(text: str) -> str | None:
    for m in masthead._SYMBOL.finditer(fold_homoglyphs(text)):
        if any(ch.isdigit() for ch in m.group(1)):
            return m.group(1)
    return None


_HEAD = st.text(alphabet="AESЕАSs/ 0123456789.-()RCL\n|", max_size=60)


@given(_HEAD)
def test_first_symbol_is_the_plain_scans(text: str) -> None:
    assert masthead._first_symbol(text) == _plain_first_symbol(text)


def test_first_symbol_of_hand_written_heads() -> None:
    assert masthead._first_symbol("63/180. Укрепление А/RES/63/180") == "A/RES/63/180"
    assert masthead._first_symbol("18/12/2008 E/CN.4/2001/2") == "E/CN.4/2001/2"
    assert masthead._first_symbol("63/180 12/3") is None


@given(st.text(alphabet=" \t\u00a0SE-0123456789٣/.xА", max_size=12))
def test_a_line_the_quick_test_skips_never_holds_a_number_line(line: str) -> None:
    first = line[:1]
    if not (first.isdecimal() or first in "SE" or first.isspace()):
        assert masthead._NUMBER_LINE.match(line) is None
