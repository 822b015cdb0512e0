"""Who needs a second factor, enrolment of an authenticator app, verification, and a reset.

The device is django-otp's TOTP device (RFC 6238: 6 digits, 30-second steps, one step of
tolerance either way, each code accepted once, failures throttled with a growing delay).
A session is verified once a code from the account's confirmed device was accepted in it
(`django_otp.login`); `middleware.SecondFactorMiddleware` holds an unverified session of an
account that needs one to the pages here.
"""

from __future__ import annotations

import uuid
from typing import Any

import django_otp
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice

from hrdialogue.web.accounts.models import User
from hrdialogue.web.audit.security import log_event
from hrdialogue.web.audit.services import record_change

__all__ = [
    "confirm_device",
    "confirmed_device",
    "needs_second_factor",
    "pending_device",
    "reset_second_factor",
    "verify_code",
]

DEVICE_NAME = "authenticator app"


def needs_second_factor(user: Any) -> bool:
    """Whether `user` must give a one-time code in each session: an account whose role is in
    `SECOND_FACTOR_ROLES`, or any staff or superuser account (the Django admin), while
    `SECOND_FACTOR_REQUIRED` is on."""
    if not settings.SECOND_FACTOR_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.role in settings.SECOND_FACTOR_ROLES or user.is_staff or user.is_superuser)


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user: User) -> TOTPDevice:
    """The unconfirmed device whose secret the enrolment page shows (made on first visit;
    the same one until confirmed, so that reloading the page keeps the app's entry valid)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _accept(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Check `code` against `device` (throttled by django-otp); a failure is logged."""
    digits = "".join(code.split())
    if digits.isdecimal() and len(digits) == device.digits and device.verify_token(digits):
        return True
    allowed, _ = device.verify_is_allowed()
    log_event(
        "mfa.failed",
        outcome="failure",
        actor=request.user,
        detail={"throttled": not allowed},
    )
    return False


def confirm_device(request: HttpRequest, device: TOTPDevice, code: str) -> bool:
    """Confirm the pending `device` with a first code from the app; the session is then
    verified. Audited (`accounts.second-factor-enrol`)."""
    if not _accept(request, device, code):
        return False
    user = request.user
    assert isinstance(user, User)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        record_change(
            actor=user,
            action="accounts.second-factor-enrol",
            target=user,
            after={"device": DEVICE_NAME},
        )
    django_otp.login(request, device)
    return True


def verify_code(request: HttpRequest, code: str) -> bool:
    """Verify the session with a code from the account's confirmed device."""
    user = request.user
    assert isinstance(user, User)
    device = confirmed_device(user)
    if device is None or not _accept(request, device, code):
        return False
    django_otp.login(request, device)
    log_event("mfa", outcome="success", actor=user)
    return True


def reset_second_factor(*, actor: User | None, user: User) -> int:
    """Remove `user`'s devices (a lost phone): at the next sign-in they enrol again. Ends
    their sessions too (the security stamp). Audited; returns how many devices went."""
    with transaction.atomic():
        removed: int = TOTPDevice.objects.filter(user=user).delete()[0]
        user.security_stamp = uuid.uuid4()
        user.save(update_fields=["security_stamp"])
        record_change(
            actor=actor,
            action="accounts.second-factor-reset",
            target=user,
            after={"devices_removed": removed},
        )
    return removed
