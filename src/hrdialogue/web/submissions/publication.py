"""Files as they are published: the same document with its metadata stripped (authors,
company, comments, revision history, PDF `/Info` and XMP), so that publication never tells
who drafted a reply. The original stays on record, served only to who may read it."""

from __future__ import annotations

import io

import docx
from pypdf import PdfReader, PdfWriter

from hrdialogue.web.submissions.blobs import read_blob

__all__ = ["strip_metadata"]


def _strip_pdf(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer._info = None  # the /Info dictionary (author, producer, dates)
    if "/Metadata" in writer._root_object:  # XMP
        del writer._root_object["/Metadata"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _strip_docx(data: bytes) -> bytes:
    document = docx.Document(io.BytesIO(data))
    core = document.core_properties
    for name in (
        "author",
        "last_modified_by",
        "comments",
        "category",
        "keywords",
        "subject",
        "title",
        "identifier",
        "content_status",
        "version",
    ):
        setattr(core, name, "")
    core.revision = 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def strip_metadata(file_key: str, source: str) -> bytes:
    """The stored file `file_key` (a `docx` or `pdf`) without its metadata."""
    data = read_blob(file_key)
    return _strip_pdf(data) if source == "pdf" else _strip_docx(data)
