"""Background work of accounts: the invitation e-mail (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

__all__ = ["send_invitation_email"]


@task()
def send_invitation_email(
    email: str, stakeholder_name: str, link: str, language: str, role: str = "focal-point"
) -> None:
    """The invitation e-mail, which names the role it gives (a focal point's names the
    stakeholder; `stakeholder_name` is empty for a staff member's)."""
    with translation.override(language):
        if role == "secretariat":
            text = _(
                "You are invited to join the Secretariat on hrdialogue.\n\n"
                "Create your account with this link (valid for %(days)d days):\n%(link)s\n"
            )
        elif role == "moderator":
            text = _(
                "You are invited to act as moderator on hrdialogue.\n\n"
                "Create your account with this link (valid for %(days)d days):\n%(link)s\n"
            )
        else:
            text = _(
                "You are invited to act as focal point for %(stakeholder)s.\n\n"
                "Create your account with this link (valid for %(days)d days):\n%(link)s\n"
            )
        send_mail(
            subject=_("Your invitation to hrdialogue"),
            message=text
            % {
                "stakeholder": stakeholder_name,
                "days": settings.INVITATION_TIMEOUT_DAYS,
                "link": link,
            },
            from_email=None,
            recipient_list=[email],
        )
