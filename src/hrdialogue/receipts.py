"""Signed receipts for accepted replies: anyone with the public key can verify them later.

A receipt states which reply (`reply_id`) of which stakeholder was accepted when
(`submitted_at`, UTC), and the SHA-256 and length of its content, with an Ed25519 signature
by the Secretariat's key over a canonical JSON of those fields (keys sorted, no spaces,
UTF-8, prefixed with the domain tag `hrdialogue-receipt-v1`). `key_id` names the key: the
first 16 hex digits of the SHA-256 of its raw public bytes. An optional `audit_head` (the
head hash of the audit log when the reply was written) is signed too, anchoring the log.
A reply's comments anchored to paragraphs of the resolution (`comments_count` and
`comments_sha256`: the SHA-256 of a canonical JSON list of `[anchor, text]` pairs, see
`comments_digest`) and who may read it once published (`visibility`) are signed when given;
a receipt without them is written and verified exactly as before.

`sign_receipt` makes one, `verify_receipt` checks one (`find_receipt_problem` says what is
wrong, in one line), `Receipt.to_json` / `Receipt.from_json` carry it, `Receipt.to_text`
is the form a person reads. Keys: `generate_signing_key`, `save_private_key` /
`load_private_key`, `save_public_key` / `load_public_key` (PEM).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "Receipt",
    "ReceiptError",
    "comments_digest",
    "comments_json",
    "find_receipt_problem",
    "generate_signing_key",
    "key_id",
    "load_private_key",
    "load_public_key",
    "read_comments_json",
    "save_private_key",
    "save_public_key",
    "sign_receipt",
    "verify_receipt",
]

_DOMAIN: Final = b"hrdialogue-receipt-v1\n"
_COMMENTS_DOMAIN: Final = b"hrdialogue-comments-v1\n"


class ReceiptError(ValueError):
    """A receipt or key that cannot be read; the message names the file or field."""


class Receipt(BaseModel):
    """A signed statement that a reply was accepted, with its content's hash."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Literal[1] = 1
    reply_id: str = Field(min_length=1, description="The reply's identifier on the platform.")
    stakeholder: str = Field(min_length=1, description="Who replied (identifier or name).")
    submitted_at: dt.datetime = Field(description="When the reply was accepted (UTC).")
    content_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    content_length: int = Field(ge=0, description="Length of the content in bytes.")
    audit_head: str | None = Field(
        default=None, description="Head hash of the audit log when the reply was written."
    )
    comments_count: int | None = Field(
        default=None, ge=0, description="How many paragraph comments came with the reply."
    )
    comments_sha256: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the comments (see `comments_digest`).",
    )
    visibility: str | None = Field(
        default=None, description="Who may read the reply once replies are published."
    )
    key_id: str = Field(pattern=r"^[0-9a-f]{16}$", description="Which key signed it.")
    signature: str = Field(description="Ed25519 signature, base64.")

    @field_validator("submitted_at")
    @classmethod
    def _utc(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("submitted_at must carry a time zone")
        return value.astimezone(dt.UTC)

    def signed_fields(self) -> dict[str, Any]:
        """The fields the signature covers, as they are written in the canonical JSON."""
        return _fields(
            reply_id=self.reply_id,
            stakeholder=self.stakeholder,
            submitted_at=self.submitted_at,
            content_sha256=self.content_sha256,
            content_length=self.content_length,
            audit_head=self.audit_head,
            key=self.key_id,
            comments_count=self.comments_count,
            comments_sha256=self.comments_sha256,
            visibility=self.visibility,
        )

    def to_json(self) -> str:
        """The receipt as indented JSON (what the platform offers for download)."""
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes, *, source: str = "receipt") -> Receipt:
        """Read a receipt; `ReceiptError` names `source` and the first problem found."""
        try:
            return cls.model_validate_json(text)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "JSON"
            raise ReceiptError(f"{source}: {where}: {first['msg']}") from None

    def to_text(self) -> str:
        """The receipt as a person reads it."""
        lines = [
            "Receipt for an accepted reply",
            f"Reply:            {self.reply_id}",
            f"Stakeholder:      {self.stakeholder}",
            f"Accepted at:      {_timestamp(self.submitted_at)}",
            f"Content SHA-256:  {self.content_sha256}",
            f"Content length:   {self.content_length} bytes",
        ]
        if self.comments_sha256 is not None:
            lines.append(f"Comments:         {self.comments_count}")
            lines.append(f"Comments SHA-256: {self.comments_sha256}")
        if self.visibility is not None:
            lines.append(f"Visibility:       {self.visibility}")
        if self.audit_head:
            lines.append(f"Audit log head:   {self.audit_head}")
        lines += [
            f"Signing key:      {self.key_id}",
            f"Signature:        {self.signature}",
            "Verify with:      hrdialogue receipt verify RECEIPT.json --public-key KEY.pem"
            " --content FILE",
        ]
        return "\n".join(lines) + "\n"


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _fields(
    *,
    reply_id: str,
    stakeholder: str,
    submitted_at: dt.datetime,
    content_sha256: str,
    content_length: int,
    audit_head: str | None,
    key: str,
    comments_count: int | None = None,
    comments_sha256: str | None = None,
    visibility: str | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "version": 1,
        "reply_id": reply_id,
        "stakeholder": stakeholder,
        "submitted_at": _timestamp(submitted_at),
        "content_sha256": content_sha256,
        "content_length": content_length,
        "audit_head": audit_head,
        "key_id": key,
    }
    # Signed only when present, so that a receipt made without them verifies as before.
    optional = {
        "comments_count": comments_count,
        "comments_sha256": comments_sha256,
        "visibility": visibility,
    }
    fields.update({name: value for name, value in optional.items() if value is not None})
    return fields


def comments_digest(comments: Sequence[tuple[str, str]]) -> str:
    """SHA-256 of a reply's comments: a canonical JSON list of `[anchor, text]`, in order."""
    text = json.dumps(
        [[anchor, body] for anchor, body in comments], separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(_COMMENTS_DOMAIN + text.encode("utf-8")).hexdigest()


def _canonical(fields: dict[str, Any]) -> bytes:
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return _DOMAIN + text.encode("utf-8")


def comments_json(comments: Sequence[tuple[str, str]]) -> str:
    """The comments as the file a focal point keeps beside the receipt (`read_comments_json`)."""
    items = [{"anchor": anchor, "text": body} for anchor, body in comments]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def read_comments_json(data: str | bytes, *, source: str = "comments") -> list[tuple[str, str]]:
    """Comments from `comments_json`'s file; `ReceiptError` names `source` and the problem."""
    try:
        items = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ReceiptError(f"{source}: not JSON ({error})") from None
    if not isinstance(items, list):
        raise ReceiptError(f"{source}: a list of comments is expected")
    comments = []
    for number, item in enumerate(items, start=1):
        if (
            not isinstance(item, dict)
            or set(item) != {"anchor", "text"}
            or not all(isinstance(value, str) for value in item.values())
        ):
            msg = f"{source}: comment {number}: an object with the strings anchor and text"
            raise ReceiptError(msg + " is expected")
        comments.append((item["anchor"], item["text"]))
    return comments


def key_id(public_key: Ed25519PublicKey) -> str:
    """First 16 hex digits of the SHA-256 of the key's raw 32 bytes."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def sign_receipt(
    content: bytes,
    *,
    submitted_at: dt.datetime,
    reply_id: str,
    stakeholder: str,
    key: Ed25519PrivateKey,
    audit_head: str | None = None,
    comments: Sequence[tuple[str, str]] | None = None,
    visibility: str | None = None,
) -> Receipt:
    """Sign a receipt for `content` accepted at `submitted_at` (time-zone aware).

    With `comments` (`(anchor, text)` pairs, possibly none) and `visibility`, the receipt
    covers them too.
    """
    if submitted_at.tzinfo is None:
        raise ReceiptError("submitted_at must carry a time zone (use UTC)")
    if not reply_id or not stakeholder:
        raise ReceiptError("reply_id and stakeholder must not be empty")
    fields = _fields(
        reply_id=reply_id,
        stakeholder=stakeholder,
        submitted_at=submitted_at,
        content_sha256=hashlib.sha256(content).hexdigest(),
        content_length=len(content),
        audit_head=audit_head,
        key=key_id(key.public_key()),
        comments_count=None if comments is None else len(comments),
        comments_sha256=None if comments is None else comments_digest(comments),
        visibility=visibility,
    )
    signature = base64.b64encode(key.sign(_canonical(fields))).decode("ascii")
    return Receipt(
        reply_id=reply_id,
        stakeholder=stakeholder,
        submitted_at=submitted_at,
        content_sha256=fields["content_sha256"],
        content_length=len(content),
        audit_head=audit_head,
        comments_count=fields.get("comments_count"),
        comments_sha256=fields.get("comments_sha256"),
        visibility=visibility,
        key_id=fields["key_id"],
        signature=signature,
    )


def find_receipt_problem(
    receipt: Receipt,
    public_key: Ed25519PublicKey,
    content: bytes | None = None,
    comments: Sequence[tuple[str, str]] | None = None,
) -> str | None:
    """What is wrong with a receipt, in one line; None when it is valid.

    With `content`, also checks that the content is the one the receipt was given for; with
    `comments`, that they are the comments it was given for.
    """
    if receipt.key_id != key_id(public_key):
        return f"signed by key {receipt.key_id}, not by the key given ({key_id(public_key)})"
    try:
        signature = base64.b64decode(receipt.signature, validate=True)
    except (binascii.Error, ValueError):
        return "the signature is not valid base64"
    try:
        public_key.verify(signature, _canonical(receipt.signed_fields()))
    except InvalidSignature:
        return "the signature does not match the receipt's fields (altered, or another key)"
    if content is not None:
        if len(content) != receipt.content_length:
            return (
                f"the content is {len(content)} bytes; the receipt was given for "
                f"{receipt.content_length} bytes"
            )
        if hashlib.sha256(content).hexdigest() != receipt.content_sha256:
            return "the content's SHA-256 differs from the one the receipt was given for"
    if comments is not None:
        if receipt.comments_sha256 is None:
            return "the receipt does not cover comments (it was made without them)"
        if len(comments) != receipt.comments_count:
            return f"{len(comments)} comments; the receipt was given for {receipt.comments_count}"
        if comments_digest(comments) != receipt.comments_sha256:
            return "the comments' SHA-256 differs from the one the receipt was given for"
    return None


def verify_receipt(
    receipt: Receipt,
    public_key: Ed25519PublicKey,
    content: bytes | None = None,
    comments: Sequence[tuple[str, str]] | None = None,
) -> bool:
    """True when the signature is the key's over the receipt's fields (and the content's and
    comments' hashes match, when they are given)."""
    return find_receipt_problem(receipt, public_key, content, comments) is None


def generate_signing_key() -> Ed25519PrivateKey:
    """A new Ed25519 signing key."""
    return Ed25519PrivateKey.generate()


def _pem(source: Path | bytes) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "key"
    try:
        return source.read_bytes(), str(source)
    except OSError as error:
        raise ReceiptError(f"{source}: cannot read the key ({error.strerror})") from None


def load_private_key(source: Path | bytes, password: bytes | None = None) -> Ed25519PrivateKey:
    """An Ed25519 private key from PEM (PKCS #8) bytes or a file."""
    data, name = _pem(source)
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except (ValueError, TypeError) as error:
        raise ReceiptError(f"{name}: not a PEM private key ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ReceiptError(f"{name}: the private key is not an Ed25519 key")
    return key


def load_public_key(source: Path | bytes) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM (SubjectPublicKeyInfo) bytes or a file."""
    data, name = _pem(source)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise ReceiptError(f"{name}: not a PEM public key ({error})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ReceiptError(f"{name}: the public key is not an Ed25519 key")
    return key


def save_private_key(key: Ed25519PrivateKey, path: Path, password: bytes | None = None) -> None:
    """Write the private key as PEM (PKCS #8), readable by its owner only; never overwrites."""
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    data = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ReceiptError(f"{path}: exists; a key is never overwritten") from None
    with os.fdopen(fd, "wb") as out:
        out.write(data)


def save_public_key(key: Ed25519PublicKey, path: Path) -> None:
    """Write the public key as PEM (SubjectPublicKeyInfo); never overwrites."""
    data = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        with path.open("xb") as out:
            out.write(data)
    except FileExistsError:
        raise ReceiptError(f"{path}: exists; a key is never overwritten") from None
