"""The Secretariat writes a note verbale inviting a State (or an organization) to reply.

Expected sentences are written by hand from the UN's diplomatic formulas in each language
("presents his compliments … has the honour to refer to …", "avails himself of this
opportunity to renew … the assurances of his highest consideration") and from how the UN
writes dates; the notes' inputs are the hand-written `samples`.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hrdialogue.drafting.notes_verbales import NoteVerbaleError, compose_note_verbale
from tests.documents import factories
from tests.drafting.samples import LANGUAGES, OP10, QUESTIONS, state_note

OPENINGS = {
    "en": "The Secretary-General of the United Nations presents his compliments to the "
    "Permanent Mission of Egypt to the United Nations and has the honour to refer to General "
    "Assembly resolution 63/180 of 18 December 2008, entitled “A title written for the tests”.",
    "fr": "Le Secrétaire général de l'Organisation des Nations Unies présente ses compliments "
    "à la Mission permanente du Mexique auprès de l'Organisation des Nations Unies et a "
    "l'honneur de se référer à la résolution 63/180 de l'Assemblée générale en date du "
    "18 décembre 2008, intitulée « Un titre écrit pour les tests ».",
    "es": "El Secretario General de las Naciones Unidas saluda atentamente a la Misión "
    "Permanente del Perú ante las Naciones Unidas y tiene el honor de referirse a la "
    "resolución 63/180 de la Asamblea General, de 18 de diciembre de 2008, titulada "
    "“Un título escrito para las pruebas”.",
    "ru": "Генеральный секретарь Организации Объединенных Наций свидетельствует свое уважение "
    "Постоянному представительству Российской Федерации при Организации Объединенных Наций "
    "и имеет честь сослаться на резолюцию 63/180 Генеральной Ассамблеи от 18 декабря "
    "2008 года, озаглавленную «Заголовок, написанный для тестов».",
    "ar": "يهدي الأمين العام للأمم المتحدة أطيب تحياته إلى البعثة الدائمة لجمهورية مصر العربية "
    "لدى الأمم المتحدة، ويتشرف بأن يشير إلى قرار الجمعية العامة 63/180 المؤرخ 18 كانون "
    'الأول/ديسمبر 2008 والمعنون "عنوان كتب للاختبار".',
    "zh": "联合国秘书长向中华人民共和国常驻联合国代表团致意，并谨提及大会2008年12月18日题为"
    "“为测试而写的标题”的第63/180号决议。",
}

CLOSINGS = {
    "en": "The Secretary-General avails himself of this opportunity to renew to the Permanent "
    "Mission of Egypt to the United Nations the assurances of his highest consideration.",
    "fr": "Le Secrétaire général saisit cette occasion pour renouveler à la Mission permanente "
    "du Mexique auprès de l'Organisation des Nations Unies les assurances de sa très haute "
    "considération.",
    "es": "El Secretario General aprovecha la oportunidad para reiterar a la Misión Permanente "
    "del Perú ante las Naciones Unidas las seguridades de su más alta consideración.",
    "ru": "Генеральный секретарь пользуется случаем, чтобы возобновить Постоянному "
    "представительству Российской Федерации при Организации Объединенных Наций уверения в "
    "своем самом высоком уважении.",
    "ar": "وينتهز الأمين العام هذه الفرصة ليعرب مجددا للبعثة الدائمة لجمهورية مصر العربية لدى "
    "الأمم المتحدة عن أسمى آيات تقديره.",
    "zh": "秘书长借此机会向中华人民共和国常驻联合国代表团重申最崇高的敬意。",
}

DEADLINES = {
    "en": "Replies should be submitted no later than 15 May 2009 and should not exceed 2000 words.",
    "fr": "Les réponses devraient être soumises au plus tard le 15 mai 2009 et ne pas "
    "dépasser 2000 mots.",
    "es": "Las respuestas deberán presentarse a más tardar el 15 de mayo de 2009 y no deberán "
    "exceder de 2000 palabras.",
    "ru": "Ответы следует представить не позднее 15 мая 2009 года; их объем не должен "
    "превышать 2000 слов.",
    "ar": "ويرجى تقديم الردود في موعد أقصاه 15 أيار/مايو 2009، على ألا يتجاوز عدد كلماتها 2000.",
    "zh": "答复应不迟于2009年5月15日提交，篇幅不超过2000字。",
}

NOTE_DATES = {
    "en": "2 March 2009",
    "fr": "2 mars 2009",
    "es": "2 de marzo de 2009",
    "ru": "2 марта 2009 года",
    "ar": "2 آذار/مارس 2009",
    "zh": "2009年3月2日",
}


def _by_role(note: object, role: str) -> list[str]:
    return [p.text for p in note.paragraphs if p.role == role]  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", LANGUAGES)
def test_note_verbale_opens_and_closes_in_un_form(language: str) -> None:
    note = state_note(language)
    assert note.form == "note-verbale"
    assert _by_role(note, "opening") == [OPENINGS[language]]
    assert _by_role(note, "closing") == [CLOSINGS[language]]
    assert _by_role(note, "deadline") == [DEADLINES[language]]
    # The date stands at the end of a note verbale, the reference at its head.
    assert note.paragraphs[-1].role == "date"
    assert note.paragraphs[-1].text == NOTE_DATES[language]
    assert note.paragraphs[0].text == "G/SO 214 (52-1)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_note_quotes_the_mandate_asks_the_questions_and_gives_the_link(language: str) -> None:
    note = state_note(language)
    roles = [p.role for p in note.paragraphs]
    assert roles.index("quote-intro") < roles.index("quote") < roles.index("views")
    assert "quote-note" not in roles  # the paragraph is quoted in the note's own language
    questions = [p for p in note.paragraphs if p.role == "question"]
    assert [q.text for q in questions] == QUESTIONS[language]
    labels = ["1 -", "2 -"] if language == "ar" else ["1.", "2."]
    assert [q.label for q in questions] == labels
    assert _by_role(note, "link") == ["https://consult.example.org/r/x7Hk2"]
    views = {
        "en": "the views of the Government of Egypt on the following questions:",
        "fr": "les vues du Gouvernement du Mexique sur les questions suivantes :",
        "es": "las opiniones del Gobierno del Perú sobre las siguientes cuestiones:",
        "ru": "мнений правительства Российской Федерации по следующим вопросам:",
        "ar": "بآراء حكومة جمهورية مصر العربية بشأن الأسئلة التالية:",
        "zh": "收到中华人民共和国政府对以下问题的意见：",
    }
    assert _by_role(note, "views")[0].endswith(views[language])
    assert note.quoted_anchor == "OP10"
    assert note.quoted_language == language


QUOTE_INTROS = {
    "en": "Paragraph 10 of the resolution reads as follows:",
    "fr": "Le paragraphe 10 de la résolution se lit comme suit :",
    "es": "El párrafo 10 de la resolución dice lo siguiente:",
    "ru": "Пункт 10 резолюции гласит:",
    "ar": "وتنص الفقرة 10 من القرار على ما يلي:",
    "zh": "该决议第10段内容如下：",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_paragraph_quoted_in_another_language_is_said_to_be(language: str) -> None:
    source = "ru" if language != "ru" else "en"
    note = state_note(language, mandate_text=OP10[source], mandate_language=source)
    assert _by_role(note, "quote-intro") == [QUOTE_INTROS[language]]
    quote = next(p for p in note.paragraphs if p.role == "quote")
    assert quote.language == source
    assert quote.text == OP10[source]
    said = {
        "en": "The paragraph is quoted in Russian,",
        "fr": "Le paragraphe est cité en russe,",
        "es": "El párrafo se cita en ruso,",
        "ru": "Пункт приводится на английском языке",
        "ar": "ويرد نص الفقرة باللغة الروسية،",
        "zh": "该段以俄文引述",
    }[language]
    assert _by_role(note, "quote-note")[0].startswith(said)
    assert note.quoted_language == source


def test_ohchr_writes_to_the_mission_in_geneva_in_its_own_voice() -> None:
    note = state_note("en", sender="ohchr")
    assert _by_role(note, "opening")[0].startswith(
        "The Office of the United Nations High Commissioner for Human Rights presents its "
        "compliments to the Permanent Mission of Egypt to the United Nations Office at Geneva"
    )
    assert _by_role(note, "closing")[0].endswith("the assurances of its highest consideration.")
    arabic = state_note("ar", sender="ohchr")
    # The Office (المفوضية) is feminine in Arabic: the verbs agree with it.
    assert _by_role(arabic, "opening")[0].startswith(
        "تهدي مفوضية الأمم المتحدة السامية لحقوق الإنسان أطيب تحياتها إلى البعثة الدائمة "
        "لجمهورية مصر العربية لدى مكتب الأمم المتحدة في جنيف"
    )
    assert _by_role(arabic, "closing")[0].endswith("عن أسمى آيات تقديرها.")


@pytest.mark.parametrize(
    ("language", "kind", "name", "opening_part"),
    [
        ("en", "igo", "the Council of Europe", "compliments to the secretariat of the Council"),
        ("fr", "igo", "le Conseil de l'Europe",
         "compliments au secrétariat du Conseil de l'Europe"),
        ("es", "un-entity", "el Fondo de las Naciones Unidas para la Infancia",
         "atentamente al jefe ejecutivo del Fondo de las Naciones Unidas para la Infancia"),
        ("ru", "nhri", "Национального совета по правам человека",
         "уважение председателю Национального совета по правам человека"),
        ("ar", "un-entity", "اليونيسف", "إلى الرئيس التنفيذي لليونيسف"),
        ("zh", "igo", "非洲联盟", "向非洲联盟秘书处致意"),
    ],
)  # fmt: skip
def test_organizations_get_a_note_addressed_to_their_head_or_secretariat(
    language: str, kind: str, name: str, opening_part: str
) -> None:
    note = state_note(language, recipient_kind=kind, recipient_name=name)
    assert note.form == "note-verbale"
    assert opening_part in _by_role(note, "opening")[0]
    # Only States are asked for their Government's views.
    government = {"en": "Government", "fr": "Gouvernement", "es": "Gobierno"}
    assert government.get(language, "правительства") not in _by_role(note, "views")[0]


SALUTATIONS = {
    "en": "Dear Sir or Madam,",
    "fr": "Madame, Monsieur,",
    "es": "Señora, Señor:",
    "ru": "Уважаемые дамы и господа!",
    "ar": "حضرات السيدات والسادة،",
    "zh": "尊敬的先生/女士：",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_ngo_gets_a_letter_not_a_note_verbale(language: str) -> None:
    note = state_note(language, recipient_kind="ngo", recipient_name="Demo NGO B")
    assert note.form == "letter"
    assert _by_role(note, "salutation") == [SALUTATIONS[language]]
    assert _by_role(note, "recipient") == ["Demo NGO B"]
    assert note.paragraphs[1].role == "date"  # a letter is dated at its head
    assert note.paragraphs[-1].role == "signature"
    assert "compliments" not in note.text
    assert "Demo NGO B" not in _by_role(note, "opening")[0]


def test_english_letter_speaks_in_the_first_person_for_the_sender() -> None:
    note = state_note("en", recipient_kind="ngo", recipient_name="Demo NGO B", signatory="A. B.")
    assert _by_role(note, "opening")[0].startswith(
        "I have the honour to write to you on behalf of the Secretary-General of the United "
        "Nations with reference to General Assembly resolution 63/180"
    )
    assert _by_role(note, "closing") == [
        "Please accept the assurances of my highest consideration."
    ]
    assert _by_role(note, "signature") == ["A. B."]


@pytest.mark.parametrize(
    ("words", "expected"),
    [(2000, "2000 слов"), (21, "21 слово"), (3, "3 слова"), (11, "11 слов"), (1000, "1000 слов")],
)
def test_russian_word_limit_agrees_with_its_number(words: int, expected: str) -> None:
    note = state_note("ru", word_limit=words)
    assert _by_role(note, "deadline")[0].endswith(f"превышать {expected}.")


def test_no_word_limit_leaves_the_clause_out() -> None:
    note = state_note("en", word_limit=None)
    assert _by_role(note, "deadline") == ["Replies should be submitted no later than 15 May 2009."]


def test_note_from_a_parsed_resolution_and_its_mandate_quotes_the_whole_paragraph() -> None:
    resolution = factories.english_full()
    mandate = resolution.mandates[0]
    note = compose_note_verbale(
        language="fr",
        recipient_kind="state",
        recipient_name="la France",
        reference="G/SO 214 (52-1)",
        date=dt.date(2016, 2, 1),
        deadline=dt.date(2016, 4, 30),
        reply_url="https://consult.example.org/r/abc",
        questions=["Quels obstacles ?"],
        resolution=resolution,
        mandate=mandate,
    )
    assert (
        "la résolution 70/901 de l'Assemblée générale en date du 17 décembre 2015, "
        "intitulée « Cooperation written for the tests »"
    ) in _by_role(note, "opening")[0]
    assert "Mission permanente de la France" in _by_role(note, "opening")[0]
    assert _by_role(note, "quote-intro") == ["Le paragraphe 3 de la résolution se lit comme suit :"]
    quote = _by_role(note, "quote")[0]
    assert quote.startswith("Requests the Secretary-General, in cooperation with")
    assert "(a) To consult States" in quote
    assert "(ii) the practice of the treaty bodies;" in quote
    assert quote.endswith("(c) To keep the Assembly informed;")
    assert _by_role(note, "quote-note")[0].startswith("Le paragraphe est cité en anglais")


def test_note_from_the_russian_seed_like_resolution_names_its_date_in_russian() -> None:
    resolution = factories.seed_like_russian()
    note = compose_note_verbale(
        language="ru",
        recipient_kind="state",
        recipient_name="Республики Беларусь",
        reference="G/SO 214 (52-1)",
        date=dt.date(2009, 3, 2),
        deadline=dt.date(2009, 5, 15),
        reply_url="https://consult.example.org/r/abc",
        questions=["Вопрос?"],
        resolution=resolution,
        mandate=resolution.mandates[0],
    )
    opening = _by_role(note, "opening")[0]
    assert "резолюцию 63/180 Генеральной Ассамблеи от 18 декабря 2008 года" in opening
    assert _by_role(note, "quote-intro") == ["Пункт 2 резолюции гласит:"]
    assert "quote-note" not in [p.role for p in note.paragraphs]


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"language": "de"}, "language"),
        ({"recipient_kind": "company"}, "recipient_kind"),
        ({"sender": "president"}, "sender"),
        ({"recipient_name": "  "}, "recipient_name is empty"),
        ({"reference": ""}, "reference is empty"),
        ({"deadline": dt.date(2009, 1, 1)}, "deadline 2009-01-01 is before"),
        ({"word_limit": 0}, "word_limit 0"),
        ({"reply_url": "http://consult.example.org/r/x"}, "not a secure (https://) link"),
        ({"questions": []}, "at least one question"),
        ({"questions": ["Q?", " "]}, "question 2 is empty"),
        ({"resolution_body": "security-council"}, "resolution_body 'security-council'"),
        ({"resolution_number": None}, "resolution_number is missing"),
        ({"resolution_date": None}, "resolution_date is missing"),
        ({"mandate_anchor": "PP3"}, "only operative paragraphs"),
        ({"mandate_anchor": None}, "mandate_text given without mandate_anchor"),
        ({"mandate_language": "pt"}, "mandate_language"),
    ],
)
def test_unusable_input_is_refused_naming_the_field(
    overrides: dict[str, object], named: str
) -> None:
    with pytest.raises(NoteVerbaleError, match=named.replace("(", r"\(").replace(")", r"\)")):
        state_note("en", **overrides)


def test_mandate_anchor_not_in_the_resolution_is_named() -> None:
    resolution = factories.english_full()
    with pytest.raises(NoteVerbaleError, match=r"'OP10' is not a paragraph of resolution 70/901"):
        state_note("en", resolution=resolution, mandate_anchor="OP10", mandate_text=None)


def test_to_document_keeps_every_paragraph_in_order_with_logical_alignment() -> None:
    note = state_note("ar")
    document = note.to_document()
    assert document.language == "ar"
    assert document.direction == "rtl"
    assert document.title == "مذكرة شفوية G/SO 214 (52-1)"
    assert [b.text for b in document.blocks] == [p.text for p in note.paragraphs]
    assert document.blocks[-1].align == "end"  # the date
    assert document.blocks[0].align == "start"  # the reference
    assert [b.kind for b in document.blocks].count("list-item") == 2


# Hand-written resolution text, as a reader parses it (its paragraph's text runs on through
# its subparagraphs).
PARSED_WITH_SUBPARAGRAPHS = """70/901. Dialogue written for the tests

The General Assembly,

Recalling its earlier resolutions,

1. Requests the Secretary-General to consult States on:
(a) the ways to strengthen dialogue among the human rights mechanisms;
(b) the practice of regional organizations in the field,
and to report to the General Assembly at its seventy-second session.

70th plenary meeting
17 December 2015
"""


def test_a_parsed_paragraph_is_quoted_with_each_subparagraphs_words_once() -> None:
    from hrdialogue.documents.parse import parse_resolution

    resolution = parse_resolution(PARSED_WITH_SUBPARAGRAPHS, language="en")
    assert [s.anchor for s in resolution.operative[0].subparagraphs] == ["OP1(a)", "OP1(b)"]
    note = compose_note_verbale(
        language="en",
        recipient_kind="state",
        recipient_name="France",
        reference="G/SO 214 (52-1)",
        date=dt.date(2016, 2, 1),
        deadline=dt.date(2016, 4, 30),
        reply_url="https://consult.example.org/r/abc",
        questions=["Which obstacles?"],
        resolution=resolution,
        mandate=resolution.mandates[0],
    )
    quote = _by_role(note, "quote")[0]
    assert quote.startswith("Requests the Secretary-General to consult States on:")
    assert quote.count("strengthen dialogue among the human rights mechanisms") == 1
    assert quote.count("the practice of regional organizations") == 1
    assert quote.index("(a) the ways") < quote.index("(b) the practice")


# The paragraph of a section, quoted from a hand-written sectioned resolution
# (tests/documents/sectioned.py): "paragraph 2 of section II" as each language says it.
SECTION_INTROS = {
    "en": "Paragraph 2 of section II of the resolution reads as follows:",
    "fr": "Le paragraphe 2 de la section II de la résolution se lit comme suit :",
    "es": "El párrafo 2 de la sección II de la resolución dice lo siguiente:",
    "ru": "Пункт 2 раздела II резолюции гласит:",
    "ar": "وتنص الفقرة 2 من الجزء ثانيا من القرار على ما يلي:",
    "zh": "该决议第二节第2段内容如下：",
}
# Its text, and the first subparagraph's, as the fixtures print them
SECTION_QUOTES = {
    "en": ("2. Invites Member States:", "(a) To submit their views to the Secretary-General;"),
    "ar": ("تدعو الدول الأعضاء إلى ما يلي:", "(أ) تقديم آرائها إلى الأمين العام؛"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_paragraph_of_a_section_is_named_with_its_section(language: str) -> None:
    from hrdialogue.documents.parse import parse_resolution
    from tests.documents.sectioned import sectioned

    resolution = parse_resolution(sectioned(language), language=language)
    note = state_note(
        language,
        resolution=resolution,
        mandate_anchor="II.OP2",
        mandate_text=None,
        mandate_language=None,
    )
    assert _by_role(note, "quote-intro") == [SECTION_INTROS[language]]
    assert note.quoted_anchor == "II.OP2"
    if language in SECTION_QUOTES:
        quote = _by_role(note, "quote")[0]
        words, first = SECTION_QUOTES[language]
        assert words.split(" ", 1)[-1] in quote
        assert first in quote


@pytest.mark.parametrize(
    ("anchor", "language", "expected"),
    [
        ("B.OP3", "en", "Paragraph 3 of section B of the resolution"),
        ("B.OP3", "ru", "Пункт 3 раздела Б резолюции"),  # Russian letters its parts А, Б, В
        ("B.OP3", "ar", "وتنص الفقرة 3 من الجزء باء من القرار"),
        ("B.OP3", "zh", "该决议乙节第3段"),  # a lettered part takes no 第
        ("II.OP2(a)", "fr", "Le paragraphe 2 a) de la section II de la résolution"),
    ],
)
def test_a_lettered_section_and_a_subparagraph_of_a_section(
    anchor: str, language: str, expected: str
) -> None:
    note = state_note(language, mandate_anchor=anchor)
    assert _by_role(note, "quote-intro")[0].startswith(expected)


@pytest.mark.parametrize(
    ("language", "resolution_words", "intro"),
    [
        (
            "en",
            "General Assembly resolution 69/96 B of 5 December 2014, entitled “United Nations"
            " public information policies and activities”",
            "Paragraph 2 of the resolution reads as follows:",
        ),
        ("ar", "69/96 باء", "وتنص الفقرة 2 من القرار على ما يلي:"),
        # the part's Latin letter, as the Chinese and Russian texts print a part's number
        ("zh", "第69/96 B号决议", "该决议第2段内容如下："),
        ("ru", "резолюцию 69/96 B Генеральной Ассамблеи", "Пункт 2 резолюции гласит:"),
    ],
)
def test_a_paragraph_of_a_composite_part_is_quoted_from_that_part_as_a_resolution(
    language: str, resolution_words: str, intro: str
) -> None:
    # 69/96 A-B: part B is resolution 69/96 B, with its own title; "section B" would be wrong
    from hrdialogue.documents.parse import parse_resolution
    from tests.documents.test_sections import COMPOSITE

    resolution = parse_resolution(COMPOSITE, language="en")
    note = state_note(
        language,
        resolution=resolution,
        resolution_number=None,
        resolution_date=None,
        resolution_title=None,
        mandate_anchor="B.OP2",
        mandate_text=None,
        mandate_language=None,
    )
    assert note.resolution_number == ("69/96 باء" if language == "ar" else "69/96 B")
    assert resolution_words in _by_role(note, "opening")[0]
    assert _by_role(note, "quote-intro") == [intro]
    assert _by_role(note, "quote")[0].startswith("Decides to include the item")


def test_a_paragraph_of_a_part_given_the_whole_resolutions_number_names_the_part() -> None:
    # the caller gives the number 69/96: the part is named with the paragraph, not lost
    from hrdialogue.documents.parse import parse_resolution
    from tests.documents.test_sections import COMPOSITE

    resolution = parse_resolution(COMPOSITE, language="en")
    note = state_note(
        "en",
        resolution=resolution,
        resolution_number="69/96",
        resolution_date=None,
        resolution_title=None,
        mandate_anchor="B.OP2",
        mandate_text=None,
        mandate_language=None,
    )
    assert note.resolution_number == "69/96"
    assert "entitled “Questions relating to information”" in _by_role(note, "opening")[0]
    assert _by_role(note, "quote-intro")[0].startswith("Paragraph 2 of section B of the")


def test_a_paragraph_of_a_section_inside_a_composite_part_names_both() -> None:
    from hrdialogue.documents.parse import parse_resolution
    from tests.documents.test_sections import NESTED

    resolution = parse_resolution(NESTED, language="en")
    note = state_note(
        "fr",
        resolution=resolution,
        resolution_number=None,
        resolution_date=None,
        resolution_title=None,
        mandate_anchor="A.II.OP1",
        mandate_text=None,
        mandate_language=None,
    )
    assert note.resolution_number == "70/247 A"
    assert "70/247 A" in _by_role(note, "opening")[0]
    assert "Special subjects" in _by_role(note, "opening")[0]
    assert _by_role(note, "quote-intro")[0].startswith("Le paragraphe 1 de la section II de la")


@pytest.mark.parametrize(
    ("language", "intro"),
    [
        ("en", "Paragraph 1 of section II of section A of the"),
        ("fr", "Le paragraphe 1 de la section II de la section A de la"),
        ("ru", "Пункт 1 раздела II раздела А"),
        ("ar", "الفقرة 1 من الجزء ثانيا من الجزء ألف"),
        ("zh", "甲节第二节第1段"),
    ],
)
def test_a_section_inside_a_part_given_the_whole_number_names_the_section_and_the_part(
    language: str, intro: str
) -> None:
    # given 70/247, not 70/247 A: "section A.II" named neither; the label of each level is
    # the language's own (ثانيا, ألف; 第二, 甲; Cyrillic А)
    from hrdialogue.documents.parse import parse_resolution
    from tests.documents.test_sections import NESTED

    resolution = parse_resolution(NESTED, language="en")
    note = state_note(
        language,
        resolution=resolution,
        resolution_number="70/247",
        resolution_date=None,
        resolution_title=None,
        mandate_anchor="A.II.OP1",
        mandate_text=None,
        mandate_language=None,
    )
    assert note.resolution_number == "70/247"
    quote_intro = _by_role(note, "quote-intro")[0]
    assert intro in quote_intro
    assert "A.II" not in quote_intro


def test_an_anchor_that_is_no_operative_paragraph_is_refused() -> None:
    with pytest.raises(NoteVerbaleError, match=r"II\.PP1.*only operative paragraphs"):
        state_note("en", mandate_anchor="II.PP1")
