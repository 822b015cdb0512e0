"""A preambular paragraph whose lead phrase the lexicon does not know is a paragraph all the
same where the layout says so, reported as an unknown lead: never read on, silently, into
the paragraph before it.

The English and Russian texts here are HAND-WRITTEN for these tests from the layout rules in
`reference/un-documents.md` (§2.3, enacting formula and leads); "Heeding" and "Внимая" are
invented leads (no UN lexicon lists them). The French case changes one lead of a real UN HTML
rendition (A/RES/52/134, one paragraph a line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdialogue.documents.parse import parse_resolution
from tests.corpus import corpus_text

ONE_A_LINE = """\
The General Assembly,
Recalling its resolution 62/160 of 18 December 2007,
Heeding the views expressed by Member States in the Third Committee,
Noting with concern the report of the Secretary-General,
1. Requests the Secretary-General to report to it at its sixty-fourth session.
70th plenary meeting
18 December 2008
"""

# The same paragraphs wrapped to a page's width: the line after "2007," is a continuation
# ("and its resolution 61/168,"), as wrapped text has them after a comma.
WRAPPED = """\
The General Assembly,
Recalling its resolution 62/160 of 18 December 2007 on the strengthening of
international cooperation in the field of human rights and its resolution of
18 December 2007,
and its resolution 61/168 of 19 December 2006,
Noting with concern the report of the Secretary-General,
1. Requests the Secretary-General to report to it at its sixty-fourth session.
70th plenary meeting
18 December 2008
"""


def test_a_line_with_an_unknown_lead_is_its_own_paragraph_and_is_reported() -> None:
    resolution = parse_resolution(ONE_A_LINE, language="en")
    assert [(p.anchor, p.lead, p.lead_key) for p in resolution.preamble] == [
        ("PP1", "Recalling", "recalling"),
        ("PP2", "Heeding", None),
        ("PP3", "Noting with concern", "noting"),
    ]
    assert resolution.preamble[1].text == (
        "Heeding the views expressed by Member States in the Third Committee,"
    )
    assert [(w.code, w.anchor) for w in resolution.warnings] == [("unknown-lead", "PP2")]
    assert "'Heeding'" in resolution.warnings[0].message


def test_a_wrapped_line_after_a_comma_reads_on_in_its_paragraph() -> None:
    resolution = parse_resolution(WRAPPED, language="en")
    assert [p.lead for p in resolution.preamble] == ["Recalling", "Noting with concern"]
    assert resolution.preamble[0].text.endswith(
        "18 December 2007, and its resolution 61/168 of 19 December 2006,"
    )
    assert resolution.warnings == ()


def test_two_lines_are_too_few_to_say_the_layout_is_one_paragraph_a_line() -> None:
    # "and …" after a comma on the second of two lines: a wrapped paragraph, not two
    text = (
        "Генеральная Ассамблея,\nссылаясь на свою резолюцию 62/160,\n"
        "и на резолюцию 61/168,\n1. просит Генерального секретаря представить доклад.\n"
    )
    resolution = parse_resolution(text, language="ru")
    assert [p.lead for p in resolution.preamble] == ["ссылаясь на"]
    assert (
        resolution.preamble[0].text == "ссылаясь на свою резолюцию 62/160, и на резолюцию 61/168,"
    )


def test_russian_one_a_line_with_an_invented_lead() -> None:
    text = (
        "Генеральная Ассамблея,\n"
        "ссылаясь на свою резолюцию 62/160 от 18 декабря 2007 года,\n"
        "внимая мнениям государств-членов,\n"
        "признавая важность международного сотрудничества,\n"
        "1. просит Генерального секретаря представить доклад.\n"
    )
    resolution = parse_resolution(text, language="ru")
    assert [(p.lead, p.lead_key) for p in resolution.preamble] == [
        ("ссылаясь на", "recalling"),
        ("внимая", None),
        ("признавая", "recognizing"),
    ]
    assert ("unknown-lead", "PP2") in [(w.code, w.anchor) for w in resolution.warnings]


def test_a_real_rendition_with_one_lead_changed_keeps_four_paragraphs(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_52_134.fr.txt")
    assert text.count("\nSachant que") == 1
    original = parse_resolution(text, language="fr")
    changed = parse_resolution(text.replace("\nSachant que", "\nAyant entendu que"), language="fr")
    assert len(original.preamble) == len(changed.preamble) == 4
    assert changed.preamble[1].lead == "Ayant"
    assert changed.preamble[1].lead_key is None
    assert changed.preamble[1].text.startswith("Ayant entendu que le renforcement")
    assert changed.preamble[0].text == original.preamble[0].text
    unknown = [w.anchor for w in changed.warnings if w.code == "unknown-lead"]
    assert unknown == ["PP2"]


@pytest.mark.parametrize("lines", [3, 10])
def test_a_preamble_one_paragraph_a_line_of_any_length(lines: int) -> None:
    body = "".join(f"Heeding point number {k} of the report,\n" for k in range(1, lines + 1))
    text = f"The General Assembly,\n{body}1. Requests a report.\n"
    resolution = parse_resolution(text, language="en")
    assert len(resolution.preamble) == lines
    assert [w.anchor for w in resolution.warnings if w.code == "unknown-lead"] == [
        f"PP{k}" for k in range(1, lines + 1)
    ]
