"""Reader finds UN document symbols in real texts and normalises them.

Expected values were written by reading the seed and the corpus files. Sentences come from
`$HRDIALOGUE_SHARED` (found by a short phrase), never copied into the repository; the few
hand-written strings follow the symbol grammar of reference/un-documents.md §4.1 and say so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdialogue.documents.model import Body
from hrdialogue.documents.symbols import find_symbols, fold_width, normalise_symbol, parse_symbol
from tests.corpus import corpus_text


def _around(text: str, phrase: str, before: int = 0, after: int = 80) -> str:
    """The stretch of `text` from `before` characters ahead of `phrase` to `after` past it."""
    at = text.index(phrase)
    return text[max(0, at - before) : at + len(phrase) + after]


def _symbols(text: str) -> list[str]:
    return [symbol for _, _, symbol in find_symbols(text)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u0410/63/53", "A/63/53"),  # Cyrillic А, as in the seed's footnote 3
        ("A/76/ 462/Add. 2", "A/76/462/Add.2"),  # spaces inserted by extraction
        ("E/CN.4/2001/2\u2013E/CN.4/Sub.2/2000/46", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"),
        ("A/CONF.157/24 (Part I)", "A/CONF.157/24 (Part I)"),
        ("A/CONF.157/24(Part  I)", "A/CONF.157/24 (Part I)"),
        (
            "\uff25\uff0f\uff23\uff2e\uff0e\uff14\uff0f\uff12\uff10\uff10\uff11\uff0f\uff12",
            "E/CN.4/2001/2",
        ),
        ("S/RES/1325 (2000)", "S/RES/1325 (2000)"),
        ("A/RES/217 A (III)", "A/RES/217 A (III)"),
        ("A/HRC/31/81*", "A/HRC/31/81*"),
        ("A/RES/ES-10/19", "A/RES/ES-10/19"),
        ("ST/AI/189/Add.9/Rev.2", "ST/AI/189/Add.9/Rev.2"),
        ("  A/55/602/Add.2\n", "A/55/602/Add.2"),
        ("\u0415/\u0421N.4/2001/2", "E/CN.4/2001/2"),  # Cyrillic Е and С
    ],
)
def test_symbol_as_printed_normalises(raw: str, expected: str) -> None:
    assert normalise_symbol(raw) == expected


def test_seed_footnotes_give_part_i_cyrillic_a_and_a_joint_symbol(seed_text: str) -> None:
    footnote_1 = _around(seed_text, "A/CONF.157/24", after=30)
    assert _symbols(footnote_1) == ["A/CONF.157/24 (Part I)"]
    footnote_3 = _around(seed_text, "(\u0410/63/53)", before=40, after=20)
    found = find_symbols(footnote_3)
    assert [s for _, _, s in found] == ["A/63/53"]
    start, end, _ = found[0]
    assert footnote_3[start:end] == "\u0410/63/53"  # the span is the text as printed
    footnote_4 = _around(seed_text, "E/CN.4/2001/2", before=8, after=60)
    assert _symbols(footnote_4) == ["E/CN.4/2001/2", "E/CN.4/Sub.2/2000/46"]
    # The Russian words after the symbols are not part of them.
    assert all(footnote_4[e - 1] in "0123456789" for _, e, _ in find_symbols(footnote_4))


def test_whole_seed_has_exactly_its_four_symbols(seed_text: str) -> None:
    assert _symbols(seed_text) == [
        "A/CONF.157/24 (Part I)",
        "A/63/53",
        "E/CN.4/2001/2",
        "E/CN.4/Sub.2/2000/46",
    ]


@pytest.mark.parametrize(
    ("name", "phrase", "expected"),
    [
        ("A_C_3_66_L_32.en.txt", "1 A/CONF", ["A/CONF.157/24 (Part I)"]),
        ("A_C_3_66_L_32.en.txt", "Supplement No. 53", ["A/66/53"]),
        ("A_C_3_66_L_32.en.txt", "*1156802*", ["A/C.3/66/L.32"]),
        ("A_HRC_31_81.en.txt", "United Nations A/HRC", ["A/HRC/31/81*"]),
        ("A_RES_62_171.es.txt", "Tercera", ["A/62/439/Add.6"]),
        ("A_RES_52_134.fr.txt", "Rapport:", ["A/52/644/Add.2"]),
        ("A_RES_52_7.zh.txt", "1/ ", ["A/52/456"]),
        # Bitext lines glue the English and Arabic copies of one symbol.
        ("A_AC_109_2019_L_18.en-ar.bitext.txt", "L.18A/", ["A/AC.109/2019/L.18"] * 2),
    ],
)
def test_corpus_sentences_give_their_symbols(
    shared: Path, name: str, phrase: str, expected: list[str]
) -> None:
    text = corpus_text(shared, name)
    sentence = _around(text, phrase, before=25, after=25)
    if name.startswith("A_AC_109"):
        sentence = _around(text, phrase, before=18, after=18)
    assert _symbols(sentence) == expected


def test_reports_and_bitext_symbols_in_whole_files(shared: Path) -> None:
    assert _symbols(corpus_text(shared, "A_HRC_7_31.en.txt")) == ["A/HRC/7/31"]
    assert _symbols(corpus_text(shared, "A_RES_62_171.es.txt")) == [
        "A/RES/62/171",
        "A/62/439/Add.6",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hand-written from §4.1 (companions, ranges, parentheticals, full-width brackets).
        ("(A/62/439 and Add.1-6)", ["A/62/439", "A/62/439/Add.1-6"]),
        ("(A/61/443/Add.2 and Corr.1)", ["A/61/443/Add.2", "A/61/443/Add.2/Corr.1"]),
        (
            "E/1993/23 and Corr.2, 4 and 5",
            ["E/1993/23", "E/1993/23/Corr.2", "E/1993/23/Corr.4", "E/1993/23/Corr.5"],
        ),
        ("(A/55/L.21 y Add.1)", ["A/55/L.21", "A/55/L.21/Add.1"]),
        ("[根据第三委员会的报告（A/55/602/Add.2）通过]", ["A/55/602/Add.2"]),
        ("см. A/63/53 и Add.1", ["A/63/53", "A/63/53/Add.1"]),
        ("S/RES/1325 (2000) and A/RES/217 A (III)", ["S/RES/1325 (2000)", "A/RES/217 A (III)"]),
        ("A/RES/3201 (S-VI), A/RES/S-28/1, A/RES/ES-10/19", None),
        ("U.N. Doc. E/CN.4/1998/81 (1998)", ["E/CN.4/1998/81"]),  # year only for S/RES
        ("AG/RES.1733 (XXX-O/00)", ["AG/RES.1733"]),  # "O/00" is no joint symbol
        ("\u0410/63/53 \u0412 докладе", ["A/63/53"]),  # "В" is a Russian word, no suffix
        ("A/RES/45/238 B of", ["A/RES/45/238 B"]),
        ("CCPR/C/21/Rev.1/Add.13; UNEP/GC.27/17", ["CCPR/C/21/Rev.1/Add.13", "UNEP/GC.27/17"]),
        ("A/C.3/62/SR.22-33", ["A/C.3/62/SR.22-33"]),
        ("TCP/IP and N/A, 24/7", []),  # no digit, or no root
    ],
)
def test_hand_written_symbol_forms(text: str, expected: list[str] | None) -> None:
    if expected is None:
        expected = ["A/RES/3201 (S-VI)", "A/RES/S-28/1", "A/RES/ES-10/19"]
    assert _symbols(text) == expected


def test_fold_width_keeps_every_offset() -> None:
    text = "（A/55/602/Add.2）\u00a0— ١٢"
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded == "(A/55/602/Add.2) - 12"


@pytest.mark.parametrize(
    ("symbol", "expected"),
    [
        ("A/RES/63/180", ("A", Body.GENERAL_ASSEMBLY, "resolution", "63", "180")),
        ("A/HRC/RES/7/3", ("A", Body.HUMAN_RIGHTS_COUNCIL, "resolution", "7", "3")),
        ("S/RES/1325 (2000)", ("S", Body.SECURITY_COUNCIL, "resolution", "2000", "1325")),
        ("E/CN.4/Sub.2/RES/2000/22", ("E", Body.SUB_COMMISSION, "resolution", "2000", "22")),
        ("E/CN.4/RES/2000/70", ("E", Body.COMMISSION_ON_HUMAN_RIGHTS, "resolution", "2000", "70")),
        ("E/RES/2000/3", ("E", Body.ECONOMIC_AND_SOCIAL_COUNCIL, "resolution", "2000", "3")),
        ("A/C.3/66/L.32", ("A", Body.GENERAL_ASSEMBLY, "draft", "66", "32")),
        ("\u0410/63/53", ("A", Body.GENERAL_ASSEMBLY, "document", "63", "53")),
        ("A/RES/217 A (III)", ("A", Body.GENERAL_ASSEMBLY, "resolution", "III", "217 A")),
        ("S/PRST/2004/36", ("S", Body.SECURITY_COUNCIL, "presidential-statement", "2004", "36")),
        ("CCPR/C/21/Rev.1/Add.13", ("CCPR", None, "document", None, "21")),
    ],
)
def test_symbol_parts(symbol: str, expected: tuple[object, ...]) -> None:
    parts = parse_symbol(symbol)
    assert (parts.root, parts.body, parts.kind, parts.session, parts.number) == expected


def test_modifiers_are_kept_apart() -> None:
    assert parse_symbol("A/62/439/Add.1-6").modifiers == ("Add.1-6",)
    assert parse_symbol("ST/AI/189/Add.9/Rev.2").modifiers == ("Add.9", "Rev.2")


@pytest.mark.parametrize("text", ["", "resolution", "63/180", "a/b"])
def test_text_that_is_not_a_symbol_is_refused_with_its_name(text: str) -> None:
    with pytest.raises(ValueError, match="not a UN document symbol"):
        parse_symbol(text)
