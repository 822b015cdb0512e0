"""Akoma Ntoso 3.0 (AKN4UN) XML for a `Resolution`.

(Placeholder; the implementation lands with the exports work.)
"""

from __future__ import annotations

from hrdialogue.documents.model import Resolution

__all__ = ["to_akoma_ntoso"]


def to_akoma_ntoso(resolution: Resolution) -> str:
    """The resolution as an AKN4UN `statement name="resolution"` document (UTF-8 XML text)."""
    raise NotImplementedError
