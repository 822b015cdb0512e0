"""Timeouts never lose work (reliability battery I4), the server's half, without a browser:
the endpoint that extends a session renews its expiry in the database; the reply form tells
its scripts how long the session has left and under which key to keep the draft; the receipt
page names the version's idempotency key, which deletes the draft; nothing inline enters the
pages. The browser's half is tests/web/browser/test_timeouts_never_lose_work.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import hrdialogue.web

pytestmark = pytest.mark.django_db

STATIC = Path(hrdialogue.web.__file__).parent / "submissions" / "static" / "submissions"
EXTEND = "/replies/session/extend/"  # written out: the address the scripts are given


def _signed_in(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def _csrf(client: Client, path: str) -> str:
    """The CSRF token of the form on `path`, as the page's script reads it."""
    html = client.get(path).content.decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def _age_session(client: Client, seconds: int) -> dt.datetime:
    """The client's session, as if signed in long ago: it ends `seconds` from now."""
    ends = timezone.now() + dt.timedelta(seconds=seconds)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).update(expire_date=ends) == 1
    return ends


def _expire_date(client: Client) -> dt.datetime:
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return Session.objects.get(session_key=key).expire_date


def _attribute(html: str, element_id: str, name: str) -> str:
    tag = re.search(rf'<[a-z]+ [^>]*id="{element_id}"[^>]*>', html, re.S)
    assert tag is not None, element_id
    value = re.search(rf'\b{name}="([^"]*)"', tag.group(0))
    assert value is not None, (element_id, name)
    return value.group(1)


def test_extending_renews_the_expiry_the_server_keeps(
    open_call: Any, france_focal_point: Any
) -> None:
    client = _signed_in(france_focal_point)
    form = reverse("submissions:reply", args=[open_call.pk])
    token = _csrf(client, form)
    before = _age_session(client, 120)
    response = client.post(EXTEND, HTTP_X_CSRFTOKEN=token, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    after = _expire_date(client)
    age = settings.SESSION_COOKIE_AGE  # eight hours
    assert after > before + dt.timedelta(hours=7)
    assert abs((after - timezone.now()).total_seconds() - age) < 60
    left = response.json()["seconds_left"]
    assert age - 60 < left <= age
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == age
    # the same session goes on: the form still opens, and says the session has ~8 hours left
    page = client.get(form)
    assert page.status_code == 200
    assert age - 60 < int(_attribute(page.content.decode(), "session-warning", "data-seconds-left"))


def test_the_form_says_how_long_the_session_really_has_left(
    open_call: Any, france_focal_point: Any, settings: Any
) -> None:
    settings.SESSION_EXPIRY_WARNING_SECONDS = 90
    client = _signed_in(france_focal_point)
    form = reverse("submissions:reply", args=[open_call.pk])
    _age_session(client, 600)
    html = client.get(form).content.decode()
    assert 590 <= int(_attribute(html, "session-warning", "data-seconds-left")) <= 600
    assert _attribute(html, "session-warning", "data-warn-seconds") == "90"
    assert _attribute(html, "session-warning", "data-extend-url") == EXTEND
    assert _attribute(html, "session-warning", "role") == "alert"
    # the page view did not renew the session: only the button does
    assert _expire_date(client) < timezone.now() + dt.timedelta(seconds=601)


def test_the_warning_comes_five_minutes_ahead_unless_set(
    open_call: Any, france_focal_point: Any
) -> None:
    client = _signed_in(france_focal_point)
    html = client.get(reverse("submissions:reply", args=[open_call.pk])).content.decode()
    assert _attribute(html, "session-warning", "data-warn-seconds") == "300"


def test_a_visitor_without_a_session_cannot_extend_one(open_call: Any) -> None:
    client = Client()
    response = client.post(EXTEND)
    assert response.status_code == 403
    assert response.json() == {"seconds_left": 0}
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0


def test_a_session_that_has_ended_is_not_brought_back(
    open_call: Any, france_focal_point: Any
) -> None:
    client = _signed_in(france_focal_point)
    token = _csrf(client, reverse("submissions:reply", args=[open_call.pk]))
    _age_session(client, -1)
    response = client.post(EXTEND, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 403
    assert response.json() == {"seconds_left": 0}
    # the form's address now leads to the sign-in page, and back to the form after it
    sent = client.post(
        reverse("submissions:reply", args=[open_call.pk]),
        {"csrfmiddlewaretoken": token, "text": "Texte", "idempotency_key": "k" * 20},
    )
    assert sent.status_code == 302
    assert sent["Location"].startswith(reverse("accounts:login") + "?next=/replies/consultations/")


def test_extending_takes_a_post_with_a_csrf_token(open_call: Any, france_focal_point: Any) -> None:
    client = _signed_in(france_focal_point)
    before = _age_session(client, 120)
    assert client.get(EXTEND).status_code == 405
    assert client.post(EXTEND).status_code == 403  # no CSRF token
    assert _expire_date(client) == before


def test_the_form_names_the_draft_key_and_loads_the_scripts_deferred(
    open_call: Any, france_focal_point: Any
) -> None:
    client = _signed_in(france_focal_point)
    response = client.get(reverse("submissions:reply", args=[open_call.pk]))
    html = response.content.decode()
    assert _attribute(html, "reply-form", "data-draft-consultation") == str(open_call.pk)
    assert _attribute(html, "reply-form", "data-draft-user") == str(france_focal_point.pk)
    assert _attribute(html, "draft-status", "aria-live") == "polite"
    assert re.search(r'<p id="draft-status"[^>]*></p>', html, re.S), "the live region is empty"
    scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags == [
        '<script src="/static/submissions/reply-draft.js" defer>',
        '<script src="/static/submissions/session-expiry.js" defer>',
    ]
    assert scripts == ["", ""]
    assert not re.search(r"\son[a-z]+=", html), "an inline event handler"
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert re.search(r"script-src 'self'(;|$)", csp)
    for tag in tags:
        src = re.search(r'src="/static/([^"]+)"', tag)
        assert src is not None
        assert (STATIC.parent / src.group(1)).is_file()


def test_every_attribute_the_scripts_read_is_on_the_pages(
    open_call: Any, france_focal_point: Any
) -> None:
    """The scripts hold no text of their own: each `data-…` they read, and each element they
    look up, is rendered (translated) by the form or the receipt page."""
    from hrdialogue.web.submissions.services import submit_reply

    client = _signed_in(france_focal_point)
    form = client.get(reverse("submissions:reply", args=[open_call.pk])).content.decode()
    version = submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="draft-test-key-0001-abcdef",
        text="La France soutient le dialogue.",
    )
    receipt = client.get(reverse("submissions:version", args=[version.pk])).content.decode()
    pages = form + receipt
    for name in ("reply-draft.js", "session-expiry.js"):
        source = (STATIC / name).read_text(encoding="utf-8")
        attributes = set(re.findall(r'getAttribute\("(data-[a-z-]+)"\)', source))
        ids = set(re.findall(r'getElementById\("([a-z-]+)"\)', source))
        assert attributes
        assert ids
        for attribute in attributes:
            assert re.search(rf'{attribute}="[^"]+"', pages), (name, attribute)
        for element in ids:
            assert f'id="{element}"' in pages, (name, element)
        # no words for people in the scripts: only code outside the comments
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)
        for literal in re.findall(r'"([^"]*)"', code):
            assert not re.search(r"[A-Z][a-z]+ [a-z]+ [a-z]+", literal), (name, literal)


def test_the_receipt_names_the_key_the_reply_was_sent_with(
    open_call: Any, france_focal_point: Any, secretariat: Any
) -> None:
    from hrdialogue.web.submissions.services import submit_reply

    version = submit_reply(
        actor=france_focal_point,
        consultation=open_call,
        idempotency_key="draft-test-key-0002-abcdef",
        text="La France soutient le dialogue.",
    )
    client = _signed_in(france_focal_point)
    html = client.get(reverse("submissions:version", args=[version.pk])).content.decode()
    assert _attribute(html, "reply-received", "data-draft-sent") == "draft-test-key-0002-abcdef"
    assert _attribute(html, "reply-received", "data-draft-consultation") == str(open_call.pk)
    assert _attribute(html, "reply-received", "data-draft-user") == str(france_focal_point.pk)
    assert '<script src="/static/submissions/reply-draft.js" defer></script>' in html
    assert "session-expiry.js" not in html


def test_the_script_tag_takes_static_script_paths_only() -> None:
    from django.template import Context, Template, TemplateSyntaxError

    load = "{% load reply_page %}"
    rendered = Template(load + "{% deferred_script 'submissions/reply-draft.js' %}").render(
        Context()
    )
    assert rendered == '<script src="/static/submissions/reply-draft.js" defer></script>'
    for bad in ("https://cdn.example/x.js", "//cdn.example/x.js", "/etc/x.js", "x.css"):
        with pytest.raises(TemplateSyntaxError, match=r"not a static \.js path"):
            Template(load + "{% deferred_script '" + bad + "' %}").render(Context())
