"""Every view × role × consultation phase × visibility, against a table written by hand.

The URL resolver is enumerated: a view missing from `EXPECTED` fails
`test_every_view_is_in_the_matrix`. Someone who may not see a consultation gets 404 (no hint
that it exists), someone who may see it but not act gets 403, an anonymous visitor of a page
for signed-in users is sent to the sign-in page.

Replies: `focal_consultee` (France) and `focal_peer` (Germany) are focal points of two
consulted States. France's reply is unpublished: no one but the Secretariat, moderators and
France's focal point may reach it by any URL (page, version, receipt, file). Germany's reply
(a DOCX) is published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "public",
    "focal_consultee",
    "focal_peer",
    "focal_other",
    "moderator",
    "secretariat",
]
CONSULTEES = {"focal_consultee", "focal_peer"}
PHASES = ["draft", "open", "closed", "drafting", "published"]
VISIBILITIES = ["public", "restricted"]
STAFF = {"moderator", "secretariat"}

OK, LOGIN, DENY, HIDE, REDIRECT = "200", "login", "403", "404", "302"


def _can_view(role: str, phase: str, visibility: str) -> bool:
    if role in STAFF:
        return True
    return phase != "draft" and (visibility == "public" or role in CONSULTEES)


def _everyone(outcome: str) -> Callable[[str, str, str], str]:
    return lambda role, phase, visibility: outcome


def _secretariat_only(ok: str = OK) -> Callable[[str, str, str], str]:
    def rule(role: str, phase: str, visibility: str) -> str:
        if role == "secretariat":
            return ok
        return LOGIN if role == "anonymous" else DENY

    return rule


def _signed_in_only(outcome: str) -> Callable[[str, str, str], str]:
    return lambda role, phase, visibility: LOGIN if role == "anonymous" else outcome


def _anonymous_only(role: str, phase: str, visibility: str) -> str:
    return OK if role == "anonymous" else REDIRECT


def _consultation_view(role: str, phase: str, visibility: str) -> str:
    return OK if _can_view(role, phase, visibility) else HIDE


def _consultation_edit(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    return OK if role == "secretariat" and phase in ("draft", "open") else DENY


def _consultation_advance(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    return REDIRECT if role == "secretariat" and phase != "published" else DENY


def _staff_page(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    if role == "anonymous":
        return LOGIN
    return OK if role in STAFF else DENY


def _reply_form(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    if role == "anonymous":
        return LOGIN
    return OK if role in CONSULTEES and phase in ("open", "closed", "drafting") else DENY


def _secretariat_action(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    return REDIRECT if role == "secretariat" else DENY


def _france_record(role: str, phase: str, visibility: str) -> str:
    """France's unpublished reply: staff and France's focal point only, in every phase."""
    return OK if role in STAFF or role == "focal_consultee" else HIDE


def _publish_france(role: str, phase: str, visibility: str) -> str:
    if role == "secretariat":
        return REDIRECT
    return DENY if role in STAFF or role == "focal_consultee" else HIDE


def _germany_published(role: str, phase: str, visibility: str) -> str:
    """Germany's published reply: whoever may see the consultation, Germany, staff."""
    if role in STAFF or role == "focal_peer" or _can_view(role, phase, visibility):
        return OK
    return HIDE


def _withdraw_germany(role: str, phase: str, visibility: str) -> str:
    if role == "secretariat":
        return REDIRECT
    return DENY if _germany_published(role, phase, visibility) == OK else HIDE


def _france_note(role: str, phase: str, visibility: str) -> str:
    if not _can_view(role, phase, visibility):
        return HIDE
    return OK if role in STAFF or role == "focal_consultee" else HIDE


def _france_invitation_form(role: str, phase: str, visibility: str) -> str:
    if _france_note(role, phase, visibility) != OK:
        return HIDE
    return OK if role == "secretariat" else DENY


def _staff_only(role: str, phase: str, visibility: str) -> str:
    if role in STAFF:
        return OK
    return LOGIN if role == "anonymous" else DENY


def _take_part(ok: str) -> Callable[[str, str, str], str]:
    """The matrix's dialogue belongs to the consultation and is for signed-in users."""

    def rule(role: str, phase: str, visibility: str) -> str:
        if not _can_view(role, phase, visibility):
            return HIDE
        return LOGIN if role == "anonymous" else ok

    return rule


def _signed_in(ok: str) -> Callable[[str, str, str], str]:
    return lambda role, phase, visibility: LOGIN if role == "anonymous" else ok


# view name → (HTTP method, does it depend on the consultation's phase, rule)
EXPECTED: dict[str, tuple[str, bool, Callable[[str, str, str], str]]] = {
    "home": ("get", False, _everyone(OK)),
    "healthz": ("get", False, _everyone(OK)),
    "set_language": ("post", False, _everyone(REDIRECT)),
    "accounts:login": ("get", False, _anonymous_only),
    "accounts:logout": ("post", False, _everyone(REDIRECT)),
    "accounts:password_reset": ("get", False, _everyone(OK)),
    "accounts:password_reset_done": ("get", False, _everyone(OK)),
    "accounts:password_reset_confirm": ("get", False, _everyone(OK)),  # says: link not valid
    "accounts:password_reset_complete": ("get", False, _everyone(OK)),
    "accounts:invite": ("get", False, _secretariat_only()),
    "accounts:accept": ("get", False, _everyone(HIDE)),  # an unknown token
    "accounts:users": ("get", False, _secretariat_only()),
    "accounts:deactivate": ("post", False, _secretariat_only(REDIRECT)),
    "accounts:change_role": ("post", False, _secretariat_only(REDIRECT)),
    # the second factor is off in these tests (test_second_factor.py switches it on): a
    # signed-in account has nothing to set up there and is sent on
    "twofactor:setup": ("get", False, _signed_in_only(REDIRECT)),
    "twofactor:verify": ("get", False, _signed_in_only(REDIRECT)),
    "twofactor:qr": ("get", False, _signed_in_only(HIDE)),
    "stakeholders:list": ("get", False, _everyone(OK)),
    "stakeholders:detail": ("get", False, _everyone(OK)),
    "stakeholders:import": ("get", False, _secretariat_only()),
    "resolutions:list": ("get", False, _everyone(OK)),
    "resolutions:upload": ("get", False, _secretariat_only()),
    "resolutions:detail": ("get", False, _everyone(OK)),
    "audit:list": ("get", False, _secretariat_only()),
    "audit:export": ("get", False, _secretariat_only()),
    "audit:verify": ("post", False, _secretariat_only(REDIRECT)),
    "consultations:list": ("get", False, _everyone(OK)),
    "consultations:create": ("get", False, _secretariat_only()),
    "consultations:detail": ("get", True, _consultation_view),
    "consultations:plan": ("get", True, _consultation_edit),
    "consultations:details": ("get", True, _consultation_edit),
    "consultations:consultees": ("get", True, _consultation_edit),
    "consultations:advance": ("post", True, _consultation_advance),
    "invitations:list": ("get", True, _staff_page),
    "invitations:create": ("post", True, _secretariat_action),
    "invitations:send": ("get", True, _france_invitation_form),
    "invitations:note": ("get", False, _france_note),
    "invitations:follow": ("get", False, _everyone(HIDE)),  # an unknown token
    "submissions:reply": ("get", True, _reply_form),
    # renews the caller's own session (the reply form's expiry warning): a JSON 403 to anyone
    # signed out, never a sign-in page that a script cannot follow
    "submissions:extend_session": (
        "post",
        False,
        lambda role, phase, visibility: DENY if role == "anonymous" else OK,
    ),
    "submissions:dashboard": ("get", True, _staff_page),
    "submissions:published": ("get", True, _consultation_view),
    "submissions:by_paragraph": ("get", True, _consultation_view),
    "submissions:detail": ("get", True, _france_record),
    "submissions:version": ("get", True, _france_record),
    "submissions:receipt": ("get", True, _france_record),
    "submissions:comments": ("get", True, _france_record),
    "submissions:original": ("get", True, _france_record),
    "submissions:publish": ("post", True, _publish_france),
    "submissions:published_file": ("get", True, _germany_published),
    "submissions:withdraw": ("post", True, _withdraw_germany),
    "submissions:verify": ("get", False, _everyone(OK)),
    "submissions:public_key": ("get", False, _everyone(OK)),
    "dialogues:list": ("get", False, _everyone(OK)),
    "dialogues:create": ("get", False, _staff_only),
    "dialogues:vote": ("get", True, _take_part(OK)),
    "dialogues:add": ("post", True, _take_part(REDIRECT)),
    "dialogues:moderation": ("get", True, _staff_page),
    "dialogues:results": ("get", True, _consultation_view),
    "dialogues:export": ("get", True, _staff_page),
    "dialogues:import": ("get", True, _staff_page),
    # Django's admin: for superusers only; no role of the platform is staff, all go to its login.
    "admin:*": ("get", False, _everyone(REDIRECT)),
    # Everyone signed in has a page of their own API tokens; the token to revoke here belongs
    # to another account, so no role may revoke it (404: no hint that it exists).
    "api_tokens:list": ("get", False, _signed_in(OK)),
    "api_tokens:revoke": ("post", False, _signed_in(HIDE)),
    # The API: its schema is public; every operation has its own matrix (token auth, phases,
    # two focal points) in tests/web/api/test_api_permission_matrix.py.
    "api:*": ("get", False, _everyone(OK)),
}


def _url_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace in ("admin", "api"):
                names.add(f"{namespace}:*")
                continue
            names |= _url_names(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL pattern {pattern.pattern} has no name"
            names.add(prefix + pattern.name)
    return names


def test_every_view_is_in_the_matrix() -> None:
    assert _url_names(get_resolver()) == set(EXPECTED)


@pytest.fixture(scope="module")
def world(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[dict[str, Any]]:
    """The accounts, consultation, replies and dialogue of the matrix, built once for the
    module inside a transaction rolled back after its last test (each test runs in a savepoint
    of its own, as Django's TestCase does): building it read a DOCX in the sandbox's child
    process, once per view. Its files go where each test's are (`_replies_on_tmp`)."""
    from django.db import transaction
    from django.test import override_settings

    root = tmp_path_factory.getbasetemp() / "hrdialogue-var"
    with (
        override_settings(
            MEDIA_ROOT=root / "media", RECEIPT_KEY_PATH=root / "keys" / "receipt-ed25519.pem"
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield _build_world()
        transaction.set_rollback(True)


def _build_world() -> dict[str, Any]:
    from hrdialogue.documents.model import Adoption
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.consultations.services import open_consultation
    from hrdialogue.web.resolutions.services import store_resolution
    from hrdialogue.web.stakeholders.models import Stakeholder
    from tests.web.resolution_fixture import hand_written_resolution

    france = Stakeholder.objects.create(code="fra", kind="member-state", name="France")
    germany = Stakeholder.objects.create(code="deu", kind="member-state", name="Germany")
    undp = Stakeholder.objects.create(code="undp", kind="un-entity", name="UNDP")
    users = {
        "public": User.objects.create_user("p@example.org", "x", role="public"),
        "focal_consultee": User.objects.create_user(
            "f@example.org", "x", role="focal-point", stakeholder=france
        ),
        "focal_peer": User.objects.create_user(
            "g@example.org", "x", role="focal-point", stakeholder=germany
        ),
        "focal_other": User.objects.create_user(
            "o@example.org", "x", role="focal-point", stakeholder=undp
        ),
        "moderator": User.objects.create_user("m@example.org", "x", role="moderator"),
        "secretariat": User.objects.create_user("s@example.org", "x", role="secretariat"),
    }
    target = User.objects.create_user("t@example.org", "x", role="public")
    from hrdialogue.web.api.services import issue_token

    targets_token, _raw = issue_token(actor=None, user=target, name="another's token")
    document = store_resolution(
        actor=None,
        resolution=hand_written_resolution().model_copy(
            update={"adoption": Adoption(meeting=70, date=dt.date(2008, 12, 18), span=(0, 1))}
        ),
        text="",
        source_name="r.txt",
        source_format="text",
        source_sha256="2" * 64,
    )
    consultation = open_consultation(actor=None, document=document, mandate_index=0, title="C")
    assert list(consultation.consultees.all()) == [france, germany]
    replies = _replies(consultation, users)
    from hrdialogue.web.dialogues.services import create_dialogue, seed_statements_from_mandate

    dialogue = create_dialogue(actor=None, title="D", consultation=consultation)
    seed_statements_from_mandate(actor=None, dialogue=dialogue)
    on_dialogue = {"pk": dialogue.pk}
    return {
        "users": users,
        "consultation": consultation,
        "kwargs": {
            "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "bad-token"},
            "accounts:accept": {"token": "unknown"},
            "accounts:deactivate": {"pk": target.pk},
            "accounts:change_role": {"pk": target.pk},
            "api_tokens:revoke": {"pk": targets_token.pk},
            "stakeholders:detail": {"code": "fra"},
            "resolutions:detail": {"pk": document.pk},
            "consultations:create": {"resolution_pk": document.pk, "index": 0},
            "invitations:send": {"pk": replies["invitation"].pk},
            "invitations:note": {"pk": replies["invitation"].pk, "fmt": "docx"},
            "invitations:follow": {"token": "unknown"},
            "submissions:detail": {"pk": replies["france"].reply_id},
            "submissions:version": {"pk": replies["france"].pk},
            "submissions:receipt": {"pk": replies["france"].pk},
            "submissions:comments": {"pk": replies["france"].pk},
            "submissions:original": {"pk": replies["france"].pk},
            "submissions:publish": {"pk": replies["france"].reply_id},
            "submissions:published_file": {"pk": replies["germany"].reply_id},
            "submissions:withdraw": {"pk": replies["germany"].reply_id},
            **{
                f"dialogues:{name}": on_dialogue
                for name in ("vote", "add", "moderation", "results", "export", "import")
            },
        },
    }


def _replies(consultation: Any, users: dict[str, Any]) -> dict[str, Any]:
    """France's unpublished typed reply, Germany's published DOCX reply, France's invitation
    (hand-written texts)."""
    import io

    import docx
    from django.utils import timezone

    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.invitations.models import ReplyInvitation
    from hrdialogue.web.invitations.services import create_invitations
    from hrdialogue.web.submissions.services import publish_reply, submit_reply

    create_invitations(actor=users["secretariat"], consultation=consultation)
    Consultation.objects.filter(pk=consultation.pk).update(
        phase="open", reply_deadline=timezone.localdate() + dt.timedelta(days=30)
    )
    consultation.refresh_from_db()
    france = submit_reply(
        actor=users["focal_consultee"],
        consultation=consultation,
        idempotency_key="matrix-france-0000001",
        text="La France soutient le dialogue et la coopération entre les États.",
        comments=[("OP10", "Un commentaire sur le paragraphe 10.")],
    )
    document = docx.Document()
    document.add_paragraph("Germany welcomes dialogue and cooperation among all States.")
    out = io.BytesIO()
    document.save(out)
    germany = submit_reply(
        actor=users["focal_peer"],
        consultation=consultation,
        idempotency_key="matrix-germany-000001",
        upload=(out.getvalue(), "reply.docx"),
    )
    publish_reply(actor=users["secretariat"], reply=germany.reply)
    invitation = ReplyInvitation.objects.get(consultation=consultation, stakeholder__code="fra")
    return {"france": france, "germany": germany, "invitation": invitation}


def _outcome(response: Any) -> str:
    if response.status_code == 302:
        return LOGIN if "/accounts/login/" in response["Location"] else REDIRECT
    return str(response.status_code)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_matrix(name: str, world: dict[str, Any], client: Any) -> None:
    from hrdialogue.web.consultations.models import Consultation

    method, per_phase, rule = EXPECTED[name]
    consultation = world["consultation"]
    if name == "admin:*":
        url = reverse("admin:index")
    elif name == "api:*":
        url = reverse("api:openapi-json")
    else:
        default = {"pk": consultation.pk} if per_phase else {}
        url = reverse(name, kwargs=world["kwargs"].get(name, default))
    cells = [(p, v) for p in PHASES for v in VISIBILITIES] if per_phase else [("open", "public")]
    wrong = []
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(world["users"][role])  # once per role: the suite stays fast
        for phase, visibility in cells:
            Consultation.objects.filter(pk=consultation.pk).update(
                phase=phase, visibility=visibility
            )
            data = {"to": _next_phase(phase)} if name == "consultations:advance" else {}
            if name == "set_language":
                data = {"language": "fr", "next": "/"}
            response = getattr(client, method)(url, data)
            expected = rule(role, phase, visibility)
            if _outcome(response) != expected:
                wrong.append((role, phase, visibility, expected, _outcome(response)))
    assert not wrong, f"{name}: (role, phase, visibility, expected, got): {wrong}"


def _next_phase(phase: str) -> str:
    index = PHASES.index(phase)
    return PHASES[index + 1] if index + 1 < len(PHASES) else phase
