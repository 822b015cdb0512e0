"""The note verbale of an invitation, written by `hrdialogue.drafting` from the platform's data.

The web layer only maps its models to the drafting function's plain values: the recipient's
kind, its name as the invitation gives it, the consultation's deadline, word limit and
questions, and the resolution with the mandate quoted. Guiding questions are printed as the
Secretariat typed them; without any, one question in the note's language asks for views on
the paragraph quoted.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hrdialogue.drafting.docx_writer import write_docx
from hrdialogue.drafting.notes_verbales import NoteVerbale, compose_note_verbale
from hrdialogue.drafting.pdf_writer import write_pdf
from hrdialogue.web.invitations.models import ReplyInvitation

__all__ = ["RECIPIENT_KINDS", "compose_invitation_note", "note_file", "reply_url"]

RECIPIENT_KINDS = {
    "member-state": "state",
    "observer-state": "state",
    "un-entity": "un-entity",
    "specialized-agency": "un-entity",
    "igo": "igo",
    "nhri": "nhri",
    "ngo": "ngo",
}


def reply_url(consultation_pk: int) -> str:
    """The secure address of the reply page, as printed in notes and reminders."""
    base = str(settings.SITE_URL).rstrip("/")
    return base + reverse("submissions:reply", args=[consultation_pk])


def compose_invitation_note(invitation: ReplyInvitation) -> NoteVerbale:
    """The note; `NoteVerbaleError` (a `ValueError`) names what cannot be written."""
    consultation = invitation.consultation
    language = invitation.language
    date = (invitation.sent_at or invitation.created_at).date()
    date = min(date, consultation.reply_deadline)
    questions = list(consultation.questions)
    if not questions:
        with translation.override("zh-hans" if language == "zh" else language):
            questions = [_("What are your views on the matters raised in the paragraph quoted?")]
    return compose_note_verbale(
        language=language,
        recipient_kind=RECIPIENT_KINDS[invitation.stakeholder.kind],
        recipient_name=invitation.recipient_name,
        reference=invitation.reference,
        date=date,
        deadline=consultation.reply_deadline,
        reply_url=reply_url(consultation.pk),
        questions=questions,
        word_limit=consultation.word_limit,
        resolution=consultation.resolution.resolution,
        mandate=consultation.mandate_value,
    )


def note_file(invitation: ReplyInvitation, fmt: str) -> tuple[bytes, str, str]:
    """(bytes, content type, file name) of the note as `docx` or `pdf`."""
    note = compose_invitation_note(invitation)
    name = f"note-verbale-{invitation.reference.replace('/', '-')}-{invitation.language}"
    if fmt == "pdf":
        return write_pdf(note), "application/pdf", name + ".pdf"
    return (
        write_docx(note),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        name + ".docx",
    )
