"""The words that name a part of a text, in five languages (Chinese:
`test_subparagraph_chinese_openers.py`): a label after one is a cross-reference ("paragraph
(a) of the plan"), so it opens no sequence even when the next label would continue it.

Each sentence below has a label after a word and a next label after ";" that continues it: with
a plain word before the first label the sequence opens (the controls), with a part word it does
not. The words are those of UN texts: `reference/un-documents.md` §1.2 (subparagraph,
paragraph) and §4.1 (locators: chapter, section, annex, paragraph in six languages), with
their plurals, cases and Arabic clitics. Every sentence is HAND-WRITTEN from those rules.
"""

from __future__ import annotations

import pytest

from tests.documents.subparagraph_checks import read_op1

# (language, sentence with "{}" where the word goes, part words, plain words)
FRAMES = [
    (
        "en",
        "Requests a report on {} (a) of the plan; (b) of the programme;",
        [
            *("subparagraph", "subparagraphs", "paragraph", "operative paragraph"),
            *("article", "section", "Section", "annex", "item", "rule", "chapter"),
            *("part", "parts"),
        ],
        # "particular", "departments", "parties" hold "part"; "appointed" holds "point"
        ["the following", "its particular", "the departments", "States parties", "appointed"],
    ),
    (
        "fr",
        "Prie de faire rapport sur {} a) du plan ; b) du programme ;",
        [
            *("l'alinéa", "le sous-alinéa", "les alinéas", "le paragraphe", "l'article"),
            *("la section", "l'annexe", "le point", "les points", "le chapitre"),
        ],
        ["ce qui suit", "les États parties"],
    ),
    (
        "es",
        "Pide que se informe sobre {} a) del plan; b) del programa;",
        [
            *("el apartado", "el subapartado", "el inciso", "el párrafo", "los párrafos"),
            *("el artículo", "la sección", "las secciones", "el anexo", "el capítulo"),
        ],
        ["lo siguiente", "los Estados partes"],
    ),
    (
        "ru",
        "просит выполнить {} а) плана; б) программы;",
        # accusative, then genitive (о выполнении …), instrumental (в соответствии с …),
        # prepositional (изложенное в …) and plural forms
        [
            *("подпункт", "пункт", "статью", "раздел", "приложение", "главу", "часть", "абзац"),
            *("подпункта", "пункта", "статьи", "раздела", "приложения", "главы", "части"),
            *("подпунктом", "статьей", "статьёй", "разделом", "приложением", "главой", "частью"),
            *("пункте", "статье", "разделе", "приложении", "главе", "статья", "глава"),
            *("пунктов", "статей", "статьях", "главах", "частях", "подразделом"),
        ],
        # "частности", "частным" are no "часть"; "главным" no "глава"
        ["следующее", "в частности", "частным", "главным", "сокращение"],
    ),
    (
        "ru",
        "просит выполнить {} a) плана; b) программы;",  # Latin labels
        ["подпункт", "статью", "часть", "главу"],
        ["следующее"],
    ),
    (
        "ar",
        "تطلب تنفيذ {} (أ) من الخطة؛ (ب) من البرنامج؛",
        [
            *("الفقرة", "الفقرة الفرعية", "الفقرات الفرعية", "الفقرتين", "الفقرات"),
            *("المادة", "المادتين", "المواد", "بالمادة", "البند", "البنود", "الفرع"),
            *("المرفق", "والفقرة"),
        ],
        # "الفقر" (poverty) is no "الفقرة"; "اعتماد" (adoption) holds "ماد" but is no "مادة"
        ["ما يلي", "برامج مكافحة الفقر", "اعتماد"],
    ),
]

PART_WORDS = [(lang, frame, word) for lang, frame, words, _ in FRAMES for word in words]
PLAIN_WORDS = [(lang, frame, word) for lang, frame, _, words in FRAMES for word in words]


@pytest.mark.parametrize(
    ("language", "frame", "word"), PART_WORDS, ids=[f"{lang}-{w}" for lang, _, w in PART_WORDS]
)
def test_a_label_after_a_part_word_opens_no_sequence(language: str, frame: str, word: str) -> None:
    assert read_op1(language, frame.format(word)) == []


@pytest.mark.parametrize(
    ("language", "frame", "word"), PLAIN_WORDS, ids=[f"{lang}-{w}" for lang, _, w in PLAIN_WORDS]
)
def test_a_label_after_a_plain_word_opens_one(language: str, frame: str, word: str) -> None:
    assert [anchor for anchor, _, _ in read_op1(language, frame.format(word))] == [
        "OP1(a)",
        "OP1(b)",
    ]
