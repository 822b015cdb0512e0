"""A label sequence that opens mid-sentence, with no punctuation before its first label
("…as follows (a) …; (b) …"), and the cross-references that look like one.

The first label of a sequence usually follows a colon at a line end; in text whose line breaks
were lost, or as drafted, it may follow a word. Such an opener counts only when the label after
it continues the sequence where a label stands (after end punctuation), and never after a
digit ("paragraph 2 (a)"). Fixtures are HAND-WRITTEN from `reference/un-documents.md` §1.2.
"""

from __future__ import annotations

import pytest

from tests.documents.subparagraph_checks import read_op1


def test_a_sequence_that_opens_after_a_word() -> None:
    paragraph = (
        "Requests the Secretary-General to report as follows (a) on the national level; "
        "(b) on the international level;"
    )
    assert read_op1("en", paragraph) == [
        ("OP1(a)", "(a)", "on the national level;"),
        ("OP1(b)", "(b)", "on the international level;"),
    ]


def test_a_second_degree_that_opens_after_a_word() -> None:
    paragraph = (
        "Requests the Secretary-General:\n(a) To report at the national level, including "
        "(i) on legislation; (ii) on policies;\n(b) To report at the international level;"
    )
    assert read_op1("en", paragraph) == [
        (
            "OP1(a)",
            "(a)",
            "To report at the national level, including (i) on legislation; (ii) on policies;",
        ),
        ("OP1(a)(i)", "(i)", "on legislation;"),
        ("OP1(a)(ii)", "(ii)", "on policies;"),
        ("OP1(b)", "(b)", "To report at the international level;"),
    ]


def test_a_french_and_a_russian_sequence_that_open_after_a_word() -> None:
    assert [
        a
        for a, _, _ in read_op1(
            "fr", "Prie le Secrétaire général a) de faire ceci ; b) de faire cela ;"
        )
    ] == ["OP1(a)", "OP1(b)"]
    assert [
        a
        for a, _, _ in read_op1(
            "ru", "просит Генерального секретаря а) сделать это; б) сделать то;"
        )
    ] == ["OP1(a)", "OP1(b)"]


def test_an_arabic_sequence_that_opens_after_a_word() -> None:
    paragraph = "تطلب إلى الأمين العام ما يلي (أ) أن يقدم تقريرا؛ (ب) أن يعزز التحقق؛"
    assert read_op1("ar", paragraph) == [
        ("OP1(a)", "(أ)", "أن يقدم تقريرا؛"),
        ("OP1(b)", "(ب)", "أن يعزز التحقق؛"),
    ]


@pytest.mark.parametrize(
    ("language", "paragraph"),
    [
        ("en", "Requests, in particular (a) a report; (b) a plan;"),
        ("ru", "просит, в частности а) доклад; б) план;"),
        ("ar", "تطلب في مجال مكافحة الفقر (أ) تقريرا؛ (ب) خطة؛"),
    ],
)
def test_words_that_hold_a_part_word_do_not_block_an_opener(language: str, paragraph: str) -> None:
    """ "particular" holds no part word, "частности" is no "часть", "الفقر" (poverty) is no
    "الفقرة" (paragraph)."""
    assert [a for a, _, _ in read_op1(language, paragraph)] == ["OP1(a)", "OP1(b)"]


def test_the_opener_is_the_last_candidate_before_the_sequence_goes_on() -> None:
    paragraph = (
        "Recalls subparagraph (a) of paragraph 5 and requests the following (a) a report; "
        "(b) a plan;"
    )
    subs = read_op1("en", paragraph)
    assert subs == [("OP1(a)", "(a)", "a report;"), ("OP1(b)", "(b)", "a plan;")]


# (language, operative paragraph 1, why): no subparagraph is read.
NOT_OPENERS = [
    ("en", "Requests a report on subparagraph (a) of paragraph 5 of resolution 60/251;", "one"),
    ("en", "Recalls paragraph 2 (a) and (b) of resolution 60/251;", "a pair of references"),
    (
        "en",
        "Requests a report under paragraph 3 (a); (b) is not a label without an (a);",
        "'(a)' after a digit is a reference, and '(b)' alone opens nothing",
    ),
    ("en", "Notes that items (a) and (b) remain open; (c) is a typo;", "'(c)' does not follow"),
    (
        "fr",
        "Prie de se conformer à l'alinéa a) du paragraphe 3 ; b) sans objet ;",
        "'a)' after 'alinéa' is a reference, though a 'b)' follows",
    ),
    (
        "en",
        "Decides that subparagraph (a) shall apply; (b) below does not;",
        "'(a)' after 'subparagraph' is a reference, though a '(b)' follows",
    ),
    (
        "ru",
        "просит выполнить подпункт а) пункта 3; б) не применяется;",
        "'а)' after 'подпункт' is a reference, though a 'б)' follows",
    ),
    (
        "en",
        "Notes the report (A/63/53) (a) and its annex; (b) the addendum;",
        "a label after a bracket, not a word, opens nothing",
    ),
    ("ru", "просит в соответствии с подпунктом a) пункта 3 резолюции 60/251;", "reference"),
    (
        "ar",
        "تطلب تنفيذ الفقرة (أ) من القرار؛ (ب) لا تنطبق؛",
        "'(أ)' after 'الفقرة' is a reference, though a '(ب)' follows",
    ),
    (
        "zh",
        "请秘书长按照第4段 (a) 的规定；(b) 不适用；",
        "'(a)' after '段' is a reference, though a '(b)' follows",
    ),
]


@pytest.mark.parametrize(("language", "paragraph", "why"), NOT_OPENERS)
def test_cross_references_open_no_sequence(language: str, paragraph: str, why: str) -> None:
    assert read_op1(language, paragraph) == [], why
