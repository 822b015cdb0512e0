"""Fast paths of the normaliser's plain-text scan (`normalise._flat`), each against the plain
test it replaces.

Hand-written and generated inputs only (no UN text is copied here).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents import normalise

# Text rich in what the tests look at: every ASCII character (controls included), the line
# feed and hyphens before it, and any character.
_TEXTS = st.lists(
    st.sampled_from([*map(chr, range(0x80)), "-\n", "\u2010\n", "\u2011\n", "\u00a0", "я"])
    | st.characters(),
    max_size=40,
).map("".join)


@given(_TEXTS)
@settings(max_examples=1000)
def test_printable_is_isprintable(text: str) -> None:
    assert normalise._printable(text) is text.isprintable()


@pytest.mark.parametrize("text", ["", "a b", "a\tb", "a\x7fb", "~", " ", "\x1f", "é", "a\u00a0b"])
def test_printable_is_isprintable_by_hand(text: str) -> None:
    # hand-written: ASCII with and without controls, and non-ASCII text
    assert normalise._printable(text) is text.isprintable()


@given(_TEXTS)
@settings(max_examples=1000)
def test_hyphen_feed_test_finds_every_hyphen_break(text: str) -> None:
    breaks = list(normalise._HYPHEN_BREAK.finditer(text))
    assert not breaks or normalise._has_hyphen_feed(text)
    if normalise._has_hyphen_feed(text):
        assert any(h in text for h in ("-\n", "\u2010\n", "\u2011\n"))


@given(_TEXTS)
@settings(max_examples=1000)
def test_flat_scan_is_the_plain_scan(text: str) -> None:
    # the runs and breaks as found without the fast paths: `isprintable`, and the breaks'
    # regex over every line feed
    plain = text.replace("\n", " ")
    expected = (
        None
        if not plain.isprintable()
        else (
            [m.span() for m in normalise._RUN.finditer(plain)],
            [m.start() for m in normalise._HYPHEN_BREAK.finditer(text)],
        )
    )
    assert normalise._flat(text, 0, len(text)) == expected


def _fields(clean: normalise.CleanText) -> tuple[object, ...]:
    return (
        clean.text,
        list(clean.pieces_clean),
        list(clean.pieces_start),
        list(clean.pieces_end),
        list(clean.pieces_copy),
        clean.line_starts,
        clean.blank_breaks,
    )


# Plain text (spaces, line feeds, hyphens before them, ASCII and Cyrillic letters) cut into
# ranges: what the flat path takes.
_PLAIN = st.lists(st.sampled_from([" ", "\n", "-", "a", "b", "я", ".", "1"]), max_size=40).map(
    "".join
)


@given(_PLAIN, st.lists(st.integers(0, 40), max_size=6))
@settings(max_examples=1000)
def test_flat_path_builds_what_the_general_loop_builds(text: str, cuts: list[int]) -> None:
    # the flat path (its line starts read off the marks in `_Builder.build`, ASCII taken as
    # NFKC's own) against `_emit`'s general loop, which takes every change one by one
    points = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    ranges = [(a, b) for a, b in zip(points[::2], points[1::2], strict=False) if a < b]
    builder = normalise._Builder()
    for start, end in ranges:
        normalise._emit(builder, text, start, end, True, flat=None)
    general = builder.build(len(text))
    assert _fields(normalise.normalise_text_map(text, ranges)) == _fields(general)
