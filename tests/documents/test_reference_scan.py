"""`scan_references` reads many regions of one text as `find_references` reads each alone.

The reader scans the title and every paragraph of a document in one call over the whole clean
text; what it finds in a region must not depend on the text around the region. Texts are
built by hypothesis from symbol, number, date and keyword pieces of the six languages, or read
from the corpus in `$HRDIALOGUE_SHARED` (never copied here).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.documents.model import Body, Reference
from hrdialogue.documents.references import Citation, find_references, scan_references
from hrdialogue.documents.symbols import fold_width
from tests.documents.test_symbol_properties import _PIECES

_LANGS = ["ar", "zh", "en", "fr", "ru", "es"]
# Pieces that put a word, a dot or a digit right before a region, or a keyword across its end.
_EDGES = ["x", ".", "1", "-", "/", "Re", "solution", "esolution 5/1", "1.", "A/", "resolution 7/3"]
_EDGES += [" of the Human Rights Council", " of the ", " del Consejo", " Совета", "; ", ". The "]
_TEXT = st.lists(st.sampled_from([*_PIECES, *_EDGES]), max_size=50).map("".join)

Row = tuple[str, int, int, str | None, str | None, str | None, str | None]


def _alone(text: str, lo: int, hi: int, lang: str, body: Body | None) -> list[Row]:
    refs = find_references(text[lo:hi], lang, body=body)
    return [(r.kind, r.span[0], r.span[1], r.symbol, r.number, r.body, str(r.date)) for r in refs]


def _shifted(found: list[Citation], lo: int) -> list[Row]:
    return [
        (c.kind, c.start - lo, c.end - lo, c.symbol, c.number, c.body, str(c.date)) for c in found
    ]


@settings(max_examples=200, deadline=None)
@given(
    _TEXT,
    st.sampled_from(_LANGS),
    st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=6),
    st.sampled_from([None, Body.GENERAL_ASSEMBLY, Body.HUMAN_RIGHTS_COUNCIL]),
)
def test_each_region_reads_as_if_alone(
    text: str, lang: str, cuts: list[tuple[int, int]], body: Body | None
) -> None:
    regions = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in cuts]
    found = scan_references(text, lang, regions, body=body)
    assert len(found) == len(regions)
    for (lo, hi), citations in zip(regions, found, strict=True):
        assert _shifted(citations, lo) == _alone(text, lo, hi, lang, body)


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("A_C_3_66_L_32.en.txt", "en"),
        ("A_RES_42_193.en.txt", "en"),
        ("A_RES_52_31.ar.txt", "ar"),
        ("A_RES_52_7.zh.txt", "zh"),
        ("A_RES_62_171.es.txt", "es"),
        ("A_RES_52_134.fr.txt", "fr"),
        ("A_RES_57_209.ru.txt", "ru"),
    ],
)
def test_corpus_lines_read_as_if_alone(shared: Path, name: str, lang: str) -> None:
    raw = (shared / "corpus" / "un" / name).read_text(encoding="utf-8")
    text = "\n".join(line for line in raw.splitlines() if not line.startswith("#"))
    regions = []
    start = 0
    for line in text.split("\n"):
        regions.append((start, start + len(line)))
        start += len(line) + 1
    # Lines, and windows across line ends (a region that starts after a letter, not a space).
    regions += [(lo + 3, min(hi + 40, len(text))) for lo, hi in regions if hi - lo > 6]
    found = scan_references(text, lang, regions, body=Body.GENERAL_ASSEMBLY)
    total = 0
    for (lo, hi), citations in zip(regions, found, strict=True):
        assert _shifted(citations, lo) == _alone(text, lo, hi, lang, Body.GENERAL_ASSEMBLY)
        total += len(citations)
    assert total > 0


def test_an_unknown_language_is_refused_even_without_digits() -> None:
    with pytest.raises(UnsupportedLanguage, match="'de'"):
        scan_references("Resolution", "de", [(0, 10)])


def test_latin1_and_ascii_texts_fold_as_any_other() -> None:
    # Each character below U+0100, folded alone (the quick paths for ASCII and Latin-1 text)
    # and next to U+0100 (the regex path).
    for cp in range(0x100):
        ch = chr(cp)
        assert fold_width(ch) == fold_width(ch + "\u0100")[0]
    assert fold_width("62\u00a0/\u00a0160 é") == "62 / 160 é"


# Hand-written citations in the forms of reference/un-documents.md (lead, number, date, body).
_SENTENCES = [
    (
        "en",
        "Recalling its resolution 62/160 of 18 December 2007 and Human Rights Council resolution"
        " 7/3 of 27 March 2008, resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974 and"
        " A/RES/63/180 and Add.1,",
    ),
    (
        "ru",
        "ссылаясь на свою резолюцию 62/160 от 18 декабря 2007 года и резолюцию 7/3 Совета по"
        " правам человека от 27 марта 2008 года, а также на документ А/63/53,",
    ),
    (
        "fr",
        "Rappelant sa résolution 62/160 du 18 décembre 2007 et la résolution 7/3 du Conseil des"
        " droits de l’homme, en date du 27 mars 2008,",
    ),
    (
        "es",
        "Recordando su resolución 62/160, de 18 de diciembre de 2007, y la resolución 7/3 del"
        " Consejo de Derechos Humanos, de 27 de marzo de 2008,",
    ),
    (
        "ar",
        "إذ تشير إلى قرارها 62/160 المؤرخ 18 كانون الأول/ديسمبر 2007 وقرار مجلس حقوق الإنسان 7/3",
    ),
    ("zh", "回顾其2007年12月18日第62/160号决议和人权理事会2008年3月27日第7/3号决议"),
]


@pytest.mark.parametrize(("lang", "text"), _SENTENCES)
def test_every_region_end_reads_as_if_alone(lang: str, text: str) -> None:
    # Regions that stop at every character: a number cut from its date or body, a keyword
    # cut in two; starting at the text's start, after a space, and inside a word.
    starts = [0, text.find(" ") + 1, 3]
    regions = [(lo, hi) for lo in starts for hi in range(lo, len(text) + 1)]
    found = scan_references(text, lang, regions, body=Body.GENERAL_ASSEMBLY)
    for (lo, hi), citations in zip(regions, found, strict=True):
        assert _shifted(citations, lo) == _alone(text, lo, hi, lang, Body.GENERAL_ASSEMBLY)
    assert found[len(text) - starts[0]]  # the whole text cites something


def test_every_wide_character_is_folded_not_only_the_first() -> None:
    # Full-width digits and slash, an em dash, a thin space, Arabic-Indic digits (hand-written).
    assert fold_width("ё ６２／１６０—резолюция\u2009٦٢⁄١٦٠") == "ё 62/160-резолюция 62/160"


_BUILT = [  # kind, symbol, number, body, anchor, footnote (hand-written)
    ("symbol", "A/63/53", None, None, "PP2", None),
    ("resolution", None, "62/160", Body.GENERAL_ASSEMBLY, "OP1", "1"),
    ("decision", None, "2000/22", None, None, None),
]


@pytest.mark.parametrize("row", _BUILT)
def test_reference_is_what_pydantic_builds(row: tuple[Any, ...]) -> None:
    # `Citation.reference` places a citation: its result equals, prints and dumps as the model
    # built from the fields read by hand, and stays frozen.
    kind, symbol, number, body, anchor, footnote = row
    text = "see resolution 62/160 of 18 December 2007"
    date = dt.date(2007, 12, 18) if number else None
    got = Citation(kind, 4, 21, symbol, number, body, date).reference(
        text, (40, 57), anchor=anchor, footnote=footnote
    )
    want = Reference(
        kind=kind,
        text="resolution 62/160",
        symbol=symbol,
        body=body,
        number=number,
        date=date,
        anchor=anchor,
        footnote=footnote,
        span=(40, 57),
    )
    assert got == want
    assert repr(got) == repr(want)
    assert got.model_dump_json() == want.model_dump_json()
    assert got.model_fields_set == want.model_fields_set
    assert hash(got) == hash(want)
    with pytest.raises(ValueError, match="frozen"):
        got.text = "x"
