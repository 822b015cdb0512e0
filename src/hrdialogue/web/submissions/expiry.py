"""How long a signed-in person's session has left, and a way to extend it (WCAG 2.2.1 Timing
Adjustable, battery item I4).

The reply form shows a warning some minutes (`SESSION_EXPIRY_WARNING_SECONDS`) before the
session ends, with a button that posts to `extend_session`
(`static/submissions/session-expiry.js`). The page learns the time left from the server
(`session_seconds_left`, rendered by the `session_time` template tags), never from a guess in
the browser.

A session's expiry is the one the server enforces: with the database backend (the default,
and `cached_db`), the `expire_date` of its row, written when the session was last saved (at
sign-in, or whenever something in it changed); `SESSION_COOKIE_AGE` after that. Extending
saves the session again, which moves that date to `SESSION_COOKIE_AGE` from now and sends the
cookie again with the same age.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

__all__ = [
    "DEFAULT_WARNING_SECONDS",
    "extend_session",
    "session_expires_at",
    "session_seconds_left",
    "warning_seconds",
]

_log = logging.getLogger(__name__)

DEFAULT_WARNING_SECONDS = 300


def warning_seconds() -> int:
    """How long before the session ends the warning shows: `SESSION_EXPIRY_WARNING_SECONDS`
    (five minutes unless set)."""
    return int(getattr(settings, "SESSION_EXPIRY_WARNING_SECONDS", DEFAULT_WARNING_SECONDS))


def session_expires_at(session: SessionBase) -> dt.datetime:
    """When the server stops honouring `session`. A session changed in this request is saved
    at its end, with the expiry the backend computes now; otherwise the database row's date
    (other backends do not store one: their computed expiry, which is later than the real one
    for a session saved a while ago)."""
    if (
        not session.modified
        and isinstance(session, DatabaseSessionStore)
        and session.session_key
        and session.get("_session_expiry") is None
    ):
        stored: dt.datetime | None = (
            session.model.objects.filter(session_key=session.session_key)
            .values_list("expire_date", flat=True)
            .first()
        )
        if stored is not None:
            return stored
    return session.get_expiry_date()


def session_seconds_left(session: SessionBase, now: dt.datetime | None = None) -> int:
    """Whole seconds until `session` ends (0 when it has)."""
    left = session_expires_at(session) - (now or timezone.now())
    return max(0, int(left.total_seconds()))


@require_POST
def extend_session(request: HttpRequest) -> JsonResponse:
    """Renews the signed-in person's session: saved again, it ends `SESSION_COOKIE_AGE` from
    now. Answers `{"seconds_left": n}`; a visitor with no session (it has already ended) is
    refused (403, `seconds_left` 0). The CSRF token is required like on any form."""
    if not request.user.is_authenticated:
        return JsonResponse({"seconds_left": 0}, status=403)
    request.session.modified = True  # saved by SessionMiddleware: a new expiry and cookie
    left = session_seconds_left(request.session)
    _log.debug("session of account %s extended by %s s", request.user.pk, left)
    return JsonResponse({"seconds_left": left})
