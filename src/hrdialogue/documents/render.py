"""Readable renderings of a `Resolution`: the text summary and Markdown with anchors.

(Placeholder; the implementation lands with the exports work.)
"""

from __future__ import annotations

from hrdialogue.documents.model import Resolution

__all__ = ["to_markdown", "to_summary"]


def to_summary(resolution: Resolution) -> str:
    """The readable summary `make run` prints: paragraphs, footnotes, references, mandates."""
    raise NotImplementedError


def to_markdown(resolution: Resolution) -> str:
    """The whole resolution as Markdown, each paragraph with its anchor."""
    raise NotImplementedError
