"""`second_factor_reset EMAIL`: remove an account's authenticator (a lost or replaced phone);
at the next sign-in the person sets one up again. Their sessions end. Audited."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdialogue.web.accounts.models import User
from hrdialogue.web.twofactor.services import reset_second_factor

__all__ = ["Command"]


class Command(BaseCommand):
    help = (
        "Remove the authenticator of the account with this e-mail address (a lost phone): "
        "its sessions end, and at the next sign-in the person sets up a new one. Audited."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["email"]).first()
        if user is None:
            raise CommandError(f"no account has the e-mail address {options['email']!r}")
        removed = reset_second_factor(actor=None, user=user)
        self.stdout.write(
            f"{user.email}: {removed} authenticator(s) removed; a new one is set up at the "
            "next sign-in"
        )
