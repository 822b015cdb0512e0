"""Cleaning: page apparatus and footnotes out, running text joined, every character mapped back.

Fixtures marked "hand-written" are small texts written for these tests from the layout rules
in `reference/un-documents.md` (§4.4); the others read the seed and the corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdialogue.documents.clean import clean_document, normalise_text_map
from tests.corpus import corpus_text


def test_line_breaks_join_with_one_space_and_compounds_keep_their_hyphen() -> None:
    clean = normalise_text_map("между государствами-\nчленами в\n  области  прав")
    assert clean.text == "между государствами-членами в области прав"


def test_soft_hyphens_and_invisible_marks_are_dropped() -> None:
    clean = normalise_text_map("co\u00adoper\u00ad\nation\u200b of\u200f States")
    assert clean.text == "cooperation of States"


def test_nfkc_expansions_map_back_to_the_one_source_character() -> None:
    source = "ef\ufb01cient （a） №\u00a053"
    clean = normalise_text_map(source)
    assert clean.text == "efficient (a) № 53"
    i = clean.text.index("fi")
    assert clean.source_span(i, i + 2) == (2, 3)
    assert source[slice(*clean.source_span(0, 9))] == "ef\ufb01cient"


def test_span_map_of_a_joined_word_covers_the_line_break() -> None:
    source = "государствами-\nчленами"
    clean = normalise_text_map(source)
    assert source[slice(*clean.source_span(0, len(clean)))] == source
    assert clean.line_starts == (len("государствами-"),)


def test_page_apparatus_lines_are_removed() -> None:
    # Hand-written: a page break with a job number, barcode, page counter and running header.
    source = (
        "The General Assembly,\n"
        "Recalling its resolution 62/160 of 18 December 2007 and\n"
        "08-47620 (E) 130109\n*0847620*\n2/4\nA/RES/63/180\n"
        "its earlier resolutions,\n"
    )
    doc = clean_document(source, body_start=0, own_symbols=["A/RES/63/180"])
    assert doc.body.text == (
        "The General Assembly, Recalling its resolution 62/160 of 18 December 2007 and"
        " its earlier resolutions, "
    )


def test_geneva_job_line_is_removed() -> None:
    doc = clean_document("GE.A/HRC/19/25. 2-13124\n\nHuman Rights Council Nineteenth session\n")
    assert doc.body.text.strip() == "Human Rights Council Nineteenth session"


def test_spaced_and_glued_markers_are_taken_out_and_matched_to_their_entries() -> None:
    # Hand-written, after the seed's layout: a footnote block between two lines of a paragraph.
    source = (
        "The General Assembly,\n\n"
        " recalling Article 1, paragraph 3 of the Charter and the Declaration of 1993 1 and\n"
        "the Programme of Action2, as well as\n\n"
        "_______________\n"
        "1 A/CONF.157/24 (Part I), chap. III.\n"
        "2 See resolution 55/2.\n"
        " its resolution 62/160,\n"
    )
    doc = clean_document(source)
    assert "the Declaration of 1993 and the Programme of Action, as well as its resolution" in (
        doc.body.text
    )
    assert "Article 1, paragraph 3" in doc.body.text
    assert [(e.marker, e.text.text) for e in doc.entries] == [
        ("1", "A/CONF.157/24 (Part I), chap. III."),
        ("2", "See resolution 55/2."),
    ]
    assert [(m.marker, m.entry) for m in doc.markers] == [("1", 0), ("2", 1)]
    marker = doc.markers[1]
    assert doc.body.text[: marker.offset].endswith("Programme of Action")
    assert source[slice(*marker.source)] == "2"
    assert not doc.issues


def test_a_marker_whose_entry_is_missing_is_reported() -> None:
    doc = clean_document("The General Assembly,\n\nNoting the report of 1997 1/;\n")
    assert doc.body.text.strip() == "The General Assembly, Noting the report of 1997;"
    assert [i.code for i in doc.issues] == ["unmatched-footnote-marker"]


def test_seed_footnote_block_interrupts_pp5_which_reads_on(seed_text: str) -> None:
    doc = clean_document(seed_text, body_start=seed_text.index("Генеральная"))
    body = doc.body.text
    assert "подлинного диалога и быть направлены на расширение возможностей" in body
    assert "государствами-членами в области прав человека" in body
    assert "A/CONF.157/24" not in body
    assert "25 июня 1993 года, в отношении" in body
    assert "2000 года и ее резолюции 62/160" in body
    assert "в пункте 3 статьи 1, а также" in body
    assert [e.marker for e in doc.entries] == ["1", "2", "3", "4"]
    assert doc.entries[1].text.text == "См. резолюцию 55/2."
    assert doc.entries[2].text.text.endswith("Дополнение № 53 (А/63/53), глава II, раздел А.")
    assert [m.entry for m in doc.markers] == [0, 1, 2, 3]
    assert body[: doc.markers[3].offset].endswith("о поощрении диалога по вопросам прав человека")
    for marker in doc.markers:
        assert seed_text[slice(*marker.source)].strip() == marker.marker
    assert not doc.issues


def test_collapsed_draft_page_break_mid_sentence(shared: Path) -> None:
    source = corpus_text(shared, "A_C_3_66_L_32.en.txt")
    doc = clean_document(
        source, body_start=source.index("The General Assembly,"), own_symbols=["A/C.3/66/L.32"]
    )
    body = doc.body.text
    assert "adoption of the Durban Declaration and Programme of Action, and their role" in body
    assert "1156802" not in body
    assert "On behalf of" not in body
    assert "on 25 June 1993 for enhancing" in body
    assert [e.marker for e in doc.entries] == ["*", "1", "2", "3"]
    assert [(m.marker, m.entry) for m in doc.markers] == [
        ("*", 0),
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("4", None),
    ]


@pytest.mark.parametrize(
    ("name", "markers"),
    [
        ("A_RES_52_134.fr.txt", ["1/", "2/"]),
        ("A_RES_52_31.ar.txt", ["(1)", "(2)"]),
        ("A_RES_52_7.zh.txt", ["1/"]),
        ("A_RES_62_171.es.txt", ["1", "2", "3"]),
        ("A_RES_42_193.en.txt", []),
        ("A_RES_57_209.ru.txt", []),
    ],
)
def test_corpus_markers(shared: Path, name: str, markers: list[str]) -> None:
    source = corpus_text(shared, name)
    doc = clean_document(source)
    assert [m.marker for m in doc.markers] == markers
    for marker in doc.markers:
        assert marker.marker not in doc.body.text[marker.offset - 1 : marker.offset + 1]
