"""A small world for the API tests: two consultee stakeholders with a focal point each (France,
a demo NGO), a stakeholder outside the consultation (UNDP), one account per other role, and a
token for every account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

ROLES = ["anonymous", "public", "focal_fra", "focal_ngo", "focal_other", "moderator", "secretariat"]


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.api.services import issue_token
    from hrdialogue.web.consultations.services import open_consultation
    from hrdialogue.web.resolutions.services import store_resolution
    from hrdialogue.web.stakeholders.models import Contact, Stakeholder
    from tests.web.resolution_fixture import hand_written_resolution

    france = Stakeholder.objects.create(
        code="fra",
        kind="member-state",
        name="France",
        names={"fr": "France", "ru": "Франция"},
        regional_group="western-european-others",
        email="mission.fra@example.org",
    )
    ngo = Stakeholder.objects.create(code="demo-ngo-b", kind="ngo", name="Demo NGO B")
    undp = Stakeholder.objects.create(code="undp", kind="un-entity", name="UNDP")
    Contact.objects.create(
        stakeholder=france, name="Mission of France", email="contact.fra@example.org"
    )
    users = {
        "public": User.objects.create_user("p@example.org", "x", role="public"),
        "focal_fra": User.objects.create_user(
            "f@example.org", "x", role="focal-point", stakeholder=france
        ),
        "focal_ngo": User.objects.create_user(
            "n@example.org", "x", role="focal-point", stakeholder=ngo
        ),
        "focal_other": User.objects.create_user(
            "o@example.org", "x", role="focal-point", stakeholder=undp
        ),
        "moderator": User.objects.create_user("m@example.org", "x", role="moderator"),
        "secretariat": User.objects.create_user("s@example.org", "x", role="secretariat"),
    }
    tokens = {role: issue_token(actor=None, user=u, name="tests")[1] for role, u in users.items()}
    document = store_resolution(
        actor=None,
        resolution=hand_written_resolution(),
        text="(hand-written test text)",
        source_name="r.txt",
        source_format="text",
        source_sha256="3" * 64,
    )
    consultation = open_consultation(actor=None, document=document, mandate_index=0, title="C")
    assert set(consultation.consultees.values_list("code", flat=True)) == {"fra", "demo-ngo-b"}
    return {
        "users": users,
        "tokens": tokens,
        "document": document,
        "consultation": consultation,
        "stakeholders": {"fra": france, "ngo": ngo, "undp": undp},
    }


@pytest.fixture
def api_get(client: Any, world: dict[str, Any]) -> Callable[..., Any]:
    """GET an API path as a role (`anonymous` sends no token)."""

    def get(path: str, role: str = "anonymous", **params: Any) -> Any:
        headers = (
            {} if role == "anonymous" else {"Authorization": f"Bearer {world['tokens'][role]}"}
        )
        return client.get(path, params, headers=headers)

    return get


# Hand-written reply texts (not from any State or organisation).
FRANCE_TEXT = (
    "La France se félicite de la consultation. Elle estime que le dialogue entre les États "
    "et les organisations doit être renforcé dans le cadre du Conseil des droits de l'homme."
)
NGO_TEXT_V1 = (
    "Our organization welcomes the consultation. Cooperation between States and civil "
    "society should be strengthened, and the Council should hear more voices."
)
NGO_TEXT_V2 = (
    "Our organization welcomes the consultation and adds a second point: the treaty bodies "
    "need predictable resources, and their recommendations need follow-up."
)


@pytest.fixture
def replies_world(world: dict[str, Any]) -> dict[str, Any]:
    """The consultation open (deadline 30 days ahead) with two replies:

    - R1 from France, public, not published;
    - R2 from the demo NGO, public without attribution, v1 published, then revised (v2 not
      published): whoever reads the published reply reads v1.
    """
    import datetime as dt
    import uuid

    from django.utils import timezone

    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    consultation = world["consultation"]
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        phase="open",
        opens_on=today - dt.timedelta(days=10),
        reply_deadline=today + dt.timedelta(days=30),
    )
    consultation.refresh_from_db()
    users = world["users"]

    def submit(role: str, text: str, visibility: str, comments: Any = ()) -> Any:
        return submit_reply(
            actor=users[role],
            consultation=consultation,
            idempotency_key=uuid.uuid4().hex,
            text=text,
            visibility=visibility,
            comments=comments,
        )

    r1 = submit("focal_fra", FRANCE_TEXT, "public", [("OP10", "Commentaire sur le paragraphe.")])
    r2v1 = submit("focal_ngo", NGO_TEXT_V1, "anonymous")
    publish_reply(actor=users["secretariat"], reply=r2v1.reply)
    r2v2 = submit("focal_ngo", NGO_TEXT_V2, "anonymous")
    assert r2v2.reply_id == r2v1.reply_id
    assert (r1.reply.label, r2v1.reply.label, r2v2.number) == ("R1", "R2", 2)
    return {**world, "r1": r1.reply, "r2": r2v2.reply}
