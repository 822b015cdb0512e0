"""Actor keys found in six languages, in the grammatical forms the resolutions use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.actors import ACTOR_KEYS, ActorText, find_actors
from hrdialogue.documents.folding import fold_text


def _keys(text: str, language: str) -> list[str]:
    return [key for _, _, key in find_actors(text, language)]


# Phrases from the seed (A/RES/63/180, Russian) and the corpus, as printed there.
REAL = [
    ("ru", "Генерального секретаря", ["secretary-general"]),
    ("ru", "государства-члены", ["member-states"]),
    ("ru", "государствам", ["states"]),
    ("ru", "неправительственным организациям", ["non-governmental-organizations"]),
    (
        "ru",
        "с Верховным комиссаром Организации Объединенных Наций по правам человека",
        ["high-commissioner-for-human-rights"],
    ),
    (
        "ru",
        "с государствами и межправительственными и неправительственными организациями",
        ["states", "intergovernmental-organizations", "non-governmental-organizations"],
    ),
    (
        "ru",
        "государства-члены, специализированные учреждения и межправительственные организации",
        ["member-states", "specialized-agencies", "intergovernmental-organizations"],
    ),
    (
        "ru",
        "соответствующим механизмам и процедурам Организации Объединенных Наций по правам человека",
        ["un-human-rights-mechanisms"],
    ),
    ("ru", "всех, кто действует на международной арене", ["all-actors"]),
    ("ru", "включая Совет по правам человека", ["human-rights-council"]),
    (
        "en",
        "all the concerned organs and organizations of the United Nations system",
        ["un-system"],
    ),
    ("en", "the General Assembly", ["general-assembly"]),
    ("en", "through the Economic and Social Council", ["economic-and-social-council"]),
    (
        "fr",
        "les États Membres, les organisations intergouvernementales et les institutions "
        "spécialisées",
        ["member-states", "intergovernmental-organizations", "specialized-agencies"],
    ),
    ("fr", "le Président de la Commission des droits de l'homme", ["commission-on-human-rights"]),
    (
        "fr",
        "la Sous-Commission de la lutte contre les mesures discriminatoires et de la protection "
        "des minorités",
        ["sub-commission"],
    ),
    ("zh", "请秘书长向大会第五十三届会议", ["secretary-general", "general-assembly"]),
    ("zh", "联合国同各国议会联盟的合作", ["inter-parliamentary-union"]),
    ("ar", "تطلب إلى الأمين العام أن يقدم إلى الجمعية العا", ["secretary-general"]),
]

# Hand-written from reference/un-documents.md §1.4 and §2.3 (forms the six languages use).
HAND_WRITTEN = [
    ("en", "Requests the Secretary-General", ["secretary-general"]),
    (
        "en",
        "the Office of the United Nations High Commissioner for Human Rights",
        ["office-of-the-high-commissioner"],
    ),
    (
        "en",
        "to consult States, and intergovernmental and non-governmental organizations",
        ["states", "intergovernmental-organizations", "non-governmental-organizations"],
    ),
    ("en", "the United States of America", []),
    ("en", "States parties to the Covenant", ["states-parties"]),
    (
        "en",
        "national human rights institutions and civil society",
        [
            "national-human-rights-institutions",
            "civil-society",
        ],
    ),
    ("fr", "Prie le Secrétaire général de consulter les États", ["secretary-general", "states"]),
    (
        "fr",
        "la Haut-Commissaire des Nations Unies aux droits de l'homme",
        ["high-commissioner-for-human-rights"],
    ),
    ("fr", "aux organisations non gouvernementales", ["non-governmental-organizations"]),
    ("es", "Pide al Secretario General", ["secretary-general"]),
    (
        "es",
        "a los Estados Miembros y a las organizaciones no gubernamentales",
        [
            "member-states",
            "non-governmental-organizations",
        ],
    ),
    (
        "es",
        "las organizaciones intergubernamentales y no gubernamentales",
        [
            "intergovernmental-organizations",
            "non-governmental-organizations",
        ],
    ),
    ("es", "el Consejo de Derechos Humanos", ["human-rights-council"]),
    ("ar", "تطلب إلى الأمين العام", ["secretary-general"]),
    ("ar", "تهيب بالدول الأعضاء", ["member-states"]),
    ("ar", "وللأمين العام", ["secretary-general"]),
    (
        "ar",
        "الدول والمنظمات الحكومية الدولية وغير الحكومية",
        [
            "states",
            "intergovernmental-organizations",
            "non-governmental-organizations",
        ],
    ),
    ("ar", "ومجلس حقوق الإنسان", ["human-rights-council"]),
    ("ar", "مفوضة الأمم المتحدة السامية لحقوق الإنسان", ["high-commissioner-for-human-rights"]),
    ("ar", "المنظمات غير الحكومية", ["non-governmental-organizations"]),
    ("ar", "التعاون الدولي", []),
    (
        "zh",
        "请秘书长与联合国人权事务高级专员协商",
        [
            "secretary-general",
            "high-commissioner-for-human-rights",
        ],
    ),
    ("zh", "联合国人权事务高级专员办事处", ["office-of-the-high-commissioner"]),
    (
        "zh",
        "会员国、专门机构和非政府组织",
        [
            "member-states",
            "specialized-agencies",
            "non-governmental-organizations",
        ],
    ),
    ("ru", "государственных органов", []),
    (
        "ru",
        "Управление Верховного комиссара по правам человека",
        ["office-of-the-high-commissioner"],
    ),
    ("ru", "Генеральной Ассамблее", ["general-assembly"]),
    (
        "en",
        "the Special Rapporteur and relevant United Nations agencies",
        [
            "special-procedures",
            "un-system",
        ],
    ),
    ("es", "con el Relator Especial", ["special-procedures"]),
    ("ar", "مع المقرر الخاص", ["special-procedures"]),
    ("zh", "特别报告员", ["special-procedures"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), REAL + HAND_WRITTEN)
def test_actor_keys(language: str, text: str, expected: list[str]) -> None:
    assert _keys(text, language) == expected


def test_spans_point_at_the_names() -> None:
    text = (
        "просит Генерального секретаря в сотрудничестве с Верховным комиссаром по правам человека"
    )
    spans = {key: text[s:e] for s, e, key in find_actors(text, "ru")}
    assert spans == {
        "secretary-general": "Генерального секретаря",
        "high-commissioner-for-human-rights": "Верховным комиссаром по правам человека",
    }


def test_elliptic_phrase_names_two_actors_with_one_span() -> None:
    text = "межправительственными и неправительственными организациями"
    found = find_actors(text, "ru")
    assert [key for *_, key in found] == [
        "intergovernmental-organizations",
        "non-governmental-organizations",
    ]
    assert {(s, e) for s, e, _ in found} == {(0, len(text))}


def test_french_articles_and_apostrophes_are_part_of_the_name() -> None:
    text = "au Conseil des droits de l’homme"
    ((start, end, key),) = find_actors(text, "fr")
    assert (text[start:end], key) == (text, "human-rights-council")


def test_actor_lists_read_across_conjunctions_and_adjectives() -> None:
    text = (
        "государствам и соответствующим механизмам и процедурам Организации Объединенных Наций "
        "по правам человека продолжать"
    )
    actors, partners, end = ActorText(text, "ru").read_list(0, len(text))
    assert actors == ["states", "un-human-rights-mechanisms"]
    assert partners == []
    assert text[end:].strip() == "продолжать"


def test_the_key_list_names_every_key_the_issue_asks_for() -> None:
    required = {
        "general-assembly",
        "secretary-general",
        "high-commissioner-for-human-rights",
        "office-of-the-high-commissioner",
        "human-rights-council",
        "economic-and-social-council",
        "security-council",
        "member-states",
        "states",
        "observer-states",
        "specialized-agencies",
        "intergovernmental-organizations",
        "non-governmental-organizations",
        "national-human-rights-institutions",
        "un-human-rights-mechanisms",
        "un-system",
        "all-actors",
        "civil-society",
    }
    assert required <= set(ACTOR_KEYS)
    assert list(ACTOR_KEYS) == sorted(set(ACTOR_KEYS))
    assert all("+" not in key for key in ACTOR_KEYS)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        find_actors("die Mitgliedstaaten", "de")


@given(st.text())
def test_folding_keeps_the_length(text: str) -> None:
    assert len(fold_text(text)) == len(text)


@given(
    st.text(alphabet=st.characters(codec="utf-8")),
    st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]),
)
def test_actor_spans_lie_inside_the_text(text: str, language: str) -> None:
    for start, end, key in find_actors(text, language):
        assert 0 <= start < end <= len(text)
        assert key in ACTOR_KEYS
