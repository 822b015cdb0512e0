"""`hrdialogue receipt verify | keygen`: check a reply's signed receipt, make a signing key."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from hrdialogue.receipts import (
    Receipt,
    ReceiptError,
    find_receipt_problem,
    generate_signing_key,
    key_id,
    load_public_key,
    read_comments_json,
    save_private_key,
    save_public_key,
)

__all__ = ["register"]


def _fail(message: str) -> NoReturn:
    click.echo(f"invalid: {message}", err=True)
    sys.exit(1)


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        _fail(f"{path}: cannot read the {what} ({error.strerror})")


@click.group("receipt")
def receipt() -> None:
    """Signed receipts of accepted replies."""


@receipt.command("verify")
@click.argument("receipt_file", metavar="RECEIPT.json", type=click.Path(path_type=Path))
@click.option(
    "--public-key",
    "public_key_file",
    required=True,
    type=click.Path(path_type=Path),
    help="The Secretariat's public key (PEM).",
)
@click.option(
    "--content",
    "content_file",
    type=click.Path(path_type=Path),
    help="The reply's file: checks it is the one the receipt was given for.",
)
@click.option(
    "--comments",
    "comments_file",
    type=click.Path(path_type=Path),
    help="The reply's comments on paragraphs (comments.json): checks them too.",
)
def verify(
    receipt_file: Path,
    public_key_file: Path,
    content_file: Path | None,
    comments_file: Path | None,
) -> None:
    """Exit 0 when the receipt is valid, 1 (with one line saying why) when it is not."""
    comments = None
    try:
        found = Receipt.from_json(_read(receipt_file, "receipt"), source=str(receipt_file))
        key = load_public_key(public_key_file)
        if comments_file is not None:
            data = _read(comments_file, "comments")
            comments = read_comments_json(data, source=str(comments_file))
    except ReceiptError as error:
        _fail(str(error))
    content = _read(content_file, "content") if content_file is not None else None
    problem = find_receipt_problem(found, key, content, comments)
    if problem is not None:
        _fail(f"{receipt_file}: {problem}")
    parts = [
        name for name, given in (("content", content), ("comments", comments)) if given is not None
    ]
    checked = f" and its {' and '.join(parts)}" if parts else ""
    click.echo(
        f"valid: receipt{checked} for reply {found.reply_id} of {found.stakeholder}, "
        f"accepted {found.submitted_at.isoformat()}, signed by key {found.key_id}"
    )


@receipt.command("keygen")
@click.option(
    "--private-key",
    "private_file",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write the private key (PEM, mode 600); never overwritten.",
)
@click.option(
    "--public-key",
    "public_file",
    required=True,
    type=click.Path(path_type=Path),
    help="Where to write the public key (PEM) to publish; never overwritten.",
)
def keygen(private_file: Path, public_file: Path) -> None:
    """Make a new Ed25519 key pair for signing receipts."""
    key = generate_signing_key()
    try:
        if public_file.exists():
            raise ReceiptError(f"{public_file}: exists; a key is never overwritten")
        save_private_key(key, private_file)
        save_public_key(key.public_key(), public_file)
    except ReceiptError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except OSError as error:
        click.echo(f"error: {error.filename}: {error.strerror}", err=True)
        sys.exit(1)
    click.echo(f"key {key_id(key.public_key())}: private {private_file}, public {public_file}")


def register(main: click.Group) -> None:
    """Add the `receipt` command group to the `hrdialogue` group."""
    main.add_command(receipt)
