"""The seed, A/RES/63/180 in Russian as extracted from the PDF, read end to end.

Expected values were written by reading the seed text, not copied from the program's output.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hrdialogue.documents.clean import normalise_text_map
from hrdialogue.documents.model import Body, Resolution
from hrdialogue.documents.parse import parse_resolution


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Resolution:
    return parse_resolution(seed_text, language="ru")


def test_identity(seed: Resolution) -> None:
    assert seed.symbol == "A/RES/63/180"
    assert seed.number == "63/180"
    assert seed.language == "ru"
    assert seed.body is Body.GENERAL_ASSEMBLY
    assert seed.session == 63
    assert seed.title == "Укрепление международного сотрудничества в области прав человека"
    assert seed.enacting_formula == "Генеральная Ассамблея,"


def test_nine_preambular_and_eleven_operative_paragraphs(seed: Resolution) -> None:
    assert [p.anchor for p in seed.preamble] == [f"PP{i}" for i in range(1, 10)]
    assert [p.anchor for p in seed.operative] == [f"OP{i}" for i in range(1, 12)]
    assert [p.number for p in seed.operative] == list(range(1, 12))


def test_adoption_and_no_warnings(seed: Resolution) -> None:
    assert seed.adoption is not None
    assert seed.adoption.meeting == 70
    assert seed.adoption.date == dt.date(2008, 12, 18)
    assert seed.warnings == ()
    assert not seed.truncated


def test_preambular_leads(seed: Resolution) -> None:
    leads = [(p.lead, p.lead_key, p.lead_modifiers) for p in seed.preamble]
    assert leads == [
        ("подтверждая", "affirming", ()),
        ("напоминая", "recalling", ()),
        ("напоминая также", "recalling", ("also",)),
        ("признавая", "recognizing", ()),
        ("признавая также", "recognizing", ("also",)),
        ("подтверждая", "affirming", ()),
        ("подчеркивая", "emphasizing", ()),
        ("особо отмечая", "underlining", ()),
        ("напоминая", "recalling", ()),
    ]


def test_operative_leads(seed: Resolution) -> None:
    assert [p.lead_key for p in seed.operative] == [
        "affirms",
        "recognizes",
        "affirms",
        "urges",
        "reaffirms",
        "considers",
        "affirms",
        "calls-upon",
        "invites",
        "requests",
        "decides",
    ]
    assert seed.operative[3].lead == "настоятельно призывает"
    assert seed.operative[4].lead == "вновь подтверждает"


def test_four_footnotes_with_their_texts_on_pp1_pp2_pp2_pp9(seed: Resolution) -> None:
    notes = [(f.marker, f.anchor, f.text) for f in seed.footnotes]
    assert notes == [
        ("1", "PP1", "A/CONF.157/24 (Part I), глава III."),
        ("2", "PP2", "См. резолюцию 55/2."),
        (
            "3",
            "PP2",
            "См. Официальные отчеты Генеральной Ассамблеи, шестьдесят третья сессия,"
            " Дополнение № 53 (А/63/53), глава II, раздел А.",
        ),
        ("4", "PP9", "См. E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, глава II, раздел A."),
    ]
    before = [seed.paragraph(f.anchor).text[: f.offset] for f in seed.footnotes if f.anchor]
    assert before[0].endswith("25 июня 1993 года")
    assert before[1].endswith("8 сентября 2000 года")
    assert before[2].endswith("27 марта 2008 года")
    assert before[3].endswith("о поощрении диалога по вопросам прав человека")


def test_footnote_digits_are_out_of_the_text_and_text_numbers_stay(seed: Resolution) -> None:
    pp1, pp2, pp9 = seed.preamble[0].text, seed.preamble[1].text, seed.preamble[8].text
    assert "1993 года, в отношении" in pp1
    assert "в пункте 3 статьи 1, а также" in pp1
    assert "8 сентября 2000 года и ее резолюции 62/160" in pp2
    assert "27 марта 2008 года и резолюциях" in pp2
    assert pp9.endswith("по вопросам прав человека,")
    assert not re.search(r"года\s?\d", pp1 + pp2)


def test_pp5_reads_across_the_page_break_and_compounds_keep_their_hyphen(seed: Resolution) -> None:
    pp5 = seed.preamble[4].text
    assert "подлинного диалога и быть направлены на расширение возможностей" in pp5
    assert "A/CONF" not in pp5
    assert "между государствами-членами в области" in seed.preamble[0].text
    assert seed.operative[10].text == (
        "постановляет продолжить рассмотрение этого вопроса на своей шестьдесят четвертой сессии."
    )


def test_every_span_covers_its_paragraph(seed: Resolution, seed_text: str) -> None:
    for paragraph in (*seed.preamble, *seed.operative):
        start, end = paragraph.span
        source_slice = normalise_text_map(seed_text[start:end]).text
        assert source_slice.startswith(paragraph.text[:20])
        # it ends where the paragraph ends (a footnote marker may stand before the comma)
        assert source_slice[-1] == paragraph.text[-1]
        assert paragraph.text.split()[-1].rstrip(",;.") in source_slice.split()[-1]
        for word in paragraph.text.split():
            assert word.strip(",;.") in source_slice
    footnote = seed.footnotes[0]
    assert seed_text[footnote.span[0] : footnote.span[1]].startswith("A/CONF.157/24")
    assert seed.adoption is not None
    start, end = seed.adoption.span
    assert seed_text[start:end].startswith("70-e")
    assert seed_text[start:end].endswith("2008 года")


def test_references_are_mapped_to_source_spans_and_anchors(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in for the references stage: every "NN/NNN" number in each region it is given
    # (the title, each paragraph, each footnote), offsets into the text it scans.
    from hrdialogue.documents import parse as parse_module
    from hrdialogue.documents.references import Citation

    number = re.compile(r"\d+/\d+")

    def numbers(
        text: str, language: str, regions: list[tuple[int, int]], *, body: Body | None = None
    ) -> list[list[Citation]]:
        del language, body
        return [
            [
                Citation("resolution", m.start(), m.end(), number=m.group())
                for m in number.finditer(text, lo, hi)
            ]
            for lo, hi in regions
        ]

    monkeypatch.setattr(parse_module, "scan_references", numbers)
    seed = parse_module.parse_resolution(seed_text, language="ru")
    found = [(r.number, r.anchor, r.footnote) for r in seed.references]
    assert ("62/160", "PP2", None) in found
    assert ("7/3", "PP2", None) in found
    assert ("2000/22", "PP9", None) in found
    assert ("55/2", "PP2", "2") in found
    assert ("63/180", None, None) not in found  # the number line is not the title
    for reference in seed.references:
        assert seed_text[reference.span[0] : reference.span[1]] == reference.number
    starts = [r.span[0] for r in seed.references]
    assert starts == sorted(starts)


def test_mandates_receive_a_source_mapper(seed_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdialogue.documents import parse as parse_module

    seen: list[str] = []

    def capture(operative, *, language, body, to_source):  # type: ignore[no-untyped-def]
        op10 = operative[9]
        start = op10.text.index("Генерального секретаря")
        span = to_source("OP10", start, start + len("Генерального секретаря"))
        seen.append(seed_text[span[0] : span[1]])
        assert (language, body) == ("ru", Body.GENERAL_ASSEMBLY)
        return ()

    monkeypatch.setattr(parse_module, "extract_mandates", capture)
    parse_module.parse_resolution(seed_text, language="ru")
    assert seen == ["Генерального секретаря"]
