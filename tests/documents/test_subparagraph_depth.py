"""A user reads a resolution whose programme runs to four degrees of subparagraphs.

`reference/un-documents.md` §1.2: first degree `(a)` (French, Spanish and Russian `a)`,
Russian with Latin letters), second `(i)` (`i)`), third `a.`, fourth `i.`. The corpus has no
text with a second degree, so every resolution below is HAND-WRITTEN for these tests from those
rules: none is a UN document. Expected anchors, labels and texts are written by reading the
fixtures.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from hrdialogue.documents.akn import AKN_NAMESPACE, to_akoma_ntoso
from hrdialogue.documents.compare import compare_resolutions
from hrdialogue.documents.model import (
    OperativeParagraph,
    Resolution,
    resolution_json_schema,
)
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.render import to_markdown, to_summary
from hrdialogue.documents.runon import cut_run_on_text
from tests.documents import factories
from tests.documents.subparagraph_checks import all_subs, check_spans, flat
from tests.documents.test_akn import akn_schema  # noqa: F401  (the schema, parsed once)

NS = {"a": AKN_NAMESPACE}


# --- four degrees in four languages ---------------------------------------------------------

EN = """\
The General Assembly,

Recalling the programme of action adopted at the world conference,

1. Adopts the following programme of work:
(a) At the national level:
(i) Legislation, in particular:
a. Laws on equality, which shall cover:
i. Employment;
ii. Education;
iii. Housing;
b. Laws on participation in public life;
c. Laws on access to justice;
(ii) Policies and plans;
(b) At the international level:
(i) Cooperation with the treaty bodies;
(ii) Technical assistance, including:
a. Advisory services;
b. Training
c. Fellowships;

2. Decides to continue its consideration of the question at its sixty-fourth session.

70th plenary meeting
18 December 2008
"""

# (anchor, label, text) of every subparagraph of OP1, depth first, read off `EN`. "b. Training"
# has no end punctuation: "c." counts at its line start because it continues the sequence.
EN_OP1 = [
    ("OP1(a)", "(a)", None),
    ("OP1(a)(i)", "(i)", None),
    (
        "OP1(a)(i)(a)",
        "a.",
        "Laws on equality, which shall cover: i. Employment; ii. Education; iii. Housing;",
    ),
    ("OP1(a)(i)(a)(i)", "i.", "Employment;"),
    ("OP1(a)(i)(a)(ii)", "ii.", "Education;"),
    ("OP1(a)(i)(a)(iii)", "iii.", "Housing;"),
    ("OP1(a)(i)(b)", "b.", "Laws on participation in public life;"),
    ("OP1(a)(i)(c)", "c.", "Laws on access to justice;"),
    ("OP1(a)(ii)", "(ii)", "Policies and plans;"),
    ("OP1(b)", "(b)", None),
    ("OP1(b)(i)", "(i)", "Cooperation with the treaty bodies;"),
    ("OP1(b)(ii)", "(ii)", None),
    ("OP1(b)(ii)(a)", "a.", "Advisory services;"),
    ("OP1(b)(ii)(b)", "b.", "Training"),
    ("OP1(b)(ii)(c)", "c.", "Fellowships;"),
]

FR = """\
L'Assemblée générale,

Rappelant le programme d'action adopté par la conférence mondiale,

1. Adopte le programme de travail suivant :
a) Au niveau national :
i) Législation, en particulier :
a. Lois sur l'égalité, portant sur :
i. L'emploi ;
ii. L'éducation ;
b. Lois sur la participation à la vie publique ;
ii) Politiques et plans ;
b) Au niveau international ;

2. Décide de poursuivre l'examen de la question à sa soixante-quatrième session.
"""

ES = """\
La Asamblea General,

Recordando el programa de acción aprobado por la conferencia mundial,

1. Aprueba el siguiente programa de trabajo:
a) En el plano nacional:
i) Legislación, en particular:
a. Leyes sobre la igualdad, que abarquen:
i. El empleo;
ii. La educación;
b. Leyes sobre la participación en la vida pública;
ii) Políticas y planes;
b) En el plano internacional;

2. Decide seguir examinando la cuestión en su sexagésimo cuarto período de sesiones.
"""

# Russian: the labels are Latin letters (a, b, i), the text Cyrillic.
RU = """\
Генеральная Ассамблея,

ссылаясь на программу действий, принятую всемирной конференцией,

1. просит Генерального секретаря осуществить следующую программу работы:
a) на национальном уровне:
i) законодательство, в частности:
a. законы о равенстве, касающиеся:
i. занятости;
ii. образования;
b. законы об участии в общественной жизни;
ii) политика и планы;
b) на международном уровне;

2. постановляет продолжить рассмотрение этого вопроса на своей шестьдесят четвертой сессии.
"""

# The French, Spanish and Russian fixtures share one shape: (anchor, label) and the texts of
# the leaves, read off each fixture.
SHAPE = [
    ("OP1(a)", "a)"),
    ("OP1(a)(i)", "i)"),
    ("OP1(a)(i)(a)", "a."),
    ("OP1(a)(i)(a)(i)", "i."),
    ("OP1(a)(i)(a)(ii)", "ii."),
    ("OP1(a)(i)(b)", "b."),
    ("OP1(a)(ii)", "ii)"),
    ("OP1(b)", "b)"),
]
LEAVES = {
    "fr": {
        "OP1(a)(i)(a)(i)": "L'emploi ;",
        "OP1(a)(i)(a)(ii)": "L'éducation ;",
        "OP1(a)(i)(b)": "Lois sur la participation à la vie publique ;",
        "OP1(a)(ii)": "Politiques et plans ;",
        "OP1(b)": "Au niveau international ;",
    },
    "es": {
        "OP1(a)(i)(a)(i)": "El empleo;",
        "OP1(a)(i)(a)(ii)": "La educación;",
        "OP1(a)(i)(b)": "Leyes sobre la participación en la vida pública;",
        "OP1(a)(ii)": "Políticas y planes;",
        "OP1(b)": "En el plano internacional;",
    },
    "ru": {
        "OP1(a)(i)(a)(i)": "занятости;",
        "OP1(a)(i)(a)(ii)": "образования;",
        "OP1(a)(i)(b)": "законы об участии в общественной жизни;",
        "OP1(a)(ii)": "политика и планы;",
        "OP1(b)": "на международном уровне;",
    },
}
SOURCES = {"fr": FR, "es": ES, "ru": RU}


def test_english_four_degrees() -> None:
    resolution = parse_resolution(EN, language="en")
    op1, op2 = resolution.operative
    subs = all_subs(op1)
    assert [s.anchor for s in subs] == [a for a, _, _ in EN_OP1]
    assert [s.label for s in subs] == [label for _, label, _ in EN_OP1]
    for sub, (anchor, _, text) in zip(subs, EN_OP1, strict=True):
        if text is not None:
            assert sub.text == text, anchor
    assert resolution.paragraph("OP1(a)(i)").text.startswith("Legislation, in particular: a. Laws")
    assert resolution.paragraph("OP1(a)(i)(a)(iii)").text == "Housing;"
    assert op2.subparagraphs == ()
    check_spans(EN, op1)
    assert resolution.warnings == ()


@pytest.mark.parametrize("language", ["fr", "es", "ru"])
def test_four_degrees_in_french_spanish_and_russian(language: str) -> None:
    source = SOURCES[language]
    resolution = parse_resolution(source, language=language)
    op1 = resolution.operative[0]
    assert op1.lead_key is not None
    subs = all_subs(op1)
    assert [(s.anchor, s.label) for s in subs] == SHAPE
    for anchor, text in LEAVES[language].items():
        assert resolution.paragraph(anchor).text == text
        assert resolution.paragraph(anchor).subparagraphs == ()
    check_spans(source, op1)


def test_third_degree_runs_past_h_and_fourth_opens_right_after_its_parent() -> None:
    """After "h." an "i." continues the third degree, as "(i)" after "(h)" continues the
    first; "a. i. …" opens a fourth degree at once."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        "1. Requests the Secretary-General:\n(a) To report on:\n(i) The following areas:"
        " a. one; b. two; c. three; d. four; e. five; f. six; g. seven; h. eight; i. nine;"
        " j. ten;\n(ii) The following laws: a. i. civil law; ii. criminal law; b. customs;\n"
    )
    resolution = parse_resolution(text, language="en")
    first = resolution.paragraph("OP1(a)(i)")
    assert [s.anchor for s in first.subparagraphs] == [f"OP1(a)(i)({c})" for c in "abcdefghij"]
    assert [s.label for s in first.subparagraphs][8:] == ["i.", "j."]
    assert resolution.paragraph("OP1(a)(i)(i)").text == "nine;"
    second = resolution.paragraph("OP1(a)(ii)")
    assert [s.anchor for s in all_subs(second)] == [
        "OP1(a)(ii)(a)",
        "OP1(a)(ii)(a)(i)",
        "OP1(a)(ii)(a)(ii)",
        "OP1(a)(ii)(b)",
    ]
    assert resolution.paragraph("OP1(a)(ii)(a)").text == "i. civil law; ii. criminal law;"
    assert resolution.paragraph("OP1(a)(ii)(b)").text == "customs;"


# --- what is not a label --------------------------------------------------------------------


def _op1(item: str) -> OperativeParagraph:
    """OP1 of a resolution whose OP1(a)(i) is `item` (then OP1(a)(ii) "Other measures;")."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        f"1. Requests the Secretary-General:\n(a) To report on:\n(i) {item}\n"
        "(ii) Other measures;\n"
    )
    return parse_resolution(text, language="en").operative[0]


@pytest.mark.parametrize(
    ("item", "why"),
    [
        ("National plans: i.e. plans adopted by Governments;", "i.e. (no space after i.)"),
        ("National plans: i. e. plans adopted by Governments;", "i. e. (spaced abbreviation)"),
        ("Practices; e.g. the practice of States;", "e.g."),
        ("Sittings held twice a day: a. m. and p. m. sittings;", "a. m. after end punctuation"),
        ("Meetings at 10\na. m. on Mondays;", "a. m. at a line start"),
        ("The views of Member States, J. Smith and K. Jones;", "initials (upper case)"),
        ("The measures set out in section a. Other provisions;", "a sentence end mid-item"),
        ("The measures set out in section a.", "a sentence end at the item's end"),
        ("The measures set out in section\na. and its annex;", "a wrapped line starting a."),
        ("The report, para. b. and annex;", "a letter after an abbreviation's dot"),
        ("Reports; b. Other reports;", "b. does not start a sequence"),
    ],
)
def test_abbreviations_initials_and_sentence_ends_are_not_labels(item: str, why: str) -> None:
    op1 = _op1(item)
    assert [s.anchor for s in all_subs(op1)] == ["OP1(a)", "OP1(a)(i)", "OP1(a)(ii)"], why
    assert flat(op1.subparagraphs[0].subparagraphs[0].text) == flat(item), why


def test_an_initial_after_a_label_does_not_hide_it() -> None:
    op1 = _op1("The views of: a. J. Smith; b. K. Jones;")
    item = op1.subparagraphs[0].subparagraphs[0]
    assert [(s.anchor, s.text) for s in item.subparagraphs] == [
        ("OP1(a)(i)(a)", "J. Smith;"),
        ("OP1(a)(i)(b)", "K. Jones;"),
    ]


def test_third_degree_labels_are_read_only_inside_a_second_degree_item() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        "1. Requests the Secretary-General:\n(a) To report on:\na. Laws;\nb. Policies;\n"
        "(b) To consult States;\n"
    )
    op1 = parse_resolution(text, language="en").operative[0]
    assert [s.anchor for s in all_subs(op1)] == ["OP1(a)", "OP1(b)"]
    assert op1.subparagraphs[0].text == "To report on: a. Laws; b. Policies;"


# --- downstream: Markdown, summary, Akoma Ntoso, comparison, JSON ---------------------------


def test_markdown_and_summary_nest_four_levels() -> None:
    resolution = parse_resolution(EN, language="en")
    lines = to_markdown(resolution).splitlines()
    # Each paragraph and subparagraph shows its own words once; its subparagraphs follow.
    assert '<a id="OP1"></a>**OP1** 1. *Adopts* the following programme of work:' in lines
    assert '    - <a id="OP1(a)(i)(a)"></a>a. Laws on equality, which shall cover:' in lines
    assert '      - <a id="OP1(a)(i)(a)(ii)"></a>ii. Education;' in lines
    assert '    - <a id="OP1(a)(i)(b)"></a>b. Laws on participation in public life;' in lines
    assert sum("Education" in line for line in lines) == 1
    summary = to_summary(resolution)
    assert "(15 subparagraphs)" in summary
    (row,) = [line for line in summary.splitlines() if "OP1(a)(i)(a)(iii)" in line]
    assert row.startswith(" " * 18 + "OP1(a)(i)(a)(iii)")
    assert row.endswith("iii. Housing;")


# EN with a footnote marker after "Housing" (OP1(a)(i)(a)(iii)) and its block after OP1(a).
EN_NOTE = EN.replace("iii. Housing;", "iii. Housing 1;").replace(
    "(ii) Policies and plans;\n",
    "(ii) Policies and plans;\n_______________\n1 As defined in the annex.\n",
)


def test_run_on_text_is_cut_and_a_footnote_goes_to_its_subparagraph() -> None:
    resolution = parse_resolution(EN_NOTE, language="en")
    (note,) = resolution.footnotes
    assert note.anchor == "OP1"  # the reader places markers in operative paragraphs
    cut = cut_run_on_text(resolution)
    assert cut.paragraph("OP1").text == "Adopts the following programme of work:"
    assert cut.paragraph("OP1(a)").text == "At the national level:"
    assert cut.paragraph("OP1(a)(i)(a)").text == "Laws on equality, which shall cover:"
    assert cut.paragraph("OP1(a)(i)(a)(iii)").text == "Housing;"
    assert cut.paragraph("OP1(b)(ii)(b)").text == "Training"
    (moved,) = cut.footnotes
    assert (moved.anchor, moved.offset, moved.text) == (
        "OP1(a)(i)(a)(iii)",
        len("Housing"),
        "As defined in the annex.",
    )
    assert cut.mandates == resolution.mandates
    assert cut_run_on_text(cut) is cut  # nothing runs on any more
    assert "Housing[^1];" in to_markdown(resolution)


def test_hand_built_text_that_does_not_run_on_is_kept() -> None:
    resolution = factories.english_full()
    assert cut_run_on_text(resolution) is resolution


def test_akoma_ntoso_nests_lists_four_deep_and_validates(
    akn_schema: etree.XMLSchema,  # noqa: F811  (the fixture imported above)
) -> None:
    doc = etree.fromstring(to_akoma_ntoso(parse_resolution(EN, language="en")).encode("utf-8"))
    assert akn_schema.validate(doc), akn_schema.error_log
    deepest = "para_1__list_1__point_a__list_1__point_i__list_1__point_a__list_1__point_iii"
    (point,) = doc.xpath("//a:point[@eId=$e]", namespaces=NS, e=deepest)
    assert point.findtext(f"{{{AKN_NAMESPACE}}}num") == "iii."
    assert point.xpath("string(a:content/a:p)", namespaces=NS) == "Housing;"
    nums = doc.xpath(
        "//*[@eId='para_1__list_1__point_b__list_1__point_ii']/a:list/a:point/a:num",
        namespaces=NS,
    )
    assert [n.text for n in nums] == ["a.", "b.", "c."]
    intro = doc.xpath(
        "string(//*[@eId='para_1__list_1__point_a__list_1__point_i__list_1__point_a']"
        "/a:list/a:intro/a:p)",
        namespaces=NS,
    )
    assert intro == "Laws on equality, which shall cover:"


def test_akoma_ntoso_puts_a_footnote_in_its_fourth_degree_point(
    akn_schema: etree.XMLSchema,  # noqa: F811  (the fixture imported above)
) -> None:
    doc = etree.fromstring(to_akoma_ntoso(parse_resolution(EN_NOTE, language="en")).encode())
    assert akn_schema.validate(doc), akn_schema.error_log
    (note,) = doc.xpath("//a:authorialNote", namespaces=NS)
    (point,) = note.xpath("ancestor::a:point[1]", namespaces=NS)
    assert point.get("eId").endswith("__point_a__list_1__point_iii")
    assert note.xpath("string(a:p)", namespaces=NS) == "As defined in the annex."


def test_comparison_names_a_missing_third_degree_item() -> None:
    en = parse_resolution(EN, language="en")
    op1 = en.operative[0]
    b = op1.subparagraphs[1]
    b_ii = b.subparagraphs[1]
    shorter_b_ii = b_ii.model_copy(update={"subparagraphs": b_ii.subparagraphs[:2]})
    shorter_b = b.model_copy(update={"subparagraphs": (b.subparagraphs[0], shorter_b_ii)})
    shorter = op1.model_copy(update={"subparagraphs": (op1.subparagraphs[0], shorter_b)})
    # The French version of the same resolution, with one third-degree item less.
    other = en.model_copy(update={"language": "fr", "operative": (shorter, *en.operative[1:])})
    result = compare_resolutions(en, other)
    assert [(m.code, m.anchor, m.a, m.b) for m in result.mismatches] == [
        ("subparagraphs-differ", "OP1(b)(ii)", "(a) (b) (c)", "(a) (b)"),
        ("only-in-a", "OP1(b)(ii)(c)", "OP1(b)(ii)(c)", None),
    ]
    same = en.model_copy(update={"language": "fr"})
    assert compare_resolutions(en, same).mismatches == ()


def test_a_revision_diffs_a_fourth_degree_word_once() -> None:
    before = parse_resolution(EN, language="en")
    after = parse_resolution(EN.replace("iii. Housing;", "iii. Shelter;"), language="en")
    result = compare_resolutions(before, after)
    (changed,) = [p for p in result.paragraphs if p.status == "changed"]
    assert (changed.a_anchor, changed.b_anchor) == ("OP1", "OP1")
    edits = [(op.a, op.b) for op in changed.diff if op.op != "equal"]
    assert edits == [(("Housing",), ("Shelter",))]


def test_json_round_trips_four_degrees_and_fits_the_published_schema() -> None:
    resolution = parse_resolution(EN, language="en")
    dumped = resolution.model_dump_json()
    assert Resolution.model_validate_json(dumped) == resolution
    # jsonschema comes with the locked dependencies (through another package), not declared.
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(json.loads(dumped), resolution_json_schema())


# --- properties -----------------------------------------------------------------------------

_WORDS = ["laws", "policies", "plans", "education", "the", "national", "reports", "of", "and"]


@dataclass(frozen=True)
class _Node:
    words: tuple[str, ...]
    children: tuple[_Node, ...]


def _nodes(depth: int) -> st.SearchStrategy[tuple[_Node, ...]]:
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(tuple)
    if depth == 4:
        children: st.SearchStrategy[tuple[_Node, ...]] = st.just(())
    else:
        children = _nodes(depth + 1)
    node = st.builds(_Node, words, children)
    return st.lists(node, min_size=0 if depth > 1 else 1, max_size=3).map(tuple)


_LETTERS = "abcdefgh"
_ROMANS = ["i", "ii", "iii"]


def _label(depth: int, index: int, style: str) -> str:
    name = (_LETTERS if depth % 2 else _ROMANS)[index]
    if depth >= 3:
        return f"{name}."
    return f"({name})" if style == "en" else f"{name})"


def _write(
    nodes: tuple[_Node, ...], prefix: str, depth: int, style: str, gaps: list[str]
) -> tuple[str, list[tuple[str, str, str]]]:
    """The text of `nodes` and the (anchor, label, own words) each should get, depth first."""
    out: list[str] = []
    expected: list[tuple[str, str, str]] = []
    for i, node in enumerate(nodes):
        label = _label(depth, i, style)
        name = (_LETTERS if depth % 2 else _ROMANS)[i]
        anchor = f"{prefix}({name})"
        end = ":" if node.children else ";"
        gap = gaps[(len(expected) + depth) % len(gaps)]
        words = f"{' '.join(node.words)}{end}"
        out.append(f"{gap}{label} {words}")
        expected.append((anchor, label, words))
        inner, inner_expected = _write(node.children, anchor, depth + 1, style, gaps)
        out.append(inner)
        expected += inner_expected
    return "".join(out), expected


@settings(max_examples=150, deadline=None)
@given(
    tree=_nodes(1),
    style=st.sampled_from(["en", "fr"]),
    gaps=st.lists(st.sampled_from(["\n", " ", "\n  "]), min_size=1, max_size=3),
)
def test_written_trees_read_back_with_unique_nested_anchors(
    tree: tuple[_Node, ...], style: str, gaps: list[str]
) -> None:
    body, expected = _write(tree, "OP1", 1, style, gaps)
    source = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        f"1. Requests the Secretary-General:{body}\n\n2. Decides to remain seized of the matter.\n"
    )
    resolution = parse_resolution(source, language="en")
    op1 = resolution.operative[0]
    assert [(s.anchor, s.label) for s in all_subs(op1)] == [(a, label) for a, label, _ in expected]
    check_spans(source, op1)
    cut = cut_run_on_text(resolution)
    assert cut.operative[0].text == "Requests the Secretary-General:"
    assert [s.text for s in all_subs(cut.operative[0])] == [words for _, _, words in expected]


_TOKENS = ["(a)", "(b)", "(i)", "(ii)", "a.", "b.", "c.", "i.", "ii.", "iii.", "h.", "e.g."]
_TOKENS += ["laws", "a", "i", "m.", ";", ":", ",", ".", "\n", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_any_label_soup_gives_unique_anchors_and_nested_spans(tokens: list[str]) -> None:
    body = " ".join(tokens)
    source = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        f"1. Requests the Secretary-General: {body}\n\n2. Decides to remain seized of the matter.\n"
    )
    resolution = parse_resolution(source, language="en")
    for op in resolution.operative:
        anchors = [s.anchor for s in all_subs(op)]
        assert len(anchors) == len(set(anchors))
        for sub in all_subs(op):
            assert sub.anchor.startswith(op.anchor + "(")
            assert sub.anchor.count("(") <= 4
            for child in sub.subparagraphs:
                assert child.anchor.startswith(sub.anchor)
                assert sub.span[0] <= child.span[0] <= child.span[1] <= sub.span[1]
        check_spans(source, op)
