"""The Secretariat's Ed25519 key that signs receipts (`settings.RECEIPT_KEY_PATH`).

In development and tests a key is generated into that path on first use
(`settings.RECEIPT_KEY_AUTOGENERATE`); in production it must exist, or the first receipt
fails with a message naming the setting, before anything is written.
"""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from hrdialogue.receipts import (
    ReceiptError,
    generate_signing_key,
    key_id,
    load_private_key,
    save_private_key,
)

__all__ = ["public_key_pem", "signing_key", "signing_key_id"]


@cache
def _load(path: Path, autogenerate: bool) -> Ed25519PrivateKey:
    if not path.exists():
        if not autogenerate:
            raise ImproperlyConfigured(
                f"RECEIPT_KEY_PATH: {path} does not exist; create it with "
                "`hrdialogue receipt keygen` (receipts cannot be signed without it)"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(ReceiptError):  # another process wrote it first
            save_private_key(generate_signing_key(), path)
    try:
        return load_private_key(path)
    except ReceiptError as error:
        raise ImproperlyConfigured(f"RECEIPT_KEY_PATH: {error}") from None


def signing_key() -> Ed25519PrivateKey:
    return _load(Path(settings.RECEIPT_KEY_PATH), bool(settings.RECEIPT_KEY_AUTOGENERATE))


def signing_key_id() -> str:
    return key_id(signing_key().public_key())


def public_key_pem() -> bytes:
    """The public key (SubjectPublicKeyInfo PEM) anyone can verify receipts with."""
    return (
        signing_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
