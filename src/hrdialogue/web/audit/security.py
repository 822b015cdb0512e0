"""Security events: one JSON line each on the `hrdialogue.security` logger (ASVS V16).

The audit chain (`services.record_change`) is the record of what changed, kept for good and
verifiable; this log is for the people who watch the service: sign-ins and their failures,
lock-outs, refusals, rate limits, refused uploads, the downloads and exports of confidential
replies, and the audited changes that matter for security (accounts, roles, tokens, the
Django admin, publication). Every line has the same fields:

    {"time": "2026-11-27T20:15:03.412Z", "event": "login.failed", "outcome": "failure",
     "actor": "anonymous", "org": "", "object": "", "request_id": "9f0c…",
     "method": "POST", "path": "/en/accounts/login/", "detail": {…}}

`time` is UTC; `actor` the account's e-mail address (or "anonymous", "system"); `org` the
stakeholder a focal point acts for; `object` the `app.model:id` acted on; `request_id` the id
`RequestIdMiddleware` gave the request (sent back as `X-Request-ID`, so that a person can
quote it). Lines are JSON with every non-ASCII and control character escaped: a name holding
CR/LF cannot forge a second line. Nothing secret is ever passed in: no password, session key,
token or file content (a test searches the lines for planted ones).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from functools import partial
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest, HttpResponse

__all__ = [
    "SECURITY_LOGGER",
    "JsonLinesFormatter",
    "RequestIdMiddleware",
    "connect_receivers",
    "is_security_action",
    "log_event",
    "log_event_on_commit",
]

SECURITY_LOGGER = logging.getLogger("hrdialogue.security")

# What the request being served is (set by `RequestIdMiddleware`): an event logged deep in a
# service, or after the commit, still names the request it came from.
_REQUEST: ContextVar[tuple[str, str, str]] = ContextVar("security_request", default=("", "", ""))

# Audited actions that are security events too (`services.record_change` logs them).
_SECURITY_ACTIONS = ("accounts.", "api.", "admin.", "submissions.publish", "submissions.withdraw")


def is_security_action(action: str) -> bool:
    """Whether the audited `action` is also a security event."""
    return action.startswith(_SECURITY_ACTIONS)


def _actor_fields(actor: Any) -> tuple[str, str]:
    """(actor, org) of an account, or of a label such as "system"."""
    if actor is None:
        return "anonymous", ""
    if isinstance(actor, str):
        return actor, ""
    if not getattr(actor, "is_authenticated", False):
        return "anonymous", ""
    stakeholder = getattr(actor, "stakeholder", None)
    return str(actor.email), str(stakeholder) if stakeholder is not None else ""


def _object_field(target: models.Model | str | None) -> str:
    if target is None:
        return ""
    if isinstance(target, str):
        return target
    return f"{target._meta.label_lower}:{target.pk}"


def log_event(
    event: str,
    *,
    outcome: str,
    actor: Any = None,
    target: models.Model | str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Log one security event. `outcome` is "success", "failure" or "denied"; `actor` an
    account (the request's user), a label, or None for nobody signed in; `detail` a few
    values that say more (never a secret)."""
    who, org = _actor_fields(actor)
    request_id, method, path = _REQUEST.get()
    SECURITY_LOGGER.info(
        event,
        extra={
            "security": {
                "event": event,
                "outcome": outcome,
                "actor": who,
                "org": org,
                "object": _object_field(target),
                "request_id": request_id,
                "method": method,
                "path": path,
                "detail": dict(detail or {}),
            }
        },
    )


def log_event_on_commit(event: str, **fields: Any) -> None:
    """`log_event` once the transaction in progress commits (at once outside one): a change
    that is rolled back was never made, and is not logged as made."""
    request = _REQUEST.get()
    transaction.on_commit(partial(_log_in_request, request, event, fields))


def _log_in_request(request: tuple[str, str, str], event: str, fields: dict[str, Any]) -> None:
    token = _REQUEST.set(request)
    try:
        log_event(event, **fields)
    finally:
        _REQUEST.reset(token)


class JsonLinesFormatter(logging.Formatter):
    """A security event as one line of JSON; any other record as JSON with its message."""

    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "security", None)
        at = dt.datetime.fromtimestamp(record.created, tz=dt.UTC)
        line: dict[str, Any] = {
            "time": at.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        }
        if isinstance(fields, dict):
            line.update(fields)
        else:
            line.update(event=record.getMessage(), level=record.levelname)
        # ensure_ascii: CR, LF and every other control or non-ASCII character is escaped
        return json.dumps(line, ensure_ascii=True, default=str)


class RequestIdMiddleware:
    """Gives each request an id (`request.request_id`, the `X-Request-ID` response header)
    that the security events logged while serving it carry."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _REQUEST.set((request_id, request.method or "", request.path))
        try:
            response = self.get_response(request)
        finally:
            _REQUEST.reset(token)
        response["X-Request-ID"] = request_id
        return response


# --------------------------------------------------------------------------------------------
# Sign-in events (connected by the audit app's `ready`)


def _signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    log_event("login", outcome="success", actor=user)


def _signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    log_event("logout", outcome="success", actor=user)


def _sign_in_failed(
    sender: Any, credentials: Mapping[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django replaces the password in `credentials` by stars; only the account name is kept.
    account = credentials.get("username") or credentials.get("email") or ""
    log_event("login.failed", outcome="failure", detail={"account": str(account)[:254]})


def _locked_out(
    sender: Any, request: HttpRequest | None, username: str | None, **kwargs: Any
) -> None:
    log_event("login.locked-out", outcome="denied", detail={"account": str(username or "")[:254]})


def connect_receivers() -> None:
    """Log the sign-in events Django and django-axes send (from the app's `ready`: axes'
    signals module loads its models)."""
    from axes.signals import user_locked_out  # noqa: PLC0415
    from django.contrib.auth.signals import (  # noqa: PLC0415
        user_logged_in,
        user_logged_out,
        user_login_failed,
    )

    user_logged_in.connect(_signed_in, dispatch_uid="hrdialogue.security.login")
    user_logged_out.connect(_signed_out, dispatch_uid="hrdialogue.security.logout")
    user_login_failed.connect(_sign_in_failed, dispatch_uid="hrdialogue.security.login-failed")
    user_locked_out.connect(_locked_out, dispatch_uid="hrdialogue.security.locked-out")
