"""A user reads a resolution whose body is divided into sections (`I`, `II`; `A`, `B`).

Every text here is hand-written from the rules in `reference/un-documents.md` §1.2 (the
fixtures of `tests/documents/sectioned.py` and the short texts below), not a real UN text;
every expected value is read off those texts.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from hrdialogue.documents.akn import AKN_NAMESPACE, to_akoma_ntoso
from hrdialogue.documents.compare import compare_resolutions
from hrdialogue.documents.model import Resolution, resolution_json_schema
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.render import to_markdown, to_summary
from hrdialogue.documents.sections import section_anchors
from tests.documents.sectioned import HEADINGS, LABELS, sectioned

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
CASES = [(lang, lettered) for lang in LANGUAGES for lettered in (False, True)]
NS = {"a": AKN_NAMESPACE}


def _ids(case: tuple[str, bool]) -> str:
    return f"{case[0]}-{'lettered' if case[1] else 'numbered'}"


def _read(language: str, lettered: bool) -> Resolution:
    return parse_resolution(sectioned(language, lettered=lettered), language=language)


def _anchors(lettered: bool) -> tuple[str, str]:
    return ("A", "B") if lettered else ("I", "II")


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_each_section_is_read_with_its_label_and_heading(case: tuple[str, bool]) -> None:
    language, lettered = case
    resolution = _read(language, lettered)
    first, second = _anchors(lettered)
    printed = LABELS[language][1 if lettered else 0]
    assert [(s.anchor, s.num, s.heading) for s in resolution.sections] == [
        (first, printed[0], HEADINGS[language][0]),
        (second, printed[1], HEADINGS[language][1]),
    ]
    text = sectioned(language, lettered=lettered)
    for section, label in zip(resolution.sections, printed, strict=True):
        assert text[section.span[0] :].startswith(label)
    # the first section ends where the second begins; the second before the closing
    assert resolution.sections[0].span[1] < resolution.sections[1].span[0]
    assert resolution.adoption is not None
    assert resolution.sections[1].span[1] <= resolution.adoption.span[0]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_each_paragraph_of_a_section_is_its_own_item(case: tuple[str, bool]) -> None:
    language, lettered = case
    resolution = _read(language, lettered)
    i, ii = _anchors(lettered)
    assert [(pp.anchor, pp.section) for pp in resolution.preamble] == [
        ("PP1", None),
        (f"{i}.PP1", i),
        (f"{ii}.PP1", ii),
    ]
    assert [
        (op.anchor, op.number, op.section, [s.anchor for s in op.subparagraphs])
        for op in resolution.operative
    ] == [
        (f"{i}.OP1", 1, i, []),
        (f"{i}.OP2", 2, i, []),
        (f"{ii}.OP1", 1, ii, []),
        (f"{ii}.OP2", 2, ii, [f"{ii}.OP2(a)", f"{ii}.OP2(b)"]),
    ]
    assert [pp.lead_key for pp in resolution.preamble] == ["reaffirming", "recalling", "recalling"]
    assert resolution.preamble[2].lead_modifiers == ("also",)
    assert [op.lead_key for op in resolution.operative] == [
        "takes-note",
        "requests",
        "decides",
        "invites",
    ]
    assert resolution.warnings == ()
    assert resolution.paragraph(f"{ii}.OP2(b)").anchor == f"{ii}.OP2(b)"
    assert all(len(anchor) <= 32 for anchor in _all_anchors(resolution))


def _all_anchors(resolution: Resolution) -> list[str]:
    anchors = [pp.anchor for pp in resolution.preamble]
    for op in resolution.operative:
        anchors.append(op.anchor)
        anchors += [sub.anchor for sub in op.subparagraphs]
    return anchors


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_no_paragraph_swallows_a_heading_or_a_label(case: tuple[str, bool]) -> None:
    language, lettered = case
    resolution = _read(language, lettered)
    texts = [pp.text for pp in resolution.preamble] + [op.text for op in resolution.operative]
    for heading in HEADINGS[language]:
        assert not any(heading in text for text in texts)
    for label in LABELS[language][1 if lettered else 0]:
        assert not any(text.split()[0].rstrip(".、-") == label for text in texts)
    # section I's last paragraph ends with its own words, before section II's label
    last_of_i = resolution.operative[1].text
    assert last_of_i.endswith(("session;", "сессии;", "والستين؛", "报告;", "报告；", "sesiones;"))


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_mandates_are_anchored_in_their_section(case: tuple[str, bool]) -> None:
    language, lettered = case
    resolution = _read(language, lettered)
    i, ii = _anchors(lettered)
    found = {(m.anchor, m.strength) for m in resolution.mandates}
    assert (f"{i}.OP2", "requests") in found
    assert (f"{ii}.OP1", "decides") in found
    assert any(a.startswith(f"{ii}.OP2") and strength == "invites" for a, strength in found), found
    requested = next(m for m in resolution.mandates if m.anchor == f"{i}.OP2")
    assert requested.addressees == ("secretary-general",)
    assert requested.deadline is not None
    assert requested.deadline.session == 69


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_references_are_anchored_in_their_section(case: tuple[str, bool]) -> None:
    language, lettered = case
    i, ii = _anchors(lettered)
    resolution = _read(language, lettered)
    assert [(r.number, r.anchor) for r in resolution.references] == [
        ("67/246", "PP1"),
        ("60/251", f"{i}.PP1"),
        ("63/180", f"{ii}.PP1"),
    ]


def test_a_footnote_in_a_section_is_anchored_there_and_exported(shared: Path) -> None:
    text = sectioned("en").replace(
        "of 18 December 2008,\n", "of 18 December 20081,\n_______________\n1 A/63/53.\n"
    )
    resolution = parse_resolution(text, language="en")
    assert [(f.marker, f.text, f.anchor) for f in resolution.footnotes] == [
        ("1", "A/63/53.", "II.PP1")
    ]
    note = resolution.footnotes[0]
    assert note.offset == len(resolution.paragraph("II.PP1").text) - 1  # before the comma
    assert resolution.warnings == ()
    doc = etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8"))
    schema = _schema(shared)
    assert schema.validate(doc), schema.error_log
    (marker,) = doc.xpath(
        "//a:section[@eId='sec_II']/a:crossHeading/a:sup/a:authorialNote/@marker", namespaces=NS
    )
    assert marker == "1"
    markdown = to_markdown(resolution)
    assert "December 2008[^1]," in markdown
    assert "[^1]: A/63/53." in markdown


def test_the_anchors_are_the_same_in_the_six_languages() -> None:
    for lettered in (False, True):
        anchors = {lang: _all_anchors(_read(lang, lettered)) for lang in LANGUAGES}
        assert len({tuple(a) for a in anchors.values()}) == 1, anchors


@pytest.mark.parametrize(
    ("label", "anchors"),
    [
        ("IV", ["IV"]),
        ("XXX", ["XXX"]),
        ("I", ["I", "I"]),  # the numeral I, or the ninth letter
        ("C", ["C"]),
        ("В", ["C"]),  # Cyrillic Ve, the third letter
        ("ثالثا", ["III"]),
        ("ثالثاً", ["III"]),
        ("جيم", ["C"]),
        ("بـــاء", ["B"]),
        ("十二", ["XII"]),
        ("丙", ["C"]),
        ("Q7", []),
    ],
)
def test_a_printed_label_gives_a_language_independent_anchor(
    label: str, anchors: list[str]
) -> None:
    assert section_anchors(label) == anchors


# --- what the outputs show ------------------------------------------------------------------


def test_english_and_french_versions_align_anchor_for_anchor() -> None:
    for lettered in (False, True):
        result = compare_resolutions(_read("en", lettered), _read("fr", lettered))
        assert result.kind == "translation"
        assert result.mismatches == ()
        assert result.aligned


def test_a_missing_section_is_a_mismatch_of_its_paragraphs() -> None:
    english = _read("en", False)
    cut = sectioned("fr").split("II. Coopération")[0] + "72e séance plénière\n27 décembre 2013\n"
    french = parse_resolution(cut, language="fr")
    only_in_a = {m.anchor for m in compare_resolutions(english, french).mismatches}
    assert {"II.PP1", "II.OP1", "II.OP2", "II.OP2(a)", "II.OP2(b)"} <= only_in_a


@cache
def _schema(shared: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(shared / "reference" / "akn" / "akomantoso30.xsd")))


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_akoma_ntoso_has_sections_with_cross_headings_and_validates(
    shared: Path, case: tuple[str, bool]
) -> None:
    language, lettered = case
    resolution = _read(language, lettered)
    doc = etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8"))
    schema = _schema(shared)
    assert schema.validate(doc), schema.error_log
    i, ii = _anchors(lettered)
    sections = doc.xpath("//a:mainBody/a:section", namespaces=NS)
    assert [s.get("eId") for s in sections] == [f"sec_{i}", f"sec_{ii}"]
    printed = LABELS[language][1 if lettered else 0]
    assert [s.findtext("a:num", namespaces=NS) for s in sections] == list(printed)
    assert [s.findtext("a:heading", namespaces=NS) for s in sections] == list(HEADINGS[language])
    # the preamble keeps only the paragraph before the sections
    assert len(doc.xpath("//a:preamble/a:container", namespaces=NS)) == 1
    (cross,) = sections[1].xpath("a:crossHeading", namespaces=NS)
    assert cross.get("eId") == f"sec_{ii}__crossHeading_1"
    assert cross.get("refersTo") == "#preamble"
    assert "".join(cross.itertext()) == resolution.preamble[2].text
    paragraphs = sections[1].xpath("a:paragraph", namespaces=NS)
    assert [p.get("eId") for p in paragraphs] == [f"sec_{ii}__para_1", f"sec_{ii}__para_2"]
    points = paragraphs[1].xpath("a:list/a:point/@eId", namespaces=NS)
    assert points == [f"sec_{ii}__para_2__list_1__point_a", f"sec_{ii}__para_2__list_1__point_b"]
    (anchor,) = doc.xpath(f"//*[local-name()='anchor'][@name='{ii}.OP2(b)']")
    assert anchor.get("eId") == f"sec_{ii}__para_2__list_1__point_b"


def test_markdown_and_summary_show_the_headings_in_place() -> None:
    resolution = _read("en", False)
    markdown = to_markdown(resolution)
    heading_ii = '## <a id="sec_II"></a>II. Cooperation in the field of human rights'
    assert heading_ii in markdown
    order = [
        markdown.index('<a id="PP1">'),
        markdown.index('## <a id="sec_I"></a>I. Human rights questions'),
        markdown.index('<a id="I.PP1">'),
        markdown.index('<a id="I.OP2">'),
        markdown.index(heading_ii),
        markdown.index('<a id="II.PP1">'),
        markdown.index('<a id="II.OP2(b)">'),
    ]
    assert order == sorted(order)
    summary = to_summary(resolution)
    assert "2 sections" in summary.splitlines()[7]
    lines = summary.splitlines()
    at = lines.index("Section II. Cooperation in the field of human rights")
    assert lines[at + 1].split()[0] == "II.PP1"
    assert [line.split()[0] for line in lines[at + 2 : at + 6]] == [
        "II.OP1",
        "II.OP2",
        "II.OP2(a)",
        "II.OP2(b)",
    ]


def test_chinese_and_arabic_headings_are_written_as_printed() -> None:
    assert '## <a id="sec_II"></a>二、人权领域的合作' in to_markdown(_read("zh", False))
    assert "Section بـــاء - التعاون في ميدان حقوق الإنسان" in to_summary(_read("ar", True))


def test_the_json_schema_publishes_sections() -> None:
    schema = resolution_json_schema()
    assert "sections" in schema["properties"]
    section = schema["$defs"]["Section"]
    assert set(section["properties"]) == {
        "anchor",
        "num",
        "heading",
        "span",
        "enacting_formula",  # a composite's part only
        "adoption",
    }
    for name in ("PreambularParagraph", "OperativeParagraph"):
        assert "section" in schema["$defs"][name]["properties"]


HEAD = "The General Assembly,\n\nRecalling its resolution 60/251 of 15 March 2006,\n\n"
TAIL = "\n\n72nd plenary meeting\n27 December 2013\n"


def _body(body: str) -> Resolution:
    return parse_resolution(HEAD + body + TAIL, language="en")


def test_an_unsectioned_resolution_has_no_sections() -> None:
    resolution = _body("1. Takes note of the report;\n\n2. Decides to remain seized of the matter.")
    assert resolution.sections == ()
    assert all(p.section is None for p in (*resolution.preamble, *resolution.operative))
    assert "sections" not in to_summary(resolution).splitlines()[7]
    assert "## " not in to_markdown(resolution)


# --- look-alikes: lines that are not section labels -----------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # a wrapped line that begins with "A" or "I" inside a sentence
        "1. Requests the Secretary-General to submit to the General Assembly\n"
        "A report on the question;\n\n2. Decides to remain seized of the matter.",
        "1. Takes note of the conventions listed in annex\n"
        "I to the present resolution;\n\n2. Decides to remain seized of the matter.",
        # "II" alone in a paragraph's wrapped text: the line before does not end a paragraph
        "1. Takes note of the report contained in annex\nII\n"
        "to the present resolution;\n\n2. Decides to remain seized of the matter.",
        # a label alone, then words on its line: a sentence, not a heading
        "1. Takes note of the report;\n\n2. Invites States to comment on the annexes\nI and II.",
    ],
    ids=["wrapped-A", "wrapped-I", "II-inside-a-paragraph", "label-then-words"],
)
def test_a_label_look_alike_inside_a_paragraph_is_no_section(body: str) -> None:
    resolution = _body(body)
    assert resolution.sections == ()
    assert [op.anchor for op in resolution.operative] == ["OP1", "OP2"]
    assert [w.code for w in resolution.warnings] == []


def test_a_one_letter_line_inside_a_footnote_block_is_no_section() -> None:
    text = (
        "The General Assembly,\n\n"
        "Recalling the Vienna Declaration adopted on 25 June 19931,\n"
        "Noting the report of 2000 2  and the resolutions of the Council,\n"
        "_______________\n"
        "1 See the Declaration in annex\n"
        "A\n"
        "2 A/55/302.\n"
        "Reaffirming article 3 of the Charter,\n\n"
        "1. Takes note of the report;\n\n"
        "2. Decides to remain seized of the matter." + TAIL
    )
    resolution = parse_resolution(text, language="en")
    assert [(f.marker, f.text, f.anchor) for f in resolution.footnotes] == [
        ("1", "See the Declaration in annex A", "PP1"),
        ("2", "A/55/302.", "PP2"),
    ]
    assert resolution.sections == ()
    assert [pp.anchor for pp in resolution.preamble] == ["PP1", "PP2", "PP3"]
    assert [op.anchor for op in resolution.operative] == ["OP1", "OP2"]
    assert [w.code for w in resolution.warnings] == []


TWO_SECTIONS = (
    "I\nHuman rights questions\n\n1. Takes note of the report;\n\n"
    "II\nCooperation\n\n1. Decides to remain seized of the matter;\n\n"
)


def test_a_label_out_of_sequence_is_reported_not_read() -> None:
    resolution = _body(TWO_SECTIONS + "IV\nOther questions\n\n1. Invites States to comment.")
    assert [s.anchor for s in resolution.sections] == ["I", "II"]
    (warning,) = resolution.warnings
    assert warning.code == "section-label"
    assert "'IV'" in warning.message
    assert "section III was expected next" in warning.message
    assert warning.anchor == "II.OP1"  # the paragraph whose text it stays in
    assert warning.line == 15  # the line "IV", counted in HEAD + body


def test_a_label_line_without_a_paragraph_after_it_is_reported() -> None:
    # no blank line tells the heading from a paragraph whose lead the lexicon does not know
    body = TWO_SECTIONS + (
        "III\nOther questions\nGratified by the cooperation of States,\n"
        "1. Invites States to comment."
    )
    resolution = _body(body)
    assert [s.anchor for s in resolution.sections] == ["I", "II"]
    warning, numbering = resolution.warnings
    assert warning.code == "section-label"
    assert "'III'" in warning.message
    assert "no paragraph that opens with a lead phrase or a number" in warning.message
    # the "1." after it is read into II.OP1 as well, and said so
    assert (numbering.code, numbering.anchor) == ("operative-numbering", "II.OP1")
    assert "number 1 stands out of sequence" in numbering.message


def test_a_sections_first_paragraph_with_an_unknown_lead_after_a_blank_line_is_read() -> None:
    # the heading ends at the blank line; the paragraph after it opens with a lead the lexicon
    # does not know ("Gratified by"), which is reported, not dropped
    body = TWO_SECTIONS + (
        "III\nOther questions\n\nGratified by the cooperation of States,\n\n"
        "1. Invites States to comment."
    )
    resolution = _body(body)
    assert [(s.anchor, s.heading) for s in resolution.sections][-1] == ("III", "Other questions")
    assert [(pp.anchor, pp.lead_key) for pp in resolution.preamble][-1] == ("III.PP1", None)
    assert resolution.preamble[-1].text == "Gratified by the cooperation of States,"
    assert resolution.operative[-1].anchor == "III.OP1"
    assert [(w.code, w.anchor) for w in resolution.warnings] == [("unknown-lead", "III.PP1")]


@pytest.mark.parametrize(
    "after",
    [
        "Other questions,\n\nGratified by the cooperation of States,",  # a "heading" with a comma
        "1999 questions\n\nGratified by the cooperation of States,",  # a number: a note's entry
    ],
)
def test_what_is_no_heading_and_paragraph_stays_a_label_reported(after: str) -> None:
    body = TWO_SECTIONS + f"III\n{after}\n\n1. Invites States to comment."
    resolution = _body(body)
    assert [s.anchor for s in resolution.sections] == ["I", "II"]
    assert "section-label" in [w.code for w in resolution.warnings]


def test_a_lone_section_is_reported_not_read() -> None:
    body = "1. Takes note of the report;\n\nI\nOther questions\n\n1. Decides to remain seized."
    resolution = _body(body)
    assert resolution.sections == ()
    assert [op.anchor for op in resolution.operative] == ["OP1"]  # it holds the rest
    (warning,) = resolution.warnings
    assert warning.code == "section-label"
    assert "no section II follows it" in warning.message


def test_the_tail_of_a_broken_footnote_block_is_no_heading() -> None:
    # the block ends at "A" (entry 1 is complete): "A" and entry 2 stay in the running text
    text = (
        "The General Assembly,\n\n"
        "Recalling the Vienna Declaration adopted on 25 June 19931,\n"
        "Noting the report of 2000 2  and the resolutions of the Council,\n"
        "_______________\n"
        "1 A/CONF.157/24 (Part I), chap. III.\n"
        "A\n"
        "2 A/55/302.\n"
        "Reaffirming article 3 of the Charter,\n\n"
        "1. Takes note of the report;\n\n"
        "2. Decides to remain seized of the matter." + TAIL
    )
    resolution = parse_resolution(text, language="en")
    assert resolution.sections == ()
    assert [pp.anchor for pp in resolution.preamble] == ["PP1", "PP2", "PP3"]
    codes = [w.code for w in resolution.warnings]
    assert "section-label" in codes


# --- composite resolutions ------------------------------------------------------------------

COMPOSITE = """69/96. Questions relating to information

A
Information in the service of humanity

The General Assembly,

Recalling its resolution 68/86 of 11 December 2013,

1. Urges all countries to cooperate in reducing existing disparities;

2. Requests the Secretary-General to report thereon at its seventieth session.

62nd plenary meeting
5 December 2014

B
United Nations public information policies and activities

The General Assembly,

Reaffirming its resolution 68/86 B of 11 December 2013,

1. Requests the Department of Public Information to continue its work;

2. Decides to include the item in the provisional agenda of its seventieth session.

62nd plenary meeting
5 December 2014
"""


def test_a_composite_resolution_is_read_part_by_part(shared: Path) -> None:
    resolution = parse_resolution(COMPOSITE, language="en")
    assert resolution.title == "Questions relating to information"
    assert [(s.anchor, s.num, s.heading) for s in resolution.sections] == [
        ("A", "A", "Information in the service of humanity"),
        ("B", "B", "United Nations public information policies and activities"),
    ]
    assert [pp.anchor for pp in resolution.preamble] == ["A.PP1", "B.PP1"]
    assert [op.anchor for op in resolution.operative] == ["A.OP1", "A.OP2", "B.OP1", "B.OP2"]
    # part A stops before its closing; part B's closing is not in its last paragraph
    assert resolution.operative[1].text.endswith("at its seventieth session.")
    assert resolution.operative[3].text.endswith("agenda of its seventieth session.")
    assert resolution.warnings == ()
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, resolution.adoption.date) == (62, dt.date(2014, 12, 5))
    # each part is a resolution of its own: its formula and its closing
    assert resolution.is_composite
    assert [s.enacting_formula for s in resolution.sections] == ["The General Assembly,"] * 2
    closings = [s.adoption for s in resolution.sections]
    assert [(a.meeting, a.date) for a in closings if a] == [(62, dt.date(2014, 12, 5))] * 2
    first, second = closings
    assert first is not None
    assert second is not None
    line = "62nd plenary meeting"
    for adoption in (first, second):  # each span starts at its own closing line
        assert COMPOSITE[adoption.span[0] : adoption.span[0] + len(line)] == line
    assert first.span[0] < COMPOSITE.index("\nB\n") < second.span[0]


def test_a_composite_resolution_is_an_akoma_ntoso_collection_of_its_parts(shared: Path) -> None:
    # AKN4UN part 3 (GA resolutions), "Resolutions issued under the same number": 69/96 A-B
    # is a documentCollection whose components are the resolutions A and B
    resolution = parse_resolution(COMPOSITE, language="en")
    doc = etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8"))
    schema = _schema(shared)
    assert schema.validate(doc), schema.error_log
    assert doc.xpath("//a:statement[not(ancestor::a:component)]", namespaces=NS) == []
    collection = doc.xpath("/a:akomaNtoso/a:documentCollection", namespaces=NS)[0]
    assert collection.get("name") == "publication"  # as the guideline's example names it
    work = "/akn/un/collection/deliberation/un-ga/2014-12-05/69-96"
    assert collection.xpath("a:meta//a:FRBRWork/a:FRBRuri/@value", namespaces=NS) == [work]
    assert collection.xpath("a:preface//a:docNumber/text()", namespaces=NS) == ["A/RES/69/96"]
    refs = collection.xpath("a:collectionBody/a:component/a:documentRef", namespaces=NS)
    assert [(r.get("href"), r.get("showAs")) for r in refs] == [
        ("#comp_A", "69/96 A"),
        ("#comp_B", "69/96 B"),
    ]
    parts = collection.xpath("a:components/a:component", namespaces=NS)
    assert [c.get("eId") for c in parts] == ["comp_A", "comp_B"]
    part_b = parts[1].xpath("a:statement", namespaces=NS)[0]

    def one(path: str) -> list[str]:
        return [str(v) for v in part_b.xpath(path, namespaces=NS)]

    # the IRI a reference to "resolution 69/96 B" points to (`reference_href`)
    assert one("a:meta//a:FRBRWork/a:FRBRuri/@value") == [
        "/akn/un/statement/deliberation/un-ga/2014-12-05/69-96_B"
    ]
    assert one("a:preface//a:docNumber/text()") == ["B"]
    assert one("a:preface//a:docTitle/text()") == [
        "United Nations public information policies and activities"
    ]
    assert one("a:preamble/a:formula/a:p/text()") == ["The General Assembly,"]
    assert one("a:preamble/a:container/@eId") == ["comp_B__preamble__container_1"]
    assert one("a:mainBody/a:paragraph/@eId") == ["comp_B__para_1", "comp_B__para_2"]
    assert one("a:conclusions//a:docDate/@date") == ["2014-12-05"]
    assert one("a:conclusions//a:event/text()") == ["62nd plenary meeting"]


def test_a_composite_resolution_is_rendered_part_by_part() -> None:
    resolution = parse_resolution(COMPOSITE, language="en")
    markdown = to_markdown(resolution)
    # each part: its heading, its formula, its paragraphs, its closing; no formula before A
    a, b = markdown.index('id="sec_A"'), markdown.index('id="sec_B"')
    assert markdown.count("The General Assembly,") == 2
    assert a < markdown.index("The General Assembly,") < markdown.index("A.OP2") < b
    closing = "*62nd plenary meeting, 5 December 2014*"
    assert markdown.count(closing) == 2
    assert markdown.index("A.OP2") < markdown.index(closing) < b
    summary = to_summary(resolution)
    assert "2 parts" in summary
    assert "Part A. Information in the service of humanity" in summary
    assert summary.count("Adopted: 62nd plenary meeting, 5 December 2014") == 2


def test_a_composite_resolution_whose_last_part_has_no_closing_is_truncated() -> None:
    text = COMPOSITE.rsplit("62nd plenary meeting", 1)[0]
    resolution = parse_resolution(text, language="en")
    assert [s.anchor for s in resolution.sections] == ["A", "B"]
    assert resolution.sections[0].adoption is not None
    assert resolution.sections[1].adoption is None
    assert [w.code for w in resolution.warnings] == ["truncated"]


def test_a_second_formula_that_opens_no_part_is_reported() -> None:
    # an operative paragraph that quotes a draft resolution whole: not a composite's part
    body = (
        "1. Recommends to the General Assembly the adoption of the following draft resolution:\n"
        "\nThe General Assembly,\n\nRecalling its resolution 60/251,\n\n"
        "1. Decides to remain seized of the matter."
    )
    text = HEAD + body + TAIL
    resolution = parse_resolution(text, language="en")
    assert resolution.sections == ()
    composite = [w for w in resolution.warnings if w.code == "composite"]
    assert len(composite) == 1
    assert composite[0].line == 7
    assert composite[0].offset == text.index("The General Assembly,", 10)
    assert composite[0].anchor == "OP1"
    assert "The General Assembly," in composite[0].message


COMPOSITE_RU = """69/96. Вопросы, касающиеся информации

А
Информация на службе человечества

Генеральная Ассамблея,

ссылаясь на свою резолюцию 68/86 от 11 декабря 2013 года,

1. настоятельно призывает все страны сотрудничать;

2. просит Генерального секретаря представить ей доклад на ее семидесятой сессии.

62-е пленарное заседание
5 декабря 2014 года

Б
Политика и деятельность Организации Объединенных Наций в области общественной информации

Генеральная Ассамблея,

вновь подтверждая свою резолюцию 68/86 B от 11 декабря 2013 года,

1. постановляет включить этот пункт в предварительную повестку дня своей семидесятой сессии.

62-е пленарное заседание
5 декабря 2014 года
"""


def test_a_russian_composite_resolution_has_the_anchors_of_the_english_one() -> None:
    resolution = parse_resolution(COMPOSITE_RU, language="ru")
    assert [(s.anchor, s.num) for s in resolution.sections] == [("A", "А"), ("B", "Б")]
    assert [pp.anchor for pp in resolution.preamble] == ["A.PP1", "B.PP1"]
    assert [op.anchor for op in resolution.operative] == ["A.OP1", "A.OP2", "B.OP1"]
    assert resolution.warnings == ()
    assert [s.enacting_formula for s in resolution.sections] == ["Генеральная Ассамблея,"] * 2
    dates = [s.adoption.date for s in resolution.sections if s.adoption is not None]
    assert dates == [dt.date(2014, 12, 5)] * 2


# A composite whose part A is divided into sections of its own (hand-written on the model of
# the budget resolutions, `reference/un-documents.md` §1.2; AKN4UN: "the two resolutions have
# their own numbering of paragraphs and sections").
NESTED = """70/247. Special subjects relating to the programme budget

A
Special subjects

The General Assembly,

I
Revised estimates

Having considered the report of the Secretary-General,

1. Takes note of the report;

2. Approves the revised estimates.

II
Human rights questions

Recalling its resolution 60/251,

1. Requests the Secretary-General to report thereon at its seventy-first session.

81st plenary meeting
23 December 2015

B
Unforeseen and extraordinary expenses

The General Assembly,

1. Authorizes the Secretary-General to enter into commitments.

82nd plenary meeting
24 December 2015
"""


def test_a_part_of_a_composite_may_have_sections_of_its_own(shared: Path) -> None:
    resolution = parse_resolution(NESTED, language="en")
    assert [(s.anchor, s.num, s.heading, s.is_part) for s in resolution.sections] == [
        ("A", "A", "Special subjects", True),
        ("A.I", "I", "Revised estimates", False),
        ("A.II", "II", "Human rights questions", False),
        ("B", "B", "Unforeseen and extraordinary expenses", True),
    ]
    assert [pp.anchor for pp in resolution.preamble] == ["A.I.PP1", "A.II.PP1"]
    assert [op.anchor for op in resolution.operative] == ["A.I.OP1", "A.I.OP2", "A.II.OP1", "B.OP1"]
    assert [p.section for p in resolution.operative] == ["A.I", "A.I", "A.II", "B"]
    # section II no longer runs into paragraph I.2
    assert resolution.operative[1].text == "Approves the revised estimates."
    assert resolution.warnings == ()
    assert resolution.mandates[0].anchor == "A.II.OP1"
    # each part's own closing: B was adopted a day later
    dates = [s.adoption.date if s.adoption else None for s in resolution.sections]
    assert dates == [dt.date(2015, 12, 23), None, None, dt.date(2015, 12, 24)]
    assert "2 parts, 2 sections" in to_summary(resolution)
    markdown = to_markdown(resolution)
    assert '### <a id="sec_A.II"></a>II. Human rights questions' in markdown
    # part A's closing stands after its last section, not after its heading
    closing = "*81st plenary meeting, 23 December 2015*"
    assert markdown.index("A.II.OP1") < markdown.index(closing) < markdown.index('id="sec_B"')
    doc = etree.fromstring(to_akoma_ntoso(resolution).encode("utf-8"))
    schema = _schema(shared)
    assert schema.validate(doc), schema.error_log
    body = doc.xpath("//a:component[@eId='comp_A']//a:mainBody", namespaces=NS)[0]
    assert body.xpath("a:section/@eId", namespaces=NS) == ["comp_A__sec_I", "comp_A__sec_II"]
    assert body.xpath("a:section/a:paragraph/@eId", namespaces=NS) == [
        "comp_A__sec_I__para_1",
        "comp_A__sec_I__para_2",
        "comp_A__sec_II__para_1",
    ]
    dates = doc.xpath("//a:component/a:statement/a:conclusions//a:docDate/@date", namespaces=NS)
    assert dates == ["2015-12-23", "2015-12-24"]


THREE_PARTS = (
    COMPOSITE
    + """
C
Third part

The General Assembly,

Noting the report,

1. Decides to include the item in the provisional agenda of its seventieth session.

64th plenary meeting
7 December 2014
"""
)


def test_a_part_without_its_closing_before_the_next_part_is_reported() -> None:
    # part B's closing taken out: B's adoption is not known, and said so (not C's, not A's)
    cut = "62nd plenary meeting\n5 December 2014\n\nB"
    text = THREE_PARTS.replace(cut, "B", 1)
    assert text.count("62nd plenary meeting") == 1  # (the closing of B is gone, not A's)
    resolution = parse_resolution(text, language="en")
    assert [s.anchor for s in resolution.sections] == ["A", "B", "C"]
    meetings = [s.adoption.meeting if s.adoption else None for s in resolution.sections]
    assert meetings == [None, 62, 64]
    assert [w.code for w in resolution.warnings] == ["part-closing"]
    warning = resolution.warnings[0]
    assert "part A has no closing" in warning.message
    # (at the end of part A: the line of part B's label)
    assert warning.line == text[: text.index("\nB\n") + 1].count("\n") + 1


def test_a_composite_whose_last_part_has_sections_is_whole_with_its_closing() -> None:
    # part B divided into sections I and II, each numbered from 1
    text = COMPOSITE.replace(
        "1. Requests the Department of Public Information to continue its work;\n\n2. Decides",
        "I\nFirst\n\n1. Requests the Department of Public Information to continue its work;\n\n"
        "II\nSecond\n\n1. Decides",
    )
    resolution = parse_resolution(text, language="en")
    assert [s.anchor for s in resolution.sections] == ["A", "B", "B.I", "B.II"]
    assert [op.anchor for op in resolution.operative][-2:] == ["B.I.OP1", "B.II.OP1"]
    assert resolution.warnings == ()  # (not `truncated`: part B has its closing)


# A UN HTML rendition puts the meeting and date in a header, once for the whole document
# (hand-written on the model of the corpus's A_RES_52_134.fr.txt)
HTML_COMPOSITE = """69/96 | Questions relatives à l'information | |
Date: 5 décembre 2014 Adoptée sans vote |
Séance plénière: 62ème
Rapport: A/69/476 |
A
L'information au service de l'humanité
L'Assemblée générale,
Rappelant sa résolution 68/86 du 11 décembre 2013,
1. Demande instamment à tous les pays de coopérer.
B
Politique et activités de l'Organisation des Nations Unies en matière d'information
L'Assemblée générale,
Réaffirmant sa résolution 68/86 B du 11 décembre 2013,
1. Prie le Département de l'information de poursuivre son action.
"""


def test_the_parts_of_an_html_rendition_take_the_headers_meeting_and_date() -> None:
    resolution = parse_resolution(HTML_COMPOSITE, language="fr")
    assert [s.anchor for s in resolution.sections] == ["A", "B"]
    for section in resolution.sections:
        assert section.adoption is not None
        assert (section.adoption.meeting, section.adoption.date) == (62, dt.date(2014, 12, 5))
    assert resolution.warnings == ()


# The same composite in Arabic (hand-written from the rules of reference/un-documents.md: the
# number line "69/96 - …", parts lettered with the letters' names ألف, باء, operative paragraphs
# numbered "1 - ", the closing "الجلسة العامة 62" and its date).
COMPOSITE_AR = """69/96 - المسائل المتصلة بالإعلام

ألف
الإعلام في خدمة الإنسانية

إن الجمعية العامة،

إذ تشير إلى قرارها 68/86 المؤرخ 11 كانون الأول/ديسمبر 2013،

1 - تحث جميع البلدان على التعاون؛

2 - تطلب إلى الأمين العام أن يقدم إليها تقريرا عن ذلك في دورتها السبعين.

الجلسة العامة 62
5 كانون الأول/ديسمبر 2014

باء
سياسات الأمم المتحدة وأنشطتها في مجال الإعلام

إن الجمعية العامة،

إذ تؤكد من جديد قرارها 68/86 باء المؤرخ 11 كانون الأول/ديسمبر 2013،

1 - تطلب إلى إدارة شؤون الإعلام أن تواصل عملها؛

2 - تقرر أن تدرج هذا البند في جدول الأعمال المؤقت لدورتها السبعين.

الجلسة العامة 62
5 كانون الأول/ديسمبر 2014
"""


def test_an_arabic_composite_has_the_anchors_of_the_english_one() -> None:
    resolution = parse_resolution(COMPOSITE_AR, language="ar")
    assert resolution.title == "المسائل المتصلة بالإعلام"  # (the dash after the number left out)
    assert [(s.anchor, s.num) for s in resolution.sections] == [("A", "ألف"), ("B", "باء")]
    assert [s.heading for s in resolution.sections] == [
        "الإعلام في خدمة الإنسانية",
        "سياسات الأمم المتحدة وأنشطتها في مجال الإعلام",
    ]
    assert [s.enacting_formula for s in resolution.sections] == ["إن الجمعية العامة،"] * 2
    dates = [(s.adoption.meeting, s.adoption.date) for s in resolution.sections if s.adoption]
    assert dates == [(62, dt.date(2014, 12, 5))] * 2
    assert [op.anchor for op in resolution.operative] == ["A.OP1", "A.OP2", "B.OP1", "B.OP2"]
    assert [pp.lead_key for pp in resolution.preamble] == ["recalling", "reaffirming"]
    assert resolution.warnings == ()


def test_a_quoted_formula_in_a_sectioned_resolution_is_still_reported() -> None:
    text = sectioned("en").replace(
        "(b) To cooperate with the Office of the High Commissioner.",
        "(b) To adopt the following text:\n\nThe General Assembly,\n\nDecides to act.",
    )
    resolution = parse_resolution(text, language="en")
    assert [s.anchor for s in resolution.sections] == ["I", "II"]
    # the quoted "Decides to act." is also said to be read into II.OP2 (it opens with a lead
    # after a blank line and has no number)
    assert [w.code for w in resolution.warnings] == ["composite", "unnumbered-paragraph"]
    assert {w.anchor for w in resolution.warnings} == {"II.OP2"}  # warnings name the paragraph


BUDGET = """68/247. Special subjects relating to the programme budget

The General Assembly,

I
Human rights questions

Recalling its resolution 60/251 of 15 March 2006,

1. Takes note of the report of the Secretary-General;

2. Requests the Secretary-General to report thereon at its sixty-ninth session;

II
Cooperation in the field of human rights

Recalling also its resolution 63/180 of 18 December 2008,

1. Decides to continue its consideration of the question at its sixty-ninth session;

2. Invites Member States to submit their views.

72nd plenary meeting
27 December 2013
"""


def test_sections_right_after_the_enacting_formula() -> None:
    resolution = parse_resolution(BUDGET, language="en")
    assert [(s.anchor, s.heading) for s in resolution.sections] == [
        ("I", "Human rights questions"),
        ("II", "Cooperation in the field of human rights"),
    ]
    assert [pp.anchor for pp in resolution.preamble] == ["I.PP1", "II.PP1"]
    assert [op.anchor for op in resolution.operative] == ["I.OP1", "I.OP2", "II.OP1", "II.OP2"]
    assert resolution.operative[3].text == "Invites Member States to submit their views."
    assert resolution.warnings == ()
    summary = to_summary(resolution)
    assert "Section I. Human rights questions" in summary
