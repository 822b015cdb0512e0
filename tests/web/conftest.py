"""Fixtures of the web tests: the registry, one account per role, a stored resolution."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("django", reason="the web tests need the `web` extra")

PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def registry(db: Any) -> None:
    """The registry as `make run` loads it (loaded again after a flush)."""
    from hrdialogue.web.stakeholders.models import Kind, Stakeholder
    from hrdialogue.web.stakeholders.services import load_registry

    if not Stakeholder.objects.filter(kind=Kind.MEMBER_STATE).exists():
        load_registry()


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from hrdialogue.web.accounts.models import User

    def make(role: str, email: str | None = None, stakeholder: Any = None) -> Any:
        return User.objects.create_user(
            email or f"{role}@example.org", PASSWORD, role=role, stakeholder=stakeholder
        )

    return make


@pytest.fixture
def secretariat(make_user: Callable[..., Any]) -> Any:
    return make_user("secretariat")


@pytest.fixture
def moderator(make_user: Callable[..., Any]) -> Any:
    return make_user("moderator")


@pytest.fixture
def public_user(make_user: Callable[..., Any]) -> Any:
    return make_user("public")


@pytest.fixture
def france_focal_point(make_user: Callable[..., Any], registry: None) -> Any:
    from hrdialogue.web.stakeholders.models import Stakeholder

    return make_user("focal-point", "fp-france@example.org", Stakeholder.objects.get(code="fra"))


@pytest.fixture
def stored_resolution(db: Any, secretariat: Any) -> Any:
    from hrdialogue.web.resolutions.services import store_resolution
    from tests.web.resolution_fixture import hand_written_resolution

    return store_resolution(
        actor=secretariat,
        resolution=hand_written_resolution(),
        text="(hand-written test text)",
        source_name="a-res-63-180-ru.txt",
        source_format="text",
        source_sha256="0" * 64,
    )


@pytest.fixture
def consultation(registry: None, stored_resolution: Any, secretariat: Any) -> Any:
    """A draft consultation opened from OP10 (index 0) of the hand-written resolution."""
    from hrdialogue.web.consultations.services import open_consultation

    return open_consultation(
        actor=secretariat, document=stored_resolution, mandate_index=0, title="OP10 consultation"
    )


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a request of an earlier test (a French
    cookie) leaves its language active in the thread, where a service called directly would
    speak it."""
    from django.utils import translation

    with translation.override(None):
        yield


@pytest.fixture(autouse=True)
def _no_real_mail_or_network(settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _replies_on_tmp(settings: Any, tmp_path_factory: Any) -> None:
    """Reply files and the receipt key of a test run live in a temporary folder, not var/."""
    root = tmp_path_factory.getbasetemp() / "hrdialogue-var"
    settings.MEDIA_ROOT = root / "media"
    settings.RECEIPT_KEY_PATH = root / "keys" / "receipt-ed25519.pem"


@pytest.fixture
def open_call(registry: None, secretariat: Any) -> Any:
    """An OP10 consultation open for replies, its deadline 30 days ahead (hand-written
    resolution with the adoption date of A/RES/63/180, 18 December 2008)."""
    import datetime as dt

    from django.utils import timezone

    from hrdialogue.documents.model import Adoption
    from hrdialogue.web.consultations.models import Consultation
    from hrdialogue.web.consultations.services import advance_phase, open_consultation
    from hrdialogue.web.resolutions.services import store_resolution
    from tests.web.resolution_fixture import hand_written_resolution

    resolution = hand_written_resolution().model_copy(
        update={"adoption": Adoption(meeting=70, date=dt.date(2008, 12, 18), span=(0, 1))}
    )
    document = store_resolution(
        actor=secretariat,
        resolution=resolution,
        text="(hand-written test text)",
        source_name="a-res-63-180-ru.txt",
        source_format="text",
        source_sha256="1" * 64,
    )
    consultation = open_consultation(
        actor=secretariat, document=document, mandate_index=0, title="OP10 consultation"
    )
    advance_phase(actor=secretariat, consultation=consultation, to="open")
    today = timezone.localdate()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - dt.timedelta(days=10),
        reply_deadline=today + dt.timedelta(days=30),
        reminders=[(today - dt.timedelta(days=1)).isoformat()],
    )
    consultation.refresh_from_db()
    return consultation


@pytest.fixture
def russia_focal_point(make_user: Callable[..., Any], registry: None) -> Any:
    from hrdialogue.web.stakeholders.models import Stakeholder

    return make_user("focal-point", "fp-russia@example.org", Stakeholder.objects.get(code="rus"))
