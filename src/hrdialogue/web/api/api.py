"""The API: `/api/` with its OpenAPI 3 schema at `/api/openapi.json` and docs at `/api/docs`."""

from __future__ import annotations

from ninja import NinjaAPI

from hrdialogue.web.api.auth import token_auth
from hrdialogue.web.api.registry import router as registry_router

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
