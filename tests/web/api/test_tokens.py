"""API tokens: kept only as a hash, refused when unknown, revoked or their account deactivated."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_database_keeps_only_the_hash(world: dict[str, Any]) -> None:
    from hrdialogue.web.api.models import ApiToken

    raw = world["tokens"]["focal_fra"]
    stored = ApiToken.objects.get(user=world["users"]["focal_fra"])
    assert raw.startswith("hrd_")
    assert len(raw) > 40
    assert stored.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {stored.token_hash, stored.prefix, stored.name}
    assert stored.prefix == raw[:12]


@pytest.mark.parametrize(
    "header",
    [
        "Bearer hrd_not-a-token",
        "Bearer ",
        "Basic Zjp4",
        "hrd_without-scheme",
        "Bearer hrd_" + "x" * 300,
    ],
)
def test_a_bad_token_gets_401_not_anonymous(
    client: Any, world: dict[str, Any], header: str
) -> None:
    response = client.get("/api/consultations", headers={"Authorization": header})
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_valid_token_identifies_the_account(api_get: Callable[..., Any]) -> None:
    # The restricted stakeholder detail shows contacts to staff only: a valid secretariat token
    # sees them, an anonymous request does not.
    assert api_get("/api/stakeholders/fra", "secretariat").json()["contacts"] != []
    assert api_get("/api/stakeholders/fra").json()["contacts"] is None


def test_deactivation_revokes_every_token(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    from hrdialogue.web.accounts.services import deactivate_user
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.audit.models import AuditEntry

    user = world["users"]["focal_fra"]
    assert api_get("/api/consultations", "focal_fra").status_code == 200
    deactivate_user(actor=world["users"]["secretariat"], user=user)
    assert api_get("/api/consultations", "focal_fra").status_code == 401
    assert not ApiToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    entry = AuditEntry.objects.get(action="api.revoke-tokens")
    assert entry.after == {"tokens_revoked": 1}
    assert entry.target_id == str(user.pk)


def test_an_inactive_account_is_refused_even_with_an_unrevoked_token(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    from hrdialogue.web.accounts.models import User

    User.objects.filter(pk=world["users"]["moderator"].pk).update(is_active=False)
    assert api_get("/api/consultations", "moderator").status_code == 401


def test_revoked_token_is_refused(world: dict[str, Any], api_get: Callable[..., Any]) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import revoke_token

    revoke_token(actor=None, token=ApiToken.objects.get(user=world["users"]["public"]))
    assert api_get("/api/consultations", "public").status_code == 401


def test_command_issues_a_working_token_and_revokes_it(world: dict[str, Any], client: Any) -> None:
    out = io.StringIO()
    call_command("api_token", "issue", "M@example.org", "--name", "scripts", stdout=out)
    raw = out.getvalue().strip()
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/stakeholders/fra", headers=headers).json()["contacts"] is not None
    call_command("api_token", "revoke", raw[:12], stdout=io.StringIO())
    assert client.get("/api/stakeholders/fra", headers=headers).status_code == 401


def test_command_names_an_unknown_account(world: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match=r"nobody@example\.org"):
        call_command("api_token", "issue", "nobody@example.org", "--name", "x")


def test_a_token_needs_a_name(world: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match="name"):
        call_command("api_token", "issue", "m@example.org", "--name", "  ")
