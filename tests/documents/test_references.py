"""Reader lists the resolutions, decisions and documents a text cites, in six languages.

Expected values were written by reading the seed and the corpus files (texts are read from
`$HRDIALOGUE_SHARED`, never copied here). Forms the corpus lacks (Security Council, ECOSOC,
Commission and Sub-Commission citations, French and Chinese variants) are hand-written from
reference/un-documents.md §1.3 and §4.3, and say so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hrdialogue.documents.dates import find_dates
from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.documents.model import Body, Reference
from hrdialogue.documents.references import find_references
from tests.corpus import corpus_text

GA = Body.GENERAL_ASSEMBLY
HRC = Body.HUMAN_RIGHTS_COUNCIL
SC = Body.SECURITY_COUNCIL
ECOSOC = Body.ECONOMIC_AND_SOCIAL_COUNCIL
CHR = Body.COMMISSION_ON_HUMAN_RIGHTS
SUB = Body.SUB_COMMISSION

Cited = tuple[str, Body | None, str, dt.date | None]


def _cited(refs: tuple[Reference, ...]) -> list[Cited]:
    return [(r.kind, r.body, r.number or "", r.date) for r in refs if r.kind != "symbol"]


def _symbols(refs: tuple[Reference, ...]) -> list[str]:
    return [r.symbol or "" for r in refs if r.kind == "symbol"]


def _check_spans(text: str, refs: tuple[Reference, ...]) -> None:
    starts = [r.span[0] for r in refs]
    assert starts == sorted(starts), "references come in text order"
    for r in refs:
        assert text[r.span[0] : r.span[1]] == r.text
        assert r.anchor is None
        assert r.footnote is None


def test_seed_cites_four_resolutions_and_four_documents(seed_text: str) -> None:
    text = seed_text.replace("\n", " ")
    refs = find_references(text, "ru", body=GA)
    _check_spans(text, refs)
    assert _cited(refs) == [
        ("resolution", GA, "62/160", dt.date(2007, 12, 18)),  # "её резолюции" = the Assembly's
        ("resolution", HRC, "7/3", dt.date(2008, 3, 27)),  # "…7/3 Совета по правам человека"
        ("resolution", GA, "55/2", None),  # footnote 2: "См. резолюцию 55/2."
        ("resolution", SUB, "2000/22", dt.date(2000, 8, 18)),  # "принятии Подкомиссией…"
    ]
    assert _symbols(refs) == [
        "A/CONF.157/24 (Part I)",
        "A/63/53",
        "E/CN.4/2001/2",
        "E/CN.4/Sub.2/2000/46",
    ]
    printed = {r.number: r.text for r in refs if r.number}
    assert printed["62/160"].startswith("резолюции 62/160 от")
    assert printed["62/160"].endswith("2007 года")
    assert "Совета по правам человека" in printed["7/3"]


def test_seed_paragraph_by_paragraph_as_the_reader_calls_it(seed_text: str) -> None:
    # The reader calls find_references on each paragraph's clean text: spans are relative.
    pp2 = seed_text[seed_text.index("напоминая о принятии ею") : seed_text.index("напоминая также")]
    refs = find_references(pp2, "ru", body=GA)
    assert [(r.number, r.body) for r in refs] == [("62/160", GA), ("7/3", HRC)]
    assert pp2[refs[0].span[0] :].startswith("резолюции 62/160")


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        (
            "A_C_3_66_L_32.en.txt",
            GA,
            [
                ("resolution", GA, "64/171", dt.date(2009, 12, 18)),  # "its resolution"
                ("resolution", HRC, "16/22", dt.date(2011, 3, 25)),
                ("resolution", GA, "55/2", None),  # footnote "See resolution 55/2."
            ],
        ),
        (
            "A_HRC_RES_19_33.en.txt",
            HRC,
            [
                ("resolution", HRC, "16/22", dt.date(2011, 3, 25)),  # "Council resolution"
                ("resolution", GA, "66/152", dt.date(2011, 12, 19)),  # "Assembly resolution"
            ],
        ),
        (
            "A_HRC_RES_28_2.en.txt",
            HRC,
            [
                ("resolution", HRC, "25/3", dt.date(2014, 3, 27)),
                ("resolution", GA, "69/179", dt.date(2014, 12, 18)),
            ],
        ),
        (
            "A_RES_42_193.en.txt",
            GA,
            [
                # "resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974": one date for both.
                ("resolution", GA, "3201 (S-VI)", dt.date(1974, 5, 1)),
                ("resolution", GA, "3202 (S-VI)", dt.date(1974, 5, 1)),
                ("resolution", GA, "3281 (XXIX)", dt.date(1974, 12, 12)),
                ("resolution", GA, "3362 (S-VII)", dt.date(1975, 9, 16)),
                ("resolution", GA, "35/56", dt.date(1980, 12, 5)),
                ("decision", GA, "40/438", dt.date(1985, 12, 17)),
            ],
        ),
        (
            "A_HRC_7_31.en.txt",
            HRC,
            [
                ("decision", HRC, "4/104", None),
                ("decision", HRC, "4/104", None),
                ("resolution", GA, "60/251", dt.date(2006, 3, 15)),
            ],
        ),
        (
            "A_HRC_31_81.en.txt",
            HRC,
            [("resolution", HRC, "28/2", None), ("resolution", HRC, "28/2", None)],
        ),
        (
            "A_RES_62_171.es.txt",
            GA,
            [
                ("resolution", GA, "60/251", dt.date(2006, 3, 15)),  # "su resolución 60/251, de…"
                ("resolution", GA, "217 A (III)", None),  # footnote "Véase la resolución…"
            ],
        ),
        (
            "A_RES_52_31.ar.txt",
            GA,
            [
                ("resolution", GA, "40/152 O", dt.date(1985, 12, 16)),  # سين
                ("resolution", GA, "41/86 Q", dt.date(1986, 12, 4)),  # فاء
                ("resolution", GA, "42/42 F", dt.date(1987, 11, 30)),  # واو
                ("resolution", GA, "43/81 B", dt.date(1988, 12, 7)),  # باء
                ("resolution", GA, "45/65", dt.date(1990, 12, 4)),
                ("resolution", GA, "47/45", dt.date(1992, 12, 9)),
                ("resolution", GA, "48/68", dt.date(1993, 12, 16)),
                ("resolution", GA, "50/61", dt.date(1995, 12, 12)),
            ],
        ),
        ("A_RES_52_7.zh.txt", GA, [("resolution", GA, "51/7", dt.date(1996, 10, 25))]),
        ("A_RES_57_209.ru.txt", GA, [("resolution", GA, "53/44", dt.date(1998, 12, 9))]),
        # The Sub-Commission's "résolution intitulée…" has no number: nothing is cited.
        ("A_RES_52_134.fr.txt", GA, []),
    ],
)
def test_corpus_texts_cite(shared: Path, name: str, body: Body, expected: list[Cited]) -> None:
    text = corpus_text(shared, name)
    lang = name.split(".")[-2]
    refs = find_references(text, lang, body=body)
    _check_spans(text, refs)
    assert _cited(refs) == expected


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("A_C_3_66_L_32.en.txt", "en", ["A/C.3/66/L.32", "A/CONF.157/24 (Part I)", "A/66/53"]),
        ("A_RES_62_171.es.txt", "es", ["A/RES/62/171", "A/62/439/Add.6"]),
        ("A_RES_52_7.zh.txt", "zh", ["A/52/456"]),
        ("A_RES_52_134.fr.txt", "fr", ["A/52/644/Add.2"]),
        ("A_HRC_31_81.en.txt", "en", ["A/HRC/31/81*"]),
    ],
)
def test_corpus_texts_cite_documents(
    shared: Path, name: str, lang: str, expected: list[str]
) -> None:
    refs = find_references(corpus_text(shared, name), lang, body=GA)
    assert list(dict.fromkeys(_symbols(refs))) == expected


def test_arabic_reference_reads_as_printed(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_52_31.ar.txt")
    first = next(r for r in find_references(text, "ar", body=GA) if r.kind == "resolution")
    assert first.text.startswith("قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/")


def test_chinese_date_comes_before_the_number(shared: Path) -> None:
    refs = find_references(corpus_text(shared, "A_RES_52_7.zh.txt"), "zh", body=GA)
    assert refs[0].text == "1996年10月25日第51/7号决议"


@pytest.mark.parametrize(
    ("lang", "body", "text", "expected"),
    [
        # Hand-written from §1.3/§4.3: forms the corpus lacks.
        (
            "fr",
            GA,
            "Rappelant la résolution 7/3 du Conseil des droits de l'homme en date du 27 mars 2008"
            " et sa résolution 62/160 du 18 décembre 2007,",
            [
                ("resolution", HRC, "7/3", dt.date(2008, 3, 27)),
                ("resolution", GA, "62/160", dt.date(2007, 12, 18)),
            ],
        ),
        (
            "en",
            GA,
            "Recalling Security Council resolution 1325 (2000), Commission on Human Rights"
            " resolution 2000/70 of 27 April 2000, Sub-Commission resolution 2000/22 and"
            " Economic and Social Council resolution 2000/3,",
            [
                ("resolution", SC, "1325 (2000)", None),
                ("resolution", CHR, "2000/70", dt.date(2000, 4, 27)),
                ("resolution", SUB, "2000/22", None),
                ("resolution", ECOSOC, "2000/3", None),
            ],
        ),
        (
            "en",
            ECOSOC,
            "Recalling its resolution 2000/3 and its decision 2000/201,",
            [("resolution", ECOSOC, "2000/3", None), ("decision", ECOSOC, "2000/201", None)],
        ),
        (
            "en",
            HRC,
            "Recalling General Assembly resolutions 60/251 of 15 March 2006, by which the Assembly"
            " established the Council, and 65/281 of 17 June 2011, and Human Rights Council"
            " decision 4/104,",
            [
                ("resolution", GA, "60/251", dt.date(2006, 3, 15)),
                ("resolution", GA, "65/281", dt.date(2011, 6, 17)),
                ("decision", HRC, "4/104", None),
            ],
        ),
        (
            "en",
            GA,
            "Recalling resolution 1998/28 of 26 August 1998 of the Sub-Commission on Prevention"
            " of Discrimination and Protection of Minorities,",
            [("resolution", SUB, "1998/28", dt.date(1998, 8, 26))],
        ),
        (
            "ru",
            HRC,
            "ссылаясь на резолюции Совета 6/3 от 27 сентября 2007 года, 7/5 от 27 марта 2008 года"
            " и резолюцию 2005/55 Комиссии,",
            [
                ("resolution", HRC, "6/3", dt.date(2007, 9, 27)),
                ("resolution", HRC, "7/5", dt.date(2008, 3, 27)),
                ("resolution", CHR, "2005/55", None),
            ],
        ),
        (
            "ar",
            HRC,
            "وإذ يشير إلى قرار مجلس حقوق الإنسان 7/3 المؤرخ 27 آذار/مارس 2008،",
            [("resolution", HRC, "7/3", dt.date(2008, 3, 27))],
        ),
        (
            "es",
            GA,
            "Recordando la resolución 7/3 del Consejo de Derechos Humanos, de 27 de marzo de 2008,",
            [("resolution", HRC, "7/3", dt.date(2008, 3, 27))],
        ),
        (
            "zh",
            GA,
            "回顾人权理事会2008年3月27日第7/3号决议和其2007年12月18日第62/160号决议"
            "以及安全理事会第1325（2000）号决议，又回顾第54/181和55/109号决议和人权理事会第4/104号决定",
            [
                ("resolution", HRC, "7/3", dt.date(2008, 3, 27)),
                ("resolution", GA, "62/160", dt.date(2007, 12, 18)),
                ("resolution", SC, "1325 (2000)", None),
                ("resolution", GA, "54/181", None),
                ("resolution", GA, "55/109", None),
                ("decision", HRC, "4/104", None),
            ],
        ),
        (
            "en",
            GA,
            "Recalling its resolutions A/RES/63/180 and 64/171 and ES-10/19,",
            [("resolution", GA, "64/171", None), ("resolution", GA, "ES-10/19", None)],
        ),
        # A masthead is not a citation.
        ("en", HRC, "Resolution adopted by the Human Rights Council 19/33 Enhancement", []),
        ("es", GA, "Resolución aprobada por la Asamblea General 62/171. Año", []),
        # "решение" as a plain word, with no number near it.
        ("ru", GA, "в решение неотложной задачи на 2008 год", []),
    ],
)
def test_hand_written_citations(lang: str, body: Body, text: str, expected: list[Cited]) -> None:
    refs = find_references(text, lang, body=body)
    _check_spans(text, refs)
    assert _cited(refs) == expected


def test_a_seventh_language_is_refused_by_name() -> None:
    with pytest.raises(UnsupportedLanguage, match="'de' is not an official UN language"):
        find_references("Resolution 62/160", "de")


def test_text_without_digits_cites_nothing() -> None:
    assert find_references("Recalling its resolutions on the subject,", "en", body=GA) == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "adopted on 18 December 2007 at", dt.date(2007, 12, 18)),
        ("ru", "от 18 декабря 2007 года", dt.date(2007, 12, 18)),
        ("fr", "le 1er mai 2001", dt.date(2001, 5, 1)),
        ("fr", "du 12 décembre 1997", dt.date(1997, 12, 12)),
        ("es", ", de 15 de marzo de 2006", dt.date(2006, 3, 15)),
        ("ar", "المؤرخ 16 كانون الأول/ ديسمبر 1985", dt.date(1985, 12, 16)),
        ("ar", "المؤرخ 27 مارس 2008", dt.date(2008, 3, 27)),
        ("ar", "المؤرخ ١٦ كانون الأول 1985", dt.date(1985, 12, 16)),  # Arabic-Indic digits
        ("zh", "1997年10月28日", dt.date(1997, 10, 28)),
    ],
)
def test_dates_in_six_languages(lang: str, text: str, expected: dt.date) -> None:
    assert [d for _, _, d in find_dates(text, lang)] == [expected]


def test_a_date_that_does_not_exist_is_left_out() -> None:
    assert find_dates("31 February 2001", "en") == []


def test_dates_in_a_seventh_language_are_refused_by_name() -> None:
    with pytest.raises(KeyError, match="'de' is not an official UN language"):
        find_dates("18. Dezember 2007", "de")
