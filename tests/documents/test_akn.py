"""A user exports a resolution as Akoma Ntoso: it validates against the OASIS schema and has
the structure the AKN4UN guidelines give a resolution.

The resolutions are hand-built (`tests/documents/factories.py`); every expected value below
is read off those factories, not off the program's output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from hrdialogue.documents.akn import (
    AKN_NAMESPACE,
    HRDIALOGUE_NAMESPACE,
    reference_href,
    to_akoma_ntoso,
)
from hrdialogue.documents.model import Body, Footnote, Reference, Resolution
from tests.documents import factories
from tests.documents.factories import Draft

NS = {"a": AKN_NAMESPACE, "h": HRDIALOGUE_NAMESPACE}
A = f"{{{AKN_NAMESPACE}}}"


@pytest.fixture(scope="session")
def akn_schema(shared: Path) -> etree.XMLSchema:
    """The OASIS Akoma Ntoso 3.0 schema (it imports `xml.xsd` from beside it); parsed once."""
    return etree.XMLSchema(etree.parse(str(shared / "reference" / "akn" / "akomantoso30.xsd")))


def _xml(resolution: Resolution) -> etree._Element:
    return etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8"))


def _flatten(element: etree._Element) -> str:
    """The text of an element, each footnote written `[marker]` in place of its note."""
    out = [element.text or ""]
    for child in element:
        if child.tag == A + "sup" and child.get("class") == "footnote":
            out.append(f"[{child[0].get('marker')}]")
        else:
            out.append(_flatten(child))
        out.append(child.tail or "")
    return "".join(out)


def _p(doc: etree._Element, eid: str) -> etree._Element:
    (p,) = doc.xpath(
        "//*[@eId=$eid]/a:p | //*[@eId=$eid]/a:content/a:p | //*[@eId=$eid]/a:list/a:intro/a:p",
        namespaces=NS,
        eid=eid,
    )
    return p


def _no_preamble_nor_formula() -> Resolution:
    return factories.no_preamble().model_copy(update={"enacting_formula": None})


EXAMPLES: list[Callable[[], Resolution]] = [
    factories.english_full,
    factories.seed_like_russian,
    factories.no_preamble,
    _no_preamble_nor_formula,
    factories.single_operative,
    factories.arabic,
    factories.chinese,
    factories.truncated_excerpt,
]


@pytest.mark.parametrize("factory", EXAMPLES, ids=lambda f: f.__name__)
def test_export_validates_against_the_oasis_schema(
    akn_schema: etree.XMLSchema, factory: Callable[[], Resolution]
) -> None:
    doc = _xml(factory())
    assert akn_schema.validate(doc), akn_schema.error_log


@pytest.mark.parametrize("factory", EXAMPLES, ids=lambda f: f.__name__)
def test_every_paragraph_keeps_its_text_and_its_footnotes(
    factory: Callable[[], Resolution],
) -> None:
    resolution = factory()
    doc = _xml(resolution)
    anchors = doc.xpath("//h:anchors/h:anchor", namespaces=NS)
    assert anchors, "the export names no anchor"
    for anchor in anchors:
        item = resolution.paragraph(anchor.get("name"))
        text = _flatten(_p(doc, anchor.get("eId")))
        notes = [n for n in resolution.footnotes if n.anchor == item.anchor]
        for note in sorted(notes, key=lambda n: n.offset or 0, reverse=True):
            assert text[note.offset : note.offset + len(note.marker) + 2] == f"[{note.marker}]"
            text = text[: note.offset] + text[note.offset + len(note.marker) + 2 :]
        assert text == item.text


def test_export_is_deterministic() -> None:
    assert to_akoma_ntoso(factories.english_full()) == to_akoma_ntoso(factories.english_full())


def test_the_seed_s_metadata_give_the_akn4un_iris() -> None:
    doc = _xml(factories.seed_like_russian())
    work = "/akn/un/statement/deliberation/un-ga/2008-12-18/63-180"

    def value(path: str) -> str:
        (found,) = doc.xpath(f"//a:identification/{path}", namespaces=NS)
        return str(found)

    assert value("a:FRBRWork/a:FRBRuri/@value") == work
    assert value("a:FRBRWork/a:FRBRthis/@value") == work + "/!main"
    assert value("a:FRBRWork/a:FRBRnumber/@value") == "63-180"
    assert value("a:FRBRWork/a:FRBRnumber/@showAs") == "63/180"
    assert value("a:FRBRWork/a:FRBRdate/@date") == "2008-12-18"
    assert value("a:FRBRWork/a:FRBRauthor/@href") == "#un-ga"
    assert value("a:FRBRExpression/a:FRBRuri/@value") == work + "/rus@"
    assert value("a:FRBRExpression/a:FRBRlanguage/@language") == "rus"
    assert value("a:FRBRManifestation/a:FRBRthis/@value") == work + "/rus@/!main.xml"
    (statement,) = doc.xpath("/a:akomaNtoso/a:statement", namespaces=NS)
    assert statement.get("name") == "resolution"
    assert statement.get("contains") == "originalVersion"
    assert doc.xpath("string(//a:preface//a:docNumber)", namespaces=NS) == "A/RES/63/180"
    assert doc.xpath("string(//a:preface//a:docTitle)", namespaces=NS) == (
        "Заголовок, написанный для тестов"
    )


def test_the_closing_gives_meeting_and_date_in_the_text_s_language() -> None:
    doc = _xml(factories.seed_like_russian())
    (event,) = doc.xpath("//a:conclusions/a:p/a:event", namespaces=NS)
    (date,) = doc.xpath("//a:conclusions/a:p/a:docDate", namespaces=NS)
    assert event.text == "70-е пленарное заседание"
    assert event.get("refersTo") == "#plenaryMeeting"
    assert date.get("date") == "2008-12-18"
    assert date.text == "18 декабря 2008 года"
    assert doc.xpath("//a:references/a:TLCEvent/@eId", namespaces=NS) == ["plenaryMeeting"]


def test_preamble_has_the_formula_and_one_container_per_paragraph() -> None:
    doc = _xml(factories.english_full())
    formula = doc.xpath("//a:preamble/a:formula", namespaces=NS)
    assert [f.get("name") for f in formula] == ["enactingFormula"]
    assert formula[0].xpath("string(a:p)", namespaces=NS) == "The General Assembly,"
    containers = doc.xpath("//a:preamble/a:container", namespaces=NS)
    assert [c.get("eId") for c in containers] == [
        "preamble__container_1",
        "preamble__container_2",
        "preamble__container_3",
    ]
    assert [c.get("name") for c in containers] == ["recalling", "recalling", "noting"]
    assert [c.xpath("string(a:p/a:i)", namespaces=NS) for c in containers] == [
        "Recalling",
        "Recalling also",
        "Noting with concern",
    ]


def test_operative_paragraphs_and_two_levels_of_subparagraphs() -> None:
    doc = _xml(factories.english_full())
    paragraphs = doc.xpath("//a:mainBody/a:paragraph", namespaces=NS)
    assert [p.get("eId") for p in paragraphs] == ["para_1", "para_2", "para_3", "para_4"]
    assert [p.findtext(A + "num") for p in paragraphs] == ["1.", "2.", "3.", "4."]
    points = doc.xpath("//a:point", namespaces=NS)
    assert [p.get("eId") for p in points] == [
        "para_3__list_1__point_a",
        "para_3__list_1__point_b",
        "para_3__list_1__point_b__list_1__point_i",
        "para_3__list_1__point_b__list_1__point_ii",
        "para_3__list_1__point_c",
    ]
    assert [p.findtext(A + "num") for p in points] == ["(a)", "(b)", "(i)", "(ii)", "(c)"]
    intro = doc.xpath("string(//*[@eId='para_3']/a:list/a:intro/a:p)", namespaces=NS)
    assert intro == "Requests the Secretary-General, in cooperation with the High Commissioner:"
    inner = doc.xpath(
        "//*[@eId='para_3__list_1__point_b']/a:list/a:point/a:content/a:p", namespaces=NS
    )
    assert [_flatten(p) for p in inner] == [
        "the replies received;",
        "the practice of the treaty bodies[3];",
    ]


def test_footnotes_stand_where_their_marker_stood() -> None:
    doc = _xml(factories.english_full())
    assert _flatten(_p(doc, "preamble__container_1")) == (
        "Recalling the commitments made at the world conference held in 1993[1] and its "
        "resolution 48/141 of 20 December 1993,"
    )
    notes = doc.xpath("//a:sup[@class='footnote']/a:authorialNote", namespaces=NS)
    assert [n.get("marker") for n in notes] == ["1", "2", "3"]
    assert {n.get("placement") for n in notes} == {"bottom"}
    assert [n.xpath("string(a:p)", namespaces=NS) for n in notes] == [
        "See A/CONF.157/24 (Part I), chap. III.",
        "A/63/53, para. 4.",
        "As described in the annex.",
    ]


def test_references_are_linked_inline_and_all_kept_in_proprietary() -> None:
    doc = _xml(factories.english_full())
    refs = {r.text: r.get("href") for r in doc.xpath("//a:ref", namespaces=NS)}
    assert refs == {
        "A/CONF.157/24 (Part I)": "/akn/un/doc/A-CONF.157-24_(Part_I)",
        "resolution 48/141 of 20 December 1993": (
            "/akn/un/statement/deliberation/un-ga/1993-12-20/48-141"
        ),
        "resolution 62/160 of 18 December 2007": (
            "/akn/un/statement/deliberation/un-ga/2007-12-18/62-160"
        ),
        "A/63/53": "/akn/un/doc/A-63-53",
        "resolution 7/3": "/akn/un/statement/deliberation/un-hrc/2008-03-27/7-3",
    }
    # The reference inside footnote 2 is inside the note, not in the paragraph's own text.
    (note_ref,) = doc.xpath("//a:authorialNote[@marker='2']//a:ref", namespaces=NS)
    assert note_ref.text == "A/63/53"
    kept = doc.xpath("//h:references/h:reference", namespaces=NS)
    assert len(kept) == 6
    absent = [r for r in kept if r.get("symbol") == "A/HRC/7/99"]
    assert [r.get("inline") for r in absent] == ["false"]
    assert sum(r.get("inline") == "true" for r in kept) == 5


def test_a_reference_is_placed_at_the_occurrence_nearest_its_span() -> None:
    d = Draft()
    anchor = d.preambular("Noting", "noting", " document A/70/1 and again document A/70/1,")
    # The second occurrence is the one cited; its source span is off by two characters, as
    # the reader's cleaning shifts offsets.
    d.reference(anchor, "A/70/1", kind="symbol", symbol="A/70/1", occurrence=1, shift=-2)
    doc = _xml(d.build())
    p = _p(doc, "preamble__container_1")
    (ref,) = p.xpath("a:ref", namespaces=NS)
    assert ref.text == "A/70/1"
    assert ref.tail == ","
    assert p.xpath("string(a:i/following-sibling::text()[1])", namespaces=NS) == (
        " document A/70/1 and again document "
    )


def test_a_reference_printed_with_a_cyrillic_letter_is_found_in_the_clean_text() -> None:
    d = Draft(language="ru", enacting_formula="Генеральная Ассамблея,")
    anchor = d.preambular("принимая к сведению", "taking-note", " доклад A/63/53,")
    ref = d.reference(anchor, "A/63/53", kind="symbol", symbol="A/63/53")
    # As printed in the PDF the symbol starts with a Cyrillic "А".
    printed = ref.model_copy(update={"text": "\u0410/63/53"})
    doc = _xml(d.build().model_copy(update={"references": (printed,)}))
    (element,) = doc.xpath("//a:ref", namespaces=NS)
    assert element.text == "A/63/53"
    assert element.get("href") == "/akn/un/doc/A-63-53"


def test_mandates_and_their_actors_are_in_the_metadata() -> None:
    doc = _xml(factories.english_full())
    mandates = doc.xpath(
        "//a:proprietary[@source='#hrdialogue']/h:resolution/h:mandates/h:mandate", namespaces=NS
    )
    assert [(m.get("anchor"), m.get("strength"), m.get("action")) for m in mandates] == [
        ("OP3", "requests", "consult"),
        ("OP4", "decides", "continue-consideration"),
    ]
    first = mandates[0]
    assert first.xpath("h:addressee/@refersTo", namespaces=NS) == ["#secretary-general"]
    assert first.xpath("h:partner/@refersTo", namespaces=NS) == [
        "#high-commissioner-for-human-rights"
    ]
    assert first.xpath("h:consultee/@refersTo", namespaces=NS) == [
        "#states",
        "#non-governmental-organizations",
    ]
    (deadline,) = mandates[1].xpath("h:deadline", namespaces=NS)
    assert dict(deadline.attrib) == {"session": "71", "year": "2016", "opens": "2016-09-13"}
    declared = set(doc.xpath("//a:references/*/@eId", namespaces=NS))
    pointed = {v[1:] for v in doc.xpath("//h:mandate/*/@refersTo", namespaces=NS)}
    assert pointed <= declared
    roles = doc.xpath("//a:references/a:TLCRole/@eId", namespaces=NS)
    assert roles == ["secretary-general", "high-commissioner-for-human-rights"]


def test_a_single_unnumbered_paragraph_of_a_council_decision() -> None:
    doc = _xml(factories.single_operative())
    (statement,) = doc.xpath("/a:akomaNtoso/a:statement", namespaces=NS)
    assert statement.get("name") == "decision"
    (paragraph,) = doc.xpath("//a:mainBody/a:paragraph", namespaces=NS)
    assert paragraph.get("eId") == "para_1"
    assert paragraph.find(A + "num") is None
    assert doc.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS) == (
        "/akn/un/statement/deliberation/un-hrc/2015-10-01/30-901"
    )
    assert doc.xpath("string(//a:conclusions//a:event)", namespaces=NS) == "40th meeting"
    assert doc.xpath("string(//a:preface/a:p)", namespaces=NS) == "A/HRC/DEC/30/901"
    assert doc.xpath("//a:docTitle", namespaces=NS) == []


def test_no_preamble_keeps_only_the_formula() -> None:
    doc = _xml(factories.no_preamble())
    (preamble,) = doc.xpath("//a:preamble", namespaces=NS)
    assert [child.tag for child in preamble] == [A + "formula"]
    assert _xml(_no_preamble_nor_formula()).xpath("//a:preamble", namespaces=NS) == []


@pytest.mark.parametrize(
    ("factory", "iso", "meeting", "date"),
    [
        (factories.arabic, "ara", "الجلسة العامة 58", "9 كانون الأول/ديسمبر 1997"),
        (factories.chinese, "zho", "第37次全体会议", "1997年10月28日"),
    ],
)
def test_arabic_and_chinese(
    factory: Callable[[], Resolution], iso: str, meeting: str, date: str
) -> None:
    doc = _xml(factory())
    assert doc.xpath("string(//a:FRBRlanguage/@language)", namespaces=NS) == iso
    assert doc.xpath("string(//a:FRBRExpression/a:FRBRuri/@value)", namespaces=NS).endswith(
        f"/{iso}@"
    )
    assert doc.xpath("string(//a:conclusions//a:event)", namespaces=NS) == meeting
    assert doc.xpath("string(//a:conclusions//a:docDate)", namespaces=NS) == date


def test_chinese_subparagraph_labels_are_printed_and_ids_stay_latin() -> None:
    doc = _xml(factories.chinese())
    points = doc.xpath("//a:point", namespaces=NS)
    assert [p.findtext(A + "num") for p in points] == ["（一）", "（二）"]
    assert [p.get("eId") for p in points] == ["para_1__list_1__point_a", "para_1__list_1__point_b"]
    assert _flatten(_p(doc, "para_1__list_1__point_b")) == "向大会第五十三届会议提交报告[1]。"


def test_arabic_footnote_follows_the_reference_it_qualifies() -> None:
    doc = _xml(factories.arabic())
    p = _p(doc, "preamble__container_1")
    assert [child.tag for child in p] == [A + "i", A + "ref", A + "sup"]
    assert p[1].text == "قرارها 51/45"
    assert p[1].get("href") == "/akn/un/statement/deliberation/un-ga/51-45"


def test_unknown_date_leaves_the_iri_without_date() -> None:
    doc = _xml(factories.truncated_excerpt())
    assert doc.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=NS) == (
        "/akn/un/statement/deliberation/un-ga/A-C.3-66-L.901"
    )
    (date,) = doc.xpath("//a:FRBRWork/a:FRBRdate", namespaces=NS)
    assert (date.get("date"), date.get("name")) == ("0001-01-01", "unknown")
    assert doc.xpath("//a:conclusions", namespaces=NS) == []
    assert doc.xpath("//a:mainBody/a:p/a:omissis", namespaces=NS) != []
    unplaced = doc.xpath("//h:unplacedFootnotes/h:footnote/@marker", namespaces=NS)
    assert unplaced == ["*"]
    assert doc.xpath("//h:warning/@code", namespaces=NS) == ["truncated"]


def test_duplicate_anchors_still_get_unique_ids(akn_schema: etree.XMLSchema) -> None:
    resolution = factories.english_full()
    twice = resolution.model_copy(update={"preamble": resolution.preamble * 2})
    doc = _xml(twice)
    assert akn_schema.validate(doc), akn_schema.error_log
    eids = doc.xpath("//a:preamble/a:container/@eId", namespaces=NS)
    assert len(eids) == 6
    assert len(set(eids)) == 6
    # Each footnote is written once, in the first paragraph that carries its anchor.
    assert doc.xpath("//a:authorialNote/@marker", namespaces=NS) == ["1", "2", "3"]


@pytest.mark.parametrize(
    ("reference", "href"),
    [
        (
            Reference(
                kind="resolution",
                text="62/160",
                body=Body.GENERAL_ASSEMBLY,
                number="62/160",
                date=dt.date(2007, 12, 18),
                span=(0, 6),
            ),
            "/akn/un/statement/deliberation/un-ga/2007-12-18/62-160",
        ),
        (
            Reference(
                kind="resolution",
                text="217 A (III)",
                body=Body.GENERAL_ASSEMBLY,
                number="217 A (III)",
                span=(0, 11),
            ),
            "/akn/un/statement/deliberation/un-ga/217_A_(III)",
        ),
        (
            Reference(
                kind="resolution",
                text="2000/22",
                body=Body.SUB_COMMISSION,
                number="2000/22",
                date=dt.date(2000, 8, 18),
                span=(0, 7),
            ),
            "/akn/un/statement/deliberation/un-chr-sc/2000-08-18/2000-22",
        ),
        (
            Reference(
                kind="decision",
                text="4/104",
                body=Body.HUMAN_RIGHTS_COUNCIL,
                number="4/104",
                span=(0, 5),
            ),
            "/akn/un/statement/deliberation/un-hrc/4-104",
        ),
        (
            Reference(kind="symbol", text="E/CN.4/2001/2", symbol="E/CN.4/2001/2", span=(0, 13)),
            "/akn/un/doc/E-CN.4-2001-2",
        ),
        (Reference(kind="resolution", text="its resolution", span=(0, 14)), None),
    ],
)
def test_reference_iris(reference: Reference, href: str | None) -> None:
    assert reference_href(reference) == href


def _as_xml_keeps_it(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold written as U+FFFD."""
    return "".join(
        "\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
        for c in text
    )


def _core(text: str) -> str:
    return re.sub(r"[\s\x00-\x1f\ufffd\ufffe\uffff]", "", text)


# Any character UTF-8 can carry, control characters included.
_XML_UNSAFE = st.characters(codec="utf-8")


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(_XML_UNSAFE, max_size=120),
    offsets=st.lists(st.integers(min_value=-5, max_value=130), max_size=4),
    cuts=st.lists(st.tuples(st.integers(0, 120), st.integers(1, 12)), max_size=4),
)
def test_any_text_exports_valid_xml_that_keeps_it(
    akn_schema: etree.XMLSchema, text: str, offsets: list[int], cuts: list[tuple[int, int]]
) -> None:
    base = factories.english_full()
    pp1 = base.preamble[0].model_copy(update={"text": text, "lead": None})
    start = pp1.span[0]
    notes = tuple(
        Footnote(marker=str(i), text="note", anchor="PP1", offset=o, span=(0, 4))
        for i, o in enumerate(offsets, 1)
    )
    refs = tuple(
        Reference(
            kind="symbol",
            text=text[s : s + n],
            symbol="A/1",
            anchor="PP1",
            span=(start + s, start + s + n),
        )
        for s, n in cuts
        if text[s : s + n].strip()
    )
    resolution = base.model_copy(
        update={"preamble": (pp1,), "footnotes": notes, "references": refs}
    )
    doc = _xml(resolution)
    assert akn_schema.validate(doc), akn_schema.error_log
    p = _p(doc, "preamble__container_1")
    assert len(p.xpath("a:sup/a:authorialNote", namespaces=NS)) == len(notes)
    without_notes = "".join(
        t for t in p.xpath(".//text()[not(ancestor::a:authorialNote)]", namespaces=NS)
    )
    assert without_notes == _as_xml_keeps_it(text)
    for ref in p.xpath("a:ref", namespaces=NS):
        # The words it wraps are those of a reference (whitespace and characters XML cannot
        # hold aside: the search lets any whitespace run match any other).
        assert _core(ref.text or "") in {_core(r.text) for r in refs}
