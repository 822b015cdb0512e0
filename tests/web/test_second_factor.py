"""The second factor (battery C3): with SECOND_FACTOR_REQUIRED on (the production default), a
Secretariat account, or any staff account, reaches nothing past its password until it has
enrolled an authenticator app and, in each later session, given a code from it. Codes are
computed here as an app would (RFC 6238 from the secret the page shows); a code is accepted
once; wrong codes are throttled and logged; a stolen password cannot enrol another phone;
focal points and the public are not asked; a reset is audited and ends the sessions."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
AUDIT = "/audit/"


@pytest.fixture(autouse=True)
def _second_factor_on(settings: Any) -> None:
    settings.SECOND_FACTOR_REQUIRED = True


def _signed_in(email: str) -> Client:
    client = Client()
    response = client.post(LOGIN, {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def _code(key: bytes, *, step: int = 0) -> str:
    """The code an authenticator app shows now (`step` 1: the next 30 seconds')."""
    from django_otp.oath import totp

    return f"{totp(key, drift=step):06d}"


def _wrong(key: bytes) -> str:
    right = {_code(key, step=s) for s in (-1, 0, 1)}
    return next(c for c in ("123456", "654321", "111222") if c not in right)


def _wait_out_the_delay(user: Any) -> None:
    """As if the delay a wrong code earns (a second after the first) had passed."""
    import datetime as dt

    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    earlier = timezone.now() - dt.timedelta(seconds=5)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=earlier)


def _enrol(client: Client, user: Any) -> tuple[bytes, str]:
    """Enrol through the page: the secret key as the page showed it, and the code used."""
    page = client.get("/two-factor/set-up/")
    assert page.status_code == 200
    secret = page.context["secret"].replace(" ", "")
    key = base64.b32decode(secret)
    code = _code(key)
    assert client.post("/two-factor/set-up/", {"code": code}).status_code == 302
    return key, code


def test_a_secretariat_member_enrols_then_reaches_the_pages(secretariat: Any) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hrdialogue.web.audit.models import AuditEntry

    client = _signed_in(secretariat.email)
    held = client.get(AUDIT)
    assert held.status_code == 302
    assert held["Location"] == "/two-factor/set-up/?next=%2Faudit%2F"

    page = client.get("/two-factor/set-up/")
    secret = page.context["secret"]
    assert secret in page.text
    qr = client.get("/two-factor/set-up/code.svg")
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    assert "no-store" in qr["Cache-Control"]
    key = base64.b32decode(secret.replace(" ", ""))

    wrong = client.post("/two-factor/set-up/", {"code": _wrong(key), "next": AUDIT})
    assert wrong.status_code == 400
    assert not TOTPDevice.objects.filter(user=secretariat, confirmed=True).exists()
    assert client.get(AUDIT).status_code == 302
    # at once, even the right code is refused: a wrong one earns a delay
    assert client.post("/two-factor/set-up/", {"code": _code(key)}).status_code == 400
    _wait_out_the_delay(secretariat)

    right = client.post("/two-factor/set-up/", {"code": _code(key), "next": AUDIT})
    assert (right.status_code, right["Location"]) == (302, AUDIT)
    assert client.get(AUDIT).status_code == 200
    entry = AuditEntry.objects.get(action="accounts.second-factor-enrol")
    assert entry.target_id == str(secretariat.pk)


def test_each_later_session_asks_for_a_fresh_code(secretariat: Any) -> None:
    key, used = _enrol(_signed_in(secretariat.email), secretariat)
    client = _signed_in(secretariat.email)
    assert client.get(AUDIT)["Location"] == "/two-factor/?next=%2Faudit%2F"
    # enrolling again with the password alone is refused: it leads to the code page
    assert client.get("/two-factor/set-up/")["Location"].startswith("/two-factor/?")
    assert client.get("/two-factor/set-up/code.svg").status_code == 404
    # the code used at enrolment is spent; the next one is taken
    assert client.post("/two-factor/", {"code": used}).status_code == 400
    _wait_out_the_delay(secretariat)
    taken = client.post("/two-factor/", {"code": _code(key, step=1), "next": AUDIT})
    assert (taken.status_code, taken["Location"]) == (302, AUDIT)
    assert client.get(AUDIT).status_code == 200


def test_wrong_codes_are_throttled_and_logged(secretariat: Any, caplog: Any) -> None:
    key, _ = _enrol(_signed_in(secretariat.email), secretariat)
    client = _signed_in(secretariat.email)
    with caplog.at_level("INFO", logger="hrdialogue.security"):
        for _ in range(3):
            assert client.post("/two-factor/", {"code": _wrong(key)}).status_code == 400
        # within the delay that three failures earn, even the right code is refused
        assert client.post("/two-factor/", {"code": _code(key, step=1)}).status_code == 400
    failures = [r for r in caplog.records if r.getMessage() == "mfa.failed"]
    assert len(failures) == 4
    assert failures[-1].security["detail"] == {"throttled": True}
    assert client.get(AUDIT).status_code == 302


def test_focal_points_and_the_public_are_not_asked(
    france_focal_point: Any, public_user: Any
) -> None:
    for user in (france_focal_point, public_user):
        client = _signed_in(user.email)
        assert client.get("/").status_code == 200
        assert client.get("/account/api-tokens/").status_code in (200, 403)


def test_a_superuser_is_asked_whatever_the_role(make_user: Any) -> None:
    user = make_user("public", email="root@example.org")
    user.is_superuser = user.is_staff = True
    user.save()
    client = _signed_in(user.email)
    assert client.get("/admin/")["Location"].startswith("/two-factor/set-up/")


def test_sign_out_and_the_language_switch_stay_open(secretariat: Any) -> None:
    client = _signed_in(secretariat.email)
    assert client.post("/i18n/setlang/", {"language": "fr", "next": "/"}).status_code == 302
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get(AUDIT)["Location"].startswith("/accounts/login/")


def test_next_never_leaves_the_site(secretariat: Any) -> None:
    client = _signed_in(secretariat.email)
    page = client.get("/two-factor/set-up/")
    key = base64.b32decode(page.context["secret"].replace(" ", ""))
    answer = client.post(
        "/two-factor/set-up/", {"code": _code(key), "next": "https://evil.example/"}
    )
    assert answer["Location"] == "/"


def test_a_reset_removes_the_app_ends_the_sessions_and_is_audited(secretariat: Any) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hrdialogue.web.audit.models import AuditEntry

    client = _signed_in(secretariat.email)
    _enrol(client, secretariat)
    assert client.get(AUDIT).status_code == 200
    call_command("second_factor_reset", secretariat.email.upper())
    assert not TOTPDevice.objects.filter(user=secretariat).exists()
    assert client.get(AUDIT)["Location"].startswith("/accounts/login/")
    entry = AuditEntry.objects.get(action="accounts.second-factor-reset")
    assert entry.after == {"devices_removed": 1}
    fresh = _signed_in(secretariat.email)
    assert fresh.get(AUDIT)["Location"].startswith("/two-factor/set-up/")
