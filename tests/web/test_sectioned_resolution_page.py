"""The Secretariat uploads a resolution divided into sections and reads it with the section
headings in place; a consultation opens from a mandate inside a section.

The resolution is the hand-written English fixture of `tests/documents/sectioned.py` (written
from the rules in `reference/un-documents.md`, not a real UN text).
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.documents.sectioned import sectioned

pytestmark = pytest.mark.django_db


# Section I's paragraph 2 asks the Secretary-General to consult (a mandate a consultation
# opens from) before reporting.
_TEXT = sectioned("en").replace(
    "Secretary-General to report thereon",
    "Secretary-General to consult Member States and non-governmental organizations on the\n"
    "question and to report thereon",
)


def _upload(client: Client, text: str = _TEXT, name: str = "a-res-68-247.txt") -> Any:
    data = text.encode("utf-8")
    return client.post(
        reverse("resolutions:upload"),
        {"file": SimpleUploadedFile(name, data), "language": "en"},
    )


def _page(client: Client, text: str, name: str) -> str:
    """The page of the resolution `text` as uploaded in English under the file `name`."""
    response = _upload(client, text, name)
    assert response.status_code == 302
    page: str = client.get(response["Location"]).text
    return page


def test_the_page_shows_each_section_heading_before_its_paragraphs(
    client: Client, secretariat: Any
) -> None:
    client.force_login(secretariat)
    response = _upload(client)
    assert response.status_code == 302
    page = client.get(response["Location"]).text
    ids = re.findall(r'<(?:p|h3) class="(?:paragraph|section-heading)" id="([^"]+)"', page)
    assert ids == [
        "PP1",
        "sec_I",
        "I.PP1",
        "I.OP1",
        "I.OP2",
        "sec_II",
        "II.PP1",
        "II.OP1",
        "II.OP2",
        "II.OP2(a)",
        "II.OP2(b)",
    ]
    heading = re.search(r'<h3 class="section-heading" id="sec_II">(.*?)</h3>', page)
    assert heading is not None
    assert re.sub(r"<[^>]+>", "", heading.group(1)) == "II Cooperation in the field of human rights"


def test_a_composite_resolution_shows_each_part_with_its_formula_and_closing(
    client: Client, secretariat: Any
) -> None:
    from tests.documents.test_sections import COMPOSITE

    client.force_login(secretariat)
    page = _page(client, COMPOSITE, "a-res-69-96.txt")
    text = page[page.index('id="text-heading"') :]
    blocks = re.findall(r'<(?:p|h3) class="([^"]+)"(?: id="([^"]+)")?>(.*?)</(?:p|h3)>', text, re.S)
    shown = [(cls, anchor or re.sub(r"<[^>]+>", "", body).strip()) for cls, anchor, body in blocks]
    closing = ("paragraph closing", "62nd plenary meeting, 5 December 2014")
    formula = ("paragraph", "The General Assembly,")
    assert shown[1:] == [  # (the title first)
        ("section-heading", "sec_A"),
        formula,
        ("paragraph", "A.PP1"),
        ("paragraph", "A.OP1"),
        ("paragraph", "A.OP2"),
        closing,
        ("section-heading", "sec_B"),
        formula,
        ("paragraph", "B.PP1"),
        ("paragraph", "B.OP1"),
        ("paragraph", "B.OP2"),
        closing,
    ]


def test_the_sections_inside_a_composite_part_are_headed_one_level_down(
    client: Client, secretariat: Any
) -> None:
    from tests.documents.test_sections import NESTED

    client.force_login(secretariat)
    page = _page(client, NESTED, "a-res-70-247.txt")
    headings = re.findall(r'<(h[34]) class="section-heading" id="([^"]+)"', page)
    assert headings == [("h3", "sec_A"), ("h4", "sec_A.I"), ("h4", "sec_A.II"), ("h3", "sec_B")]
    closing = page.index("81st plenary meeting, 23 December 2015")
    assert page.index('id="A.II.OP1"') < closing < page.index('id="sec_B"')


def test_an_unsectioned_resolution_shows_no_section_heading(
    client: Client, stored_resolution: Any
) -> None:
    page = client.get(reverse("resolutions:detail", args=[stored_resolution.pk])).text
    assert 'id="OP10"' in page
    assert "section-heading" not in page


def test_a_consultation_opens_from_a_mandate_inside_a_section(
    client: Client, registry: None, secretariat: Any
) -> None:
    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.resolutions.models import ResolutionDocument

    client.force_login(secretariat)
    _upload(client)
    document = ResolutionDocument.objects.get()
    anchors = [m.anchor for m in document.resolution.mandates]
    assert anchors[0] == "I.OP2"
    response = client.post(
        reverse("consultations:create", args=[document.pk, 0]),
        {"title": "Consultation I.OP2", "visibility": "public"},
    )
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.mandate_anchor == "I.OP2"


def test_the_note_verbale_names_the_paragraph_and_its_section(
    client: Client, registry: None, secretariat: Any
) -> None:
    """A consultation opened from `I.OP2` of a sectioned resolution: its note verbale quotes
    "paragraph 2 of section I" (in French here), with the paragraph's words."""
    import docx

    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.invitations.services import create_invitations, update_invitation
    from hrdialogue.web.resolutions.models import ResolutionDocument
    from hrdialogue.web.stakeholders.models import Stakeholder

    client.force_login(secretariat)
    _upload(client)
    document = ResolutionDocument.objects.get()
    client.post(
        reverse("consultations:create", args=[document.pk, 0]),
        {"title": "Consultation I.OP2", "visibility": "public"},
    )
    consultation = Consultation.objects.get()
    france = Stakeholder.objects.get(code="fra")
    consultation.consultees.add(france)
    invited = create_invitations(
        actor=secretariat, consultation=consultation, stakeholders=[france]
    )
    assert invited == 1
    invitation = consultation.invitations.get()
    update_invitation(
        actor=secretariat, invitation=invitation, language="fr", recipient_name="la France"
    )
    response = client.get(f"/invitations/{invitation.pk}/note.docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Le paragraphe 2 de la section I de la résolution se lit comme suit :" in text
    # quoted as adopted, in English
    assert "Requests the Secretary-General to consult Member States and non-governmental" in text
