"""Upload limits enforced while the request is read, not after it has been stored.

Django stores an upload (in memory, or in a temporary file once it passes
`FILE_UPLOAD_MAX_MEMORY_SIZE`) before a form sees it, so that a size check in a form comes
after a 10 GB upload has filled the disk. `LimitedUploadHandler`, first in
`FILE_UPLOAD_HANDLERS`, counts each file's bytes as they arrive: past `UPLOAD_MAX_BYTES` the
handlers after it receive nothing more (the rest of the file is read from the connection and
dropped), and the form gets a `RefusedUpload` that knows the file's name and size but holds no
content. `UploadLimitsMixin` turns that, and any file over the form's own limit for a field,
into an error on the field that names the file, its size and the limit.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

__all__ = ["LimitedUploadHandler", "RefusedUpload", "UploadLimitsMixin", "exceeded_limit"]


class RefusedUpload(UploadedFile):
    """A file that passed the upload limit while it arrived: its name and size, no content."""

    def __init__(self, name: str, content_type: str | None, size: int, charset: str | None):
        super().__init__(io.BytesIO(), name, content_type, size, charset)

    def read(self, *args: Any, **kwargs: Any) -> bytes:
        msg = "a refused upload has no content: check the form's errors first"
        raise RuntimeError(msg)


class LimitedUploadHandler(FileUploadHandler):
    """Passes each file's bytes on until it passes `UPLOAD_MAX_BYTES`, then none."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.limit: int = settings.UPLOAD_MAX_BYTES
        self.received = 0
        self.over = False

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0
        self.over = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.over or self.received > self.limit:
            self.over = True
            return None  # the handlers after this one store nothing more of this file
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.over:
            return None  # the next handler hands over the stored file
        return RefusedUpload(self.file_name or "", self.content_type, file_size, self.charset)


class UploadLimitsMixin(forms.Form):
    """A form whose file fields each have a size limit (`UPLOAD_MAX_BYTES` unless named)."""

    upload_limits: ClassVar[dict[str, str]] = {}
    """Field name → the setting that holds its limit in bytes."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, field in self.fields.items():
            upload = cleaned.get(name)
            if not isinstance(field, forms.FileField) or not isinstance(upload, UploadedFile):
                continue
            limit = exceeded_limit(upload, self.upload_limits.get(name, "UPLOAD_MAX_BYTES"))
            if limit is not None:
                self.add_error(name, _too_large(upload, limit))
        return cleaned


def exceeded_limit(upload: UploadedFile, setting: str) -> int | None:
    """The limit in bytes (the named setting, never above `UPLOAD_MAX_BYTES`) when `upload`
    passed it, whether refused as it arrived or stored whole; None when it is within it."""
    configured: int = getattr(settings, setting)
    limit = min(configured, settings.UPLOAD_MAX_BYTES)
    if isinstance(upload, RefusedUpload) or (upload.size or 0) > limit:
        return limit
    return None


def _too_large(upload: UploadedFile, limit: int) -> str:
    megabytes = limit / 1e6
    return str(
        _("“%(name)s” is %(size)s MB, over the %(limit)s MB limit for this file.")
        % {
            "name": upload.name,
            "size": number_format((upload.size or 0) / 1e6, decimal_pos=1),
            "limit": number_format(int(megabytes) if megabytes.is_integer() else megabytes),
        }
    )
