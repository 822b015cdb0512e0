"""Settings: `base` (everything), `dev`, `test` and `production` (each a few lines over it)."""

from __future__ import annotations

__all__: list[str] = []
