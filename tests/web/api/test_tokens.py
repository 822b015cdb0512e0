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


# --- a lowered role keeps no token (least privilege) ------------------------------------------


def _bearer(client: Any, raw: str, path: str = "/api/stakeholders/fra") -> Any:
    return client.get(path, headers={"Authorization": f"Bearer {raw}"})


def test_a_demotion_revokes_the_tokens_in_the_same_audited_change(
    client: Any, world: dict[str, Any]
) -> None:
    """A colleague of the Secretariat with two tokens becomes a moderator: both tokens get 401
    (not a quieter token with the moderator's rights), one audit entry says so, before the
    role change's own entry, which counts them too."""
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.accounts.services import change_role
    from hrdialogue.web.api.services import issue_token, revoke_token
    from hrdialogue.web.audit.models import AuditEntry

    chief = world["users"]["secretariat"]
    colleague = User.objects.create_user("c@example.org", "x", role="secretariat")
    raws = [issue_token(actor=chief, user=colleague, name=n)[1] for n in ("sync", "report")]
    old_token, _old = issue_token(actor=chief, user=colleague, name="old")
    revoke_token(actor=chief, token=old_token)  # already revoked: not counted again
    assert [_bearer(client, raw).json()["contacts"] != [] for raw in raws] == [True, True]

    change = change_role(actor=chief, user=colleague, role="moderator")

    assert (change.demotion, change.tokens_revoked) == (True, 2)
    assert [_bearer(client, raw).status_code for raw in raws] == [401, 401]
    revoked = AuditEntry.objects.get(action="api.revoke-tokens")
    assert (revoked.actor, revoked.target_type, revoked.target_id) == (
        chief,
        "accounts.user",
        str(colleague.pk),
    )
    assert revoked.after == {"tokens_revoked": 2, "reason": "role-lowered", "role": "moderator"}
    role_entry = AuditEntry.objects.get(action="accounts.change-role")
    assert role_entry.after["tokens_revoked"] == 2
    assert revoked.sequence < role_entry.sequence  # one transaction, the role's entry last


def test_a_moderator_demoted_to_the_public_loses_the_token(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    from hrdialogue.web.accounts.services import change_role

    assert api_get("/api/stakeholders/fra", "moderator").json()["contacts"] != []
    change_role(
        actor=world["users"]["secretariat"], user=world["users"]["moderator"], role="public"
    )
    assert api_get("/api/stakeholders/fra", "moderator").status_code == 401


def test_a_promotion_keeps_the_tokens_and_revokes_nothing(
    world: dict[str, Any], api_get: Callable[..., Any]
) -> None:
    from hrdialogue.web.accounts.services import change_role
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.audit.models import AuditEntry

    public = world["users"]["public"]
    assert api_get("/api/stakeholders/fra", "public").json()["contacts"] is None
    change = change_role(actor=world["users"]["secretariat"], user=public, role="moderator")
    assert (change.demotion, change.tokens_revoked) == (False, 0)
    # The same token now carries the moderator's rights: the staff see the contacts.
    assert api_get("/api/stakeholders/fra", "public").json()["contacts"] != []
    assert ApiToken.objects.get(user=public).revoked_at is None
    assert not AuditEntry.objects.filter(action="api.revoke-tokens").exists()
    assert AuditEntry.objects.get(action="accounts.change-role").after["tokens_revoked"] == 0


def test_a_demotion_that_fails_keeps_role_and_tokens_together(
    world: dict[str, Any], api_get: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The role change's audit entry fails after the tokens were revoked: the transaction rolls
    back both, so the moderator keeps the role and the working token (never half a change)."""
    from hrdialogue.web.accounts import services as accounts_services
    from hrdialogue.web.accounts.services import change_role

    real = accounts_services.record_change

    def failing(**kwargs: Any) -> Any:
        if kwargs["action"] == "accounts.change-role":
            raise RuntimeError("audit log unavailable")
        return real(**kwargs)

    monkeypatch.setattr(accounts_services, "record_change", failing)
    moderator = world["users"]["moderator"]
    with pytest.raises(RuntimeError, match="audit log unavailable"):
        change_role(actor=world["users"]["secretariat"], user=moderator, role="public")
    moderator.refresh_from_db()
    assert moderator.role == "moderator"
    assert api_get("/api/stakeholders/fra", "moderator").json()["contacts"] != []
