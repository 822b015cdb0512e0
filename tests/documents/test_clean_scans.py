"""Fast scans of the cleaning stage and of reading text, each against the plain scan it replaces.

Hand-written and generated inputs only (no UN text is copied here).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents import controls, footnotes, source
from hrdialogue.documents.dates import MONTH_NAMES
from hrdialogue.documents.errors import NotText

# Text rich in what the scans look at: control characters (C0, DEL, C1), their neighbours and
# characters whose UTF-8 bytes resemble them.
_CONTROLISH = st.text(
    alphabet=st.sampled_from(
        [*map(chr, range(0x21)), "\x7f", *map(chr, range(0x80, 0xA2)), "a", "я", "€", "😀"]
    )
    | st.characters(),
    max_size=60,
)


@given(_CONTROLISH)
@settings(max_examples=400)
def test_controls_counted_in_utf8_bytes_as_in_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return  # (a lone surrogate: not UTF-8, never counted)
    plain = len(controls.CONTROL.findall(text))
    refused = "\x00" in text or plain > max(2, len(text) // 100)
    for utf8 in (None, data):
        if refused:
            with pytest.raises(NotText, match=rf"\({plain} control characters\)"):
                source._check_controls(text, "x.txt", utf8)
        else:
            assert source._check_controls(text, "x.txt", utf8) is text


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("18 декабря", True),
        ("18 ДЕКАБРЯ", True),
        ("5 de mayo", True),
        ("5 Mai", True),
        ("5 lune", False),
        ("3 статьи", False),
        ("1 كانون الثاني", True),
    ],
)
def test_months_grouped_by_first_letter_match_as_listed(text: str, month: bool) -> None:
    listed = re.compile(rf"\s*(?:de\s+)?(?:{MONTH_NAMES})", re.IGNORECASE)
    assert bool(listed.match(text, text.index(" "))) is month
    assert bool(footnotes._MONTH_AFTER.match(text, text.index(" "))) is month


@given(st.text(alphabet=st.sampled_from([*"dDsSſkKaáéи", *"ДдСсЯя ", "ǅ", "İ"]), max_size=12))
def test_months_grouped_by_first_letter_match_any_text_as_listed(text: str) -> None:
    listed = re.compile(rf"\s*(?:de\s+)?(?:{MONTH_NAMES})", re.IGNORECASE)
    assert bool(footnotes._MONTH_AFTER.match(text)) == bool(listed.match(text))
