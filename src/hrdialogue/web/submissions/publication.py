"""Files as they are published: the same document with its metadata stripped (authors,
company, comments, tracked changes, PDF `/Info` and XMP; `hrdialogue.documents.sanitise`), so
that publication never tells who drafted a reply. The original stays on record, served only
to who may read it."""

from __future__ import annotations

from hrdialogue.documents.sanitise import strip_docx_metadata, strip_pdf_metadata
from hrdialogue.web.submissions.blobs import read_blob

__all__ = ["strip_metadata"]


def strip_metadata(file_key: str, source: str) -> bytes:
    """The stored file `file_key` (a `docx` or `pdf`) without its metadata."""
    data = read_blob(file_key)
    if source == "pdf":
        return strip_pdf_metadata(data, name=f"R-{file_key[:12]}.pdf")
    return strip_docx_metadata(data, name=f"R-{file_key[:12]}.docx")
