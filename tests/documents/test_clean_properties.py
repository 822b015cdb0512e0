"""Property-based tests of cleaning: no crash on any text, and the span map round-trips."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrdialogue.documents.clean import clean_document, normalise_text_map
from hrdialogue.documents.normalise import _DROPPED, _WS, _plain_changes  # the fast path, checked

# Characters that exercise every rule: letters of three scripts, digits, white space of several
# kinds, hyphens and soft hyphens, NFKC expansions and compositions, underscores, markers.
_SPECIAL = ["\u00ad", "\u00a0", "\ufb01", "\u0301", "\uff08", "\u2460", "\u3000", "\u200b", "№"]
_ALPHABET = st.sampled_from([*"aZé яЖ جم 大会1290 \n\n\t-_/*().,;:", *_SPECIAL])
_TEXT = st.text(_ALPHABET, max_size=200)
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_TEXT)
def test_cleaning_never_crashes_and_maps_every_character(text: str) -> None:
    doc = clean_document(text)
    body = doc.body
    previous = 0
    for i in range(len(body)):
        start, end = body.source_range(i)
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start


@_SETTINGS
@given(_TEXT, st.data())
def test_source_slice_of_a_clean_span_normalises_to_that_span(
    text: str, data: st.DataObject
) -> None:
    clean = normalise_text_map(text)
    n = len(clean)
    if n == 0:
        return
    a = data.draw(st.integers(0, n - 1))
    b = data.draw(st.integers(a + 1, n))
    # A span end inside one source character's expansion ("ﬁ" → "fi") is widened to it.
    while a > 0 and clean.source_range(a - 1) == clean.source_range(a):
        a -= 1
    while b < n and clean.source_range(b - 1) == clean.source_range(b):
        b += 1
    start, end = clean.source_span(a, b)
    assert normalise_text_map(text[start:end]).text == clean.text[a:b]


@_SETTINGS
@given(st.text(max_size=300))
def test_any_unicode_text_cleans(text: str) -> None:
    doc = clean_document(text, body_start=len(text) // 2)
    assert len(doc.body.text) <= 3 * len(text) + 1


# The plain normaliser finds the runs it changes by two scans led by a class or a literal
# (fast); they must be exactly the runs of the one reference pattern it stands for.
_WHITE = st.sampled_from([" ", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u3000", "\u2028"])
_OTHER = st.sampled_from(["a", "я", "-", "\u00ad", "\u200b", "\u200f", "\ufeff", "1"])
_PLAIN_TEXT = st.lists(st.one_of(_WHITE, _OTHER), max_size=60).map("".join)


@_SETTINGS
@given(_PLAIN_TEXT, st.integers(0, 10), st.integers(0, 10))
def test_plain_scans_find_the_runs_of_the_reference_pattern(
    text: str, cut_start: int, cut_end: int
) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    start = min(start, end)
    reference = re.compile(f"{_WS}|{_DROPPED}")
    expected = [(m.start(), m.end(), m.lastgroup) for m in reference.finditer(text, start, end)]
    assert _plain_changes(text, start, end) == expected
