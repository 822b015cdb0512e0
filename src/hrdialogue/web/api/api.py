"""The API: `/api/` with its OpenAPI 3 schema at `/api/openapi.json` and docs at `/api/docs`.

Refusals are 422 and 403 with a `detail`; a database that cannot be reached (down, restarting
after a crash, or failing a query for lack of it) is 503 with `Retry-After`, never a 500.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from hrdialogue.web.api.auth import token_auth
from hrdialogue.web.api.exports import router as exports_router
from hrdialogue.web.api.registry import router as registry_router
from hrdialogue.web.api.replies import router as replies_router

__all__ = ["DATABASE_RETRY_AFTER_SECONDS", "api"]

DATABASE_RETRY_AFTER_SECONDS = 5
"""A database restart (crash recovery) takes seconds: clients may retry soon."""

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="hrdialogue API",
    version="1",
    description=(
        "Consultations, stakeholders, resolutions and replies of hrdialogue, with the same "
        "permissions as the pages. Send `Authorization: Bearer <token>`; without it you read "
        "what an anonymous visitor of the pages reads."
    ),
    urls_namespace="api",
    auth=token_auth,
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("", registry_router)
api.add_router("", replies_router)
api.add_router("", exports_router)


@api.exception_handler(ValidationError)
def _refused(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A service refused the input: 422 with its messages (the same the pages show)."""
    if hasattr(error, "error_dict"):
        detail = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    else:
        detail = " ".join(error.messages)
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": "You may see this but not do this."}, status=403)


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def _database_unavailable(request: HttpRequest, error: Exception) -> HttpResponse:
    """The database could not be reached, or its connection broke, during the request: 503
    with `Retry-After`. The connection may have broken while a reply was being committed, so
    the answer does not claim that nothing was recorded: the same request with the same
    Idempotency-Key returns the reply if it was, and records it once if it was not."""
    logger.warning("database unavailable during %s %s: %s", request.method, request.path, error)
    response = api.create_response(
        request,
        {
            "detail": "The database is unavailable at the moment. Send the same request again "
            "in a few seconds, with the same Idempotency-Key: a reply already received is "
            "returned, never recorded twice."
        },
        status=503,
    )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response
