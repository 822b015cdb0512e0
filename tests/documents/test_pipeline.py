"""The whole reader on real texts: parse → references, mandates, Akoma Ntoso, Markdown, compare.

Expected values are written by reading the seed (A/RES/63/180, ru) and the corpus files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from hrdialogue.documents.akn import AKN_NAMESPACE, to_akoma_ntoso
from hrdialogue.documents.compare import compare_resolutions
from hrdialogue.documents.errors import NotAResolution
from hrdialogue.documents.model import Body, Resolution
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.render import to_markdown

NS = {"a": AKN_NAMESPACE}


def _corpus_text(shared: Path, name: str) -> tuple[str, str]:
    raw = (shared / "corpus" / "un" / name).read_text(encoding="utf-8")
    header = [line for line in raw.splitlines() if line.startswith("# language:")]
    body = "\n".join(line for line in raw.split("\n") if not line.startswith("#"))
    return body, header[0].split(":", 1)[1].strip()


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Resolution:
    return parse_resolution(seed_text, language="ru")


@pytest.fixture(scope="session")
def akn_schema(shared: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared / "reference" / "akn" / "akomantoso30.xsd")))


def test_seed_references_are_the_documents_it_cites(seed: Resolution) -> None:
    cited = {(r.body, r.number, r.date, r.anchor, r.footnote) for r in seed.references if r.number}
    assert (Body.GENERAL_ASSEMBLY, "62/160", dt.date(2007, 12, 18), "PP2", None) in cited
    assert (Body.HUMAN_RIGHTS_COUNCIL, "7/3", dt.date(2008, 3, 27), "PP2", None) in cited
    assert (Body.SUB_COMMISSION, "2000/22", dt.date(2000, 8, 18), "PP9", None) in cited
    assert (Body.GENERAL_ASSEMBLY, "55/2", None, "PP2", "2") in cited
    symbols = {(r.symbol, r.anchor, r.footnote) for r in seed.references if r.kind == "symbol"}
    assert symbols == {
        ("A/CONF.157/24 (Part I)", "PP1", "1"),
        ("A/63/53", "PP2", "3"),
        ("E/CN.4/2001/2", "PP9", "4"),
        ("E/CN.4/Sub.2/2000/46", "PP9", "4"),
    }
    for ref in seed.references:  # every span points at the characters it was read from
        start, end = ref.span
        assert 0 <= start < end <= seed.source_length


def test_seed_mandates_op10_consult_and_op11_next_session(seed: Resolution, seed_text: str) -> None:
    by_anchor = {m.anchor: m for m in seed.mandates}
    op10 = by_anchor["OP10"]
    assert op10.strength == "requests"
    assert op10.addressees == ("secretary-general",)
    assert op10.partners == ("high-commissioner-for-human-rights",)
    assert op10.action == "consult"
    assert set(op10.consultees) == {
        "states",
        "intergovernmental-organizations",
        "non-governmental-organizations",
    }
    assert "путях и средствах" in seed_text[slice(*op10.subject_span)]
    op11 = by_anchor["OP11"]
    assert (op11.addressees, op11.action) == (("general-assembly",), "continue-consideration")
    assert op11.deadline is not None
    assert (op11.deadline.session, op11.deadline.year) == (64, 2009)
    # Third week of September 2009: 1 September is a Tuesday, so weeks start 31 Aug; +14 → 14 Sep.
    assert op11.deadline.opens == dt.date(2009, 9, 15)
    op8 = [m for m in seed.mandates if m.anchor == "OP8"]
    assert [m.strength for m in op8] == ["calls-upon", "recommends"]
    assert op8[1].addressees == ("non-governmental-organizations",)


def test_seed_as_akoma_ntoso_validates_and_carries_its_iri(
    seed: Resolution, akn_schema: etree.XMLSchema
) -> None:
    doc = etree.fromstring(to_akoma_ntoso(seed).encode("utf-8"))
    akn_schema.assertValid(doc)
    this = doc.xpath("//a:FRBRExpression/a:FRBRthis/@value", namespaces=NS)[0]
    assert this.startswith("/akn/un/statement/deliberation/un-ga/2008-12-18/63-180/rus@")
    assert len(doc.xpath("//a:preamble/a:container", namespaces=NS)) == 9
    assert len(doc.xpath("//a:mainBody/a:paragraph", namespaces=NS)) == 11
    assert doc.xpath("//a:authorialNote/@marker", namespaces=NS) == ["1", "2", "3", "4"]
    assert doc.xpath("//a:conclusions//a:docDate/@date", namespaces=NS) == ["2008-12-18"]


CORPUS_RESOLUTIONS = [
    "A_C_3_66_L_32.en.txt",
    "A_HRC_RES_19_33.en.txt",
    "A_HRC_RES_28_2.en.txt",
    "A_RES_42_193.en.txt",
    "A_RES_52_134.fr.txt",
    "A_RES_52_31.ar.txt",
    "A_RES_52_7.zh.txt",
    "A_RES_57_209.ru.txt",
    "A_RES_62_171.es.txt",
]


@pytest.mark.parametrize("name", CORPUS_RESOLUTIONS)
def test_every_corpus_resolution_exports_valid_akoma_ntoso_and_markdown(
    shared: Path, akn_schema: etree.XMLSchema, name: str
) -> None:
    text, language = _corpus_text(shared, name)
    resolution = parse_resolution(text, language=language)
    akn_schema.assertValid(etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8")))
    markdown = to_markdown(resolution)
    for paragraph in (*resolution.preamble, *resolution.operative):
        assert paragraph.anchor in markdown


@pytest.mark.parametrize("name", ["A_HRC_7_31.en.txt", "A_HRC_31_81.en.txt"])
def test_reports_are_refused_as_not_resolutions(shared: Path, name: str) -> None:
    text, language = _corpus_text(shared, name)
    with pytest.raises(NotAResolution):
        parse_resolution(text, language=language)


def test_two_years_of_the_hrc_series_align_paragraph_to_paragraph(shared: Path) -> None:
    a = parse_resolution(_corpus_text(shared, "A_HRC_RES_19_33.en.txt")[0], language="en")
    b = parse_resolution(_corpus_text(shared, "A_HRC_RES_28_2.en.txt")[0], language="en")
    comparison = compare_resolutions(a, b)
    assert comparison.kind == "revision"
    pairs = [(p.a_anchor, p.b_anchor, p.status) for p in comparison.paragraphs]
    # The first preambular paragraph is word for word the same in 2012 and 2015.
    assert pairs[0] == ("PP1", "PP1", "unchanged")
    # PP3 names the latest texts of the series: 16/22 and 66/152 (2012), 25/3 and 69/179 (2015).
    pp3 = next(p for p in comparison.paragraphs if p.a_anchor == "PP3")
    assert pp3.status == "changed"
    assert pp3.b_anchor == "PP3"
    replaced = [(op.a, op.b) for op in pp3.diff if op.op == "replace"]
    flat_a = {w for a_words, _ in replaced for w in a_words}
    flat_b = {w for _, b_words in replaced for w in b_words}
    assert {"16/22", "66/152"} <= flat_a
    assert {"25/3", "69/179"} <= flat_b


def test_a_resolution_compared_with_itself_in_the_same_language_is_unchanged(
    seed: Resolution,
) -> None:
    comparison = compare_resolutions(seed, seed)
    assert comparison.aligned
    assert {p.status for p in comparison.paragraphs} == {"unchanged"}
