"""`demo`: what `make run` shows — the registry, the seed resolution, a consultation opened from
its OP10 mandate, a dialogue on it (one statement per operative paragraph), and one account per
role (printed with fresh passwords)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from hrdialogue.web.accounts.models import Role, User
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.consultations.services import advance_phase, open_consultation
from hrdialogue.web.dialogues.models import Dialogue
from hrdialogue.web.dialogues.services import create_dialogue, seed_statements_from_mandate
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.resolutions.reader import RefusedDocument
from hrdialogue.web.resolutions.services import upload_resolution
from hrdialogue.web.stakeholders.models import Stakeholder
from hrdialogue.web.stakeholders.services import load_registry

__all__ = ["Command"]

DEMO_ACCOUNTS: list[tuple[str, str, str | None]] = [
    ("secretariat@demo.hrdialogue.example", Role.SECRETARIAT, None),
    ("moderator@demo.hrdialogue.example", Role.MODERATOR, None),
    ("focal-point.france@demo.hrdialogue.example", Role.FOCAL_POINT, "fra"),
    ("public@demo.hrdialogue.example", Role.PUBLIC, None),
]


class Command(BaseCommand):
    help = "Load the registry and the seed resolution, open the demo consultation, make accounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("seed", type=Path, help="the seed resolution (A/RES/63/180)")
        parser.add_argument("--language", default="ru")
        parser.add_argument("--anchor", default="OP10")

    def handle(self, *args: Any, **options: Any) -> None:
        created, updated = load_registry()
        self.stdout.write(f"registry: {created} created, {updated} updated")
        seed: Path = options["seed"]
        try:
            data = seed.read_bytes()
        except OSError as error:
            raise CommandError(f"{seed}: {error.strerror}") from None
        document = ResolutionDocument.objects.filter(source_name=seed.name).first()
        if document is None:
            try:
                document = upload_resolution(
                    actor=None, data=data, name=seed.name, language=options["language"]
                )
            except RefusedDocument as refusal:
                raise CommandError(f"{refusal.detail} ({refusal.message})") from None
        self.stdout.write(f"resolution {document.symbol}: /resolutions/{document.pk}/")
        consultation = document.consultations.first() or self._open(document, options["anchor"])
        self.stdout.write(f"consultation: /consultations/{consultation.pk}/ ({consultation.phase})")
        dialogue = consultation.dialogues.first() or self._dialogue(consultation)
        self.stdout.write(
            f"dialogue: /dialogues/{dialogue.pk}/ (results: /dialogues/{dialogue.pk}/results/)"
        )
        self.stdout.write("\nDemo accounts (passwords are new at every run):")
        for email, role, code in DEMO_ACCOUNTS:
            password = secrets.token_urlsafe(12)
            stakeholder = Stakeholder.objects.get(code=code) if code else None
            with transaction.atomic():
                user, _new = User.objects.get_or_create(
                    email=email, defaults={"role": role, "stakeholder": stakeholder}
                )
                user.set_password(password)
                user.is_active = True
                user.save()
            self.stdout.write(f"  {role:<12} {email:<45} {password}")
        self.stdout.write("\nSign in at http://127.0.0.1:8000/accounts/login/")

    def _dialogue(self, consultation: Consultation) -> Dialogue:
        """A dialogue on the consultation: one statement per operative paragraph."""
        dialogue = create_dialogue(
            actor=None,
            title=f"Dialogue: {consultation.title}",
            consultation=consultation,
            participation="anonymous",
        )
        seed_statements_from_mandate(actor=None, dialogue=dialogue)
        return dialogue

    def _open(self, document: ResolutionDocument, anchor: str) -> Consultation:
        mandates = document.resolution.mandates
        index = next((i for i, m in enumerate(mandates) if m.anchor == anchor), None)
        if index is None:
            raise CommandError(f"the reader found no mandate in {anchor} of {document}")
        consultation = open_consultation(
            actor=None,
            document=document,
            mandate_index=index,
            title=f"Consultation under {anchor} of resolution {document.number}",
        )
        advance_phase(actor=None, consultation=consultation, to="open")
        return consultation
