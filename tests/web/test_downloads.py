"""A downloaded file is saved under its own name, whatever its script (RFC 6266).

The expected headers are written by hand from RFC 6266 / RFC 8187: an ASCII name is quoted
(with `"` and `\\` escaped), any other name goes as `filename*` in percent-encoded UTF-8.
"""

from __future__ import annotations

import pytest

from hrdialogue.web.pages.downloads import attachment_disposition


@pytest.mark.parametrize(
    ("filename", "header"),
    [
        ("replies.csv", 'attachment; filename="replies.csv"'),
        ('reply "final".pdf', 'attachment; filename="reply \\"final\\".pdf"'),
        # "رد" (Arabic, "reply"): U+0631 is D8 B1 in UTF-8, U+062F is D8 AF.
        ("رد.pdf", "attachment; filename*=utf-8''%D8%B1%D8%AF.pdf"),
        ("", "attachment"),
    ],
)
def test_download_is_saved_under_its_name(filename: str, header: str) -> None:
    assert attachment_disposition(filename) == header
