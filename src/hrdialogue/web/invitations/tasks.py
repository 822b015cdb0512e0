"""Background work of invitations (django-tasks): the invitation e-mail and the reminders.

`send_due_reminders_task` is enqueued by `manage.py send_reminders` (run it daily from cron
or a systemd timer: it is the scheduler's tick); the database worker
(`manage.py db_worker`) runs it. Sending twice on one day sends nothing twice.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from hrdialogue.web.invitations.models import ReplyInvitation
from hrdialogue.web.invitations.reminders import send_due_reminders

__all__ = ["send_due_reminders_task", "send_invitation_email"]


@task()
def send_invitation_email(invitation_pk: int, link: str) -> None:
    invitation = ReplyInvitation.objects.select_related("consultation", "stakeholder").get(
        pk=invitation_pk
    )
    consultation = invitation.consultation
    with translation.override("zh-hans" if invitation.language == "zh" else invitation.language):
        subject = _("Invitation to reply: %(title)s") % {"title": consultation.title}
        body = _(
            "The Secretariat invites %(stakeholder)s to reply to the consultation "
            "“%(title)s” (reference %(reference)s). Replies are due on %(deadline)s.\n\n"
            "This personal link opens the reply form (it works once; afterwards sign in "
            "with your account):\n%(link)s\n"
        ) % {
            "stakeholder": invitation.stakeholder.name_in(invitation.language),
            "title": consultation.title,
            "reference": invitation.reference,
            "deadline": consultation.reply_deadline.isoformat(),
            "link": link,
        }
    send_mail(subject, body, None, [invitation.email])


@task()
def send_due_reminders_task() -> int:
    return send_due_reminders()
