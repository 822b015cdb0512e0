"""The registry: 193 Member States and 2 observer States in six languages, regional groups,
organisations; NGOs and NHRIs imported from CSV with a report of the rows refused."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_registry_holds_193_member_states_and_two_observer_states(registry: None) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    counts = Counter(Stakeholder.objects.values_list("kind", flat=True))
    assert counts["member-state"] == 193
    assert counts["observer-state"] == 2
    observers = set(
        Stakeholder.objects.filter(kind="observer-state").values_list("country", flat=True)
    )
    assert observers == {"VAT", "PSE"}
    # The UNTERM list also names the Cook Islands and Niue, which are neither.
    assert not Stakeholder.objects.filter(country__in=["COK", "NIU"]).exists()


def test_regional_group_sizes() -> None:
    # Kiribati in Asia-Pacific (53 + 1); the United States counted in WEOG (28 + 1), see the
    # comment in regional_groups.toml.
    from hrdialogue.web.stakeholders.registry import read_regional_groups

    member_group, observers, observer_states = read_regional_groups()
    sizes = Counter(member_group.values())
    assert sizes == {
        "african": 54,
        "asia-pacific": 54,
        "eastern-european": 23,
        "latin-american-caribbean": 33,
        "western-european-others": 29,
    }
    assert sum(sizes.values()) == 193
    assert member_group["KIR"] == "asia-pacific"
    assert member_group["TUR"] == "western-european-others"
    assert member_group["ISR"] == "western-european-others"
    assert observers == {"USA"}
    assert observer_states == {"VAT": "", "PSE": "asia-pacific"}


def test_every_member_state_of_the_unterm_list_has_one_group(registry: None) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    assert not Stakeholder.objects.filter(kind="member-state", regional_group="").exists()


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        # Short names as the UN writes them (read from UNTERM, checked by hand).
        ("fra", "ar", "فرنسا"),
        ("fra", "zh", "法国"),
        ("fra", "ru", "Франция"),
        ("deu", "fr", "Allemagne"),
        ("esp", "es", "España"),
        ("tur", "en", "Türkiye"),
        ("vat", "en", "Holy See"),
        ("pse", "fr", "État de Palestine"),
        ("egy", "ar", "مصر"),
        ("chn", "zh", "中国"),
    ],
)
def test_states_are_named_in_the_six_languages(
    registry: None, code: str, language: str, name: str
) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    state = Stakeholder.objects.get(code=code)
    assert state.name_in(language) == name
    assert set(state.names) == {"ar", "zh", "en", "fr", "ru", "es"}


def test_the_list_page_in_arabic_shows_arabic_names_right_to_left(
    client: Client, registry: None
) -> None:
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("stakeholders:list"), {"kind": "member-state", "group": "african"})
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "مصر" in page.text
    assert "Egypt" not in page.text


GOOD_NGOS = (
    "name,acronym,country,email,status\n"
    "Demo Human Rights Watchers,DHRW,FRA,contact@dhrw.example,special\n"
    "Demo Liga de Derechos,,ARG,,general\n"
)
BROKEN_NGOS = (
    "name,acronym,country,email,status\n"
    "Fine Organisation,FO,KEN,,roster\n"
    ",X,FRA,,special\n"
    "Unknown Land Org,ULO,XXX,,special\n"
    "Bad Status Org,BSO,FRA,,accredited\n"
    "Bad Mail Org,BMO,FRA,not-an-address,special\n"
    "Fine Organisation,FO,KEN,,roster\n"
    "Too,Many,FRA,,special,extra\n"
)


def _import(client: Client, kind: str, text: str | bytes, name: str = "orgs.csv") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = text.encode() if isinstance(text, str) else text
    upload = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse("stakeholders:import"), {"kind": kind, "file": upload})


def test_ngos_are_imported_from_csv(client: Client, registry: None, secretariat: Any) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    client.force_login(secretariat)
    response = _import(client, "ngo", GOOD_NGOS)
    assert response.status_code == 302
    ngo = Stakeholder.objects.get(name="Demo Human Rights Watchers")
    assert (ngo.kind, ngo.country, ngo.ecosoc_status) == ("ngo", "FRA", "special")
    assert _import(client, "ngo", GOOD_NGOS).status_code == 302  # again: updated, not doubled
    assert Stakeholder.objects.filter(kind="ngo").count() == 2


def test_a_csv_with_broken_rows_is_refused_whole_with_line_and_reason(
    client: Client, registry: None, secretariat: Any
) -> None:
    from hrdialogue.web.audit.models import AuditEntry
    from hrdialogue.web.stakeholders.models import Stakeholder

    client.force_login(secretariat)
    response = _import(client, "ngo", BROKEN_NGOS)
    assert response.status_code == 400
    rejected = [(r.line, r.reason) for r in response.context["report"].rejected]
    assert [line for line, _reason in rejected] == [3, 4, 5, 6, 7, 8]
    reasons = dict(rejected)
    assert "name is empty" in reasons[3]
    assert "unknown country code 'XXX'" in reasons[4]
    assert "unknown status 'accredited'" in reasons[5]
    assert "not-an-address" in reasons[6]
    assert "already on line 2" in reasons[7]
    assert "more cells than columns" in reasons[8]
    assert "Nothing was imported." in response.text
    assert not Stakeholder.objects.filter(kind="ngo").exists()
    assert not AuditEntry.objects.filter(action="stakeholders.import").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The submitted file is empty."),
        (b" \n\n", "The file is empty."),
        (b"\xff\xfe\x00n\x00a", "not UTF-8"),
        (b"title,country\nX,FRA\n", "lacks the column(s) name, status"),
        (b"name,country,status\n", "header but no rows"),
    ],
)
def test_an_unreadable_csv_gets_one_clear_message(
    client: Client, registry: None, secretariat: Any, data: bytes, message: str
) -> None:
    client.force_login(secretariat)
    response = _import(client, "nhri", data)
    assert response.status_code == 400
    assert message in response.text


def test_nhri_accreditation_is_checked(client: Client, registry: None, secretariat: Any) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    client.force_login(secretariat)
    text = "name,country,status\nDemo Commission nationale,FRA,a\nDemo Defensoría,PER,C\n"
    response = _import(client, "nhri", text)
    assert response.status_code == 400
    assert [r.line for r in response.context["report"].rejected] == [3]
    assert _import(client, "nhri", text.replace("PER,C", "PER,B")).status_code == 302
    assert Stakeholder.objects.get(name="Demo Commission nationale").nhri_status == "A"


def test_the_error_is_in_the_users_language(
    client: Client, registry: None, secretariat: Any
) -> None:
    client.force_login(secretariat)
    client.cookies["django_language"] = "es"
    response = _import(client, "ngo", b"name,country\n")
    assert response.status_code == 400
    assert "falta" in response.text  # «a la cabecera le falta la columna…»


def test_contacts_are_visible_to_staff_only(
    client: Client, registry: None, secretariat: Any, public_user: Any
) -> None:
    client.force_login(secretariat)
    url = reverse("stakeholders:detail", args=["fra"])
    added = client.post(
        url, {"name": "Mission", "email": "mission@fr.example", "title": "", "language": "fr"}
    )
    assert added.status_code == 302
    twice = client.post(
        url, {"name": "Mission", "email": "mission@fr.example", "title": "", "language": "fr"}
    )
    assert twice.status_code == 200
    assert "already a contact" in twice.text
    assert "mission@fr.example" in client.get(url).text
    client.force_login(public_user)
    assert "mission@fr.example" not in client.get(url).text
    assert (
        client.post(url, {"name": "X", "email": "x@y.example", "language": "fr"}).status_code == 403
    )


# --- Organisations in the six languages ------------------------------------------------------

# OHCHR as the six language services name it (written from the UN's usage, not from our data).
OHCHR = {
    "en": "Office of the United Nations High Commissioner for Human Rights",
    "fr": "Haut-Commissariat des Nations Unies aux droits de l'homme",
    "es": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
    "ru": "Управление Верховного комиссара Организации Объединенных Наций по правам человека",
    "ar": "مفوضية الأمم المتحدة السامية لحقوق الإنسان",
    "zh": "联合国人权事务高级专员办事处",
}


@pytest.mark.parametrize("language", sorted(OHCHR))
def test_ohchr_is_named_in_each_of_the_six_languages(registry: None, language: str) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    assert Stakeholder.objects.get(code="ohchr").name_in(language) == OHCHR[language]


def test_every_listed_organisation_has_a_name_in_each_language(registry: None) -> None:
    from hrdialogue.web.stakeholders.models import Stakeholder

    organisations = Stakeholder.objects.filter(kind__in=("un-entity", "specialized-agency", "igo"))
    assert organisations.count() == 37
    for organisation in organisations:
        assert set(organisation.names) == {"ar", "zh", "en", "fr", "ru", "es"}, organisation.code
        # the English name is not standing in for a missing one (OIF's is French everywhere)
        if organisation.code != "oif":
            assert organisation.names["ar"] != organisation.names["en"]
            assert organisation.names["fr"] != organisation.names["en"]


@pytest.mark.parametrize(
    ("code", "language", "corpus_file"),
    [
        # "…联合国同各国议会联盟的合作…" (A/RES/52/7, Chinese)
        ("ipu", "zh", "A_RES_52_7.zh.txt"),
        # "…la Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura…"
        ("unesco", "es", "A_RES_62_171.es.txt"),
    ],
)
def test_the_names_are_those_the_un_texts_use(
    shared: Path, code: str, language: str, corpus_file: str
) -> None:
    from hrdialogue.web.stakeholders.registry import read_organisations

    name = next(o for o in read_organisations() if o.code == code).names[language]
    text = (shared / "corpus" / "un" / corpus_file).read_text(encoding="utf-8")
    assert name in " ".join(text.split())


def test_the_igo_list_in_arabic_names_them_in_arabic(client: Client, registry: None) -> None:
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("stakeholders:list"), {"kind": "igo"})
    assert "جامعة الدول العربية" in page.text  # League of Arab States
    assert "League of Arab States" not in page.text


def test_a_note_verbale_to_an_organisation_is_addressed_in_its_contacts_language(
    open_call: Any, secretariat: Any, client: Client
) -> None:
    import io

    import docx

    from hrdialogue.web.invitations.models import ReplyInvitation
    from hrdialogue.web.invitations.services import create_invitations
    from hrdialogue.web.stakeholders.models import Stakeholder
    from hrdialogue.web.stakeholders.services import add_contact

    ipu = Stakeholder.objects.get(code="ipu")
    add_contact(
        actor=secretariat,
        stakeholder=ipu,
        name="Focal Point",
        email="focal@ipu.example",
        title="",
        language="fr",
    )
    assert create_invitations(actor=secretariat, consultation=open_call, stakeholders=[ipu]) == 1
    invitation = ReplyInvitation.objects.get(consultation=open_call, stakeholder=ipu)
    assert (invitation.language, invitation.recipient_name) == ("fr", "Union interparlementaire")
    client.force_login(secretariat)
    response = client.get(f"/invitations/{invitation.pk}/note.docx")
    assert response.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Union interparlementaire" in text
    assert "Inter-Parliamentary Union" not in text


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("igo,x,X,Name,Nom,Nombre,Имя,,名", "line 2: no name in column 'ar'"),
        ("igo,x,X,Name,Nom,Nombre,Name,اسم,名", "line 2, column 'ru': 'Name' is not written"),
        ("igo,x,X,Name,Nom,Nombre,Имя,اسم,Name", "line 2, column 'zh'"),
    ],
)
def test_a_broken_row_of_the_organisation_list_is_refused_with_its_line(
    row: str, message: str
) -> None:
    from hrdialogue.web.stakeholders.registry import RegistryDataError, read_organisations

    header = "kind,code,acronym,en,fr,es,ru,ar,zh\n"
    with pytest.raises(RegistryDataError, match=re.escape(message)):
        read_organisations(header + row + "\n")
