"""The reply store checked against its records: after a restore from backup, and on a schedule.

For every reply version: its content is there (the file in the blob store, or the typed text
in the row), its bytes are the ones its signed receipt was given for (length and SHA-256),
the comments are the ones the receipt covers, and the receipt is signed by this platform's
key. For every published reply: its published file is there. Blobs that no row names
(orphans: a crash between the file's write and the row's commit leaves one, harmless) are
counted, not called a problem.

`python -m hrdialogue.web store_verify` runs it (see that command); the audit log's own check
is `audit_verify`. Together they are the restore test `docs/deploy.md` asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hrdialogue.receipts import Receipt, ReceiptError, find_receipt_problem
from hrdialogue.web.submissions.blobs import blob_keys, has_blob, read_blob
from hrdialogue.web.submissions.models import Reply, ReplyVersion
from hrdialogue.web.submissions.signing import signing_key

__all__ = ["StoreReport", "check_store"]


@dataclass
class StoreReport:
    """What `check_store` found: counts, and one line per problem (empty when all holds)."""

    versions: int = 0
    files: int = 0
    published: int = 0
    orphans: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        state = "all sound" if self.ok else f"{len(self.problems)} problem(s)"
        return (
            f"{self.versions} reply versions ({self.files} files), {self.published} published "
            f"files: {state}; {self.orphans} blob(s) no record names"
        )


def _content(version: ReplyVersion) -> bytes | str:
    """The bytes the version was received as, or a line saying why they are not there."""
    if not version.file_key:
        return version.text.encode("utf-8")
    try:
        return read_blob(version.file_key)
    except FileNotFoundError:
        return f"its file {version.file_key[:16]}… is missing from the reply store"
    except (OSError, ValueError) as error:
        return f"its file {version.file_key[:16]}… cannot be read: {error}"


def _version_problem(version: ReplyVersion, key: Ed25519PublicKey) -> str | None:
    content = _content(version)
    if isinstance(content, str):
        return content
    try:
        receipt = Receipt.model_validate(version.receipt)
    except (ReceiptError, ValueError) as error:
        return f"its receipt cannot be read: {error}"
    pairs = [(c.anchor, c.text) for c in version.comments.all()]
    return find_receipt_problem(
        receipt,
        key,
        content=content,
        comments=pairs if receipt.comments_sha256 is not None else None,
    )


def check_store(progress: Callable[[int, int], None] | None = None) -> StoreReport:
    """Check every reply version and published file; `progress(done, total)` after each."""
    report = StoreReport()
    public_key = signing_key().public_key()
    versions = ReplyVersion.objects.select_related("reply").prefetch_related("comments")
    total = versions.count()
    named: set[str] = set()
    for done, version in enumerate(versions.order_by("pk").iterator(chunk_size=200), 1):
        report.versions += 1
        if version.file_key:
            report.files += 1
            named.add(version.file_key)
        problem = _version_problem(version, public_key)
        if problem is not None:
            report.problems.append(
                f"reply {version.reply.label} version {version.number} (id {version.pk}): {problem}"
            )
        if progress is not None:
            progress(done, total)
    for reply in Reply.objects.exclude(published_file="").order_by("pk"):
        report.published += 1
        named.add(reply.published_file)
        try:
            present = has_blob(reply.published_file)
        except ValueError:
            present = False
        if not present:
            report.problems.append(
                f"reply {reply.label}: its published file {reply.published_file[:16]}… is "
                "missing from the reply store"
            )
    report.orphans = sum(1 for key in blob_keys() if key not in named)
    return report
