"""Password-reset tokens that die with deactivation and with a rotated security stamp."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator

__all__ = ["password_reset_tokens"]


class _ResetTokens(PasswordResetTokenGenerator):
    key_salt = "hrdialogue.accounts.password-reset"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}|{user.security_stamp}|{user.is_active}"


password_reset_tokens = _ResetTokens()
