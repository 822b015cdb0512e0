"""schemathesis against the API's own OpenAPI schema, in process (WSGI, no network), with the
tokens of two focal points of different stakeholders and without a token: no server error, no
response that breaks the schema (status codes, content types, bodies, headers)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from hrdialogue.web.api.api import api

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.mark.parametrize("role", ["focal_fra", "focal_ngo", "anonymous"])
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: Any, role: str, world: dict[str, Any]) -> None:
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world['tokens'][role]}"}
    case.call_and_validate(headers=headers)
