"""A signed-in person issues and revokes their own API tokens on a page: the token is shown
once, works with the account's permissions, stops working when revoked; nobody revokes
another's token; every change is audited."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGE = "/account/api-tokens/"


def _new_token(page: str) -> str:
    found = re.search(r'<code class="token" dir="ltr">(hrd_[A-Za-z0-9_-]+)</code>', page)
    assert found is not None, "the new token is not on the page"
    return found.group(1)


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.post(PAGE, {"name": "x"}).status_code == 302


def test_a_focal_point_creates_a_token_that_is_shown_once_and_opens_the_api(
    client: Client, france_focal_point: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.audit.models import AuditEntry

    client.force_login(france_focal_point)
    response = client.post(PAGE, {"name": "Ministry reply system"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    raw = _new_token(response.text)
    stored = ApiToken.objects.get(user=france_focal_point)
    # only a fingerprint is kept, and the page lists the token by its first characters
    assert stored.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(ApiToken.objects.values_list().get(pk=stored.pk))
    assert AuditEntry.objects.filter(action="api.issue-token", target_id=str(stored.pk)).exists()
    again = client.get(PAGE)
    assert raw not in again.text
    assert stored.prefix in again.text
    assert "Ministry reply system" in again.text

    api = Client()
    me = api.get("/api/consultations", headers={"Authorization": f"Bearer {raw}"})
    assert me.status_code == 200
    assert (
        api.get("/api/consultations", headers={"Authorization": "Bearer hrd_x"}).status_code == 401
    )


def _once(page: str) -> str:
    found = re.search(r'<input type="hidden" name="once" value="([A-Za-z0-9_-]+)"', page)
    assert found is not None, "the form carries no one-time number"
    return found.group(1)


def test_a_form_sent_twice_creates_one_token_and_says_why(
    client: Client, france_focal_point: Any
) -> None:
    """Reloading the answer that showed a token sends its form again: no second token."""
    from hrdialogue.web.api.models import ApiToken

    client.force_login(france_focal_point)
    once = _once(client.get(PAGE).text)
    first = client.post(PAGE, {"name": "Ministry reply system", "once": once})
    assert first.status_code == 200
    raw = _new_token(first.text)
    again = client.post(PAGE, {"name": "Ministry reply system", "once": once})
    assert again.status_code == 409
    assert "This form was sent already" in again.text
    assert 'class="token"' not in again.text
    assert raw not in again.text
    assert ApiToken.objects.filter(user=france_focal_point).count() == 1
    # the answer carries a fresh form: sent, it creates a second token
    fresh = _once(again.text)
    assert fresh != once
    assert client.post(PAGE, {"name": "Second system", "once": fresh}).status_code == 200
    assert ApiToken.objects.filter(user=france_focal_point).count() == 2


def test_a_refused_form_can_be_corrected_and_sent_again(
    client: Client, france_focal_point: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken

    client.force_login(france_focal_point)
    once = _once(client.get(PAGE).text)
    refused = client.post(PAGE, {"name": "  ", "once": once})
    assert refused.status_code == 422
    assert _once(refused.text) == once  # the same form, shown again with its error
    assert client.post(PAGE, {"name": "Ministry system", "once": once}).status_code == 200
    assert ApiToken.objects.filter(user=france_focal_point).count() == 1


def test_a_revoked_token_no_longer_opens_the_api(client: Client, france_focal_point: Any) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.audit.models import AuditEntry

    client.force_login(france_focal_point)
    raw = _new_token(client.post(PAGE, {"name": "Old system"}).text)
    token = ApiToken.objects.get(user=france_focal_point)
    assert client.get(f"{PAGE}{token.pk}/revoke/").status_code == 405
    response = client.post(f"{PAGE}{token.pk}/revoke/", follow=True)
    assert response.status_code == 200
    assert token.prefix in response.text
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEntry.objects.filter(action="api.revoke-token", target_id=str(token.pk)).exists()
    headers = {"Authorization": f"Bearer {raw}"}
    assert Client().get("/api/consultations", headers=headers).status_code == 401


def test_nobody_revokes_or_sees_another_persons_token(
    client: Client, france_focal_point: Any, secretariat: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import issue_token

    token, _raw = issue_token(actor=None, user=france_focal_point, name="France's system")
    client.force_login(secretariat)
    assert "France's system" not in client.get(PAGE).text
    assert client.post(f"{PAGE}{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_a_nameless_token_is_refused_and_nothing_is_created(
    client: Client, france_focal_point: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken

    client.force_login(france_focal_point)
    response = client.post(PAGE, {"name": "   "})
    assert response.status_code == 422
    assert 'class="error-summary"' in response.text
    assert 'class="token"' not in response.text
    assert not ApiToken.objects.exists()


def test_an_account_holds_at_most_ten_tokens_in_use(
    client: Client, france_focal_point: Any
) -> None:
    from hrdialogue.web.api.models import ApiToken
    from hrdialogue.web.api.services import issue_token, revoke_token

    for n in range(10):
        issue_token(actor=None, user=france_focal_point, name=f"system {n}")
    client.force_login(france_focal_point)
    response = client.post(PAGE, {"name": "one too many"})
    assert response.status_code == 422
    assert "at most 10" in response.text
    assert ApiToken.objects.filter(user=france_focal_point).count() == 10
    revoke_token(actor=None, token=ApiToken.objects.filter(user=france_focal_point).first())
    assert client.post(PAGE, {"name": "a replacement"}).status_code == 200


def test_the_page_speaks_arabic_right_to_left(client: Client, france_focal_point: Any) -> None:
    client.force_login(france_focal_point)
    client.cookies["django_language"] = "ar"
    page = client.get(PAGE)
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "<h1>رموز واجهة البرمجة</h1>" in page.text  # "API tokens"
    assert "<h1>API tokens</h1>" not in page.text
