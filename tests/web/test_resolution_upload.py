"""The Secretariat uploads a resolution; bad files are refused in the user's language and
nothing is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

pytestmark = pytest.mark.django_db


def _upload(client: Client, name: str, data: bytes, language: str = "") -> Any:
    return client.post(
        reverse("resolutions:upload"),
        {"file": SimpleUploadedFile(name, data), "language": language},
    )


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_the_seed_is_read_with_its_anchors_and_mandates(
    client: Client, secretariat: Any, shared: Path
) -> None:
    from hrdialogue.web.resolutions.models import ResolutionDocument

    client.force_login(secretariat)
    data = (shared / "seeds" / "000_8dba0c578e5ca190.txt").read_bytes()
    response = _upload(client, "a-res-63-180.txt", data)
    assert response.status_code == 302
    document = ResolutionDocument.objects.get()
    assert (document.symbol, document.number, document.language) == ("A/RES/63/180", "63/180", "ru")
    page = client.get(response["Location"])
    # Read in the seed: 9 preambular and 11 operative paragraphs; OP10 asks the
    # Secretary-General to consult States, IGOs and NGOs.
    for anchor in ("PP1", "PP9", "OP1", "OP10", "OP11"):
        assert f'id="{anchor}"' in page.text
    assert 'id="PP10"' not in page.text
    assert 'id="OP12"' not in page.text
    assert "Open a consultation from OP10" in page.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "The submitted file is empty."),
        ("blank.txt", b"   \n\n  ", "The file is empty."),
        ("noise.bin", bytes(range(256)) * 8, "The file is not a PDF, a DOCX document or text."),
        (
            "menu.pdf",
            None,  # a real PDF whose text is a canteen menu, not a resolution
            "This document is not a resolution",
        ),
        (
            "letter.txt",
            (
                b"Dear colleagues, the meeting room on the third floor is closed on Friday "
                b"for maintenance. Please use the library instead. Thank you for your patience."
            ),
            "This document is not a resolution",
        ),
    ],
)
def test_a_file_that_is_not_a_resolution_is_refused_and_nothing_is_stored(
    client: Client, secretariat: Any, name: str, data: bytes | None, message: str
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.resolutions.models import ResolutionDocument

    if data is None:
        data = _pdf(
            "Canteen menu for the week. Monday: lentil soup and bread. Tuesday: rice with "
            "vegetables. Wednesday: fish of the day. Thursday: pasta. Friday: fruit salad."
        )
    client.force_login(secretariat)
    response = _upload(client, name, data, language="en")
    assert response.status_code == 400
    assert message in response.text
    assert not ResolutionDocument.objects.exists()
    assert not AuditEntry.objects.filter(action="resolutions.upload").exists()


def test_the_refusal_is_in_arabic_for_an_arabic_speaking_user(
    client: Client, secretariat: Any
) -> None:
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    response = _upload(client, "blank.txt", b"   \n")
    assert response.status_code == 400
    assert "الملف فارغ." in response.text
    assert 'dir="rtl"' in response.text


def test_the_file_is_read_in_the_sandbox_and_its_failure_is_a_refusal(
    client: Client, secretariat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same child process as a reply's: here one whose reader dies before it answers (as
    # one stopped by its memory or CPU limit does). Read in the web process, this text would
    # be a resolution; read in the child, it is refused, and nothing is stored.
    import sys

    from hrdialogue.documents import sandbox
    from hrdialogue.web.resolutions.models import ResolutionDocument

    code = (
        "import os, sys\n"
        "from hrdialogue.documents.sandbox import main\n"
        "def reader(data, **kw):\n    os._exit(3)\n"
        "sys.exit(main(reader=reader))\n"
    )
    monkeypatch.setattr(sandbox, "_command", lambda: [sys.executable, "-P", "-c", code])
    client.force_login(secretariat)
    response = _upload(client, "dialogue.txt", WITH_SUBPARAGRAPHS, language="en")
    assert response.status_code == 400
    assert "The file could not be read within the time and memory limits." in response.text
    assert not ResolutionDocument.objects.exists()


def test_an_exception_in_the_reader_refuses_the_file_stores_nothing_and_is_logged(
    secretariat: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Fail closed: a reader that breaks (here: the structuring step raises what it never
    # should) refuses the file with the plain refusal, never a 500 or the exception's words,
    # and stores nothing; the traceback is in the operators' log.
    import logging

    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.resolutions import reader
    from hrdialogue.web.resolutions.models import ResolutionDocument

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("SELECT secret FROM settings_module /srv/hrdialogue/parse.py")

    monkeypatch.setattr(reader, "parse_resolution", crash)
    client = Client(raise_request_exception=False)
    client.force_login(secretariat)
    with caplog.at_level(logging.ERROR):
        response = _upload(client, "dialogue.txt", WITH_SUBPARAGRAPHS, language="en")
    assert response.status_code == 400
    assert "The file could not be read." in response.text
    assert "SELECT" not in response.text
    assert "parse.py" not in response.text
    assert not ResolutionDocument.objects.exists()
    assert not AuditEntry.objects.filter(action="resolutions.upload").exists()
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert logged, "the reader's failure is logged with its traceback"


# Hand-written: one operative paragraph with two subparagraphs, the second with two of its own.
WITH_SUBPARAGRAPHS = b"""70/901. Dialogue written for the tests

The General Assembly,

Recalling its earlier resolutions,

1. Requests the Secretary-General to consult States on:
(a) the ways to strengthen dialogue among the human rights mechanisms;
(b) the practice of regional organizations, in particular:
(i) their annual reports to the Council;
(ii) their visits to the field,
and to report to the General Assembly at its seventy-second session.

70th plenary meeting
17 December 2015
"""


def test_the_resolution_page_shows_each_subparagraphs_words_once(
    client: Client, secretariat: Any
) -> None:
    client.force_login(secretariat)
    response = _upload(client, "subparagraphs.txt", WITH_SUBPARAGRAPHS)
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    for anchor in ("OP1", "OP1(a)", "OP1(b)", "OP1(b)(i)", "OP1(b)(ii)"):
        assert f'id="{anchor}"' in page
    assert page.count("strengthen dialogue among the human rights mechanisms") == 1
    assert page.count("their annual reports to the Council") == 1
    assert page.count("Requests the Secretary-General to consult States on:") == 1


# Hand-written: its second operative paragraph opens with a verb no lexicon knows, and the text
# stops after it, mid-sentence (a ";"), without the meeting and the date.
WITH_PROBLEMS = b"""70/902. Dialogue written for the tests

The General Assembly,

Recalling its earlier resolutions,

1. Requests the Secretary-General to consult States;

2. Zorbles the importance of dialogue;
"""


def test_what_the_reader_could_not_place_is_listed_for_the_secretariat(
    client: Client, secretariat: Any
) -> None:
    client.force_login(secretariat)
    response = _upload(client, "problems.txt", WITH_PROBLEMS, language="en")
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    section = page[page.index('id="warnings-heading"') : page.index('id="text-heading"')]
    assert '<a href="#OP2">OP2</a>' in section  # the unknown lead, linked to its paragraph
    assert "Zorbles" in section
    assert "truncated" in section  # it stops mid-sentence
    assert "Nothing: the reader placed every part of the text." not in section


def test_a_resolution_read_whole_says_so(client: Client, secretariat: Any) -> None:
    client.force_login(secretariat)
    response = _upload(client, "subparagraphs.txt", WITH_SUBPARAGRAPHS)
    page = client.get(response["Location"]).text
    assert "Nothing: the reader placed every part of the text." in page
    assert '<table class="warnings">' not in page


def test_glyphs_a_pdf_maps_to_no_text_are_listed_with_the_resolution(
    client: Client, secretariat: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what the sandbox notes about reading the file (here: 2 glyphs of the PDF's text layer
    # with no text) is kept with the resolution and listed with what the reader could not place;
    # the child itself is tested in tests/documents/test_hostile_sources.py
    from hrdialogue.documents.source import Document
    from hrdialogue.web.resolutions.models import ResolutionDocument

    note = "2 characters of the PDF's text layer (page 1) could not be mapped to text"
    text = WITH_SUBPARAGRAPHS.decode()

    def read(data: bytes, *, name: str | None) -> Document:
        return Document(text, "pdf", 1, name, (note,))

    monkeypatch.setattr("hrdialogue.web.resolutions.reader.extract_in_sandbox", read)
    client.force_login(secretariat)
    response = _upload(client, "r.pdf", b"%PDF-1.4 not read here", language="en")
    assert response.status_code == 302
    stored = ResolutionDocument.objects.get().resolution
    assert [(w.code, w.message) for w in stored.warnings] == [("source", note)]
    assert escape(note) in client.get(response["Location"]).text
