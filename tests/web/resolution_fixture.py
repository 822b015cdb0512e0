"""A hand-written `Resolution` shaped like A/RES/63/180 (Russian), for tests that must not wait
for the reader: written by reading the seed's OP10 and OP11, not produced by the program.

OP10 asks the Secretary-General to consult States, intergovernmental and non-governmental
organizations (no session named); OP11 decides to continue consideration at the sixty-fourth
session of the General Assembly, which opened on 15 September 2009.
"""

from __future__ import annotations

import datetime as dt

from hrdialogue.documents.model import (
    Body,
    Deadline,
    Mandate,
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
)

__all__ = ["GA64_OPENS", "hand_written_resolution"]

GA64_OPENS = dt.date(2009, 9, 15)

_OP10 = (
    "просит Генерального секретаря в сотрудничестве с Верховным комиссаром Организации "
    "Объединенных Наций по правам человека провести с государствами и межправительственными "
    "и неправительственными организациями консультации о путях и средствах укрепления "
    "международного сотрудничества и диалога в рамках правозащитного механизма Организации "
    "Объединенных Наций, включая Совет по правам человека;"
)
_OP11 = "постановляет продолжить рассмотрение этого вопроса на своей шестьдесят четвертой сессии."


def hand_written_resolution(*, with_deadline: bool = True) -> Resolution:
    op11_deadline = Deadline(session=64, year=2009, opens=GA64_OPENS) if with_deadline else None
    return Resolution(
        body=Body.GENERAL_ASSEMBLY,
        symbol="A/RES/63/180",
        number="63/180",
        session=63,
        language="ru",
        title="Укрепление международного сотрудничества в области прав человека",
        enacting_formula="Генеральная Ассамблея,",
        preamble=(
            PreambularParagraph(
                anchor="PP1",
                lead="вновь подтверждая",
                lead_key="reaffirming",
                text="вновь подтверждая свою приверженность…,",
                span=(0, 10),
            ),
        ),
        operative=(
            OperativeParagraph(
                anchor="OP10",
                number=10,
                lead="просит",
                lead_key="requests",
                text=_OP10,
                span=(100, 200),
            ),
            OperativeParagraph(
                anchor="OP11",
                number=11,
                lead="постановляет",
                lead_key="decides",
                text=_OP11,
                span=(200, 260),
            ),
        ),
        footnotes=(),
        references=(),
        adoption=None,
        mandates=(
            Mandate(
                anchor="OP10",
                strength="requests",
                lead="просит",
                addressees=("secretary-general",),
                partners=("high-commissioner-for-human-rights",),
                consultees=(
                    "states",
                    "intergovernmental-organizations",
                    "non-governmental-organizations",
                ),
                action="consult",
                subject="о путях и средствах укрепления международного сотрудничества",
                subject_span=(150, 190),
            ),
            Mandate(
                anchor="OP11",
                strength="decides",
                lead="постановляет",
                addressees=("general-assembly",),
                action="continue-consideration",
                subject="продолжить рассмотрение этого вопроса",
                subject_span=(212, 250),
                deadline=op11_deadline,
            ),
        ),
        warnings=(),
        source_length=10706,
    )
