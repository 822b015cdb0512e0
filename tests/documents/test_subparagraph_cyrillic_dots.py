"""Third- and fourth-degree labels (`a.`, `i.`) printed with Cyrillic look-alikes inside a
Russian second-degree item, as a PDF of a Russian text gives them: "а." (U+0430), "с."
(U+0441), "е." (U+0435), "і." and "іі." (U+0456).

`reference/un-documents.md` §1.2: third degree `a., b., c.`, fourth `i., ii., iii.`; Russian
versions print Latin labels. A look-alike label is read as the Latin one under the module's
rules (after its parent's label, after end punctuation, or continuing its sequence at a line
start), and never where Russian writes a one-letter abbreviation: "с. 12" (page 12), "с. г."
(this year), "т. е." (that is). Every fixture is HAND-WRITTEN from those rules; the expected
anchors, labels and texts are read off the fixtures.
"""

from __future__ import annotations

import pytest

from tests.documents.subparagraph_checks import read_op1

CY_A, CY_C, CY_E, CY_I = "\u0430", "\u0441", "\u0435", "\u0456"  # а с е і, Cyrillic

# OP1 of every fixture below: (a) with (i) holding third-degree items, the first of which holds
# fourth-degree ones; then (a)(ii) and (b).
ANCHORS = [
    "OP1(a)",
    "OP1(a)(i)",
    "OP1(a)(i)(a)",
    "OP1(a)(i)(a)(i)",
    "OP1(a)(i)(a)(ii)",
    "OP1(a)(i)(b)",
    "OP1(a)(i)(c)",
    "OP1(a)(ii)",
    "OP1(b)",
]
LINES = """\
просит Генерального секретаря:
a) на национальном уровне:
i) законодательство, в частности:
{a}. законы о равенстве, касающиеся:
{i}. занятости;
{ii}. образования;
b. законы об участии в общественной жизни;
{c}. законы о доступе к правосудию;
ii) политика и планы;
b) на международном уровне;"""
FORMS = {
    "look-alikes": {"a": CY_A, "i": CY_I, "ii": CY_I + CY_I, "c": CY_C},
    "Latin a., Cyrillic с., і.": {"a": "a", "i": CY_I, "ii": CY_I + CY_I, "c": CY_C},
    "Cyrillic а., Latin i., c.": {"a": CY_A, "i": "i", "ii": "ii", "c": "c"},
    "Cyrillic і with Latin i": {"a": CY_A, "i": CY_I, "ii": CY_I + "i", "c": CY_C},
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_look_alike_dot_labels_are_read_as_the_latin_ones(form: str) -> None:
    labels = FORMS[form]
    subs = read_op1("ru", LINES.format(**labels))
    assert [anchor for anchor, _, _ in subs] == ANCHORS
    assert [(label, text) for _, label, text in subs[2:7]] == [
        (labels["a"] + ".", "законы о равенстве, касающиеся: " + _fourth(labels)),
        (labels["i"] + ".", "занятости;"),
        (labels["ii"] + ".", "образования;"),
        ("b.", "законы об участии в общественной жизни;"),
        (labels["c"] + ".", "законы о доступе к правосудию;"),
    ]


def _fourth(labels: dict[str, str]) -> str:
    return f"{labels['i']}. занятости; {labels['ii']}. образования;"


# (name, the second-degree item's text after "i) ", its dot labels: anchor, label, text)
ONE_LINE = [
    (
        "line breaks lost",
        f"законы: {CY_A}. о равенстве; b. об участии; {CY_C}. о доступе;",
        [
            ("OP1(a)(i)(a)", CY_A + ".", "о равенстве;"),
            ("OP1(a)(i)(b)", "b.", "об участии;"),
            ("OP1(a)(i)(c)", CY_C + ".", "о доступе;"),
        ],
    ),
    (
        "first right after the parent's label, fourth right after its own",
        f"{CY_A}. {CY_I}. о равенстве; {CY_I}{CY_I}. об участии; b. о доступе;",
        [
            ("OP1(a)(i)(a)", CY_A + ".", f"{CY_I}. о равенстве; {CY_I}{CY_I}. об участии;"),
            ("OP1(a)(i)(a)(i)", CY_I + ".", "о равенстве;"),
            ("OP1(a)(i)(a)(ii)", CY_I + CY_I + ".", "об участии;"),
            ("OP1(a)(i)(b)", "b.", "о доступе;"),
        ],
    ),
    (
        "'с.' at a line start with no end punctuation before it, continuing",
        f"законы:\n{CY_A}. о равенстве;\nb. об участии\n{CY_C}. о доступе;",
        [
            ("OP1(a)(i)(a)", CY_A + ".", "о равенстве;"),
            ("OP1(a)(i)(b)", "b.", "об участии"),
            ("OP1(a)(i)(c)", CY_C + ".", "о доступе;"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("item", "expected"), [row[1:] for row in ONE_LINE], ids=[row[0] for row in ONE_LINE]
)
def test_look_alike_dot_labels_where_labels_stand(
    item: str, expected: list[tuple[str, str, str]]
) -> None:
    subs = read_op1("ru", f"просит:\na) в частности:\ni) {item}\nb) прочее;")
    assert [anchor for anchor, _, _ in subs] == [
        "OP1(a)",
        "OP1(a)(i)",
        *(anchor for anchor, _, _ in expected),
        "OP1(b)",
    ]
    assert subs[2:-1] == expected


# (the second-degree item's text after "i) ", the anchors of its dot labels, why)
NOT_LABELS = [
    (
        f"законы: {CY_A}. о равенстве; b. об участии, см. доклад A/63/53, {CY_C}. 12 и далее;",
        ["(a)", "(b)"],
        "'с. 12' is page 12, though it follows 'b.' and a comma",
    ),
    (
        f"законы: {CY_A}. о равенстве; b. об участии;\n{CY_C}. 12;",
        ["(a)", "(b)"],
        "'с. 12' at a line start is page 12 too",
    ),
    (
        f"законы: {CY_A}. о равенстве; b. об участии, {CY_C}. г. и далее;",
        ["(a)", "(b)"],
        "'с. г.' (this year) is an abbreviation",
    ),
    (
        f"законы: {CY_A}. о равенстве; b. об участии; {CY_C}. о доступе; "
        f"d. меры, т. {CY_E}. программы;",
        ["(a)", "(b)", "(c)", "(d)"],
        "'е.' after 'т.' ('т. е.', that is) ends no clause",
    ),
    (
        f"законы: {CY_A}. о равенстве; {CY_C}. о доступе;",
        ["(a)"],
        "'с.' does not continue 'а.'",
    ),
    (
        f"законы о равенстве и {CY_A}. об участии; b. о доступе;",
        [],
        "'а.' after a word starts nothing, and 'b.' continues nothing",
    ),
    (
        f"законы: {CY_A}. о равенстве; б. об участии; в. о доступе;",
        ["(a)"],
        "'б.', 'в.' are no look-alikes of 'b.', 'c.' (Russian texts print Latin labels)",
    ),
    (
        f"законы:\n{CY_C}. о доступе;",
        [],
        "a starting 'с.' is no first label",
    ),
    (
        f"законы: {CY_A}. о равенстве, {CY_I}{CY_I}. прочее;",
        ["(a)"],
        "'іі.' with no 'і.' before it starts no fourth degree",
    ),
]


@pytest.mark.parametrize(("item", "anchors", "why"), NOT_LABELS, ids=[w for *_, w in NOT_LABELS])
def test_look_alike_abbreviations_are_not_labels(item: str, anchors: list[str], why: str) -> None:
    subs = read_op1("ru", f"просит:\na) в частности:\ni) {item}\nb) прочее;")
    assert [anchor for anchor, _, _ in subs] == [
        "OP1(a)",
        "OP1(a)(i)",
        *(f"OP1(a)(i){a}" for a in anchors),
        "OP1(b)",
    ], why


def test_a_page_reference_stays_in_the_item_text() -> None:
    subs = read_op1("ru", f"просит:\na) в частности:\ni) {NOT_LABELS[0][0]}\nb) прочее;")
    assert subs[3] == ("OP1(a)(i)(b)", "b.", f"об участии, см. доклад A/63/53, {CY_C}. 12 и далее;")
