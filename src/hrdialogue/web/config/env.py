"""The one helper every setting read from the environment goes through.

Each value has a name, a type and a default; a malformed value stops the start-up with a
message that names the variable, never with a traceback deep inside Django.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

__all__ = ["Env"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class Env:
    """Typed reads of environment variables (`os.environ` unless another mapping is given)."""

    def __init__(self, environ: Mapping[builtins.str, builtins.str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ

    def str(self, name: builtins.str, default: builtins.str | None = None) -> builtins.str:
        value = self._environ.get(name, default)
        if value is None:
            raise ImproperlyConfigured(f"environment variable {name} must be set")
        return value

    def bool(self, name: builtins.str, *, default: bool) -> bool:
        raw = self._environ.get(name)
        if raw is None:
            return default
        if raw.strip().lower() in _TRUE:
            return True
        if raw.strip().lower() in _FALSE:
            return False
        raise ImproperlyConfigured(f"environment variable {name}={raw!r} is not a yes/no value")

    def int(self, name: builtins.str, *, default: int) -> int:
        raw = self._environ.get(name)
        if raw is None:
            return default
        try:
            return int(raw)
        except ValueError:
            raise ImproperlyConfigured(
                f"environment variable {name}={raw!r} is not a whole number"
            ) from None

    def list(
        self, name: builtins.str, default: list[builtins.str] | None = None
    ) -> list[builtins.str]:
        raw = self._environ.get(name)
        if raw is None:
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]

    def path(self, name: builtins.str, default: Path) -> Path:
        raw = self._environ.get(name)
        return Path(raw).resolve() if raw else default.resolve()

    def database(self, name: builtins.str, *, default_sqlite: Path) -> dict[builtins.str, Any]:
        """`DATABASE_URL` (PostgreSQL via psycopg 3, or SQLite) → one `DATABASES` entry."""
        url = self._environ.get(name) or f"sqlite:///{default_sqlite}"
        try:
            config: dict[builtins.str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"environment variable {name} is not a database URL: {error}"
            ) from None
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config.pop("CONN_MAX_AGE", None)
            config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
        elif config["ENGINE"] == "django.db.backends.postgresql":
            config["CONN_HEALTH_CHECKS"] = True
        else:
            raise ImproperlyConfigured(
                f"environment variable {name}: only PostgreSQL and SQLite are supported"
            )
        return config
