"""Use cases: upload a resolution (read, then store in one transaction)."""

from __future__ import annotations

import hashlib

from django.db import transaction

from hrdialogue.documents.model import Resolution
from hrdialogue.web.audit.services import Actor, record_change, snapshot
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.resolutions.reader import read_resolution

__all__ = ["store_resolution", "upload_resolution"]


def upload_resolution(
    *, actor: Actor, data: bytes, name: str, language: str | None = None
) -> ResolutionDocument:
    """Read an uploaded file and store the resolution. Raises `RefusedDocument`."""
    result = read_resolution(data, name=name, language=language)
    return store_resolution(
        actor=actor,
        resolution=result.resolution,
        text=result.text,
        source_name=name,
        source_format=result.format,
        source_sha256=hashlib.sha256(data).hexdigest(),
    )


@transaction.atomic
def store_resolution(
    *,
    actor: Actor,
    resolution: Resolution,
    text: str,
    source_name: str,
    source_format: str,
    source_sha256: str,
) -> ResolutionDocument:
    """Persist a parsed resolution (the reader's result, kept whole as JSON)."""
    document = ResolutionDocument.objects.create(
        symbol=resolution.symbol or "",
        number=resolution.number or "",
        title=resolution.title or "",
        language=resolution.language,
        body=resolution.body.value if resolution.body else "",
        session=resolution.session,
        source_name=source_name[:255],
        source_format=source_format,
        source_sha256=source_sha256,
        text=text,
        data=resolution.model_dump(mode="json"),
        uploaded_by=actor,
    )
    record_change(
        actor=actor,
        action="resolutions.upload",
        target=document,
        after={
            **snapshot(document, ["symbol", "language", "source_name", "source_sha256"]),
            "mandates": len(resolution.mandates),
        },
    )
    return document
