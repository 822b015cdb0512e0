"""The actor scan picks the patterns worth trying at an offset from static tables.

`_tried` reads them off the window's prefixes (`by_head`, one look-up per opening length);
the plain way asks every pattern whether one of its openings starts the window. Nothing is
remembered between calls: the pick is a function of the lexicon and the window alone.
"""

from __future__ import annotations

import copy
import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents import actors
from hrdialogue.documents.patterns import HEAD, pattern_openings

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")


def _heads(lexicon: actors._Lexicon) -> list[frozenset[str]]:
    """Each pattern's openings, in lexicon order."""
    return [pattern_openings(pattern) or frozenset() for pattern, _, _ in lexicon.patterns]


def _plain(heads: list[frozenset[str]], window: str) -> tuple[int, ...]:
    """The patterns whose openings (`_heads`, read once per lexicon) `window` starts with."""
    return tuple(
        index
        for index, openings in enumerate(heads)
        if any(window.startswith(head) for head in openings)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_opening_and_its_extensions_pick_as_the_plain_way(language: str) -> None:
    lexicon = actors._lexicon(language)
    heads = _heads(lexicon)
    openings = sorted(set().union(*heads))
    assert openings
    for head in openings:
        for window in (head, (head + "s tates")[:HEAD], head[:-1], (head + head)[:HEAD]):
            assert actors._tried(lexicon, window) == _plain(heads, window), window


@pytest.mark.parametrize("language", LANGUAGES)
@given(data=st.data())
def test_windows_of_opening_letters_pick_as_the_plain_way(
    language: str, data: st.DataObject
) -> None:
    lexicon = actors._lexicon(language)
    heads = _heads(lexicon)
    letters = "".join(sorted(set("".join(set().union(*heads))))) + " ,"
    window = data.draw(st.text(alphabet=letters, max_size=HEAD))
    assert actors._tried(lexicon, window) == _plain(heads, window)


def _state(lexicon: actors._Lexicon) -> dict[str, object]:
    """Every field of the lexicon, containers copied."""
    return {f.name: copy.copy(getattr(lexicon, f.name)) for f in dataclasses.fields(lexicon)}


def test_the_lexicon_keeps_nothing_of_the_texts_read() -> None:
    lexicon = actors._lexicon("en")
    before = _state(lexicon)
    actors.find_actors("the Secretary-General and Member States, in cooperation with", "en")
    assert _state(lexicon) == before
