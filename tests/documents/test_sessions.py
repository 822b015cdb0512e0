"""Session ordinals in six languages → numbers; the General Assembly's opening dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.model import Body, Deadline
from hrdialogue.documents.sessions import (
    build_deadline,
    find_session,
    find_sessions,
    ga_session_opens,
)
from tests.corpus import corpus_text

# --- real texts ----------------------------------------------------------------------------------

# (file, language, the phrase as printed in the file, the session it names), read by hand.
REAL = [
    ("A_RES_42_193.en.txt", "en", "at its forty-third session", 43),
    ("A_HRC_RES_19_33.en.txt", "en", "sixty-fifth session", 65),
    ("A_RES_52_134.fr.txt", "fr", "à sa quarante-neuvième session", 49),
    ("A_RES_52_134.fr.txt", "fr", "(cinquante-troisième session)", 53),
    ("A_RES_52_7.zh.txt", "zh", "大会第五十三届会议", 53),
    ("A_RES_62_171.es.txt", "es", "Sexagésimo segundo período de sesiones", 62),
    ("A_RES_57_209.ru.txt", "ru", "Пятьдесят седьмая сессия", 57),
]


@pytest.mark.parametrize(("name", "language", "phrase", "expected"), REAL)
def test_sessions_named_in_thecorpus_text(
    shared: Path, name: str, language: str, phrase: str, expected: int
) -> None:
    text = " ".join(corpus_text(shared, name).split())
    assert phrase in text, f"{phrase!r} not in {name}"
    found = {n for _, _, n in find_sessions(text, language)}
    assert expected in found


def test_seed_op11_names_the_sixty_fourth_session(seed_text: str) -> None:
    text = " ".join(seed_text.split())
    start, end, n = find_sessions(text, "ru")[-1]
    assert n == 64
    assert text[start:end] == "шестьдесят четвертой сессии"


# --- hand-written phrases (written from the forms in reference/un-documents.md §1.4, §2.3) -------

HAND_WRITTEN = [
    ("en", "at its sixty-fourth session", 64),
    ("en", "At its Sixty-Fourth Session", 64),
    ("en", "at its sixty fourth session", 64),
    ("en", "at its first session", 1),
    ("en", "at its twelfth regular session", 12),
    ("en", "at its ninetieth session", 90),
    ("en", "the 64th session", 64),
    ("en", "at its 73rd session", 73),
    ("ru", "на своей шестьдесят четвертой сессии", 64),
    ("ru", "на своей шестьдесят четвёртой сессии", 64),
    ("ru", "шестьдесят четвертая сессия", 64),
    ("ru", "открыть шестьдесят четвертую сессию", 64),
    ("ru", "на ее третьей сессии", 3),
    ("ru", "на его сороковой сессии", 40),
    ("ru", "на своей девяносто девятой сессии", 99),
    ("ru", "на 64-й сессии", 64),
    ("fr", "à sa soixante-quatrième session", 64),
    ("fr", "à sa soixante et onzième session", 71),
    ("fr", "à sa soixante-et-onzième session", 71),
    ("fr", "à sa quatre-vingtième session", 80),
    ("fr", "à sa quatre-vingt-unième session", 81),
    ("fr", "à sa première session", 1),
    ("fr", "à sa 64e session", 64),
    ("es", "en su sexagésimo cuarto período de sesiones", 64),
    ("es", "en su sexagésimo primer período de sesiones", 61),
    ("es", "en su tercer período de sesiones", 3),
    ("es", "en su decimotercer período de sesiones", 13),
    ("es", "en su sexagesimo cuarto periodo de sesiones", 64),
    ("es", "en su 64º período de sesiones", 64),
    ("ar", "في دورتها الرابعة والستين", 64),
    ("ar", "في دورتها الرابعة و الستين", 64),
    ("ar", "في دورته العاشرة", 10),
    ("ar", "في دورتها الحادية عشرة", 11),
    ("ar", "في دورتها الحادية والعشرين", 21),
    ("ar", "الدورة الأولى", 1),
    ("ar", "في دورتها 64", 64),
    ("zh", "第六十四届会议", 64),
    ("zh", "大会第五十三届会议", 53),
    ("zh", "人权理事会第十届会议", 10),
    ("zh", "第十一届会议", 11),
    ("zh", "第64届会议", 64),
    ("zh", "第六十四届常会", 64),
]


@pytest.mark.parametrize(("language", "text", "expected"), HAND_WRITTEN)
def test_session_phrases(language: str, text: str, expected: int) -> None:
    found = find_session(text, language)
    assert found is not None, text
    assert found[2] == expected


NOT_SESSIONS = [
    ("en", "at its twenty-third special session"),
    ("en", "sixty-four Member States"),
    ("ru", "70-e пленарное заседание"),
    ("fr", "à la 70e séance de la Commission"),
    ("es", "61ª sesión plenaria"),
    ("zh", "第37次全体会议"),
    ("zh", "第二十三届特别会议"),
    ("ar", "الجلسة العامة 70"),
]


@pytest.mark.parametrize(("language", "text"), NOT_SESSIONS)
def test_meetings_and_special_sessions_are_not_regular_sessions(language: str, text: str) -> None:
    assert find_session(text, language) is None


def test_span_covers_the_phrase() -> None:
    text = "Decides to continue its consideration of the question at its sixty-fourth session."
    start, end, n = find_session(text, "en") or (0, 0, 0)
    assert (text[start:end], n) == ("sixty-fourth session", 64)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        find_session("auf ihrer vierundsechzigsten Tagung", "de")


# --- 1–99 round trips, from spellings written here independently of the module ----------------

_EN_UNITS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _en_ordinal(n: int) -> str:
    def last(word: str) -> str:
        fixed = {"one": "first", "two": "second", "three": "third", "five": "fifth"}
        fixed |= {"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
        if word in fixed:
            return fixed[word]
        return word[:-1] + "ieth" if word.endswith("y") else word + "th"

    cardinal = (
        _EN_UNITS[n] if n < 20 else _EN_TENS[n // 10] + (f"-{_EN_UNITS[n % 10]}" * bool(n % 10))
    )
    head, _, tail = cardinal.rpartition("-")
    return f"{head}-{last(tail)}" if head else last(tail)


# Masculine nominative ordinals as a dictionary gives them; the test declines them itself.
_RU_UNITS = [
    "первый",
    "второй",
    "третий",
    "четвертый",
    "пятый",
    "шестой",
    "седьмой",
    "восьмой",
    "девятый",
]
_RU_TEENS = [
    "десятый",
    "одиннадцатый",
    "двенадцатый",
    "тринадцатый",
    "четырнадцатый",
    "пятнадцатый",
    "шестнадцатый",
    "семнадцатый",
    "восемнадцатый",
    "девятнадцатый",
]
_RU_TENS_ORD = [
    "двадцатый",
    "тридцатый",
    "сороковой",
    "пятидесятый",
    "шестидесятый",
    "семидесятый",
    "восьмидесятый",
    "девяностый",
]
_RU_TENS_CARD = [
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]


def _ru_ordinal(n: int, case: str) -> str:
    """`case`: 'prep' (шестьдесят четвертой) or 'nom' (шестьдесят четвертая), feminine."""
    if n < 10:
        word = _RU_UNITS[n - 1]
    elif n < 20:
        word = _RU_TEENS[n - 10]
    elif n % 10 == 0:
        word = _RU_TENS_ORD[n // 10 - 2]
    else:
        word = f"{_RU_TENS_CARD[n // 10 - 2]} {_RU_UNITS[n % 10 - 1]}"
    if word.endswith("ий"):  # третий
        return word[:-2] + ("ьей" if case == "prep" else "ья")
    return word[:-2] + ("ой" if case == "prep" else "ая")


def _fr_ordinal(n: int) -> str:
    """Rectified spelling (all hyphens: "vingt-et-unième"), unlike the module's."""
    small = [
        "zéro",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "dix-sept",
        "dix-huit",
        "dix-neuf",
    ]
    tens = [
        "",
        "",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "soixante",
        "quatre-vingt",
    ]
    tens.append("quatre-vingt")
    if n == 1:
        return "premier"
    if n < 20:
        cardinal = small[n]
    else:
        t, u = divmod(n, 10)
        if t in (7, 9):
            u += 10
        joiner = "-et-" if u in (1, 11) and t < 8 else "-"
        cardinal = tens[t] + (joiner + small[u] if u else ("s" if t == 8 else ""))
    last = cardinal.split("-")[-1]
    stem = {"un": "un", "cinq": "cinqu", "neuf": "neuv", "vingts": "vingt"}.get(
        last, last[:-1] if last.endswith("e") else last
    )
    return cardinal[: len(cardinal) - len(last)] + stem + "ième"


_ES_UNITS = [
    "primero",
    "segundo",
    "tercero",
    "cuarto",
    "quinto",
    "sexto",
    "séptimo",
    "octavo",
    "noveno",
]
_ES_TENS = [
    "décimo",
    "vigésimo",
    "trigésimo",
    "cuadragésimo",
    "quincuagésimo",
    "sexagésimo",
    "septuagésimo",
    "octogésimo",
    "nonagésimo",
]


def _es_ordinal(n: int) -> str:
    if n < 10:
        return _ES_UNITS[n - 1]
    if n == 11:
        return "undécimo"
    if n == 12:
        return "duodécimo"
    tens = _ES_TENS[n // 10 - 1]
    return tens if n % 10 == 0 else f"{tens} {_ES_UNITS[n % 10 - 1]}"


_AR_UNITS = [
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
]
_AR_TENS = [
    "العشرين",
    "الثلاثين",
    "الأربعين",
    "الخمسين",
    "الستين",
    "السبعين",
    "الثمانين",
    "التسعين",
]


def _ar_ordinal(n: int) -> str:
    unit = "الحادية" if n % 10 == 1 and n > 10 else (_AR_UNITS[n % 10 - 1] if n % 10 else "")
    if n < 10:
        return unit
    if n == 10:
        return "العاشرة"
    if n < 20:
        return f"{unit} عشرة"
    tens = _AR_TENS[n // 10 - 2]
    return f"{unit} و{tens}" if unit else tens


def _zh_number(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens = "十" if n < 20 else digits[n // 10] + "十"
    return tens + (digits[n % 10] if n % 10 else "")


def _en_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


ROUND_TRIPS = [
    ("en", lambda n: f"to report at its {_en_ordinal(n)} session"),
    ("en", lambda n: f"at its {n}{_en_suffix(n)} session"),
    ("ru", lambda n: f"на своей {_ru_ordinal(n, 'prep')} сессии"),
    ("ru", lambda n: f"{_ru_ordinal(n, 'nom').capitalize()} сессия"),
    ("fr", lambda n: f"à sa {_fr_ordinal(n)} session"),
    ("es", lambda n: f"en su {_es_ordinal(n)} período de sesiones"),
    ("ar", lambda n: f"في دورتها {_ar_ordinal(n)}"),
    ("zh", lambda n: f"大会第{_zh_number(n)}届会议"),
    ("zh", lambda n: f"第{n}届会议"),
]


@pytest.mark.parametrize(("language", "spell"), ROUND_TRIPS)
def test_every_session_from_1_to_99_reads_back(language: str, spell: object) -> None:
    assert callable(spell)
    wrong = {}
    for n in range(1, 100):
        phrase = spell(n)
        found = find_session(phrase, language)
        if found is None or found[2] != n:
            wrong[n] = (phrase, found)
    assert not wrong


def test_independent_spellings_spot_checks() -> None:
    """The test's own spellings, checked against forms read in UN texts."""
    assert _en_ordinal(64) == "sixty-fourth"
    assert _en_ordinal(43) == "forty-third"
    assert _ru_ordinal(64, "prep") == "шестьдесят четвертой"
    assert _fr_ordinal(64) == "soixante-quatrième"
    assert _fr_ordinal(53) == "cinquante-troisième"
    assert _fr_ordinal(80) == "quatre-vingtième"
    assert _es_ordinal(64) == "sexagésimo cuarto"
    assert _ar_ordinal(64) == "الرابعة والستين"
    assert _zh_number(53) == "五十三"


# --- opening dates -------------------------------------------------------------------------------

# By the rule (Tuesday of the third week of September, weeks counted from the first week with a
# working day in September), computed by hand from the weekday of 1 September:
OPENINGS = [
    (63, dt.date(2008, 9, 16)),  # 1 Sep 2008 Mon → weeks from 1 Sep; third week Mon 15 → Tue 16
    (64, dt.date(2009, 9, 15)),  # 1 Sep 2009 Tue → week of Mon 31 Aug; Mon 14 Sep → Tue 15
    (73, dt.date(2018, 9, 18)),  # 1 Sep 2018 Sat → that week has no working day; Mon 3 → Tue 18
    (74, dt.date(2019, 9, 17)),  # 1 Sep 2019 Sun → first week Mon 2 Sep; Mon 16 → Tue 17
    (78, dt.date(2023, 9, 12)),  # 1 Sep 2023 Fri → week of Mon 28 Aug; Mon 11 → Tue 12 (rule only)
    (43, dt.date(1988, 9, 13)),  # 1 Sep 1988 Thu → week of Mon 29 Aug; Mon 12 → Tue 13
    (53, dt.date(1998, 9, 15)),  # 1 Sep 1998 Tue → week of Mon 31 Aug; Mon 14 → Tue 15
]


@pytest.mark.parametrize(("session", "opens"), OPENINGS)
def test_ga_session_opens_by_the_rule(session: int, opens: dt.date) -> None:
    assert ga_session_opens(session) == opens


@given(st.integers(min_value=1, max_value=400))
def test_ga_sessions_open_on_a_tuesday_in_mid_september(session: int) -> None:
    opens = ga_session_opens(session)
    assert opens.year == 1945 + session
    assert (opens.month, opens.weekday()) == (9, 1)
    # The earliest: 1 September a Friday (Tue 12); the latest: 1 September a Saturday (Tue 18).
    assert 12 <= opens.day <= 18


@pytest.mark.parametrize("session", [0, -1])
def test_ga_session_numbers_start_at_one(session: int) -> None:
    with pytest.raises(ValueError, match="1 or more"):
        ga_session_opens(session)


def test_deadlines_know_the_year_only_for_the_general_assembly() -> None:
    assert build_deadline(64, Body.GENERAL_ASSEMBLY) == Deadline(
        session=64, year=2009, opens=dt.date(2009, 9, 15)
    )
    assert build_deadline(10, Body.HUMAN_RIGHTS_COUNCIL) == Deadline(
        session=10, year=None, opens=None
    )
    assert build_deadline(10, None) == Deadline(session=10, year=None, opens=None)


@pytest.mark.parametrize(
    ("language", "text", "noun_less"),
    [
        ("en", "at its sixty-fourth session", "at its sixty-fourth meeting"),
        ("fr", "à sa soixante-quatrième session", "à sa soixante-quatrième séance"),
        ("es", "en su sexagésimo cuarto período de sesiones", "en su sexagésimo cuarto informe"),
        ("ru", "на своей шестьдесят четвертой сессии", "на своем шестьдесят четвертом заседании"),
        ("ar", "في دورتها الرابعة والستين", "في جلستها الرابعة والستين"),
        ("zh", "第六十四届会议", "第六十四次会议"),
    ],
)
def test_session_found_only_where_its_noun_stands(language: str, text: str, noun_less: str) -> None:
    # Hand-written phrases; a text without the session noun is not scanned at all.
    assert [n for _, _, n in find_sessions(f"Текст. {text}.", language)] == [64]
    assert find_sessions(noun_less, language) == []
