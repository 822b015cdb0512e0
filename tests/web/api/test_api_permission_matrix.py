"""Every API operation × role × consultation phase × visibility, against a table written by hand.

The operations are enumerated from the OpenAPI schema: one missing from `EXPECTED` fails
`test_every_operation_is_in_the_matrix`. Outcomes: the status code, and for list endpoints
whether the consultation's item is listed (`listed` / `empty`). Roles as in conftest.py: two
focal points of the two consultee stakeholders (France, a demo NGO), one of a stakeholder
outside the consultation (UNDP).

The replies (conftest `replies_world`): R1 from France, not published; R2 from the NGO, v1
published, v2 not. For every way of reading replies (list, detail, CSV, JSON) the outcome is
what the role reads, e.g. `R1v1 R2v2`: no focal point ever reads another stakeholder's
unpublished reply or version.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

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


def _replies_read(role: str, phase: str, visibility: str) -> str:
    if role in STAFF:
        return "R1v1 R2v2"
    published = "R2v1" if _can_view(role, phase, visibility) else ""
    if role == "focal_fra":
        return f"R1v1 {published}".strip()
    if role == "focal_ngo":
        return "R2v2"  # its own reply, latest version, whatever the phase
    return published


def _submit(role: str, phase: str, visibility: str) -> str:
    if role == "anonymous":
        return NOAUTH
    if not _can_view(role, phase, visibility):
        return HIDE
    return "201" if role in CONSULTEES and phase in ("open", "closed", "drafting") else DENY


def _secretariat_export(role: str, phase: str, visibility: str) -> str:
    if role == "anonymous":
        return NOAUTH
    if not _can_view(role, phase, visibility):
        return HIDE
    return OK if role == "secretariat" else DENY


# "METHOD path" → (does it depend on the consultation's phase and visibility, rule)
EXPECTED: dict[str, tuple[bool, Rule]] = {
    "GET /api/consultations": (True, _consultation_listed),
    "GET /api/consultations/{pk}": (True, _consultation_view),
    "GET /api/stakeholders": (False, _everyone(OK)),
    "GET /api/stakeholders/{code}": (False, _contacts_for_staff),
    "GET /api/resolutions": (False, _everyone(OK)),
    "GET /api/resolutions/{pk}": (False, _everyone(OK)),
    "GET /api/replies": (True, _replies_read),
    "GET /api/replies/{pk}": (True, _replies_read),
    "GET /api/exports/replies.csv": (True, _replies_read),
    "GET /api/exports/replies.json": (True, _replies_read),
    "POST /api/consultations/{pk}/replies": (True, _submit),
    "POST /api/consultations/{pk}/replies/file": (True, _submit),
    "GET /api/consultations/{pk}/export": (True, _secretariat_export),
}


def _operations() -> set[str]:
    from hrdialogue.web.api.api import api

    schema = api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


def test_every_operation_is_in_the_matrix() -> None:
    assert _operations() == set(EXPECTED)


def _headers(world: dict[str, Any], role: str) -> dict[str, str]:
    return {} if role == "anonymous" else {"Authorization": f"Bearer {world['tokens'][role]}"}


def _outcome(client: Any, world: dict[str, Any], operation: str, role: str) -> str:
    method, path = operation.split(" ", 1)
    headers = _headers(world, role)
    if operation == "GET /api/replies/{pk}":
        return _read_one_by_one(client, world, headers)
    if operation == "POST /api/consultations/{pk}/replies/file":
        response = client.post(
            path.format(pk=world["consultation"].pk),
            {"file": SimpleUploadedFile("reponse.docx", _reply_docx())},
            headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
        )
        return str(response.status_code)
    if method == "POST":
        response = client.post(
            path.format(pk=world["consultation"].pk),
            {"text": "Une nouvelle version de la réponse de la France, envoyée par l'API."},
            content_type="application/json",
            headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
        )
        return str(response.status_code)
    pk = world["document"].pk if path.startswith("/api/resolutions/") else world["consultation"].pk
    response = client.get(path.format(pk=pk, code="fra"), headers=headers)
    status = str(response.status_code)
    if status != OK:
        return status
    if operation == "GET /api/exports/replies.csv":
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        return " ".join(f"{r['reply']}v{r['version']}" for r in rows)
    body = response.json()
    if operation == "GET /api/consultations":
        return LISTED if any(c["id"] == world["consultation"].pk for c in body) else EMPTY
    if operation == "GET /api/stakeholders/{code}":
        return CONTACTS if body["contacts"] is not None else OK
    if operation == "GET /api/replies":
        return " ".join(f"{r['label']}v{r['version']}" for r in body["items"])
    if operation == "GET /api/exports/replies.json":
        return " ".join(f"{r['label']}v{r['version']}" for r in body["replies"])
    return status


def _reply_docx() -> bytes:
    """A reply as a DOCX file (hand-written text)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Une nouvelle version de la réponse de la France, envoyée en fichier.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read_one_by_one(client: Any, world: dict[str, Any], headers: dict[str, str]) -> str:
    seen = []
    for reply in (world["r1"], world["r2"]):
        response = client.get(f"/api/replies/{reply.pk}", headers=headers)
        if response.status_code == 200:
            seen.append(f"{response.json()['label']}v{response.json()['version']}")
        elif response.status_code != 404:
            seen.append(str(response.status_code))
    return " ".join(seen)


@pytest.mark.parametrize("operation", sorted(EXPECTED))
def test_matrix(operation: str, replies_world: dict[str, Any], client: Any) -> None:
    from hrdialogue.web.consultations.models import Consultation

    world = replies_world
    per_phase, rule = EXPECTED[operation]
    consultation = world["consultation"]
    cells = [(p, v) for p in PHASES for v in VISIBILITIES] if per_phase else [("open", "public")]
    wrong = []
    for phase, visibility in cells:
        Consultation.objects.filter(pk=consultation.pk).update(phase=phase, visibility=visibility)
        for role in ROLES:
            got = _outcome(client, world, operation, role)
            expected = rule(role, phase, visibility)
            if got != expected:
                wrong.append((role, phase, visibility, expected, got))
    assert not wrong, f"{operation}: (role, phase, visibility, expected, got): {wrong}"
