"""Fixtures of the drafting tests: the six notes verbales of `samples`, and their files."""

from __future__ import annotations

import pytest

from hrdialogue.drafting.notes_verbales import NoteVerbale
from tests.drafting.samples import LANGUAGES, state_note


@pytest.fixture(scope="session")
def notes() -> dict[str, NoteVerbale]:
    """One note verbale to a State in each of the six languages."""
    return {language: state_note(language) for language in LANGUAGES}


@pytest.fixture(scope="session")
def pdfs(notes: dict[str, NoteVerbale]) -> dict[str, bytes]:
    """The six notes as PDF (written once for all the tests)."""
    from hrdialogue.drafting.pdf_writer import write_pdf

    return {language: write_pdf(note) for language, note in notes.items()}
