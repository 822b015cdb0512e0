"""Who makes a request: `Visitor` (an account or an anonymous visitor);
`AuthenticatedHttpRequest`, the type of a request that only a signed-in account reaches; and
`acting_account`, the account behind a request once a view has checked its permission."""

from __future__ import annotations

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from hrdialogue.web.accounts.models import User

__all__ = ["AuthenticatedHttpRequest", "Visitor", "acting_account"]

Visitor: TypeAlias = User | AnonymousUser
"""`request.user`: what permission rules and read-side services are asked about."""


class AuthenticatedHttpRequest(HttpRequest):
    """A request whose `user` is an account, never `AnonymousUser`.

    Only a type (Django never builds one): the views and helpers behind a guard that admits
    signed-in accounts alone take it, so that mypy lets them read the account's fields. The
    guard is what makes it true: `require_perm` with a permission whose rule requires
    `is_authenticated` (e.g. `api.manage_own_tokens`), or the API's token authentication
    (`api.auth.token_auth`, the default of every operation not marked `PUBLIC`).
    """

    user: User


def acting_account(request: HttpRequest) -> User:
    """The account that makes `request`: the `actor` a view gives a service, once it has checked
    (in its body, on an object) a permission that only an account can hold.

    An anonymous visitor never gets that far; if one did, the view would refuse (403) rather than
    let a change be written in the audit log with nobody as its author.
    """
    if not request.user.is_authenticated:
        raise PermissionDenied
    return request.user
