"""`SecondFactorMiddleware`: a signed-in account that needs a second factor
(`services.needs_second_factor`) and has not given a code in this session reaches only the
enrolment and verification pages, sign-out, the language switch and static files; any
other page sends it there (and back afterwards). The API is left alone: it reads no session,
only tokens."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from hrdialogue.web.twofactor.services import confirmed_device, needs_second_factor

__all__ = ["SecondFactorMiddleware"]


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def _open(self, path: str) -> bool:
        """Paths an unverified session may still reach."""
        static = str(settings.STATIC_URL or "/static/")
        return path.startswith(
            (
                reverse("twofactor:verify"),  # the app's root: its other pages are below
                reverse("accounts:logout"),
                reverse("set_language"),
                "/api/",
                reverse("healthz"),
                static if static.startswith("/") else f"/{static}",
            )
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            needs_second_factor(user)
            and not user.is_verified()  # type: ignore[union-attr]
            and not self._open(request.path)
        ):
            assert not user.is_anonymous
            name = "twofactor:verify" if confirmed_device(user) else "twofactor:setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)
