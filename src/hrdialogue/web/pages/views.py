"""Home page, health check and the error pages (translated, no traceback)."""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from hrdialogue.web.audit.security import log_event
from hrdialogue.web.consultations.services import visible_consultations

__all__ = ["forbidden", "healthz", "home", "not_found", "server_error"]


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    consultations = visible_consultations(request.user).select_related("resolution")[:20]
    return render(request, "pages/home.html", {"consultations": consultations})


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The smallest Django view: load balancers poll it, the benchmark uses it as baseline."""
    return HttpResponse("ok", content_type="text/plain")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    log_event("access.denied", outcome="denied", actor=getattr(request, "user", None))
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


DATABASE_RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page; or, when the database could not be reached or its connection broke (a
    restart, a failover), a 503 that says to try again, with `Retry-After`. Both pages are
    whole in themselves: nothing in them reads the database (the 503's is rendered without
    the request's context processors). The API answers the same case itself (`api.api`)."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        page = render_to_string("503_database.html")
        response = HttpResponse(page, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    return render(request, "500.html", status=500)
