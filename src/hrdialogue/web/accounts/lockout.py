"""How the login lockout names an account: the e-mail typed, lower-cased and trimmed."""

from __future__ import annotations

from typing import Any

__all__ = ["lockout_username"]


def lockout_username(request: Any, credentials: dict[str, Any] | None) -> str | None:
    """`Mission@France.example ` and `mission@france.example` are one account to lock."""
    value = (credentials or {}).get("username")
    if value is None and request is not None and hasattr(request, "POST"):
        value = request.POST.get("username")
    return str(value).strip().lower() if value else None
