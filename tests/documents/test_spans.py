"""Spans: merged, looked up and trimmed the same way by every stage."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.spans import merge_spans, span_contains, trim_span


def test_overlapping_and_touching_spans_merge() -> None:
    assert merge_spans([(5, 8), (0, 2), (2, 3), (7, 10), (12, 13)]) == [(0, 3), (5, 10), (12, 13)]


def test_trim_drops_white_space_at_both_ends_only() -> None:
    text = "  a b \n"
    assert trim_span(text, 0, len(text)) == (2, 5)
    assert trim_span(text, 0, 2) == (2, 2)


_SPANS = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


@given(_SPANS, st.integers(-2, 80))
def test_merged_spans_cover_what_the_spans_cover(spans: list[tuple[int, int]], pos: int) -> None:
    covered = any(start <= pos < end for start, end in spans)
    merged = merge_spans(list(spans))
    assert span_contains(merged, pos) is covered
    assert all(a[1] < b[0] for a, b in pairwise(merged))
