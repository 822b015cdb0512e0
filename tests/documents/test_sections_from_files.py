"""A composite resolution, and one whose part has sections of its own, made into a PDF (a real
text layer, fpdf2) and a DOCX (python-docx) in the test, read back and parsed: the same parts,
sections, anchors, formulas and closings as the text. The texts are the hand-written fixtures
of `test_sections.py` (written from `reference/un-documents.md`, not real UN texts)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from hrdialogue.documents.model import Resolution
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.source import read_path
from tests.documents.makedocs import LATIN_FONT, docx_paragraphs, make_docx, make_pdf, split_pages
from tests.documents.test_sections import COMPOSITE, NESTED

_LABEL_LINE = re.compile(r"^([A-Z]|[IVX]+)\n", re.MULTILINE)


def _shape(resolution: Resolution) -> dict[str, Any]:
    def norm(text: str | None) -> str | None:
        return None if text is None else " ".join(text.split())

    return {
        "sections": [
            (
                s.anchor,
                s.num,
                norm(s.heading),
                s.enacting_formula,
                None if s.adoption is None else (s.adoption.meeting, s.adoption.date),
            )
            for s in resolution.sections
        ],
        "paragraphs": [
            (p.anchor, p.section, norm(p.text))
            for p in (*resolution.preamble, *resolution.operative)
        ],
        "mandates": [(m.anchor, m.strength, m.addressees) for m in resolution.mandates],
        "warnings": [w.code for w in resolution.warnings],
    }


@pytest.mark.parametrize("kind", ["pdf", "docx"])
@pytest.mark.parametrize("text", [COMPOSITE, NESTED], ids=["composite", "nested"])
def test_a_composite_read_from_a_file_has_the_texts_parts(
    kind: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / f"resolution.{kind}"
    if kind == "pdf":
        if not LATIN_FONT.exists():
            pytest.skip(f"font {LATIN_FONT} missing: apt-get install fonts-noto-core")
        path.write_bytes(make_pdf(split_pages(text)))
    else:  # a label a Word paragraph of its own, as the UN lays it out
        path.write_bytes(make_docx(docx_paragraphs(_LABEL_LINE.sub(r"\1\n\n", text), {})))
    from_file = parse_resolution(read_path(path).text, language="en", source=path.name)
    from_text = parse_resolution(text, language="en")
    assert from_text.is_composite  # (what the text gives is checked in test_sections.py)
    assert _shape(from_file) == _shape(from_text)


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (COMPOSITE, "\nB United Nations public information policies and activities\n"),
        (NESTED, "\nII Human rights questions\n"),
    ],
    ids=["composite", "nested"],
)
def test_a_label_joined_to_its_title_is_read(text: str, joined: str, tmp_path: Path) -> None:
    # A DOCX (or an HTML rendition) may give the label and the title as one line:
    # "A Information in the service of humanity", "II Human rights questions".
    path = tmp_path / "joined.docx"
    path.write_bytes(make_docx(docx_paragraphs(text, {})))
    from_file = read_path(path).text
    assert joined in from_file
    resolution = parse_resolution(from_file, language="en", source=path.name)
    assert _shape(resolution) == _shape(parse_resolution(text, language="en"))


@pytest.mark.parametrize(
    "line",
    [
        "A draft text was considered",  # a lower-case word: a sentence, not a title
        "A 1999 report",  # a number
    ],
)
def test_a_line_that_opens_with_a_letter_and_a_sentence_is_no_part_label(line: str) -> None:
    text = COMPOSITE.replace("A\nInformation in the service of humanity", line, 1)
    resolution = parse_resolution(text, language="en")
    assert resolution.sections == ()
    assert "composite" in [w.code for w in resolution.warnings]


@pytest.mark.parametrize("lettered", [False, True], ids=["numbered", "lettered"])
@pytest.mark.parametrize("language", ["ar", "zh", "en", "fr", "ru", "es"])
def test_a_sectioned_resolution_read_from_a_docx_keeps_its_sections(
    language: str, lettered: bool, tmp_path: Path
) -> None:
    from tests.documents.sectioned import sectioned

    text = sectioned(language, lettered=lettered)
    path = tmp_path / "sectioned.docx"
    path.write_bytes(make_docx(docx_paragraphs(text, {})))
    from_file = parse_resolution(read_path(path).text, language=language, source=path.name)
    from_text = parse_resolution(text, language=language)
    assert [s.anchor for s in from_text.sections] == (["A", "B"] if lettered else ["I", "II"])
    assert _shape(from_file) == _shape(from_text)
