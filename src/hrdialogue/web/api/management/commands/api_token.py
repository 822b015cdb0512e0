"""`api_token issue EMAIL --name NAME` prints a new token once; `api_token revoke PREFIX`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdialogue.web.accounts.models import User
from hrdialogue.web.api.models import ApiToken
from hrdialogue.web.api.services import issue_token, revoke_token

__all__ = ["Command"]


class Command(BaseCommand):
    help = "Issue an API token for an account (printed once), or revoke one by its prefix."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        issue = sub.add_parser("issue", help="a new token for the account with this e-mail")
        issue.add_argument("email")
        issue.add_argument("--name", required=True, help="what the token is for")
        revoke = sub.add_parser("revoke", help="revoke the token whose first characters these are")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "issue":
            user = User.objects.filter(email__iexact=options["email"].strip()).first()
            if user is None:
                raise CommandError(f"no account has the e-mail address {options['email']!r}")
            try:
                _token, raw = issue_token(actor=None, user=user, name=options["name"])
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
            self.stdout.write(raw)
            return
        tokens = list(ApiToken.objects.filter(prefix=options["prefix"], revoked_at__isnull=True))
        if len(tokens) != 1:
            raise CommandError(
                f"{len(tokens)} active tokens begin with {options['prefix']!r}; need exactly one"
            )
        revoke_token(actor=None, token=tokens[0])
        self.stdout.write(f"revoked {tokens[0]}")
