"""The UN corpus files as the reader is given them: each file's `#` header (symbol, language,
completeness) is for the tests; the reader never sees it."""

from __future__ import annotations

from pathlib import Path

__all__ = ["corpus_text", "strip_header"]


def strip_header(text: str) -> str:
    """`text` without its `#` header lines."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("#"))


def corpus_text(shared: Path, name: str) -> str:
    """The body of the corpus file `name` under `shared` (`$HRDIALOGUE_SHARED`)."""
    return strip_header((shared / "corpus" / "un" / name).read_text(encoding="utf-8"))
