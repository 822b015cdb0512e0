"""Every API operation × role × consultation phase × visibility, against a table written by hand.

The operations are enumerated from the OpenAPI schema: one missing from `EXPECTED` fails
`test_every_operation_is_in_the_matrix`. Outcomes: the status code, and for list endpoints
whether the consultation's item is listed (`listed` / `empty`). Roles as in conftest.py: two
focal points of the two consultee stakeholders (France, a demo NGO), one of a stakeholder
outside the consultation (UNDP).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.web.api.conftest import ROLES

pytestmark = pytest.mark.django_db

PHASES = ["draft", "open", "closed", "drafting", "published"]
VISIBILITIES = ["public", "restricted"]
STAFF = {"moderator", "secretariat"}
CONSULTEES = {"focal_fra", "focal_ngo"}

OK, NOAUTH, DENY, HIDE = "200", "401", "403", "404"
LISTED, EMPTY, CONTACTS = "listed", "empty", "contacts"

Rule = Callable[[str, str, str], str]


def _can_view(role: str, phase: str, visibility: str) -> bool:
    if role in STAFF:
        return True
    return phase != "draft" and (visibility == "public" or role in CONSULTEES)


def _everyone(outcome: str) -> Rule:
    return lambda role, phase, visibility: outcome


def _consultation_listed(role: str, phase: str, visibility: str) -> str:
    return LISTED if _can_view(role, phase, visibility) else EMPTY


def _consultation_view(role: str, phase: str, visibility: str) -> str:
    return OK if _can_view(role, phase, visibility) else HIDE


def _contacts_for_staff(role: str, phase: str, visibility: str) -> str:
    return CONTACTS if role in STAFF else OK


# "METHOD path" → (does it depend on the consultation's phase and visibility, rule)
EXPECTED: dict[str, tuple[bool, Rule]] = {
    "GET /api/consultations": (True, _consultation_listed),
    "GET /api/consultations/{pk}": (True, _consultation_view),
    "GET /api/stakeholders": (False, _everyone(OK)),
    "GET /api/stakeholders/{code}": (False, _contacts_for_staff),
    "GET /api/resolutions": (False, _everyone(OK)),
    "GET /api/resolutions/{pk}": (False, _everyone(OK)),
}


def _operations() -> set[str]:
    from hrdialogue.web.api.api import api

    schema = api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


def test_every_operation_is_in_the_matrix() -> None:
    assert _operations() == set(EXPECTED)


def _request(client: Any, world: dict[str, Any], operation: str, role: str) -> Any:
    method, path = operation.split(" ", 1)
    path = path.format(pk=_pk_for(world, path), code="fra")
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {world['tokens'][role]}"}
    return getattr(client, method.lower())(path, headers=headers)


def _pk_for(world: dict[str, Any], path: str) -> int:
    if path.startswith("/api/resolutions/"):
        return int(world["document"].pk)
    return int(world["consultation"].pk)


def _outcome(world: dict[str, Any], operation: str, response: Any) -> str:
    status = str(response.status_code)
    if status != OK:
        return status
    body = response.json()
    if operation == "GET /api/consultations":
        return LISTED if any(c["id"] == world["consultation"].pk for c in body) else EMPTY
    if operation == "GET /api/stakeholders/{code}":
        return CONTACTS if body["contacts"] is not None else OK
    return status


@pytest.mark.parametrize("operation", sorted(EXPECTED))
def test_matrix(operation: str, world: dict[str, Any], client: Any) -> None:
    from hrdialogue.web.consultations.models import Consultation

    per_phase, rule = EXPECTED[operation]
    consultation = world["consultation"]
    cells = [(p, v) for p in PHASES for v in VISIBILITIES] if per_phase else [("open", "public")]
    wrong = []
    for phase, visibility in cells:
        Consultation.objects.filter(pk=consultation.pk).update(phase=phase, visibility=visibility)
        for role in ROLES:
            got = _outcome(world, operation, _request(client, world, operation, role))
            expected = rule(role, phase, visibility)
            if got != expected:
                wrong.append((role, phase, visibility, expected, got))
    assert not wrong, f"{operation}: (role, phase, visibility, expected, got): {wrong}"
