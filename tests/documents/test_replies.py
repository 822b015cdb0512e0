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

from hrdialogue.documents.replies import EmptyReplyText, SplitReply, split_reply
from tests.corpus import strip_header


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


def test_corpus_texts_split_as_pdf_text_keep_their_spans(shared: Path) -> None:
    for path in sorted((shared / "corpus/un").glob("*.txt")):
        text = strip_header(path.read_text("utf-8"))
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
