"""A State focal point follows its invitation link, creates its account, uploads a DOCX reply
in Russian (made here with python-docx; the text is hand-written), comments on OP10 and
downloads the receipt, which verifies; the Secretariat sees the reply on the dashboard and
publishes it; the public page shows it. The note verbale to an Arabic-speaking mission opens
as a PDF set right to left (turned into a page image with pdftoppm).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long demo passphrase 2026"
RUSSIAN = [
    "Ответ Российской Федерации",
    "Российская Федерация поддерживает укрепление международного сотрудничества в области "
    "прав человека на основе диалога и взаимного уважения.",
    "Совет по правам человека должен работать на принципах универсальности, объективности "
    "и неизбирательности.",
]


def _docx() -> bytes:
    import docx

    document = docx.Document()
    for text in RUSSIAN:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def call(transactional_db: Any, live_server: Any, settings: Any) -> dict[str, Any]:
    from django.core import mail
    from django.utils import timezone

    from hrdialogue.documents.model import Adoption
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.consultations.services import advance_phase, open_consultation
    from hrdialogue.web.invitations.models import ReplyInvitation
    from hrdialogue.web.invitations.services import (
        create_invitations,
        send_invitation,
        update_invitation,
    )
    from hrdialogue.web.resolutions.services import store_resolution
    from hrdialogue.web.stakeholders.models import Stakeholder
    from hrdialogue.web.stakeholders.services import load_registry
    from tests.web.resolution_fixture import hand_written_resolution

    load_registry()
    secretariat = User.objects.create_user("sec@un.example", PASSWORD, role="secretariat")
    document = store_resolution(
        actor=secretariat,
        resolution=hand_written_resolution().model_copy(
            update={"adoption": Adoption(meeting=70, date=dt.date(2008, 12, 18), span=(0, 1))}
        ),
        text="(hand-written test text)",
        source_name="a-res-63-180-ru.txt",
        source_format="text",
        source_sha256="3" * 64,
    )
    consultation = open_consultation(
        actor=secretariat, document=document, mandate_index=0, title="OP10 consultation"
    )
    advance_phase(actor=secretariat, consultation=consultation, to="open")
    Consultation.objects.filter(pk=consultation.pk).update(
        reply_deadline=timezone.localdate() + dt.timedelta(days=30)
    )
    consultation.refresh_from_db()
    states = Stakeholder.objects.filter(code__in=["rus", "egy"])
    create_invitations(actor=secretariat, consultation=consultation, stakeholders=states)
    russia = ReplyInvitation.objects.get(stakeholder__code="rus")
    send_invitation(
        actor=secretariat,
        invitation=russia,
        email="focal.point@mission-russia.example",
        link_for=lambda token: f"{live_server.url}/invitations/link/{token}/",
    )
    (message,) = mail.outbox
    link = re.search(r"http://\S+/invitations/link/\S+/", message.body)
    assert link is not None
    egypt = ReplyInvitation.objects.get(stakeholder__code="egy")
    update_invitation(actor=secretariat, invitation=egypt, language="ar", recipient_name="مصر")
    return {"consultation": consultation, "link": link.group(0), "egypt": egypt}


def test_state_focal_point_replies_in_russian_and_the_reply_is_published(
    live_server: Any, browser: Any, call: dict[str, Any], tmp_path: Path
) -> None:
    from hrdialogue.receipts import Receipt, load_public_key, verify_receipt
    from hrdialogue.web.submissions.signing import public_key_pem

    base = live_server.url
    consultation = call["consultation"]
    data = _docx()

    focal = browser.new_context(locale="en-GB").new_page()
    focal.goto(call["link"])
    focal.get_by_label("First name").fill("Ivan")
    focal.get_by_label("Last name").fill("Petrov")
    focal.locator("#id_password1").fill(PASSWORD)
    focal.locator("#id_password2").fill(PASSWORD)
    focal.get_by_role("button", name="Create the account").click()
    focal.wait_for_url(f"{base}/replies/consultations/{consultation.pk}/reply/")
    focal.get_by_label("Or upload the reply (DOCX or PDF)").set_input_files(
        files=[
            {
                "name": "otvet.docx",
                "mimeType": "application/octet-stream",
                "buffer": data,
            }
        ]
    )
    focal.get_by_label("Paragraph of the resolution (comment 1)").select_option("OP10")
    focal.locator("#id_comment_text_1").fill(
        "Пункт 10: консультации должны быть открытыми для всех государств."
    )
    focal.get_by_role("button", name="Send the reply").click()
    focal.wait_for_url(re.compile(r"/replies/versions/\d+/$"))
    assert "R1" in focal.locator("h1").inner_text()
    with focal.expect_download() as download_info:
        focal.get_by_role("link", name="Download the receipt").click()
    receipt = Receipt.from_json(Path(download_info.value.path()).read_bytes())
    assert receipt.stakeholder == "rus"
    assert verify_receipt(receipt, load_public_key(public_key_pem()), data)

    secretariat = browser.new_context(locale="en-GB").new_page()
    secretariat.goto(f"{base}/accounts/login/")
    secretariat.get_by_label("E-mail address").fill("sec@un.example")
    secretariat.get_by_label("Password").fill(PASSWORD)
    secretariat.get_by_role("button", name="Sign in").click()
    secretariat.wait_for_url(f"{base}/")
    secretariat.goto(f"{base}/replies/consultations/{consultation.pk}/dashboard/")
    assert secretariat.locator("#replied-count").inner_text() == "1"
    row = secretariat.locator("#reply-R1")
    assert "Russian Federation" in row.inner_text()
    assert "ru" in row.inner_text()
    assert "Russian" in secretariat.locator("#by-language").inner_text()
    secretariat.get_by_role("button", name="Publish R1").click()
    secretariat.wait_for_url(f"{base}/replies/consultations/{consultation.pk}/dashboard/")
    assert "R1 is published" in secretariat.locator(".messages").inner_text()

    public = browser.new_context(locale="en-GB").new_page()
    public.goto(f"{base}/replies/consultations/{consultation.pk}/published/")
    assert "Russian Federation" in public.locator("main").inner_text()
    public.get_by_role("link", name="Reply R1").click()
    text = public.locator("main").inner_text()
    assert "Совет по правам человека должен работать" in text
    assert "Пункт 10: консультации" in text
    assert public.locator("[id='R1.P2']").is_visible()

    # The note verbale to Egypt, in Arabic, as the Secretariat downloads it.
    response = secretariat.request.get(f"{base}/invitations/{call['egypt'].pk}/note.pdf")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    image = _page_image(response.body(), tmp_path)
    edges = _line_edges(image)
    assert len(edges) > 10, "the page is (nearly) blank"
    width = image.size[0]
    # Right to left: most lines end flush at the right margin (the quoted paragraph is in
    # Russian, set left to right, and the reference stands at the start); short lines leave
    # the left side empty.
    right_flush = sum(abs(hi - width * 185 / 210) < width * 0.02 for _lo, hi in edges)
    left_flush = sum(abs(lo - width * 25 / 210) < width * 0.02 for lo, _hi in edges)
    assert right_flush > 0.5 * len(edges), (right_flush, left_flush, edges)
    assert left_flush < right_flush, (right_flush, left_flush, edges)
    ink_left = sum(min(hi, width // 2) - lo for lo, hi in edges if lo < width // 2)
    ink_right = sum(hi - max(lo, width // 2) for lo, hi in edges if hi > width // 2)
    assert ink_right > ink_left


def _page_image(data: bytes, tmp_path: Path) -> Any:
    from PIL import Image

    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm not installed (Debian package poppler-utils)")
    pdf = tmp_path / "note-ar.pdf"
    pdf.write_bytes(data)
    subprocess.run(
        [tool, "-r", "60", "-gray", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    with Image.open(png) as image:
        return image.convert("L")


def _line_edges(image: Any) -> list[tuple[int, int]]:
    """`(leftmost, rightmost)` inked column of each text line (a band of 4+ inked rows)."""
    width, height = image.size
    pixels = image.load()
    edges: list[tuple[int, int]] = []
    band: list[int] = []
    rows = 0
    for y in range(height + 1):
        inked = [x for x in range(width) if y < height and pixels[x, y] < 128]
        if inked:
            band += [inked[0], inked[-1]]
            rows += 1
        elif band:
            if rows >= 4:
                edges.append((min(band), max(band)))
            band, rows = [], 0
    return edges
