"""The masthead names the session in words; the closing names the meeting and the date.

Every text here is HAND-WRITTEN for these tests from the layout rules in
`reference/un-documents.md` (§1.3 identification, §2.3 enacting formulas and leads): they are
not UN documents. None has a number line ("63/180.") or a symbol, so the session can come only
from the words of the masthead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hrdialogue.documents.closing import find_closing
from hrdialogue.documents.model import Body
from hrdialogue.documents.parse import parse_resolution

MASTHEADS = [
    (
        "en",
        "United Nations\nGeneral Assembly\nSixty-first session\nAgenda item 67\n\n"
        "Resolution adopted by the General Assembly\n\nThe General Assembly,\n\n"
        "Recalling its earlier resolutions on the subject,\n\n"
        "1. Requests the Secretary-General to report.\n",
        Body.GENERAL_ASSEMBLY,
        61,
    ),
    (
        "en",
        "United Nations\nHuman Rights Council\nSeventh session\nAgenda item 3\n\n"
        "The Human Rights Council,\n\nRecalling its earlier resolutions on the subject,\n\n"
        "1. Requests the High Commissioner to report.\n",
        Body.HUMAN_RIGHTS_COUNCIL,
        7,
    ),
    (
        "ru",
        "Организация Объединенных Наций\nГенеральная Ассамблея\nПятьдесят седьмая сессия\n"
        "Пункт 109 повестки дня\n\nГенеральная Ассамблея,\n\n"
        "ссылаясь на свои предыдущие резолюции,\n\n1. просит Генерального секретаря представить"
        " доклад.\n",
        Body.GENERAL_ASSEMBLY,
        57,
    ),
    (
        "es",
        "Naciones Unidas\nAsamblea General\nSexagésimo segundo período de sesiones\n"
        "Tema 70 del programa\n\nLa Asamblea General,\n\nRecordando sus resoluciones anteriores,"
        "\n\n1. Pide al Secretario General que presente un informe.\n",
        Body.GENERAL_ASSEMBLY,
        62,
    ),
    (
        "fr",
        "Nations Unies\nAssemblée générale\nSoixante-troisième session\n"
        "Point 64 de l'ordre du jour\n\nL'Assemblée générale,\n\n"
        "Rappelant ses résolutions antérieures,\n\n1. Prie le Secrétaire général de présenter un"
        " rapport.\n",
        Body.GENERAL_ASSEMBLY,
        63,
    ),
    (
        "ar",
        "الأمم المتحدة\nالجمعية العامة\nالدورة الثالثة والستون\n\nإن الجمعية العامة،\n\n"
        "إذ تشير إلى قراراتها السابقة،\n\n1 - تطلب إلى الأمين العام أن يقدم تقريرا.\n",
        Body.GENERAL_ASSEMBLY,
        63,
    ),
    (
        "zh",
        "联合国\n大会\n第六十三届会议\n\n大会，\n\n回顾其以往各项决议，\n\n1. 请秘书长提出报告。\n",
        Body.GENERAL_ASSEMBLY,
        63,
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "body", "session"), MASTHEADS, ids=[m[0] + str(m[3]) for m in MASTHEADS]
)
def test_session_named_in_words_in_the_masthead(
    language: str, text: str, body: Body, session: int
) -> None:
    resolution = parse_resolution(text, language=language)
    assert resolution.body is body
    assert resolution.number is None
    assert resolution.session == session


def test_number_line_gives_the_session_before_the_words() -> None:
    text = (
        "United Nations\nGeneral Assembly\nSixty-third session\n\n63/180. Title of the text\n\n"
        "The General Assembly,\n\nRecalling its earlier resolutions,\n\n1. Requests a report.\n"
    )
    resolution = parse_resolution(text, language="en")
    assert (resolution.number, resolution.session) == ("63/180", 63)


def test_masthead_without_a_session_has_none() -> None:
    text = (
        "United Nations\nGeneral Assembly\nAgenda item 67\n\nThe General Assembly,\n\n"
        "Recalling its earlier resolutions,\n\n1. Requests the Secretary-General to report"
        " at its sixty-fourth session.\n"
    )
    assert parse_resolution(text, language="en").session is None


@pytest.mark.parametrize(
    ("language", "text", "meeting", "date"),
    [
        ("en", "1. Decides so.\n\n70th plenary meeting\n18 December 2008\n", 70, (2008, 12, 18)),
        ("fr", "1. Décide.\n\n70e séance plénière\n1er décembre 2008\n", 70, (2008, 12, 1)),
        (
            "es",
            "1. Decide.\n\n70ª sesión plenaria\n18 de diciembre de 2008\n",
            70,
            (2008, 12, 18),
        ),
        (
            "ru",
            "1. постановляет.\n\n70-е пленарное заседание,\n18 декабря 2008 года\n",
            70,
            (2008, 12, 18),
        ),
        (
            "ar",
            "1 - تقرر.\n\nالجلسة العامة 70\n18 كانون الأول/ديسمبر 2008\n",
            70,
            (2008, 12, 18),
        ),
        ("zh", "1. 决定。\n\n2008年12月 18日\n第70次全体会议\n", 70, (2008, 12, 18)),
        # a date in a language other than the document's is still read
        ("fr", "1. Décide.\n\n70e séance plénière\n18 December 2008\n", 70, (2008, 12, 18)),
        # no date: the meeting alone
        ("en", "1. Decides so.\n\n70th plenary meeting\n", 70, None),
    ],
)
def test_closing_meeting_and_date(
    language: str, text: str, meeting: int, date: tuple[int, int, int] | None
) -> None:
    closing = find_closing(text, 0, language)
    assert closing is not None
    assert closing.meeting == meeting
    assert closing.date == (dt.date(*date) if date else None)
    assert (
        text[closing.start : closing.end]
        .strip()
        .endswith(text.rstrip().rsplit("\n", 1)[-1].strip())
    )


def test_html_rendition_date_label() -> None:
    text = (
        "52/134 | Titre | |\nDate: 12 décembre 1997 Adoptée sans vote |\nSéance plénière: 70ème\n"
    )
    closing = find_closing(text, len(text), "fr")
    assert closing is not None
    assert (closing.meeting, closing.date) == (70, dt.date(1997, 12, 12))
