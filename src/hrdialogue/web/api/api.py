"""The API: `/api/` with its OpenAPI 3 schema at `/api/openapi.json` and docs at `/api/docs`."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from hrdialogue.web.api.auth import token_auth
from hrdialogue.web.api.exports import router as exports_router
from hrdialogue.web.api.registry import router as registry_router
from hrdialogue.web.api.replies import router as replies_router

__all__ = ["api"]

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
