"""Files of replies, stored by the SHA-256 of their bytes under `MEDIA_ROOT/replies/`.

Never under the name a person gave (that is kept as display text only), never served by a
static-file server: downloads go through views that check permissions. A blob is written
and synced to disk (temporary file → fsync → rename → fsync of the directory) before the
row that names it is committed, so that a committed row always has its file; a crash in
between leaves at most an orphan blob, never a row without its file. A full disk (or quota)
raises `StorageFull`: the transaction that was to name the blob is rolled back, nothing is
recorded, and the visitor is told to try again later (`pages.middleware`, 503).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

__all__ = ["StorageFull", "blob_keys", "has_blob", "read_blob", "store_blob"]


class StorageFull(OSError):
    """The reply store has no room (a full disk or quota): nothing was written."""


_KEY = re.compile(r"[0-9a-f]{64}")


def _root() -> Path:
    return Path(settings.MEDIA_ROOT) / "replies"


def _path(key: str) -> Path:
    if not _KEY.fullmatch(key):
        raise ValueError(f"not a blob key: {key!r}")
    return _root() / key[:2] / key


def store_blob(data: bytes) -> str:
    """Write `data` durably (once per content) and return its key, the SHA-256 in hex."""
    key = hashlib.sha256(data).hexdigest()
    path = _path(key)
    if path.exists():
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull(error.errno, "the reply store is full") from error
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return key


def read_blob(key: str) -> bytes:
    """The bytes stored under `key`; `FileNotFoundError` when there are none."""
    return _path(key).read_bytes()


def has_blob(key: str) -> bool:
    """Whether a file is stored under `key` (`ValueError` for what is not a key)."""
    return _path(key).is_file()


def blob_keys() -> Iterator[str]:
    """The key of every file in the store (not the temporary files of writes under way)."""
    root = _root()
    if root.is_dir():
        for path in root.glob("??/*"):
            if _KEY.fullmatch(path.name):
                yield path.name
