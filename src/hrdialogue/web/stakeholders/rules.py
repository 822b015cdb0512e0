"""The registry is public; contacts and imports are for the Secretariat (moderators read)."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.rules import is_secretariat, is_staff_member

__all__: list[str] = []

rules.add_perm("stakeholders.view_stakeholder", rules.always_allow)
rules.add_perm("stakeholders.view_contacts", is_staff_member)
rules.add_perm("stakeholders.import_stakeholders", is_secretariat)
rules.add_perm("stakeholders.add_contact", is_secretariat)
