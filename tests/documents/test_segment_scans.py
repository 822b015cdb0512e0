"""The segmentation's fast scans agree with their plain definitions, for any input (hypothesis),
and a few hand-written cases of the rules they keep.

Speed tricks in `segment`, `leads` and `closing` find candidates with `str.find` or a literal-led
regex and then apply the pattern; each is checked here against the one-regex scan it replaces.
The sample texts are HAND-WRITTEN from the rules in `reference/un-documents.md`.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.closing import find_closing
from hrdialogue.documents.leads import LeadReader, match_lead
from hrdialogue.documents.masthead import _DRAFT, _SYMBOL, _first_symbol
from hrdialogue.documents.segment import (
    _END_PUNCT,
    _OP_NUMBER,
    _operative_numbers,
    _prev_char,
    _split_after,
)
from hrdialogue.documents.spans import trim_span
from hrdialogue.languages import fold_homoglyphs

_PIECES = [
    *" \n\t.,;:-–()/*[]|0123456789١٢３AESaesLlivxzАЕΑİΣſ،؛，；。一二",
    *("1. ", "\n2. ", "3 - ", "4- ", "12.5", "(a)", "(ii)", "b)", "(أ)", "（一）"),
    *("A/RES/63/", "E/CN.4/", "/L.3", "A/C.3/66/L.32", " (2008)", "S/RES/1820"),
    *("draft resolution", "DRAFT RESOLUTİON", "projet de résolution", "проект резолюции"),
    *("Recalling ", "Also requests ", "Deeply concerned", "calls upon", "notes,", "notesx"),
    *("напоминая также ", "будучи глубоко убеждена", "вновь подтверждает ", "Ё"),
    *("وإذ تشير أيضا ", "又回顾", "请", "préoccupés,", "Prie également "),
    *("at its 5916th meeting", "Séance plénière: 70", "its 3rd meeting", "that "),
]
_TEXT = st.one_of(
    st.text(max_size=120), st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
)
_LANGUAGES = st.sampled_from(["en", "fr", "es", "ru", "ar", "zh"])


def _operative_numbers_by_scan(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """The definition: every `_OP_NUMBER` of the region in turn, the next number in sequence
    after white space or end punctuation, the text before it ending a sentence."""
    found: list[tuple[int, int, int]] = []
    expected = 1
    first_text = trim_span(text, start, end)[0]
    for m in _OP_NUMBER.finditer(text, start, end):
        if int(m.group("n")) != expected:
            continue
        s = m.start()
        if s > 0 and not text[s - 1].isspace() and text[s - 1] not in _END_PUNCT:
            continue
        if first_text < s and _prev_char(text, s) not in _END_PUNCT:
            continue
        found.append((expected, s, m.end()))
        expected += 1
    return found


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_operative_numbers_match_the_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _operative_numbers(text, start, end) == _operative_numbers_by_scan(text, start, end)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_mid_line_cuts_match_the_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    every = [m.end() for m in re.compile(r"[,،，;؛](?=\s)\s*").finditer(text, start, end)]
    assert sorted(_split_after(text, start, end, False)) == every
    cased = [pos for pos in every if not (pos < end and "a" <= text[pos] <= "z")]
    assert sorted(_split_after(text, start, end, True)) == cased


@pytest.mark.parametrize(
    "text",
    [
        "Noting,  recalling, Also;\tRecalling,",  # more than one space, then lower case
        "1234. Requests 1. Decides\n2 - Urges\n3- Notes 4 .Invites 5.5 6.",  # long runs, decimals
        "12. Notes\n١. Notes ٢ - Decides",  # digits of other scripts are numbers too
        "text.\n1. Notes,\n2. (a) x; (b) y\n3.",
    ],
)
def test_scans_on_hand_written_edges(text: str) -> None:
    for start in range(len(text) + 1):
        end = len(text)
        assert _operative_numbers(text, start, end) == _operative_numbers_by_scan(text, start, end)
        every = [m.end() for m in re.compile(r"[,،，;؛](?=\s)\s*").finditer(text, start, end)]
        assert sorted(_split_after(text, start, end, False)) == every
        cased = [pos for pos in every if not (pos < end and "a" <= text[pos] <= "z")]
        assert sorted(_split_after(text, start, end, True)) == cased


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_first_symbol_matches_the_scan(text: str) -> None:
    scanned = (m.group(1) for m in _SYMBOL.finditer(fold_homoglyphs(text)))
    assert _first_symbol(text) == next((s for s in scanned if any(c.isdigit() for c in s)), None)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_draft_words_are_found_in_any_case(text: str) -> None:
    plain = re.compile(
        r"/L\.\d|draft resolution|projet de résolution|proyecto de resolución|проект резолюции"
        r"|مشروع قرار|决议草案",
        re.IGNORECASE,
    )
    assert (_DRAFT.search(text) is None) == (plain.search(text) is None)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _LANGUAGES)
def test_a_reader_finds_what_match_lead_finds(text: str, language: str) -> None:
    reader = LeadReader(text, language)
    for pos in range(len(text)):
        for kind in ("preambular", "operative"):
            assert reader.at(pos, kind) == match_lead(text, pos, language, kind)


@pytest.mark.parametrize(
    ("text", "language", "kind", "lead", "key"),
    [
        ("Notes, with concern", "en", "operative", "Notes", "notes"),  # punctuation ends a word
        ("Notes,that", "en", "operative", None, None),  # a word goes on to the next space
        ("Préoccupés, en", "fr", "preambular", "Préoccupés", "concerned"),  # a stem's word
        ("Calls upon States", "en", "operative", "Calls upon", "calls-upon"),  # longest first
        ("Calls uponx", "en", "operative", None, None),  # nor "calls" alone: no such phrase
        ("Вновь подтверждает", "ru", "operative", "Вновь подтверждает", "reaffirms"),  # phrase
        ("İstanbul", "en", "preambular", None, None),  # lowers to two characters: no error
    ],
)
def test_phrase_boundaries(
    text: str, language: str, kind: str, lead: str | None, key: str | None
) -> None:
    found = match_lead(text, 0, language, kind)  # type: ignore[arg-type]
    assert (found.lead if found else None, found.key if found else None) == (lead, key)


def test_a_reader_folds_the_whole_text_alike() -> None:
    text = "İİ Σ Recalling also its resolution, Ёще"
    reader = LeadReader(text, "en")
    found = reader.at(5, "preambular")
    assert found is not None
    assert (found.lead, found.modifiers) == ("Recalling also", ("also",))


def test_first_symbol_folds_look_alikes_and_skips_symbols_without_digits() -> None:
    # Cyrillic "А" and "Е" in the symbol; "A/B" has no digit and is passed over.
    assert _first_symbol("see A/B then А/RЕS/63/180 and E/1") == "A/RES/63/180"
    assert _first_symbol("(A/RES/1) A/RES/2") == "A/RES/2"  # "(" before: not a symbol


@pytest.mark.parametrize(
    ("text", "meeting", "start"),
    [
        ("Adopted by the Security Council at its 5916th meeting, on 19 June 2008 |", 5916, 32),
        ("Adopted at\n its 12th meeting", 12, 8),
        ("Adopted so that its 3rd meeting", 3, 13),  # "at" of "that", as the pattern reads
        ("Adopted at   the 3rd meeting and its 4th meeting", None, None),  # no "at its"
    ],
)
def test_header_meeting(text: str, meeting: int | None, start: int | None) -> None:
    closing = find_closing(text, len(text), "en")
    assert (closing.meeting if closing else None, closing.start if closing else None) == (
        meeting,
        start,
    )
