"""Subparagraph labels in Cyrillic, Arabic and Chinese text, and the anchors they get: the same
structure gives the same anchors in every language.

`reference/un-documents.md` §1.2: a Russian UN text prints Latin labels `a)`, `i)`; Arabic
prints `(أ) (ب) (ج)` for the first degree and numerals between back-ticks (`` `1` ``) for the
second; Chinese prints `(a)`/`（a）` and `(一)`/`㈠`. The reader also takes what PDF extraction
and other drafting habits give: Cyrillic look-alikes in Latin labels ("а)", "іі)"), the Russian
alphabetical numbering "а) б) в)", "(1)" and "(١)" under Arabic letters, Chinese labels with no
space after them.

Every fixture here is HAND-WRITTEN from those rules (no text copied from a UN document); the
expected anchors, labels and texts are read off the fixtures.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.parse import parse_resolution
from tests.documents.subparagraph_checks import CLOSES, HEADS, all_subs, check_spans

# --- one structure in four languages --------------------------------------------------------

# OP1 has three first-degree items; the first has two second-degree items, the third one.
ANCHORS = ["OP1(a)", "OP1(a)(i)", "OP1(a)(ii)", "OP1(b)", "OP1(c)", "OP1(c)(i)"]

EN = """\
The General Assembly,

Recalling its previous resolutions on the question,

1. Requests the Secretary-General:
(a) At the national level:
(i) Legislation;
(ii) Policies and plans;
(b) At the regional level;
(c) At the international level, including:
(i) Technical assistance;

2. Decides to continue its consideration of the question.
"""

# Russian, in the Russian alphabetical numbering: first degree а) б) в) (Cyrillic), second
# degree Latin i) ii).
RU_ALPHABET = """\
Генеральная Ассамблея,

ссылаясь на свои предыдущие резолюции по этому вопросу,

1. просит Генерального секретаря:
а) на национальном уровне:
i) законодательство;
ii) политика и планы;
б) на региональном уровне;
в) на международном уровне, включая:
i) техническую помощь;

2. постановляет продолжить рассмотрение этого вопроса.
"""

# Russian with Latin labels as a PDF gives them: "а)", "с)" and "і)", "іі)" are Cyrillic
# look-alikes (U+0430, U+0441, U+0456), "b)" is Latin.
RU_LOOK_ALIKES = """\
Генеральная Ассамблея,

ссылаясь на свои предыдущие резолюции по этому вопросу,

1. просит Генерального секретаря:
\u0430) на национальном уровне:
\u0456) законодательство;
\u0456\u0456) политика и планы;
b) на региональном уровне;
\u0441) на международном уровне, включая:
\u0456) техническую помощь;

2. постановляет продолжить рассмотрение этого вопроса.
"""

AR_TEMPLATE = """\
إن الجمعية العامة،

إذ تشير إلى قراراتها السابقة بشأن هذه المسألة،

1 - تطلب إلى الأمين العام ما يلي:
(أ) على الصعيد الوطني:
{one} التشريعات؛
{two} السياسات والخطط؛
(ب) على الصعيد الإقليمي؛
(ج) على الصعيد الدولي، بما في ذلك:
{one} المساعدة التقنية؛

2 - تقرر مواصلة النظر في هذه المسألة.
"""
# The second degree as the reference gives it (back-ticks), as single quotes either way round
# (how right-to-left text comes out of a PDF), and in brackets with ASCII or Arabic-Indic digits.
AR_SECOND_DEGREE = {
    "back-ticks": ("`1`", "`2`"),
    "quotes": ("\u20191\u2018", "\u20192\u2018"),
    "quotes reversed": ("\u20181\u2019", "\u20182\u2019"),
    "brackets": ("(1)", "(2)"),
    "Arabic-Indic": ("(\u0661)", "(\u0662)"),
}

ZH = """\
大会,

回顾其以往关于这个问题的各项决议,

1. 请秘书长：
(a) 在国家一级：
(一) 立法；
(二) 政策和计划；
(b) 在区域一级；
(c) 在国际一级，包括：
(一) 技术援助；

2. 决定继续审议这个问题。
"""
ZH_FORMS = {
    "half-width": ZH,
    "full-width": ZH.replace("(", "（").replace(")", "）"),
    "enclosed": ZH.replace("(一)", "㈠").replace("(二)", "㈡"),
    # Full-width brackets, as Chinese typesetting prints them, with no space after.
    "no space after labels": ZH.replace("(", "（").replace(") ", "）"),
}

SOURCES: dict[str, tuple[str, str]] = {
    "en": (EN, "en"),
    "ru alphabet": (RU_ALPHABET, "ru"),
    "ru look-alikes": (RU_LOOK_ALIKES, "ru"),
    **{
        f"ar {k}": (AR_TEMPLATE.format(one=a, two=b), "ar")
        for k, (a, b) in AR_SECOND_DEGREE.items()
    },
    **{f"zh {k}": (v, "zh") for k, v in ZH_FORMS.items()},
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_one_structure_gives_the_same_anchors_in_every_language(name: str) -> None:
    source, language = SOURCES[name]
    english = [s.anchor for s in all_subs(parse_resolution(EN, language="en").operative[0])]
    assert english == ANCHORS
    resolution = parse_resolution(source, language=language)
    op1, op2 = resolution.operative
    assert [s.anchor for s in all_subs(op1)] == english
    assert op2.subparagraphs == ()
    check_spans(source, op1, same_text=False)


def test_russian_alphabetical_labels_are_read_by_position() -> None:
    resolution = parse_resolution(RU_ALPHABET, language="ru")
    subs = all_subs(resolution.operative[0])
    assert [(s.anchor, s.label) for s in subs] == [
        ("OP1(a)", "а)"),
        ("OP1(a)(i)", "i)"),
        ("OP1(a)(ii)", "ii)"),
        ("OP1(b)", "б)"),
        ("OP1(c)", "в)"),
        ("OP1(c)(i)", "i)"),
    ]
    assert resolution.paragraph("OP1(a)(ii)").text == "политика и планы;"
    assert resolution.paragraph("OP1(b)").text == "на региональном уровне;"
    assert resolution.paragraph("OP1(c)(i)").text == "техническую помощь;"


def test_cyrillic_look_alikes_in_latin_labels_read_as_the_latin_label() -> None:
    resolution = parse_resolution(RU_LOOK_ALIKES, language="ru")
    subs = all_subs(resolution.operative[0])
    # The label is kept as printed (Cyrillic), the anchor is the Latin one.
    assert [(s.anchor, s.label) for s in subs] == [
        ("OP1(a)", "\u0430)"),
        ("OP1(a)(i)", "\u0456)"),
        ("OP1(a)(ii)", "\u0456\u0456)"),
        ("OP1(b)", "b)"),
        ("OP1(c)", "\u0441)"),
        ("OP1(c)(i)", "\u0456)"),
    ]
    assert resolution.paragraph("OP1(a)(i)").text == "законодательство;"


def test_the_russian_alphabet_runs_past_the_look_alikes() -> None:
    """ "е)" is the sixth letter of the Russian alphabet (`(f)`), not the Latin "e"; "ж)", "з)",
    "и)" follow (`(g)`, `(h)`, `(i)`: a first-degree "и)", not a Roman numeral)."""
    letters = "абвгдежзи"
    items = "\n".join(f"{c}) пункт {k};" for k, c in enumerate(letters, 1))
    source = (
        "Генеральная Ассамблея,\n\nссылаясь на свои резолюции,\n\n"
        f"1. просит Генерального секретаря:\n{items}\n\n2. постановляет продолжить.\n"
    )
    resolution = parse_resolution(source, language="ru")
    subs = all_subs(resolution.operative[0])
    assert [s.anchor for s in subs] == [f"OP1({c})" for c in "abcdefghi"]
    assert (subs[5].label, subs[5].text) == ("е)", "пункт 6;")


@pytest.mark.parametrize("form", sorted(AR_SECOND_DEGREE))
def test_arabic_second_degree_in_each_form(form: str) -> None:
    one, two = AR_SECOND_DEGREE[form]
    source = AR_TEMPLATE.format(one=one, two=two)
    resolution = parse_resolution(source, language="ar")
    subs = all_subs(resolution.operative[0])
    assert [(s.anchor, s.label) for s in subs] == [
        ("OP1(a)", "(أ)"),
        ("OP1(a)(i)", one),
        ("OP1(a)(ii)", two),
        ("OP1(b)", "(ب)"),
        ("OP1(c)", "(ج)"),
        ("OP1(c)(i)", one),
    ]
    assert resolution.paragraph("OP1(a)(i)").text == "التشريعات؛"
    assert resolution.paragraph("OP1(a)(ii)").text == "السياسات والخطط؛"
    assert resolution.paragraph("OP1(c)(i)").text == "المساعدة التقنية؛"


@pytest.mark.parametrize("form", sorted(ZH_FORMS))
def test_chinese_second_degree_in_each_form(form: str) -> None:
    source = ZH_FORMS[form]
    resolution = parse_resolution(source, language="zh")
    subs = all_subs(resolution.operative[0])
    assert [s.anchor for s in subs] == ANCHORS
    # The clean text is NFKC: "；" reads ";".
    assert resolution.paragraph("OP1(a)(i)").text == "立法;"
    assert resolution.paragraph("OP1(a)(ii)").text == "政策和计划;"
    assert resolution.paragraph("OP1(b)").text == "在区域一级;"
    assert resolution.paragraph("OP1(c)(i)").text == "技术援助;"


def test_chinese_numerals_run_past_ten() -> None:
    numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    items = "\n".join(f"({n}) 项目{k}；" for k, n in enumerate(numerals, 1))
    source = f"{HEADS['zh']}请秘书长：\n(a) 报告下列事项：\n{items}{CLOSES['zh']}"
    resolution = parse_resolution(source, language="zh")
    subs = all_subs(resolution.operative[0])
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    assert [s.anchor for s in subs] == ["OP1(a)", *(f"OP1(a)({r})" for r in romans)]
    assert (subs[-1].label, subs[-1].text) == ("(十二)", "项目12;")


def test_half_width_chinese_labels_with_no_space_after() -> None:
    """'(a)在' three times is a list of subparagraphs, not three segments of an aligned
    bitext (a Latin word run straight into Chinese)."""
    source = ZH.replace(") ", ")")
    resolution = parse_resolution(source, language="zh")
    assert [s.anchor for s in all_subs(resolution.operative[0])] == ANCHORS


# --- look-alikes that are not labels -----------------------------------------------------------


# (language, operative paragraph 1, the anchors of its subparagraphs, why)
NOT_LABELS = [
    (
        "ru",
        "просит Генерального секретаря представить доклад; в) не начинает перечень;",
        [],
        "a Cyrillic 'в)' that starts no sequence is not a label",
    ),
    (
        "ru",
        "просит:\na) во-первых;\nb) во-вторых;\nв) в-третьих;",
        ["OP1(a)", "OP1(b)"],
        "'в)' after Latin 'a) b)' is no third item ('в' does not look like 'c')",
    ),
    (
        "ru",
        "просит:\nа) во-первых;\nб) во-вторых;\nс) в-третьих;",
        ["OP1(a)", "OP1(b)"],
        "'с)' after Cyrillic 'а) б)' is no third item (the alphabet has 'в' there)",
    ),
    (
        "ru",
        "просит:\nа) во-первых;\nб) в соответствии с пунктом 5 в) резолюции 60/251;",
        ["OP1(a)", "OP1(b)"],
        "'в)' after a paragraph number in running text is a cross-reference",
    ),
    (
        "ar",
        "تطلب إلى الأمين العام ما يلي:\n(أ) أن يعزز التحقق في مجال نزع السلاح(1)؛\n"
        "(ب) أن يقدم تقريرا؛",
        ["OP1(a)", "OP1(b)"],
        "a footnote marker '(1)' right after a word is not a label",
    ),
    (
        "ar",
        "تطلب إلى الأمين العام ما يلي؛ (1) أن يعزز التحقق؛ (2) أن يقدم تقريرا؛",
        [],
        "'(1)' with no Arabic letter label before it numbers nothing",
    ),
    (
        "ar",
        "تطلب إلى الأمين العام ما يلي:\n(أ) أن يقدم تقريرا عملا بالقرار 52/31 (1)؛\n"
        "(ب) أن يعزز التحقق؛",
        ["OP1(a)", "OP1(b)"],
        "'(1)' after a resolution number is a citation",
    ),
    (
        "ar",
        "تطلب إلى الأمين العام ما يلي:\n(أ) ما يلي: (2) أن يعزز التحقق؛\n(ب) أن يقدم تقريرا؛",
        ["OP1(a)", "OP1(b)"],
        "'(2)' does not open a sequence",
    ),
    (
        "ar",
        "تطلب إلى الأمين العام ما يلي:\n(أ) ما يلي: '1' أن يعزز التحقق؛\n(ب) أن يقدم تقريرا؛",
        ["OP1(a)", "OP1(b)"],
        "straight quotes around a digit are a quotation, not a label",
    ),
    (
        "en",
        "Requests the Secretary-General:\n(a) To report on:\n(1) one thing;\n(2) another;\n"
        "(b) To act;",
        ["OP1(a)", "OP1(b)"],
        "digits number the second degree under Arabic letters only",
    ),
    (
        "zh",
        "请秘书长：\n(a) 提交题为“（一）人权与发展”的报告；\n(b) 采取行动；",
        ["OP1(a)", "OP1(b)"],
        "a '（一）' that opens a quoted title is not a label",
    ),
    (
        "zh",
        "请秘书长：\n(a) 执行第4段(一)所述措施；\n(b) 采取行动；",
        ["OP1(a)", "OP1(b)"],
        "a '(一)' right after a paragraph number is a cross-reference",
    ),
    (
        "zh",
        "请秘书长执行下列措施；（一）立法；（二）政策；",
        [],
        "'（一）' with no first-degree label before it is not read",
    ),
]


@pytest.mark.parametrize(
    ("language", "paragraph", "anchors", "why"),
    NOT_LABELS,
    ids=[why for *_, why in NOT_LABELS],
)
def test_look_alikes_are_not_labels(
    language: str, paragraph: str, anchors: list[str], why: str
) -> None:
    source = HEADS[language] + paragraph + CLOSES[language]
    resolution = parse_resolution(source, language=language)
    op1 = resolution.operative[0]
    assert [s.anchor for s in all_subs(op1)] == anchors, why
    check_spans(source, op1, same_text=False)


# --- any mixture ----------------------------------------------------------------------------

_TOKENS = ["а)", "б)", "в)", "a)", "b)", "с)", "c)", "i)", "і)", "іі)", "ii)", "е)", "e)"]
_TOKENS += ["(أ)", "(ب)", "`1`", "`2`", "(1)", "(2)", "(١)", "’1‘", "(a)", "（b）", "(一)", "㈡"]
_TOKENS += ["слово", "في", "立法", "a.", "i.", ";", ":", "؛", "；", "，", "\n", " "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=50), st.sampled_from(["ru", "ar", "zh"]))
def test_any_mixture_of_scripts_gives_unique_anchors_and_nested_spans(
    tokens: list[str], language: str
) -> None:
    source = HEADS[language] + "просит: " + " ".join(tokens) + CLOSES[language]
    resolution = parse_resolution(source, language=language)
    for op in resolution.operative:
        anchors = [s.anchor for s in all_subs(op)]
        assert len(anchors) == len(set(anchors))
        for sub in all_subs(op):
            assert sub.anchor.startswith(op.anchor + "(")
            for child in sub.subparagraphs:
                assert child.anchor.startswith(sub.anchor)
                assert sub.span[0] <= child.span[0] <= child.span[1] <= sub.span[1]
        check_spans(source, op, same_text=False)
