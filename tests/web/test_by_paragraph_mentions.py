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


# A consultation on a draft: the resolution has a symbol (A/C.3/66/L.32) and no number yet.
# Replies name it by its symbol (hand-written, in English and Russian); a paragraph of another
# draft, or of a resolution named by number, is not linked.
DRAFT_REPLIES = {
    "fra": (
        "Our delegation supports paragraph 10 of draft resolution A/C.3/66/L.32, unlike"
        " operative paragraph 11 of draft resolution A/C.3/66/L.40 and paragraph 1 of"
        " resolution 60/251.\n"
    ),
    "rus": (
        "Российская Федерация поддерживает пункт 11 проекта резолюции A/C.3/66/L.32 и"
        " напоминает о пункте 10 проекта резолюции A/C.3/66/L.40.\n"
    ),
}


def test_a_paragraph_named_with_the_drafts_symbol_is_linked(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    from hrdialogue.web.resolutions.models import ResolutionDocument
    from hrdialogue.web.stakeholders.models import Stakeholder
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    draft = open_call.resolution.resolution.model_copy(
        update={"symbol": "A/C.3/66/L.32", "number": None}
    )
    ResolutionDocument.objects.filter(pk=open_call.resolution.pk).update(
        symbol="A/C.3/66/L.32", number="", data=draft.model_dump(mode="json")
    )
    open_call.refresh_from_db()
    assert open_call.resolution.resolution.number is None
    for code, text in DRAFT_REPLIES.items():
        user = make_user(
            "focal-point", f"fp-{code}@example.org", Stakeholder.objects.get(code=code)
        )
        key = f"by-paragraph-draft-{code}"
        version = submit_reply(actor=user, consultation=open_call, idempotency_key=key, text=text)
        publish_reply(actor=secretariat, reply=version.reply)
    page = client.get(reverse("submissions:by_paragraph", args=[open_call.pk])).text
    assert re.findall(r'<section id="paragraph-([^"]+)">', page) == ["OP10", "OP11"]
    assert "paragraph 10 of draft resolution A/C.3/66/L.32" in page
    assert "пункт 11 проекта резолюции A/C.3/66/L.32" in page
