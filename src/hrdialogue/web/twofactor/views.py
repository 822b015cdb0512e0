"""Enrolment of an authenticator app (the secret as a QR code and as text) and the code asked
once per session; see `services`."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import segno
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from hrdialogue.web.accounts.models import User
from hrdialogue.web.twofactor.forms import CodeForm
from hrdialogue.web.twofactor.services import (
    confirm_device,
    confirmed_device,
    needs_second_factor,
    pending_device,
    verify_code,
)

__all__ = ["qr_code", "setup", "verify"]


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next(request)})}"


def _take_code(
    request: HttpRequest, accept: Callable[[str], bool], wrong: str
) -> tuple[CodeForm, bool]:
    """The code form (bound on a POST) and whether `accept` took the code posted; a code it
    refuses is the form's error `wrong`."""
    form = CodeForm(request.POST or None)
    if request.method != "POST":
        return form, False
    if form.is_valid() and accept(form.cleaned_data["code"]):
        return form, True
    form.add_error("code", wrong)
    return form, False


def _account(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    if not needs_second_factor(user):
        return redirect(_next(request))  # nothing to set up for this account
    if confirmed_device(user) is not None:
        # Replacing a device needs a reset (`second_factor_reset`): a stolen password alone must
        # not be enough to enrol the thief's phone.
        return redirect(_with_next("twofactor:verify", request))
    device = pending_device(user)
    form, taken = _take_code(
        request,
        lambda code: confirm_device(request, device, code),
        _("This code is not the one your app shows now. Try the next one."),
    )
    if taken:
        return redirect(_next(request))
    status = 400 if form.errors else 200
    secret = base64.b32encode(device.bin_key).decode("ascii")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    context = {"form": form, "secret": grouped, "next": _next(request)}
    return render(request, "twofactor/setup.html", context, status=status)


@never_cache
@login_required
@require_safe
def qr_code(request: HttpRequest) -> HttpResponse:
    """The pending device's `otpauth://` address as a QR code (SVG): only to its owner, never
    cached, never once the device is confirmed."""
    user = _account(request)
    if not needs_second_factor(user) or confirmed_device(user) is not None:
        raise Http404
    out = io.BytesIO()
    segno.make(pending_device(user).config_url, error="m").save(
        out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, title=_("QR code")
    )
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    if not needs_second_factor(user):
        return redirect(_next(request))
    if confirmed_device(user) is None:
        return redirect(_with_next("twofactor:setup", request))
    if user.is_verified():  # type: ignore[attr-defined]
        return redirect(_next(request))
    form, taken = _take_code(
        request,
        lambda code: verify_code(request, code),
        _(
            "This code is not the one your app shows now. After several wrong codes you "
            "must wait a little longer before each try."
        ),
    )
    if taken:
        return redirect(_next(request))
    status = 400 if form.errors else 200
    return render(
        request, "twofactor/verify.html", {"form": form, "next": _next(request)}, status=status
    )
