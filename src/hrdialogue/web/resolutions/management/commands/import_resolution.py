"""`import_resolution PATH`: read a resolution file and store it (as the system)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hrdialogue.web.resolutions.reader import RefusedDocument
from hrdialogue.web.resolutions.services import upload_resolution

__all__ = ["Command"]


class Command(BaseCommand):
    help = "Read a resolution (PDF, DOCX or text) and store it; prints its id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--language", choices=["ar", "zh", "en", "fr", "ru", "es"])

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from None
        try:
            document = upload_resolution(
                actor=None, data=data, name=path.name, language=options["language"]
            )
        except RefusedDocument as refusal:
            raise CommandError(f"{refusal.detail} ({refusal.message})") from None
        self.stdout.write(str(document.pk))
