"""A sequence that opens after a word and whose first item holds its own second degree
("…as follows (a) x, including (i) y; (ii) z; (b) w"): the label after the opener is a
second-degree one, so the first degree goes on only after it.

`reference/un-documents.md` §1.2 gives the degrees (`(a)`, `(i)`; French and Spanish `a)`,
`i)`; Russian `a)` or the alphabet `а) б)`; Arabic `(أ)` and `` `1` ``; Chinese `(a)` and
`(一)`). Every fixture here is HAND-WRITTEN from those rules; the expected anchors, labels and
texts are read off the fixtures (Chinese texts as the clean text gives them: "；" reads ";").
"""

from __future__ import annotations

import pytest

from tests.documents.subparagraph_checks import read_op1

# (name, language, operative paragraph 1, its subparagraphs: anchor, label, text)
NESTED = [
    (
        "second degree after a word",
        "en",
        "Requests the Secretary-General to report as follows (a) on the national level, "
        "including (i) on legislation; (ii) on policies; (b) on the international level;",
        [
            (
                "OP1(a)",
                "(a)",
                "on the national level, including (i) on legislation; (ii) on policies;",
            ),
            ("OP1(a)(i)", "(i)", "on legislation;"),
            ("OP1(a)(ii)", "(ii)", "on policies;"),
            ("OP1(b)", "(b)", "on the international level;"),
        ],
    ),
    (
        "second degree after a colon",
        "en",
        "Requests the Secretary-General to report as follows (a) at the national level: "
        "(i) on legislation; (ii) on policies; (iii) on plans; (b) at the regional level; "
        "(c) at the international level;",
        [
            (
                "OP1(a)",
                "(a)",
                "at the national level: (i) on legislation; (ii) on policies; (iii) on plans;",
            ),
            ("OP1(a)(i)", "(i)", "on legislation;"),
            ("OP1(a)(ii)", "(ii)", "on policies;"),
            ("OP1(a)(iii)", "(iii)", "on plans;"),
            ("OP1(b)", "(b)", "at the regional level;"),
            ("OP1(c)", "(c)", "at the international level;"),
        ],
    ),
    (
        "both items hold a second degree",
        "en",
        "Requests a report as follows (a) on the national level, including (i) on laws; "
        "(ii) on policies; (b) on the international level, including (i) on cooperation; "
        "(ii) on assistance;",
        [
            ("OP1(a)", "(a)", "on the national level, including (i) on laws; (ii) on policies;"),
            ("OP1(a)(i)", "(i)", "on laws;"),
            ("OP1(a)(ii)", "(ii)", "on policies;"),
            (
                "OP1(b)",
                "(b)",
                "on the international level, including (i) on cooperation; (ii) on assistance;",
            ),
            ("OP1(b)(i)", "(i)", "on cooperation;"),
            ("OP1(b)(ii)", "(ii)", "on assistance;"),
        ],
    ),
    (
        "French",
        "fr",
        "Prie le Secrétaire général de faire rapport comme suit a) au niveau national, "
        "notamment i) sur la législation ; ii) sur les politiques ; b) au niveau international ;",
        [
            (
                "OP1(a)",
                "a)",
                "au niveau national, notamment i) sur la législation ; ii) sur les politiques ;",
            ),
            ("OP1(a)(i)", "i)", "sur la législation ;"),
            ("OP1(a)(ii)", "ii)", "sur les politiques ;"),
            ("OP1(b)", "b)", "au niveau international ;"),
        ],
    ),
    (
        "Spanish",
        "es",
        "Pide al Secretario General que informe de la manera siguiente a) en el plano "
        "nacional, incluidos i) la legislación; ii) las políticas; b) en el plano internacional;",
        [
            (
                "OP1(a)",
                "a)",
                "en el plano nacional, incluidos i) la legislación; ii) las políticas;",
            ),
            ("OP1(a)(i)", "i)", "la legislación;"),
            ("OP1(a)(ii)", "ii)", "las políticas;"),
            ("OP1(b)", "b)", "en el plano internacional;"),
        ],
    ),
    (
        "Russian alphabet",
        "ru",
        "просит Генерального секретаря представить доклад а) на национальном уровне, включая "
        "i) законодательство; ii) политику; б) на международном уровне;",
        [
            ("OP1(a)", "а)", "на национальном уровне, включая i) законодательство; ii) политику;"),
            ("OP1(a)(i)", "i)", "законодательство;"),
            ("OP1(a)(ii)", "ii)", "политику;"),
            ("OP1(b)", "б)", "на международном уровне;"),
        ],
    ),
    (
        "Arabic",
        "ar",
        "تطلب إلى الأمين العام أن يقدم تقريرا على النحو التالي (أ) على الصعيد الوطني، بما في ذلك "
        "`1` التشريعات؛ `2` السياسات؛ (ب) على الصعيد الدولي؛",
        [
            ("OP1(a)", "(أ)", "على الصعيد الوطني، بما في ذلك `1` التشريعات؛ `2` السياسات؛"),
            ("OP1(a)(i)", "`1`", "التشريعات؛"),
            ("OP1(a)(ii)", "`2`", "السياسات؛"),
            ("OP1(b)", "(ب)", "على الصعيد الدولي؛"),
        ],
    ),
    (
        "Chinese",
        "zh",
        "请秘书长报告 (a) 国家一级，包括 (一) 立法；(二) 政策；(b) 国际一级；",
        [
            ("OP1(a)", "(a)", "国家一级,包括 (一) 立法;(二) 政策;"),
            ("OP1(a)(i)", "(一)", "立法;"),
            ("OP1(a)(ii)", "(二)", "政策;"),
            ("OP1(b)", "(b)", "国际一级;"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("language", "paragraph", "expected"),
    [row[1:] for row in NESTED],
    ids=[row[0] for row in NESTED],
)
def test_an_opener_whose_first_item_holds_a_second_degree(
    language: str, paragraph: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read_op1(language, paragraph) == expected


# (operative paragraph 1, its anchors, why): English, as the rule is the same in every language.
NOT_NESTED = [
    (
        "Requests the Secretary-General to report as follows (a) on the national level, "
        "including (i) on legislation; (ii) on policies;",
        [],
        "no '(b)' follows: a first degree of one item is no sequence",
    ),
    (
        "Requests a report as follows (a) on the measures under paragraph (i) of the plan; "
        "(ii) on policies; (b) on plans;",
        [],
        "'(i)' after 'paragraph' is a cross-reference, so '(ii)' continues nothing",
    ),
    (
        "Requests a report as follows (a) on the national level, including (i) on laws; "
        "(iii) on plans; (b) on the international level;",
        [],
        "'(iii)' does not follow '(i)': the second degree breaks before '(b)'",
    ),
    (
        "Requests a report as follows (a) on the national level; (ii) on policies; (b) on plans;",
        [],
        "a second degree that starts at '(ii)' is none",
    ),
    (
        "Decides that subparagraph (a) and in particular (i) its first clause; (ii) its "
        "second clause; (b) shall apply;",
        [],
        "'(a)' after 'subparagraph' is a cross-reference, though a second degree and a '(b)' "
        "follow",
    ),
    (
        "Recalls paragraph 2 (a), including (i) its first clause; (ii) its second clause; "
        "(b) remains;",
        [],
        "'(a)' after a paragraph number is a cross-reference",
    ),
    (
        "Requests a report as follows (a) on laws: (i) civil; (ii) penal, and a plan as "
        "follows (a) on training; (b) on funding;",
        ["OP1(a)", "OP1(b)"],
        "the later opener is the one: '(b)' continues the second '(a)', not the first",
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "anchors", "why"), NOT_NESTED, ids=[why for *_, why in NOT_NESTED]
)
def test_what_looks_like_a_nested_opener_and_is_not(
    paragraph: str, anchors: list[str], why: str
) -> None:
    assert [anchor for anchor, _, _ in read_op1("en", paragraph)] == anchors, why


def test_the_later_opener_keeps_its_own_text() -> None:
    paragraph = NOT_NESTED[-1][0]
    assert read_op1("en", paragraph) == [
        ("OP1(a)", "(a)", "on training;"),
        ("OP1(b)", "(b)", "on funding;"),
    ]
