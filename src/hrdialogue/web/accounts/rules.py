"""Who is who: role predicates every app's permissions are built from."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.models import Role
from hrdialogue.web.accounts.requests import Visitor

__all__ = [
    "is_focal_point",
    "is_moderator",
    "is_secretariat",
    "is_staff_member",
]


@rules.predicate
def is_secretariat(user: Visitor) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.SECRETARIAT)


@rules.predicate
def is_moderator(user: Visitor) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.MODERATOR)


@rules.predicate
def is_focal_point(user: Visitor) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.FOCAL_POINT
        and user.stakeholder_id is not None
    )


is_staff_member = is_secretariat | is_moderator

rules.add_perm("accounts.manage_accounts", is_secretariat)
