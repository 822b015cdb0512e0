"""The reader's quick paths find what the plain ways find (hypothesis and exhaustive checks).

`parse_resolution` finds the document's own symbols in the text as printed, with the Cyrillic
and Greek look-alikes in its pattern, instead of folding the whole head first; and it skips
the bitext scan for Latin-1 text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.parse import _OWN_SYMBOL
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
