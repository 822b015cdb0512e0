"""The Secretariat's dashboard and the public pages of replies cost the same number of queries
whether a consultation has two replies or eight (no query per reply)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

STATES = ["fra", "deu", "rus", "chn", "bra", "egy", "ind", "mex"]
TEXT = "Our Government supports regular dialogue with the special procedures of the Council.\n"


def _reply_from(make_user: Any, consultation: Any, code: str, n: int) -> Any:
    from hrdialogue.web.stakeholders.models import Stakeholder
    from hrdialogue.web.submissions.services import submit_reply

    user = make_user("focal-point", f"fp-{code}@example.org", Stakeholder.objects.get(code=code))
    return submit_reply(
        actor=user,
        consultation=consultation,
        idempotency_key=f"dashboard-query-{n:06d}",
        text=TEXT + f"Reply number {n}.",
        comments=(("OP10", "We welcome the consultation."),),
    )


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_dashboard_and_public_pages_do_not_query_once_per_reply(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    from hrdialogue.web.submissions.models import Reply
    from hrdialogue.web.submissions.services import publish_reply

    client.force_login(secretariat)
    pages = [
        reverse("submissions:dashboard", args=[open_call.pk]),
        reverse("submissions:published", args=[open_call.pk]),
        reverse("submissions:by_paragraph", args=[open_call.pk]),
    ]

    def publish_all() -> None:
        for reply in Reply.objects.filter(consultation=open_call, published_at__isnull=True):
            publish_reply(actor=secretariat, reply=reply)

    for n, code in enumerate(STATES[:2]):
        _reply_from(make_user, open_call, code, n)
    publish_all()
    few = [_queries(client, url) for url in pages]
    for n, code in enumerate(STATES[2:], start=2):
        _reply_from(make_user, open_call, code, n)
    publish_all()
    many = [_queries(client, url) for url in pages]
    assert Reply.objects.filter(consultation=open_call).count() == len(STATES)
    assert many == few


def test_the_dashboard_names_the_stakeholders_in_the_readers_language(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    """Replies and awaited consultees are named as the registry names them in the page's
    language (UNTERM short names), and each row's links and buttons act on its own reply."""
    from hrdialogue.web.submissions.models import Reply

    for n, code in enumerate(["fra", "chn"]):
        _reply_from(make_user, open_call, code, n)
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("submissions:dashboard", args=[open_call.pk])).text
    assert "فرنسا" in page  # France, a reply
    assert "الصين" in page  # China, a reply
    assert "مصر" in page  # Egypt, awaited
    assert "France" not in page
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("submissions:dashboard", args=[open_call.pk])).text
    assert "Франция" in page
    for reply in Reply.objects.filter(consultation=open_call):
        assert f'href="{reverse("submissions:detail", args=[reply.pk])}"' in page
        assert f'action="{reverse("submissions:publish", args=[reply.pk])}"' in page
        assert f'aria-label="Опубликовать {reply.label}"' in page
