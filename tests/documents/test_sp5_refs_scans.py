"""Fast paths of the reference scan, each against the plain way it replaces (hypothesis).

Texts are built from hand-written pieces (`test_symbol_properties._PIECES`, no UN text is
copied here) and any characters at all.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents import references as refs
from hrdialogue.documents.references import scan_references
from hrdialogue.documents.symbols import fold_width
from tests.documents.test_symbol_properties import _PIECES

_ARABIC = ["قرار", "و", "ب", "ال", "لل", "ف", "ء", "ي", "٠", "-", "x", " ", "١"]
_TEXT = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from([*_PIECES, *_ARABIC, "S-", "ES-", "E", "-1", "/"]), max_size=40).map(
        "".join
    ),
)
_LANGS = ["ar", "zh", "en", "fr", "ru", "es"]


def _plain_stands_alone(view: str, start: int) -> bool:
    word = start
    while word > 0 and "\u0621" <= view[word - 1] <= "\u064a" and start - word < 4:
        word -= 1
    if word < start:
        glued = word > 0 and view[word - 1].isalnum()
        return not glued and refs._AR_PREFIX.fullmatch(view, word, start) is not None
    return not start or not (view[start - 1].isalnum() or view[start - 1] == "-")


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_stands_alone_as_the_plain_loop(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert refs._stands_alone(text, start) == _plain_stands_alone(text, start)


def _plain_next_number(view: str, pos: int, limit: int) -> re.Match[str] | None:
    while (digits := refs._DIGITS.search(view, pos, limit)) is not None:
        i = start = digits.start()
        if i >= 3 and view.startswith("ES-", i - 3):
            start = i - 3
        elif i >= 2 and view.startswith("S-", i - 2):
            start = i - 2
        m = refs._NUMBER.match(view, start, limit)
        if m is not None:
            return m
        pos = digits.end()
    return None


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_next_number_as_with_startswith(text: str, data: st.DataObject) -> None:
    view = fold_width(text)
    pos = data.draw(st.integers(0, len(view)))
    limit = data.draw(st.integers(pos, len(view)))
    fast, plain = refs._next_number(view, pos, limit), _plain_next_number(view, pos, limit)
    assert (fast and fast.span()) == (plain and plain.span())


def _plain_before(view: str, rules: refs._Rules, floor: int, start: int) -> tuple[str | None, bool]:
    lo = max(floor, start - refs._WINDOW)
    for end in refs._CLAUSE_ENDS:
        cut = view.rfind(end, lo, start)
        if cut >= 0:
            lo = max(lo, cut + len(end))
    if rules.possessive.search(view, max(lo, start - refs._TAIL), start):
        return "OWN", True
    last = refs._last_body(view, rules, lo, start)
    if last is None:
        return None, False
    return last.lastgroup, not view[last.end() : start].strip()


_CLAUSE = st.lists(
    st.sampled_from([";", " ", "\n", ".", "。", "；", "a", "Council ", "its ", "сво", "Совет "]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_CLAUSE, st.sampled_from(_LANGS), st.data())
def test_before_as_with_rfind(text: str, lang: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    rules = refs._RULES[lang]
    assert refs._before(text, rules, floor, start) == _plain_before(text, rules, floor, start)


def test_number_groups_are_read_by_position_in_this_order() -> None:
    assert list(refs._NUMBER.groupindex) == ["sess", "num", "old", "letter", "paren"]
    m = refs._NUMBER.match("217 A (III)")
    assert m is not None
    assert m.groups() == m.group("sess", "num", "old", "letter", "paren")


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from(_LANGS))
def test_a_region_without_a_digit_cites_nothing(text: str, lang: str) -> None:
    # Why `_scan` may skip its digit test where it looks for keywords.
    view = fold_width(text)
    (found,) = scan_references(text, lang, [(0, len(text))])
    if not any(c.isdigit() and c.isascii() for c in view):
        assert found == []
    for c in found:
        assert any("0" <= ch <= "9" for ch in view[c.start : c.end])
