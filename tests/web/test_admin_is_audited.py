"""A superuser in the Django admin: every change is either refused (a read-only field, no
permission) or written to the audit chain naming the superuser, with the fields before and
after. Security state (roles, superuser, a token's owner and revocation, the audit log) is
never changed there."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = "root@example.org"


@pytest.fixture
def root(db: Any) -> Any:
    from hrdialogue.web.accounts.models import User

    return User.objects.create_superuser(ROOT, "pw-long-enough-123")


@pytest.fixture
def admin_client(root: Any) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(root)
    return client


def _form_data(page: Any) -> dict[str, Any]:
    """What the browser would post back unchanged: the admin form's editable fields, and each
    inline's management form and rows."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for field in form:
            value = field.value()
            if field.field.disabled or value is None or value is False:
                continue
            if value is True:
                value = "on"
            data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def _entries_since(count: int) -> list[Any]:
    from hrdialogue.web.audit.models import AuditEntry

    return list(AuditEntry.objects.filter(sequence__gt=count).order_by("sequence"))


def _audit_count() -> int:
    """The number of the last entry in the log (0: none yet)."""
    from hrdialogue.web.audit.models import AuditEntry

    last = AuditEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    return last or 0


def test_every_admin_is_read_only_or_audited() -> None:
    from django.contrib import admin

    from hrdialogue.web.audit.admin import AuditedAdmin, ReadOnlyAdmin

    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("hrdialogue.")
        and not isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin)
    ]
    assert unaudited == []


def test_no_library_admin_changes_anything_unaudited(rf: Any, root: Any) -> None:
    # the admins the libraries register (task results, the sign-in lockout): ours, or view only
    from django.contrib import admin

    from hrdialogue.web.audit.admin import AuditedAdmin, ReadOnlyAdmin

    request = rf.get("/admin/")
    request.user = root
    writable = []
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, AuditedAdmin | ReadOnlyAdmin):
            continue
        if (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        ):
            writable.append(model._meta.label)
    assert writable == []


def test_groups_grant_no_rights_through_the_admin(admin_client: Client) -> None:
    assert admin_client.get("/admin/auth/group/").status_code == 404
    assert admin_client.get("/admin/auth/group/add/").status_code == 404


def test_a_revoked_token_is_not_brought_back_nor_handed_to_another_account(
    admin_client: Client, root: Any, france_focal_point: Any, public_user: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import authenticate_token, issue_token, revoke_token

    token, raw = issue_token(actor=france_focal_point, user=france_focal_point, name="ministry")
    revoke_token(actor=root, token=token)
    before = _audit_count()
    url = f"/admin/api/apitoken/{token.pk}/change/"
    data = _form_data(admin_client.get(url))
    assert set(data) == {"name"}, "only the name is editable"
    data.update(
        {"name": "ministry (old)", "user": public_user.pk, "revoked_at_0": "", "revoked_at_1": ""}
    )
    assert admin_client.post(url, data).status_code == 302

    token = ApiToken.objects.get(pk=token.pk)
    assert token.user == france_focal_point
    assert token.revoked_at is not None
    assert authenticate_token(raw) is None
    [entry] = _entries_since(before)
    assert (entry.actor, entry.actor_label, entry.action) == (root, ROOT, "admin.change")
    assert (entry.target_type, entry.target_id) == ("api.apitoken", str(token.pk))
    assert (entry.before, entry.after) == ({"name": "ministry"}, {"name": "ministry (old)"})


def test_tokens_are_neither_added_nor_deleted_in_the_admin_but_revoked_audited(
    admin_client: Client, root: Any, france_focal_point: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import authenticate_token, issue_token

    token, raw = issue_token(actor=france_focal_point, user=france_focal_point, name="ministry")
    before = _audit_count()
    assert admin_client.get("/admin/api/apitoken/add/").status_code == 403
    delete = f"/admin/api/apitoken/{token.pk}/delete/"
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert _audit_count() == before

    response = admin_client.post(
        "/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    assert authenticate_token(raw) is None
    [entry] = _entries_since(before)
    assert (entry.actor_label, entry.action, entry.target_id) == (
        ROOT,
        "api.revoke-token",
        str(token.pk),
    )


def test_an_accounts_role_stakeholder_and_flags_stay_as_they_were(
    admin_client: Client, root: Any, france_focal_point: Any
) -> None:
    from hrdialogue.web.accounts.models import User
    from hrdialogue.web.stakeholders.models import Stakeholder

    user = france_focal_point
    url = f"/admin/accounts/user/{user.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "argon2" not in page.content.decode()
    assert "pbkdf2" not in page.content.decode()
    data = _form_data(page)
    assert set(data) == {"first_name", "last_name"}
    before = _audit_count()
    data.update(
        {
            "first_name": "Marianne",
            "email": "someone-else@example.org",
            "role": "secretariat",
            "stakeholder": Stakeholder.objects.get(code="rus").pk,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
        }
    )
    assert admin_client.post(url, data).status_code == 302

    user = User.objects.get(pk=user.pk)
    assert (user.email, user.role, user.stakeholder.code) == (
        "fp-france@example.org",
        "focal-point",
        "fra",
    )
    assert not user.is_staff
    assert not user.is_superuser
    assert user.first_name == "Marianne"
    [entry] = _entries_since(before)
    assert (entry.actor_label, entry.action, entry.target_id) == (
        ROOT,
        "admin.change",
        str(user.pk),
    )
    assert (entry.before, entry.after) == ({"first_name": ""}, {"first_name": "Marianne"})


def test_an_account_is_not_deleted_nor_its_password_set_in_the_admin(
    admin_client: Client, public_user: Any
) -> None:
    from hrdialogue.web.accounts.models import User

    password = f"/admin/accounts/user/{public_user.pk}/password/"
    assert admin_client.get(password).status_code == 403
    new = "a-new-password-long-enough-9"
    response = admin_client.post(password, {"password1": new, "password2": new})
    assert response.status_code == 403
    assert not User.objects.get(pk=public_user.pk).check_password(new)
    delete = f"/admin/accounts/user/{public_user.pk}/delete/"
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=public_user.pk).exists()


def test_an_account_added_in_the_admin_is_audited(admin_client: Client) -> None:
    from hrdialogue.web.accounts.models import User

    before = _audit_count()
    password = "a-new-password-long-enough-9"
    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "email": "moderator-2@example.org",
            "password1": password,
            "password2": password,
            "usable_password": "true",
            "role": "moderator",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="moderator-2@example.org")
    [entry] = _entries_since(before)
    assert (entry.actor_label, entry.action, entry.target_id) == (ROOT, "admin.add", str(user.pk))
    assert entry.before is None
    assert entry.after == {"email": "moderator-2@example.org", "role": "moderator"}
    assert "password" not in entry.after


def test_audit_entries_are_never_changed_nor_deleted_in_the_admin(
    admin_client: Client, root: Any, public_user: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.audit.services import record_change

    entry = record_change(actor=root, action="test.something", target=public_user)
    url = f"/admin/audit/auditentry/{entry.pk}/"
    assert admin_client.get(url + "change/").status_code == 200  # shown, read-only
    posted = admin_client.post(url + "change/", {"action": "test.other", "actor_label": "x"})
    assert posted.status_code == 403
    assert admin_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    bulk = admin_client.post(
        "/admin/audit/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert bulk.status_code in {200, 302}
    assert admin_client.get("/admin/audit/auditentry/add/").status_code == 403
    assert AuditEntry.objects.get(pk=entry.pk).action == "test.something"


@pytest.mark.parametrize(
    "path",
    [
        "consultations/consultation/{consultation}",
        "invitations/replyinvitation/{reply_invitation}",
        "accounts/invitation/{invitation}",
    ],
)
def test_state_that_services_change_is_read_only_in_the_admin(
    admin_client: Client, consultation: Any, secretariat: Any, path: str
) -> None:
    from hrdialogue.web.accounts.services import invite_focal_point
    from hrdialogue.web.invitations.services import create_invitations
    from hrdialogue.web.stakeholders.models import Stakeholder

    france = Stakeholder.objects.get(code="fra")
    invitation, _token = invite_focal_point(
        actor=secretariat, email="new@example.org", stakeholder=france
    )
    consultation.consultees.add(france)
    create_invitations(actor=secretariat, consultation=consultation, stakeholders=[france])
    keys = {
        "consultation": consultation.pk,
        "reply_invitation": consultation.invitations.get(stakeholder=france).pk,
        "invitation": invitation.pk,
    }
    url = "/admin/" + path.format(**keys) + "/"
    before = _audit_count()
    assert admin_client.get(url + "change/").status_code == 200
    assert (
        admin_client.post(url + "change/", {"title": "x", "email": "x@example.org"}).status_code
        == 403
    )
    assert admin_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    assert _audit_count() == before


def test_the_registry_changed_in_the_admin_is_audited_contacts_included(
    admin_client: Client, root: Any, secretariat: Any, registry: None
) -> None:
    from hrdialogue.web.stakeholders.models import Contact, Stakeholder
    from hrdialogue.web.stakeholders.services import add_contact

    france = Stakeholder.objects.get(code="fra")
    old = add_contact(
        actor=secretariat,
        stakeholder=france,
        name="Permanent Mission",
        email="mission@example.org",
        title="",
        language="fr",
    )
    url = f"/admin/stakeholders/stakeholder/{france.pk}/change/"
    data = _form_data(admin_client.get(url))
    before = _audit_count()
    data.update(
        {
            "acronym": "FR",
            "contacts-TOTAL_FORMS": "2",
            "contacts-0-DELETE": "on",
            "contacts-0-email": "edited-then-deleted@example.org",
            "contacts-1-name": "Focal point office",
            "contacts-1-email": "office@example.org",
            "contacts-1-language": "fr",
        }
    )
    assert admin_client.post(url, data).status_code == 302

    assert not Contact.objects.filter(pk=old.pk).exists()
    new = Contact.objects.get(stakeholder=france)
    entries = {(e.action, e.target_type, e.target_id): e for e in _entries_since(before)}
    assert {e.actor_label for e in entries.values()} == {ROOT}
    deleted = entries["admin.delete", "stakeholders.contact", str(old.pk)]
    assert deleted.before["email"] == "mission@example.org"
    added = entries["admin.add", "stakeholders.contact", str(new.pk)]
    assert added.after["email"] == "office@example.org"
    changed = entries["admin.change", "stakeholders.stakeholder", str(france.pk)]
    assert (changed.before, changed.after) == ({"acronym": ""}, {"acronym": "FR"})
    assert len(entries) == 3


def test_a_resolutions_header_corrected_in_the_admin_is_audited_its_text_is_not_editable(
    admin_client: Client, stored_resolution: Any
) -> None:
    from hrdialogue.web.resolutions.models import ResolutionDocument

    url = f"/admin/resolutions/resolutiondocument/{stored_resolution.pk}/change/"
    data = _form_data(admin_client.get(url))
    assert "text" not in data
    assert "data" not in data
    before = _audit_count()
    old_symbol = stored_resolution.symbol
    data.update({"symbol": "A/RES/63/181", "text": "forged"})
    assert admin_client.post(url, data).status_code == 302
    document = ResolutionDocument.objects.get(pk=stored_resolution.pk)
    assert document.symbol == "A/RES/63/181"
    assert document.text == stored_resolution.text
    [entry] = _entries_since(before)
    assert entry.action == "admin.change"
    assert (entry.before, entry.after) == ({"symbol": old_symbol}, {"symbol": "A/RES/63/181"})


def test_unlocking_an_account_in_the_admin_is_audited_and_access_logs_are_read_only(
    admin_client: Client, root: Any
) -> None:
    # django-axes: five failed sign-ins lock an account out; deleting the attempt unlocks it.
    from axes.models import AccessAttempt, AccessLog
    from django.utils import timezone

    attempt = AccessAttempt.objects.create(
        username="focal@example.org",
        ip_address="192.0.2.7",
        user_agent="test",
        failures_since_start=5,
        attempt_time=timezone.now(),
    )
    log = AccessLog.objects.create(
        username="focal@example.org",
        ip_address="192.0.2.7",
        user_agent="test",
        attempt_time=timezone.now(),
    )
    before = _audit_count()
    url = f"/admin/axes/accessattempt/{attempt.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not AccessAttempt.objects.exists()
    (entry,) = _entries_since(before)
    assert (entry.action, entry.actor_label) == ("admin.delete", ROOT)
    assert entry.before["username"] == "focal@example.org"
    # the access log: viewed, never changed nor deleted
    assert admin_client.get(f"/admin/axes/accesslog/{log.pk}/change/").status_code == 200
    assert (
        admin_client.post(f"/admin/axes/accesslog/{log.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AccessLog.objects.filter(pk=log.pk).exists()
    assert admin_client.get("/admin/axes/accessattempt/add/").status_code == 403
