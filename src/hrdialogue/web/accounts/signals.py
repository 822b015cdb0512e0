"""Signals other apps listen to, so that accounts need not know them."""

from __future__ import annotations

from django.dispatch import Signal

__all__ = ["user_deactivated", "user_demoted"]

# Sent by `services.deactivate_user` inside its transaction, with `actor` and `user`: whatever
# else grants access (API tokens) ends with the account.
user_deactivated = Signal()

# Sent by `services.change_role` inside its transaction when a role is lowered, with `actor`,
# `user` and the new `role`: what the higher role was given (API tokens) ends with it. A
# receiver returns how many grants it ended (an int), which the role change reports.
user_demoted = Signal()
