"""A user compares two language versions of a resolution, or two years of a recurring one.

The resolutions are hand-built (`tests/documents/factories.py`); expected mismatches and
changes are written from what those factories put in each version.
"""

from __future__ import annotations

from rich.console import Console

from hrdialogue.documents.compare import (
    Comparison,
    Mismatch,
    WordOp,
    compare_resolutions,
    comparison_table,
    tokenize_words,
)
from hrdialogue.documents.model import Resolution
from tests.documents import factories
from tests.documents.factories import Draft


def _rendered(comparison: Comparison) -> str:
    console = Console(record=True, width=200, color_system=None)
    console.print(comparison_table(comparison))
    return console.export_text()


def _as_language(resolution: Resolution, language: str) -> Resolution:
    return resolution.model_copy(update={"language": language})


# --- translation ----------------------------------------------------------------------------


def test_two_language_versions_report_every_mismatch() -> None:
    en, fr = factories.translation_pair()
    result = compare_resolutions(en, fr)
    assert result.kind == "translation"
    assert not result.aligned
    assert [(m.code, m.anchor, m.a, m.b) for m in result.mismatches] == [
        ("only-in-a", "PP3", "PP3", None),
        ("footnotes-differ", "OP1", "1", "0"),
        ("mandates-differ", "OP2", "requests", "invites"),
    ]
    assert result.paragraphs == ()
    assert (result.a.language, result.b.language) == ("en", "fr")
    assert (result.a.preambular, result.b.preambular) == (3, 2)


def test_the_other_way_round_the_paragraph_is_only_in_b() -> None:
    en, fr = factories.translation_pair()
    result = compare_resolutions(fr, en)
    assert result.mismatches[0].code == "only-in-b"
    assert result.mismatches[0].anchor == "PP3"


def test_identical_structure_aligns() -> None:
    en = factories.english_full()
    result = compare_resolutions(en, _as_language(en, "fr"))
    assert result.kind == "translation"
    assert result.aligned
    assert result.mismatches == ()
    assert "aligned" in _rendered(result)


def test_subparagraphs_numbering_and_symbol_mismatches() -> None:
    en = factories.english_full()
    op3, op4 = en.operative[2], en.operative[3]
    fewer = op3.model_copy(update={"subparagraphs": op3.subparagraphs[:2]})
    unnumbered = op4.model_copy(update={"number": None})
    ru = en.model_copy(
        update={
            "language": "ru",
            "symbol": "A/RES/70/902",
            "operative": (*en.operative[:2], fewer, unnumbered),
        }
    )
    result = compare_resolutions(en, ru)
    assert [(m.code, m.anchor, m.a, m.b) for m in result.mismatches] == [
        ("symbol-differs", None, "A/RES/70/901", "A/RES/70/902"),
        ("subparagraphs-differ", "OP3", "(a) (b) (c)", "(a) (b)"),
        ("only-in-a", "OP3(c)", "OP3(c)", None),
        ("numbering-differs", "OP4", "4", "None"),
    ]


def test_a_paragraph_only_in_b_is_placed_after_its_predecessor() -> None:
    en, _ = factories.translation_pair()
    # Compare a French text that has PP3 with an English one that lacks PP2 and PP3.
    shorter = en.model_copy(update={"preamble": en.preamble[:1], "footnotes": ()})
    fr_full = Draft(language="fr")
    for lead, key in (("Rappelant", "recalling"), ("Notant", "noting"), ("Saluant", "welcoming")):
        fr_full.preambular(lead, key, " un texte,")
    for number in (1, 2):
        fr_full.operative_paragraph(number, "Prie", "requests", " le Secrétaire général ;")
    fr_full.mandate(
        "OP2",
        "requests",
        "Prie",
        ["secretary-general"],
        action="report",
        subject="le Secrétaire général",
    )
    result = compare_resolutions(shorter, fr_full.build())
    assert [(m.code, m.anchor) for m in result.mismatches] == [
        ("only-in-b", "PP2"),
        ("only-in-b", "PP3"),
    ]


# --- revision -------------------------------------------------------------------------------


def test_two_years_align_paragraph_to_paragraph() -> None:
    first, second = factories.revision_pair()
    result = compare_resolutions(first, second)
    assert result.kind == "revision"
    assert not result.aligned
    assert result.mismatches == ()
    assert [(p.part, p.status, p.a_anchor, p.b_anchor) for p in result.paragraphs] == [
        ("preamble", "unchanged", "PP1", "PP1"),
        ("preamble", "changed", "PP2", "PP2"),
        ("preamble", "removed", "PP3", None),
        ("preamble", "added", None, "PP3"),
        ("preamble", "unchanged", "PP4", "PP4"),
        ("operative", "unchanged", "OP1", "OP1"),
        ("operative", "unchanged", "OP2", "OP2"),
    ]


def test_a_changed_paragraph_has_a_word_level_diff() -> None:
    first, second = factories.revision_pair()
    changed = compare_resolutions(first, second).paragraphs[1]
    assert changed.diff == (
        WordOp(
            op="equal",
            a=("Reaffirming", "its", "resolution", "16/3", "of", "24", "March", "2011"),
            b=("Reaffirming", "its", "resolution", "16/3", "of", "24", "March", "2011"),
        ),
        WordOp(op="insert", a=(), b=("and", "its", "resolution", "19/901")),
        WordOp(op="equal", a=(",",), b=(",",)),
    )
    # 9 words in A, 13 in B, 9 in common: 2 × 9 / 22.
    assert changed.similarity == round(18 / 22, 4)


def test_same_text_twice_is_all_unchanged() -> None:
    first, _ = factories.revision_pair()
    result = compare_resolutions(first, first)
    assert result.aligned
    assert {p.status for p in result.paragraphs} == {"unchanged"}
    assert all(p.diff == () for p in result.paragraphs)


def test_alignment_keeps_the_order_of_both_texts() -> None:
    a, b = Draft(), Draft()
    a.preambular("Recalling", "recalling", " the first text about cooperation,")
    a.preambular("Noting", "noting", " the second text about dialogue among cultures,")
    b.preambular("Noting", "noting", " the second text about dialogue among cultures,")
    b.preambular("Recalling", "recalling", " the first text about cooperation,")
    result = compare_resolutions(a.build(), b.build())
    paired = [(p.a_anchor, p.b_anchor) for p in result.paragraphs if p.status == "unchanged"]
    assert len(paired) == 1
    assert sorted(p.status for p in result.paragraphs) == ["added", "removed", "unchanged"]


def test_subparagraph_changes_count_as_changes_of_their_paragraph() -> None:
    en = factories.english_full()
    op3 = en.operative[2]
    sub_c = op3.subparagraphs[2].model_copy(update={"text": "To keep the Council informed;"})
    edited = op3.model_copy(update={"subparagraphs": (*op3.subparagraphs[:2], sub_c)})
    later = en.model_copy(update={"operative": (*en.operative[:2], edited, en.operative[3])})
    result = compare_resolutions(en, later)
    statuses = {p.a_anchor: p.status for p in result.paragraphs}
    assert statuses["OP3"] == "changed"
    (op3_change,) = [p for p in result.paragraphs if p.a_anchor == "OP3"]
    assert [s for s in op3_change.diff if s.op != "equal"] == [
        WordOp(op="replace", a=("Assembly",), b=("Council",))
    ]


def test_chinese_is_compared_character_by_character() -> None:
    a, b = Draft(language="zh"), Draft(language="zh")
    a.preambular("回顾", "recalling", "其以往关于这个问题的决议，")
    b.preambular("回顾", "recalling", "其以往关于这个问题的各项决议，")
    (change,) = compare_resolutions(a.build(), b.build()).paragraphs
    assert change.status == "changed"
    assert [s for s in change.diff if s.op != "equal"] == [
        WordOp(op="insert", a=(), b=("各", "项"))
    ]


def test_tokenize_words_keeps_symbols_and_compounds_whole() -> None:
    assert tokenize_words("resolution 16/3 of the Secretary-General (A/HRC/7/31),") == [
        "resolution",
        "16/3",
        "of",
        "the",
        "Secretary-General",
        "(",
        "A/HRC/7/31",
        ")",
        ",",
    ]
    assert tokenize_words("请秘书长") == ["请", "秘", "书", "长"]
    assert tokenize_words("تطلب إلى الأمين العام") == ["تطلب", "إلى", "الأمين", "العام"]


# --- output ---------------------------------------------------------------------------------


def test_json_round_trips_and_is_deterministic() -> None:
    first, second = factories.revision_pair()
    result = compare_resolutions(first, second)
    dumped = result.model_dump_json()
    assert Comparison.model_validate_json(dumped) == result
    assert dumped == compare_resolutions(first, second).model_dump_json()
    assert '"kind":"revision"' in dumped


def test_tables_show_each_mismatch_or_change() -> None:
    en, fr = factories.translation_pair()
    translation = comparison_table(compare_resolutions(en, fr))
    assert translation.row_count == 3
    assert "translation, 3 mismatches" in str(translation.title)
    text = _rendered(compare_resolutions(en, fr))
    assert "only-in-a" in text
    assert "requests" in text
    assert "invites" in text

    first, second = factories.revision_pair()
    revision = compare_resolutions(first, second)
    table = comparison_table(revision)
    assert table.row_count == 7
    assert str(table.title).endswith("revision, 4 unchanged, 1 changed, 1 added, 1 removed")
    rendered = _rendered(revision)
    assert "and its resolution 19/901" in rendered
    assert "removed" in rendered


def test_mismatch_messages_name_the_anchor() -> None:
    en, fr = factories.translation_pair()
    messages = [m.message for m in compare_resolutions(en, fr).mismatches]
    assert messages[0] == "PP3 is only in A"
    assert all(isinstance(m, Mismatch) for m in compare_resolutions(en, fr).mismatches)
