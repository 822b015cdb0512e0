"""`CleanText.source_span` inlines two `source_range` look-ups: it must equal them.

Generated texts (white space runs, NFKC-changed characters, hyphen breaks, dropped invisible
characters) are normalised, and every clean span's source span is compared with the plain way.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.normalise import normalise_text_map

_TEXT = st.text(alphabet="ab  \n\t-\u00adﬁ①\u200b\u00a0Жж,", max_size=40)


@given(_TEXT)
def test_source_span_is_the_two_source_ranges(text: str) -> None:
    clean = normalise_text_map(text, [(0, len(text))])
    n = len(clean.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            plain = (clean.source_range(start)[0], clean.source_range(end - 1)[1])
            assert clean.source_span(start, end) == plain, (text, start, end)
    for point in range(n + 1):
        offset = clean.source_offset(point)
        assert clean.source_span(point, point) == (offset, offset)
