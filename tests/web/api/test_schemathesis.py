"""schemathesis against the API's own OpenAPI schema, in process (WSGI, no network), with the
tokens of two focal points of different stakeholders: no server error, no response that breaks
the schema (status codes, content types, bodies, headers). Requests without a token are in
the permission matrix. Examples are bounded (and derandomized) so that the run stays short."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from hrdialogue.web.api.api import api

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The WSGI handler closes "old" database connections around each request, which would
    close the test's own transaction on PostgreSQL; Django's test client does the same."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("role", ["focal_fra", "focal_ngo"])
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: Any, role: str, world: dict[str, Any]) -> None:
    # A reply's file must be a readable DOCX or PDF, which no schema can say: a schema-valid
    # upload of random bytes is rightly refused (422), so that one check does not apply there.
    excluded = [positive_data_acceptance] if case.path.endswith("/replies/file") else []
    case.call_and_validate(
        headers={"Authorization": f"Bearer {world['tokens'][role]}"}, excluded_checks=excluded
    )
