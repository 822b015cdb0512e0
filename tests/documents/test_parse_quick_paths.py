"""The reader's quick paths find what the plain ways find (hypothesis and exhaustive checks).

`parse_resolution` finds the document's own symbols in the text as printed, with the Cyrillic
and Greek look-alikes in its pattern, instead of folding the whole head first; and it skips
the bitext scan for text in another script unless its UTF-8 form holds a lead byte of Arabic
or CJK letters.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.parse import (
    _BITEXT_LATIN_FIRST,
    _BITEXT_OTHER_FIRST,
    _BITEXT_SEGMENTS,
    _OWN_SYMBOL,
    _is_bitext,
)
from hrdialogue.documents.symbols import is_latin1
from hrdialogue.languages import fold_homoglyphs

# The plain way: fold the look-alikes, then look for a symbol not glued to a word or a slash.
_PLAIN = re.compile(r"(?<![\w/(\[])((?:A|E|S)(?:/[A-Za-z0-9.\-]+)+)")
_PIECES = [*"AESаАЕСеЅSοΑ/.-()[]x 1\n", "RES/", "63/", "180", "HRC", "Е/", "А/", "CN.4", "Add.1"]


def test_only_greek_and_cyrillic_letters_fold_and_into_latin_letters() -> None:
    text = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF)
    changed = [(a, b) for a, b in zip(text, fold_homoglyphs(text), strict=True) if a != b]
    assert changed
    for before, after in changed:
        assert 0x370 <= ord(before) < 0x530
        assert before.isalpha()
        assert after.isascii()
        assert after.isalpha()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_own_symbols_are_found_as_in_folded_text(text: str) -> None:
    quick = [fold_homoglyphs(m.group(1)) for m in _OWN_SYMBOL.finditer(text)]
    plain = [m.group(1) for m in _PLAIN.finditer(fold_homoglyphs(text))]
    assert quick == plain


def test_latin1_is_told_apart() -> None:
    assert is_latin1("")
    assert is_latin1("Résolution 62/160\u00a0ÿ")
    assert not is_latin1("Résolution\u0100")
    assert not is_latin1("резолюция")
    assert not is_latin1("قرار")


# Latin words, Arabic and Chinese letters, their neighbours in UTF-8 (U+4DFF has the lead
# byte of U+4E00; U+0700 follows the Arabic block), punctuation and Cyrillic.
_BITEXT_PIECES = [
    *"ab Z,.;:)\n",
    "word",
    "قرار",
    "大会",
    "\u4dff",
    "\u0700",
    "\u05ff",
    "резолюция",
    "\ud800",
]


def _plain_bitext(text: str, language: str) -> bool:
    pattern = _BITEXT_LATIN_FIRST if language in ("ar", "zh") else _BITEXT_OTHER_FIRST
    return len(pattern.findall(text)) >= _BITEXT_SEGMENTS


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_BITEXT_PIECES), max_size=30).map("".join),
    st.sampled_from(["en", "fr", "es", "ru", "ar", "zh"]),
)
def test_bitext_quick_test_agrees_with_the_scan(text: str, language: str) -> None:
    assert _is_bitext(text, language) == _plain_bitext(text, language)


def test_bitext_is_told_by_its_segments() -> None:
    # hand-written: three Latin words each run into Arabic
    assert _is_bitext("Resolutionقرار one,قرار two)قرار", "en")
    assert not _is_bitext("Resolution قرار one قرار two قرار", "en")
    assert not _is_bitext("Résolution 62/160 ÿ" * 5, "fr")
