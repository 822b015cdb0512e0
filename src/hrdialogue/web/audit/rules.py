"""Only the Secretariat reads and exports the audit log."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.rules import is_secretariat

__all__: list[str] = []

rules.add_perm("audit.view_log", is_secretariat)
