"""A Chinese label sequence that opens after a word with no space before its first label
("请秘书长如下(a)…；(b)…"), and the Chinese cross-references that look like one.

Chinese sets no space between words, so a label opens a sequence straight after an ideograph
(and full-width "（a）" reads "(a)": the clean text is NFKC). Chinese names a part of a text
around its number or label: "第4段" (paragraph 4), "(a)分段" (subparagraph (a)), "第3条(a)款",
"第5项", "第二节", "第一章", "第三部分", "附件": a label after one of these, or right after
"第", or followed by "段" or "分段", is a cross-reference. Every fixture is HAND-WRITTEN from
`reference/un-documents.md` §1.2 (Chinese `(a)`/`（a）`, `(一)`; locators `第二章`, `A节`,
`附件`, §4.1); the expected values are read off them as the clean text gives them ("；" reads
";").
"""

from __future__ import annotations

import pytest

from tests.documents.subparagraph_checks import read_op1

# (name, operative paragraph 1, its subparagraphs: anchor, label, text)
OPENERS = [
    (
        "half-width",
        "请秘书长如下(a)提交报告；(b)制定计划；",
        [("OP1(a)", "(a)", "提交报告;"), ("OP1(b)", "(b)", "制定计划;")],
    ),
    (
        "full-width",
        "请秘书长如下（a）提交报告；（b）制定计划；",
        [("OP1(a)", "（a）", "提交报告;"), ("OP1(b)", "（b）", "制定计划;")],
    ),
    (
        "three items",
        "请秘书长提交下列报告(a)关于立法的报告；(b)关于政策的报告；(c)关于计划的报告；",
        [
            ("OP1(a)", "(a)", "关于立法的报告;"),
            ("OP1(b)", "(b)", "关于政策的报告;"),
            ("OP1(c)", "(c)", "关于计划的报告;"),
        ],
    ),
    (
        "a second degree that opens after a word too",
        "请秘书长报告(a)国家一级，包括(一)立法；(二)政策；(b)国际一级；",
        [
            ("OP1(a)", "(a)", "国家一级,包括(一)立法;(二)政策;"),
            ("OP1(a)(i)", "(一)", "立法;"),
            ("OP1(a)(ii)", "(二)", "政策;"),
            ("OP1(b)", "(b)", "国际一级;"),
        ],
    ),
    (
        "a space before the label, as before",
        "请秘书长如下 (a) 提交报告；(b) 制定计划；",
        [("OP1(a)", "(a)", "提交报告;"), ("OP1(b)", "(b)", "制定计划;")],
    ),
]


@pytest.mark.parametrize(
    ("paragraph", "expected"), [row[1:] for row in OPENERS], ids=[row[0] for row in OPENERS]
)
def test_a_chinese_sequence_opens_straight_after_a_word(
    paragraph: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read_op1("zh", paragraph) == expected


# (operative paragraph 1, why): no subparagraph is read. Each label stands before an ideograph,
# where a label may, and has a "(b)" after "；" that would continue it as an opener.
NOT_OPENERS = [
    ("请秘书长执行第(a)段；(b)不适用；", "'第(a)段' is paragraph (a)"),
    ("请秘书长执行分段(a)所述措施；(b)不适用；", "'分段(a)' is subparagraph (a)"),
    ("请秘书长执行第4段(a)所述措施；(b)不适用；", "'第4段(a)' is paragraph 4 (a)"),
    ("请秘书长执行第3条(a)款；(b)款不适用；", "'第3条(a)款' is article 3 (a)"),
    ("请秘书长执行第二款(a)所述措施；(b)不适用；", "'款' (clause)"),
    ("请秘书长执行第5项(a)所述措施；(b)不适用；", "'项' (item)"),
    ("请秘书长执行第二节(a)所述措施；(b)不适用；", "'节' (section)"),
    ("请秘书长执行第一章(a)所述措施；(b)不适用；", "'章' (chapter)"),
    ("请秘书长执行第三部分(a)所述措施；(b)不适用；", "'部分' (part)"),
    ("请秘书长执行附件(a)所述措施；(b)不适用；", "'附件' (annex)"),
    ("请秘书长执行如下(a)分段；(b)分段不适用；", "'(a)分段' is subparagraph (a)"),
    ("请秘书长执行如下(a)段；(b)不适用；", "'(a)段' is paragraph (a)"),
    ("请秘书长执行决议60/251(a)所述措施；(b)不适用；", "'(a)' after a digit is a cross-reference"),
    ("请秘书长如下(a)提交报告；(c)制定计划；", "'(c)' does not continue '(a)'"),
    ("请秘书长如下(a)提交报告，并制定计划；", "one label is no sequence"),
    ("请秘书长如下(a)提交报告(b)制定计划；", "'(b)' after a word only opens, never continues"),
]


@pytest.mark.parametrize(("paragraph", "why"), NOT_OPENERS, ids=[why for _, why in NOT_OPENERS])
def test_chinese_cross_references_open_no_sequence(paragraph: str, why: str) -> None:
    assert read_op1("zh", paragraph) == [], why
