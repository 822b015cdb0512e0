"""Ordinal words in the six languages (`hrdialogue.documents.ordinals`), the one table that the
session reader and the paragraph-mention reader share. The spellings below are written here by
hand, from the grammar of each language; the numbers are read from the words."""

from __future__ import annotations

import pytest

from hrdialogue.documents.mentions import find_paragraph_mentions
from hrdialogue.documents.ordinals import MAX_ORDINAL, RUSSIAN_ENDINGS, ordinal_words
from hrdialogue.documents.sessions import find_session

SPELLINGS = {
    "en": {"first": 1, "twelfth": 12, "twenty-first": 21, "forty-ninth": 49, "ninetieth": 90},
    "fr": {
        "première": 1,
        "second": 2,
        "dix-septième": 17,
        "vingt et unième": 21,
        "soixante et onzième": 71,
        "quatre-vingtième": 80,
        "quatre-vingt-dix-neuvième": 99,
    },
    "es": {
        "primer": 1,
        "tercera": 3,
        "decimoctavo": 18,
        "décimo tercero": 13,
        "vigésima primera": 21,
        "sexagésimo cuarto": 64,
    },
    # stems: "перв|ый", "трет|ьем", "сороков|ой", "шестьдесят четверт|ой"
    "ru": {"перв": 1, "трет": 3, "сороков": 40, "шестьдесят четверт": 64, "девяност": 90},
    "ar": {
        "الأولى": 1,
        "الأول": 1,
        "الحادية عشرة": 11,
        "الحادي عشر": 11,
        "العشرون": 20,
        "العشرين": 20,
        "الرابعة والستين": 64,
        "الرابع والستون": 64,
    },
    "zh": {"一": 1, "十": 10, "十四": 14, "一十四": 14, "六十四": 64, "九十九": 99},
}


@pytest.mark.parametrize("language", list(SPELLINGS))
def test_spellings_read_as_their_numbers(language: str) -> None:
    words = ordinal_words(language)
    assert {word: words.get(word) for word in SPELLINGS[language]} == SPELLINGS[language]


@pytest.mark.parametrize("language", list(SPELLINGS))
def test_every_number_to_ninety_nine_has_a_spelling(language: str) -> None:
    assert set(ordinal_words(language).values()) == set(range(1, MAX_ORDINAL + 1))


def test_arabic_feminine_and_masculine_are_apart() -> None:
    """الفقرة and الدورة are feminine ("الفقرة التاسعة"), البند masculine ("البند التاسع")."""
    feminine = ordinal_words("ar", gender="feminine")
    masculine = ordinal_words("ar", gender="masculine")
    assert "التاسعة" in feminine
    assert "التاسع" not in feminine
    assert "التاسع" in masculine
    assert "التاسعة" not in masculine
    assert "الحادية عشرة" in feminine
    assert "الحادي عشر" not in feminine
    # the tens do not change with the noun
    assert feminine["العشرون"] == masculine["العشرون"] == 20


def test_spanish_and_french_forms_follow_the_gender() -> None:
    feminine = ordinal_words("es", gender="feminine")
    assert "sexta" in feminine
    assert "sexto" not in feminine
    assert "primer" not in feminine  # (primer, tercer: before a masculine noun only)
    assert "première" in ordinal_words("fr", gender="feminine")
    assert "premier" not in ordinal_words("fr", gender="feminine")
    assert "dix-septième" in ordinal_words("fr", gender="masculine")  # the same for both


def test_up_to_cuts_the_table() -> None:
    assert max(ordinal_words("en", up_to=20).values()) == 20
    assert "twenty-first" not in ordinal_words("en", up_to=20)


def test_russian_endings_make_the_ordinals_of_the_stems() -> None:
    assert {"ый", "ой", "ом", "ого", "ий", "ьем", "ьего"} <= set(RUSSIAN_ENDINGS)


@pytest.mark.parametrize(
    ("language", "up_to", "message"),
    [("de", MAX_ORDINAL, "'de'"), ("en", 0, "not up to 0"), ("en", 100, "not up to 100")],
)
def test_bad_arguments_are_refused(language: str, up_to: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ordinal_words(language, up_to=up_to)


def test_the_table_cannot_be_changed_by_a_reader() -> None:
    words = ordinal_words("en")
    with pytest.raises(TypeError):
        words["zeroth"] = 0  # type: ignore[index]


@pytest.mark.parametrize(
    ("language", "session", "mention", "n"),
    [
        ("es", "en su decimoctavo período de sesiones", "el decimoctavo párrafo del preámbulo", 18),
        ("zh", "第一十四届会议", "序言部分第一十四段", 14),
        ("en", "at its forty-ninth session", "the forty-ninth preambular paragraph", 49),
        ("ru", "на своей сорок девятой сессии", "в сорок девятом пункте преамбулы", 49),
        ("ar", "في دورتها التاسعة والأربعين", "الفقرة التاسعة والأربعون من الديباجة", 49),
    ],
)
def test_sessions_and_paragraph_mentions_read_the_same_words(
    language: str, session: str, mention: str, n: int
) -> None:
    found = find_session(session, language)
    assert found is not None
    assert found[2] == n
    assert [anchor for _, _, anchor in find_paragraph_mentions(mention, language)] == [f"PP{n}"]
