"""A focal point sends the reply form, goes back in the browser, edits the text and sends the
same form again: the edit must not be taken for received. A plain resend (a double click, a
retry after a lost answer) still gives the version the form gave, once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

FIRST = "La France se félicite de la coopération entre les États et le Haut-Commissariat."
EDITED = "La France propose un dialogue annuel entre les États et les mécanismes."


def _send(client: Client, url: str, key: str, text: str, visibility: str = "public") -> Any:
    return client.post(
        url, {"idempotency_key": key, "text": text, "visibility": visibility, "file": ""}
    )


def test_a_form_sent_again_with_other_text_is_refused_and_the_first_version_stays(
    client: Client, open_call: Any, france_focal_point: Any
) -> None:
    from hrdialogue.web.submissions.models import ReplyVersion

    client.force_login(france_focal_point)
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    first = _send(client, url, key, FIRST)
    assert first.status_code == 302
    again = _send(client, url, key, FIRST)  # a double click: the same version, no second one
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    edited = _send(client, url, key, EDITED)
    assert edited.status_code == 400
    assert "already sent, with other content, as version 1 of your reply" in edited.text
    assert "what you changed was not received" in edited.text
    other_visibility = _send(client, url, key, FIRST, visibility="anonymous")
    assert other_visibility.status_code == 400
    (version,) = ReplyVersion.objects.all()
    assert (version.number, version.text.strip(), version.visibility) == (1, FIRST, "public")


def test_the_refusal_is_in_the_focal_points_language(
    client: Client, open_call: Any, france_focal_point: Any
) -> None:
    client.force_login(france_focal_point)
    client.cookies["django_language"] = "fr"
    url = reverse("submissions:reply", args=[open_call.pk])
    key = client.get(url).context["form"].initial["idempotency_key"]
    assert _send(client, url, key, FIRST).status_code == 302
    edited = _send(client, url, key, EDITED)
    assert edited.status_code == 400
    assert "vos modifications n’ont pas été reçues" in edited.text
