"""Properties of symbol and reference finding that hold for any input (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.references import find_references
from hrdialogue.documents.symbols import find_symbols, fold_width, normalise_symbol

# Characters that build symbols, numbers, dates and keywords in the six languages, with
# look-alikes, full-width forms and odd spaces; mixed with any text at all.
_PIECES = [
    *"AESRCNLHPV/.-*()0123456789 \n\u00a0АЕСВРН（）／．－—ー١٢",
    *("Add.", "Corr.", "Rev.", "Sub.2", "RES", "HRC", "CN.4", "S-", "ES-", " and ", " и "),
    *("(Part I)", "(2000)", "(III)", ", ", "its ", " Council "),
    *("resolution ", "резолюции ", "résolution ", "resolución ", "قرار ", "قراراتها ", " سين"),
    *("第", "号决议", "年", "月", "日"),
    *(" of 18 December 2007", " от 18 декабря 2007 года", " كانون الأول/ ديسمبر "),
]
_SYMBOLISH = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_TEXT = st.one_of(st.text(max_size=200), _SYMBOLISH)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_normalisation_is_idempotent(raw: str) -> None:
    once = normalise_symbol(raw)
    assert normalise_symbol(once) == once


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_fold_width_keeps_length(text: str) -> None:
    assert len(fold_width(text)) == len(text)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_found_symbols_lie_within_the_text_in_order(text: str) -> None:
    found = find_symbols(text)
    previous = 0
    for start, end, symbol in found:
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start
        assert symbol == normalise_symbol(symbol)
        assert any(ch.isdigit() for ch in symbol)


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]))
def test_references_never_crash_and_point_into_the_text(text: str, lang: str) -> None:
    refs = find_references(text, lang)
    for ref in refs:
        start, end = ref.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == ref.text
    assert [r.span for r in refs] == sorted(r.span for r in refs)
