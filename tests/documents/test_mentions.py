"""Where a reply mentions the resolution's paragraphs (`hrdialogue.documents.mentions`), in the
six languages. The replies are hand-written sentences, in the words States and organizations
use; expected anchors are read from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.mentions import find_paragraph_mentions
from tests.corpus import corpus_text

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
    text = corpus_text(shared, "A_HRC_RES_19_33.en.txt")
    assert "Article 1, paragraph 3" in text
    assert find_paragraph_mentions(text, "en") == []


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
        assert re.fullmatch(r"(?:[A-Z]+\.)*(?:OP|PP)\d+(?:\([a-z]+\))?", anchor), anchor
        previous_end = end


# A paragraph of another resolution, named by its number, is not a paragraph of the one
# replied to (A/RES/63/180 here); the same words with its own number are (hand-written).
NAMED = {
    "en": (
        "We recall paragraph 3 of resolution 60/251, operative paragraph 4 of General Assembly"
        " resolution 60/251 and paragraph 10 of resolution 63/180.",
        [("paragraph 10 of resolution 63/180", "OP10")],
    ),
    "fr": (
        "Nous rappelons le paragraphe 3 de la résolution 60/251 et le paragraphe 10 de la"
        " résolution 63/180.",
        [("paragraphe 10 de la résolution 63/180", "OP10")],
    ),
    "es": (
        "Recordamos el párrafo 3 de la resolución 60/251 y el párrafo 10 de la resolución 63/180.",
        [("párrafo 10 de la resolución 63/180", "OP10")],
    ),
    "ru": (
        "Напоминаем пункт 3 резолюции 60/251 и пункт 10 резолюции 63/180.",
        [("пункт 10 резолюции 63/180", "OP10")],
    ),
    "ar": (
        "نذكر بالفقرة 3 من القرار 60/251 والفقرة 10 من القرار 63/180.",
        [("الفقرة 10 من القرار 63/180", "OP10")],
    ),
    "zh": (
        "回顾第60/251号决议第3段和第63 / 180号决议第10段。",
        [("第63 / 180号决议第10段", "OP10")],
    ),
}


@pytest.mark.parametrize("language", list(NAMED))
def test_a_paragraph_of_another_resolution_named_by_number_is_not_a_mention(
    language: str,
) -> None:
    text, expected = NAMED[language]
    found = find_paragraph_mentions(text, language, number="63/180")
    assert [(text[s:e], anchor) for s, e, anchor in found] == expected
    # without the resolution's own number, no named resolution can be told to be it
    assert find_paragraph_mentions(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "mention"),
    [
        (
            "en",
            "We support paragraph 2 of resolution 69/96 B.",
            "paragraph 2 of resolution 69/96 B",
        ),
        ("ru", "Мы поддерживаем пункт 2 резолюции 69/96 Б.", "пункт 2 резолюции 69/96 Б"),
        ("ar", "نؤيد الفقرة 2 من القرار 69/96 باء.", "الفقرة 2 من القرار 69/96 باء"),
        ("zh", "我们支持第69/96 B号决议第2段。", "第69/96 B号决议第2段"),
    ],
)
def test_a_paragraph_of_a_composite_part_named_with_the_number(
    language: str, text: str, mention: str
) -> None:
    found = find_paragraph_mentions(text, language, number="69/96", parts=("A", "B"))
    assert [(text[s:e], anchor) for s, e, anchor in found] == [(mention, "B.OP2")]


@pytest.mark.parametrize(
    ("text", "number", "parts", "expected"),
    [
        # a section or part named with the resolution's own number
        ("We support paragraph 2 of section II of resolution 63/180.", "63/180", (), "II.OP2"),
        ("Paragraph 1 of section II of resolution 70/247 A applies.", "70/247", "AB", "A.II.OP1"),
        ("We support paragraph 2 of part B of resolution 69/96.", "69/96", "AB", "B.OP2"),
        # a capital after the number that is no part of the resolution
        ("In paragraph 10 of resolution 63/180 I note that", "63/180", (), "OP10"),
        ("Under paragraph 10 of resolution 63/180 A number of States", "63/180", (), "OP10"),
        ("In operative paragraph 10 of Resolution 63/180, the Assembly", "63/180", (), "OP10"),
    ],
)
def test_a_mention_named_with_the_resolutions_own_number(
    text: str, number: str, parts: tuple[str, ...], expected: str
) -> None:
    assert [a for _, _, a in find_paragraph_mentions(text, "en", number=number, parts=parts)] == [
        expected
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "回顾第60/251号决议执行部分第3段。"),
        ("zh", "回顾第68/247号决议乙节第2段。"),
        ("zh", "回顾第4/104号决定第3段。"),
        ("en", "We recall paragraph 3 of resolution A/RES/60/251."),
        ("en", "We recall OP3 of 60/251 and paragraph 2 of decision 4/104."),
        ("en", "Paragraph 3 of Human Rights Council resolution 7/3, of section II of part A."),
        ("ru", "Напоминаем пункт 3 резолюции Генеральной Ассамблеи 60/251."),
        ("fr", "Voir le paragraphe 2 de la section II de la résolution 60/251."),
        ("ar", "انظر الفقرة 3 من المقرر 4/104."),
    ],
)
def test_a_paragraph_of_another_text_named_by_number_or_symbol(language: str, text: str) -> None:
    assert find_paragraph_mentions(text, language, number="63/180", parts=("A", "B")) == []


# Ordinals past the twentieth, as replies write them (hand-written): the whole ordinal is read,
# not its last word ("the forty-ninth" is PP49, never PP9).
@pytest.mark.parametrize(
    ("language", "text", "mention", "anchor"),
    [
        ("en", "We welcome the forty-ninth preambular paragraph.", "the forty-ninth", "PP49"),
        ("en", "See the twenty first preambular paragraph.", "the twenty first", "PP21"),
        (
            "en",
            "The thirty-first paragraph of the preamble recalls it.",
            "The thirty-first",
            "PP31",
        ),
        ("fr", "Nous saluons le quarante-neuvième alinéa du préambule.", "le quarante", "PP49"),
        ("fr", "Voir le soixante et onzième alinéa du préambule.", "le soixante", "PP71"),
        ("es", "Apoyamos el cuadragésimo noveno párrafo del preámbulo.", "el cuadr", "PP49"),
        ("es", "Véase el decimoctavo párrafo del preámbulo.", "el decimoctavo", "PP18"),
        ("ru", "Мы приветствуем сорок девятый пункт преамбулы.", "сорок девятый", "PP49"),
        ("ru", "В пятидесятом пункте преамбулы сказано иное.", "пятидесятом", "PP50"),
        ("ar", "نرحب بالفقرة التاسعة والأربعون من الديباجة.", "الفقرة التاسعة", "PP49"),
        ("ar", "انظر الفقرة العشرين من الديباجة.", "الفقرة العشرين", "PP20"),
    ],
)
def test_an_ordinal_past_the_twentieth_is_read_whole(
    language: str, text: str, mention: str, anchor: str
) -> None:
    found = find_paragraph_mentions(text, language)
    assert [(text[s:e].startswith(mention), a) for s, e, a in found] == [(True, anchor)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # words that open with an ordinal's stem are no ordinal (перв-, втор-)
        ("ru", "Первоначальный пункт преамбулы был другим."),
        ("ru", "Второстепенный пункт преамбулы не важен."),
        # Chinese numerals that write no number: a reply's typo, never a crash
        ("zh", "执行部分第一一段"),
        ("zh", "序言部分第十十段"),
        ("zh", "决议第二十十段"),
    ],
)
def test_words_that_are_no_ordinal_are_no_mention(language: str, text: str) -> None:
    assert find_paragraph_mentions(text, language) == []


# A draft resolution has a symbol and no number: replies name it by its symbol (hand-written
# replies to A/C.3/66/L.32, in the words of each language); another draft is not it.
DRAFT = "A/C.3/66/L.32"
NAMED_BY_SYMBOL = {
    "en": (
        "We support paragraph 3 of draft resolution A/C.3/66/L.32 and OP4 of A/C.3/66/L.32, not"
        " operative paragraph 5 of draft resolution A/C.3/66/L.40.",
        [
            ("paragraph 3 of draft resolution A/C.3/66/L.32", "OP3"),
            ("OP4 of A/C.3/66/L.32", "OP4"),
        ],
    ),
    "fr": (
        "Nous appuyons le paragraphe 3 du projet de résolution A/C.3/66/L.32 mais non le"
        " paragraphe 5 du dispositif du projet de résolution A/C.3/66/L.40.",
        [("paragraphe 3 du projet de résolution A/C.3/66/L.32", "OP3")],
    ),
    "es": (
        "Apoyamos el párrafo 3 del proyecto de resolución A/C.3/66/L.32, no el párrafo 5 de la"
        " parte dispositiva del proyecto de resolución A/C.3/66/L.40.",
        [("párrafo 3 del proyecto de resolución A/C.3/66/L.32", "OP3")],
    ),
    "ru": (
        "Мы поддерживаем пункт 3 проекта резолюции A/C.3/66/L.32 и второй пункт преамбулы"
        " проекта резолюции А/С.3/66/L.32, но не пункт 5 постановляющей части проекта"
        " резолюции A/C.3/66/L.40.",
        [
            ("пункт 3 проекта резолюции A/C.3/66/L.32", "OP3"),
            ("второй пункт преамбулы проекта резолюции А/С.3/66/L.32", "PP2"),  # Cyrillic А, С
        ],
    ),
    "ar": (
        "نؤيد الفقرة 3 من مشروع القرار A/C.3/66/L.32 ولا نؤيد الفقرة 5 من منطوق مشروع القرار"
        " A/C.3/66/L.40.",
        [("الفقرة 3 من مشروع القرار A/C.3/66/L.32", "OP3")],
    ),
    "zh": (
        "我们支持决议草案A/C.3/66/L.32执行部分第3段和A/C.3/66/L.32号决议草案第4段，"
        "但不支持决议草案A/C.3/66/L.40执行部分第5段。",
        [("A/C.3/66/L.32执行部分第3段", "OP3"), ("A/C.3/66/L.32号决议草案第4段", "OP4")],
    ),
}


@pytest.mark.parametrize("language", list(NAMED_BY_SYMBOL))
def test_a_paragraph_named_with_the_drafts_own_symbol_is_a_mention(language: str) -> None:
    text, expected = NAMED_BY_SYMBOL[language]
    found = find_paragraph_mentions(text, language, symbol=DRAFT)
    assert [(text[s:e], anchor) for s, e, anchor in found] == expected
    # without the draft's symbol, no named draft can be told to be it
    assert find_paragraph_mentions(text, language) == []


@pytest.mark.parametrize(
    ("text", "number", "symbol", "expected"),
    [
        # the symbol of an adopted resolution, the number unknown
        ("We support OP3 of A/RES/63/180.", None, "A/RES/63/180", ["OP3"]),
        # named by its number while only the symbol is known: whose it is cannot be told
        ("We support paragraph 3 of resolution 63/180.", None, "A/RES/63/180", []),
        # both known, either name will do
        ("We support paragraph 3 of resolution 63/180.", "63/180", "A/RES/63/180", ["OP3"]),
        # a revision is another document
        ("Paragraph 3 of draft resolution A/C.3/66/L.32/Rev.1 differs.", None, DRAFT, []),
        ("Paragraph 3 of draft resolution A/C.3/66/L.32 differs.", None, DRAFT + "/Rev.1", []),
        # the symbol as the reader stores it may be spaced or in Cyrillic look-alikes
        ("Paragraph 3 of draft resolution A/C.3/66/L.32 differs.", None, "А/С.3/66/ L.32", ["OP3"]),
        # a mention that names nothing is the resolution's
        ("We support operative paragraph 3.", None, None, ["OP3"]),
    ],
)
def test_whose_paragraph_a_named_mention_is(
    text: str, number: str | None, symbol: str | None, expected: list[str]
) -> None:
    found = find_paragraph_mentions(text, "en", number=number, symbol=symbol)
    assert [anchor for _, _, anchor in found] == expected


_PIECES = (
    "paragraph 3",
    "OP4",
    " of draft resolution ",
    " of ",
    "A/C.3/66/L.32",
    "A/RES/63/180",
    "/Rev.1",
    "决议草案",
    "执行部分第3段",
    "号",
    "пункт 3 ",
    "проекта резолюции ",
    " ",
    ".",
)


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_PIECES), max_size=12),
    language=st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]),
    symbol=st.sampled_from([None, DRAFT, "A/RES/63/180"]),
)
def test_mentions_with_symbols_stay_in_the_text(
    pieces: list[str], language: str, symbol: str | None
) -> None:
    text = "".join(pieces)
    found = find_paragraph_mentions(text, language, symbol=symbol)
    previous_end = 0
    for start, end, _ in found:
        assert previous_end <= start < end <= len(text)
        previous_end = end
    # knowing the symbol can only add mentions, never take away one that names nothing
    unnamed = {anchor for _, _, anchor in find_paragraph_mentions(text, language)}
    assert unnamed <= {anchor for _, _, anchor in found}
