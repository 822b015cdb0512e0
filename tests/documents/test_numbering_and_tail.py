"""Nothing the reader cannot place is dropped silently: operative paragraphs after a gap in
their numbering (a page lost from a PDF, paragraphs left out of an excerpt), a number printed
twice, and text after the resolution's closing (an annex).

The seed cases cut or change the real A/RES/63/180 (ru), whose paragraphs are read off the
document: OP3 opens "подтверждает, что диалог между культурами…", OP4 "настоятельно призывает
всех…". The English texts are HAND-WRITTEN from the layout rules in `reference/un-documents.md`.
"""

from __future__ import annotations

from typing import Any

from hrdialogue.documents.model import Resolution
from hrdialogue.documents.parse import parse_resolution


def _without_op3(seed: str) -> str:
    start, end = seed.index("\n 3. "), seed.index("\n 4. ")
    return seed[:start] + seed[end:]


def _warnings(resolution: Resolution) -> list[tuple[str, str | None]]:
    return [(w.code, w.anchor) for w in resolution.warnings]


def test_a_missing_paragraph_leaves_the_rest_numbered_as_printed_and_is_reported(
    seed_text: str,
) -> None:
    resolution = parse_resolution(_without_op3(seed_text), language="ru")
    assert [p.anchor for p in resolution.operative] == [
        "OP1",
        "OP2",
        *(f"OP{n}" for n in range(4, 12)),
    ]
    op4 = resolution.operative[2]
    assert (op4.number, op4.lead_key) == (4, "urges")
    assert op4.text.startswith("настоятельно призывает всех")
    assert not resolution.operative[1].text.endswith("призывает")  # OP2 stops where it did
    assert "настоятельно призывает" not in resolution.operative[1].text
    assert _warnings(resolution) == [("operative-numbering", "OP4")]
    assert resolution.warnings[0].message == (
        "operative paragraph 3 is missing: the numbering goes from 2 to 4"
    )
    # what follows is read as in the whole text: OP10's consultation, OP11's session
    assert {m.anchor for m in resolution.mandates} >= {"OP10", "OP11"}


def test_the_seed_itself_has_no_numbering_warning(seed_text: str) -> None:
    resolution = parse_resolution(seed_text, language="ru")
    assert [p.number for p in resolution.operative] == list(range(1, 12))
    assert resolution.warnings == ()


HEAD = "The General Assembly,\n\nRecalling its resolution 62/160 of 18 December 2007,\n\n"
TAIL = "\n\n70th plenary meeting\n18 December 2008\n"


def _english(body: str) -> Resolution:
    return parse_resolution(HEAD + body + TAIL, language="en")


def test_two_numbers_skipped_are_named() -> None:
    resolution = _english(
        "1. Welcomes the report;\n\n2. Invites States to comment;\n\n"
        "5. Requests the Secretary-General to report to it at its sixty-fourth session."
    )
    assert [p.anchor for p in resolution.operative] == ["OP1", "OP2", "OP5"]
    (warning,) = resolution.warnings
    assert (warning.code, warning.anchor) == ("operative-numbering", "OP5")
    assert "paragraphs 3 to 4 are missing" in warning.message


def test_a_number_printed_twice_stays_in_the_paragraph_before_it_and_is_reported() -> None:
    resolution = _english(
        "1. Welcomes the report;\n\n2. Invites States to comment;\n\n"
        "2. Encourages non-governmental organizations to comment;\n\n"
        "3. Decides to remain seized of the matter."
    )
    assert [p.anchor for p in resolution.operative] == ["OP1", "OP2", "OP3"]
    assert "2. Encourages non-governmental organizations" in resolution.operative[1].text
    (warning,) = resolution.warnings
    assert (warning.code, warning.anchor) == ("operative-numbering", "OP2")
    assert "number 2 stands out of sequence after operative paragraph 2" in warning.message


def test_a_far_jump_is_not_a_paragraph_but_is_reported() -> None:
    # "12." after OP2: more than five paragraphs skipped is not read as the next paragraph
    resolution = _english(
        "1. Welcomes the report;\n\n2. Invites States to comment;\n\n"
        "12. Decides to remain seized of the matter."
    )
    assert [p.anchor for p in resolution.operative] == ["OP1", "OP2"]
    assert resolution.operative[1].text.endswith("12. Decides to remain seized of the matter.")
    assert _warnings(resolution) == [("operative-numbering", "OP2")]
    assert "number 12 stands out of sequence" in resolution.warnings[0].message


def test_a_number_inside_a_sentence_is_not_a_paragraph_and_not_reported() -> None:
    # "in paragraph 5. …" mid-line, and "2007 - 2008" in a sentence: text, nothing to say
    resolution = _english(
        "1. Recalls the measures referred to in paragraph 5. of its resolution 62/160;\n\n"
        "2. Notes the plan for 2007 - 2008 and its results."
    )
    assert [p.anchor for p in resolution.operative] == ["OP1", "OP2"]
    assert resolution.warnings == ()


def test_an_annex_after_the_closing_is_reported(seed_text: str) -> None:
    annex = (
        "\n\nПриложение\n\nДекларация о сотрудничестве\n\n"
        "1. Государства сотрудничают друг с другом.\n"
    )
    resolution = parse_resolution(seed_text + annex, language="ru")
    whole = parse_resolution(seed_text, language="ru")
    # the resolution is read as without the annex …
    assert resolution.operative == whole.operative
    assert resolution.adoption == whole.adoption
    # … and the annex is said to be there, where it starts, not structured
    (warning,) = resolution.warnings
    assert warning.code == "unread-text"
    assert warning.message.startswith("an annex follows the closing (meeting and date):")
    assert "'Приложение Декларация о сотрудничестве 1. Государства…'" in warning.message
    # the annex's characters in the source, from "Приложение" to "другом."
    assert f", {len(annex.strip())} characters kept in the source" in warning.message
    assert warning.offset == len(seed_text) + 2
    assert warning.line == seed_text.count("\n") + 3


def test_other_text_after_the_closing_is_reported() -> None:
    resolution = _english("1. Decides to remain seized of the matter.")
    assert resolution.warnings == ()
    text = HEAD + "1. Decides to remain seized of the matter." + TAIL + "\nDistr.: General\n"
    (warning,) = parse_resolution(text, language="en").warnings
    assert warning.code == "unread-text"
    assert warning.message == (
        "text follows the closing (meeting and date) and is not read: 'Distr.: General',"
        " 15 characters"
    )


# --- subparagraph labels and unnumbered paragraphs ---------------------------------------------

CHAPEAU = "1. Requests the Secretary-General to consult States on:\n"
LAST = "\n\n2. Decides to remain seized of the matter."


def test_a_skipped_subparagraph_label_is_reported_and_its_text_kept() -> None:
    resolution = _english(
        CHAPEAU + "(a) the ways to strengthen dialogue;\n"
        "(b) the practice of regional organizations;\n(d) their visits to the field;" + LAST
    )
    op1 = resolution.operative[0]
    assert [s.anchor for s in op1.subparagraphs] == ["OP1(a)", "OP1(b)"]
    assert op1.subparagraphs[1].text.endswith("(d) their visits to the field;")
    (warning,) = resolution.warnings
    assert (warning.code, warning.anchor) == ("subparagraph-label", "OP1")
    assert warning.message.startswith("'(d)' opens a line like a subparagraph label")


def test_a_subparagraph_label_printed_twice_is_reported() -> None:
    resolution = _english(
        CHAPEAU + "(a) the ways to strengthen dialogue;\n"
        "(a) the practice of regional organizations;\n(b) their visits to the field;" + LAST
    )
    assert [s.anchor for s in resolution.operative[0].subparagraphs] == ["OP1(a)", "OP1(b)"]
    assert [(w.code, w.message[:5]) for w in resolution.warnings] == [
        ("subparagraph-label", "'(a)'")
    ]


def test_labels_inside_a_sentence_are_text_and_not_reported() -> None:
    resolution = _english(
        "1. Recalls subparagraph (d) of paragraph 3 of its resolution 62/160 and\n"
        "(e) thereof, as follows (a) to consult States; (b) to report;" + LAST
    )
    assert resolution.warnings == ()


def test_an_unnumbered_paragraph_after_a_blank_line_is_reported() -> None:
    resolution = _english(
        "1. Requests the Secretary-General to consult States;\n\n"
        "Also requests the Secretary-General to report on the consultations;" + LAST
    )
    assert [p.anchor for p in resolution.operative] == ["OP1", "OP2"]
    assert "Also requests the Secretary-General to report" in resolution.operative[0].text
    (warning,) = resolution.warnings
    assert (warning.code, warning.anchor) == ("unnumbered-paragraph", "OP1")
    assert warning.message == (
        "a paragraph opens with the operative lead 'Also requests' but has no number: it is"
        " read as part of operative paragraph 1"
    )


NEW_CODES = {"operative-numbering", "unread-text", "subparagraph-label", "unnumbered-paragraph"}


def test_the_real_resolutions_raise_none_of_these(shared: Any) -> None:
    # The corpus's resolutions are whole, regularly numbered texts (read off each file):
    # none of these warnings may fire on them, nor on the seed.
    from hrdialogue.documents.errors import ReaderError
    from tests.corpus import strip_header

    paths = sorted((shared / "corpus" / "un").glob("*.txt"))
    assert len(paths) == 12
    read = 0
    for path in [*paths, shared / "seeds" / "000_8dba0c578e5ca190.txt"]:
        try:
            resolution = parse_resolution(strip_header(path.read_text(encoding="utf-8")))
        except ReaderError:
            continue  # the two reports and the bitext
        read += 1
        assert {w.code for w in resolution.warnings} & NEW_CODES == set(), path.name
    assert read == 10  # nine corpus resolutions and the seed
