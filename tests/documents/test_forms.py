"""Forms the corpus lacks, read from small fixtures.

Every text here is HAND-WRITTEN for these tests from the layout rules in
`reference/un-documents.md` (§1.2 subparagraphs in each language, §1.3 identification, §2.3
enacting formulas and leads): they are not UN documents.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hrdialogue.documents.errors import NotAResolution
from hrdialogue.documents.model import Body, DocumentKind, OperativeParagraph, Resolution
from hrdialogue.documents.parse import parse_resolution


def _anchors(paragraph: OperativeParagraph) -> list[str]:
    found = []
    stack = list(reversed(paragraph.subparagraphs))
    while stack:
        item = stack.pop()
        found.append(item.anchor)
        stack.extend(reversed(item.subparagraphs))
    return found


EN_SUBPARAGRAPHS = """\
The General Assembly,

Recalling its resolution 62/160 of 18 December 2007,

1. Requests the Secretary-General:
(a) To consult Member States;
(b) To submit a report covering:
(i) The replies received;
(ii) His conclusions;
(c) To keep the matter under review;

2. Decides to continue its consideration of the question at its sixty-fourth session.

70th plenary meeting
18 December 2008
"""


def test_english_subparagraphs_nest() -> None:
    resolution = parse_resolution(EN_SUBPARAGRAPHS, language="en")
    op1 = resolution.operative[0]
    assert _anchors(op1) == ["OP1(a)", "OP1(b)", "OP1(b)(i)", "OP1(b)(ii)", "OP1(c)"]
    assert [s.label for s in op1.subparagraphs] == ["(a)", "(b)", "(c)"]
    b = op1.subparagraphs[1]
    assert b.text.startswith("To submit a report covering:")
    assert [s.text for s in b.subparagraphs] == ["The replies received;", "His conclusions;"]
    assert resolution.paragraph("OP1(b)(ii)").text == "His conclusions;"
    assert resolution.warnings == ()
    assert resolution.adoption is not None
    assert resolution.adoption.meeting == 70


@pytest.mark.parametrize(
    ("language", "text", "labels"),
    [
        (
            "fr",
            "L'Assemblée générale,\n\nRappelant sa résolution 62/160,\n\n"
            "1. Prie le Secrétaire général :\na) De consulter les États Membres;\n"
            "b) De lui présenter un rapport;\n",
            ["a)", "b)"],
        ),
        (
            "es",
            "La Asamblea General,\n\nRecordando su resolución 62/160,\n\n"
            "1. Solicita al Secretario General:\na) Que consulte a los Estados Miembros;\n"
            "b) Que le presente un informe;\n",
            ["a)", "b)"],
        ),
        (
            "ru",
            "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 62/160,\n\n"
            "1. просит Генерального секретаря:\na) провести консультации с государствами;\n"
            "b) представить доклад;\n",
            ["a)", "b)"],
        ),
        (
            "ar",
            "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 62/160،\n\n"
            "1 - تطلب إلى الأمين العام:\n(أ) أن يتشاور مع الدول الأعضاء؛\n(ب) أن يقدم تقريرا؛\n",
            ["(أ)", "(ب)"],
        ),
        (
            "zh",
            "大会,\n\n回顾第62/160号决议,\n\n"
            "1. 请秘书长:\n（a） 与会员国协商;\n（b） 提交一份报告,其中包括:\n"
            "㈠ 收到的答复;\n㈡ 结论;\n",
            ["（a）", "（b）"],
        ),
    ],
)
def test_subparagraph_labels_in_each_language(language: str, text: str, labels: list[str]) -> None:
    resolution = parse_resolution(text, language=language)
    op1 = resolution.operative[0]
    assert op1.lead_key == "requests"
    assert [s.label for s in op1.subparagraphs] == labels
    assert [s.anchor for s in op1.subparagraphs] == ["OP1(a)", "OP1(b)"]
    if language == "zh":
        second = op1.subparagraphs[1].subparagraphs
        assert [(s.anchor, s.label) for s in second] == [("OP1(b)(i)", "㈠"), ("OP1(b)(ii)", "㈡")]


SECURITY_COUNCIL = """\
United Nations S/RES/1820 (2008)
Security Council Distr.: General
19 June 2008
Resolution 1820 (2008)
Adopted by the Security Council at its 5916th meeting, on 19 June 2008

The Security Council,

Reaffirming its commitment to the continuing and full implementation of resolution 1325 (2000),

1. Demands that all parties immediately take appropriate measures;

2. Decides to remain seized of the matter.
"""


def test_security_council_resolution() -> None:
    resolution = parse_resolution(SECURITY_COUNCIL, language="en")
    assert resolution.body is Body.SECURITY_COUNCIL
    assert resolution.symbol == "S/RES/1820 (2008)"
    assert resolution.number == "1820 (2008)"
    assert resolution.title is None
    assert [p.lead_key for p in resolution.operative] == ["demands", "decides"]
    assert resolution.operative[1].text == "Decides to remain seized of the matter."
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, resolution.adoption.date) == (5916, dt.date(2008, 6, 19))
    assert resolution.warnings == ()


ECOSOC = """\
2008/5. Strengthening of the coordination of emergency humanitarian assistance

The Economic and Social Council,

Recalling General Assembly resolution 46/182 of 19 December 1991,

1. Requests the Secretary-General to report to the Council at its substantive session of 2009;

2. Decides to keep the question under review.

38th plenary meeting
23 July 2008
"""


def test_economic_and_social_council_resolution() -> None:
    resolution = parse_resolution(ECOSOC, language="en")
    assert resolution.body is Body.ECONOMIC_AND_SOCIAL_COUNCIL
    assert resolution.symbol == "E/RES/2008/5"
    assert resolution.session is None
    assert resolution.title == (
        "Strengthening of the coordination of emergency humanitarian assistance"
    )
    assert [p.anchor for p in resolution.preamble] == ["PP1"]
    assert [p.lead_key for p in resolution.operative] == ["requests", "decides"]
    assert resolution.adoption is not None
    assert resolution.adoption.date == dt.date(2008, 7, 23)
    assert resolution.warnings == ()


SINGLE_PARAGRAPH = """\
Decision adopted by the Human Rights Council

22/116. Enhancement of international cooperation in the field of human rights

The Human Rights Council,

Decides to examine this question at its twenty-fifth session under the same agenda item.

49th meeting
21 March 2013
"""


def test_single_unnumbered_operative_paragraph_is_op1() -> None:
    resolution = parse_resolution(SINGLE_PARAGRAPH, language="en")
    assert resolution.kind is DocumentKind.DECISION
    assert resolution.symbol == "A/HRC/DEC/22/116"
    assert resolution.preamble == ()
    assert [(p.anchor, p.number, p.lead_key) for p in resolution.operative] == [
        ("OP1", None, "decides")
    ]
    assert resolution.adoption is not None
    assert resolution.adoption.meeting == 49
    assert resolution.warnings == ()


def test_fragment_starting_mid_preamble_is_a_truncated_resolution() -> None:
    text = (
        "cooperation among Member States in the field of human rights,\n\n"
        "Recalling its resolution 62/160 of 18 December 2007,\n\n"
        "Noting with concern the report of the Secretary-General,\n"
    )
    resolution: Resolution = parse_resolution(text, language="en")
    assert [(p.lead, p.lead_key) for p in resolution.preamble] == [
        ("Recalling", "recalling"),
        ("Noting with concern", "noting"),
    ]
    assert resolution.truncated


def test_unknown_lead_is_reported_not_dropped() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 62/160,\n\n"
        "1. Requests the Secretary-General to report;\n\n"
        "2. Frobnicates the question.\n\n70th plenary meeting\n18 December 2008\n"
    )
    resolution = parse_resolution(text, language="en")
    assert resolution.operative[1].lead_key is None
    assert resolution.operative[1].lead == "Frobnicates"
    assert [(w.code, w.anchor) for w in resolution.warnings] == [("unknown-lead", "OP2")]


def test_prose_is_not_a_resolution() -> None:
    with pytest.raises(NotAResolution, match="not a resolution"):
        parse_resolution(
            "The weather was fine.\nWe went to the sea, and swam.\n", language="en", source="x"
        )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "fr",
            "L'Assemblée générale,\n\nRappelant sa résolution 62/160,\n\n"
            "1. Décide de poursuivre l'examen de la question.\n\n"
            "70e séance plénière\n18 décembre 2008\n",
        ),
        (
            "es",
            "La Asamblea General,\n\nRecordando su resolución 62/160,\n\n"
            "1. Decide seguir examinando la cuestión.\n\n"
            "70ª sesión plenaria\n18 de diciembre de 2008\n",
        ),
        (
            "ar",
            "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 62/160،\n\n"
            "1 - تقرر أن تواصل النظر في المسألة.\n\n"
            "الجلسة العامة 70\n18 كانون الأول/ديسمبر 2008\n",
        ),
        (
            "ru",
            "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 62/160,\n\n"
            "1. постановляет продолжить рассмотрение этого вопроса.\n\n"
            "70-е пленарное заседание,\n18 декабря 2008 года\n",
        ),
    ],
)
def test_closing_formula_in_each_language(language: str, text: str) -> None:
    resolution = parse_resolution(text, language=language)
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, resolution.adoption.date) == (70, dt.date(2008, 12, 18))
    assert [p.lead_key for p in resolution.operative] == ["decides"]
    assert resolution.warnings == ()


def test_a_meeting_cited_in_a_paragraph_is_not_the_closing() -> None:
    # hand-written: a General Assembly resolution that cites a Security Council resolution by
    # the meeting that adopted it; its own closing is the 70th plenary meeting
    text = (
        "63/999. Title\n\nThe General Assembly,\n\nNoting Security Council resolution 1820 (2008),"
        " adopted at its 5916th meeting, on 19 June 2008,\n\n1. Decides to continue.\n\n"
        "70th plenary meeting\n18 December 2008\n"
    )
    resolution = parse_resolution(text, language="en")
    assert resolution.adoption is not None
    assert (resolution.adoption.meeting, resolution.adoption.date) == (70, dt.date(2008, 12, 18))
    assert resolution.preamble[0].text.endswith("on 19 June 2008,")
    assert resolution.warnings == ()
