"""The Secretariat prepares invitations, e-mails single-use links, downloads notes verbales in
the recipient's language, and reminders go to those who have not replied. Bad input on the
reply and invitation forms gets a message in the user's language and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def _invite(consultation: Any, secretariat: Any, codes: list[str]) -> dict[str, Any]:
    from hrdialogue.web.invitations.models import ReplyInvitation
    from hrdialogue.web.invitations.services import create_invitations
    from hrdialogue.web.stakeholders.models import Stakeholder

    stakeholders = Stakeholder.objects.filter(code__in=codes)
    assert create_invitations(
        actor=secretariat, consultation=consultation, stakeholders=stakeholders
    ) == len(codes)
    return {
        i.stakeholder.code: i for i in ReplyInvitation.objects.filter(consultation=consultation)
    }


def test_notes_verbales_download_in_the_recipients_language(
    open_call: Any, secretariat: Any, client: Any
) -> None:
    import docx

    from hrdialogue.web.invitations.services import update_invitation

    invitations = _invite(open_call, secretariat, ["fra", "chn"])
    update_invitation(
        actor=secretariat,
        invitation=invitations["chn"],
        language="zh",
        recipient_name="中华人民共和国",
    )
    update_invitation(
        actor=secretariat, invitation=invitations["fra"], language="fr", recipient_name="la France"
    )
    client.force_login(secretariat)
    response = client.get(f"/invitations/{invitations['fra'].pk}/note.docx")
    assert response.status_code == 200
    assert 'attachment; filename="note-verbale-HRD-C' in response["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Mission permanente de la France" in text
    assert open_call.reply_deadline.strftime("%Y") in text
    response = client.get(f"/invitations/{invitations['chn'].pk}/note.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert client.get(f"/invitations/{invitations['fra'].pk}/note.odt").status_code == 404


def test_the_link_creates_the_account_once_and_opens_the_form(
    open_call: Any, secretariat: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.invitations.services import send_invitation

    invitation = _invite(open_call, secretariat, ["fra"])["fra"]
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(
            actor=secretariat,
            invitation=invitation,
            email="Focal@Mission-France.example",
            link_for=lambda token: f"http://testserver/invitations/link/{token}/",
        )
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/invitations/link/\S+/)", message.body)
    assert link is not None
    path = link.group(1)
    assert client.get(path).status_code == 200
    response = client.post(
        path,
        {
            "first_name": "Marie",
            "last_name": "Curie",
            "password1": "correct horse battery staple 42",
            "password2": "correct horse battery staple 42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/replies/consultations/{open_call.pk}/reply/"
    user = User.objects.get(email="focal@mission-france.example")
    assert (user.role, user.stakeholder.code) == ("focal-point", "fra")
    client.logout()
    assert client.get(path).status_code == 404  # single use


def test_reminders_go_once_to_invited_stakeholders_that_have_not_replied(
    open_call: Any, secretariat: Any, france_focal_point: Any
) -> None:
    from django.core.management import call_command

    from hrdialogue.web.invitations.services import send_invitation
    from hrdialogue.web.invitations.tasks import send_due_reminders_task
    from hrdialogue.web.submissions.services import submit_reply

    invitations = _invite(open_call, secretariat, ["fra", "deu", "bra"])
    for code, email in [("fra", "fp-france@example.org"), ("deu", "a@de.example")]:
        send_invitation(
            actor=secretariat,
            invitation=invitations[code],
            email=email,
            link_for=lambda token: f"https://x.example/{token}/",
        )
    submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="reminder-test-key-0001",
        text="La France soutient pleinement le dialogue entre les États et le Conseil.",
    )
    mail.outbox.clear()
    send_due_reminders_task.enqueue()  # the immediate backend in tests
    # Germany was e-mailed and has not replied; France replied; Brazil was never e-mailed.
    assert [m.to for m in mail.outbox] == [["a@de.example"]]
    assert "Reminder" in mail.outbox[0].subject
    call_command("send_reminders", "--now", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # once per reminder date


def test_bad_input_on_the_reply_form_is_explained_in_the_users_language(
    open_call: Any, france_focal_point: Any, client: Any
) -> None:
    from hrdialogue.web.submissions.models import Reply

    client.force_login(france_focal_point)
    client.cookies["django_language"] = "fr"
    url = f"/replies/consultations/{open_call.pk}/reply/"
    page = client.get(url)
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page.content.decode())
    assert key is not None
    cases = [
        ({"text": "  ", "visibility": "public"}, "Saisissez votre réponse"),
        ({"text": "Texte", "visibility": "nobody"}, "Sélectionnez un choix valide"),
        (
            {"text": "", "visibility": "public", "file": _named(b"just words", "r.docx")},
            "ni un PDF ni un document DOCX",
        ),
        (
            {
                "text": "La France soutient le dialogue et la coopération.",
                "visibility": "public",
                "comment_anchor_1": "OP10",
                "comment_text_1": "",
            },
            "Rédigez le commentaire sur le paragraphe OP10",
        ),
    ]
    for data, message in cases:
        response = client.post(url, {"idempotency_key": key.group(1), **data})
        assert response.status_code == 400
        assert message in response.content.decode(), message
        assert (
            "Rien n'a été enregistré" in response.content.decode()
            or "error-summary" in response.content.decode()
        )
    assert Reply.objects.count() == 0


def test_bad_input_on_the_invitation_form_changes_nothing(
    open_call: Any, secretariat: Any, client: Any
) -> None:
    invitation = _invite(open_call, secretariat, ["fra"])["fra"]
    client.force_login(secretariat)
    client.cookies["django_language"] = "es"
    response = client.post(
        f"/invitations/{invitation.pk}/send/",
        {"language": "xx", "recipient_name": "", "email": "not-an-address"},
    )
    assert response.status_code == 400
    assert "Introduzca una dirección de correo electrónico válida" in response.content.decode()
    invitation.refresh_from_db()
    assert (invitation.sent_at, invitation.token_hash, invitation.language) == (None, None, "en")
    assert mail.outbox == []


def test_a_reply_after_the_deadline_is_marked_late_in_the_form(
    open_call: Any, france_focal_point: Any, client: Any
) -> None:
    from hrdialogue.web.consultations.models import Consultation

    Consultation.objects.filter(pk=open_call.pk).update(
        reply_deadline=dt.date.today() - dt.timedelta(days=1)
    )
    client.force_login(france_focal_point)
    page = client.get(f"/replies/consultations/{open_call.pk}/reply/")
    assert 'id="late-notice"' in page.content.decode()


def _named(data: bytes, name: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
