"""Token auth: `Authorization: Bearer hrd_…`. The API does not read session cookies.

Without the header a request is anonymous (public endpoints answer it as the pages answer an
anonymous visitor); with a header that names no active token it gets 401, never a quiet
downgrade to anonymous. `request.user` is set to the token's account, so the permission
predicates and the no-store middleware see the same user as the view.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from hrdialogue.web.api.services import authenticate_token

__all__ = ["OPTIONAL_AUTH", "PUBLIC", "PUBLIC_SECURITY", "TokenAuth", "token_auth"]


class TokenAuth(HttpBearer):
    openapi_description = "A personal API token (`hrd_…`), issued by the Secretariat."

    def __call__(self, request: HttpRequest) -> Any | None:
        header = request.headers.get("Authorization")
        if not header:
            return None
        scheme, _space, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationError(401, "The Authorization header must be 'Bearer <token>'.")
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = authenticate_token(token)
        if user is None:
            raise AuthenticationError(401, "This API token is not valid (revoked or unknown).")
        request.user = user
        return user


def _anonymous(request: HttpRequest) -> AnonymousUser:
    user = AnonymousUser()
    request.user = user
    return user


token_auth = TokenAuth()
# Endpoints a visitor without a token may read (what the public pages show).
OPTIONAL_AUTH: list[Any] = [token_auth, _anonymous]
# … and their OpenAPI security: a token, or nothing.
PUBLIC_SECURITY: dict[str, Any] = {"security": [{}]}  # appended to [{"TokenAuth": []}]
# Keyword arguments of an operation that answers anonymous callers too.
PUBLIC: dict[str, Any] = {"auth": OPTIONAL_AUTH, "openapi_extra": PUBLIC_SECURITY}
