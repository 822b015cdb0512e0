"""The `Content-Disposition` header of a file the browser saves (one rule for every download)."""

from __future__ import annotations

from django.utils.http import content_disposition_header

__all__ = ["attachment_disposition"]


def attachment_disposition(filename: str) -> str:
    """`attachment; filename=…` for `filename` (RFC 6266; a non-ASCII name as `filename*`)."""
    header = content_disposition_header(True, filename)
    # Django answers None only for an inline response without a name; an attachment always
    # gets a header ("attachment" alone when the name is empty).
    assert header is not None, "content_disposition_header(True, …) is never None"
    return header
