"""Every route of the pages, not only the few `test_security_settings` tries: the URL map is
walked, and each route (the JSON API authenticates with a bearer token, not a cookie, and is
left to its own tests) is posted to by a signed-in member of the Secretariat with no CSRF
token, which must be refused (battery C4), and fetched by her and by an anonymous visitor,
whose every answer, a refusal or a 404 too, carries the security headers (battery A2)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

pytestmark = pytest.mark.django_db

# Routes whose POST is not a cookie-authenticated form: the API (bearer tokens), and the
# admin's own JavaScript catalogue. Anything else found here must be protected.
_NOT_PAGES = ("api/",)


def _routes(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    """(route, reverse name, pattern) of every named URL pattern under `patterns`."""
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _routes(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield route, namespace + entry.name, entry


def _path(name: str, pattern: URLPattern, route: str) -> str:
    converters = dict(getattr(pattern.pattern, "converters", {}))
    kwargs = {key: 1 if isinstance(conv, IntConverter) else "x" for key, conv in converters.items()}
    if "<" in route and not converters:  # a regular-expression route (the admin's)
        return ""
    return reverse(name, kwargs=kwargs)


def _page_routes() -> list[tuple[str, str]]:
    found = []
    for route, name, pattern in _routes(get_resolver().url_patterns):
        if route.startswith(_NOT_PAGES):
            continue
        path = _path(name, pattern, route)
        if path:
            found.append((name, path))
    return found


def test_the_walk_finds_the_pages_it_must_check() -> None:
    names = {name for name, _ in _page_routes()}
    # a few of the forms a user posts, from different apps: the walk reaches them
    for name in (
        "consultations:advance",
        "resolutions:upload",
        "submissions:reply",
        "accounts:login",
        "set_language",
        "admin:login",
    ):
        assert name in names
    assert len(names) > 40


def test_no_page_takes_a_post_without_a_csrf_token(secretariat: Any) -> None:
    from hrdialogue.web.audit.models import AuditEntry

    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    before = AuditEntry.objects.count()
    accepted = []
    for name, path in _page_routes():
        response = client.post(path, {"to": "open", "text": "x"})
        if response.status_code != 403:
            accepted.append((name, path, response.status_code))
    assert accepted == []
    assert AuditEntry.objects.count() == before  # nothing was changed


def test_every_answer_of_every_route_carries_the_security_headers(
    client: Client, secretariat: Any
) -> None:
    from tests.web.test_security_settings import REQUIRED_CSP, _csp

    signed_in = Client()
    signed_in.force_login(secretariat)
    missing = []
    for who in (client, signed_in):
        for name, path in _page_routes():
            response = who.get(path)
            csp = _csp(response.get("Content-Security-Policy", ""))
            if (
                any(csp.get(k) != v for k, v in REQUIRED_CSP.items())
                or response.get("X-Content-Type-Options") != "nosniff"
                or response.get("X-Frame-Options") != "DENY"
                or response.get("Referrer-Policy") != "same-origin"
                or (who is signed_in and "no-store" not in response.get("Cache-Control", ""))
            ):
                missing.append((name, path, response.status_code))
    assert missing == []
