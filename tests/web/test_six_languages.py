"""Six languages: complete catalogs (no missing, fuzzy or stale string), RTL Arabic, a switcher
that remembers the choice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import polib
import pytest
from django.test import Client
from django.urls import reverse

import hrdialogue.web

WEB = Path(hrdialogue.web.__file__).resolve().parent
LOCALES = ["ar", "zh_Hans", "fr", "ru", "es"]


def _catalog(locale: str) -> polib.POFile:
    return polib.pofile(str(WEB / "locale" / locale / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_string_is_translated_and_none_is_fuzzy(locale: str) -> None:
    catalog = _catalog(locale)
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []
    assert [e.msgid for e in catalog.obsolete_entries()] == []
    assert "awaiting review by United Nations language staff" in catalog.header


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalog_matches_the_source(locale: str) -> None:
    mo = polib.mofile(str(WEB / "locale" / locale / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in _catalog(locale)
        if e.msgstr or e.msgstr_plural
    }
    assert source == {k: compiled.get(k) for k in source}, "run `make messages`"


def test_the_catalogs_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    """makemessages over a copy of the sources: any msgid missing from the catalogs fails."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext (Debian package gettext) is needed for the catalog check")
        pytest.skip("xgettext (Debian package gettext) is not installed")
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hrdialogue.web.config.settings.test",
        "HRDIALOGUE_LOCALE_DIR": str(copy / "locale"),
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "hrdialogue.web",
            "makemessages",
            "-l",
            "fr",
            "--keep-pot",
            "-i",
            "templates/500.html",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    extracted = {(e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale" / "django.pot"))}
    for locale in LOCALES:
        present = {(e.msgctxt, e.msgid) for e in _catalog(locale)}
        assert extracted - present == set(), f"{locale}: run `make messages` and translate"
        assert present - extracted == set(), f"{locale}: strings no longer used"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "sign_in"),
    [
        ("ar", "rtl", "تسجيل الدخول"),
        ("zh-hans", "ltr", "登录"),
        ("en", "ltr", "Sign in"),
        ("fr", "ltr", "Se connecter"),
        ("ru", "ltr", "Войти"),
        ("es", "ltr", "Iniciar sesión"),
    ],
)
def test_the_page_speaks_the_chosen_language(
    client: Client, language: str, direction: str, sign_in: str
) -> None:
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == language  # remembered
    page = client.get("/")
    assert f'<html lang="{language}" dir="{direction}">' in page.text
    assert sign_in in page.text


@pytest.mark.django_db
def test_the_consultation_page_in_arabic_names_the_states_in_arabic(
    client: Client, consultation: Any, secretariat: Any
) -> None:
    from hrdialogue.web.consultations.services import advance_phase

    advance_phase(actor=secretariat, consultation=consultation, to="open")
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("consultations:detail", args=[consultation.pk]))
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "فرنسا" in page.text
    assert "الصين" in page.text
    assert "مفتوحة لتلقي الردود" in page.text  # the phase, in Arabic


def test_the_stylesheet_uses_logical_properties_only() -> None:
    css = (WEB / "pages" / "static" / "pages" / "site.css").read_text(encoding="utf-8")
    for physical in (
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float:",
        "left:",
        "right:",
    ):
        assert physical not in css, physical
