"""Reminders on the plan's dates, to the invited stakeholders that have not replied."""

from __future__ import annotations

import datetime as dt

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hrdialogue.web.audit.services import record_change
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.invitations.models import Reminder, ReplyInvitation
from hrdialogue.web.invitations.notes import reply_url
from hrdialogue.web.stakeholders.models import Stakeholder

__all__ = ["awaited_stakeholders", "send_due_reminders"]


def _interface_language(code: str) -> str:
    return "zh-hans" if code == "zh" else code


def awaited_stakeholders(consultation: Consultation) -> QuerySet[Stakeholder]:
    """The consultees that have not replied (no reply, on time or late)."""
    return consultation.consultees.exclude(replies__consultation=consultation).order_by("name")


def _reminder_text(invitation: ReplyInvitation) -> tuple[str, str]:
    consultation = invitation.consultation
    with translation.override(_interface_language(invitation.language)):
        subject = _("Reminder: replies to %(title)s are due on %(deadline)s") % {
            "title": consultation.title,
            "deadline": consultation.reply_deadline.isoformat(),
        }
        body = _(
            "The Secretariat has not yet received a reply from %(stakeholder)s to the "
            "consultation “%(title)s” (reference %(reference)s).\n\n"
            "Replies are due on %(deadline)s. You can reply here:\n%(link)s\n"
        ) % {
            "stakeholder": invitation.stakeholder.name_in(invitation.language),
            "title": consultation.title,
            "reference": invitation.reference,
            "deadline": consultation.reply_deadline.isoformat(),
            "link": reply_url(consultation.pk),
        }
    return subject, body


def send_due_reminders(*, today: dt.date | None = None) -> int:
    """E-mail a reminder, once per reminder date, to every invitation sent whose stakeholder
    has not replied, for consultations open for replies whose reminder date has come (and
    whose deadline has not passed). Returns the number of reminders sent."""
    today = today or timezone.localdate()
    sent = 0
    for consultation in Consultation.objects.filter(phase=Phase.OPEN, reply_deadline__gte=today):
        due = [d for d in consultation.reminders if dt.date.fromisoformat(d) <= today]
        if not due:
            continue
        on = dt.date.fromisoformat(max(due))
        awaited = awaited_stakeholders(consultation).values("pk")
        invitations = (
            consultation.invitations.select_related("stakeholder")
            .filter(sent_at__isnull=False, stakeholder__in=awaited)
            .exclude(email="")
            .exclude(reminders__on=on)
        )
        for invitation in invitations:
            subject, body = _reminder_text(invitation)
            try:
                with transaction.atomic():
                    Reminder.objects.create(invitation=invitation, on=on)
                    # Sent inside the transaction: a failed send leaves no record, and the
                    # next run tries again (at least once, never silently skipped).
                    send_mail(subject, body, None, [invitation.email])
                    # Audited last: appending locks the audit log's head until the commit,
                    # which must not wait on the mail server.
                    record_change(
                        actor=None,
                        action="invitations.remind",
                        target=invitation,
                        after={"on": on.isoformat(), "email": invitation.email},
                    )
            except IntegrityError:
                continue  # another worker sent this one
            sent += 1
    return sent
