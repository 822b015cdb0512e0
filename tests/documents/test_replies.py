"""A focal point's reply is cut into anchored paragraphs, and its mentions of the
resolution's paragraphs are found, in the six languages.

Every reply text here is HAND-WRITTEN for these tests (fictional "Demo State" replies, in
the shapes replies take: headings, numbered and bulleted lists, PDF text wrapped at the
margin with page numbers); none is copied from a real reply. Expected paragraphs and
mentions are written by reading those texts. The real UN texts of the shared corpus are
used only for properties (spans, anchors) and for a phrase that must not be taken for a
mention ("Article 1, paragraph 3" of the Charter).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.replies import (
    EmptyReplyText,
    SplitReply,
    find_paragraph_mentions,
    split_reply,
)


def _strip_header(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def _summary(reply: SplitReply) -> list[tuple[str, str, str | None, str]]:
    return [(p.anchor, p.kind, p.label, p.text) for p in reply.paragraphs]


TYPED = {
    "en": (
        "Introduction\n\nDemo State A welcomes the consultation.\n"
        "1. Cooperation should respect national ownership.\n"
        "2. Technical assistance should be offered on request.\n",
        [
            ("R7.P1", "heading", None, "Introduction"),
            ("R7.P2", "paragraph", None, "Demo State A welcomes the consultation."),
            ("R7.P3", "list-item", "1.", "Cooperation should respect national ownership."),
            ("R7.P4", "list-item", "2.", "Technical assistance should be offered on request."),
        ],
    ),
    "fr": (
        "I. Introduction\nL'État de démonstration B salue la consultation.\n"
        "a) La coopération doit être volontaire ;\nb) L'assistance technique est utile.\n",
        [
            ("R7.P1", "heading", "I.", "Introduction"),
            ("R7.P2", "paragraph", None, "L'État de démonstration B salue la consultation."),
            ("R7.P3", "list-item", "a)", "La coopération doit être volontaire ;"),
            ("R7.P4", "list-item", "b)", "L'assistance technique est utile."),
        ],
    ),
    "es": (
        "Respuesta del Estado de demostración C\n"
        "El Gobierno acoge con beneplácito la consulta.\n"
        "• Primera propuesta del Gobierno.\n",
        [
            ("R7.P1", "heading", None, "Respuesta del Estado de demostración C"),
            ("R7.P2", "paragraph", None, "El Gobierno acoge con beneplácito la consulta."),
            ("R7.P3", "list-item", "•", "Primera propuesta del Gobierno."),
        ],
    ),
    "ru": (
        "Введение\r\nДемо-государство D приветствует консультации.\r\n"
        "1) Сотрудничество должно быть добровольным.\r\n",
        [
            ("R7.P1", "heading", None, "Введение"),
            ("R7.P2", "paragraph", None, "Демо-государство D приветствует консультации."),
            ("R7.P3", "list-item", "1)", "Сотрудничество должно быть добровольным."),
        ],
    ),
    "ar": (
        "مقدمة\nترحب الدولة التجريبية هاء بالمشاورات.\n1 - ينبغي أن يكون التعاون طوعيا.\n"
        "(أ) تقديم المساعدة التقنية عند الطلب.\n",
        [
            ("R7.P1", "heading", None, "مقدمة"),
            ("R7.P2", "paragraph", None, "ترحب الدولة التجريبية هاء بالمشاورات."),
            ("R7.P3", "list-item", "1 -", "ينبغي أن يكون التعاون طوعيا."),
            ("R7.P4", "list-item", "(أ)", "تقديم المساعدة التقنية عند الطلب."),
        ],
    ),
    "zh": (
        "一、导言\n演示国F欢迎此次协商。\n（一）合作应当是自愿的。\n",
        [
            ("R7.P1", "heading", "一、", "导言"),
            ("R7.P2", "paragraph", None, "演示国F欢迎此次协商。"),
            ("R7.P3", "list-item", "（一）", "合作应当是自愿的。"),
        ],
    ),
}


@pytest.mark.parametrize("language", list(TYPED))
def test_typed_reply_has_one_paragraph_a_line(language: str) -> None:
    text, expected = TYPED[language]
    reply = split_reply(text, reply_number=7)
    assert _summary(reply) == expected
    for paragraph in reply.paragraphs:
        start, end = paragraph.span
        assert text[start:end].endswith(paragraph.text)
        assert not text[start:end].startswith((" ", "\n"))


PDF_TEXT = (
    "Demo State A\n"
    "I. Introduction\n"
    "The Government of Demo State A welcomes the opportunity to reply to the note verbale of\n"
    "the Secretariat and shares the following views on international cooperation in the field\n"
    "of human rights, as requested.\n"
    "It considers that dialogue must remain the basis of all cooperation between States and\n"
    "the mechanisms.\n"
    "- 2 -\n"
    "Demo State A\n"
    "1. Capacity-building should be offered at the request of the State concerned and in\n"
    "consultation with it.\n"
    "Page 3 of 4\n"
    "Demo State A\n"
    "II. Conclusions\n"
    "Demo State A remains committed.\n"
)


def test_pdf_reply_joins_wrapped_lines_and_drops_page_artefacts() -> None:
    reply = split_reply(PDF_TEXT, reply_number=12, source="pdf")
    assert _summary(reply) == [
        ("R12.P1", "heading", "I.", "Introduction"),
        (
            "R12.P2",
            "paragraph",
            None,
            "The Government of Demo State A welcomes the opportunity to reply to the note "
            "verbale of the Secretariat and shares the following views on international "
            "cooperation in the field of human rights, as requested.",
        ),
        (
            "R12.P3",
            "paragraph",
            None,
            "It considers that dialogue must remain the basis of all cooperation between "
            "States and the mechanisms.",
        ),
        (
            "R12.P4",
            "list-item",
            "1.",
            "Capacity-building should be offered at the request of the State concerned and "
            "in consultation with it.",
        ),
        ("R12.P5", "heading", "II.", "Conclusions"),
        ("R12.P6", "paragraph", None, "Demo State A remains committed."),
    ]
    dropped = [PDF_TEXT[s:e] for s, e in reply.dropped]
    assert dropped == ["Demo State A", "- 2 -", "Demo State A", "Page 3 of 4", "Demo State A"]
    second = reply.paragraphs[1]
    assert PDF_TEXT[second.span[0] : second.span[1]].startswith("The Government")
    assert PDF_TEXT[second.span[0] : second.span[1]].endswith("as requested.")


@pytest.mark.parametrize(
    "artefact",
    ["12", "3/7", "Страница 2 из 5", "Página 4 de 9", "الصفحة 3 من 5", "第 3 页，共 5 页"],
)
def test_page_numbers_in_every_language_are_dropped_from_pdf_text(artefact: str) -> None:
    text = f"Demo State A replies.\n{artefact}\nIt has nothing to add."
    reply = split_reply(text, reply_number=1, source="pdf")
    assert [p.text for p in reply.paragraphs] == ["Demo State A replies.", "It has nothing to add."]
    # Typed text keeps every line: a line "12" may be what the focal point wrote.
    assert len(split_reply(text, reply_number=1).paragraphs) == 3


@pytest.mark.parametrize("source", ["pdf", "docx"])
def test_file_whose_text_is_empty_is_flagged_for_review(source: str) -> None:
    with pytest.raises(EmptyReplyText) as caught:
        split_reply(" \n\f\n 3 \n" if source == "pdf" else "\n\n", reply_number=5, source=source)  # type: ignore[arg-type]
    assert caught.value.needs_review
    assert caught.value.reply_number == 5
    assert str(caught.value).startswith(
        f"reply R5: the text extracted from the {source.upper()} file is empty"
    )
    assert "flag it for review, it is not an empty reply" in str(caught.value)


def test_typed_reply_that_is_empty_says_so() -> None:
    with pytest.raises(EmptyReplyText, match=r"^reply R3: the text is empty$") as caught:
        split_reply("   \n\t\n", reply_number=3)
    assert not caught.value.needs_review


def test_reply_number_must_be_positive() -> None:
    with pytest.raises(ValueError, match="reply_number 0"):
        split_reply("Text.", reply_number=0)


MENTIONS = {
    "en": (
        "We support operative paragraph 10 and OP8(a), recall the ninth preambular paragraph "
        "and note that paragraph 3 of the resolution and PP 2 matter.",
        [
            ("operative paragraph 10", "OP10"),
            ("OP8(a)", "OP8(a)"),
            ("the ninth preambular paragraph", "PP9"),
            ("paragraph 3 of the resolution", "OP3"),
            ("PP 2", "PP2"),
        ],
    ),
    "fr": (
        "Nous appuyons le paragraphe 10 du dispositif, le paragraphe 8 a) de la résolution et "
        "le neuvième alinéa du préambule ; voir aussi l'alinéa 4 du préambule.",
        [
            ("paragraphe 10 du dispositif", "OP10"),
            ("paragraphe 8 a) de la résolution", "OP8(a)"),
            ("le neuvième alinéa du préambule", "PP9"),
            ("alinéa 4 du préambule", "PP4"),
        ],
    ),
    "es": (
        "Apoyamos el párrafo 10 de la parte dispositiva y el noveno párrafo del preámbulo, así "
        "como el párrafo 2 de la resolución.",
        [
            ("párrafo 10 de la parte dispositiva", "OP10"),
            ("el noveno párrafo del preámbulo", "PP9"),
            ("párrafo 2 de la resolución", "OP2"),
        ],
    ),
    "ru": (
        "Мы поддерживаем пункт 10 постановляющей части, а также девятый пункт преамбулы; "
        "в пункте 8 (a) резолюции и в третьем пункте преамбулы сказано иное.",
        [
            ("пункт 10 постановляющей части", "OP10"),
            ("девятый пункт преамбулы", "PP9"),
            ("пункте 8 (a) резолюции", "OP8(a)"),
            ("третьем пункте преамбулы", "PP3"),
        ],
    ),
    "ar": (
        "نؤيد الفقرة 10 من المنطوق والفقرة التاسعة من الديباجة، وكذلك الفقرة ٤ من القرار.",
        [
            ("الفقرة 10 من المنطوق", "OP10"),
            ("الفقرة التاسعة من الديباجة", "PP9"),
            ("الفقرة ٤ من القرار", "OP4"),
        ],
    ),
    "zh": (
        "我们支持执行部分第10段和序言部分第九段，并注意到决议第十二段和执行部分第８段。",
        [
            ("执行部分第10段", "OP10"),
            ("序言部分第九段", "PP9"),
            ("决议第十二段", "OP12"),
            ("执行部分第８段", "OP8"),
        ],
    ),
}


@pytest.mark.parametrize("language", list(MENTIONS))
def test_mentions_of_the_resolutions_paragraphs(language: str) -> None:
    text, expected = MENTIONS[language]
    found = find_paragraph_mentions(text, language)
    assert [(text[s:e], anchor) for s, e, anchor in found] == expected


# Paragraphs of a sectioned resolution (sections I, II; parts A, B), as replies name them
# (hand-written): the anchors are the reader's, `II.OP2`, the same in the six languages.
SECTION_MENTIONS = {
    "en": (
        "We support paragraph 2 of section II and II.OP1(b), and operative paragraph 3 (a) of"
        " part B.",
        [
            ("paragraph 2 of section II", "II.OP2"),
            ("II.OP1(b)", "II.OP1(b)"),
            ("operative paragraph 3 (a) of part B", "B.OP3(a)"),
        ],
    ),
    "fr": (
        "Nous appuyons le paragraphe 2 de la section II et le paragraphe 1 a) de la partie B.",
        [
            ("paragraphe 2 de la section II", "II.OP2"),
            ("paragraphe 1 a) de la partie B", "B.OP1(a)"),
        ],
    ),
    "es": (
        "Apoyamos el párrafo 2 de la sección II y el párrafo 4 de la parte A.",
        [("párrafo 2 de la sección II", "II.OP2"), ("párrafo 4 de la parte A", "A.OP4")],
    ),
    "ru": (
        "Мы поддерживаем пункт 2 раздела II и пункт 1 части Б.",  # Б: the second part
        [("пункт 2 раздела II", "II.OP2"), ("пункт 1 части Б", "B.OP1")],
    ),
    "ar": (
        "نؤيد الفقرة 2 من الجزء ثانيا والفقرة 1 من الجزء باء.",
        [("الفقرة 2 من الجزء ثانيا", "II.OP2"), ("الفقرة 1 من الجزء باء", "B.OP1")],
    ),
    "zh": (
        "我们支持第二节第2段和乙节第1段。",
        [("第二节第2段", "II.OP2"), ("乙节第1段", "B.OP1")],
    ),
}


@pytest.mark.parametrize("language", list(SECTION_MENTIONS))
def test_mentions_of_paragraphs_of_a_section(language: str) -> None:
    text, expected = SECTION_MENTIONS[language]
    found = find_paragraph_mentions(text, language)
    assert [(text[s:e], anchor) for s, e, anchor in found] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "See paragraph 2 of section II of resolution 60/251 and paragraph 4 of section IIa.",
        ),
        ("fr", "Voir le paragraphe 2 de la section II de la résolution 60/251."),
        ("ru", "См. пункт 2 раздела II резолюции 60/251."),
        ("ar", "انظر الفقرة 2 من الجزء ثانيا من القرار 60/251."),
    ],
)
def test_a_section_of_another_resolution_is_not_a_mention(language: str, text: str) -> None:
    assert find_paragraph_mentions(text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "As set out in Article 1, paragraph 3, of the Charter and in paragraph 12 above."),
        ("fr", "Voir le paragraphe 12 ci-dessus."),
        ("ru", "См. пункт 12 выше."),
        ("zh", "见上文第12段。"),
    ],
)
def test_paragraphs_of_other_texts_are_not_mentions(language: str, text: str) -> None:
    assert find_paragraph_mentions(text, language) == []


def test_mentions_in_a_language_that_is_not_one_of_the_six() -> None:
    with pytest.raises(KeyError, match="'de' is not an official UN language"):
        find_paragraph_mentions("Absatz 10", "de")


def test_corpus_resolution_has_no_mention_of_itself(shared: Path) -> None:
    """Resolutions cite "Article 1, paragraph 3" of the Charter: not a paragraph of theirs."""
    text = _strip_header((shared / "corpus/un/A_HRC_RES_19_33.en.txt").read_text("utf-8"))
    assert "Article 1, paragraph 3" in text
    assert find_paragraph_mentions(text, "en") == []


def test_corpus_texts_split_as_pdf_text_keep_their_spans(shared: Path) -> None:
    for path in sorted((shared / "corpus/un").glob("*.txt")):
        text = _strip_header(path.read_text("utf-8"))
        reply = split_reply(text, reply_number=1, source="pdf")
        previous_end = 0
        for number, paragraph in enumerate(reply.paragraphs, 1):
            start, end = paragraph.span
            assert paragraph.anchor == f"R1.P{number}", path.name
            assert previous_end <= start < end <= len(text), path.name
            assert text[start:end].strip() == text[start:end], path.name
            previous_end = end


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab .:1-\n\r\f•(一)、。，ЖجZ")), max_size=300),
    source=st.sampled_from(["typed", "docx", "pdf"]),
)
def test_any_text_gives_ordered_spans_or_says_it_is_empty(text: str, source: str) -> None:
    if not text.strip():
        with pytest.raises(EmptyReplyText) as caught:
            split_reply(text, reply_number=4, source=source)  # type: ignore[arg-type]
        assert caught.value.needs_review == (source != "typed")
        return
    try:
        reply = split_reply(text, reply_number=4, source=source)  # type: ignore[arg-type]
    except EmptyReplyText:
        # Only PDF text can lose everything, to page-artefact rules ("1", "- 1 -").
        assert source == "pdf"
        return
    previous_end = 0
    for number, paragraph in enumerate(reply.paragraphs, 1):
        start, end = paragraph.span
        assert paragraph.anchor == f"R4.P{number}"
        assert previous_end <= start < end <= len(text)
        assert paragraph.text or paragraph.label
        previous_end = end


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=200),
    language=st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]),
)
def test_mentions_never_overlap_and_stay_in_the_text(text: str, language: str) -> None:
    found = find_paragraph_mentions(text, language)
    previous_end = 0
    for start, end, anchor in found:
        assert previous_end <= start < end <= len(text)
        assert anchor.startswith(("OP", "PP"))
        previous_end = end
