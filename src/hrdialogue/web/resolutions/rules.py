"""Resolutions are public documents; uploading and reviewing mandates is the Secretariat's."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.rules import is_secretariat, is_staff_member

__all__: list[str] = []

rules.add_perm("resolutions.view_resolution", rules.always_allow)
rules.add_perm("resolutions.add_resolution", is_secretariat)
rules.add_perm("resolutions.review_mandates", is_staff_member)
