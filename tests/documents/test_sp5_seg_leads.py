"""Lead phrases are matched on the text as printed, each lexicon letter as the class of the
characters that fold to it (`leads._printed`), instead of on a folded copy of the text. These
tests check the classes against a scan of every code point, and the reader against the plain
way it replaces: fold the text, then match the lexicon's letters literally.

The sample pieces are HAND-WRITTEN from the lead phrases of `reference/un-documents.md`.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.leads import (
    _MATCHERS,
    LeadKind,
    LeadMatch,
    LeadReader,
    _fold,
    _match,
    _matcher,
    _printed,
)

_KINDS: tuple[LeadKind, ...] = ("preambular", "operative")


def _fold_of_each() -> dict[str, set[str]]:
    """Every code point by its fold (`_fold` of the character alone)."""
    by_fold: dict[str, set[str]] = {}
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        by_fold.setdefault(_fold(ch), set()).add(ch)
    return by_fold


def test_each_letter_class_is_every_character_that_folds_to_it() -> None:
    by_fold = _fold_of_each()
    every = "".join(chr(code) for code in range(sys.maxunicode + 1))
    letters = {
        ch
        for matcher in _MATCHERS.values()
        for words in (matcher.phrases, matcher.prefixes, matcher.suffixes)
        for word in words
        for ch in _fold(word)  # the tables also hold their words capitalised
    }
    assert {"r", "е", "'", " ", "k", "i"} <= letters
    for letter in letters:
        assert set(re.findall(_printed(letter), every)) == by_fold[letter], letter
    # What follows a phrase is matched as printed: punctuation, space, letters or not.
    for ch in ",;:.، ":
        assert by_fold[ch] == {ch}


def test_folding_keeps_letters_and_word_characters_but_one() -> None:
    changed = set()
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        folded = _fold(ch)
        assert len(folded) == 1
        if (ch.isalpha(), ch.isalnum()) != (folded.isalpha(), folded.isalnum()):
            changed.add(ch)
    assert changed == {"\u02bc"}  # a letter, folded to "'": `_BOUNDARY` and `_word_end` know


def test_a_modifier_apostrophe_ends_a_word_as_its_fold_does() -> None:
    # "ʼ" folds to "'", which ends a phrase of several words and a stem's word.
    for text in ("Calls uponʼ", "Préoccupésʼ", "Deeply concernedʼx"):
        for language in ("en", "fr"):
            for kind in _KINDS:
                assert LeadReader(text, language).at(0, kind) == _plain(text, 0, language, kind)
    found = LeadReader("Calls uponʼ", "en").at(0, "operative")
    assert found is not None
    assert found.lead == "Calls upon"


_PLAIN = {key: _matcher(*key, letter=re.escape) for key in _MATCHERS}


def _plain(text: str, pos: int, language: str, kind: LeadKind) -> LeadMatch | None:
    """The plain way: the lexicon's letters matched literally on the folded text."""
    plain = _PLAIN.get((language, kind))
    found = None if plain is None else _match(_fold(text), pos, plain)
    return None if found is None else found._replace(lead=text[found.start : found.end])


_PIECES = [
    *" \n.,;:،İKÅΣſЁё’ʼ'aeiksASK",
    *("Recalling ", "RECALLING ALSO ", "Also requests ", "Deeply concerned", "calls upon"),
    *("AC\u212aNOWLEDGING", "Ta\u212aes note", "Notes,", "notesx", "Prie également ", "Vivement "),
    *("напоминая также ", "НАПОМИНАЯ ", "будучи глубоко убеждена", "вновь подтверждает ", "Ещё"),
    *("وإذ تشير أيضا ", "又回顾", "请", "préoccupés,", "PRÉOCCUPÉS", "Reconociendo ", "Toma nota"),
    *("Condamne l’", "Condamne l\u02bc", "Réaffirmant", "İnvites ", "Εxpressing "),
]
_TEXT = st.one_of(
    st.text(max_size=80), st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)
)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.sampled_from(["en", "fr", "es", "ru", "ar", "zh", "xx"]))
def test_a_reader_on_the_printed_text_finds_what_the_folded_text_gives(
    text: str, language: str
) -> None:
    reader = LeadReader(text, language)
    for pos in range(len(text) + 1):
        for kind in _KINDS:
            assert reader.at(pos, kind) == _plain(text, pos, language, kind), (pos, kind)


def test_hand_written_cases_in_capitals_and_look_alikes() -> None:
    # Kelvin sign for "k", dotted capital I for "i", capitals, "ё" and "’" as printed.
    cases = [
        ("AC\u212aNOWLEDGING its", "en", "preambular", "acknowledging"),
        ("RECALLING ALSO", "en", "preambular", "recalling"),
        ("İnvites", "en", "operative", "invites"),
        ("НАПОМИНАЯ ТАКЖЕ", "ru", "preambular", "recalling"),
    ]
    for text, language, kind, key in cases:
        found = LeadReader(text, language).at(0, kind)  # type: ignore[arg-type]
        assert found is not None, text
        assert found.key == key
        assert found == _plain(text, 0, language, kind)  # type: ignore[arg-type]
