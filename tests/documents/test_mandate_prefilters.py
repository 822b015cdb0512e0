"""The speed shortcuts of the mandate stage give what the long way gives.

`fold_text` lowers and replaces instead of translating character by character: it must fold
every text as the per-character rule does. The mandate stage skips a text when none of a few
literal words is in it: every string a lead (introducer) pattern matches must contain one of
them, which hypothesis checks by generating strings from the patterns themselves.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.actors import find_actors
from hrdialogue.documents.folding import fold_char, fold_text
from hrdialogue.documents.mandate_lexicon import ACTION_PATTERNS, LEAD_WORDS, LEADS
from hrdialogue.documents.mandates import _grammar
from hrdialogue.documents.patterns import literal_first

LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def _by_character(text: str) -> str:
    return "".join(fold_char(ch) for ch in text)


@settings(deadline=None)  # the first fold builds the folder's tables
@given(st.text())
def test_fold_text_folds_every_character_as_alone(text: str) -> None:
    assert fold_text(text) == _by_character(text)


@settings(deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "AaÉéЁёЙйأإآا，,“”–—\u00a0\t\nΣσİẞ大会Ⅻﬁ" + "".join(map(chr, range(0x400, 0x460)))
        )
    )
)
def test_fold_text_on_the_scripts_mixed(text: str) -> None:
    assert fold_text(text) == _by_character(text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Генеральная Ассамблея, её решение", "генеральная ассамблея, ее решение"),
        ("Décide  l’Assemblée — ÉTATS", "decide  l'assemblee - etats"),
        ("ΟΔΟΣ", "οδοσ"),  # no final sigma: each character folds alone
        ("الأمين العام", "الامين العام"),
        ("大会，秘书长", "大会,秘书长"),
    ],
)
def test_fold_text_examples(text: str, folded: str) -> None:
    """Expected folds written by hand from the rule (lower case, accents off, one per char)."""
    assert fold_text(text) == folded
    assert len(fold_text(text)) == len(text)


def _unassert(pattern: str) -> str:
    """The pattern without lookbehinds: it matches more strings, never fewer."""
    return re.sub(r"\(\?<!(?:[^()\\]|\\.)*\)", "", pattern)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_lead_contains_a_lead_word(language: str, data: st.DataObject) -> None:
    words = [fold_text(w) for w in LEAD_WORDS[language]]
    for _, pattern in LEADS[language]:
        lead = data.draw(st.from_regex(_unassert(fold_text(pattern)), fullmatch=True))
        assert any(w in lead for w in words), (pattern, lead)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["partners", "consultees"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_introducer_contains_its_word(language: str, kind: str, data: st.DataObject) -> None:
    g = _grammar(language)
    introducers = g.partners if kind == "partners" else g.consultees
    words = g.partner_words if kind == "partners" else g.consultee_words
    for prefix, suffix in introducers:
        parts = [data.draw(st.from_regex(_unassert(prefix.pattern), fullmatch=True))]
        if suffix is not None:
            parts.append(data.draw(st.from_regex(_unassert(suffix.pattern), fullmatch=True)))
        assert any(w in part for w in words for part in parts), (prefix.pattern, parts)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("to bathe states", "en", [(9, 15, "states")]),
        ("Il guide les États membres", "fr", [(9, 26, "member-states")]),
        ("Observa los Estados", "es", [(8, 19, "states")]),
    ],
)
def test_a_name_inside_a_word_hides_no_actor_after_it(
    text: str, language: str, expected: list[tuple[int, int, str]]
) -> None:
    """Hand-written: "the states" read from inside "bathe", "de les États" from inside "guide"
    and "a los Estados" from inside "Observa" start no actor (the pattern must start a word),
    and must not hide the actor that does start a word a few letters on."""
    assert find_actors(text, language) == expected


_WORDS = st.sampled_from(
    ["in ", "consult", "report", "examine", "a", "co-operate", "доклад", "рассмотреть", " ", "-"]
)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=40, deadline=None)
@given(text=st.lists(_WORDS, max_size=12).map("".join))
def test_lookbehinds_moved_after_the_literal_match_the_same(language: str, text: str) -> None:
    """`_literal_first` moves `(?<!A)` after the literal it guards: same matches everywhere."""
    for _, pattern in ACTION_PATTERNS[language]:
        moved = re.compile(literal_first(pattern))
        original = re.compile(pattern)
        for at in range(len(text) + 1):
            a, b = original.match(text, at), moved.match(text, at)
            assert (a and a.span()) == (b and b.span()), (pattern, text, at)


def test_lookbehinds_move_after_literals() -> None:
    assert literal_first(r"(?<!in )(?<!\w)consult(?!ation)|seek") == (
        r"consult(?<!in consult)(?<!\wconsult)(?!ation)|seek"
    )
    assert literal_first(r"(?<!\w)(?:a|bc)x") == r"(?:a(?<!\wa)|bc(?<!\wbc))x"
    assert literal_first(r"(?<!\w)co-?op") == r"co(?<!\wco)-?op"
