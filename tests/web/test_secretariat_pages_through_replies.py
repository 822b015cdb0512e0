"""The Secretariat's dashboard lists the replies 50 to a page, says which ones it shows and
links to the pages before and after it, keeping the rest of the address; a button on a page
comes back to that page. Reply texts are hand-written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.web.test_dashboard_queries import STATES, _reply_from

pytestmark = pytest.mark.django_db


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr id="reply-(R\d+)">', page)


def _get(client: Any, consultation: Any, **query: str) -> str:
    response = client.get(reverse("submissions:dashboard", args=[consultation.pk]), query)
    assert response.status_code == 200
    return str(response.content.decode())


@pytest.fixture
def eight(client: Any, make_user: Any, secretariat: Any, open_call: Any, monkeypatch: Any) -> Any:
    """Eight replies (R1-R8), three to a page."""
    from hrdialogue.web.submissions import views

    monkeypatch.setattr(views, "DASHBOARD_PAGE_SIZE", 3)
    for n, code in enumerate(STATES):
        _reply_from(make_user, open_call, code, n)
    client.force_login(secretariat)
    return open_call


def test_a_page_holds_fifty_replies_and_says_which(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    codes = Stakeholder.objects.filter(consultations=open_call).order_by("code")[:51]
    for n, stakeholder in enumerate(codes):
        _reply_from(make_user, open_call, stakeholder.code, n)
    client.force_login(secretariat)
    page = _get(client, open_call)
    assert _rows(page) == [f"R{n}" for n in range(1, 51)]
    assert '<p id="replies-range">Replies 1–50 of 51</p>' in page
    assert "Page 1 of 2" in page
    page = _get(client, open_call, page="2")
    assert _rows(page) == ["R51"]
    assert '<p id="replies-range">Replies 51–51 of 51</p>' in page


def test_the_second_page_and_its_links(client: Any, eight: Any) -> None:
    page = _get(client, eight, page="2")
    assert _rows(page) == ["R4", "R5", "R6"]
    assert "Replies 4–6 of 8" in page
    nav = page[page.index('<nav aria-label="Pages of replies"') :]
    assert '<a href="?page=1" rel="prev">Previous page</a>' in nav
    assert '<a href="?page=3" rel="next">Next page</a>' in nav
    assert "Page 2 of 3" in nav
    # The totals above the table count every reply, not the page's.
    assert re.search(r"<dt>Replies</dt><dd>8</dd>", page)


def test_a_page_out_of_range_or_not_a_number(client: Any, eight: Any) -> None:
    page = _get(client, eight, page="99")
    assert _rows(page) == ["R7", "R8"]  # the last page
    assert "Replies 7–8 of 8" in page
    assert "Page 3 of 3" in page
    assert "Next page" not in page
    page = _get(client, eight, page="two")
    assert _rows(page) == ["R1", "R2", "R3"]
    assert "Previous page" not in page


def test_the_rest_of_the_address_survives_paging(client: Any, eight: Any) -> None:
    """The dashboard has no filter of its own yet: whatever else the address carries (a
    filter or a sort order to come) is kept in the links, `page` once."""
    page = _get(client, eight, status="late", page="2")
    assert _rows(page) == ["R4", "R5", "R6"]
    assert '<a href="?status=late&amp;page=1" rel="prev">' in page
    assert '<a href="?status=late&amp;page=3" rel="next">' in page
    # The publish buttons of the page bring the Secretariat back to it.
    from hrdialogue.web.submissions.models import Reply

    r5 = Reply.objects.get(consultation=eight, number=5)
    action = reverse("submissions:publish", args=[r5.pk]) + "?status=late&amp;page=2"
    assert f'action="{action}"' in page
    response = client.post(reverse("submissions:publish", args=[r5.pk]) + "?status=late&page=2")
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("submissions:dashboard", args=[eight.pk]) + "?status=late&page=2"
    )
    r5.refresh_from_db()
    assert r5.published_at is not None


def test_only_the_rows_of_the_page_are_built(
    client: Any, eight: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hrdialogue.web.submissions import views

    built: list[int] = []
    real = views._dashboard_rows

    def spy(replies: Any, *args: Any) -> list[dict[str, Any]]:
        rows = real(replies, *args)
        built.append(len(rows))
        return rows

    monkeypatch.setattr(views, "_dashboard_rows", spy)
    _get(client, eight, page="3")
    assert built == [2]


def test_one_page_needs_no_page_links(
    client: Any, make_user: Any, secretariat: Any, open_call: Any
) -> None:
    client.force_login(secretariat)
    page = _get(client, open_call)
    assert 'id="replies-range"' not in page  # no reply yet
    assert "No reply yet." in page
    _reply_from(make_user, open_call, "fra", 0)
    page = _get(client, open_call)
    assert '<p id="replies-range">Reply 1–1 of 1</p>' in page
    assert "Pages of replies" not in page
