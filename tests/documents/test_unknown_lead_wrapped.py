"""A preambular paragraph whose lead phrase the lexicon does not know, in text wrapped to a
page's width (as a PDF's text layer gives it, with no blank line between paragraphs): it is a
paragraph of its own, reported as an unknown lead, wherever the text shows that it starts one,
never read on silently into the paragraph before it.

What shows it: the lead's shape after paragraph-final punctuation (a capitalised participle or
gerund in English, French and Spanish; Arabic's "وإذ" before its verb), or, in any language,
the line's indentation where only the first lines of paragraphs are indented.

Every text here is HAND-WRITTEN for these tests from the layout rules in
`reference/un-documents.md` (§2.3: enacting formula, lead phrases, paragraph-final commas).
The leads "Heeding", "Écoutant", "Escuchando", "وإذ تستمع" and "внимая" are invented: each test
first checks that the lexicon does not know it, so that the test keeps its meaning.
"""

from __future__ import annotations

import pytest

from hrdialogue.documents.leads import LeadReader
from hrdialogue.documents.model import Resolution
from hrdialogue.documents.parse import parse_resolution


def _unknown(lead: str, language: str) -> None:
    reader = LeadReader(lead, language)
    assert reader.at(0, "preambular") is None, lead
    assert reader.at(0, "operative") is None, lead


def _preamble(resolution: Resolution) -> list[tuple[str, str, str | None]]:
    return [(p.anchor, p.lead, p.lead_key) for p in resolution.preamble]


def _warnings(resolution: Resolution) -> list[tuple[str, str | None]]:
    return [(w.code, w.anchor) for w in resolution.warnings]


# English, wrapped, no blank lines, nothing indented: "Heeding" opens a line after the comma
# that ends the paragraph before it. The line after "2007," ("and its resolution …") and the
# one after "Member States," ("United Nations bodies …") continue their sentences.
ENGLISH = """\
The General Assembly,
Recalling its resolution 62/160 of 18 December 2007 on the strengthening of
international cooperation in the field of human rights, adopted on 18 December 2007,
and its resolution 61/168 of 19 December 2006,
Heeding the views expressed in the Third Committee by Member States,
United Nations bodies and non-governmental organizations,
Noting with concern the report of the Secretary-General,
1. Requests the Secretary-General to report to it at its sixty-fourth session.
70th plenary meeting
18 December 2008
"""


def test_english_a_participle_after_a_paragraph_end_opens_a_paragraph() -> None:
    _unknown("Heeding the views", "en")
    resolution = parse_resolution(ENGLISH, language="en")
    assert _preamble(resolution) == [
        ("PP1", "Recalling", "recalling"),
        ("PP2", "Heeding", None),
        ("PP3", "Noting with concern", "noting"),
    ]
    assert resolution.preamble[0].text.endswith("and its resolution 61/168 of 19 December 2006,")
    assert resolution.preamble[1].text == (
        "Heeding the views expressed in the Third Committee by Member States, United Nations"
        " bodies and non-governmental organizations,"
    )
    assert _warnings(resolution) == [("unknown-lead", "PP2")]


def test_english_the_same_where_the_line_breaks_were_lost() -> None:
    lines = ENGLISH.splitlines()
    # the formula, then the whole preamble on one line, then the rest as it was
    text = "\n".join([lines[0], " ".join(lines[1:7]), *lines[7:]])
    assert text.count("\n") == 4
    resolution = parse_resolution(text, language="en")
    assert [p.lead for p in resolution.preamble] == ["Recalling", "Heeding", "Noting with concern"]
    assert _warnings(resolution) == [("unknown-lead", "PP2")]


@pytest.mark.parametrize("word", ["During", "Regarding", "Beijing"])
def test_english_a_word_of_that_shape_that_opens_no_paragraph_reads_on(word: str) -> None:
    text = ENGLISH.replace("United Nations bodies", f"{word} the session")
    resolution = parse_resolution(text, language="en")
    assert [p.lead for p in resolution.preamble] == ["Recalling", "Heeding", "Noting with concern"]
    assert resolution.preamble[1].text.startswith("Heeding the views")
    assert f", {word} the session and" in resolution.preamble[1].text


FRENCH = """\
L'Assemblée générale,
Rappelant sa résolution 62/160 du 18 décembre 2007 relative au renforcement de la
coopération internationale dans le domaine des droits de l'homme,
Écoutant les vues exprimées à la Troisième Commission par les États Membres,
Notant avec préoccupation le rapport du Secrétaire général,
1. Prie le Secrétaire général de lui faire rapport à sa soixante-quatrième session.
70e séance plénière
18 décembre 2008
"""

SPANISH = """\
La Asamblea General,
Recordando su resolución 62/160, de 18 de diciembre de 2007, relativa al fortalecimiento
de la cooperación internacional en la esfera de los derechos humanos,
Escuchando las opiniones expresadas en la Tercera Comisión por los Estados Miembros,
Tomando nota con preocupación del informe del Secretario General,
1. Solicita al Secretario General que le presente un informe en su sexagésimo cuarto
período de sesiones.
70a sesión plenaria
18 de diciembre de 2008
"""


@pytest.mark.parametrize(
    ("text", "language", "lead", "known"),
    [
        (FRENCH, "fr", "Écoutant", ["Rappelant", "Notant avec préoccupation"]),
        (SPANISH, "es", "Escuchando", ["Recordando", "Tomando nota con preocupación"]),
    ],
)
def test_french_and_spanish_participles_open_a_paragraph(
    text: str, language: str, lead: str, known: list[str]
) -> None:
    _unknown(lead + " l", language)
    resolution = parse_resolution(text, language=language)
    assert [(p.anchor, p.lead) for p in resolution.preamble] == [
        ("PP1", known[0]),
        ("PP2", lead),
        ("PP3", known[1]),
    ]
    assert resolution.preamble[1].lead_key is None
    assert _warnings(resolution) == [("unknown-lead", "PP2")]


# Arabic: "وإذ" ("and whereas") opens a preambular paragraph; its verb here is invented.
ARABIC = """\
إن الجمعية العامة،
إذ تشير إلى قرارها 62/160 المؤرخ 18 كانون الأول/ديسمبر 2007 بشأن تعزيز التعاون
الدولي في ميدان حقوق الإنسان،
وإذ تستمع إلى الآراء التي أعربت عنها الدول الأعضاء في اللجنة الثالثة،
وإذ تلاحظ مع القلق تقرير الأمين العام،
1 - تطلب إلى الأمين العام أن يقدم إليها تقريرا في دورتها الرابعة والستين.
الجلسة العامة 70
18 كانون الأول/ديسمبر 2008
"""


def test_arabic_wa_idh_opens_a_paragraph() -> None:
    _unknown("وإذ تستمع إلى", "ar")
    resolution = parse_resolution(ARABIC, language="ar")
    assert [p.anchor for p in resolution.preamble] == ["PP1", "PP2", "PP3"]
    assert resolution.preamble[1].lead_key is None
    assert resolution.preamble[1].text.startswith("وإذ تستمع")
    assert resolution.preamble[2].lead_key == "noting"
    assert _warnings(resolution) == [("unknown-lead", "PP2")]


# Russian, as a PDF's text layer gives it: the first line of each paragraph indented by a
# space, the lines that continue a paragraph not; page 1 ends in the middle of PP2, with its
# footnote under a line of underscores, and page 2 starts with an indented line that goes on
# with PP2's sentence. Russian leads have no shape of their own: only the indentation tells.
RUSSIAN = """\
 Генеральная Ассамблея,
 ссылаясь на свою резолюцию 62/160 от 18 декабря 2007 года об укреплении
международного сотрудничества в области прав человека,
 внимая мнениям, высказанным государствами-членами в Третьем комитете,
и организациями гражданского общества, а также докладу Генерального
секретаря1,
 признавая, что поощрение и защита прав человека должны основываться на принципе
сотрудничества и быть
_______________
1 A/63/337.
 направлены на расширение возможностей государств,
 подчеркивая необходимость диалога,
 1. просит Генерального секретаря представить Генеральной Ассамблее на ее
шестьдесят четвертой сессии доклад.
70-е пленарное заседание,
18 декабря 2008 года
"""


def test_russian_an_indented_line_opens_a_paragraph_where_indentation_marks_them() -> None:
    _unknown("внимая мнениям", "ru")
    resolution = parse_resolution(RUSSIAN, language="ru")
    assert _preamble(resolution) == [
        ("PP1", "ссылаясь на", "recalling"),
        ("PP2", "внимая", None),
        ("PP3", "признавая", "recognizing"),
        ("PP4", "подчеркивая", "emphasizing"),
    ]
    # the flush line after "комитете," continues PP2's sentence
    assert resolution.preamble[1].text == (
        "внимая мнениям, высказанным государствами-членами в Третьем комитете, и организациями"
        " гражданского общества, а также докладу Генерального секретаря,"
    )
    # the indented first line of page 2 goes on with PP3 (after page 1's footnote)
    assert resolution.preamble[2].text == (
        "признавая, что поощрение и защита прав человека должны основываться на принципе"
        " сотрудничества и быть направлены на расширение возможностей государств,"
    )
    assert [(f.marker, f.anchor) for f in resolution.footnotes] == [("1", "PP2")]
    assert _warnings(resolution) == [("unknown-lead", "PP2")]


def test_russian_without_indentation_the_layout_cannot_tell() -> None:
    # The same text flush left: a line after a comma may continue a sentence ("и
    # организациями …" does), and Russian leads look like any other word. The unknown lead
    # reads on into PP1: this is the limit the module documents, kept here so that a change
    # to it is seen.
    flush = "\n".join(line.lstrip() for line in RUSSIAN.splitlines())
    resolution = parse_resolution(flush, language="ru")
    assert [p.lead for p in resolution.preamble] == ["ссылаясь на", "признавая", "подчеркивая"]
    assert "внимая мнениям" in resolution.preamble[0].text
