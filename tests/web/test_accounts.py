"""Sign-in with lockout, password reset, invitations and deactivation."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _login(client: Client, email: str, password: str, **headers: str) -> Any:
    return client.post(LOGIN, {"username": email, "password": password}, **headers)


def test_a_secretariat_member_signs_in(client: Client, secretariat: Any) -> None:
    response = _login(client, secretariat.email, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("audit:list")).status_code == 200


def test_the_session_key_changes_at_sign_in(client: Client, secretariat: Any) -> None:
    client.get(LOGIN)
    client.session.save()
    before = client.session.session_key
    _login(client, secretariat.email, PASSWORD)
    assert client.session.session_key != before


def test_five_failures_lock_the_account_even_with_the_right_password(
    client: Client, secretariat: Any
) -> None:
    statuses = [_login(client, secretariat.email, "wrong").status_code for _ in range(5)]
    assert statuses[:4] == [200, 200, 200, 200]
    # The fifth failure locks; then the correct password is refused too, from another address.
    locked = _login(client, secretariat.email, PASSWORD, REMOTE_ADDR="10.9.8.7")
    assert locked.status_code == 429
    assert "locked" in locked.text
    other = Client()
    assert (
        _login(other, secretariat.email, PASSWORD, HTTP_X_FORWARDED_FOR="1.2.3.4").status_code
        == 429
    )


def test_a_wrong_password_says_so_without_saying_which_part(
    client: Client, secretariat: Any
) -> None:
    known = _login(client, secretariat.email, "wrong")
    unknown = _login(Client(), "nobody@example.org", "wrong")
    assert "The e-mail address or the password is wrong" in known.text
    assert "The e-mail address or the password is wrong" in unknown.text


def test_password_reset_link_works_once_and_dies_with_deactivation(
    client: Client, secretariat: Any, public_user: Any
) -> None:
    client.post(reverse("accounts:password_reset"), {"email": public_user.email})
    client.post(reverse("accounts:password_reset"), {"email": "unknown@example.org"})
    assert len(mail.outbox) == 1  # nothing is sent for an unknown address; same page shown
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body)
    assert link is not None
    confirm = client.get(link.group(1), follow=True)
    assert confirm.status_code == 200
    assert "new_password1" in confirm.text

    from hrdialogue.web.accounts.services import deactivate_user

    deactivate_user(actor=secretariat, user=public_user)
    again = Client().get(link.group(1), follow=True)
    assert "not valid any more" in again.text


def test_deactivation_ends_the_sessions(secretariat: Any, public_user: Any) -> None:
    from hrdialogue.web.accounts.services import deactivate_user

    user_client = Client()
    user_client.force_login(public_user)
    assert user_client.get("/").context["user"].is_authenticated
    admin = Client()
    admin.force_login(secretariat)
    response = admin.post(reverse("accounts:deactivate", args=[public_user.pk]))
    assert response.status_code == 302
    assert not user_client.get("/").context["user"].is_authenticated
    public_user.refresh_from_db()
    assert not public_user.is_active
    with pytest.raises(Exception, match="cannot deactivate your own account"):
        deactivate_user(actor=secretariat, user=secretariat)


def test_an_invitation_creates_a_focal_points_account_once(
    client: Client, registry: None, secretariat: Any
) -> None:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.stakeholders.models import Stakeholder

    france = Stakeholder.objects.get(code="fra")
    client.force_login(secretariat)
    response = client.post(
        reverse("accounts:invite"), {"email": "Mission@France.example", "stakeholder": france.pk}
    )
    assert response.status_code == 302
    assert mail.outbox[0].to == ["mission@france.example"]
    path = re.search(r"http://testserver(/accounts/invitation/\S+/)", mail.outbox[0].body)
    assert path is not None
    guest = Client()
    weak = guest.post(
        path.group(1),
        {"first_name": "A", "last_name": "B", "password1": "short", "password2": "short"},
    )
    assert weak.status_code == 400
    assert not User.objects.filter(email="mission@france.example").exists()
    accepted = guest.post(
        path.group(1),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert accepted.status_code == 302
    user = User.objects.get(email="mission@france.example")
    assert (user.role, user.stakeholder) == ("focal-point", france)
    assert Client().get(path.group(1)).status_code == 404  # used: not valid any more
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"accounts.invite", "accounts.accept-invitation"} <= actions


def test_an_invitation_for_an_existing_account_is_refused(
    client: Client, registry: None, secretariat: Any, public_user: Any
) -> None:
    from hrdialogue.web.accounts.models import Invitation
    from hrdialogue.web.stakeholders.models import Stakeholder

    client.force_login(secretariat)
    response = client.post(
        reverse("accounts:invite"),
        {"email": public_user.email, "stakeholder": Stakeholder.objects.get(code="fra").pk},
    )
    assert response.status_code == 400
    assert "already exists" in response.text
    assert not Invitation.objects.exists()
