"""What the public reads of a reply is fixed when the Secretariat publishes it: the published
version, under the visibility THAT version was sent with. A later version, sent with another
visibility and not published, changes nothing public: it does not name a stakeholder who
published without attribution, hide a published reply, stop the Secretariat withdrawing it,
nor bring a withdrawn one back. Reply texts are hand-written (not from any State's reply)."""

from __future__ import annotations

import importlib
import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Hand-written French texts; each version says something the others do not.
V1 = (
    "Le Gouvernement se félicite de la coopération entre les États et le Haut-Commissariat. "
    "Il soutient un dialogue régulier avec les procédures spéciales du Conseil."
)
V2 = (
    "Le Gouvernement propose des consultations annuelles ouvertes à tous les États Membres et "
    "aux institutions nationales des droits de l'homme."
)
V3 = (
    "Le Gouvernement rappelle que les organisations non gouvernementales doivent être entendues "
    "lors de chaque session du Conseil des droits de l'homme."
)
ANONYMOUS_LABEL = "Published without attribution"


def _submit(actor: Any, consultation: Any, text: str, visibility: str, **kwargs: Any) -> Any:
    from hrdialogue.web.submissions.services import submit_reply

    return submit_reply(
        actor=actor,
        consultation=consultation,
        idempotency_key=uuid.uuid4().hex,
        text=text,
        visibility=visibility,
        **kwargs,
    )


def _publish(secretariat: Any, reply_pk: int) -> Any:
    from hrdialogue.web.submissions.models import Reply
    from hrdialogue.web.submissions.services import publish_reply

    return publish_reply(actor=secretariat, reply=Reply.objects.get(pk=reply_pk))


def _actions(reply_pk: int) -> list[str]:
    from hrdialogue.web.audit.models import AuditEntry

    return list(
        AuditEntry.objects.filter(target_type="submissions.reply", target_id=str(reply_pk))
        .order_by("sequence")
        .values_list("action", flat=True)
    )


def _secretariat_client(secretariat: Any) -> Client:
    client = Client()
    client.force_login(secretariat)
    return client


def test_a_reply_published_without_attribution_stays_so_when_a_public_version_follows(
    open_call: Any, france_focal_point: Any, secretariat: Any
) -> None:
    first = _submit(
        france_focal_point, open_call, V1, "anonymous", comments=[("OP10", "Sur le dialogue.")]
    )
    _publish(secretariat, first.reply_id)
    second = _submit(france_focal_point, open_call, V2, "public")
    assert (second.reply_id, second.number) == (first.reply_id, 2)

    visitor = Client()
    detail = visitor.get(reverse("submissions:detail", args=[first.reply_id]))
    assert detail.status_code == 200
    page = detail.content.decode()
    assert detail.context["shows_author"] is False
    assert "France" not in page
    assert ANONYMOUS_LABEL in page
    assert "procédures spéciales" in page  # v1, the published version
    assert "consultations annuelles" not in page  # not v2

    listing = visitor.get(reverse("submissions:published", args=[open_call.pk]))
    assert [author for author, _items in listing.context["groups"]] == [ANONYMOUS_LABEL]
    assert "France" not in listing.content.decode()

    by_paragraph = visitor.get(reverse("submissions:by_paragraph", args=[open_call.pk]))
    assert "Sur le dialogue." in by_paragraph.content.decode()
    assert "France" not in by_paragraph.content.decode()

    # The API reads the same: no stakeholder, the published version's visibility.
    api = visitor.get(f"/api/replies/{first.reply_id}").json()
    assert (api["stakeholder"], api["visibility"], api["version"]) == (None, "anonymous", 1)
    listed = visitor.get("/api/replies", {"stakeholder": "fra"}).json()
    assert listed["count"] == 0  # a filter on the name does not reveal the sender
    assert visitor.get("/api/replies", {"visibility": "public"}).json()["count"] == 0
    assert visitor.get("/api/replies", {"visibility": "anonymous"}).json()["count"] == 1

    # The record still says who sent it, and that the latest version was sent "public".
    own = Client()
    own.force_login(france_focal_point)
    mine = own.get(reverse("submissions:detail", args=[first.reply_id]))
    assert mine.context["shows_author"] is True
    assert mine.context["shown"].number == 2


def test_a_confidential_version_neither_hides_a_published_reply_nor_blocks_its_withdrawal(
    open_call: Any, france_focal_point: Any, secretariat: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.submissions.models import Reply

    first = _submit(france_focal_point, open_call, V1, "public")
    _publish(secretariat, first.reply_id)
    _submit(france_focal_point, open_call, V2, "confidential")

    visitor = Client()
    detail = visitor.get(reverse("submissions:detail", args=[first.reply_id]))
    assert detail.status_code == 200
    assert "procédures spéciales" in detail.content.decode()
    assert "consultations annuelles" not in detail.content.decode()
    assert detail.context["shows_author"] is True
    listing = visitor.get(reverse("submissions:published", args=[open_call.pk]))
    assert [author for author, _items in listing.context["groups"]] == ["France"]

    staff = _secretariat_client(secretariat)
    # The dashboard offers to withdraw it; publishing the confidential version is refused.
    rows = staff.get(reverse("submissions:dashboard", args=[open_call.pk])).context["replies"]
    assert rows[0]["action"] == reverse("submissions:withdraw", args=[first.reply_id])
    refused = staff.post(reverse("submissions:publish", args=[first.reply_id]))
    assert refused.status_code == 403
    reply = Reply.objects.get(pk=first.reply_id)
    assert (reply.published_version_id, reply.published_at is not None) == (first.pk, True)

    withdrawn = staff.post(reverse("submissions:withdraw", args=[first.reply_id]))
    assert withdrawn.status_code == 302
    reply.refresh_from_db()
    assert (reply.published_at, reply.published_version_id, reply.published_file) == (
        None,
        None,
        "",
    )
    entry = AuditEntry.objects.filter(
        action="submissions.withdraw", target_id=str(first.reply_id)
    ).get()
    assert entry.before == {"published_version": 1, "visibility": "public"}
    assert visitor.get(reverse("submissions:detail", args=[first.reply_id])).status_code == 404

    # A public v3 does not bring the withdrawn v1 back: only a publication would.
    _submit(france_focal_point, open_call, V3, "public")
    assert visitor.get(reverse("submissions:detail", args=[first.reply_id])).status_code == 404
    assert visitor.get(f"/api/replies/{first.reply_id}").status_code == 404
    assert _actions(first.reply_id) == ["submissions.publish", "submissions.withdraw"]


def test_versions_sent_after_publication_change_nothing_public_until_published(
    open_call: Any, france_focal_point: Any, secretariat: Any
) -> None:
    first = _submit(france_focal_point, open_call, V1, "public")
    _publish(secretariat, first.reply_id)
    _submit(france_focal_point, open_call, V2, "confidential")
    third = _submit(france_focal_point, open_call, V3, "anonymous")

    visitor = Client()
    api = visitor.get(f"/api/replies/{first.reply_id}").json()
    assert (api["version"], api["visibility"], api["stakeholder"]["code"]) == (1, "public", "fra")
    assert api["text"] == V1
    assert visitor.get("/api/replies", {"stakeholder": "fra"}).json()["count"] == 1
    assert _actions(first.reply_id) == ["submissions.publish"]

    # Publishing v3 (sent without attribution) is what changes the public pages, audited.
    _publish(secretariat, first.reply_id)
    detail = visitor.get(reverse("submissions:detail", args=[first.reply_id]))
    assert detail.context["shown"].pk == third.pk
    assert detail.context["shows_author"] is False
    assert "France" not in detail.content.decode()
    assert visitor.get("/api/replies", {"stakeholder": "fra"}).json()["count"] == 0
    assert _actions(first.reply_id) == ["submissions.publish", "submissions.publish"]
    from hrdialogue.web.audit.models import AuditEntry

    last = AuditEntry.objects.filter(action="submissions.publish").order_by("sequence").last()
    assert last is not None
    assert last.before == {"published_version": 1, "visibility": "public"}
    assert last.after == {"published_version": 3, "visibility": "anonymous"}


def test_a_focal_point_filtering_by_its_own_latest_version_finds_its_reply(
    open_call: Any, france_focal_point: Any, secretariat: Any
) -> None:
    """Its own focal points read the record: the filters follow the latest version for them,
    the published one for everyone else."""
    from hrdialogue.web.api.services import issue_token

    first = _submit(france_focal_point, open_call, V1, "public")
    _publish(secretariat, first.reply_id)
    _submit(france_focal_point, open_call, V2, "anonymous")
    token = issue_token(actor=None, user=france_focal_point, name="tests")[1]
    own = Client(headers={"Authorization": f"Bearer {token}"})
    assert own.get("/api/replies", {"visibility": "anonymous"}).json()["count"] == 1
    assert own.get("/api/replies", {"visibility": "public"}).json()["count"] == 0
    assert own.get("/api/replies", {"stakeholder": "fra"}).json()["count"] == 1
    visitor = Client()
    assert visitor.get("/api/replies", {"visibility": "anonymous"}).json()["count"] == 0
    assert visitor.get("/api/replies", {"visibility": "public"}).json()["count"] == 1


def test_each_version_keeps_the_visibility_it_was_sent_with(
    open_call: Any, france_focal_point: Any
) -> None:
    from hrdialogue.receipts import Receipt
    from hrdialogue.web.submissions.models import Reply, ReplyVersion

    sent = [("public", V1), ("confidential", V2), ("anonymous", V3)]
    versions = [_submit(france_focal_point, open_call, text, vis) for vis, text in sent]
    stored = ReplyVersion.objects.filter(pk__in=[v.pk for v in versions]).order_by("number")
    assert [v.visibility for v in stored] == ["public", "confidential", "anonymous"]
    assert [Receipt.model_validate(v.receipt).visibility for v in stored] == [
        "public",
        "confidential",
        "anonymous",
    ]
    # The reply's own field is the latest version's (what the record and dashboard show).
    assert Reply.objects.get(pk=versions[0].reply_id).visibility == "anonymous"


def test_the_migration_takes_each_versions_visibility_from_its_signed_receipt(
    open_call: Any, france_focal_point: Any
) -> None:
    from django.apps import apps

    from hrdialogue.web.submissions.models import ReplyVersion

    first = _submit(france_focal_point, open_call, V1, "anonymous")
    second = _submit(france_focal_point, open_call, V2, "public")
    # As a database from before the field: every version at the default.
    ReplyVersion.objects.update(visibility="public")
    unsigned = ReplyVersion.objects.get(pk=second.pk)
    ReplyVersion.objects.filter(pk=second.pk).update(
        receipt={**unsigned.receipt, "visibility": None}
    )
    migration = importlib.import_module(
        "hrdialogue.web.submissions.migrations.0002_version_visibility"
    )
    migration._backfill(apps, None)
    assert ReplyVersion.objects.get(pk=first.pk).visibility == "anonymous"  # from its receipt
    assert ReplyVersion.objects.get(pk=second.pk).visibility == "public"  # the reply's own


def test_the_secretariat_withdraws_through_the_rule_whatever_the_latest_version(
    open_call: Any, france_focal_point: Any, secretariat: Any, moderator: Any
) -> None:
    from hrdialogue.web.submissions.models import Reply

    first = _submit(france_focal_point, open_call, V1, "public")
    _publish(secretariat, first.reply_id)
    _submit(france_focal_point, open_call, V2, "confidential")
    reply = Reply.objects.get(pk=first.reply_id)
    assert secretariat.has_perm("submissions.withdraw_reply", reply)
    assert not secretariat.has_perm("submissions.publish_reply", reply)
    assert not moderator.has_perm("submissions.withdraw_reply", reply)
    assert not france_focal_point.has_perm("submissions.withdraw_reply", reply)
