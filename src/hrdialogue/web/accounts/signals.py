"""Signals other apps listen to, so that accounts need not know them."""

from __future__ import annotations

from django.dispatch import Signal

__all__ = ["user_deactivated"]

# Sent by `services.deactivate_user` inside its transaction, with `actor` and `user`: whatever
# else grants access (API tokens) ends with the account.
user_deactivated = Signal()
