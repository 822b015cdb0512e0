"""Every text of the corpus, read as a table: what each document contains, written by reading it.

The `#` header of each corpus file is stripped; the reader never sees it. All but one text are
excerpts: they must end with a `truncated` warning and everything that is there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from hrdialogue.documents.errors import NotAResolution
from hrdialogue.documents.model import Body, DocumentKind
from hrdialogue.documents.parse import parse_resolution

GA, HRC = Body.GENERAL_ASSEMBLY, Body.HUMAN_RIGHTS_COUNCIL
RECALLING_3 = ["recalling", "recalling", "recalling"]


@dataclass(frozen=True)
class Expected:
    file: str
    language: str
    symbol: str | None
    body: Body
    session: int | None
    title: str | None
    preamble: list[str]
    operative: list[str]
    adoption: tuple[int, dt.date] | None = None
    truncated: bool = True
    kind: DocumentKind = DocumentKind.RESOLUTION
    footnotes: tuple[tuple[str, str | None], ...] = ()
    modifiers: tuple[tuple[str, ...], ...] | None = None


CORPUS = [
    Expected(
        "A_C_3_66_L_32.en.txt",
        "en",
        "A/C.3/66/L.32",
        GA,
        66,
        "Enhancement of international cooperation in the field of human rights",
        ["reaffirming", "recalling", "recalling"],
        [],
        kind=DocumentKind.DRAFT_RESOLUTION,
        footnotes=(("*", None), ("1", "PP1"), ("2", "PP2"), ("3", "PP2")),
        modifiers=((), (), ("also",)),
    ),
    Expected(
        "A_HRC_RES_19_33.en.txt",
        "en",
        "A/HRC/RES/19/33",
        HRC,
        19,
        "Enhancement of international cooperation in the field of human rights",
        ["reaffirming", *RECALLING_3],
        [],
        modifiers=((), (), ("also",), ("further",)),
    ),
    Expected(
        "A_HRC_RES_28_2.en.txt",
        "en",
        "A/HRC/RES/28/2",
        HRC,
        28,
        "Enhancement of international cooperation in the field of human",
        ["reaffirming", *RECALLING_3],
        [],
    ),
    Expected(
        "A_RES_42_193.en.txt",
        "en",
        "A/RES/42/193",
        GA,
        42,
        None,
        ["recalling", "recalling", "concerned", "recognizing"],
        ["requests", "requests", "decides"],
        modifiers=((), ("also",), (), ()),
    ),
    Expected(
        "A_RES_52_134.fr.txt",
        "fr",
        "A/RES/52/134",
        GA,
        52,
        "Renforcement de la coopération internationale dans le domaine des droits de l'homme",
        ["reaffirming", "recognizing", "reaffirming", "taking-note"],
        ["welcomes", "calls-upon"],
        adoption=(70, dt.date(1997, 12, 12)),
    ),
    Expected(
        "A_RES_52_31.ar.txt",
        "ar",
        "A/RES/52/31",
        GA,
        52,
        "التحقق بجميع جوانبه، بما في ذلك دور الأمم المتحدة في مجال التحقق",
        ["noting", "reaffirming", "recalling", "recalling"],
        ["reaffirms", "requests"],
        modifiers=((), (), (), ("also",)),
    ),
    Expected(
        "A_RES_52_7.zh.txt",
        "zh",
        "A/RES/52/7",
        GA,
        52,
        "联合国同各国议会联盟的合作",
        ["recalling", "having-considered"],
        ["takes-note", "recommends", "requests", "decides"],
        adoption=(37, dt.date(1997, 10, 28)),
        truncated=False,
        footnotes=(("1/", "PP2"),),
    ),
    Expected(
        "A_RES_57_209.ru.txt",
        "ru",
        None,
        GA,
        57,  # the masthead's "Пятьдесят седьмая сессия"; it has no number line
        "ДЕКЛАРАЦИЯ О ПРАВЕ И ОБЯЗАННОСТИ ОТДЕЛЬНЫХ ЛИЦ, ГРУПП И ОРГАНОВ ОБЩЕСТВА ПООЩРЯТЬ И"
        " ЗАЩИЩАТЬ ОБЩЕПРИЗНАННЫЕ ПРАВА ЧЕЛОВЕКА И ОСНОВНЫЕ СВОБОДЫ",
        ["recalling", "reiterating", "noting", "concerned", "recalling"],
        [],
        modifiers=((), (), ("with-deep-concern",), (), ()),
    ),
    Expected(
        "A_RES_62_171.es.txt",
        "es",
        "A/RES/62/171",
        GA,
        62,
        "Año Internacional del Aprendizaje sobre los Derechos Humanos",
        ["recalling", "reaffirming", "recalling", "recalling", "noting", "recognizing"],
        [],
        footnotes=(("1", "PP2"),),
    ),
]
REFUSED = ["A_HRC_7_31.en.txt", "A_HRC_31_81.en.txt", "A_AC_109_2019_L_18.en-ar.bitext.txt"]


def _read(shared: Path, name: str) -> str:
    lines = (shared / "corpus" / "un" / name).read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "\n".join(lines)


@pytest.mark.parametrize("expected", CORPUS, ids=lambda e: e.file)
def test_corpus_document(shared: Path, expected: Expected) -> None:
    resolution = parse_resolution(_read(shared, expected.file), language=expected.language)
    assert resolution.kind is expected.kind
    assert resolution.symbol == expected.symbol
    assert resolution.body is expected.body
    assert resolution.session == expected.session
    assert resolution.title == expected.title
    assert [p.lead_key for p in resolution.preamble] == expected.preamble
    assert [p.lead_key for p in resolution.operative] == expected.operative
    assert [p.number for p in resolution.operative] == list(range(1, len(expected.operative) + 1))
    if expected.modifiers is not None:
        assert tuple(p.lead_modifiers for p in resolution.preamble) == expected.modifiers
    if expected.adoption is None:
        assert resolution.adoption is None
    else:
        assert resolution.adoption is not None
        assert (resolution.adoption.meeting, resolution.adoption.date) == expected.adoption
    assert resolution.truncated is expected.truncated
    assert tuple((f.marker, f.anchor) for f in resolution.footnotes) == expected.footnotes


def test_complete_chinese_resolution(shared: Path) -> None:
    resolution = parse_resolution(_read(shared, "A_RES_52_7.zh.txt"), language="zh")
    assert len(resolution.preamble) == 2
    assert len(resolution.operative) == 4
    assert [(f.marker, f.text) for f in resolution.footnotes] == [("1/", "A/52/456。")]
    assert resolution.preamble[1].text.startswith("审议了秘书长的报告并就")
    assert resolution.warnings == ()


def test_excerpts_keep_what_is_there(shared: Path) -> None:
    resolution = parse_resolution(_read(shared, "A_RES_52_31.ar.txt"), language="ar")
    assert resolution.operative[1].text == "تطلب إلى الأمين العام أن يقدم إلى الجمعية العا"
    assert resolution.preamble[3].lead == "وإذ تشير أيضا"
    codes = [w.code for w in resolution.warnings]
    assert codes.count("unmatched-footnote-marker") == 2
    assert "(1)" not in resolution.preamble[1].text


def test_collapsed_text_segments(shared: Path) -> None:
    resolution = parse_resolution(_read(shared, "A_RES_42_193.en.txt"), language="en")
    assert resolution.operative[1].lead == "Also requests"
    assert resolution.operative[0].text.startswith(
        "Requests the Secretary-General, in consultation"
    )
    draft = parse_resolution(_read(shared, "A_C_3_66_L_32.en.txt"), language="en")
    assert "of the Durban Declaration and Programme of Action, and their role" in (
        draft.preamble[2].text
    )
    assert "unmatched-footnote-marker" in [w.code for w in draft.warnings]


@pytest.mark.parametrize("name", REFUSED)
def test_reports_and_bitexts_are_refused(shared: Path, name: str) -> None:
    with pytest.raises(NotAResolution, match="not a resolution"):
        parse_resolution(_read(shared, name), language="en", source=name)
