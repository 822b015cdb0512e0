"""Mandates: who must do what, with whom, reporting when — in the seed, the corpus, six languages.

Operative paragraphs are built here from the real texts (cut by their numbers, lines joined
with spaces), not by the parser, so that this stage is tested on its own. Expected values are
written by reading the documents.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdialogue.documents.mandates import ACTIONS, MANDATE_KEYS, extract_mandates
from hrdialogue.documents.model import (
    Body,
    Deadline,
    Mandate,
    OperativeParagraph,
    Span,
    Subparagraph,
)
from tests.corpus import corpus_text

GA = Body.GENERAL_ASSEMBLY


def _identity(anchor: str, start: int, end: int) -> Span:
    return (start, end)


def _op(
    number: int, text: str, lead: str | None, lead_key: str | None, **kw: object
) -> OperativeParagraph:
    return OperativeParagraph.model_validate(
        {
            "anchor": f"OP{number}",
            "number": number,
            "lead": lead,
            "lead_key": lead_key,
            "text": text,
            "span": (0, len(text)),
            **kw,
        }
    )


def _numbered(text: str, number: int) -> str:
    """Operative paragraph `number` of a text laid out one paragraph per line or block."""
    head = re.search(rf"(?m)^\s*{number}\s*[.\-]\s*", text)
    assert head, f"paragraph {number} not found"
    rest = text[head.end() :]
    stop = re.search(rf"\n\s*\n|^\s*{number + 1}\s*[.\-]\s", rest, flags=re.MULTILINE)
    return " ".join(rest[: stop.start() if stop else None].split())


def _inline(text: str, number: int) -> str:
    """Operative paragraph `number` of a text whose paragraphs run on one line ("1.Requests")."""
    flat = " ".join(text.split())
    head = re.search(rf"(?<![\d/]){number}\.\s*(?=[A-Z])", flat)
    assert head, f"paragraph {number} not found"
    rest = flat[head.end() :]
    stop = re.search(rf"(?<![\d/]){number + 1}\.\s*(?=[A-Z])", rest)
    return rest[: stop.start() if stop else None].strip()


@dataclass(frozen=True)
class Expected:
    strength: str
    addressees: tuple[str, ...]
    action: str
    partners: tuple[str, ...] = ()
    consultees: tuple[str, ...] = ()
    session: int | None = None


def _check(mandates: tuple[Mandate, ...], expected: list[Expected]) -> None:
    got = [
        Expected(
            m.strength,
            m.addressees,
            m.action,
            m.partners,
            m.consultees,
            m.deadline.session if m.deadline else None,
        )
        for m in mandates
    ]
    assert got == expected


# --- the seed: A/RES/63/180 in Russian ---------------------------------------------------------

SEED_LEADS = {
    1: ("подтверждает", "affirms"),
    2: ("признает", "recognizes"),
    3: ("подтверждает", "affirms"),
    4: ("настоятельно призывает", "urges"),
    5: ("вновь подтверждает", "reaffirms"),
    6: ("считает", "considers"),
    7: ("подтверждает", "affirms"),
    8: ("призывает", "calls-upon"),
    9: ("предлагает", "invites"),
    10: ("просит", "requests"),
    11: ("постановляет", "decides"),
}

STATES_IGOS_NGOS = (
    "states",
    "intergovernmental-organizations",
    "non-governmental-organizations",
)

SEED_EXPECTED: dict[int, list[Expected]] = {
    1: [],
    2: [],
    3: [],  # "подтверждает … и приветствует": neither asks anyone to act
    4: [Expected("urges", ("all-actors",), "act")],
    5: [],
    6: [],
    7: [],
    8: [
        Expected(
            "calls-upon",
            ("member-states", "specialized-agencies", "intergovernmental-organizations"),
            "continue-dialogue",
        ),
        Expected("recommends", ("non-governmental-organizations",), "contribute"),
    ],
    9: [Expected("invites", ("states", "un-human-rights-mechanisms"), "pay-attention")],
    10: [
        Expected(
            "requests",
            ("secretary-general",),
            "consult",
            partners=("high-commissioner-for-human-rights",),
            consultees=STATES_IGOS_NGOS,
        )
    ],
    11: [Expected("decides", ("general-assembly",), "continue-consideration", session=64)],
}


@pytest.fixture(scope="module")
def seed_operative(seed_text: str) -> list[OperativeParagraph]:
    return [_op(n, _numbered(seed_text, n), *SEED_LEADS[n]) for n in range(1, 12)]


@pytest.mark.parametrize("number", sorted(SEED_EXPECTED))
def test_seed_mandates(seed_operative: list[OperativeParagraph], number: int) -> None:
    op = seed_operative[number - 1]
    mandates = extract_mandates([op], language="ru", body=GA, to_source=_identity)
    _check(mandates, SEED_EXPECTED[number])
    assert all(m.anchor == f"OP{number}" for m in mandates)


def test_seed_has_six_mandates_in_order(seed_operative: list[OperativeParagraph]) -> None:
    mandates = extract_mandates(seed_operative, language="ru", body=GA, to_source=_identity)
    assert [m.anchor for m in mandates] == ["OP4", "OP8", "OP8", "OP9", "OP10", "OP11"]


def test_seed_subjects_and_deadline(seed_operative: list[OperativeParagraph]) -> None:
    mandates = extract_mandates(seed_operative, language="ru", body=GA, to_source=_identity)
    by_lead = {(m.anchor, m.lead): m for m in mandates}
    op8_calls = by_lead["OP8", "призывает"]
    assert op8_calls.subject.startswith("продолжать проводить конструктивный диалог")
    assert op8_calls.subject.endswith("всех прав человека и основных свобод")
    assert by_lead["OP8", "рекомендует"].subject == "активно способствовать этим усилиям"
    op10 = by_lead["OP10", "просит"]
    assert op10.subject.startswith("провести с государствами")
    assert op10.subject.endswith("включая Совет по правам человека")
    op11 = by_lead["OP11", "постановляет"]
    assert op11.subject == (
        "продолжить рассмотрение этого вопроса на своей шестьдесят четвертой сессии"
    )
    assert op11.deadline == Deadline(session=64, year=2009, opens=dt.date(2009, 9, 15))
    assert by_lead["OP4", "настоятельно призывает"].lead == "настоятельно призывает"


def test_subject_span_goes_through_to_source(seed_operative: list[OperativeParagraph]) -> None:
    calls: list[tuple[str, int, int]] = []

    def to_source(anchor: str, start: int, end: int) -> Span:
        calls.append((anchor, start, end))
        return (start + 1000, end + 1000)

    op10 = seed_operative[9]
    (mandate,) = extract_mandates([op10], language="ru", body=GA, to_source=to_source)
    ((anchor, start, end),) = calls
    assert anchor == "OP10"
    assert op10.text[start:end] == mandate.subject
    assert mandate.subject_span == (start + 1000, end + 1000)


def test_without_the_adopting_body_decides_has_no_addressee_and_no_date(
    seed_operative: list[OperativeParagraph],
) -> None:
    (mandate,) = extract_mandates(
        [seed_operative[10]], language="ru", body=None, to_source=_identity
    )
    assert mandate.addressees == ()
    assert mandate.deadline == Deadline(session=64, year=None, opens=None)


def test_paragraph_text_with_its_number_and_without_a_classified_lead(
    seed_operative: list[OperativeParagraph],
) -> None:
    op10 = seed_operative[9]
    numbered = _op(10, "10. " + op10.text, None, None)
    (mandate,) = extract_mandates([numbered], language="ru", body=GA, to_source=_identity)
    assert (mandate.strength, mandate.lead, mandate.action) == ("requests", "просит", "consult")
    assert mandate.consultees == STATES_IGOS_NGOS


def test_text_without_its_lead_uses_the_classified_lead() -> None:
    op = _op(2, "the Secretary-General to report on the matter", "Requests", "requests")
    (mandate,) = extract_mandates([op], language="en", body=GA, to_source=_identity)
    assert (mandate.addressees, mandate.action) == (("secretary-general",), "report")


# --- the corpus ----------------------------------------------------------------------------------


def test_a_res_42_193_consult_and_report(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_42_193.en.txt")
    ops = [
        _op(1, _inline(text, 1), "Requests", "requests"),
        _op(2, _inline(text, 2), "Also requests", "requests", lead_modifiers=("also",)),
        _op(3, _inline(text, 3), "Decides", "decides"),
    ]
    mandates = extract_mandates(ops, language="en", body=GA, to_source=_identity)
    _check(
        mandates,
        [
            Expected(
                "requests", ("secretary-general",), "provide-information", partners=("un-system",)
            ),
            Expected("requests", ("secretary-general",), "report", session=43),
            Expected("decides", ("general-assembly",), "consider", session=43),
        ],
    )
    assert mandates[1].lead == "Also requests"
    assert mandates[1].deadline == Deadline(session=43, year=1988, opens=dt.date(1988, 9, 13))
    assert mandates[0].subject.startswith("provide information which would be appropriate")


def test_a_res_52_7_chinese(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_52_7.zh.txt")
    # Leads left unclassified (None): the stage finds them with its own table.
    ops = [_op(n, _numbered(text, n), None, None) for n in range(1, 5)]
    mandates = extract_mandates(ops, language="zh", body=GA, to_source=_identity)
    _check(
        mandates,
        [
            # "建议在…进一步加强这一合作": a recommendation that names no one
            Expected("recommends", (), "strengthen"),
            Expected("requests", ("secretary-general",), "report", session=53),
            Expected("decides", ("general-assembly",), "include-in-agenda", session=53),
        ],
    )
    assert [m.anchor for m in mandates] == ["OP2", "OP3", "OP4"]
    assert mandates[1].deadline == Deadline(session=53, year=1998, opens=dt.date(1998, 9, 15))


def test_a_res_52_134_french(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_52_134.fr.txt")
    ops = [
        _op(1, _numbered(text, 1), "Accueille avec satisfaction", "welcomes"),
        _op(2, _numbered(text, 2), "Engage", "calls-upon"),
    ]
    mandates = extract_mandates(ops, language="fr", body=GA, to_source=_identity)
    _check(
        mandates,
        [
            Expected(
                "calls-upon",
                ("member-states", "intergovernmental-organizations", "specialized-agencies"),
                "hold-dialogue",
            )
        ],
    )


def test_a_res_52_31_arabic_excerpt(shared: Path) -> None:
    text = corpus_text(shared, "A_RES_52_31.ar.txt")
    ops = [
        _op(1, _numbered(text, 1), "تؤكد مجددا", "reaffirms"),
        _op(2, _numbered(text, 2), "تطلب", "requests"),
    ]
    mandates = extract_mandates(ops, language="ar", body=GA, to_source=_identity)
    # The excerpt stops mid-word ("الجمعية العا"): the mandate is there, its action unknown.
    _check(mandates, [Expected("requests", ("secretary-general",), "act")])


# --- hand-written paragraphs (from reference/un-documents.md §1.4 and §2.3) ---------------------

HAND_WRITTEN = [
    (
        "fr",
        "Prie le Secrétaire général de consulter les États, les organisations "
        "intergouvernementales et les organisations non gouvernementales sur les moyens de "
        "renforcer la coopération internationale et de lui présenter à sa soixante-quatrième "
        "session un rapport sur la question;",
        "Prie",
        "requests",
        [Expected("requests", ("secretary-general",), "consult", (), STATES_IGOS_NGOS, 64)],
    ),
    (
        "fr",
        "Demande instamment aux États Membres, en coopération avec le Haut-Commissariat des "
        "Nations Unies aux droits de l'homme, de promouvoir le dialogue sur les questions "
        "relatives aux droits de l'homme et invite les organisations non gouvernementales à "
        "contribuer à ces efforts;",
        "Demande instamment",
        "urges",
        [
            Expected("urges", ("member-states",), "promote", ("office-of-the-high-commissioner",)),
            Expected("invites", ("non-governmental-organizations",), "contribute"),
        ],
    ),
    (
        "fr",
        "Décide de poursuivre l'examen de la question à sa soixante-cinquième session au titre "
        "de la question intitulée « Promotion et protection des droits de l'homme ».",
        "Décide",
        "decides",
        [Expected("decides", ("general-assembly",), "continue-consideration", session=65)],
    ),
    (
        "es",
        "Pide al Secretario General que le presente en su sexagésimo cuarto período de sesiones "
        "un informe sobre la aplicación de la presente resolución;",
        "Pide",
        "requests",
        [Expected("requests", ("secretary-general",), "report", session=64)],
    ),
    (
        "es",
        "Exhorta a los Estados Miembros, los organismos especializados y las organizaciones "
        "intergubernamentales a que sigan manteniendo un diálogo constructivo y celebrando "
        "consultas, y alienta a las organizaciones no gubernamentales a que contribuyan "
        "activamente a esa labor;",
        "Exhorta",
        "calls-upon",
        [
            Expected(
                "calls-upon",
                ("member-states", "specialized-agencies", "intergovernmental-organizations"),
                "continue-dialogue",
            ),
            Expected("encourages", ("non-governmental-organizations",), "contribute"),
        ],
    ),
    (
        "es",
        "Solicita al Secretario General que, en consulta con la Oficina del Alto Comisionado de "
        "las Naciones Unidas para los Derechos Humanos, recabe las opiniones de los Estados "
        "sobre los medios de fortalecer la cooperación internacional;",
        "Solicita",
        "requests",
        [
            Expected(
                "requests",
                ("secretary-general",),
                "consult",
                ("office-of-the-high-commissioner",),
                ("states",),
            )
        ],
    ),
    (
        "ar",
        "تطلب إلى الأمين العام أن يقدم إلى الجمعية العامة في دورتها الرابعة والستين تقريرا عن "
        "تنفيذ هذا القرار؛",
        "تطلب",
        "requests",
        [Expected("requests", ("secretary-general",), "report", session=64)],
    ),
    (
        "ar",
        "تهيب بالدول الأعضاء والوكالات المتخصصة والمنظمات الحكومية الدولية أن تواصل إجراء حوار "
        "بناء ومشاورات، وتوصي المنظمات غير الحكومية بأن تسهم بنشاط في هذه الجهود؛",
        "تهيب",
        "calls-upon",
        [
            Expected(
                "calls-upon",
                ("member-states", "specialized-agencies", "intergovernmental-organizations"),
                "continue-dialogue",
            ),
            Expected("recommends", ("non-governmental-organizations",), "contribute"),
        ],
    ),
    (
        "ar",
        "تقرر أن تواصل النظر في هذه المسألة في دورتها الخامسة والستين.",
        "تقرر",
        "decides",
        [Expected("decides", ("general-assembly",), "continue-consideration", session=65)],
    ),
    (
        "en",
        "Requests the United Nations High Commissioner for Human Rights to consult States, and "
        "intergovernmental and non-governmental organizations on ways and means to enhance "
        "international cooperation;",
        "Requests",
        "requests",
        [
            Expected(
                "requests",
                ("high-commissioner-for-human-rights",),
                "consult",
                consultees=STATES_IGOS_NGOS,
            )
        ],
    ),
    (
        "en",
        "Decides that the Forum shall meet annually;",
        "Decides",
        "decides",
        [],
    ),
    (
        "en",
        "Reaffirms that dialogue among cultures and civilizations facilitates the promotion of "
        "a culture of tolerance, and requests the Secretary-General to report thereon;",
        "Reaffirms",
        "reaffirms",
        [Expected("requests", ("secretary-general",), "report")],
    ),
    (
        "zh",
        "请秘书长与联合国人权事务高级专员合作，征求各国和非政府组织的意见，并向大会第六十五届会议提交报告；",
        "请",
        "requests",
        [
            Expected(
                "requests",
                ("secretary-general",),
                "consult",
                ("high-commissioner-for-human-rights",),
                ("states", "non-governmental-organizations"),
                65,
            )
        ],
    ),
]


HAND_WRITTEN += [
    (
        "en",
        "Strongly urges States to cooperate fully with the Special Rapporteur;",
        "Strongly urges",
        "urges",
        [Expected("urges", ("states",), "cooperate")],
    ),
    (
        "zh",
        "敦促各国与特别报告员充分合作；",
        "敦促",
        "urges",
        [Expected("urges", ("states",), "cooperate")],  # 特别报告员 is no 报告 (report)
    ),
    (
        "en",
        "Requests the Secretary-General to seek the views of Member States and relevant United "
        "Nations agencies on the matter and to submit a report thereon to the General Assembly "
        "at its sixty-sixth session;",
        "Requests",
        "requests",
        [
            Expected(
                "requests",
                ("secretary-general",),
                "consult",
                consultees=("member-states", "un-system"),
                session=66,
            )
        ],
    ),
]


@pytest.mark.parametrize(("language", "text", "lead", "lead_key", "expected"), HAND_WRITTEN)
def test_hand_written_paragraphs(
    language: str, text: str, lead: str, lead_key: str, expected: list[Expected]
) -> None:
    mandates = extract_mandates(
        [_op(1, text, lead, lead_key)], language=language, body=GA, to_source=_identity
    )
    _check(mandates, expected)
    for mandate in mandates:
        assert mandate.subject
        assert mandate.subject in text


def test_human_rights_council_session_has_no_date() -> None:
    text = (
        "Requests the High Commissioner to consult States and to submit a report thereon to the "
        "Human Rights Council at its tenth session;"
    )
    (mandate,) = extract_mandates(
        [_op(4, text, "Requests", "requests")],
        language="en",
        body=Body.HUMAN_RIGHTS_COUNCIL,
        to_source=_identity,
    )
    assert mandate.deadline == Deadline(session=10, year=None, opens=None)


def test_report_to_the_assembly_from_the_council_is_dated() -> None:
    text = (
        "Requests the High Commissioner to submit a report to the General Assembly at its "
        "seventy-third session;"
    )
    (mandate,) = extract_mandates(
        [_op(4, text, "Requests", "requests")],
        language="en",
        body=Body.HUMAN_RIGHTS_COUNCIL,
        to_source=_identity,
    )
    assert mandate.deadline == Deadline(session=73, year=2018, opens=dt.date(2018, 9, 18))


def test_a_session_of_the_organ_addressed_is_that_organs() -> None:
    text = (
        "Invite le Conseil des droits de l'homme à poursuivre l'examen de la question à sa "
        "dixième session;"
    )
    (mandate,) = extract_mandates(
        [_op(6, text, "Invite", "invites")], language="fr", body=GA, to_source=_identity
    )
    assert mandate.addressees == ("human-rights-council",)
    assert mandate.action == "continue-consideration"
    assert mandate.deadline == Deadline(session=10, year=None, opens=None)


# --- subparagraphs (hand-written: the corpus has none with mandates) ---------------------------

_SUBS = (
    (
        "(a)",
        "To consult States and non-governmental organizations on ways and means to enhance "
        "international cooperation;",
    ),
    (
        "(b)",
        "To report to the General Assembly at its sixty-fifth session on the outcome of those "
        "consultations.",
    ),
)
_CHAPEAU = (
    "Requests the Secretary-General, in cooperation with the Office of the High Commissioner:"
)


@pytest.mark.parametrize("runs_on", [False, True])
def test_a_chapeau_gives_one_mandate_per_subparagraph(runs_on: bool) -> None:
    subparagraphs = tuple(
        Subparagraph(anchor=f"OP5{label}", label=label, text=text, span=(0, len(text)))
        for label, text in _SUBS
    )
    text = _CHAPEAU
    if runs_on:  # a parser may leave the subparagraphs in the paragraph's text
        text += " " + " ".join(f"{label} {sub}" for label, sub in _SUBS)
    op = _op(5, text, "Requests", "requests", subparagraphs=subparagraphs)
    mandates = extract_mandates([op], language="en", body=GA, to_source=_identity)
    office = ("office-of-the-high-commissioner",)
    _check(
        mandates,
        [
            Expected(
                "requests",
                ("secretary-general",),
                "consult",
                office,
                ("states", "non-governmental-organizations"),
            ),
            Expected("requests", ("secretary-general",), "report", office, session=65),
        ],
    )
    assert [m.anchor for m in mandates] == ["OP5(a)", "OP5(b)"]
    assert mandates[0].subject.startswith("consult States")


# --- vocabulary and errors -----------------------------------------------------------------------


def test_vocabularies() -> None:
    assert {"consult", "report", "continue-consideration", "continue-dialogue", "act"} <= set(
        ACTIONS
    )
    assert {"requests", "calls-upon", "urges", "invites", "encourages", "recommends"} <= (
        MANDATE_KEYS
    )
    assert "reaffirms" not in MANDATE_KEYS


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="'de'"):
        extract_mandates(
            [_op(1, "ersucht den Generalsekretär", None, None)],
            language="de",
            body=GA,
            to_source=_identity,
        )


_PIECES = st.sampled_from(
    [
        "Requests the Secretary-General",
        " and requests ",
        "просит Генерального секретаря ",
        " и рекомендует ",
        "постановляет продолжить ",
        "تطلب إلى الأمين العام أن ",
        "请秘书长",
        "决定",
        "Décide de ",
        "Pide al Secretario General que ",
        " at its sixty-fourth session",
        " на своей шестьдесят четвертой сессии",
        "第六十四届会议",
        ", in consultation with States, ",
        "(a) ",
        ";",
        " ",
    ]
)


@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=12).map("".join),
    st.sampled_from(["ar", "zh", "en", "fr", "ru", "es"]),
)
def test_any_text_gives_well_formed_mandates(text: str, language: str) -> None:
    mandates = extract_mandates(
        [_op(1, text, None, None)], language=language, body=GA, to_source=_identity
    )
    for mandate in mandates:
        start, end = mandate.subject_span
        assert text[start:end] == mandate.subject
        assert mandate.strength in MANDATE_KEYS
        assert mandate.action in ACTIONS
