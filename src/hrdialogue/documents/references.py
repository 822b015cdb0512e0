"""UN document symbols and cited resolutions and decisions in a paragraph's text.

(Placeholder signature; the implementation lands with the references work.)
"""

from __future__ import annotations

from hrdialogue.documents.model import Body, Reference

__all__ = ["find_references"]


def find_references(text: str, language: str, *, body: Body | None = None) -> tuple[Reference, ...]:
    """Every document symbol and every resolution or decision cited in `text`.

    `span` of each result is relative to `text`; `anchor` and `footnote` are left None for
    the caller to fill. `body` is the adopting body, which "its resolution" refers to.
    """
    del text, language, body
    return ()
