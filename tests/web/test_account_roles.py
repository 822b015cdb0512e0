"""The Secretariat gives colleagues a role: it invites a staff member (Secretariat or moderator)
and changes an account's role on its accounts page, under rules the service enforces."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _link(body: str) -> str:
    found = re.search(r"http://testserver(/accounts/invitation/\S+/)", body)
    assert found is not None, body
    return found.group(1)


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _role(user: Any) -> str:
    user.refresh_from_db()
    return str(user.role)


# --- invitations of staff members -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sentence", "welcome"),
    [
        ("moderator", "act as moderator", "You are invited as moderator."),
        ("secretariat", "join the Secretariat", "You are invited to join the Secretariat."),
    ],
)
def test_a_secretariat_member_invites_a_staff_member_who_accepts(
    secretariat: Any, role: str, sentence: str, welcome: str
) -> None:
    from hrdialogue.web.accounts.models import Invitation, User
    from hrdialogue.web.audit.models import AuditEntry

    client = _signed_in(secretariat)
    form = client.get(reverse("accounts:invite") + f"?role={role}")
    assert form.status_code == 200
    assert form.context["form"]["role"].value() == role  # the form starts with that role
    response = client.post(
        reverse("accounts:invite"), {"email": "Colleague@UN.example", "role": role}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.stakeholder) == (
        "colleague@un.example",
        role,
        None,
    )
    invite_entry = AuditEntry.objects.get(action="accounts.invite")
    assert invite_entry.after["role"] == role
    assert invite_entry.after["stakeholder"] is None
    assert mail.outbox[0].to == ["colleague@un.example"]
    assert sentence in mail.outbox[0].body
    path = _link(mail.outbox[0].body)

    guest = Client()
    page = guest.get(path)
    assert page.status_code == 200
    assert welcome in page.text
    accepted = guest.post(
        path, {"first_name": "C", "last_name": "D", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert accepted.status_code == 302
    user = User.objects.get(email="colleague@un.example")
    assert (user.role, user.stakeholder, user.is_staff, user.is_superuser) == (
        role,
        None,
        False,
        False,
    )
    assert guest.get("/").context["user"] == user  # signed in by the acceptance
    assert Client().get(path).status_code == 404  # single use
    accept_entry = AuditEntry.objects.get(action="accounts.accept-invitation")
    assert accept_entry.after == {
        "email": "colleague@un.example",
        "role": role,
        "stakeholder": None,
    }


def test_a_focal_points_invitation_still_needs_its_stakeholder_and_a_staff_one_has_none(
    registry: None, secretariat: Any
) -> None:
    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.stakeholders.models import Stakeholder

    france = Stakeholder.objects.get(code="fra")
    client = _signed_in(secretariat)
    invite = reverse("accounts:invite")
    no_stakeholder = client.post(invite, {"email": "fp@example.org", "role": "focal-point"})
    assert no_stakeholder.status_code == 400
    assert "Choose the stakeholder the focal point will act for." in no_stakeholder.text
    staff_with_one = client.post(
        invite, {"email": "m@example.org", "role": "moderator", "stakeholder": france.pk}
    )
    assert staff_with_one.status_code == 400
    assert "A staff member acts for no stakeholder" in staff_with_one.text
    public = client.post(invite, {"email": "p@example.org", "role": "public"})
    assert public.status_code == 400  # not a role an invitation gives
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("role", ["focal-point", "public"])
def test_the_service_invites_staff_as_secretariat_or_moderator_only(
    secretariat: Any, role: str
) -> None:
    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.accounts.services import invite_staff_member

    with pytest.raises(ValidationError, match="member of the Secretariat or as a moderator"):
        invite_staff_member(actor=secretariat, email="x@example.org", role=role)
    assert not Invitation.objects.exists()


def test_a_staff_invitation_without_a_stakeholder_is_refused_by_the_database(
    secretariat: Any, registry: None
) -> None:
    """The constraint holds whatever code writes the row: a focal point's invitation has its
    stakeholder, a staff member's has none."""
    import datetime as dt

    from django.db import IntegrityError, transaction
    from django.utils import timezone

    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.stakeholders.models import Stakeholder

    common = {"email": "x@example.org", "expires_at": timezone.now() + dt.timedelta(days=1)}
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(role="focal-point", token_hash="a" * 64, **common)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(
            role="moderator",
            stakeholder=Stakeholder.objects.get(code="fra"),
            token_hash="b" * 64,
            **common,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(role="public", token_hash="c" * 64, **common)


# --- who may invite and change roles ----------------------------------------------------------


@pytest.fixture
def visitor(request: Any, make_user: Callable[..., Any], registry: None) -> Client:
    """A client for each role that is not the Secretariat's (anonymous included)."""
    from hrdialogue.web.stakeholders.models import Stakeholder

    client = Client()
    if request.param == "anonymous":
        return client
    stakeholder = Stakeholder.objects.get(code="fra") if request.param == "focal-point" else None
    client.force_login(make_user(request.param, f"{request.param}-v@example.org", stakeholder))
    return client


@pytest.mark.parametrize(
    "visitor", ["anonymous", "public", "focal-point", "moderator"], indirect=True
)
def test_only_the_secretariat_invites_and_changes_roles(
    visitor: Client, secretariat: Any, public_user: Any
) -> None:
    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    signed_in = "_auth_user_id" in visitor.session
    refused = 403 if signed_in else 302
    answers = [
        visitor.get(reverse("accounts:invite") + "?role=secretariat"),
        visitor.post(reverse("accounts:invite"), {"email": "x@example.org", "role": "secretariat"}),
        visitor.post(reverse("accounts:change_role", args=[public_user.pk]), {"role": "moderator"}),
        visitor.post(reverse("accounts:change_role", args=[secretariat.pk]), {"role": "public"}),
        visitor.get(reverse("accounts:users")),
    ]
    assert [answer.status_code for answer in answers] == [refused] * 5
    if not signed_in:
        assert all("/accounts/login/" in answer["Location"] for answer in answers)
    assert (_role(public_user), _role(secretariat)) == ("public", "secretariat")
    assert not Invitation.objects.exists()
    assert AuditEntry.objects.count() == before


# --- the rules of a role change ---------------------------------------------------------------


def test_a_secretariat_member_makes_a_member_of_the_public_a_moderator(
    secretariat: Any, public_user: Any
) -> None:
    client = _signed_in(secretariat)
    response = client.post(
        reverse("accounts:change_role", args=[public_user.pk]), {"role": "moderator"}, follow=True
    )
    assert response.status_code == 200
    assert f"{public_user.email} now has the role: Moderator." in _messages(response)
    public_user.refresh_from_db()
    assert (public_user.role, public_user.is_staff, public_user.is_superuser) == (
        "moderator",
        False,
        False,
    )


def test_nobody_changes_their_own_role(secretariat: Any, make_user: Callable[..., Any]) -> None:
    from hrdialogue.web.accounts.services import change_role

    make_user("secretariat", "colleague@example.org")  # not the last one: only "own" refuses
    with pytest.raises(ValidationError, match="You cannot change your own role"):
        change_role(actor=secretariat, user=secretariat, role="moderator")
    response = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[secretariat.pk]), {"role": "public"}, follow=True
    )
    assert "You cannot change your own role." in _messages(response)
    assert _role(secretariat) == "secretariat"


def test_the_last_active_secretariat_member_is_not_demoted(
    secretariat: Any, make_user: Callable[..., Any]
) -> None:
    """Two members who demote each other: the first change is made, the second (made by the
    one just demoted, from a page loaded before) would leave nobody to run the platform."""
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.accounts.services import change_role

    colleague = make_user("secretariat", "colleague@example.org")
    stale_colleague = User.objects.get(pk=colleague.pk)  # loaded before her demotion
    change_role(actor=secretariat, user=colleague, role="moderator")
    with pytest.raises(ValidationError, match="last active member of the Secretariat"):
        change_role(actor=stale_colleague, user=secretariat, role="public")
    assert (_role(secretariat), _role(colleague)) == ("secretariat", "moderator")


def test_a_deactivated_member_does_not_count_as_the_secretariat(
    secretariat: Any, make_user: Callable[..., Any]
) -> None:
    from hrdialogue.web.accounts.services import change_role, deactivate_user

    colleague = make_user("secretariat", "colleague@example.org")
    deactivate_user(actor=secretariat, user=colleague)
    with pytest.raises(ValidationError, match="last active member of the Secretariat"):
        change_role(actor=None, user=secretariat, role="moderator")  # e.g. a command
    assert _role(secretariat) == "secretariat"
    change_role(actor=secretariat, user=colleague, role="public")  # an inactive one may go
    assert _role(colleague) == "public"


def test_a_focal_points_role_is_not_changed_here(secretariat: Any, france_focal_point: Any) -> None:
    from hrdialogue.web.accounts.services import change_role

    with pytest.raises(ValidationError, match="belongs to the stakeholder"):
        change_role(actor=secretariat, user=france_focal_point, role="public")
    response = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[france_focal_point.pk]),
        {"role": "moderator"},
        follow=True,
    )
    assert (
        "fp-france@example.org is a focal point of France: that role belongs to the "
        "stakeholder and is not changed here." in _messages(response)
    )
    france_focal_point.refresh_from_db()
    assert (france_focal_point.role, france_focal_point.stakeholder.code) == ("focal-point", "fra")


def test_no_one_becomes_a_focal_point_here(secretariat: Any, public_user: Any) -> None:
    from hrdialogue.web.accounts.services import change_role

    with pytest.raises(ValidationError, match="No one becomes a focal point here"):
        change_role(actor=secretariat, user=public_user, role="focal-point")
    response = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[public_user.pk]), {"role": "focal-point"}, follow=True
    )
    assert any("No one becomes a focal point here" in m for m in _messages(response))
    unknown = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[public_user.pk]), {"role": "admin"}, follow=True
    )
    assert f"Choose the new role of {public_user.email}." in _messages(unknown)
    assert _role(public_user) == "public"


def test_a_demoted_superuser_keeps_no_admin_access_and_the_change_is_audited(
    secretariat: Any,
) -> None:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.audit.models import AuditEntry

    founder = User.objects.create_superuser("founder@example.org", PASSWORD)
    assert (founder.role, founder.is_staff, founder.is_superuser) == ("secretariat", True, True)
    founder_client = _signed_in(founder)
    assert founder_client.get("/admin/").status_code == 200
    response = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[founder.pk]), {"role": "moderator"}
    )
    assert response.status_code == 302
    founder.refresh_from_db()
    assert (founder.role, founder.is_staff, founder.is_superuser) == ("moderator", False, False)
    entry = AuditEntry.objects.order_by("-sequence").first()
    assert entry is not None
    assert (entry.action, entry.actor, entry.target_type, entry.target_id) == (
        "accounts.change-role",
        secretariat,
        "accounts.user",
        str(founder.pk),
    )
    assert entry.before == {"role": "secretariat", "is_staff": True, "is_superuser": True}
    assert entry.after == {
        "role": "moderator",
        "is_staff": False,
        "is_superuser": False,
        "sessions_ended": True,
        "tokens_revoked": 0,
    }
    # Signed in again with the password, the account has no admin access any more.
    again = Client()
    again.force_login(founder)
    assert again.get("/admin/").status_code == 302


def test_a_promotion_is_audited_and_keeps_the_session(secretariat: Any, public_user: Any) -> None:
    from hrdialogue.web.accounts.services import change_role
    from hrdialogue.web.audit.models import AuditEntry

    own = _signed_in(public_user)
    stamp = public_user.security_stamp
    change_role(actor=secretariat, user=public_user, role="secretariat")
    public_user.refresh_from_db()
    assert (public_user.role, public_user.is_staff, public_user.is_superuser) == (
        "secretariat",
        False,  # the admin's flags are never given here
        False,
    )
    assert public_user.security_stamp == stamp
    assert own.get(reverse("accounts:users")).status_code == 200  # her session goes on
    entry = AuditEntry.objects.get(action="accounts.change-role")
    assert entry.before == {"role": "public", "is_staff": False, "is_superuser": False}
    assert entry.after == {
        "role": "secretariat",
        "is_staff": False,
        "is_superuser": False,
        "sessions_ended": False,
        "tokens_revoked": 0,
    }


def test_the_page_says_that_a_demotion_revoked_the_api_tokens(
    secretariat: Any, make_user: Callable[..., Any]
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import issue_token

    colleague = make_user("secretariat", "colleague@example.org")
    for name in ("sync", "report", "export"):
        issue_token(actor=secretariat, user=colleague, name=name)
    client = _signed_in(secretariat)
    response = client.post(
        reverse("accounts:change_role", args=[colleague.pk]), {"role": "public"}, follow=True
    )
    assert _messages(response) == [
        "colleague@example.org now has the role: Member of the public.",
        "A lower role keeps nothing of the higher one: the sessions of colleague@example.org "
        "were ended and their API tokens revoked (revoked now: 3).",
    ]
    assert not ApiToken.objects.filter(user=colleague, revoked_at__isnull=True).exists()
    # A promotion says nothing of tokens.
    promoted = client.post(
        reverse("accounts:change_role", args=[colleague.pk]), {"role": "moderator"}, follow=True
    )
    assert _messages(promoted) == ["colleague@example.org now has the role: Moderator."]


def test_a_demoted_members_session_ends(secretariat: Any, make_user: Callable[..., Any]) -> None:
    colleague = make_user("secretariat", "colleague@example.org")
    theirs = _signed_in(colleague)
    assert theirs.get(reverse("accounts:users")).status_code == 200
    response = _signed_in(secretariat).post(
        reverse("accounts:change_role", args=[colleague.pk]), {"role": "moderator"}
    )
    assert response.status_code == 302
    after = theirs.get(reverse("accounts:users"))
    assert after.status_code == 302
    assert after["Location"].startswith("/accounts/login/")
    assert not theirs.get("/").context["user"].is_authenticated


def test_a_moderator_demoted_to_the_public_is_signed_out_too(
    secretariat: Any, moderator: Any
) -> None:
    from hrdialogue.web.accounts.services import change_role

    theirs = _signed_in(moderator)
    assert theirs.get("/").context["user"].is_authenticated
    change_role(actor=secretariat, user=moderator, role="public")
    assert not theirs.get("/").context["user"].is_authenticated
    assert _role(moderator) == "public"


def test_the_same_role_again_changes_nothing(secretariat: Any, moderator: Any) -> None:
    from hrdialogue.web.accounts.services import change_role
    from hrdialogue.web.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match="already has this role"):
        change_role(actor=secretariat, user=moderator, role="moderator")
    assert AuditEntry.objects.count() == before


def test_the_change_and_its_audit_entry_are_one_transaction(
    secretariat: Any, make_user: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the audit entry cannot be written, the role does not change either."""
    from hrdialogue.web.accounts import services

    colleague = make_user("secretariat", "colleague@example.org")
    stamp = colleague.security_stamp

    def broken(**kwargs: Any) -> None:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(services, "record_change", broken)
    with pytest.raises(RuntimeError, match="audit log is unavailable"):
        services.change_role(actor=secretariat, user=colleague, role="public")
    colleague.refresh_from_db()
    assert (colleague.role, colleague.security_stamp) == ("secretariat", stamp)


# --- the accounts page ------------------------------------------------------------------------


def test_the_accounts_page_lists_roles_pending_staff_invitations_and_the_actions(
    secretariat: Any, public_user: Any, france_focal_point: Any
) -> None:
    from hrdialogue.web.accounts.services import invite_staff_member

    invite_staff_member(actor=secretariat, email="future-mod@example.org", role="moderator")
    invite_staff_member(actor=secretariat, email="future-sec@example.org", role="secretariat")
    page = _signed_in(secretariat).get(reverse("accounts:users"))
    assert page.status_code == 200
    text = page.text
    assert re.search(r"<td>future-mod@example.org</td><td>Moderator</td><td></td>", text)
    assert re.search(r"<td>future-sec@example.org</td><td>Secretariat</td><td></td>", text)
    assert re.search(r"<td>public@example.org</td><td>Member of the public</td>", text)
    assert re.search(r"<td>fp-france@example.org</td><td>Focal point</td><td>France</td>", text)
    forms = re.findall(r'action="/accounts/users/(\d+)/role/"', text)
    # Anyone's role but the focal point's and one's own.
    assert sorted(int(pk) for pk in forms) == [public_user.pk]
    assert "Set by the stakeholder's invitation" in text
    assert 'href="/accounts/invite/?role=moderator"' in text
    assert 'href="/accounts/invite/"' in text


def test_the_role_change_speaks_the_visitors_language(secretariat: Any, moderator: Any) -> None:
    client = _signed_in(secretariat)
    client.cookies["django_language"] = "fr"
    response = client.post(
        reverse("accounts:change_role", args=[secretariat.pk]), {"role": "public"}, follow=True
    )
    # The French catalog's sentence (hand-written there with this feature).
    assert _messages(response) == ["Vous ne pouvez pas modifier votre propre rôle."]
    assert _role(secretariat) == "secretariat"


# --- the database: concurrent demotions, the migration of older invitations -------------------


def _demote_each_other(first_pk: int, second_pk: int) -> list[str]:
    """Each of two accounts demotes the other at once, in two threads with their own
    connections: what each was told, sorted ("demoted" or "refused: …")."""
    import threading

    from django.db import connection

    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.accounts.services import change_role

    start = threading.Barrier(2)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def demote(actor_pk: int, target_pk: int) -> None:
        try:
            actor, target = User.objects.get(pk=actor_pk), User.objects.get(pk=target_pk)
            start.wait(timeout=30)
            try:
                change_role(actor=actor, user=target, role="moderator")
            except ValidationError as error:
                outcomes.append("refused: " + " ".join(error.messages))
            else:
                outcomes.append("demoted")
        except BaseException as error:  # reported below
            errors.append(error)
            start.abort()
        finally:
            connection.close()

    threads = [
        threading.Thread(target=demote, args=(first_pk, second_pk)),
        threading.Thread(target=demote, args=(second_pk, first_pk)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_members_who_demote_each_other_at_once_leave_one_in_the_secretariat(
    make_user: Callable[..., Any],
) -> None:
    """The two last members of the Secretariat demote each other at once, again and again: one
    change is made, the other refused, never both."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "PostgreSQL only: the in-memory SQLite test database is one connection shared by"
            " the threads (SQLite writers are serialised by BEGIN IMMEDIATE, see settings)"
        )
    from hrdialogue.web.accounts.models import User

    first = make_user("secretariat", "first@example.org")
    second = make_user("secretariat", "second@example.org")
    pair = [first.pk, second.pk]
    for _round in range(10):
        User.objects.filter(pk__in=pair).update(role="secretariat")
        demoted, refused = _demote_each_other(first.pk, second.pk)
        assert demoted == "demoted"
        assert "last active member of the Secretariat" in refused
        roles = sorted(User.objects.filter(pk__in=pair).values_list("role", flat=True))
        assert roles == ["moderator", "secretariat"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_the_invitations_already_sent_focal_points_ones(
    registry: None, secretariat: Any
) -> None:
    import datetime as dt

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.loader import MigrationLoader
    from django.utils import timezone

    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.stakeholders.models import Stakeholder

    france = Stakeholder.objects.get(code="fra")
    latest = MigrationLoader(connection).graph.leaf_nodes("accounts")
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0001_initial")])
    try:
        old = executor.loader.project_state([("accounts", "0001_initial")]).apps
        assert "role" not in {f.name for f in old.get_model("accounts", "Invitation")._meta.fields}
        old.get_model("accounts", "Invitation").objects.create(
            email="older@example.org",
            stakeholder_id=france.pk,
            token_hash="d" * 64,
            expires_at=timezone.now() + dt.timedelta(days=3),
        )
    finally:
        MigrationExecutor(connection).migrate(latest)
    invitation = Invitation.objects.get(email="older@example.org")
    assert (invitation.role, invitation.stakeholder) == ("focal-point", france)
