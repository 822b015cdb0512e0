"""Who may use what in the API beyond each app's own rules (reused as they are)."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.rules import is_secretariat

__all__: list[str] = []

# The consultation export (mandate, stakeholders, every reply with its passages, comments) is
# the material of the report: the Secretariat's alone.
rules.add_perm("api.export_consultation", is_secretariat)
# Every signed-in account may hold tokens for itself: a token acts with the account's own
# permissions, no more (the API applies the pages' rules).
rules.add_perm("api.manage_own_tokens", rules.is_authenticated & rules.is_active)
