"""The public page of replies by paragraph links a reply to a paragraph it names, and not to
a paragraph of another resolution that it cites by number (hand-written reply to 63/180)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEXT = (
    "Recalling paragraph 3 of resolution 60/251, our Government supports operative paragraph 10"
    " of resolution 63/180 and the consultations it requests.\n"
)


def test_a_paragraph_cited_from_another_resolution_is_not_linked(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    assert open_call.resolution.resolution.number == "63/180"
    user = make_user("focal-point", "fp-fra@example.org", Stakeholder.objects.get(code="fra"))
    version = submit_reply(
        actor=user, consultation=open_call, idempotency_key="by-paragraph-mentions-1", text=TEXT
    )
    publish_reply(actor=secretariat, reply=version.reply)
    page = client.get(reverse("submissions:by_paragraph", args=[open_call.pk])).text
    assert re.findall(r'<section id="paragraph-([^"]+)">', page) == ["OP10"]
    assert "operative paragraph 10 of resolution 63/180" in page
